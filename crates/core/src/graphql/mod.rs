//! GraphQL's language: documents (operations, fragments, variables), schemas read from an introspection
//! result or from SDL, validation of a document against a schema, and completion at a cursor.

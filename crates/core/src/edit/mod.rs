//! Edit stage: what the user edits (the `Request` model and its environments), the query table that mirrors
//! the URL, bulk text editing of rows, a GraphQL body's envelope, and the examples gallery's requests.

pub mod bulk;
pub mod examples;
pub mod graphql_body;
pub mod model;
pub mod query;
pub mod signed_auth;
pub(crate) mod tagged;
pub mod vocabulary;

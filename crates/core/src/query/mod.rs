//! Queries into a JSON body: JSONPath (RFC 9535).

//! `/openapi.json` and `/openapi.yaml`: reqlab-echo's own OpenAPI description, so the reqlab app (or any
//! OpenAPI tool) can show a reference of this server and try its operations against it. The YAML is written
//! by hand; the JSON is the same document as data (a test keeps the two equal and every path answered).

use axum::{
    http::header,
    response::{IntoResponse, Response},
};

const YAML: &str = include_str!("../openapi/reqlab-echo.yaml");
const JSON: &str = include_str!("../openapi/reqlab-echo.json");

pub async fn json() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], JSON).into_response()
}

/// `application/yaml` is YAML's registered type (RFC 9512); browsers show it as text rather than run it.
pub async fn yaml() -> Response {
    ([(header::CONTENT_TYPE, "application/yaml")], YAML).into_response()
}

//! Error answers of the token and device authorization endpoints (RFC 6749 §5.2, RFC 8628 §3.5): JSON
//! `{error, error_description}`, 400, or 401 for `invalid_client` with a Basic challenge when Basic was used.

use crate::oauth::REALM;
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::json;

#[derive(Debug)]
pub struct OAuthError {
    pub code: &'static str,
    pub description: String,
    status: StatusCode,
    basic_challenge: bool,
}

impl OAuthError {
    /// A 400 with one of RFC 6749's error codes and a sentence.
    pub fn new(code: &'static str, description: impl Into<String>) -> Self {
        OAuthError {
            code,
            description: description.into(),
            status: StatusCode::BAD_REQUEST,
            basic_challenge: false,
        }
    }

    pub fn invalid_request(description: impl Into<String>) -> Self {
        Self::new("invalid_request", description)
    }

    pub fn invalid_grant(description: impl Into<String>) -> Self {
        Self::new("invalid_grant", description)
    }

    /// 401; a client that tried HTTP Basic is challenged to try again (RFC 6749 §5.2).
    pub fn invalid_client(description: impl Into<String>, used_basic: bool) -> Self {
        OAuthError {
            code: "invalid_client",
            description: description.into(),
            status: StatusCode::UNAUTHORIZED,
            basic_challenge: used_basic,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.code, "error_description": self.description });
        let mut response = (self.status, no_store_json(&body)).into_response();
        if self.basic_challenge {
            if let Ok(value) = HeaderValue::from_str(&format!("Basic realm=\"{REALM}\"")) {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
        }
        response
    }
}

/// JSON that no cache may keep: every answer carrying or refusing a token (RFC 6749 §5.1).
pub fn no_store_json(body: &serde_json::Value) -> Response {
    let mut response = crate::reply::pretty_json(body);
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

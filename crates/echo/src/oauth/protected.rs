//! The protected resource: answers who a valid bearer token stands for, and challenges anything else as
//! RFC 6750 §3 says (no error code when no token was sent; `invalid_token` and why, otherwise).

use crate::oauth::error::no_store_json;
use crate::oauth::store::{Lookup, Store};
use crate::oauth::REALM;
use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use serde_json::json;
use std::sync::Arc;
use tokio::time::Instant;

pub async fn protected(State(store): State<Arc<Store>>, headers: HeaderMap) -> Response {
    let Some(token) = bearer_token(&headers) else {
        return challenge(None);
    };
    let now = Instant::now();
    match store.lock().access.get(token, now) {
        Lookup::Live { value, expires } => {
            // Rounded up, so a token that is still valid never reports 0 seconds left.
            let left = (expires - now).as_millis().div_ceil(1000);
            no_store_json(&json!({
                "authenticated": true,
                "client_id": value.client_id,
                "scope": value.scope,
                "user": value.user,
                "expires_in": left,
            }))
        }
        Lookup::Expired => challenge(Some("The access token expired")),
        Lookup::Unknown => challenge(Some(
            "The access token is unknown (it may predate a restart of this server)",
        )),
    }
}

/// The token of `Authorization: Bearer <token>`; `None` when there is no Bearer authorization at all.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// 401 with a Bearer challenge. `description` is always one of this file's fixed sentences: nothing the
/// client sent goes into the header.
fn challenge(description: Option<&'static str>) -> Response {
    let (value, body) = match description {
        Some(description) => (
            format!(
                "Bearer realm=\"{REALM}\", error=\"invalid_token\", error_description=\"{description}\""
            ),
            json!({ "authenticated": false, "error": "invalid_token", "error_description": description }),
        ),
        None => (
            format!("Bearer realm=\"{REALM}\""),
            json!({ "authenticated": false, "error_description": "Send Authorization: Bearer <access token>." }),
        ),
    };
    let mut response = no_store_json(&body);
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    if let Ok(value) = HeaderValue::from_str(&value) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

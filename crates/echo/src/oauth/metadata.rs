//! The authorization server metadata document (RFC 8414), so clients can discover the endpoints. Its URLs
//! are built from the request's Host and wherever the routes are mounted.

use crate::oauth::clients::DEVICE_CODE_GRANT;
use crate::oauth::urls::base;
use crate::reply::pretty_json;
use axum::{extract::OriginalUri, http::HeaderMap, response::Response};
use serde_json::json;

pub const PATH: &str = "/.well-known/oauth-authorization-server";

pub async fn metadata(headers: HeaderMap, OriginalUri(original): OriginalUri) -> Response {
    let issuer = base(&headers, &original, PATH);
    pretty_json(&json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth/authorize"),
        "token_endpoint": format!("{issuer}/oauth/token"),
        "device_authorization_endpoint": format!("{issuer}/oauth/device_authorization"),
        "grant_types_supported": [
            "authorization_code",
            "implicit",
            "client_credentials",
            "password",
            "refresh_token",
            DEVICE_CODE_GRANT,
        ],
        "response_types_supported": ["code", "token"],
        "response_modes_supported": ["query", "fragment"],
        "code_challenge_methods_supported": ["S256", "plain"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
    }))
}

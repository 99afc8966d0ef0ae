//! Send stage, the auth that is made after prepare: Digest answers the server's 401 challenge, AWS
//! Signature signs the request as sent, OAuth 2.0 adds the environment's token (obtained or refreshed
//! first). The auth bundle (`src/auth`, loaded on first use) makes each; this module asks it (see
//! `protocol::auth`) and puts its answer into the request.

use crate::page::bridge;
use crate::protocol::auth::{Ask, Authorized};
use reqlab_core::render::response::Response;
use reqlab_core::{PreparedAuth, PreparedRequest};

/// Asks the bundle for `prepared`'s auth (answering `challenge`, for Digest) and applies it.
async fn ask(prepared: &mut PreparedRequest, challenge: Option<String>) -> Result<(), String> {
    let (body, content_type) = prepared
        .body
        .wire()
        .map_err(|file| format!("The file \"{}\" is not loaded: choose it again.", file.name))?;
    let mut headers = prepared.headers.clone();
    headers.extend(content_type.map(|t| ("Content-Type".to_string(), t)));
    let ask = Ask {
        method: prepared.method.to_string(),
        url: prepared.url.to_string(),
        headers,
        challenge,
    };
    let Authorized { headers, query, .. } = bridge::authorize(&ask, &body).await?;
    for (name, value) in headers {
        prepared
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        prepared.headers.push((name, value));
    }
    if !query.is_empty() {
        prepared.url.query = Some(query);
    }
    Ok(())
}

/// Before the send: signs (AWS) or adds the token (OAuth 2.0). Digest waits for the challenge; the other
/// kinds were applied by `prepare`.
pub async fn before_send(prepared: &mut PreparedRequest) -> Result<(), String> {
    match prepared.auth {
        PreparedAuth::AwsSigV4 { .. } | PreparedAuth::OAuth2 { .. } => ask(prepared, None).await,
        _ => Ok(()),
    }
}

/// After a Digest request's 401: `Ok(true)` when the challenge was answered and the request must go again.
pub async fn answer_challenge(
    prepared: &mut PreparedRequest,
    response: &Response,
) -> Result<bool, String> {
    if response.status != 401 || !matches!(prepared.auth, PreparedAuth::Digest { .. }) {
        return Ok(false);
    }
    let challenge = response
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("www-authenticate"))
        .map(|(_, value)| value.clone())
        .ok_or(HIDDEN_CHALLENGE)?;
    ask(prepared, Some(challenge)).await?;
    Ok(true)
}

const HIDDEN_CHALLENGE: &str = "The server asked for credentials (401), but the browser hides its \
    WWW-Authenticate header from this page (the server does not list it in Access-Control-Expose-Headers), so \
    reqlab cannot read the Digest challenge to answer it. Tick \"Send via reqlab-echo\" in Options: reqlab-echo \
    sees every header.";

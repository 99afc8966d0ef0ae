//! Send stage, the auth made at send time: Digest (the server's challenge answered), AWS Signature (the
//! request signed as sent) and OAuth 2.0 (the environment's token, obtained or refreshed first). The auth
//! bundle (`src/auth`, loaded on first use) makes each from the draft announced with the send; this module
//! hands it the body's bytes and puts its answer into the request (see `protocol::auth`).

use crate::page::bridge;
use crate::protocol::auth::Authorized;
use reqlab_core::{PreparedAuth, PreparedRequest};

/// Adds the auth the bundle makes, when the request's kind is one of its; `Err` says why it cannot.
pub async fn authorize(prepared: &mut PreparedRequest, via_echo: bool) -> Result<(), String> {
    if !matches!(
        prepared.auth,
        PreparedAuth::Digest { .. } | PreparedAuth::AwsSigV4 { .. } | PreparedAuth::OAuth2 { .. }
    ) {
        return Ok(());
    }
    let (body, content_type) = prepared
        .body
        .wire()
        .map_err(|file| format!("The file \"{}\" is not loaded: choose it again.", file.name))?;
    let content_type = content_type.unwrap_or_default();
    let Authorized { headers, query, .. } =
        bridge::authorize(via_echo, &body, &content_type).await?;
    prepared.headers = headers;
    if !query.is_empty() {
        prepared.url.query = Some(query);
    }
    Ok(())
}

//! Send stage: the auth `prepare` leaves for send time, applied to a prepared request: AWS Signature Version 4
//! signed over the bytes that go out, a Digest challenge answered, an OAuth 2.0 token added. What only send
//! time knows (the clock, the server's challenge, the client nonce, the token) comes in [`SendTime`], so the
//! result can be pinned: the command line prints it, tests compare it byte for byte.
//!
//! The request changes as the app changes it: each header replaces any of the same name, and a presigned
//! URL's query replaces the request's.

use super::digest::{self, Answer, DigestError};
use super::sigv4::{self, SigV4, SigV4Error};
use super::time::UtcTime;
use crate::edit::signed_auth::{AwsSigV4, OAuthToken};
use crate::prepare::{PreparedAuth, PreparedRequest};
use thiserror::Error;

/// What send time knows that `prepare` does not.
#[derive(Clone, Debug)]
pub struct SendTime<'a> {
    /// When an AWS signature is made.
    pub time: UtcTime,
    /// The `WWW-Authenticate` value of the server's 401, for Digest.
    pub challenge: Option<&'a str>,
    /// Digest's client nonce and nonce count: the caller's, random and counted per server nonce.
    pub cnonce: &'a str,
    pub nc: u32,
    /// The OAuth 2.0 token kept for the request's provider and environment.
    pub token: Option<&'a OAuthToken>,
}

/// What [`apply`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The auth is in the request.
    Done,
    /// The request's auth (none, or one `prepare` applies) needs nothing at send time.
    Nothing,
    /// Digest without a challenge: the request goes out without auth, and the server's 401 names the challenge
    /// to answer.
    WaitsForChallenge,
    /// OAuth 2.0 without a token: one must be obtained from the provider first.
    WaitsForToken,
}

/// Why the auth cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ApplyError {
    #[error("The file \"{0}\" is not loaded, and the auth covers the body's bytes: choose the file again.")]
    FileNotLoaded(String),
    #[error("{0}")]
    Digest(#[from] DigestError),
    #[error("{0}")]
    SigV4(#[from] SigV4Error),
}

/// Applies `prepared`'s send-time auth, as the app does before sending (AWS, OAuth 2.0) or after a Digest
/// 401. The signature covers the headers as sent, a multipart body's Content-Type (with its boundary)
/// included, and the body's wire bytes.
pub fn apply(prepared: &mut PreparedRequest, at: &SendTime) -> Result<Applied, ApplyError> {
    match prepared.auth.clone() {
        PreparedAuth::AwsSigV4 { params } => {
            let settings = AwsSigV4::read(&params);
            let (body, headers) = wire(prepared)?;
            let signing = SigV4 {
                access_key: &settings.access_key,
                secret_key: &settings.secret_key,
                session_token: &settings.session_token,
                region: &settings.region,
                service: &settings.service,
                in_query: settings.in_query,
                unsigned_payload: settings.unsigned_payload,
                ..SigV4::default()
            };
            let url = prepared.url.to_string();
            let signed = sigv4::sign(
                prepared.method.as_str(),
                &url,
                &headers,
                &body,
                &signing,
                at.time,
            )?;
            set_headers(prepared, signed.headers.clone());
            if !signed.query.is_empty() {
                let presigned = signed.presigned_url(&url);
                let query = presigned
                    .split_once('?')
                    .map(|(_, query)| query.to_string());
                prepared.url.query = query.filter(|q| !q.is_empty());
            }
            Ok(Applied::Done)
        }
        PreparedAuth::Digest { username, password } => {
            let Some(header) = at.challenge else {
                return Ok(Applied::WaitsForChallenge);
            };
            let challenge = digest::parse_challenge(header)?;
            let (body, _) = wire(prepared)?;
            let uri = prepared.url.path_and_query();
            let answer = Answer {
                username: &username,
                password: &password,
                method: prepared.method.as_str(),
                uri: &uri,
                body: Some(&body),
                cnonce: at.cnonce,
                nc: at.nc,
            };
            let value = digest::authorization(&challenge, &answer)?;
            set_headers(prepared, vec![("Authorization".to_string(), value)]);
            Ok(Applied::Done)
        }
        PreparedAuth::OAuth2 { .. } => match at.token {
            Some(token) if !token.access_token.is_empty() => {
                set_headers(
                    prepared,
                    vec![("Authorization".to_string(), token.header_value())],
                );
                Ok(Applied::Done)
            }
            _ => Ok(Applied::WaitsForToken),
        },
        PreparedAuth::None
        | PreparedAuth::Basic { .. }
        | PreparedAuth::Bearer { .. }
        | PreparedAuth::ApiKey { .. } => Ok(Applied::Nothing),
    }
}

/// Header names and values, in the order they are sent.
type Headers = Vec<(String, String)>;

/// The body's bytes and the headers as sent: a multipart body's Content-Type is chosen with its bytes.
fn wire(prepared: &PreparedRequest) -> Result<(Vec<u8>, Headers), ApplyError> {
    let (body, content_type) = prepared
        .body
        .wire()
        .map_err(|file| ApplyError::FileNotLoaded(file.name.clone()))?;
    let mut headers = prepared.headers.clone();
    headers.extend(content_type.map(|t| ("Content-Type".to_string(), t)));
    Ok((body, headers))
}

/// Sets each header, replacing any of the same name.
fn set_headers(prepared: &mut PreparedRequest, headers: Headers) {
    for (name, value) in headers {
        prepared
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        prepared.headers.push((name, value));
    }
}

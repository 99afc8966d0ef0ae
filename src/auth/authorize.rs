//! Auth stage at send time, the bundle's half of `page::net::authorize`: the draft the page announced with
//! the send is prepared again (prepare is deterministic, so it is the request going out, its settings
//! resolved), and its auth made: a Digest challenge fetched and answered, an AWS signature over the exact
//! bytes, or the environment's OAuth 2.0 token (obtained or refreshed first, see `flows`).

use super::{bridge, flows, http};
use crate::protocol::auth::Authorized;
use reqlab_core::auth::digest::{self, Answer};
use reqlab_core::auth::sigv4::{self, SigV4};
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::{AwsSigV4, OAuth2};
use reqlab_core::{prepare_for, PreparedAuth, PreparedRequest, Sender};

/// The headers (or presigned query) for the send under way, or the sentence saying why there are none.
pub async fn authorize(via_echo: bool, body: Vec<u8>, content_type: String) -> Authorized {
    match make(via_echo, &body, content_type).await {
        Ok(authorized) => authorized,
        Err(error) => Authorized {
            error,
            ..Authorized::default()
        },
    }
}

async fn make(via_echo: bool, body: &[u8], content_type: String) -> Result<Authorized, String> {
    let draft = bridge::asked().ok_or("The request being sent is not known to the auth module yet: send again.")?;
    let environment = draft.variables.active();
    let mut prepared =
        prepare_for(&draft.request, &environment, Sender::Server).map_err(|e| e.to_string())?;
    if !content_type.is_empty() {
        prepared.headers.push(("Content-Type".into(), content_type));
    }
    match prepared.auth.clone() {
        PreparedAuth::Digest { username, password } => {
            digest_answer(&prepared, body, &username, &password, via_echo).await
        }
        PreparedAuth::AwsSigV4 { params } => sign(&prepared, body, &AwsSigV4::read(&params)),
        PreparedAuth::OAuth2 { params } => {
            let oauth = OAuth2::read(&params);
            let token = flows::fresh_token(&oauth, &environment.name).await?;
            Ok(Authorized {
                headers: vec![("Authorization".into(), token.header_value())],
                ..Authorized::default()
            })
        }
        _ => Ok(Authorized::default()),
    }
}

fn sign(prepared: &PreparedRequest, body: &[u8], aws: &AwsSigV4) -> Result<Authorized, String> {
    let settings = SigV4 {
        session_token: &aws.session_token,
        in_query: aws.in_query,
        unsigned_payload: aws.unsigned_payload,
        ..SigV4::new(&aws.access_key, &aws.secret_key, &aws.region, &aws.service)
    };
    let now = UtcTime::from_unix_seconds((bridge::now_ms() / 1000) as i64).map_err(|e| e.to_string())?;
    let url = prepared.url.to_string();
    let signed = sigv4::sign(prepared.method.as_str(), &url, &prepared.headers, body, &settings, now)
        .map_err(|e| e.to_string())?;
    if aws.in_query {
        let presigned = signed.presigned_url(&url);
        let query = presigned.split_once('?').map_or("", |(_, q)| q);
        return Ok(Authorized {
            query: query.to_string(),
            ..Authorized::default()
        });
    }
    Ok(Authorized {
        headers: signed.headers,
        ..Authorized::default()
    })
}

/// Digest's first round: the request's URL asked without credentials (by GET, which servers keep safe:
/// the request itself may not be, and only its challenge is wanted), then the challenge answered for the
/// real method and body.
async fn digest_answer(
    prepared: &PreparedRequest,
    body: &[u8],
    username: &str,
    password: &str,
    via_echo: bool,
) -> Result<Authorized, String> {
    let url = prepared.url.to_string();
    let probe = http::Outgoing {
        method: "GET",
        url: &url,
        headers: &[],
        body: None,
    };
    let answer = http::send(&probe, via_echo)
        .await
        .map_err(|failure| failure.sentence("The server"))?;
    if answer.status != 401 {
        // Nothing to answer: the server lets the request through without credentials.
        return Ok(Authorized::default());
    }
    let challenge = answer.header("www-authenticate").ok_or(HIDDEN_CHALLENGE)?;
    let challenge = digest::parse_challenge(challenge).map_err(|e| e.to_string())?;
    let cnonce = bridge::random::<16>()
        .map(|bytes| reqlab_core::auth::hash::hex(&bytes))
        .ok_or("This browser has no random numbers for a Digest client nonce.")?;
    let uri = match &prepared.url.query {
        Some(query) => format!("{}?{query}", prepared.url.path),
        None => prepared.url.path.clone(),
    };
    let answer = Answer {
        username,
        password,
        method: prepared.method.as_str(),
        uri: &uri,
        body: Some(body),
        cnonce: &cnonce,
        nc: 1,
    };
    let header = digest::authorization(&challenge, &answer).map_err(|e| e.to_string())?;
    Ok(Authorized {
        headers: vec![("Authorization".into(), header)],
        ..Authorized::default()
    })
}

const HIDDEN_CHALLENGE: &str = "The server asked for credentials (401), but the browser hides its \
    WWW-Authenticate header from this page (the server does not list it in Access-Control-Expose-Headers), so \
    reqlab cannot read the Digest challenge to answer it. Tick \"Send via reqlab-echo\" in Options: reqlab-echo \
    sees every header.";

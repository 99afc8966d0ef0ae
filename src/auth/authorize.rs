//! Auth stage at send time, the bundle's half of `page::net::authorize`: the draft the page announced with
//! the send is prepared again (prepare is deterministic, so it is the request going out, its settings
//! resolved), what only send time knows gathered (the server's Digest challenge, fetched; the environment's
//! OAuth 2.0 token, obtained or refreshed first, see `flows`; the clock) and core's `auth::apply` applies
//! it, as the command line does.

use super::{bridge, flows, http};
use crate::protocol::auth::Authorized;
use reqlab_core::auth::apply::{apply, SendTime};
use reqlab_core::auth::hash::hex;
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::OAuth2;
use reqlab_core::{prepare_for, FileRef, PreparedAuth, PreparedBody, PreparedRequest, Sender};

/// The headers (or presigned query) for the send under way, or the sentence saying why there are none.
pub async fn authorize(via_echo: bool, body: Vec<u8>, content_type: String) -> Authorized {
    match make(via_echo, body, content_type).await {
        Ok(authorized) => authorized,
        Err(error) => Authorized {
            error,
            ..Authorized::default()
        },
    }
}

async fn make(via_echo: bool, body: Vec<u8>, content_type: String) -> Result<Authorized, String> {
    let draft = bridge::asked()
        .ok_or("The request being sent is not known to the auth module yet: send again.")?;
    let environment = draft.variables.active();
    let mut prepared =
        prepare_for(&draft.request, &environment, Sender::Server).map_err(|e| e.to_string())?;
    // The bytes as the page sends them: request JSON names a file without its bytes, and a multipart
    // body's boundary is chosen with them.
    if prepared.body != PreparedBody::None {
        prepared.body = PreparedBody::File(FileRef {
            data: Some(body.into()),
            ..FileRef::default()
        });
    }
    let multipart = (!content_type.is_empty()).then(|| ("Content-Type".to_string(), content_type));
    prepared.headers.extend(multipart.clone());
    let query = prepared.url.query.clone();
    let (mut challenge, mut token) = (None, None);
    match &prepared.auth {
        PreparedAuth::Digest { .. } => challenge = digest_challenge(&prepared, via_echo).await?,
        PreparedAuth::OAuth2 { params } => {
            let oauth = OAuth2::read(params);
            token = Some(flows::fresh_token(&oauth, &environment.name).await?);
        }
        _ => {}
    }
    let cnonce = bridge::random::<16>()
        .map(|bytes| hex(&bytes))
        .ok_or("This browser has no random numbers to sign with.")?;
    let time =
        UtcTime::from_unix_seconds((bridge::now_ms() / 1000) as i64).map_err(|e| e.to_string())?;
    let at = SendTime {
        time,
        challenge: challenge.as_deref(),
        cnonce: &cnonce,
        nc: 1,
        token: token.as_ref(),
    };
    apply(&mut prepared, &at).map_err(|e| e.to_string())?;
    Ok(Authorized {
        headers: prepared
            .headers
            .into_iter()
            .filter(|header| Some(header) != multipart.as_ref())
            .collect(),
        query: match prepared.url.query {
            changed if changed != query => changed.unwrap_or_default(),
            _ => String::new(),
        },
        error: String::new(),
    })
}

/// Digest's first round: the request's URL asked without credentials (by GET, which servers keep safe:
/// the request itself may not be, and only its challenge is wanted). `None` when the server lets it
/// through without credentials: there is nothing to answer.
async fn digest_challenge(
    prepared: &PreparedRequest,
    via_echo: bool,
) -> Result<Option<String>, String> {
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
        return Ok(None);
    }
    answer
        .header("www-authenticate")
        .map(|challenge| Some(challenge.to_string()))
        .ok_or_else(|| HIDDEN_CHALLENGE.to_string())
}

const HIDDEN_CHALLENGE: &str = "The server asked for credentials (401), but the browser hides its \
    WWW-Authenticate header from this page (the server does not list it in Access-Control-Expose-Headers), so \
    reqlab cannot read the Digest challenge to answer it. Tick \"Send via reqlab-echo\" in Options: reqlab-echo \
    sees every header.";

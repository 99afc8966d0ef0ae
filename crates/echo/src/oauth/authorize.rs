//! The authorization endpoint (RFC 6749 §4.1 and §4.2): `GET` shows a consent page saying which client asks
//! for which scope and where the answer goes; `POST` (the page's form) approves or denies. Approval sends a
//! single-use code (or, for the implicit flow, a token in the fragment) back to the redirect URI. A request
//! naming an unknown client or an unusable redirect URI gets an error page, never a redirect (§4.1.2.1).

use crate::body::read_body;
use crate::oauth::clients::{self, Client, GrantType, USER};
use crate::oauth::page::{self, error_page, escape, hidden, DECISION_BUTTONS};
use crate::oauth::params::Params;
use crate::oauth::pkce::Challenge;
use crate::oauth::scope;
use crate::oauth::store::{fresh_secret, Code, Grant, Store, ACCESS_LIFETIME, CODE_LIFETIME};
use crate::oauth::urls::{with_params, Carrier};
use crate::oauth::FORM_LIMIT;
use crate::safety::has_control;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use std::sync::Arc;
use tokio::time::Instant;
use url::Url;

pub async fn authorize(State(store): State<Arc<Store>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let params = if parts.method == Method::POST {
        match read_body(body, FORM_LIMIT).await {
            Ok(body) => Params::parse(&body),
            Err(response) => return response,
        }
    } else {
        Params::parse(parts.uri.query().unwrap_or_default().as_bytes())
    };
    let params = match params {
        Ok(params) => params,
        Err(message) => return error_page(&message),
    };
    let request = match AuthRequest::read(&params) {
        Ok(request) => request,
        Err(Refusal::Page(message)) => return error_page(&message),
        Err(Refusal::Redirect(url)) => return see_other(&url),
    };
    if parts.method == Method::POST {
        decide(&store, &params, &request)
    } else {
        consent(&request)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ResponseType {
    Code,
    Token,
}

/// A checked authorization request.
struct AuthRequest {
    client: &'static Client,
    /// As the client sent it: shown on the page, sent back in the form, compared at the token exchange.
    redirect_uri: String,
    redirect: Url,
    response_type: ResponseType,
    scope: String,
    state: Option<String>,
    challenge: Option<Challenge>,
}

/// Why a request cannot go on: shown to the user, or sent back to the client when its redirect URI is sound.
enum Refusal {
    Page(String),
    Redirect(Url),
}

impl AuthRequest {
    fn read(params: &Params) -> Result<AuthRequest, Refusal> {
        let Some(client_id) = params.get("client_id") else {
            return Err(Refusal::Page(
                "The request has no client_id, so there is no client to ask on behalf of."
                    .to_string(),
            ));
        };
        let client = clients::find(client_id)
            .ok_or_else(|| Refusal::Page(clients::unknown_client(client_id)))?;
        let Some(redirect_uri) = params.get("redirect_uri") else {
            return Err(Refusal::Page(
                "The request has no redirect_uri. This server registers none, so every request names where to return."
                    .to_string(),
            ));
        };
        let redirect = check_redirect(redirect_uri).map_err(Refusal::Page)?;
        let state = params.get("state");
        // From here on the client is told what went wrong, where it said it would listen.
        let carrier = match params.get("response_type") {
            Some("token") => Carrier::Fragment,
            _ => Carrier::Query,
        };
        let refuse = |error: &str, description: &str| {
            let mut answer = vec![("error", error), ("error_description", description)];
            if let Some(state) = state {
                answer.push(("state", state));
            }
            Refusal::Redirect(with_params(&redirect, &answer, carrier))
        };
        let response_type = match params.get("response_type") {
            Some("code") => ResponseType::Code,
            Some("token") => ResponseType::Token,
            Some(other) => {
                return Err(refuse(
                    "unsupported_response_type",
                    &format!("response_type {other:?} is not supported: use code or token."),
                ))
            }
            None => {
                return Err(refuse(
                    "invalid_request",
                    "The request has no response_type (code or token).",
                ))
            }
        };
        let (grant, flow) = match response_type {
            ResponseType::Code => (GrantType::AuthorizationCode, "authorization code"),
            ResponseType::Token => (GrantType::Implicit, "implicit"),
        };
        if !client.allows(grant) {
            return Err(refuse(
                "unauthorized_client",
                &format!("{} may not use the {flow} flow.", client.id),
            ));
        }
        let scope = scope::requested(params.get("scope"))
            .map_err(|message| refuse("invalid_scope", &message))?;
        let challenge = match (response_type, params.get("code_challenge")) {
            (ResponseType::Code, Some(value)) => Some(
                Challenge::parse(value, params.get("code_challenge_method"))
                    .map_err(|message| refuse("invalid_request", &message))?,
            ),
            (ResponseType::Code, None) if client.pkce_required => {
                return Err(refuse(
                    "invalid_request",
                    &format!(
                        "{} is a public client, so PKCE is required: send code_challenge and code_challenge_method=S256.",
                        client.id
                    ),
                ))
            }
            _ => None,
        };
        Ok(AuthRequest {
            client,
            redirect_uri: redirect_uri.to_string(),
            redirect,
            response_type,
            scope,
            state: state.map(str::to_string),
            challenge,
        })
    }
}

/// Any absolute http or https URL without a fragment (RFC 6749 §3.1.2): this test server registers none.
fn check_redirect(text: &str) -> Result<Url, String> {
    if has_control(text) {
        return Err("The redirect_uri contains control characters.".to_string());
    }
    let url = Url::parse(text)
        .map_err(|err| format!("The redirect_uri is not an absolute URL ({err})."))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "The redirect_uri must be an http or https URL, not {}:.",
            url.scheme()
        ));
    }
    if url.fragment().is_some() {
        return Err("The redirect_uri must not contain a fragment (#...).".to_string());
    }
    Ok(url)
}

/// The consent page. Its form posts back to this same path (a relative action, so it works wherever the
/// server is mounted) with the request in hidden fields.
fn consent(request: &AuthRequest) -> Response {
    let flow = match request.response_type {
        ResponseType::Code => "an authorization code",
        ResponseType::Token => "an access token (implicit flow)",
    };
    let mut fields = vec![
        hidden(
            "response_type",
            match request.response_type {
                ResponseType::Code => "code",
                ResponseType::Token => "token",
            },
        ),
        hidden("client_id", request.client.id),
        hidden("redirect_uri", &request.redirect_uri),
        hidden("scope", &request.scope),
    ];
    if let Some(state) = &request.state {
        fields.push(hidden("state", state));
    }
    if let Some(challenge) = &request.challenge {
        fields.push(hidden("code_challenge", &challenge.value));
        fields.push(hidden("code_challenge_method", challenge.method_name()));
    }
    let body = format!(
        "<p><strong>{client}</strong> asks for access to your account, <strong>{user}</strong>.</p>\
<dl><dt>Client</dt><dd><code>{client}</code></dd>\
<dt>Scope</dt><dd><code>{scope}</code></dd>\
<dt>Returns to</dt><dd><code>{redirect}</code></dd>\
<dt>Receives</dt><dd>{flow}</dd></dl>\
<form method=\"post\" action=\"authorize\">{fields}{DECISION_BUTTONS}</form>",
        client = escape(request.client.id),
        user = escape(USER),
        scope = escape(&request.scope),
        redirect = escape(&request.redirect_uri),
        fields = fields.concat(),
    );
    page::page(StatusCode::OK, "Authorize access", &body)
}

/// The user's answer: a code or token on approval, `access_denied` otherwise, sent to the redirect URI.
fn decide(store: &Store, params: &Params, request: &AuthRequest) -> Response {
    let carrier = match request.response_type {
        ResponseType::Code => Carrier::Query,
        ResponseType::Token => Carrier::Fragment,
    };
    let mut answer: Vec<(&str, String)> = match params.get("decision") {
        Some("approve") => approve(store, request),
        Some("deny") => vec![
            ("error", "access_denied".to_string()),
            (
                "error_description",
                "The user denied the request.".to_string(),
            ),
        ],
        _ => return error_page("Choose Approve or Deny (decision=approve or decision=deny)."),
    };
    if let Some(state) = &request.state {
        answer.push(("state", state.clone()));
    }
    let pairs: Vec<(&str, &str)> = answer
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    see_other(&with_params(&request.redirect, &pairs, carrier))
}

fn approve(store: &Store, request: &AuthRequest) -> Vec<(&'static str, String)> {
    let now = Instant::now();
    let grant = Grant {
        client_id: request.client.id,
        scope: request.scope.clone(),
        user: Some(USER.to_string()),
    };
    match request.response_type {
        ResponseType::Code => {
            let code = fresh_secret();
            let entry = Code {
                grant,
                redirect_uri: request.redirect_uri.clone(),
                challenge: request.challenge.clone(),
            };
            store
                .lock()
                .codes
                .insert(code.clone(), entry, CODE_LIFETIME, now);
            vec![("code", code)]
        }
        ResponseType::Token => {
            // No refresh token in the implicit flow (RFC 6749 §4.2.2).
            let issued = store.lock().issue(grant, ACCESS_LIFETIME, None, now);
            vec![
                ("access_token", issued.access_token),
                ("token_type", "Bearer".to_string()),
                ("expires_in", issued.expires_in.to_string()),
                ("scope", issued.scope),
            ]
        }
    }
}

/// 303, so the browser follows with a GET whatever method brought it here. The URL library wrote the
/// location, so it holds no raw control characters.
fn see_other(url: &Url) -> Response {
    match HeaderValue::from_str(url.as_str()) {
        Ok(location) => (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, location),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                // The code travels in the URL: the next page must not pass it on in a Referer.
                (
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                ),
            ],
        )
            .into_response(),
        Err(_) => error_page("The redirect_uri cannot be used in a Location header."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_must_be_absolute_http_without_fragment() {
        assert!(check_redirect("http://localhost:8080/cb?x=1").is_ok());
        assert!(check_redirect("https://app.test/cb").is_ok());
        for bad in [
            "/cb",
            "javascript:alert(1)",
            "ftp://a/b",
            "https://a/b#frag",
            "https://a/b\r\nX: y",
        ] {
            assert!(check_redirect(bad).is_err(), "{bad}");
        }
    }
}

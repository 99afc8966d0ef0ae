//! The token endpoint (RFC 6749 §3.2), served at `/oauth/token` and, without CORS, at `/oauth/no-cors/token`:
//! authenticates the client, then hands each grant type to its own function. Success is JSON that no cache
//! keeps; failure is RFC 6749 §5.2's error JSON. `expires_in` in the request (1 to 86400 s) is a test knob
//! setting the new access token's lifetime.

use crate::oauth::clients::{self, Client, GrantType};
use crate::oauth::device;
use crate::oauth::error::{no_store_json, OAuthError};
use crate::oauth::params::{read_form, Params};
use crate::oauth::pkce;
use crate::oauth::scope;
use crate::oauth::store::{Grant, Issued, Lookup, Store, ACCESS_LIFETIME};
use axum::{
    extract::{Request, State},
    response::{IntoResponse, Response},
};
use serde_json::json;
use std::sync::Arc;
use tokio::time::{Duration, Instant};

/// Longest access token lifetime the `expires_in` knob may ask for: a day.
const MAX_LIFETIME_SECS: u64 = 86_400;

pub async fn token(State(store): State<Arc<Store>>, request: Request) -> Response {
    match exchange(&store, request).await {
        Ok(issued) => issued_response(&issued),
        Err(error) => error.into_response(),
    }
}

async fn exchange(store: &Store, request: Request) -> Result<Issued, OAuthError> {
    let (parts, body) = request.into_parts();
    let params = read_form(&parts.headers, body).await?;
    let client = clients::authenticate(&parts.headers, &params)?;
    let grant_type = params.require("grant_type")?;
    let kind = GrantType::from_param(grant_type).ok_or_else(|| {
        OAuthError::new(
            "unsupported_grant_type",
            format!(
                "grant_type {grant_type:?} is not supported: use authorization_code, client_credentials, \
password, refresh_token or {}.",
                clients::DEVICE_CODE_GRANT
            ),
        )
    })?;
    if !client.allows(kind) {
        return Err(OAuthError::new(
            "unauthorized_client",
            format!("{} may not use the {grant_type} grant.", client.id),
        ));
    }
    let lifetime = lifetime(&params)?;
    let now = Instant::now();
    match kind {
        GrantType::AuthorizationCode => authorization_code(store, client, &params, lifetime, now),
        GrantType::ClientCredentials => {
            let grant = Grant {
                client_id: client.id,
                scope: requested_scope(&params)?,
                user: None,
            };
            // The client can always ask again with its own credentials: no refresh token (§4.4.3).
            Ok(store.lock().issue(grant, lifetime, None, now))
        }
        GrantType::Password => password(store, client, &params, lifetime, now),
        GrantType::RefreshToken => refresh(store, client, &params, lifetime, now),
        GrantType::DeviceCode => device::poll(store, client, &params, lifetime, now),
        // Never named by a grant_type; kept apart rather than assumed away.
        GrantType::Implicit => Err(OAuthError::new(
            "unsupported_grant_type",
            "The implicit flow has no token request.",
        )),
    }
}

/// The access token lifetime: `expires_in` clamped to 1 s .. 1 day, else an hour.
fn lifetime(params: &Params) -> Result<Duration, OAuthError> {
    let Some(text) = params.get("expires_in") else {
        return Ok(ACCESS_LIFETIME);
    };
    let secs = text.trim().parse::<u64>().map_err(|_| {
        OAuthError::invalid_request("expires_in must be a whole number of seconds.")
    })?;
    Ok(Duration::from_secs(secs.clamp(1, MAX_LIFETIME_SECS)))
}

pub fn requested_scope(params: &Params) -> Result<String, OAuthError> {
    scope::requested(params.get("scope"))
        .map_err(|message| OAuthError::new("invalid_scope", message))
}

/// RFC 6749 §4.1.3 with RFC 7636 §4.6: the code is spent by being presented, right or wrong.
fn authorization_code(
    store: &Store,
    client: &Client,
    params: &Params,
    lifetime: Duration,
    now: Instant,
) -> Result<Issued, OAuthError> {
    let code = params.require("code")?;
    let redirect_uri = params.require("redirect_uri")?;
    let entry = match store.lock().codes.take(code, now) {
        Lookup::Live { value, .. } => value,
        Lookup::Expired => {
            return Err(OAuthError::invalid_grant(
                "The authorization code expired (codes live 60 s).",
            ))
        }
        Lookup::Unknown => {
            return Err(OAuthError::invalid_grant(
                "The authorization code is unknown or was already used.",
            ))
        }
    };
    if entry.grant.client_id != client.id {
        return Err(OAuthError::invalid_grant(
            "The authorization code was issued to another client.",
        ));
    }
    if entry.redirect_uri != redirect_uri {
        return Err(OAuthError::invalid_grant(
            "The redirect_uri is not the one the authorization code was issued for.",
        ));
    }
    match (&entry.challenge, params.get("code_verifier")) {
        (Some(challenge), Some(verifier)) => {
            if !pkce::well_formed(verifier) {
                return Err(OAuthError::invalid_grant(
                    "The code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.",
                ));
            }
            if !challenge.accepts(verifier) {
                return Err(OAuthError::invalid_grant(format!(
                    "The code_verifier does not match the code_challenge ({}).",
                    challenge.method_name()
                )));
            }
        }
        (Some(_), None) => {
            return Err(OAuthError::invalid_grant(
                "The authorization request had a code_challenge: send its code_verifier.",
            ))
        }
        (None, Some(_)) => {
            return Err(OAuthError::invalid_grant(
                "The authorization request had no code_challenge, so there is nothing to check a code_verifier against.",
            ))
        }
        (None, None) => {}
    }
    let refresh = Some(entry.grant.clone());
    Ok(store.lock().issue(entry.grant, lifetime, refresh, now))
}

/// RFC 6749 §4.3: the test user's name and password, sent by the client.
fn password(
    store: &Store,
    client: &Client,
    params: &Params,
    lifetime: Duration,
    now: Instant,
) -> Result<Issued, OAuthError> {
    let username = params.require("username")?;
    let password = params.require("password")?;
    if !clients::user_matches(username, password) {
        return Err(OAuthError::invalid_grant(
            "The username or password is wrong.",
        ));
    }
    let grant = Grant {
        client_id: client.id,
        scope: requested_scope(params)?,
        user: Some(username.to_string()),
    };
    let refresh = Some(grant.clone());
    Ok(store.lock().issue(grant, lifetime, refresh, now))
}

/// RFC 6749 §6: the refresh token is replaced by a new one (rotation); the access token may narrow the
/// scope, never widen it.
fn refresh(
    store: &Store,
    client: &Client,
    params: &Params,
    lifetime: Duration,
    now: Instant,
) -> Result<Issued, OAuthError> {
    let token = params.require("refresh_token")?;
    let mut tables = store.lock();
    let original = match tables.refresh.get(token, now) {
        Lookup::Live { value, .. } => value.clone(),
        Lookup::Expired => return Err(OAuthError::invalid_grant("The refresh token expired.")),
        Lookup::Unknown => return Err(OAuthError::invalid_grant(
            "The refresh token is unknown or was already used (each one is replaced when used).",
        )),
    };
    if original.client_id != client.id {
        return Err(OAuthError::invalid_grant(
            "The refresh token was issued to another client.",
        ));
    }
    let scope = match params.get("scope") {
        None => original.scope.clone(),
        Some(_) => {
            let asked = requested_scope(params)?;
            if !scope::within(&asked, &original.scope) {
                return Err(OAuthError::new(
                    "invalid_scope",
                    format!(
                        "A refreshed token may not have more scope than was granted ({}).",
                        original.scope
                    ),
                ));
            }
            asked
        }
    };
    tables.refresh.remove(token);
    let grant = Grant {
        scope,
        ..original.clone()
    };
    Ok(tables.issue(grant, lifetime, Some(original), now))
}

/// RFC 6749 §5.1.
fn issued_response(issued: &Issued) -> Response {
    let mut body = json!({
        "access_token": issued.access_token,
        "token_type": "Bearer",
        "expires_in": issued.expires_in,
        "scope": issued.scope,
    });
    if let Some(refresh) = &issued.refresh_token {
        body["refresh_token"] = json!(refresh);
    }
    no_store_json(&body)
}

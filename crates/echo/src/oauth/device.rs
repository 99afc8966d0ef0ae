//! The device authorization grant (RFC 8628): a device asks for a code pair, the user approves the short
//! user code on `/oauth/device`, and the device polls the token endpoint meanwhile, being told to wait, to
//! slow down, that the user said no, or that the code expired.

use crate::body::read_body;
use crate::oauth::clients::{self, Client, GrantType, USER};
use crate::oauth::error::{no_store_json, OAuthError};
use crate::oauth::page::{self, escape, DECISION_BUTTONS};
use crate::oauth::params::{read_form, Params};
use crate::oauth::store::{
    fresh_secret, Device, DeviceState, Grant, Issued, Lookup, Store, Tables, DEVICE_INTERVAL,
    DEVICE_LIFETIME,
};
use crate::oauth::token::requested_scope;
use crate::oauth::urls::{base, original};
use crate::oauth::FORM_LIMIT;
use axum::{
    extract::{Request, State},
    http::{Method, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::json;
use std::sync::Arc;
use tokio::time::{Duration, Instant};
use url::Url;

/// RFC 8628 §6.1's suggestion: consonants only (no words), upper case, easy to read out and type.
const USER_CODE_LETTERS: &[u8; 20] = b"BCDFGHJKLMNPQRSTVWXZ";

/// `POST /oauth/device_authorization` (RFC 8628 §3.1 and §3.2).
pub async fn device_authorization(State(store): State<Arc<Store>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let answer = async {
        let params = read_form(&parts.headers, body).await?;
        let client = clients::authenticate(&parts.headers, &params)?;
        if !client.allows(GrantType::DeviceCode) {
            return Err(OAuthError::new(
                "unauthorized_client",
                format!("{} may not use the device flow.", client.id),
            ));
        }
        let scope = requested_scope(&params)?;
        let now = Instant::now();
        let device_code = fresh_secret();
        let mut tables = store.lock();
        let user_code = new_user_code(&mut tables, now);
        let device = Device {
            grant: Grant {
                client_id: client.id,
                scope,
                user: None,
            },
            user_code: user_code.clone(),
            state: DeviceState::Pending,
            last_poll: None,
        };
        tables
            .devices
            .insert(device_code.clone(), device, DEVICE_LIFETIME, now);
        Ok((device_code, user_code))
    }
    .await;
    let (device_code, user_code) = match answer {
        Ok(codes) => codes,
        Err(error) => return error.into_response(),
    };
    let base = base(
        &parts.headers,
        original(&parts),
        "/oauth/device_authorization",
    );
    let verification_uri = format!("{base}/oauth/device");
    let complete = Url::parse_with_params(&verification_uri, [("user_code", &user_code)])
        .map(String::from)
        .unwrap_or_else(|_| verification_uri.clone());
    no_store_json(&json!({
        "device_code": device_code,
        "user_code": user_code,
        "verification_uri": verification_uri,
        "verification_uri_complete": complete,
        "expires_in": DEVICE_LIFETIME.as_secs(),
        "interval": DEVICE_INTERVAL.as_secs(),
    }))
}

/// Eight letters as `ABCD-EFGH`, not in use by another waiting device.
fn new_user_code(tables: &mut Tables, now: Instant) -> String {
    loop {
        // 62 of a v4 UUID's random bits: plenty for 20^8 codes, with no noticeable bias.
        let mut bits = (uuid::Uuid::new_v4().as_u128() & ((1 << 62) - 1)) as u64;
        let mut code = String::with_capacity(9);
        for i in 0..8 {
            if i == 4 {
                code.push('-');
            }
            code.push(char::from(USER_CODE_LETTERS[(bits % 20) as usize]));
            bits /= 20;
        }
        if tables
            .devices
            .find_mut(now, |device| device.user_code == code)
            .is_none()
        {
            return code;
        }
    }
}

/// What the user typed, as the code is written: case and separators do not matter (RFC 8628 §6.1).
fn normalise(typed: &str) -> String {
    let letters: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.len() == 8 {
        format!("{}-{}", &letters[..4], &letters[4..])
    } else {
        letters
    }
}

/// `GET /oauth/device` shows the code entry form (prefilled from `?user_code=`); `POST` records the answer.
pub async fn page(State(store): State<Arc<Store>>, request: Request) -> Response {
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
        Err(message) => return entry_form(StatusCode::BAD_REQUEST, "", Some(&message), None),
    };
    let typed = params.get("user_code").unwrap_or_default();
    let code = normalise(typed);
    let now = Instant::now();
    let mut tables = store.lock();
    let waiting = tables.devices.find_mut(now, |device| {
        device.user_code == code && device.state == DeviceState::Pending
    });
    if parts.method != Method::POST {
        let asking = waiting.map(|(_, device)| device.grant.clone());
        return entry_form(StatusCode::OK, typed, None, asking.as_ref());
    }
    let Some((_, device)) = waiting else {
        let message = if typed.is_empty() {
            "Enter the code your device shows."
        } else {
            "No device is waiting with that code: it may have expired (codes last 10 minutes) or been answered already."
        };
        return entry_form(StatusCode::BAD_REQUEST, typed, Some(message), None);
    };
    let (state, title, message) = match params.get("decision") {
        Some("approve") => (
            DeviceState::Approved,
            "Device approved",
            "The device can now get its token. You can close this page.",
        ),
        Some("deny") => (
            DeviceState::Denied,
            "Device denied",
            "The device will be told that you said no. You can close this page.",
        ),
        _ => {
            let asking = device.grant.clone();
            return entry_form(
                StatusCode::BAD_REQUEST,
                typed,
                Some("Choose Approve or Deny."),
                Some(&asking),
            );
        }
    };
    device.state = state;
    if state == DeviceState::Approved {
        device.grant.user = Some(USER.to_string());
    }
    page::page(
        StatusCode::OK,
        title,
        &format!("<p role=\"status\">{}</p>", escape(message)),
    )
}

/// The code entry form. It posts back to this same path (a relative action, so it works wherever the server
/// is mounted); when the code is known, the page also says which client asks for which scope.
fn entry_form(
    status: StatusCode,
    typed: &str,
    problem: Option<&str>,
    asking: Option<&Grant>,
) -> Response {
    let problem = problem
        .map(|text| format!("<p role=\"alert\">{}</p>", escape(text)))
        .unwrap_or_default();
    let asking = asking
        .map(|grant| {
            format!(
                "<dl><dt>Client</dt><dd><code>{}</code></dd><dt>Scope</dt><dd><code>{}</code></dd>\
<dt>Signed in as</dt><dd><code>{}</code></dd></dl>",
                escape(grant.client_id),
                escape(&grant.scope),
                escape(USER)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<p>Enter the code shown on your device to let it in.</p>{problem}{asking}\
<form method=\"post\" action=\"device\"><p><label for=\"user_code\">Code</label> \
<input id=\"user_code\" name=\"user_code\" value=\"{}\" autocomplete=\"off\" autocapitalize=\"characters\" \
spellcheck=\"false\" placeholder=\"ABCD-EFGH\" required></p>{DECISION_BUTTONS}</form>",
        escape(typed)
    );
    page::page(status, "Connect a device", &body)
}

/// A device polling the token endpoint (RFC 8628 §3.4 and §3.5). The server asks for the announced interval
/// only; a client that waits 5 s more after `slow_down`, as the RFC tells it to, is always within it.
pub fn poll(
    store: &Store,
    client: &Client,
    params: &Params,
    lifetime: Duration,
    now: Instant,
) -> Result<Issued, OAuthError> {
    let device_code = params.require("device_code")?;
    let mut tables = store.lock();
    let device = match tables.devices.get(device_code, now) {
        Lookup::Live { value, .. } => value,
        Lookup::Expired => {
            return Err(OAuthError::new(
                "expired_token",
                "The device code expired: start again with a new device authorization request.",
            ))
        }
        Lookup::Unknown => {
            return Err(OAuthError::invalid_grant(
                "The device code is unknown or was already used.",
            ))
        }
    };
    if device.grant.client_id != client.id {
        return Err(OAuthError::invalid_grant(
            "The device code was issued to another client.",
        ));
    }
    match device.state {
        DeviceState::Pending => {
            let too_soon = device
                .last_poll
                .is_some_and(|last| now.duration_since(last) < DEVICE_INTERVAL);
            device.last_poll = Some(now);
            Err(if too_soon {
                OAuthError::new(
                    "slow_down",
                    format!(
                        "Polled sooner than the interval ({} s) allows.",
                        DEVICE_INTERVAL.as_secs()
                    ),
                )
            } else {
                OAuthError::new("authorization_pending", "The user has not answered yet.")
            })
        }
        DeviceState::Denied => {
            tables.devices.remove(device_code);
            Err(OAuthError::new(
                "access_denied",
                "The user denied the request.",
            ))
        }
        DeviceState::Approved => {
            let grant = device.grant.clone();
            tables.devices.remove(device_code);
            let refresh = Some(grant.clone());
            Ok(tables.issue(grant, lifetime, refresh, now))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalise("bcdf-ghjk"), "BCDF-GHJK");
        assert_eq!(normalise(" BCDF GHJK "), "BCDF-GHJK");
        assert_eq!(normalise("bcd"), "BCD");
    }

    #[test]
    fn new_user_codes_look_right() {
        let store = Store::default();
        let code = new_user_code(&mut store.lock(), Instant::now());
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(code
            .bytes()
            .all(|b| b == b'-' || USER_CODE_LETTERS.contains(&b)));
    }
}

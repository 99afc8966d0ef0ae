//! OAuth 2.0 flows: a token for the environment, from the token store while it lasts, refreshed when it
//! has expired, else obtained by the grant: a popup to the provider that comes back to the app's callback
//! page (authorization code with PKCE, implicit), a token request (client credentials, password), or the
//! device flow's code shown and polled. The requests and answers are core's (`reqlab_core::auth::oauth`);
//! this module sends them and waits.

use super::{bridge, form, http, tokens};
use reqlab_core::auth::oauth::{
    authorization_url, device_request, read_device, read_poll, read_redirect, read_token,
    token_request, Exchange, Poll, Redirect, TokenRequest,
};
use reqlab_core::auth::{hash::hex, pkce};
use reqlab_core::edit::signed_auth::{OAuth2, OAuthGrant, OAuthToken};
use std::cell::RefCell;

/// A sign-in under way: what the provider's answer is checked and exchanged with.
struct Pending {
    oauth: OAuth2,
    environment: String,
    state: String,
    verifier: String,
    redirect_uri: String,
    /// Where the provider sent the browser back, once the callback page (or a paste) says.
    returned: Option<String>,
    /// A popup waits for `returned`; without one, a paste completes the sign-in itself.
    waiting: bool,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// How long a sign-in window may stay open.
const SIGN_IN_LIMIT_MS: u64 = 10 * 60 * 1000;

/// The environment's token, refreshed or obtained if it has none that works now.
pub async fn fresh_token(oauth: &OAuth2, environment: &str) -> Result<OAuthToken, String> {
    let key = oauth.token_key(environment);
    if let Some(token) = tokens::get(&key) {
        if !token.expired(bridge::now_ms()) {
            return Ok(token);
        }
        if !token.refresh_token.is_empty() {
            if let Ok(token) = refresh(oauth, environment, &token).await {
                return Ok(token);
            }
        }
    }
    obtain(oauth, environment).await
}

/// A new token by the grant (the Auth tab's "Get new access token", or a send without one).
pub async fn obtain(oauth: &OAuth2, environment: &str) -> Result<OAuthToken, String> {
    let token = match oauth.grant {
        OAuthGrant::ClientCredentials | OAuthGrant::Password => {
            exchange(oauth, Exchange::Direct, "").await?
        }
        OAuthGrant::AuthorizationCode | OAuthGrant::Implicit => sign_in(oauth, environment).await?,
        OAuthGrant::DeviceCode => device(oauth).await?,
    };
    keep(oauth, environment, token.clone());
    Ok(token)
}

/// A new access token for the refresh token (RFC 6749 section 6).
pub async fn refresh(
    oauth: &OAuth2,
    environment: &str,
    token: &OAuthToken,
) -> Result<OAuthToken, String> {
    let refreshed = exchange(
        oauth,
        Exchange::Refresh(&token.refresh_token),
        &token.refresh_token,
    )
    .await?;
    keep(oauth, environment, refreshed.clone());
    Ok(refreshed)
}

fn keep(oauth: &OAuth2, environment: &str, token: OAuthToken) {
    tokens::keep(&oauth.token_key(environment), token);
    form::token_changed();
}

/// Sends a token request and reads its answer.
async fn exchange(
    oauth: &OAuth2,
    exchange: Exchange<'_>,
    refresh_token: &str,
) -> Result<OAuthToken, String> {
    let request = token_request(oauth, exchange).map_err(|e| e.to_string())?;
    let answer = post(&request, oauth.via_echo).await?;
    read_token(answer.status, &answer.body, bridge::now_ms(), refresh_token)
        .map_err(|e| e.to_string())
}

async fn post(request: &TokenRequest, via_echo: bool) -> Result<http::Answer, String> {
    let mut headers = request.headers.clone();
    headers.push((
        "Content-Type".into(),
        "application/x-www-form-urlencoded".into(),
    ));
    let outgoing = http::Outgoing {
        method: "POST",
        url: &request.url,
        headers: &headers,
        body: Some(request.body.as_bytes()),
    };
    http::send(&outgoing, via_echo)
        .await
        .map_err(|failure| failure.sentence("The provider's endpoint"))
}

/// The app's callback page, beside the app (at the root or under a sub-path alike).
pub fn default_redirect_uri() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base("public/oauth-callback.html", &base).ok())
        .map(|url| url.href())
        .unwrap_or_default()
}

fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    bridge::random::<N>()
        .ok_or_else(|| "This browser has no random numbers for OAuth's state.".into())
}

/// The authorization code (PKCE) and implicit grants: the provider's sign-in page in a popup.
async fn sign_in(oauth: &OAuth2, environment: &str) -> Result<OAuthToken, String> {
    let state = hex(&random_bytes::<16>()?);
    let verifier = pkce::verifier_from(&random_bytes::<32>()?);
    let redirect_uri = match oauth.redirect_uri.trim() {
        "" => default_redirect_uri(),
        given => given.to_string(),
    };
    let pkce = oauth.grant == OAuthGrant::AuthorizationCode && oauth.pkce;
    let challenge = pkce.then(|| pkce::s256_challenge(&verifier));
    let url = authorization_url(oauth, &redirect_uri, &state, challenge.as_deref())
        .map_err(|e| e.to_string())?;
    PENDING.with(|p| {
        *p.borrow_mut() = Some(Pending {
            oauth: oauth.clone(),
            environment: environment.to_string(),
            state,
            verifier,
            redirect_uri,
            returned: None,
            waiting: true,
        })
    });
    let popup = web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target_and_features(
                &url,
                "reqlab-oauth",
                "popup,width=520,height=700",
            )
            .ok()
        })
        .flatten();
    let Some(popup) = popup else {
        set_waiting(false);
        return Err(format!(
            "The browser blocked the sign-in window. Allow pop-ups for this page and try again, or open \
             {url} yourself and paste the address it sends you back to below."
        ));
    };
    let started = bridge::now_ms();
    let returned = loop {
        bridge::sleep(200).await;
        if let Some(url) = take_returned() {
            break url;
        }
        if popup.closed().unwrap_or(true) || bridge::now_ms() - started > SIGN_IN_LIMIT_MS {
            // The callback page posts just before it closes itself: one more look.
            bridge::sleep(300).await;
            match take_returned() {
                Some(url) => break url,
                None => {
                    set_waiting(false);
                    return Err(
                        "The sign-in window closed before the provider sent it back. Sign in \
                         again, or paste the address the provider sent you back to below."
                            .into(),
                    );
                }
            }
        }
    };
    let _ = popup.close();
    complete(&returned).await
}

fn set_waiting(waiting: bool) {
    PENDING.with(|p| {
        if let Some(pending) = p.borrow_mut().as_mut() {
            pending.waiting = waiting;
        }
    });
}

fn take_returned() -> Option<String> {
    PENDING.with(|p| {
        p.borrow_mut()
            .as_mut()
            .and_then(|pending| pending.returned.take())
    })
}

/// Where the provider sent the browser back (from the callback page, or pasted: a whole address, or only
/// the code). A popup that waits picks it up; otherwise the sign-in is completed here.
pub fn returned(text: &str) -> Result<(), String> {
    let waiting = PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        let pending = pending
            .as_mut()
            .ok_or("No sign-in is under way: choose Get new access token first.")?;
        pending.returned = Some(if text.contains('=') {
            text.trim().to_string()
        } else {
            format!("?code={}&state={}", text.trim(), pending.state)
        });
        Ok::<bool, String>(pending.waiting)
    })?;
    if !waiting {
        let url = take_returned().unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            match complete(&url).await {
                Ok(_) => form::token_changed(),
                Err(error) => form::show_error(&error),
            }
        });
    }
    Ok(())
}

/// Checks the answer's state and exchanges its code (or keeps the implicit grant's token).
async fn complete(returned: &str) -> Result<OAuthToken, String> {
    let pending = PENDING
        .with(|p| p.borrow_mut().take())
        .ok_or("No sign-in is under way.")?;
    let token = match read_redirect(returned, &pending.state, bridge::now_ms())
        .map_err(|e| e.to_string())?
    {
        Redirect::Token(token) => token,
        Redirect::Code(code) => {
            let pkce = pending.oauth.grant == OAuthGrant::AuthorizationCode && pending.oauth.pkce;
            let exchange_with = Exchange::Code {
                code: &code,
                redirect_uri: &pending.redirect_uri,
                verifier: pkce.then_some(pending.verifier.as_str()),
            };
            exchange(&pending.oauth, exchange_with, "").await?
        }
    };
    keep(&pending.oauth, &pending.environment, token.clone());
    Ok(token)
}

/// The device flow (RFC 8628): the code shown in the Auth tab, the token endpoint polled until approved.
async fn device(oauth: &OAuth2) -> Result<OAuthToken, String> {
    let request = device_request(oauth).map_err(|e| e.to_string())?;
    let answer = post(&request, oauth.via_echo).await?;
    let code =
        read_device(answer.status, &answer.body, bridge::now_ms()).map_err(|e| e.to_string())?;
    form::show_device(&code);
    let mut interval = code.interval_seconds.max(1);
    loop {
        bridge::sleep((interval * 1000) as i32).await;
        if bridge::now_ms() > code.expires_at_ms {
            form::show_device_done();
            return Err("The device code expired before it was approved: get a new one.".into());
        }
        let request =
            token_request(oauth, Exchange::Device(&code.device_code)).map_err(|e| e.to_string())?;
        let answer = post(&request, oauth.via_echo).await?;
        match read_poll(answer.status, &answer.body, bridge::now_ms()) {
            Poll::Token(token) => {
                form::show_device_done();
                return Ok(token);
            }
            Poll::Wait { slower } => interval += if slower { 5 } else { 0 },
            Poll::Failed(error) => {
                form::show_device_done();
                return Err(error.to_string());
            }
        }
    }
}

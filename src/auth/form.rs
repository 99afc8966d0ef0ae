//! The Auth tab's form: filled from the editor's request, read back into an `Auth` on every edit and handed
//! to the page; the OAuth 2.0 token's status and buttons (get, refresh, copy, forget, paste). Each kind's
//! values are kept while another kind is chosen, so switching back loses nothing.

use super::markup::{id, MARKUP};
use super::{bridge, flows, tokens};
use crate::dom::form::{
    checked, fill_select, find, set_checked, set_hidden, set_hidden_element, set_text, set_value,
    value_of,
};
use reqlab_core::edit::model::{ApiKeyLocation, KeyValue};
use reqlab_core::edit::signed_auth::{AwsSigV4, ClientAuth, OAuth2, OAuthGrant, OAuthToken};
use reqlab_core::{prepare_for, Auth, PreparedAuth, Sender};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Element;

reqlab_core::vocabulary!(
    /// The Auth tab's kinds (wire names as `Auth`'s JSON `kind`).
    AuthKind {
        None => "none", "No auth";
        Basic => "basic", "Basic";
        Bearer => "bearer", "Bearer token";
        ApiKey => "api_key", "API key";
        Digest => "digest", "Digest";
        AwsSigV4 => "aws_sigv4", "AWS Signature";
        OAuth2 => "oauth2", "OAuth 2.0";
    }
);

/// Each kind's section, in the order of `AuthKind::ALL`.
const SECTIONS: [&str; 7] = [
    id::NONE,
    id::BASIC,
    id::BEARER,
    id::API_KEY,
    id::DIGEST,
    id::AWS,
    id::OAUTH,
];

/// Which grants use which OAuth field; fields not listed are every grant's.
const GRANT_FIELDS: [(&str, &[OAuthGrant]); 9] = {
    use OAuthGrant::*;
    [
        (id::AUTH_URL, &[AuthorizationCode, Implicit]),
        (id::REDIRECT_URI, &[AuthorizationCode, Implicit]),
        (id::PKCE, &[AuthorizationCode]),
        (
            id::TOKEN_URL,
            &[AuthorizationCode, ClientCredentials, Password, DeviceCode],
        ),
        (id::DEVICE_URL, &[DeviceCode]),
        (
            id::CLIENT_SECRET,
            &[AuthorizationCode, ClientCredentials, Password, DeviceCode],
        ),
        (
            id::CLIENT_AUTH,
            &[AuthorizationCode, ClientCredentials, Password, DeviceCode],
        ),
        (id::OAUTH_USERNAME, &[Password]),
        (id::OAUTH_PASSWORD, &[Password]),
    ]
};

thread_local! {
    /// The settings last handed to the page (or read from it): an announced draft holding these is the
    /// form's own edit coming back, which must not refill the field being typed in.
    static SHOWN: RefCell<Option<Auth>> = const { RefCell::new(None) };
}

/// The form on show, if the Auth tab is open.
fn root() -> Option<Element> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector("reqlab-auth[data-ready]")
        .ok()
        .flatten()
}

/// Fills a `<reqlab-auth>` element the page put in its Auth tab.
pub fn mount(root: &Element) {
    if root.has_attribute("data-ready") {
        return;
    }
    root.set_inner_html(MARKUP);
    let _ = root.set_attribute("data-ready", "");
    let entries = |ids: &'static [&'static str],
                   labels: &'static [&'static str]|
     -> Vec<(&'static str, &'static str)> {
        ids.iter().copied().zip(labels.iter().copied()).collect()
    };
    fill_select(root, id::TYPE, &entries(AuthKind::IDS, AuthKind::LABELS));
    fill_select(
        root,
        id::API_KEY_LOCATION,
        &entries(ApiKeyLocation::IDS, ApiKeyLocation::LABELS),
    );
    fill_select(
        root,
        id::GRANT,
        &entries(OAuthGrant::IDS, OAuthGrant::LABELS),
    );
    fill_select(
        root,
        id::CLIENT_AUTH,
        &entries(ClientAuth::IDS, ClientAuth::LABELS),
    );
    if let Some(redirect) = find(root, id::REDIRECT_URI) {
        let _ = redirect.set_attribute("placeholder", &flows::default_redirect_uri());
    }
    // Every kind's fields start at its defaults (PKCE on), so choosing a kind shows them; then the
    // request's own settings.
    let defaults = [
        Auth::AwsSigV4 {
            params: AwsSigV4::default().to_params(),
        },
        Auth::OAuth2 {
            params: OAuth2::default().to_params(),
        },
    ];
    for auth in &defaults {
        fill(root, auth);
    }
    let auth = bridge::edited().map(|d| d.request.auth).unwrap_or_default();
    fill(root, &auth);
    SHOWN.with(|s| *s.borrow_mut() = Some(auth));
    for event in ["input", "change"] {
        crate::dom::document::listen(root, event, |_| edited());
    }
    crate::dom::document::listen(root, "click", clicked);
    token_changed();
}

/// The editor announced a draft: another request's settings are shown, unless they are the form's own.
/// Only while the Auth tab is on show: reading a draft costs its whole body (megabytes, typed into the Body
/// tab), so a hidden form catches up when its tab is chosen (`catch_up`).
pub fn draft_announced() {
    let on_show = root()
        .and_then(|root| root.closest("[role=tabpanel]").ok().flatten())
        .is_none_or(|panel| !panel.has_attribute("hidden"));
    if on_show {
        catch_up();
    }
}

/// Shows the editor's current settings, unless they are the form's own.
pub fn catch_up() {
    let (Some(root), Some(draft)) = (root(), bridge::edited()) else {
        return;
    };
    let own = SHOWN.with(|s| s.borrow().as_ref() == Some(&draft.request.auth));
    if !own {
        fill(&root, &draft.request.auth);
        SHOWN.with(|s| *s.borrow_mut() = Some(draft.request.auth));
    }
    // The environment may have changed, and with it the token that applies.
    token_changed();
}

fn kind_of(auth: &Auth) -> AuthKind {
    match auth {
        Auth::None => AuthKind::None,
        Auth::Basic { .. } => AuthKind::Basic,
        Auth::Bearer { .. } => AuthKind::Bearer,
        Auth::ApiKey { .. } => AuthKind::ApiKey,
        Auth::Digest { .. } => AuthKind::Digest,
        Auth::AwsSigV4 { .. } => AuthKind::AwsSigV4,
        Auth::OAuth2 { .. } => AuthKind::OAuth2,
    }
}

/// Shows `auth`: its kind chosen, its values in its fields (other kinds' fields keep theirs).
fn fill(root: &Element, auth: &Auth) {
    set_value(root, id::TYPE, kind_of(auth).as_str());
    match auth {
        Auth::None => {}
        Auth::Basic { username, password } | Auth::Digest { username, password } => {
            set_value(root, id::USERNAME, username);
            set_value(root, id::PASSWORD, password);
        }
        Auth::Bearer { token } => set_value(root, id::BEARER_TOKEN, token),
        Auth::ApiKey {
            name,
            value,
            location,
        } => {
            set_value(root, id::API_KEY_NAME, name);
            set_value(root, id::API_KEY_VALUE, value);
            set_value(root, id::API_KEY_LOCATION, location.as_str());
        }
        Auth::AwsSigV4 { params } => {
            let aws = AwsSigV4::read(params);
            set_value(root, id::AWS_ACCESS_KEY, &aws.access_key);
            set_value(root, id::AWS_SECRET_KEY, &aws.secret_key);
            set_value(root, id::AWS_SESSION_TOKEN, &aws.session_token);
            set_value(root, id::AWS_REGION, &aws.region);
            set_value(root, id::AWS_SERVICE, &aws.service);
            set_checked(root, id::AWS_IN_QUERY, aws.in_query);
            set_checked(root, id::AWS_UNSIGNED, aws.unsigned_payload);
        }
        Auth::OAuth2 { params } => {
            let oauth = OAuth2::read(params);
            set_value(root, id::GRANT, oauth.grant.as_str());
            set_value(root, id::AUTH_URL, &oauth.auth_url);
            set_value(root, id::TOKEN_URL, &oauth.token_url);
            set_value(root, id::DEVICE_URL, &oauth.device_url);
            set_value(root, id::REDIRECT_URI, &oauth.redirect_uri);
            set_value(root, id::CLIENT_ID, &oauth.client_id);
            set_value(root, id::CLIENT_SECRET, &oauth.client_secret);
            set_value(root, id::CLIENT_AUTH, oauth.client_auth.as_str());
            set_value(root, id::SCOPE, &oauth.scope);
            set_value(root, id::AUDIENCE, &oauth.audience);
            set_value(root, id::OAUTH_USERNAME, &oauth.username);
            set_value(root, id::OAUTH_PASSWORD, &oauth.password);
            set_checked(root, id::PKCE, oauth.pkce);
            set_checked(root, id::VIA_ECHO, oauth.via_echo);
            let extra: Vec<String> = oauth
                .extra
                .iter()
                .map(|p| format!("{}={}", p.key, p.value))
                .collect();
            set_value(root, id::EXTRA, &extra.join("\n"));
        }
    }
    show_sections(root);
}

/// The settings the form holds for the chosen kind.
fn read(root: &Element) -> Auth {
    let text = |control: &str| value_of(root, control);
    let kind = AuthKind::parse(&text(id::TYPE)).unwrap_or_default();
    match kind {
        AuthKind::None => Auth::None,
        AuthKind::Basic => Auth::Basic {
            username: text(id::USERNAME),
            password: text(id::PASSWORD),
        },
        AuthKind::Digest => Auth::Digest {
            username: text(id::USERNAME),
            password: text(id::PASSWORD),
        },
        AuthKind::Bearer => Auth::Bearer {
            token: text(id::BEARER_TOKEN),
        },
        AuthKind::ApiKey => Auth::ApiKey {
            name: text(id::API_KEY_NAME),
            value: text(id::API_KEY_VALUE),
            location: ApiKeyLocation::parse(&text(id::API_KEY_LOCATION)).unwrap_or_default(),
        },
        AuthKind::AwsSigV4 => Auth::AwsSigV4 {
            params: AwsSigV4 {
                access_key: text(id::AWS_ACCESS_KEY),
                secret_key: text(id::AWS_SECRET_KEY),
                session_token: text(id::AWS_SESSION_TOKEN),
                region: text(id::AWS_REGION),
                service: text(id::AWS_SERVICE),
                in_query: checked(root, id::AWS_IN_QUERY),
                unsigned_payload: checked(root, id::AWS_UNSIGNED),
            }
            .to_params(),
        },
        AuthKind::OAuth2 => Auth::OAuth2 {
            params: OAuth2 {
                grant: OAuthGrant::parse(&text(id::GRANT)).unwrap_or_default(),
                auth_url: text(id::AUTH_URL),
                token_url: text(id::TOKEN_URL),
                device_url: text(id::DEVICE_URL),
                redirect_uri: text(id::REDIRECT_URI),
                client_id: text(id::CLIENT_ID),
                client_secret: text(id::CLIENT_SECRET),
                client_auth: ClientAuth::parse(&text(id::CLIENT_AUTH)).unwrap_or_default(),
                scope: text(id::SCOPE),
                audience: text(id::AUDIENCE),
                username: text(id::OAUTH_USERNAME),
                password: text(id::OAUTH_PASSWORD),
                pkce: checked(root, id::PKCE),
                via_echo: checked(root, id::VIA_ECHO),
                extra: extra_rows(&text(id::EXTRA)),
            }
            .to_params(),
        },
    }
}

/// `name=value` lines (blank lines skipped; a line without `=` is a name with an empty value).
fn extra_rows(text: &str) -> Vec<KeyValue> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (key, value) = line.split_once('=').unwrap_or((line, ""));
            KeyValue::new(key.trim(), value.trim())
        })
        .collect()
}

/// Only the chosen kind's section, and the chosen grant's OAuth fields, show.
fn show_sections(root: &Element) {
    let kind = AuthKind::parse(&value_of(root, id::TYPE)).unwrap_or_default();
    for (each, section) in AuthKind::ALL.iter().zip(SECTIONS) {
        set_hidden(root, section, *each != kind);
    }
    set_hidden(
        root,
        id::CREDENTIALS,
        !matches!(kind, AuthKind::Basic | AuthKind::Digest),
    );
    let grant = OAuthGrant::parse(&value_of(root, id::GRANT)).unwrap_or_default();
    for (field, grants) in GRANT_FIELDS {
        if let Ok(Some(row)) = root.query_selector(&format!("[data-row=\"{field}\"]")) {
            set_hidden_element(&row, !grants.contains(&grant));
        }
    }
}

/// An edit in the form: the page gets the settings.
fn edited() {
    let Some(root) = root() else {
        return;
    };
    show_sections(&root);
    let auth = read(&root);
    let changed = SHOWN.with(|s| {
        let mut shown = s.borrow_mut();
        let changed = shown.as_ref() != Some(&auth);
        *shown = Some(auth.clone());
        changed
    });
    if changed {
        bridge::hand_over(&auth);
        token_changed();
    }
}

/// The OAuth settings as they apply now (variables resolved in the active environment), and that
/// environment's name: where its token is kept.
fn current_oauth() -> Option<(OAuth2, String)> {
    let mut draft = bridge::edited()?;
    // The form's settings, which the page's announced draft may not hold yet.
    if let Some(root) = root() {
        draft.request.auth = read(&root);
    }
    let environment = draft.variables.active();
    let Auth::OAuth2 { params } = &draft.request.auth else {
        return None;
    };
    // Unresolvable variables elsewhere in the request should not hide the token: fall back to the
    // settings as written.
    let params = match prepare_for(&draft.request, &environment, Sender::Server) {
        Ok(prepared) => match prepared.auth {
            PreparedAuth::OAuth2 { params } => params,
            _ => params.clone(),
        },
        Err(_) => params.clone(),
    };
    Some((OAuth2::read(&params), environment.name))
}

fn token_now() -> Option<(OAuth2, String, Option<OAuthToken>)> {
    let (oauth, environment) = current_oauth()?;
    let token = tokens::get(&oauth.token_key(&environment));
    Some((oauth, environment, token))
}

/// The token's line and buttons follow the token store.
pub fn token_changed() {
    let Some(root) = root() else {
        return;
    };
    let Some((_, environment, token)) = token_now() else {
        return;
    };
    let place = if environment.is_empty() {
        "with no environment active".to_string()
    } else {
        format!("for the environment \"{environment}\"")
    };
    let now = bridge::now_ms();
    let status = match &token {
        None => format!("No access token {place} yet: one is obtained when you send, or now."),
        Some(token) => match token.expires_at_ms {
            Some(_) if token.expired(now) => format!(
                "The access token {place} has expired{}.",
                if token.refresh_token.is_empty() {
                    ": sending gets a new one"
                } else {
                    ": sending refreshes it"
                }
            ),
            Some(at) => format!(
                "Access token {place}, valid for {} more.",
                duration((at - now) / 1000)
            ),
            None => format!("Access token {place} (the provider gave no expiry)."),
        },
    };
    set_text(&root, id::TOKEN_STATUS, &status);
    let has = token.is_some();
    set_hidden(&root, id::COPY, !has);
    set_hidden(&root, id::FORGET, !has);
    set_hidden(
        &root,
        id::REFRESH,
        token.is_none_or(|t| t.refresh_token.is_empty()),
    );
}

fn duration(seconds: u64) -> String {
    match seconds {
        0..=119 => format!("{seconds} s"),
        120..=7199 => format!("{} min", seconds / 60),
        _ => format!("{} h", seconds / 3600),
    }
}

pub fn show_error(text: &str) {
    if let Some(root) = root() {
        set_text(&root, id::ERROR, text);
        let offer = !text.is_empty() && !checked(&root, id::VIA_ECHO);
        set_hidden(&root, id::RETRY_ECHO, !offer);
    }
}

pub fn show_device(code: &reqlab_core::auth::oauth::DeviceCode) {
    let Some(root) = root() else {
        return;
    };
    set_text(
        &root,
        id::DEVICE_TEXT,
        &format!(
            "On any device, open {} and enter the code {}. reqlab waits for the approval.",
            code.verification_uri, code.user_code
        ),
    );
    let link = if code.verification_uri_complete.is_empty() {
        &code.verification_uri
    } else {
        &code.verification_uri_complete
    };
    if let Some(anchor) = find(&root, id::DEVICE_LINK) {
        let _ = anchor.set_attribute("href", link);
    }
    set_hidden(&root, id::DEVICE, false);
}

pub fn show_device_done() {
    if let Some(root) = root() {
        set_hidden(&root, id::DEVICE, true);
    }
}

fn clicked(ev: web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(root) = root() else {
        return;
    };
    match target.id().as_str() {
        id::GET_TOKEN => run(|oauth, environment| async move {
            flows::obtain(&oauth, &environment).await.map(|_| ())
        }),
        id::REFRESH => run(|oauth, environment| async move {
            let key = oauth.token_key(&environment);
            let token = tokens::get(&key).ok_or("There is no token to refresh.")?;
            flows::refresh(&oauth, &environment, &token)
                .await
                .map(|_| ())
        }),
        id::FORGET => {
            if let Some((oauth, environment, _)) = token_now() {
                tokens::forget(&oauth.token_key(&environment));
                token_changed();
            }
        }
        id::COPY => {
            if let Some((_, _, Some(token))) = token_now() {
                crate::dom::write_clipboard(&token.access_token);
                set_text(&root, id::TOKEN_STATUS, "The access token is copied.");
            }
        }
        id::USE_TOKEN => {
            let pasted = value_of(&root, id::PASTE_TOKEN).trim().to_string();
            if let (false, Some((oauth, environment, _))) = (pasted.is_empty(), token_now()) {
                let token = OAuthToken {
                    access_token: pasted,
                    token_type: "Bearer".into(),
                    ..OAuthToken::default()
                };
                tokens::keep(&oauth.token_key(&environment), token);
                set_value(&root, id::PASTE_TOKEN, "");
                show_error("");
                token_changed();
            }
        }
        id::USE_CODE => {
            let pasted = value_of(&root, id::PASTE_CODE);
            match flows::returned(&pasted) {
                Ok(()) => set_value(&root, id::PASTE_CODE, ""),
                Err(error) => show_error(&error),
            }
        }
        id::RETRY_ECHO => {
            set_checked(&root, id::VIA_ECHO, true);
            edited();
            run(|oauth, environment| async move {
                flows::obtain(&oauth, &environment).await.map(|_| ())
            });
        }
        _ => {}
    }
}

/// Runs a token action for the settings on show, its error (or none) shown when it ends.
fn run<F, Fut>(action: F)
where
    F: FnOnce(OAuth2, String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + 'static,
{
    let Some((oauth, environment)) = current_oauth() else {
        return;
    };
    show_error("");
    if let Some(root) = root() {
        set_text(&root, id::TOKEN_STATUS, "Asking the provider…");
    }
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = action(oauth, environment).await;
        token_changed();
        show_error(outcome.err().as_deref().unwrap_or_default());
    });
}

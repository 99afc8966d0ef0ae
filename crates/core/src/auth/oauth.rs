//! Auth stage, OAuth 2.0 (RFC 6749, RFC 7636, RFC 8628): the requests a client sends to the provider and
//! the reading of its answers, as pure functions. The auth bundle (`src/auth`) does the sending: a popup
//! to the authorization URL, fetch (or reqlab-echo's forward mode) to the token endpoint.

use crate::edit::model::KeyValue;
use crate::edit::query::decode;
use crate::edit::signed_auth::{ClientAuth, OAuth2, OAuthGrant, OAuthToken};
use crate::prepare::form_encode;
use serde_json::Value;

/// Why a flow stopped, in a sentence for the person who started it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OAuthError {
    #[error("OAuth 2.0 needs the {0}: fill it in the Auth tab.")]
    Missing(&'static str),
    /// RFC 6749 section 5.2 (or 4.1.2.1 for a refused authorization): the provider's code and words.
    #[error("The provider refused: {code}{}", if .description.is_empty() { String::new() } else { format!(" ({})", .description) })]
    Refused { code: String, description: String },
    #[error("The provider's answer ({status}) is not an OAuth 2.0 token response: {text}")]
    Unreadable { status: u16, text: String },
    #[error("The answer's state does not match the one this flow sent: it belongs to another sign-in, or was forged; start again.")]
    StateMismatch,
    #[error("The provider sent the browser back without a code or token: {0}")]
    NoCode(String),
}

/// A request to the token (or device authorization) endpoint: a form POST.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRequest {
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// `application/x-www-form-urlencoded`.
    pub body: String,
}

/// What a grant sends besides the client: the code and verifier, the refresh token, the device code.
pub enum Exchange<'a> {
    /// Client credentials, password: what the settings hold is all.
    Direct,
    Code {
        code: &'a str,
        redirect_uri: &'a str,
        verifier: Option<&'a str>,
    },
    Refresh(&'a str),
    Device(&'a str),
}

/// The device grant's type, as RFC 8628 section 3.4 names it.
pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn extra(oauth: &OAuth2) -> impl Iterator<Item = (&str, &str)> {
    oauth
        .extra
        .iter()
        .filter(|p: &&KeyValue| p.enabled)
        .map(|p| (p.key.as_str(), p.value.as_str()))
}

/// The client's id and secret, as RFC 6749 section 2.3.1 says: a Basic header of the form-encoded values,
/// or body parameters (the id alone for a public client).
fn client<'a>(oauth: &'a OAuth2, pairs: &mut Vec<(&'a str, &'a str)>) -> Vec<(String, String)> {
    match (oauth.client_auth, oauth.client_secret.is_empty()) {
        (ClientAuth::Basic, false) => {
            let user = format!(
                "{}:{}",
                form_encode(&oauth.client_id),
                form_encode(&oauth.client_secret)
            );
            vec![(
                "Authorization".into(),
                format!("Basic {}", crate::base64::encode(user)),
            )]
        }
        (_, public) => {
            pairs.push(("client_id", &oauth.client_id));
            if !public {
                pairs.push(("client_secret", &oauth.client_secret));
            }
            Vec::new()
        }
    }
}

/// The token request for `exchange`.
pub fn token_request(oauth: &OAuth2, exchange: Exchange) -> Result<TokenRequest, OAuthError> {
    if oauth.token_url.trim().is_empty() {
        return Err(OAuthError::Missing("token URL"));
    }
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    match exchange {
        Exchange::Direct => match oauth.grant {
            OAuthGrant::Password => pairs.extend([
                ("grant_type", "password"),
                ("username", oauth.username.as_str()),
                ("password", oauth.password.as_str()),
            ]),
            _ => pairs.push(("grant_type", "client_credentials")),
        },
        Exchange::Code {
            code,
            redirect_uri,
            verifier,
        } => {
            pairs.extend([
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect_uri),
            ]);
            pairs.extend(verifier.map(|v| ("code_verifier", v)));
        }
        Exchange::Refresh(token) => {
            pairs.extend([("grant_type", "refresh_token"), ("refresh_token", token)])
        }
        Exchange::Device(code) => {
            pairs.extend([("grant_type", DEVICE_GRANT), ("device_code", code)])
        }
    }
    Ok(finish(oauth, &oauth.token_url, pairs))
}

/// A request to `url` with `pairs`, then what every request to the provider carries: the scope, the
/// audience and the extra parameters, the client's authentication, and JSON asked for.
fn finish<'a>(oauth: &'a OAuth2, url: &str, mut pairs: Vec<(&'a str, &'a str)>) -> TokenRequest {
    if !oauth.scope.is_empty() {
        pairs.push(("scope", &oauth.scope));
    }
    if !oauth.audience.is_empty() {
        pairs.push(("audience", &oauth.audience));
    }
    pairs.extend(extra(oauth));
    let mut headers = client(oauth, &mut pairs);
    headers.push(("Accept".into(), "application/json".into()));
    TokenRequest {
        url: url.trim().to_string(),
        headers,
        body: form(&pairs),
    }
}

/// The device authorization request (RFC 8628 section 3.1).
pub fn device_request(oauth: &OAuth2) -> Result<TokenRequest, OAuthError> {
    if oauth.device_url.trim().is_empty() {
        return Err(OAuthError::Missing("device authorization URL"));
    }
    Ok(finish(oauth, &oauth.device_url, Vec::new()))
}

/// Where the browser goes to sign in (RFC 6749 sections 4.1.1 and 4.2.1): the code grant asks for a code
/// (with the S256 `challenge` when PKCE is on), the implicit grant for a token.
pub fn authorization_url(
    oauth: &OAuth2,
    redirect_uri: &str,
    state: &str,
    challenge: Option<&str>,
) -> Result<String, OAuthError> {
    let base = oauth.auth_url.trim();
    if base.is_empty() {
        return Err(OAuthError::Missing("authorization URL"));
    }
    let response_type = match oauth.grant {
        OAuthGrant::Implicit => "token",
        _ => "code",
    };
    let mut pairs = vec![
        ("response_type", response_type),
        ("client_id", oauth.client_id.as_str()),
        ("redirect_uri", redirect_uri),
        ("state", state),
    ];
    if !oauth.scope.is_empty() {
        pairs.push(("scope", &oauth.scope));
    }
    if !oauth.audience.is_empty() {
        pairs.push(("audience", &oauth.audience));
    }
    if let Some(challenge) = challenge {
        pairs.extend([
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ]);
    }
    pairs.extend(extra(oauth));
    let separator = if base.contains('?') { '&' } else { '?' };
    Ok(format!("{base}{separator}{}", form(&pairs)))
}

/// What the provider sent the browser back with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Redirect {
    Code(String),
    /// The implicit grant's token, read from the fragment.
    Token(OAuthToken),
}

/// Reads the URL the callback page was opened at: `?code=&state=` (or `#access_token=` for the implicit
/// grant, or `error=`), checking that `state` is the one this flow sent (RFC 6749 section 10.12).
pub fn read_redirect(url: &str, state: &str, now_ms: u64) -> Result<Redirect, OAuthError> {
    let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
    let query = rest.split_once('?').map_or("", |(_, q)| q);
    let params: Vec<(String, String)> = [query, fragment]
        .iter()
        .flat_map(|part| part.split('&'))
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect();
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    if get("state").as_deref() != Some(state) {
        return Err(OAuthError::StateMismatch);
    }
    if let Some(code) = get("error") {
        return Err(OAuthError::Refused {
            code,
            description: get("error_description").unwrap_or_default(),
        });
    }
    if let Some(code) = get("code") {
        return Ok(Redirect::Code(code));
    }
    match get("access_token") {
        Some(access_token) => Ok(Redirect::Token(OAuthToken {
            access_token,
            token_type: get("token_type").unwrap_or_default(),
            expires_at_ms: expiry(get("expires_in").and_then(|s| s.parse().ok()), now_ms),
            scope: get("scope").unwrap_or_default(),
            ..OAuthToken::default()
        })),
        None => Err(OAuthError::NoCode(url.to_string())),
    }
}

fn expiry(expires_in: Option<u64>, now_ms: u64) -> Option<u64> {
    expires_in.map(|s| now_ms.saturating_add(s.saturating_mul(1000)))
}

fn text(json: &Value, name: &str) -> String {
    match json.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The provider's error object (RFC 6749 section 5.2), when the answer is one.
fn refusal(json: &Value) -> Option<OAuthError> {
    let code = text(json, "error");
    (!code.is_empty()).then(|| OAuthError::Refused {
        code,
        description: text(json, "error_description"),
    })
}

fn unreadable(status: u16, body: &str) -> OAuthError {
    let mut text: String = body.chars().take(300).collect();
    if text.is_empty() {
        text = "(an empty body)".into();
    }
    OAuthError::Unreadable { status, text }
}

/// Reads a token endpoint's answer (RFC 6749 section 5.1, or 5.2's error). `refresh_token` is kept when
/// a refresh answer names no new one (section 6 lets the provider keep the old).
pub fn read_token(
    status: u16,
    body: &str,
    now_ms: u64,
    refresh_token: &str,
) -> Result<OAuthToken, OAuthError> {
    let json: Value = serde_json::from_str(body).map_err(|_| unreadable(status, body))?;
    if let Some(refused) = refusal(&json) {
        return Err(refused);
    }
    let access_token = text(&json, "access_token");
    if !(200..300).contains(&status) || access_token.is_empty() {
        return Err(unreadable(status, body));
    }
    let refresh = text(&json, "refresh_token");
    Ok(OAuthToken {
        access_token,
        token_type: text(&json, "token_type"),
        refresh_token: if refresh.is_empty() {
            refresh_token.to_string()
        } else {
            refresh
        },
        expires_at_ms: expiry(text(&json, "expires_in").parse().ok(), now_ms),
        scope: text(&json, "scope"),
    })
}

/// The device authorization answer (RFC 8628 section 3.2): what the person must do, and how to poll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceCode {
    pub device_code: String,
    pub user_code: String,
    pub verification_uri: String,
    /// With the user code in it, when the provider gives one.
    pub verification_uri_complete: String,
    pub interval_seconds: u64,
    pub expires_at_ms: u64,
}

pub fn read_device(status: u16, body: &str, now_ms: u64) -> Result<DeviceCode, OAuthError> {
    let json: Value = serde_json::from_str(body).map_err(|_| unreadable(status, body))?;
    if let Some(refused) = refusal(&json) {
        return Err(refused);
    }
    let device_code = text(&json, "device_code");
    if device_code.is_empty() {
        return Err(unreadable(status, body));
    }
    Ok(DeviceCode {
        device_code,
        user_code: text(&json, "user_code"),
        verification_uri: text(&json, "verification_uri"),
        verification_uri_complete: text(&json, "verification_uri_complete"),
        interval_seconds: text(&json, "interval").parse().unwrap_or(5),
        expires_at_ms: expiry(text(&json, "expires_in").parse().ok(), now_ms)
            .unwrap_or(now_ms + 600_000),
    })
}

/// What polling the token endpoint during the device flow means (RFC 8628 section 3.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Poll {
    Token(OAuthToken),
    /// Not yet approved: ask again after the interval (longer by 5 seconds after `slow_down`).
    Wait {
        slower: bool,
    },
    Failed(OAuthError),
}

pub fn read_poll(status: u16, body: &str, now_ms: u64) -> Poll {
    match read_token(status, body, now_ms, "") {
        Ok(token) => Poll::Token(token),
        Err(OAuthError::Refused { code, .. }) if code == "authorization_pending" => {
            Poll::Wait { slower: false }
        }
        Err(OAuthError::Refused { code, .. }) if code == "slow_down" => Poll::Wait { slower: true },
        Err(error) => Poll::Failed(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(grant: OAuthGrant) -> OAuth2 {
        OAuth2 {
            grant,
            auth_url: "https://id.example/authorize".into(),
            token_url: "https://id.example/token".into(),
            device_url: "https://id.example/device".into(),
            client_id: "my app".into(),
            client_secret: "s&cret:1".into(),
            scope: "read write".into(),
            ..OAuth2::default()
        }
    }

    #[test]
    fn basic_client_auth_form_encodes_id_and_secret_before_base64_as_rfc_6749_says() {
        let request = token_request(&settings(OAuthGrant::ClientCredentials), Exchange::Direct)
            .expect("complete settings");
        assert_eq!(
            request.body,
            "grant_type=client_credentials&scope=read+write"
        );
        // "my+app:s%26cret%3A1", base64.
        assert_eq!(
            request.headers[0],
            (
                "Authorization".to_string(),
                "Basic bXkrYXBwOnMlMjZjcmV0JTNBMQ==".to_string()
            )
        );
    }

    #[test]
    fn body_client_auth_and_a_public_client_send_the_id_in_the_body() {
        let mut oauth = settings(OAuthGrant::Password);
        oauth.client_auth = ClientAuth::Body;
        oauth.username = "ann".into();
        oauth.password = "p w".into();
        let request = token_request(&oauth, Exchange::Direct).expect("complete settings");
        assert_eq!(
            request.body,
            "grant_type=password&username=ann&password=p+w&scope=read+write&client_id=my+app&client_secret=s%26cret%3A1"
        );
        oauth.client_secret.clear();
        oauth.client_auth = ClientAuth::Basic;
        let request = token_request(&oauth, Exchange::Refresh("r1")).expect("complete settings");
        assert_eq!(
            request.body,
            "grant_type=refresh_token&refresh_token=r1&scope=read+write&client_id=my+app"
        );
        assert!(request.headers.iter().all(|(n, _)| n != "Authorization"));
    }

    #[test]
    fn the_code_exchange_carries_the_verifier_and_the_same_redirect_uri() {
        let exchange = Exchange::Code {
            code: "c/1",
            redirect_uri: "https://app.example/cb",
            verifier: Some("v"),
        };
        let request = token_request(&settings(OAuthGrant::AuthorizationCode), exchange)
            .expect("complete settings");
        assert!(request.body.starts_with(
            "grant_type=authorization_code&code=c%2F1&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_verifier=v"
        ));
    }

    #[test]
    fn the_authorization_url_asks_for_a_code_with_its_challenge_or_for_a_token() {
        let oauth = settings(OAuthGrant::AuthorizationCode);
        let url = authorization_url(&oauth, "https://app/cb", "st", Some("ch")).expect("url");
        assert_eq!(
            url,
            "https://id.example/authorize?response_type=code&client_id=my+app&redirect_uri=https%3A%2F%2Fapp%2Fcb&state=st&scope=read+write&code_challenge=ch&code_challenge_method=S256"
        );
        let implicit =
            authorization_url(&settings(OAuthGrant::Implicit), "r", "s", None).expect("url");
        assert!(implicit.contains("response_type=token&"));
        let mut missing = oauth;
        missing.auth_url.clear();
        assert_eq!(
            authorization_url(&missing, "r", "s", None),
            Err(OAuthError::Missing("authorization URL"))
        );
    }

    #[test]
    fn a_redirect_gives_its_code_or_token_only_with_the_state_sent() {
        assert_eq!(
            read_redirect("https://app/cb?code=a%2Fb&state=xyz", "xyz", 0),
            Ok(Redirect::Code("a/b".into()))
        );
        assert_eq!(
            read_redirect("https://app/cb?code=a&state=other", "xyz", 0),
            Err(OAuthError::StateMismatch)
        );
        assert_eq!(
            read_redirect(
                "https://app/cb?error=access_denied&error_description=No+way&state=xyz",
                "xyz",
                0
            ),
            Err(OAuthError::Refused {
                code: "access_denied".into(),
                description: "No way".into()
            })
        );
        let Ok(Redirect::Token(token)) = read_redirect(
            "https://app/cb#access_token=t1&token_type=Bearer&expires_in=60&state=xyz",
            "xyz",
            1_000,
        ) else {
            panic!("the implicit grant's token is in the fragment");
        };
        assert_eq!(
            (token.access_token.as_str(), token.expires_at_ms),
            ("t1", Some(61_000))
        );
    }

    #[test]
    fn token_answers_are_read_with_their_expiry_and_errors_in_the_providers_words() {
        let token = read_token(
            200,
            r#"{"access_token":"a","token_type":"bearer","expires_in":3600,"refresh_token":"r"}"#,
            10,
            "",
        )
        .expect("a token");
        assert_eq!(token.expires_at_ms, Some(3_600_010));
        assert_eq!(token.refresh_token, "r");
        let kept = read_token(200, r#"{"access_token":"b"}"#, 0, "old").expect("a token");
        assert_eq!(
            (kept.refresh_token.as_str(), kept.expires_at_ms),
            ("old", None)
        );
        let refused = read_token(
            400,
            r#"{"error":"invalid_grant","error_description":"The code was used"}"#,
            0,
            "",
        );
        assert_eq!(
            refused.map_err(|e| e.to_string()),
            Err("The provider refused: invalid_grant (The code was used)".into())
        );
        assert!(matches!(
            read_token(502, "<html>Bad gateway</html>", 0, ""),
            Err(OAuthError::Unreadable { status: 502, .. })
        ));
    }

    #[test]
    fn polling_waits_while_pending_slows_down_when_told_and_stops_on_other_errors() {
        let poll = |body: &str| read_poll(400, body, 0);
        assert_eq!(
            poll(r#"{"error":"authorization_pending"}"#),
            Poll::Wait { slower: false }
        );
        assert_eq!(
            poll(r#"{"error":"slow_down"}"#),
            Poll::Wait { slower: true }
        );
        assert!(matches!(
            poll(r#"{"error":"expired_token"}"#),
            Poll::Failed(_)
        ));
        let device = read_device(
            200,
            r#"{"device_code":"d","user_code":"BCDF-GHJK","verification_uri":"https://id/device","interval":1,"expires_in":600}"#,
            0,
        )
        .expect("a device code");
        assert_eq!(
            (device.interval_seconds, device.expires_at_ms),
            (1, 600_000)
        );
    }
}

//! The fixed, published test clients and the one test user, and how the token endpoint tells which client is
//! calling: HTTP Basic with form-urlencoded id and secret (RFC 6749 §2.3.1), or `client_id` and
//! `client_secret` in the body; a public client sends only its `client_id`.

use crate::oauth::error::OAuthError;
use crate::oauth::params::Params;
use crate::oauth::pkce::same;
use axum::http::{header, HeaderMap};
use base64::Engine;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GrantType {
    AuthorizationCode,
    Implicit,
    ClientCredentials,
    Password,
    RefreshToken,
    DeviceCode,
}

pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

impl GrantType {
    /// The grant a token request's `grant_type` names (implicit has none: it never reaches the token endpoint).
    pub fn from_param(name: &str) -> Option<GrantType> {
        match name {
            "authorization_code" => Some(GrantType::AuthorizationCode),
            "client_credentials" => Some(GrantType::ClientCredentials),
            "password" => Some(GrantType::Password),
            "refresh_token" => Some(GrantType::RefreshToken),
            DEVICE_CODE_GRANT => Some(GrantType::DeviceCode),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct Client {
    pub id: &'static str,
    /// `None` for a public client, which cannot keep a secret.
    pub secret: Option<&'static str>,
    pub grants: &'static [GrantType],
    /// A public client must prove with PKCE that it is the one that asked for the code.
    pub pkce_required: bool,
}

impl Client {
    pub fn allows(&self, grant: GrantType) -> bool {
        self.grants.contains(&grant)
    }
}

pub const CLIENTS: [Client; 2] = [
    Client {
        id: "reqlab-spa",
        secret: None,
        grants: &[
            GrantType::AuthorizationCode,
            GrantType::Implicit,
            GrantType::DeviceCode,
            GrantType::RefreshToken,
        ],
        pkce_required: true,
    },
    Client {
        id: "reqlab-service",
        secret: Some("reqlab-secret"),
        grants: &[
            GrantType::AuthorizationCode,
            GrantType::ClientCredentials,
            GrantType::Password,
            GrantType::RefreshToken,
            GrantType::DeviceCode,
        ],
        pkce_required: false,
    },
];

/// The one resource owner: the password grant checks these, and every approval is given as this user.
pub const USER: &str = "alice";
const PASSWORD: &str = "wonderland";

pub fn find(id: &str) -> Option<&'static Client> {
    CLIENTS.iter().find(|client| client.id == id)
}

pub fn unknown_client(id: &str) -> String {
    format!("There is no client called {id:?}: this server knows reqlab-spa and reqlab-service.")
}

pub fn user_matches(username: &str, password: &str) -> bool {
    // Both compared in full either way, so timing does not tell which one was wrong.
    let user_ok = same(username.as_bytes(), USER.as_bytes());
    let password_ok = same(password.as_bytes(), PASSWORD.as_bytes());
    user_ok && password_ok
}

/// The calling client, authenticated by whichever one method it used.
pub fn authenticate(headers: &HeaderMap, params: &Params) -> Result<&'static Client, OAuthError> {
    let basic = basic_credentials(headers)?;
    let used_basic = basic.is_some();
    let (id, secret) = match basic {
        Some((id, secret)) => {
            if params.get("client_secret").is_some() {
                return Err(OAuthError::invalid_request(
                    "Use one client authentication method: HTTP Basic or client_secret in the body, not both.",
                ));
            }
            if params.get("client_id").is_some_and(|body_id| body_id != id) {
                return Err(OAuthError::invalid_request(
                    "The client_id in the body is not the one in the Authorization header.",
                ));
            }
            (id, Some(secret))
        }
        None => {
            let Some(id) = params.get("client_id") else {
                return Err(OAuthError::invalid_client(
                    "The client is not identified: send HTTP Basic credentials or client_id in the body.",
                    false,
                ));
            };
            (
                id.to_string(),
                params.get("client_secret").map(str::to_string),
            )
        }
    };
    let Some(client) = find(&id) else {
        return Err(OAuthError::invalid_client(unknown_client(&id), used_basic));
    };
    match (client.secret, secret.as_deref()) {
        (None, None) => Ok(client),
        (None, Some(_)) => Err(OAuthError::invalid_client(
            format!(
                "{} is a public client and has no secret; send only its client_id.",
                client.id
            ),
            used_basic,
        )),
        (Some(_), None) => Err(OAuthError::invalid_client(
            format!(
                "{} is a confidential client: authenticate with its secret.",
                client.id
            ),
            used_basic,
        )),
        (Some(expected), Some(given)) if same(expected.as_bytes(), given.as_bytes()) => Ok(client),
        (Some(_), Some(_)) => Err(OAuthError::invalid_client(
            format!("The secret for {} is wrong.", client.id),
            used_basic,
        )),
    }
}

/// `Authorization: Basic base64(urlencode(id):urlencode(secret))`, decoded; `None` without Basic.
fn basic_credentials(headers: &HeaderMap) -> Result<Option<(String, String)>, OAuthError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let malformed = || {
        OAuthError::invalid_client(
            "The Basic credentials are not base64 of client_id:client_secret.",
            true,
        )
    };
    let Some((scheme, encoded)) = value.to_str().ok().and_then(|v| v.split_once(' ')) else {
        return Ok(None);
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Ok(None);
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| malformed())?;
    let text = String::from_utf8(decoded).map_err(|_| malformed())?;
    let (id, secret) = text.split_once(':').ok_or_else(malformed)?;
    Ok(Some((form_decode(id), form_decode(secret))))
}

/// RFC 6749 §2.3.1 has the id and secret form-urlencoded before they are joined with ':': '+' is a space
/// and `%XX` a byte. A '%' not followed by two hex digits is kept as it is.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (byte, None) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn basic(credentials: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        let value = HeaderValue::from_str(&format!("Basic {encoded}")).expect("header");
        headers.insert(header::AUTHORIZATION, value);
        headers
    }

    fn body(text: &str) -> Params {
        Params::parse(text.as_bytes()).expect("valid body")
    }

    #[test]
    fn basic_and_body_authentication_both_work() {
        let none = body("");
        let client = authenticate(&basic("reqlab-service:reqlab-secret"), &none).expect("basic");
        assert_eq!(client.id, "reqlab-service");
        let form = body("client_id=reqlab-service&client_secret=reqlab-secret");
        assert!(authenticate(&HeaderMap::new(), &form).is_ok());
        let public = body("client_id=reqlab-spa");
        assert!(authenticate(&HeaderMap::new(), &public).is_ok());
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        assert_eq!(form_decode("a%3Ab+c&d%+1"), "a:b c&d% 1");
        let encoded = basic("reqlab%2Dservice:reqlab%2Dsecret");
        assert!(authenticate(&encoded, &body("")).is_ok());
    }

    #[test]
    fn wrong_or_mixed_credentials_are_refused() {
        let wrong = authenticate(&basic("reqlab-service:nope"), &body("")).expect_err("wrong");
        assert_eq!(wrong.code, "invalid_client");
        let both = authenticate(
            &basic("reqlab-service:reqlab-secret"),
            &body("client_secret=reqlab-secret"),
        )
        .expect_err("two methods");
        assert_eq!(both.code, "invalid_request");
        let public_with_secret = authenticate(
            &HeaderMap::new(),
            &body("client_id=reqlab-spa&client_secret=x"),
        );
        assert!(public_with_secret.is_err());
        assert!(!user_matches("alice", "wonder"));
        assert!(user_matches("alice", "wonderland"));
    }
}

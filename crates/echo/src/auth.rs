//! Authentication endpoints: Basic (shown and hidden), Bearer, and Digest with MD5, SHA-256 or SHA-512, each
//! also in its `-sess` variant (RFC 7616 §3.4.2).
//! The credentials are in the URL: this checks that a client sends them correctly, nothing is protected.

use crate::body::read_body;
use crate::reply::{bad_request, plain, pretty_json};
use crate::Config;
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use base64::Engine;
use md5::Md5;
use serde_json::json;
use sha2::{Digest, Sha256, Sha512};
use std::sync::Arc;

const REALM: &str = "reqlab-echo";

pub async fn basic(Path((user, pass)): Path<(String, String)>, headers: HeaderMap) -> Response {
    if basic_matches(&headers, &user, &pass) {
        pretty_json(&json!({ "authenticated": true, "user": user }))
    } else {
        challenge(
            StatusCode::UNAUTHORIZED,
            "Basic realm=\"Fake Realm\"".to_string(),
        )
    }
}

/// Like `/basic-auth`, but a failure looks like a missing page (404) and carries no challenge.
pub async fn hidden_basic(
    Path((user, pass)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if basic_matches(&headers, &user, &pass) {
        pretty_json(&json!({ "authenticated": true, "user": user }))
    } else {
        plain(StatusCode::NOT_FOUND, "Not found.")
    }
}

fn basic_matches(headers: &HeaderMap, user: &str, pass: &str) -> bool {
    let Some(encoded) = authorization(headers, "basic") else {
        return false;
    };
    base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .is_some_and(|decoded| decoded == format!("{user}:{pass}").as_bytes())
}

pub async fn bearer(headers: HeaderMap) -> Response {
    match authorization(&headers, "bearer").map(str::trim) {
        Some(token) if !token.is_empty() => {
            pretty_json(&json!({ "authenticated": true, "token": token }))
        }
        _ => challenge(StatusCode::UNAUTHORIZED, "Bearer".to_string()),
    }
}

/// The credentials after `Authorization: <scheme> `, scheme matched case-insensitively.
fn authorization<'a>(headers: &'a HeaderMap, scheme: &str) -> Option<&'a str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (given, rest) = value.split_once(' ')?;
    given.eq_ignore_ascii_case(scheme).then_some(rest)
}

fn challenge(status: StatusCode, value: String) -> Response {
    let mut response = plain(status, "Authentication required.");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// `/digest-auth/{qop}/{user}/{pass}` (MD5) and `/digest-auth/{qop}/{user}/{pass}/{algorithm}`.
pub async fn digest(
    State(config): State<Arc<Config>>,
    Path((qop, user, pass)): Path<(String, String, String)>,
    request: Request,
) -> Response {
    digest_with(config, qop, user, pass, "MD5".to_string(), request).await
}

pub async fn digest_algorithm(
    State(config): State<Arc<Config>>,
    Path((qop, user, pass, algorithm)): Path<(String, String, String, String)>,
    request: Request,
) -> Response {
    digest_with(config, qop, user, pass, algorithm, request).await
}

async fn digest_with(
    config: Arc<Config>,
    qop: String,
    user: String,
    pass: String,
    algorithm: String,
    request: Request,
) -> Response {
    let Some(algorithm) = Algorithm::parse(&algorithm) else {
        return bad_request(
            "The algorithm must be MD5, SHA-256 or SHA-512, or one of them with -sess (MD5-sess, ...).",
        );
    };
    if !matches!(qop.as_str(), "auth" | "auth-int") {
        return bad_request("qop must be auth or auth-int.");
    }
    let (parts, body) = request.into_parts();
    let body = match read_body(body, config.max_body_bytes).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let given = authorization(&parts.headers, "digest").map(parse_params);
    let ok = given.is_some_and(|params| {
        let get = |k: &str| {
            params
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.as_str())
                .unwrap_or_default()
        };
        let mut ha1 = algorithm.hash(format!("{user}:{}:{pass}", get("realm")).as_bytes());
        if algorithm.sess {
            // RFC 7616 §3.4.2: the session variant folds this exchange's nonces into A1.
            ha1 = algorithm.hash(format!("{ha1}:{}:{}", get("nonce"), get("cnonce")).as_bytes());
        }
        let ha2 = if get("qop") == "auth-int" {
            let body_hash = algorithm.hash(&body);
            algorithm.hash(format!("{}:{}:{body_hash}", parts.method, get("uri")).as_bytes())
        } else {
            algorithm.hash(format!("{}:{}", parts.method, get("uri")).as_bytes())
        };
        let expected = algorithm.hash(
            format!(
                "{ha1}:{}:{}:{}:{}:{ha2}",
                get("nonce"),
                get("nc"),
                get("cnonce"),
                get("qop")
            )
            .as_bytes(),
        );
        get("username") == user && get("qop") == qop && get("response") == expected
    });
    if ok {
        return pretty_json(&json!({ "authenticated": true, "user": user }));
    }
    let nonce = algorithm.hash(uuid::Uuid::new_v4().as_bytes());
    let opaque = algorithm.hash(REALM.as_bytes());
    challenge(
        StatusCode::UNAUTHORIZED,
        format!(
            "Digest realm=\"{REALM}\", qop=\"{qop}\", nonce=\"{nonce}\", opaque=\"{opaque}\", algorithm={}",
            algorithm.name()
        ),
    )
}

#[derive(Clone, Copy)]
enum Hash {
    Md5,
    Sha256,
    Sha512,
}

/// A Digest algorithm: the hash, and whether it is the session (`-sess`) variant.
#[derive(Clone, Copy)]
struct Algorithm {
    hash: Hash,
    sess: bool,
}

impl Algorithm {
    fn parse(name: &str) -> Option<Self> {
        let upper = name.to_ascii_uppercase();
        let (base, sess) = match upper.strip_suffix("-SESS") {
            Some(base) => (base, true),
            None => (upper.as_str(), false),
        };
        let hash = match base {
            "MD5" => Hash::Md5,
            "SHA-256" => Hash::Sha256,
            "SHA-512" => Hash::Sha512,
            _ => return None,
        };
        Some(Algorithm { hash, sess })
    }

    /// As RFC 7616 writes it in the challenge: `SHA-256`, `SHA-256-sess`.
    fn name(self) -> String {
        let base = match self.hash {
            Hash::Md5 => "MD5",
            Hash::Sha256 => "SHA-256",
            Hash::Sha512 => "SHA-512",
        };
        if self.sess {
            format!("{base}-sess")
        } else {
            base.to_string()
        }
    }

    fn hash(self, input: &[u8]) -> String {
        match self.hash {
            Hash::Md5 => hex(&Md5::digest(input)),
            Hash::Sha256 => hex(&Sha256::digest(input)),
            Hash::Sha512 => hex(&Sha512::digest(input)),
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `a="x, y", b=z` -> [(a, "x, y"), (b, z)]: commas inside quotes do not split.
fn parse_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            break;
        };
        let key = key.trim().trim_start_matches(',').trim().to_string();
        let after = after.trim_start();
        let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
            match quoted.split_once('"') {
                Some((value, remaining)) => (value.to_string(), remaining),
                None => (quoted.to_string(), ""),
            }
        } else {
            match after.split_once(',') {
                Some((value, remaining)) => (value.trim().to_string(), remaining),
                None => (after.trim().to_string(), ""),
            }
        };
        params.push((key, value));
        rest = remaining.trim_start().trim_start_matches(',').trim_start();
    }
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names_round_trip() {
        for name in [
            "MD5",
            "SHA-256",
            "SHA-512",
            "MD5-sess",
            "SHA-256-sess",
            "SHA-512-sess",
        ] {
            let algorithm = Algorithm::parse(name).expect("a known algorithm");
            assert_eq!(algorithm.name(), name);
        }
        assert_eq!(
            Algorithm::parse("sha-256-SESS")
                .map(Algorithm::name)
                .as_deref(),
            Some("SHA-256-sess")
        );
        assert!(Algorithm::parse("SHA-1").is_none());
        assert!(Algorithm::parse("-sess").is_none());
    }

    #[test]
    fn digest_params_split_outside_quotes() {
        let params = parse_params(r#"username="a, b", realm=r, nc=00000001,qop="auth""#);
        let expected = [
            ("username", "a, b"),
            ("realm", "r"),
            ("nc", "00000001"),
            ("qop", "auth"),
        ];
        assert_eq!(params.len(), expected.len());
        for ((k, v), (ek, ev)) in params.iter().zip(expected) {
            assert_eq!((k.as_str(), v.as_str()), (ek, ev));
        }
    }
}

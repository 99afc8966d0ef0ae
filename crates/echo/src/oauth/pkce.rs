//! PKCE (RFC 7636): the challenge an authorization request carries, and checking the token request's
//! verifier against it. S256 is base64url-without-padding of the verifier's SHA-256; plain is the verifier.

use base64::Engine;
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    S256,
    Plain,
}

#[derive(Clone, Debug)]
pub struct Challenge {
    pub method: Method,
    pub value: String,
}

impl Challenge {
    /// The challenge of an authorization request; the method defaults to `plain` (RFC 7636 §4.3).
    pub fn parse(value: &str, method: Option<&str>) -> Result<Challenge, String> {
        let method = match method.unwrap_or("plain") {
            "S256" => Method::S256,
            "plain" => Method::Plain,
            other => {
                return Err(format!(
                    "code_challenge_method {other:?} is not supported: use S256 or plain."
                ))
            }
        };
        if !well_formed(value) {
            return Err(
                "code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'."
                    .to_string(),
            );
        }
        Ok(Challenge {
            method,
            value: value.to_string(),
        })
    }

    pub fn method_name(&self) -> &'static str {
        match self.method {
            Method::S256 => "S256",
            Method::Plain => "plain",
        }
    }

    /// Whether `verifier` is the one this challenge was made from.
    pub fn accepts(&self, verifier: &str) -> bool {
        let derived = match self.method {
            Method::S256 => base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(Sha256::digest(verifier.as_bytes())),
            Method::Plain => verifier.to_string(),
        };
        same(derived.as_bytes(), self.value.as_bytes())
    }
}

/// RFC 7636 §4.1: 43 to 128 unreserved characters (the same rule serves the challenge, §4.2).
pub fn well_formed(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
}

/// Compares without stopping at the first difference, so timing says nothing about how much matched.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7636_appendix_b() {
        let challenge =
            Challenge::parse("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Some("S256"))
                .expect("valid challenge");
        assert!(challenge.accepts("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assert!(!challenge.accepts("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl"));
    }

    #[test]
    fn plain_is_the_default_and_other_methods_are_refused() {
        let value = "a".repeat(43);
        let challenge = Challenge::parse(&value, None).expect("valid challenge");
        assert_eq!(challenge.method, Method::Plain);
        assert!(challenge.accepts(&value));
        assert!(Challenge::parse(&value, Some("S512")).is_err());
        assert!(Challenge::parse("short", Some("S256")).is_err());
    }
}

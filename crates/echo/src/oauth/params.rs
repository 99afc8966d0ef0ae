//! OAuth request parameters, from a query string or a form body, read as RFC 6749 §3.1 and §3.2 say: a
//! parameter sent without a value counts as omitted, and one sent twice makes the request invalid.

use crate::body::read_body;
use crate::oauth::error::OAuthError;
use crate::oauth::FORM_LIMIT;
use axum::{
    body::Body,
    http::{header, HeaderMap},
};

pub struct Params(Vec<(String, String)>);

/// The parameters of a token or device authorization request, which must be a form (RFC 6749 §4.1.3).
pub async fn read_form(headers: &HeaderMap, body: Body) -> Result<Params, OAuthError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !is_form {
        return Err(OAuthError::invalid_request(
            "The request must be a form: Content-Type: application/x-www-form-urlencoded.",
        ));
    }
    let body = read_body(body, FORM_LIMIT).await.map_err(|_| {
        OAuthError::invalid_request(format!(
            "The body could not be read, or is over {FORM_LIMIT} bytes."
        ))
    })?;
    Params::parse(&body).map_err(OAuthError::invalid_request)
}

impl Params {
    /// The parameters of `input` (`a=1&b=2`, form-urlencoded), or a sentence naming the one sent twice.
    pub fn parse(input: &[u8]) -> Result<Params, String> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (name, value) in form_urlencoded::parse(input) {
            if value.is_empty() {
                continue;
            }
            if pairs.iter().any(|(seen, _)| *seen == name) {
                return Err(format!("The parameter {name:?} was sent more than once."));
            }
            pairs.push((name.into_owned(), value.into_owned()));
        }
        Ok(Params(pairs))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The value of `name`, or `invalid_request` saying it is missing.
    pub fn require(&self, name: &str) -> Result<&str, OAuthError> {
        self.get(name)
            .ok_or_else(|| OAuthError::invalid_request(format!("The request has no {name}.")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_omitted_and_repeats_refused() {
        let params = Params::parse(b"a=1&b=&c=x+y%21").expect("valid");
        assert_eq!(params.get("a"), Some("1"));
        assert_eq!(params.get("b"), None);
        assert_eq!(params.get("c"), Some("x y!"));
        assert!(Params::parse(b"a=1&a=2").is_err());
    }
}

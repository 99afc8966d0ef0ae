//! URLs the test server writes: its own endpoints' absolute addresses (from the Host the client addressed and
//! wherever the routes are mounted), and a client's redirect URI with the answer added by the URL library, so
//! nothing a client sent is pasted into a `Location` as text.

use axum::extract::OriginalUri;
use axum::http::{request::Parts, HeaderMap, Uri};
use url::Url;

/// `scheme://host[/prefix]` for a request that arrived at `original` on the route `route`. The scheme is
/// https only when a TLS-terminating proxy says so with `X-Forwarded-Proto: https`.
pub fn base(headers: &HeaderMap, original: &Uri, route: &str) -> String {
    let scheme = match headers.get("x-forwarded-proto").map(|v| v.as_bytes()) {
        Some(b"https") => "https",
        _ => "http",
    };
    let host = crate::echo::host(headers);
    // A Host with anything but name, address and port characters in it is not used to build a URL.
    let host = if !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '[' | ']'))
    {
        host
    } else {
        "localhost"
    };
    let prefix = original.path().strip_suffix(route).unwrap_or_default();
    format!("{scheme}://{host}{prefix}")
}

/// The URI the request arrived with, before any nesting router stripped a prefix from it.
pub fn original(parts: &Parts) -> &Uri {
    parts
        .extensions
        .get::<OriginalUri>()
        .map(|original| &original.0)
        .unwrap_or(&parts.uri)
}

/// Where the answer goes: the query for the code flow, the fragment for the implicit one (RFC 6749 §4.2.2).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    Query,
    Fragment,
}

/// `redirect` with `params` added, keeping the query it already had (RFC 6749 §3.1.2).
pub fn with_params(redirect: &Url, params: &[(&str, &str)], carrier: Carrier) -> Url {
    let mut url = redirect.clone();
    match carrier {
        Carrier::Query => {
            let mut query = url.query_pairs_mut();
            for (name, value) in params {
                query.append_pair(name, value);
            }
        }
        Carrier::Fragment => {
            let mut fragment = form_urlencoded::Serializer::new(String::new());
            for (name, value) in params {
                fragment.append_pair(name, value);
            }
            url.set_fragment(Some(&fragment.finish()));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_base_follows_host_and_mount() {
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static("example.test:8080"));
        let uri: Uri = "/api/oauth/device_authorization".parse().expect("uri");
        assert_eq!(
            base(&headers, &uri, "/oauth/device_authorization"),
            "http://example.test:8080/api"
        );
        headers.insert("host", HeaderValue::from_static("evil.test/path?"));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let uri: Uri = "/oauth/device_authorization".parse().expect("uri");
        assert_eq!(
            base(&headers, &uri, "/oauth/device_authorization"),
            "https://localhost"
        );
    }

    #[test]
    fn params_are_encoded_not_pasted() {
        let redirect = Url::parse("https://app.test/cb?keep=1").expect("url");
        let state = "a b&c=d\r\nSet-Cookie: x";
        let url = with_params(
            &redirect,
            &[("code", "x"), ("state", state)],
            Carrier::Query,
        );
        assert!(!url.as_str().contains('\n') && !url.as_str().contains(' '));
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(pairs[0], ("keep".to_string(), "1".to_string()));
        assert_eq!(pairs[2].1, state);
        let url = with_params(&redirect, &[("state", state)], Carrier::Fragment);
        assert_eq!(url.query(), Some("keep=1"));
        assert!(!url.as_str().contains('\n'));
    }
}

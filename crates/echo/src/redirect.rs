//! Redirect endpoints. `/redirect-to` only sends clients to relative URLs, this server's own host, or hosts
//! the operator allowed: anything else would make this origin an open redirector.

use crate::echo::host;
use crate::reply::{bad_request, plain};
use crate::Config;
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use serde::Deserialize;
use std::sync::Arc;

/// Longest chain `/redirect/{n}` and friends will start.
const MAX_HOPS: u32 = 100;

#[derive(Deserialize)]
pub struct RedirectQuery {
    absolute: Option<String>,
}

/// `/redirect/{n}`: relative hops unless `?absolute=true`.
pub async fn redirect(
    Path(n): Path<u32>,
    Query(query): Query<RedirectQuery>,
    headers: HeaderMap,
) -> Response {
    if query.absolute.as_deref() == Some("true") {
        hop(n, "absolute-redirect", Some(&headers))
    } else {
        hop(n, "relative-redirect", None)
    }
}

pub async fn relative_redirect(Path(n): Path<u32>) -> Response {
    hop(n, "relative-redirect", None)
}

pub async fn absolute_redirect(Path(n): Path<u32>, headers: HeaderMap) -> Response {
    hop(n, "absolute-redirect", Some(&headers))
}

/// One step of a chain: `n` more hops, the last one landing on `/get`.
fn hop(n: u32, kind: &str, absolute_for: Option<&HeaderMap>) -> Response {
    if n == 0 || n > MAX_HOPS {
        return bad_request(&format!("The number of redirects must be 1 to {MAX_HOPS}."));
    }
    let path = if n == 1 {
        "/get".to_string()
    } else {
        format!("/{kind}/{}", n - 1)
    };
    let location = match absolute_for {
        Some(headers) => format!("http://{}{path}", host(headers)),
        None => path,
    };
    found(StatusCode::FOUND, &location)
}

fn found(status: StatusCode, location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => {
            let mut response = Response::new(axum::body::Body::empty());
            *response.status_mut() = status;
            response.headers_mut().insert(header::LOCATION, value);
            response
        }
        Err(_) => bad_request("The redirect target is not a valid header value."),
    }
}

#[derive(Deserialize)]
pub struct RedirectToQuery {
    url: Option<String>,
    status_code: Option<u16>,
}

/// `/redirect-to?url=...&status_code=3xx`, any method.
pub async fn redirect_to(
    State(config): State<Arc<Config>>,
    headers: HeaderMap,
    Query(query): Query<RedirectToQuery>,
) -> Response {
    let Some(url) = query.url else {
        return bad_request("Missing ?url= (where to redirect to).");
    };
    let status = query.status_code.unwrap_or(302);
    if !(300..400).contains(&status) {
        return bad_request("status_code must be a 3xx redirect status.");
    }
    if let Err(reason) = check_target(&url, host(&headers), &config.allowed_redirect_hosts) {
        return plain(
            StatusCode::BAD_REQUEST,
            &format!("Refusing to redirect: {reason}"),
        );
    }
    found(
        StatusCode::from_u16(status).unwrap_or(StatusCode::FOUND),
        &url,
    )
}

/// Accepts a target only when a browser would resolve it to this host or an allowed one. Every decoding a
/// browser might apply (percent-decoding, `\` read as `/`, tabs and newlines dropped) is checked for.
pub fn check_target(url: &str, own_host: &str, allowed: &[String]) -> Result<(), String> {
    let mut decoded = url.to_string();
    // Double- and triple-encoded forms decode step by step: check every layer.
    for _ in 0..4 {
        check_layer(&decoded, own_host, allowed)?;
        let next = percent_decode(&decoded);
        if next == decoded {
            return Ok(());
        }
        decoded = next;
    }
    Err("the URL is encoded too many times".to_string())
}

fn check_layer(url: &str, own_host: &str, allowed: &[String]) -> Result<(), String> {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("the URL holds control or space characters".to_string());
    }
    if url.contains('\\') {
        return Err("the URL holds a backslash, which browsers read as '/'".to_string());
    }
    if url.starts_with("//") {
        return Err("a URL starting with '//' leaves this host".to_string());
    }
    let Some((scheme, rest)) = split_scheme(url) else {
        return Ok(()); // A relative reference: stays on this host.
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return Err(format!("the scheme {scheme:?} is not http or https"));
    }
    let Some(authority_and_path) = rest.strip_prefix("//") else {
        return Err("an absolute URL must be scheme://host/...".to_string());
    };
    let authority = authority_and_path
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if authority.contains('@') {
        return Err("URLs with credentials are not redirected to".to_string());
    }
    let target_host = strip_port(authority).to_ascii_lowercase();
    let own = strip_port(own_host).to_ascii_lowercase();
    let is_allowed =
        target_host == own || allowed.iter().any(|a| a.eq_ignore_ascii_case(&target_host));
    if is_allowed {
        Ok(())
    } else {
        Err(format!(
            "{target_host:?} is not an allowed host (see --allow-redirect-host)"
        ))
    }
}

/// `https:rest` -> ("https", "rest"). A scheme is a letter then letters, digits, `+`, `-` or `.`.
fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // A colon after a '/' or '?' belongs to the path or query, not a scheme.
    (first_ok && rest_ok).then_some((scheme, rest))
}

fn strip_port(authority: &str) -> &str {
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    authority.rsplit_once(':').map_or(authority, |(h, _)| h)
}

fn percent_decode(text: &str) -> String {
    String::from_utf8_lossy(&decode_percent(text.as_bytes())).into_owned()
}

/// Percent-decoding without turning `+` into a space (that is a form rule, not a URL rule).
fn decode_percent(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if input[i] == b'%' && i + 2 < input.len() {
            if let (Some(h), Some(l)) = (hex(input[i + 1]), hex(input[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(input[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_redirects_are_refused_and_local_targets_allowed() {
        let allowed = vec!["example.org".to_string()];
        for (url, ok) in [
            ("/", true),
            ("/get?x=1", true),
            ("get", true),
            ("?a=b", true),
            ("http://localhost:8080/get", true),
            ("https://example.org/x", true),
            ("http://EXAMPLE.org:81/", true),
            ("//evil.com", false),
            ("///evil.com", false),
            ("/\\evil.com", false),
            ("\\\\evil.com", false),
            ("https:evil.com", false),
            ("http:/evil.com", false),
            ("https://evil.com", false),
            ("https://example.org@evil.com", false),
            ("https://evil.com\\@example.org", false),
            ("%2F%2Fevil.com", false),
            ("/%2Fevil.com", false),
            ("%252F%252Fevil.com", false),
            ("/%5Cevil.com", false),
            ("https%3A%2F%2Fevil.com", false),
            ("/\t/evil.com", false),
            ("javascript:alert(1)", false),
            ("data:text/html,<script>", false),
            ("/a\r\nSet-Cookie: x=1", false),
        ] {
            assert_eq!(
                check_target(url, "localhost:8080", &allowed).is_ok(),
                ok,
                "{url}"
            );
        }
    }
}

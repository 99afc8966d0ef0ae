//! Safety rules shared by handlers: which client-chosen content types may be served as asked, CRLF checks,
//! and the headers every response carries so a browser never sniffs an echo into a page.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// Types a client may choose for a body it controls: none of them runs script in a browser.
const SAFE_TYPES: [&str; 8] = [
    "application/json",
    "text/plain",
    "application/octet-stream",
    "text/csv",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

pub const FALLBACK_TYPE: &str = "text/plain; charset=utf-8";

/// The client's content type when it is on the safe list, otherwise `text/plain`: a body the client wrote
/// must never come back as HTML, SVG, XML or script from this origin.
pub fn neutral_content_type(asked: &str) -> HeaderValue {
    let essence = asked
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if SAFE_TYPES.contains(&essence.as_str()) && !has_control(asked) {
        if let Ok(value) = HeaderValue::from_str(asked.trim()) {
            return value;
        }
    }
    HeaderValue::from_static(FALLBACK_TYPE)
}

/// CR, LF, NUL or another control character: never allowed into a header we write.
pub fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control())
}

/// `nosniff` on every response, and a sandboxing CSP on everything but the app's own files, so even a
/// mislabelled echo cannot run script with this origin's rights.
pub async fn harden(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Added by handlers whose body is shaped by the client.
pub fn sandbox_csp() -> (header::HeaderName, HeaderValue) {
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_types_pass() {
        for (asked, served) in [
            ("application/json", "application/json"),
            ("text/plain; charset=utf-8", "text/plain; charset=utf-8"),
            ("text/html", FALLBACK_TYPE),
            ("TEXT/HTML; charset=utf-8", FALLBACK_TYPE),
            ("image/svg+xml", FALLBACK_TYPE),
            ("application/xhtml+xml", FALLBACK_TYPE),
            ("text/xml", FALLBACK_TYPE),
            ("application/javascript", FALLBACK_TYPE),
            ("", FALLBACK_TYPE),
        ] {
            assert_eq!(neutral_content_type(asked), served, "{asked}");
        }
    }
}

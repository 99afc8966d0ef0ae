//! The test server's HTML pages (consent, device code entry, outcomes and errors): one small accessible
//! layout with inline CSS and no script, and HTML escaping for everything a client sent that they show.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c1e21}\
main{max-width:34rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d0d4da;border-radius:8px}\
h1{font-size:1.4rem;margin-top:0}code{background:#eef0f3;padding:0 .25rem;border-radius:3px;word-break:break-all}\
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-all}\
.actions{display:flex;gap:.75rem;margin-top:1.5rem}\
button{font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #1a56db;cursor:pointer}\
button[value=approve]{background:#1a56db;color:#fff}button[value=deny]{background:#fff;color:#1a56db}\
button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}\
input{font:inherit;padding:.4rem;border:1px solid #8a919c;border-radius:4px;letter-spacing:.1em}\
.note{color:#4b5563;font-size:.9rem}";

/// `text` safe to place in HTML text and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A hidden form field; both name and value are escaped.
pub fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        escape(name),
        escape(value)
    )
}

/// The Approve and Deny buttons, sent as `decision=approve` or `decision=deny`.
pub const DECISION_BUTTONS: &str = "<div class=\"actions\">\
<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\
<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></div>";

/// A whole page: `title` is escaped here, `body` must already be safe HTML. No script may run in it, it may
/// not be framed (a consent page in a frame invites clickjacking), and no cache keeps it.
pub fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let title = escape(title);
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} · reqlab-echo OAuth test server</title><style>{STYLE}</style></head>\
<body><main><h1>{title}</h1>{body}\
<p class=\"note\">reqlab-echo's OAuth test server: for tests and learning; it protects nothing.</p>\
</main></body></html>\n"
    );
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// An error shown to the person at the browser, not sent back to the client (RFC 6749 §4.1.2.1).
pub fn error_page(message: &str) -> Response {
    page(
        StatusCode::BAD_REQUEST,
        "This authorization request cannot be used",
        &format!("<p role=\"alert\">{}</p>", escape(message)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            hidden("state", "\"><script>"),
            "<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;\">"
        );
    }
}

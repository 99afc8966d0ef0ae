//! Request headers explained: a one-line meaning for the standard ones (for autocomplete and the response
//! view), and what browsers do with the ones a page may not set.

/// Standard headers with a one-line meaning, in the order an autocomplete list shows them.
pub static STANDARD_HEADERS: &[(&str, &str)] = &[
    (
        "Accept",
        "Media types the client can handle in the response, with preferences (q=).",
    ),
    (
        "Accept-Encoding",
        "Compressions the client understands (gzip, br, ...).",
    ),
    (
        "Accept-Language",
        "Natural languages the client prefers for the response.",
    ),
    (
        "Authorization",
        "Credentials for the server: Basic, Bearer token, or another scheme.",
    ),
    (
        "Cache-Control",
        "Caching directives: no-cache, no-store, max-age=N, ...",
    ),
    (
        "Connection",
        "Options for this connection only, e.g. keep-alive or close.",
    ),
    (
        "Content-Disposition",
        "Whether content is shown inline or as an attachment, and its file name.",
    ),
    (
        "Content-Encoding",
        "Compression applied to the body (gzip, br, ...).",
    ),
    (
        "Content-Language",
        "Natural language of the body's intended audience.",
    ),
    ("Content-Length", "Size of the body in bytes."),
    (
        "Content-Type",
        "Media type of the body, e.g. application/json; charset=utf-8.",
    ),
    ("Cookie", "Cookies previously set by the server."),
    ("Date", "When the message was sent."),
    (
        "ETag",
        "A version identifier of the resource, for conditional requests.",
    ),
    (
        "Expect",
        "Behaviour the client expects from the server, e.g. 100-continue.",
    ),
    (
        "Forwarded",
        "Client and proxy information added by proxies.",
    ),
    (
        "From",
        "Email address of the person controlling the client.",
    ),
    (
        "Host",
        "Host name and port of the server the request is for.",
    ),
    ("If-Match", "Only act if the resource's ETag matches."),
    (
        "If-Modified-Since",
        "Only send the resource if it changed after this date.",
    ),
    (
        "If-None-Match",
        "Only send the resource if its ETag differs (revalidation).",
    ),
    (
        "If-Unmodified-Since",
        "Only act if the resource did not change after this date.",
    ),
    (
        "Location",
        "Where a redirect points, or the URL of a created resource.",
    ),
    (
        "Origin",
        "Scheme, host and port the request comes from (CORS).",
    ),
    (
        "Pragma",
        "HTTP/1.0 caching directive; no-cache is still common.",
    ),
    (
        "Range",
        "Only the given byte ranges of the resource, e.g. bytes=0-499.",
    ),
    ("Referer", "The page the request was made from."),
    (
        "Retry-After",
        "How long to wait before retrying (503, 429, redirects).",
    ),
    ("Server", "Software the server runs."),
    (
        "Set-Cookie",
        "A cookie the server asks the client to store.",
    ),
    ("TE", "Transfer codings the client accepts, e.g. trailers."),
    ("Trailer", "Headers that will follow a chunked body."),
    (
        "Transfer-Encoding",
        "How the body is framed on the wire, e.g. chunked.",
    ),
    (
        "Upgrade",
        "Ask to switch protocols on this connection (e.g. websocket).",
    ),
    ("User-Agent", "The client software making the request."),
    (
        "Vary",
        "Request headers that change the response, for caches.",
    ),
    ("Via", "Proxies the message passed through."),
    (
        "Warning",
        "Extra information about the message status (deprecated).",
    ),
    (
        "WWW-Authenticate",
        "How to authenticate to get the resource (sent with 401).",
    ),
    (
        "X-Requested-With",
        "Marks requests made by scripts (XMLHttpRequest).",
    ),
];

/// The one-line meaning of a standard header, any case.
pub fn meaning(name: &str) -> Option<&'static str> {
    STANDARD_HEADERS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, meaning)| *meaning)
}

/// Headers a page may not set (the fetch standard's forbidden request-header names).
const FORBIDDEN: &[&str] = &[
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// How a header value's characters go on the wire. HTTP header values are bytes: curl and most clients send
/// a string's UTF-8 bytes, while fetch takes a ByteString, one byte per character, and refuses a character
/// above U+00FF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueBytes {
    /// Every client sends the same bytes.
    Ascii,
    /// A browser sends these characters as Latin-1 (é as E9), curl and the snippets as UTF-8 (C3 A9).
    Latin1,
    /// A browser cannot send this character at all; curl, the snippets and forward mode send UTF-8.
    BeyondLatin1(char),
}

/// Which of the three a header value is.
pub fn value_bytes(value: &str) -> ValueBytes {
    match value.chars().find(|c| *c > '\u{ff}') {
        Some(c) => ValueBytes::BeyondLatin1(c),
        None if value.is_ascii() => ValueBytes::Ascii,
        None => ValueBytes::Latin1,
    }
}

/// What the browser does with this header (name and value) when a page sets it, if it does not simply send it.
pub fn browser_note(name: &str, value: &str) -> Option<String> {
    let notes: Vec<String> = [name_note(name), value_note(value)]
        .into_iter()
        .flatten()
        .collect();
    (!notes.is_empty()).then(|| notes.join(" "))
}

fn value_note(value: &str) -> Option<String> {
    match value_bytes(value) {
        ValueBytes::Ascii => None,
        ValueBytes::Latin1 => Some(
            "The browser sends this value as Latin-1 (one byte a character); curl, the snippets and \
             forward mode send UTF-8."
                .to_string(),
        ),
        ValueBytes::BeyondLatin1(c) => Some(format!(
            "Browsers cannot send \"{c}\" in a header (only Latin-1): tick \"Send via reqlab-echo\" in \
             Options, or copy a snippet; both send UTF-8, as curl does."
        )),
    }
}

pub fn name_note(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let forbidden = FORBIDDEN.contains(&lower.as_str())
        || lower.starts_with("proxy-")
        || lower.starts_with("sec-");
    if forbidden {
        let instead = match lower.as_str() {
            "cookie" | "cookie2" => {
                "it sends the cookies it stores for that site (use credentials: include)"
            }
            "host" => "it sends the host of the URL",
            "content-length" => "it computes the length of the body",
            "origin" => "it sends this page's origin",
            "referer" => "it sends this page's address, as the referrer policy allows",
            "accept-encoding" => "it sends the compressions it supports",
            "connection" | "keep-alive" | "te" | "trailer" | "transfer-encoding" | "upgrade" => {
                "it manages the connection itself"
            }
            _ => "it sends its own value or none",
        };
        return Some(format!(
            "Browsers refuse to let a page set {name}: {instead}. Snippets, and Send via reqlab-echo (Options), still send it."
        ));
    }
    match lower.as_str() {
        "user-agent" => Some(
            "Chrome ignores a page's User-Agent and sends its own; Firefox sends yours. Snippets, and Send via reqlab-echo (Options), send it."
                .to_string(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_headers_and_prefixes_get_a_note() {
        for name in [
            "Host",
            "content-length",
            "Cookie",
            "Connection",
            "Origin",
            "Referer",
            "Sec-Fetch-Mode",
            "Proxy-Authorization",
        ] {
            let note = browser_note(name, "v").unwrap_or_else(|| panic!("{name} needs a note"));
            assert!(note.contains(name), "{note}");
        }
        for name in ["Accept", "X-Custom", "Authorization", "Content-Type"] {
            assert_eq!(browser_note(name, "v"), None, "{name}");
        }
        assert!(browser_note("User-Agent", "v").is_some_and(|n| n.contains("Chrome")));
    }

    #[test]
    fn values_outside_ascii_say_how_they_travel() {
        let cases = [
            ("plain ascii", ValueBytes::Ascii, None),
            ("café", ValueBytes::Latin1, Some("Latin-1")),
            ("\u{ff}", ValueBytes::Latin1, Some("Latin-1")),
            (
                "café ✓",
                ValueBytes::BeyondLatin1('✓'),
                Some("cannot send \"✓\""),
            ),
            (
                "\u{100}",
                ValueBytes::BeyondLatin1('\u{100}'),
                Some("cannot send"),
            ),
        ];
        for (value, bytes, note) in cases {
            assert_eq!(value_bytes(value), bytes, "{value}");
            let got = browser_note("X-Note", value);
            match note {
                Some(expected) => assert!(
                    got.as_deref().is_some_and(|n| n.contains(expected)),
                    "{value}: {got:?}"
                ),
                None => assert_eq!(got, None, "{value}"),
            }
        }
        // A forbidden name and a value beyond Latin-1 say both.
        let both = browser_note("Cookie", "✓").expect("a note");
        assert!(
            both.contains("refuse") && both.contains("cannot send"),
            "{both}"
        );
    }

    #[test]
    fn meanings_are_found_in_any_case_and_names_are_unique() {
        assert!(meaning("cache-control").is_some_and(|m| m.contains("max-age")));
        assert_eq!(meaning("X-Unknown"), None);
        let mut names: Vec<String> = STANDARD_HEADERS
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), STANDARD_HEADERS.len());
    }
}

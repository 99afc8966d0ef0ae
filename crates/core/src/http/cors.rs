//! CORS explained: which parts of a request make the browser send a preflight first, and which response
//! headers a page may read without `Access-Control-Expose-Headers` (fetch standard, CORS protocol).

use crate::http::headers::name_note;
use crate::prepare::PreparedRequest;

/// Response headers every page may read, exposed or not (CORS-safelisted response-header names).
pub const SAFELISTED_RESPONSE_HEADERS: [&str; 7] = [
    "cache-control",
    "content-language",
    "content-length",
    "content-type",
    "expires",
    "last-modified",
    "pragma",
];

/// Why a cross-origin fetch of this request needs a preflight, one sentence per trigger; empty when it
/// is a "simple" request that goes out directly.
pub fn preflight_triggers(request: &PreparedRequest) -> Vec<String> {
    let mut triggers = Vec::new();
    let method = request.method.as_str();
    if !matches!(method, "GET" | "HEAD" | "POST") {
        triggers.push(format!(
            "the method {method} (only GET, HEAD and POST go without one)"
        ));
    }
    let mut safelisted_bytes = 0;
    for (name, value) in &request.headers {
        // Headers the browser refuses to set are dropped, so they trigger nothing.
        if name_note(name).is_some_and(|note| note.starts_with("Browsers refuse")) {
            continue;
        }
        match safelisted_request_header(name, value) {
            true => safelisted_bytes += name.len() + value.len(),
            false => triggers.push(format!("the header {name}")),
        }
    }
    if safelisted_bytes > 1024 {
        triggers.push("safelisted headers longer than 1024 bytes in total".to_string());
    }
    triggers
}

/// Whether a request header is CORS-safelisted (so it does not trigger a preflight).
fn safelisted_request_header(name: &str, value: &str) -> bool {
    if value.len() > 128 {
        return false;
    }
    match name.to_ascii_lowercase().as_str() {
        "accept" | "accept-language" | "content-language" => !value
            .bytes()
            .any(|b| (b < 0x20 && b != b'\t') || b"\"():<>?@[\\]{}\x7f".contains(&b)),
        "content-type" => {
            let essence = value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            matches!(
                essence.as_str(),
                "application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain"
            )
        }
        "range" => {
            let Some(range) = value.strip_prefix("bytes=") else {
                return false;
            };
            range.split_once('-').is_some_and(|(start, end)| {
                !start.is_empty()
                    && start.bytes().all(|b| b.is_ascii_digit())
                    && end.bytes().all(|b| b.is_ascii_digit())
            })
        }
        _ => false,
    }
}

/// True when a page on `page_origin` (`https://host:port`) reading `url` makes a cross-origin request.
pub fn is_cross_origin(page_origin: &str, url: &crate::prepare::url::Url) -> bool {
    let default_port = if url.is_secure() { 443 } else { 80 };
    let port = url.port.unwrap_or(default_port);
    let target = if port == default_port {
        format!("{}://{}", url.scheme, url.host)
    } else {
        format!("{}://{}:{port}", url.scheme, url.host)
    };
    !page_origin.eq_ignore_ascii_case(&target)
}

/// When a cross-origin response shows only safelisted headers, the server probably sent more that the
/// browser hid; says so, or `None`.
pub fn hidden_headers_note(cross_origin: bool, visible: &[(String, String)]) -> Option<String> {
    let only_safelisted = visible
        .iter()
        .all(|(name, _)| SAFELISTED_RESPONSE_HEADERS.contains(&name.to_ascii_lowercase().as_str()));
    (cross_origin && only_safelisted).then(|| {
        "The browser shows this page only the headers the server exposes (Access-Control-Expose-Headers); \
         other headers it sent are hidden. reqlab-echo exposes all of them."
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{prepare, Environment, KeyValue, Method, Request};

    fn triggers(method: &str, headers: &[(&str, &str)]) -> Vec<String> {
        let request = Request {
            method: Method::parse(method),
            url: "http://api.example/x".into(),
            headers: headers.iter().map(|(k, v)| KeyValue::new(*k, *v)).collect(),
            ..Request::default()
        };
        preflight_triggers(&prepare(&request, &Environment::default()).expect("valid"))
    }

    #[test]
    fn simple_requests_need_no_preflight() {
        let cases: [(&str, &[(&str, &str)]); 5] = [
            ("GET", &[]),
            ("HEAD", &[("Accept", "application/json")]),
            ("POST", &[("Content-Type", "text/plain; charset=utf-8")]),
            ("GET", &[("Range", "bytes=0-99"), ("Accept-Language", "en")]),
            ("GET", &[("Host", "other"), ("Origin", "x")]),
        ];
        for (method, headers) in cases {
            assert_eq!(
                triggers(method, headers),
                Vec::<String>::new(),
                "{method} {headers:?}"
            );
        }
    }

    #[test]
    fn each_trigger_is_named() {
        // (method, headers, the triggers named)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: [Case; 5] = [
            (
                "PUT",
                &[],
                &["the method PUT (only GET, HEAD and POST go without one)"],
            ),
            (
                "POST",
                &[("Content-Type", "application/json")],
                &["the header Content-Type"],
            ),
            (
                "GET",
                &[("Authorization", "Bearer x")],
                &["the header Authorization"],
            ),
            ("GET", &[("X-Custom", "1")], &["the header X-Custom"]),
            ("GET", &[("Accept", "a(b)")], &["the header Accept"]),
        ];
        for (method, headers, expected) in cases {
            assert_eq!(triggers(method, headers), expected, "{method} {headers:?}");
        }
    }

    #[test]
    fn origins_compare_with_default_ports() {
        let url = |text: &str| crate::prepare::url::Url::parse(text).expect("valid");
        assert!(!is_cross_origin("http://h", &url("http://h:80/x")));
        assert!(!is_cross_origin("https://h:8443", &url("https://h:8443/")));
        assert!(is_cross_origin("http://h:8080", &url("http://h:8081/")));
        assert!(is_cross_origin("https://h", &url("http://h/")));
    }

    #[test]
    fn hidden_headers_are_noted_only_for_cross_origin_safelisted_views() {
        let safelisted = vec![("content-type".to_string(), "text/plain".to_string())];
        assert!(hidden_headers_note(true, &safelisted).is_some());
        assert!(hidden_headers_note(false, &safelisted).is_none());
        let mut exposed = safelisted.clone();
        exposed.push(("x-request-id".into(), "1".into()));
        assert!(hidden_headers_note(true, &exposed).is_none());
    }
}

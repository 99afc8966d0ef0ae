//! Security rules, in process: client-shaped bodies come back inert (XSS vectors for `/response-headers` and
//! `/base64`), open redirects and CRLF injection are refused, and every answer carries `nosniff`.

mod support;

use axum::body::Body;
use base64::Engine;
use reqlab_echo::Config;
use support::{get, request, send_with};

/// Content types a browser would run script from, in the spellings an attacker would try.
const ACTIVE_TYPES: &[&str] = &[
    "text/html",
    "TEXT/HTML",
    "text/html; charset=utf-8",
    " text/html",
    "text/html%00",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "application/javascript",
    "text/javascript",
    "application/x-shockwave-flash",
    "multipart/x-mixed-replace; boundary=x",
    "text/html,text/plain",
];

const PAYLOADS: &[&str] = &[
    "<script>alert(document.domain)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "\"><iframe src=javascript:alert(1)>",
];

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Inert: served as JSON or text, not sniffable, sandboxed.
fn assert_inert(answer: &support::Answer, label: &str) {
    let content_type = answer.header("content-type").to_ascii_lowercase();
    assert!(
        content_type.starts_with("application/json") || content_type.starts_with("text/plain"),
        "{label}: served as {content_type:?}"
    );
    assert_eq!(
        answer.header("x-content-type-options"),
        "nosniff",
        "{label}"
    );
    assert!(
        answer.header("content-security-policy").contains("sandbox"),
        "{label}"
    );
    assert_eq!(
        answer.headers.get_all("content-type").iter().count(),
        1,
        "{label}: one content type"
    );
}

#[tokio::test]
async fn response_headers_xss_vectors_come_back_inert() {
    for kind in ACTIVE_TYPES {
        for payload in PAYLOADS {
            for uri in [
                format!(
                    "/response-headers?Content-Type={}&xss={}",
                    encode(kind),
                    encode(payload)
                ),
                format!(
                    "/response-headers?xss={}&content-type={}",
                    encode(payload),
                    encode(kind)
                ),
                format!(
                    "/response-headers?Content-Type=application/json&Content-Type={}&x={}",
                    encode(kind),
                    encode(payload)
                ),
            ] {
                let answer = get(&uri).await;
                if answer.status == 400 {
                    continue; // Refused outright (control characters): also inert.
                }
                assert_eq!(answer.status, 200, "{uri}");
                assert_inert(&answer, &uri);
            }
        }
    }
}

#[tokio::test]
async fn base64_xss_vectors_come_back_inert() {
    for payload in PAYLOADS {
        let value = base64::engine::general_purpose::URL_SAFE.encode(payload);
        let plain = get(&format!("/base64/{value}")).await;
        assert_eq!(plain.status, 200);
        assert_inert(&plain, payload);
        assert_eq!(
            plain.text(),
            *payload,
            "bytes are returned unchanged, only labelled safely"
        );
        for kind in ACTIVE_TYPES {
            let uri = format!("/base64/{value}?content-type={}", encode(kind));
            let answer = get(&uri).await;
            assert_eq!(answer.status, 200, "{uri}");
            assert_inert(&answer, &uri);
        }
    }
}

#[tokio::test]
async fn open_redirects_are_refused() {
    let attempts = [
        "//evil.com",
        "///evil.com",
        "/\\evil.com",
        "\\/evil.com",
        "https:evil.com",
        "http:/evil.com",
        "https://evil.com",
        "https://evil.com/",
        "HTTPS://EVIL.COM",
        "https://localhost@evil.com",
        "//evil.com/%2F..",
        "%2F%2Fevil.com",
        "/%2Fevil.com",
        "/%5Cevil.com",
        "%252F%252Fevil.com",
        "https%3A%2F%2Fevil.com",
        "/\t/evil.com",
        "/\n/evil.com",
        " //evil.com",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
    ];
    for target in attempts {
        let uri = format!("/redirect-to?url={}", encode(target));
        let answer = get(&uri).await;
        assert_eq!(answer.status, 400, "{target:?} was not refused");
        assert!(answer.headers.get("location").is_none(), "{target:?}");
    }
    for target in ["/", "/get?x=1", "relative/path", "http://localhost/get"] {
        let answer = get(&format!("/redirect-to?url={}", encode(target))).await;
        assert_eq!(answer.status, 302, "{target:?} is local");
    }
}

#[tokio::test]
async fn allowed_hosts_may_be_redirected_to() {
    let config = Config {
        allowed_redirect_hosts: vec!["example.org".to_string()],
        ..Config::default()
    };
    let to = |url: &str| {
        request("GET", &format!("/redirect-to?url={}", encode(url)))
            .body(Body::empty())
            .expect("valid")
    };
    assert_eq!(
        send_with(config.clone(), to("https://example.org/x"))
            .await
            .status,
        302
    );
    assert_eq!(
        send_with(config.clone(), to("https://example.org.evil.com/"))
            .await
            .status,
        400
    );
    assert_eq!(
        send_with(config, to("https://evil.com/?example.org"))
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn crlf_injection_is_refused() {
    for uri in [
        "/response-headers?X-A=ok%0d%0aSet-Cookie:%20evil=1",
        "/response-headers?X-A=ok%0aSet-Cookie:%20evil=1",
        "/response-headers?X-A%0d%0aSet-Cookie=evil",
        "/response-headers?Location=%0d%0a%0d%0a%3Cscript%3E",
        "/response-headers?Content-Length=0",
        "/response-headers?Transfer-Encoding=chunked",
        "/redirect-to?url=/%0d%0aSet-Cookie:%20evil=1",
        "/redirect-to?url=%2F%250d%250aSet-Cookie:evil",
        "/cookies/set?a=b%0d%0aSet-Cookie:%20evil=1",
        "/cookies/set?a=b;%20Domain=evil.com",
        "/cookies/set/a/b%0d%0aX:y",
        "/cookies/delete?a%0d%0aX:y",
        "/etag/a%0d%0aX:y",
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, 400, "{uri}: {}", answer.text());
        assert!(answer.headers.get("set-cookie").is_none(), "{uri}");
    }
}

#[tokio::test]
async fn errors_quoting_input_are_plain_text() {
    for uri in [
        "/status/%3Cscript%3E",
        "/redirect-to?url=//%3Cscript%3E",
        "/base64/%3Cscript%3E",
    ] {
        let answer = get(uri).await;
        assert!(
            answer.header("content-type").starts_with("text/plain"),
            "{uri}"
        );
    }
}

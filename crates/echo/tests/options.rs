//! Plain OPTIONS, in process: every route answers 200 with an empty body and an `Allow` naming exactly the
//! methods it accepts, checked against the route itself by sending each method. A CORS preflight is still
//! answered as one, and an unknown path is still 404.

mod support;

use axum::body::Body;
use reqlab_echo::{Config, ForwardConfig};
use std::collections::BTreeSet;
use support::{request, send, send_with, Answer};

/// Every method axum routes by name; an `any` route accepts them all.
const STANDARD: &[&str] = &[
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];
const GET: &[&str] = &["GET", "HEAD", "OPTIONS"];

/// One URL per kind of route, with the methods that route is meant to accept.
const ROUTES: &[(&str, &[&str])] = &[
    ("/get", GET),
    ("/post", &["POST", "OPTIONS"]),
    ("/put", &["PUT", "OPTIONS"]),
    ("/patch", &["PATCH", "OPTIONS"]),
    ("/delete", &["DELETE", "OPTIONS"]),
    ("/anything", STANDARD),
    ("/anything/a/b", STANDARD),
    ("/echo", STANDARD),
    ("/dump/request", STANDARD),
    ("/status/418", STANDARD),
    ("/delay/0", STANDARD),
    ("/redirect-to?url=/get", STANDARD),
    ("/upload", &["POST", "PUT", "OPTIONS"]),
    (
        "/response-headers?X-A=1",
        &["GET", "HEAD", "POST", "OPTIONS"],
    ),
    ("/echo/post/json", &["POST", "OPTIONS"]),
    ("/echo/get/json", GET),
    ("/headers", GET),
    ("/basic-auth/user/pass", GET),
    ("/cookies/set/a/b", GET),
    (
        "/digest-auth/auth/user/pass/SHA-256",
        &["GET", "HEAD", "POST", "OPTIONS"],
    ),
    ("/drip?duration=0&numbytes=1", GET),
    ("/bytes/4", GET),
    ("/links/2/0", GET),
    ("/image/png", GET),
    ("/gzip", GET),
    ("/", GET),
];

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

/// `Allow` as a set of method names, whatever the separators and order.
fn allowed(answer: &Answer) -> BTreeSet<String> {
    set(answer
        .header("allow")
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty()))
}

async fn plain(method: &str, uri: &str, config: &Config) -> Answer {
    let request = request(method, uri).body(Body::empty()).expect("valid");
    send_with(config.clone(), request).await
}

/// OPTIONS answers 200, empty, with `Allow` equal to `want`; then every standard method is sent to the route:
/// those listed must not be refused, the others must get 405 with the same `Allow`.
async fn check_route(uri: &str, want: &[&str], config: &Config) {
    let options = plain("OPTIONS", uri, config).await;
    assert_eq!(options.status, 200, "OPTIONS {uri}: {}", options.text());
    assert!(options.body.is_empty(), "OPTIONS {uri}: {}", options.text());
    assert_eq!(options.header("content-length"), "0", "OPTIONS {uri}");
    assert_eq!(
        options.header("x-content-type-options"),
        "nosniff",
        "OPTIONS {uri}"
    );
    let allow = allowed(&options);
    assert_eq!(allow, set(want.iter().copied()), "OPTIONS {uri}");
    for method in STANDARD {
        let answer = plain(method, uri, config).await;
        if allow.contains(*method) {
            assert_ne!(answer.status, 405, "{method} {uri} is in Allow but refused");
        } else {
            assert_eq!(answer.status, 405, "{method} {uri} is not in Allow");
            assert_eq!(allowed(&answer), allow, "{method} {uri}: the 405's Allow");
        }
    }
}

#[tokio::test]
async fn plain_options_lists_exactly_the_methods_each_route_accepts() {
    let config = Config::default();
    for (uri, want) in ROUTES {
        check_route(uri, want, &config).await;
    }
}

#[tokio::test]
async fn forward_lists_its_methods_when_switched_on() {
    let config = Config {
        forward: Some(ForwardConfig::default()),
        ..Config::default()
    };
    check_route("/forward", &["POST", "OPTIONS"], &config).await;
}

#[tokio::test]
async fn an_extension_method_still_reaches_an_any_route() {
    // `Allow` can only name standard methods, but the echoes keep answering the others.
    let answer = send(
        request("PROPFIND", "/anything")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["method"], "PROPFIND");
}

#[tokio::test]
async fn options_on_an_unknown_path_is_404() {
    let config = Config::default();
    // `/forward` is unknown while forward mode is off; `/status` lacks its codes.
    for uri in ["/no-such-endpoint", "/forward", "/status", "/get/more"] {
        let answer = plain("OPTIONS", uri, &config).await;
        assert_eq!(answer.status, 404, "OPTIONS {uri}");
        assert!(!answer.headers.contains_key("allow"), "OPTIONS {uri}");
    }
}

#[tokio::test]
async fn a_preflight_is_still_answered_as_one() {
    for uri in ["/get", "/post", "/anything", "/no-such-endpoint"] {
        let answer = send(
            request("OPTIONS", uri)
                .header("Origin", "https://docs.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "x-custom")
                .body(Body::empty())
                .expect("valid"),
        )
        .await;
        assert_eq!(answer.status, 204, "preflight {uri}");
        assert_eq!(
            answer.header("access-control-allow-methods"),
            "PUT",
            "{uri}"
        );
        assert_eq!(
            answer.header("access-control-allow-headers"),
            "x-custom",
            "{uri}"
        );
        assert_eq!(
            answer.header("access-control-allow-origin"),
            "https://docs.example",
            "{uri}"
        );
        assert_eq!(
            answer.header("access-control-allow-credentials"),
            "true",
            "{uri}"
        );
        assert_eq!(answer.header("access-control-max-age"), "600", "{uri}");
    }
}

#[tokio::test]
async fn plain_options_from_a_page_is_readable_by_it() {
    // An Origin without Access-Control-Request-Method is no preflight: the route answers, CORS headers added.
    let answer = send(
        request("OPTIONS", "/get")
            .header("Origin", "https://docs.example")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(allowed(&answer), set(GET.iter().copied()));
    assert_eq!(
        answer.header("access-control-allow-origin"),
        "https://docs.example"
    );
    assert!(answer
        .header("access-control-expose-headers")
        .split(", ")
        .any(|name| name == "allow"));
}

//! reqlab-echo, in process: `/anything` echoes in httpbin's shape, and CORS lets a browser read all of it.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use reqlab_echo::{app, Config};
use serde_json::Value;
use tower::ServiceExt;

async fn send(request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app(Config::default())
        .oneshot(request)
        .await
        .expect("router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("echo answers JSON")
}

#[tokio::test]
async fn anything_echoes_method_args_headers_and_text_body() {
    let request = Request::post("/anything/sub/path?x=1&x=2&y=%C3%A9")
        .header("Host", "example.test")
        .header("X-A", "one")
        .header("x-a", "two")
        .header("Content-Type", "text/plain")
        .body(Body::from("hello"))
        .expect("valid request");
    let (status, _, body) = send(request).await;
    assert_eq!(status, StatusCode::OK);
    let echo = json(&body);
    assert_eq!(echo["method"], "POST");
    assert_eq!(echo["args"]["x"], serde_json::json!(["1", "2"]));
    assert_eq!(echo["args"]["y"], "é");
    assert_eq!(echo["headers"]["X-A"], "one,two");
    assert_eq!(echo["data"], "hello");
    assert_eq!(echo["json"], Value::Null);
    assert_eq!(
        echo["url"],
        "http://example.test/anything/sub/path?x=1&x=2&y=%C3%A9"
    );
    let keys: Vec<&str> = echo
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["args", "data", "files", "form", "headers", "json", "method", "origin", "url"]
    );
}

#[tokio::test]
async fn anything_parses_json_and_form_bodies() {
    let request = Request::put("/anything")
        .header("Content-Type", "application/json")
        .body(Body::from(r#"{"a":[1,2]}"#))
        .expect("valid request");
    let echo = json(&send(request).await.2);
    assert_eq!(echo["json"], serde_json::json!({"a": [1, 2]}));

    let request = Request::post("/anything")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(Body::from("name=Peter&city=New+York"))
        .expect("valid request");
    let echo = json(&send(request).await.2);
    assert_eq!(
        echo["form"],
        serde_json::json!({"name": "Peter", "city": "New York"})
    );
    assert_eq!(echo["data"], "");
}

#[tokio::test]
async fn anything_refuses_bodies_over_the_limit() {
    let config = Config {
        max_body_bytes: 8,
        ..Config::default()
    };
    let response = app(config)
        .oneshot(
            Request::post("/anything")
                .body(Body::from("123456789"))
                .expect("valid request"),
        )
        .await
        .expect("router is infallible");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn every_response_header_is_exposed_to_the_calling_origin() {
    let request = Request::get("/anything")
        .header("Origin", "https://docs.example")
        .body(Body::empty())
        .expect("valid request");
    let (_, headers, _) = send(request).await;
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://docs.example"
    );
    assert_eq!(headers["access-control-allow-credentials"], "true");
    assert_eq!(headers["timing-allow-origin"], "https://docs.example");
    let exposed = headers["access-control-expose-headers"]
        .to_str()
        .expect("ASCII");
    for name in headers.keys() {
        if name != "access-control-expose-headers" {
            assert!(
                exposed.split(", ").any(|n| n == name.as_str()),
                "{name} is not exposed in {exposed:?}"
            );
        }
    }
}

#[tokio::test]
async fn preflight_allows_whatever_was_asked() {
    let request = Request::options("/anything")
        .header("Origin", "https://docs.example")
        .header("Access-Control-Request-Method", "PROPFIND")
        .header("Access-Control-Request-Headers", "x-custom, content-type")
        .header("Access-Control-Request-Private-Network", "true")
        .body(Body::empty())
        .expect("valid request");
    let (status, headers, _) = send(request).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(headers["access-control-allow-methods"], "PROPFIND");
    assert_eq!(
        headers["access-control-allow-headers"],
        "x-custom, content-type"
    );
    assert_eq!(headers["access-control-allow-private-network"], "true");
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://docs.example"
    );
}

#[tokio::test]
async fn serves_the_app_under_its_mount_point_beside_the_echo_routes() {
    let dir = std::env::temp_dir().join(format!("reqlab-echo-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("index.html"), "<h1>app</h1>").expect("write index");
    let config = Config {
        static_dir: Some(dir.clone()),
        static_mount: "/sub/".to_string(),
        ..Config::default()
    };
    let get = |path: &str| {
        Request::get(path)
            .body(Body::empty())
            .expect("valid request")
    };
    let router = app(config);
    let page = router
        .clone()
        .oneshot(get("/sub/"))
        .await
        .expect("infallible");
    assert_eq!(page.status(), StatusCode::OK);
    let text = page.into_body().collect().await.expect("body").to_bytes();
    assert_eq!(&text[..], b"<h1>app</h1>");
    let echo = router
        .clone()
        .oneshot(get("/anything"))
        .await
        .expect("infallible");
    assert_eq!(echo.status(), StatusCode::OK);
    let outside = router
        .oneshot(get("/index.html"))
        .await
        .expect("infallible");
    assert_eq!(outside.status(), StatusCode::NOT_FOUND);
    std::fs::remove_dir_all(&dir).ok();
}

//! Every endpoint, in process: one table row per request, each checked for status, content type and the
//! fields that make it httpbin-compatible. Every answer must also carry `nosniff` and the CORS headers.

mod support;

use axum::body::Body;
use serde_json::Value;
use std::io::Read;
use support::{request, send, Answer};

/// What to check in an answer besides its status and content type.
enum Check {
    /// A JSON pointer and the string there.
    JsonStr(&'static str, &'static str),
    /// A JSON pointer and the boolean there.
    JsonBool(&'static str, bool),
    /// A JSON pointer that must be present and not null.
    JsonSome(&'static str),
    /// A JSON pointer that must be null.
    JsonNull(&'static str),
    /// The top-level keys, in order.
    Keys(&'static [&'static str]),
    BodyContains(&'static str),
    BodyIs(&'static str),
    BodyLen(usize),
    Header(&'static str, &'static str),
    HeaderContains(&'static str, &'static str),
}

struct Case {
    method: &'static str,
    uri: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    status: u16,
    content_type: &'static str,
    checks: &'static [Check],
}

const fn case(
    method: &'static str,
    uri: &'static str,
    status: u16,
    content_type: &'static str,
) -> Case {
    Case {
        method,
        uri,
        headers: &[],
        body: "",
        status,
        content_type,
        checks: &[],
    }
}

const JSON: &str = "application/json";
const TEXT: &str = "text/plain";
const HTML: &str = "text/html";
const BASIC_USER7: &str = "Basic dXNlcjc6N3VzZXI="; // user7:7user

use Check::*;

const CASES: &[Case] = &[
    Case {
        checks: &[
            JsonStr("/args/name", "Peter"),
            JsonStr("/args/age", "23"),
            JsonStr("/url", "http://example.test/get?name=Peter&age=23"),
            Keys(&["args", "headers", "origin", "url"]),
        ],
        headers: &[("Host", "example.test")],
        ..case("GET", "/get?name=Peter&age=23", 200, JSON)
    },
    Case {
        headers: &[("Content-Type", "application/x-www-form-urlencoded")],
        body: "name=Peter",
        checks: &[
            JsonStr("/form/name", "Peter"),
            JsonStr("/data", ""),
            JsonNull("/json"),
            JsonStr("/headers/Content-Type", "application/x-www-form-urlencoded"),
            Keys(&["args", "data", "files", "form", "headers", "json", "method", "origin", "url"]),
        ],
        ..case("POST", "/post", 200, JSON)
    },
    Case {
        headers: &[("Content-Type", "application/json")],
        body: r#"{"name": "Jane", "age": 17}"#,
        checks: &[JsonStr("/json/name", "Jane"), JsonSome("/json/age")],
        ..case("POST", "/post", 200, JSON)
    },
    Case {
        headers: &[("Content-Type", "multipart/form-data; boundary=XyZ")],
        body: "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHoliday\r\n--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"sid.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJFIF not really\r\n--XyZ--\r\n",
        checks: &[JsonStr("/form/title", "Holiday"), JsonSome("/files/image")],
        ..case("POST", "/post", 200, JSON)
    },
    Case { checks: &[JsonStr("/method", "PUT")], ..case("PUT", "/put", 200, JSON) },
    Case { checks: &[JsonStr("/method", "PATCH")], ..case("PATCH", "/patch", 200, JSON) },
    Case { checks: &[JsonStr("/method", "DELETE")], ..case("DELETE", "/delete", 200, JSON) },
    case("GET", "/post", 405, ""),
    case("POST", "/get", 405, ""),
    // A plain OPTIONS (no preflight) says what the route allows; tests/options.rs checks each kind of route.
    Case {
        checks: &[Header("allow", "GET, HEAD, OPTIONS"), Header("content-length", "0"), BodyLen(0)],
        ..case("OPTIONS", "/get", 200, "")
    },
    Case {
        checks: &[JsonStr("/method", "PROPFIND"), JsonStr("/url", "http://localhost/anything/a/b")],
        ..case("PROPFIND", "/anything/a/b", 200, JSON)
    },
    Case {
        headers: &[("X-Test", "yes")],
        checks: &[JsonStr("/headers/X-Test", "yes"), Keys(&["headers"])],
        ..case("GET", "/headers", 200, JSON)
    },
    Case { checks: &[Keys(&["origin"])], ..case("GET", "/ip", 200, JSON) },
    Case {
        headers: &[("User-Agent", "Python script")],
        checks: &[JsonStr("/user-agent", "Python script")],
        ..case("GET", "/user-agent", 200, JSON)
    },
    Case { checks: &[JsonSome("/uuid")], ..case("GET", "/uuid", 200, JSON) },
    // Statuses.
    Case { checks: &[BodyContains("teapot")], ..case("GET", "/status/418", 418, TEXT) },
    case("POST", "/status/201", 201, ""),
    Case { checks: &[Header("location", "/redirect/1")], ..case("GET", "/status/302", 302, "") },
    Case { checks: &[HeaderContains("www-authenticate", "Basic")], ..case("GET", "/status/401", 401, "") },
    case("GET", "/status/200:0,503:1", 503, ""),
    case("GET", "/status/abc", 400, TEXT),
    case("GET", "/status/1000", 400, TEXT),
    // Chosen response headers.
    Case {
        checks: &[Header("x-foo", "bar"), JsonStr("/X-Foo", "bar")],
        ..case("GET", "/response-headers?X-Foo=bar", 200, JSON)
    },
    Case {
        checks: &[Header("content-type", "text/plain; charset=utf-8")],
        ..case("GET", "/response-headers?Content-Type=text/plain;%20charset=utf-8", 200, TEXT)
    },
    // Redirects.
    Case { checks: &[Header("location", "/relative-redirect/2")], ..case("GET", "/redirect/3", 302, "") },
    Case { checks: &[Header("location", "/get")], ..case("GET", "/redirect/1", 302, "") },
    Case {
        headers: &[("Host", "example.test")],
        checks: &[Header("location", "http://example.test/absolute-redirect/1")],
        ..case("GET", "/redirect/2?absolute=true", 302, "")
    },
    Case { checks: &[Header("location", "/get")], ..case("GET", "/relative-redirect/1", 302, "") },
    Case {
        headers: &[("Host", "example.test")],
        checks: &[Header("location", "http://example.test/get")],
        ..case("GET", "/absolute-redirect/1", 302, "")
    },
    case("GET", "/redirect/0", 400, TEXT),
    case("GET", "/redirect/101", 400, TEXT),
    Case { checks: &[Header("location", "/")], ..case("GET", "/redirect-to?url=/", 302, "") },
    Case { checks: &[Header("location", "/get")], ..case("POST", "/redirect-to?url=/get&status_code=307", 307, "") },
    case("GET", "/redirect-to?url=/&status_code=200", 400, TEXT),
    case("GET", "/redirect-to", 400, TEXT),
    // Cookies.
    Case {
        headers: &[("Cookie", "a=1; b=two")],
        checks: &[JsonStr("/cookies/a", "1"), JsonStr("/cookies/b", "two")],
        ..case("GET", "/cookies", 200, JSON)
    },
    Case {
        checks: &[Header("location", "/cookies"), Header("set-cookie", "k=v; Path=/")],
        ..case("GET", "/cookies/set?k=v", 302, "")
    },
    Case { checks: &[Header("set-cookie", "k=v; Path=/")], ..case("GET", "/cookies/set/k/v", 302, "") },
    Case { checks: &[HeaderContains("set-cookie", "Max-Age=0")], ..case("GET", "/cookies/delete?k", 302, "") },
    // Authentication.
    Case {
        headers: &[("Authorization", BASIC_USER7)],
        checks: &[JsonBool("/authenticated", true), JsonStr("/user", "user7")],
        ..case("GET", "/basic-auth/user7/7user", 200, JSON)
    },
    Case {
        headers: &[("Authorization", "Basic d3Jvbmc6d3Jvbmc=")],
        checks: &[HeaderContains("www-authenticate", "Basic realm=")],
        ..case("GET", "/basic-auth/user7/7user", 401, TEXT)
    },
    Case {
        headers: &[("Authorization", BASIC_USER7)],
        ..case("GET", "/hidden-basic-auth/user7/7user", 200, JSON)
    },
    case("GET", "/hidden-basic-auth/user7/7user", 404, TEXT),
    Case {
        headers: &[("Authorization", "Bearer abc.def")],
        checks: &[JsonStr("/token", "abc.def")],
        ..case("GET", "/bearer", 200, JSON)
    },
    Case { checks: &[Header("www-authenticate", "Bearer")], ..case("GET", "/bearer", 401, TEXT) },
    Case {
        checks: &[HeaderContains("www-authenticate", "Digest realm="), HeaderContains("www-authenticate", "algorithm=MD5")],
        ..case("GET", "/digest-auth/auth/u/p", 401, TEXT)
    },
    Case {
        checks: &[HeaderContains("www-authenticate", "algorithm=SHA-256")],
        ..case("GET", "/digest-auth/auth/u/p/SHA-256", 401, TEXT)
    },
    case("GET", "/digest-auth/auth/u/p/SHA-1", 400, TEXT),
    case("GET", "/digest-auth/nope/u/p", 400, TEXT),
    // Timed and generated bodies.
    Case { checks: &[JsonStr("/method", "GET")], ..case("GET", "/delay/0", 200, JSON) },
    case("GET", "/delay/-1", 400, TEXT),
    Case { checks: &[BodyIs("*****")], ..case("GET", "/drip?duration=0&numbytes=5", 200, "application/octet-stream") },
    case("GET", "/drip?duration=0&numbytes=1&code=201", 201, "application/octet-stream"),
    Case { checks: &[BodyLen(100)], ..case("GET", "/stream-bytes/100?seed=1&chunk_size=7", 200, "application/octet-stream") },
    Case { checks: &[BodyLen(64)], ..case("GET", "/bytes/64", 200, "application/octet-stream") },
    Case {
        checks: &[BodyLen(5000), BodyContains("\"last\":\"end of body\"}"), Header("content-length", "5000")],
        ..case("GET", "/json/large?bytes=5000", 200, JSON)
    },
    case("GET", "/json/large?bytes=10", 400, TEXT),
    case("GET", "/json/large?bytes=999999999", 400, TEXT),
    Case {
        checks: &[BodyIs("abcdefghijklmnopqrstuvwxyz"), Header("accept-ranges", "bytes")],
        ..case("GET", "/range/26", 200, "application/octet-stream")
    },
    Case {
        headers: &[("Range", "bytes=0-3")],
        checks: &[BodyIs("abcd"), Header("content-range", "bytes 0-3/26")],
        ..case("GET", "/range/26", 206, "application/octet-stream")
    },
    Case {
        headers: &[("Range", "bytes=30-")],
        checks: &[Header("content-range", "bytes */26")],
        ..case("GET", "/range/26", 416, TEXT)
    },
    // Encodings and caching.
    Case { checks: &[Header("content-encoding", "gzip")], ..case("GET", "/gzip", 200, JSON) },
    Case { checks: &[Header("content-encoding", "deflate")], ..case("GET", "/deflate", 200, JSON) },
    Case { checks: &[Header("content-encoding", "br")], ..case("GET", "/brotli", 200, JSON) },
    Case { checks: &[JsonSome("/args"), HeaderContains("etag", "\""), HeaderContains("last-modified", "GMT")], ..case("GET", "/cache", 200, JSON) },
    Case { headers: &[("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")], ..case("GET", "/cache", 304, "") },
    Case { headers: &[("If-None-Match", "\"anything\"")], ..case("GET", "/cache", 304, "") },
    Case { checks: &[Header("cache-control", "public, max-age=60")], ..case("GET", "/cache/60", 200, JSON) },
    Case { checks: &[Header("etag", "\"abc\"")], ..case("GET", "/etag/abc", 200, JSON) },
    Case { headers: &[("If-None-Match", "\"abc\"")], ..case("GET", "/etag/abc", 304, "") },
    Case { headers: &[("If-None-Match", "W/\"x\", \"abc\"")], ..case("GET", "/etag/abc", 304, "") },
    Case { headers: &[("If-Match", "\"zzz\"")], ..case("GET", "/etag/abc", 412, TEXT) },
    Case { headers: &[("If-Match", "\"abc\"")], ..case("GET", "/etag/abc", 200, JSON) },
    // Fixed documents.
    Case { checks: &[BodyIs("hello")], ..case("GET", "/base64/aGVsbG8=", 200, TEXT) },
    Case { checks: &[BodyIs("hi?")], ..case("GET", "/base64/aGk_", 200, TEXT) },
    case("GET", "/base64/!!!", 400, TEXT),
    Case { checks: &[BodyContains("<h1>")], ..case("GET", "/html", 200, HTML) },
    Case { checks: &[JsonSome("/library/books")], ..case("GET", "/json", 200, JSON) },
    Case { checks: &[BodyContains("<?xml")], ..case("GET", "/xml", 200, "application/xml") },
    Case { checks: &[BodyContains("Disallow: /deny")], ..case("GET", "/robots.txt", 200, TEXT) },
    case("GET", "/deny", 200, TEXT),
    Case { checks: &[BodyContains("Здравствуй")], ..case("GET", "/encoding/utf8", 200, HTML) },
    Case { checks: &[BodyContains("action=\"/post\"")], ..case("GET", "/forms/post", 200, HTML) },
    Case {
        checks: &[BodyContains("<a href=\"/links/5/0\">0</a>"), BodyContains(" 2 ")],
        ..case("GET", "/links/5/2", 200, HTML)
    },
    case("GET", "/links/500/0", 400, TEXT),
    Case { checks: &[BodyContains("PNG")], ..case("GET", "/image", 200, "image/png") },
    Case { headers: &[("Accept", "image/webp,*/*")], ..case("GET", "/image", 200, "image/webp") },
    case("GET", "/image/png", 200, "image/png"),
    case("GET", "/image/jpeg", 200, "image/jpeg"),
    case("GET", "/image/webp", 200, "image/webp"),
    Case { checks: &[BodyContains("<svg")], ..case("GET", "/image/svg", 200, "image/svg+xml") },
    case("GET", "/image/gif", 404, TEXT),
    // ReqBin, raw dump, upload.
    Case { body: "x=1", checks: &[JsonStr("/data", "x=1"), JsonStr("/method", "POST")], ..case("POST", "/echo", 200, JSON) },
    Case { checks: &[JsonStr("/success", "true")], ..case("GET", "/echo/get/json", 200, JSON) },
    Case { body: "{\"a\":1}", checks: &[JsonStr("/success", "true")], ..case("POST", "/echo/post/json", 200, JSON) },
    Case {
        headers: &[("X-Mixed-Case", "v")],
        body: "the body",
        checks: &[BodyContains("POST /dump/request?q=1 HTTP/1.1\r\n"), BodyContains("x-mixed-case: v\r\n"), BodyContains("\r\n\r\nthe body")],
        ..case("POST", "/dump/request?q=1", 200, TEXT)
    },
    Case {
        body: "hello",
        headers: &[("Content-Type", "text/plain")],
        checks: &[
            JsonStr("/parts/0/sha256", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
            JsonSome("/parts/0/size"),
            JsonSome("/total_bytes"),
        ],
        ..case("POST", "/upload", 200, JSON)
    },
    Case {
        headers: &[("Content-Type", "multipart/form-data; boundary=b")],
        body: "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"g\"\r\n\r\n\r\n--b--\r\n",
        checks: &[
            JsonStr("/parts/0/name", "f"),
            JsonStr("/parts/0/filename", "a.txt"),
            JsonStr("/parts/0/sha256", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
            JsonStr("/parts/1/sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ],
        ..case("PUT", "/upload", 200, JSON)
    },
    Case {
        headers: &[("Content-Type", "multipart/form-data; boundary=b")],
        body: "not multipart at all",
        ..case("POST", "/upload", 400, TEXT)
    },
    Case { checks: &[BodyContains("/anything")], ..case("GET", "/", 200, HTML) },
    case("GET", "/no-such-endpoint", 404, ""),
];

fn pointer<'a>(answer: &'a Value, at: &str, label: &str) -> &'a Value {
    answer
        .pointer(at)
        .unwrap_or_else(|| panic!("{label}: no {at} in {answer}"))
}

fn verify(case: &Case, answer: &Answer) {
    let label = format!("{} {}", case.method, case.uri);
    assert_eq!(
        answer.status.as_u16(),
        case.status,
        "{label}: {}",
        answer.text()
    );
    assert!(
        answer.header("content-type").starts_with(case.content_type),
        "{label}: content type {:?}",
        answer.header("content-type")
    );
    assert_eq!(
        answer.header("x-content-type-options"),
        "nosniff",
        "{label}"
    );
    assert!(
        answer.headers.contains_key("access-control-allow-origin"),
        "{label}"
    );
    for check in case.checks {
        match check {
            JsonStr(at, want) => {
                assert_eq!(pointer(&answer.json(), at, &label), want, "{label} {at}")
            }
            JsonBool(at, want) => {
                assert_eq!(pointer(&answer.json(), at, &label), want, "{label} {at}")
            }
            JsonSome(at) => assert!(
                !pointer(&answer.json(), at, &label).is_null(),
                "{label} {at}"
            ),
            JsonNull(at) => assert!(
                pointer(&answer.json(), at, &label).is_null(),
                "{label} {at}"
            ),
            Keys(want) => {
                let json = answer.json();
                let keys: Vec<&str> = json
                    .as_object()
                    .expect("object")
                    .keys()
                    .map(String::as_str)
                    .collect();
                assert_eq!(keys, *want, "{label}");
            }
            BodyContains(text) => assert!(
                answer.text().contains(text),
                "{label}: {text:?} not in {:?}",
                answer.text()
            ),
            BodyIs(text) => assert_eq!(answer.text(), *text, "{label}"),
            BodyLen(n) => assert_eq!(answer.body.len(), *n, "{label}"),
            Header(name, want) => assert_eq!(answer.header(name), *want, "{label} {name}"),
            HeaderContains(name, part) => assert!(
                answer.header(name).contains(part),
                "{label} {name}: {:?}",
                answer.header(name)
            ),
        }
    }
}

#[tokio::test]
async fn every_endpoint_answers_as_httpbin_does() {
    for case in CASES {
        let mut builder = request(case.method, case.uri);
        for (name, value) in case.headers {
            builder = builder.header(*name, *value);
        }
        let answer = send(builder.body(Body::from(case.body)).expect("valid request")).await;
        verify(case, &answer);
    }
}

#[tokio::test]
async fn compressed_endpoints_decode_to_their_echo() {
    for (uri, flag) in [
        ("/gzip", "gzipped"),
        ("/deflate", "deflated"),
        ("/brotli", "brotli"),
    ] {
        let answer = support::get(uri).await;
        let mut text = String::new();
        match uri {
            "/gzip" => flate2::read::GzDecoder::new(&answer.body[..]).read_to_string(&mut text),
            "/deflate" => {
                flate2::read::ZlibDecoder::new(&answer.body[..]).read_to_string(&mut text)
            }
            _ => brotli::Decompressor::new(&answer.body[..], 4096).read_to_string(&mut text),
        }
        .unwrap_or_else(|e| panic!("{uri} does not decode: {e}"));
        let json: Value = serde_json::from_str(&text).expect("JSON inside");
        assert_eq!(json[flag], true, "{uri}");
        assert_eq!(json["method"], "GET", "{uri}");
    }
}

#[tokio::test]
async fn seeded_bytes_repeat_and_unseeded_bytes_differ() {
    let a = support::get("/bytes/32?seed=42").await.body;
    let b = support::get("/bytes/32?seed=42").await.body;
    let c = support::get("/bytes/32").await.body;
    let d = support::get("/bytes/32").await.body;
    assert_eq!(a, b);
    assert_ne!(c, d);
    let streamed = support::get("/stream-bytes/32?seed=42&chunk_size=5")
        .await
        .body;
    assert_eq!(streamed.len(), 32);
}

#[tokio::test]
async fn stream_sends_numbered_json_lines_capped_at_100() {
    let lines = support::get("/stream/3?x=1").await.json_lines();
    assert_eq!(lines.len(), 3);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], i);
        assert_eq!(line["args"]["x"], "1");
    }
    assert_eq!(
        support::get("/stream/1000").await.text().lines().count(),
        100
    );
}

#[tokio::test]
async fn digest_auth_accepts_a_correct_response() {
    use md5::{Digest, Md5};
    let hex = |data: &str| format!("{:x}", Md5::digest(data.as_bytes()));
    let challenge = support::get("/digest-auth/auth/user/pass").await;
    let header = challenge.header("www-authenticate").to_string();
    let field = |name: &str| {
        header
            .split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_string()
    };
    let (realm, nonce) = (field("realm"), field("nonce"));
    let uri = "/digest-auth/auth/user/pass";
    let ha1 = hex(&format!("user:{realm}:pass"));
    let ha2 = hex(&format!("GET:{uri}"));
    let response = hex(&format!("{ha1}:{nonce}:00000001:abc:auth:{ha2}"));
    let authorization = format!(
        "Digest username=\"user\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", qop=auth, nc=00000001, cnonce=\"abc\", response=\"{response}\""
    );
    let ok = send(
        request("GET", uri)
            .header("Authorization", &authorization)
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["user"], "user");
    let wrong = authorization.replace(&response, "0000");
    let refused = send(
        request("GET", uri)
            .header("Authorization", &wrong)
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(refused.status, 401);
}

#[tokio::test]
async fn excluded_headers_stay_out_of_echoes() {
    let config = reqlab_echo::Config {
        exclude_headers: vec!["x-forwarded-for".to_string(), "via".to_string()],
        ..Default::default()
    };
    for uri in ["/get", "/anything", "/headers"] {
        let answer = support::send_with(
            config.clone(),
            request("GET", uri)
                .header("X-Forwarded-For", "10.0.0.1")
                .header("Via", "1.1 edge")
                .header("X-Kept", "yes")
                .body(Body::empty())
                .expect("valid"),
        )
        .await;
        let headers = &answer.json()["headers"];
        assert!(headers.get("X-Forwarded-For").is_none(), "{uri}");
        assert!(headers.get("Via").is_none(), "{uri}");
        assert_eq!(headers["X-Kept"], "yes", "{uri}");
    }
}

//! HAR import: devtools recordings from Chrome and Firefox become the requests they recorded, reqlab's own
//! HAR export imports back to the same prepared request, and bad documents name the field at fault.

mod support;

use reqlab_core::import::har::{self, HarError};
use reqlab_core::{
    prepare, Body, Environment, PartValue, PreparedBody, PreparedPartValue, PreparedRequest,
    Request,
};
use serde_json::json;
use support::fixtures::{fixture_requests, tests_dir};

fn har_fixture(name: &str) -> String {
    let path = tests_dir().join("fixtures/har").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn request(value: serde_json::Value) -> Request {
    serde_json::from_value(value).expect("expected request JSON is valid")
}

/// HAR names files and never carries their bytes (like request JSON and share links), so the comparison
/// leaves the bytes out on both sides.
fn without_file_bytes(mut prepared: PreparedRequest) -> PreparedRequest {
    match &mut prepared.body {
        PreparedBody::File(file) => file.data = None,
        PreparedBody::Multipart(parts) => {
            for part in parts {
                if let PreparedPartValue::File(file) = &mut part.value {
                    file.data = None;
                }
            }
        }
        _ => {}
    }
    prepared
}

#[test]
fn export_then_import_gives_the_same_prepared_request_for_every_fixture() {
    let env = Environment::default();
    let mut checked = 0;
    for (name, original) in fixture_requests() {
        let Ok(prepared) = prepare(&original, &env) else {
            // Not representable: a request that cannot be prepared has nothing to export.
            continue;
        };
        let exported = har::export_request(&prepared).to_string();
        let imported = har::import(&exported, None)
            .unwrap_or_else(|e| panic!("{name}: export does not import: {e}\n{exported}"));
        let again = prepare(&imported.request, &env)
            .unwrap_or_else(|e| panic!("{name}: imported request does not prepare: {e}"));
        assert_eq!(
            without_file_bytes(again),
            without_file_bytes(prepared),
            "{name}: HAR round trip changed the request\n{exported}"
        );
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} fixtures were checked");
}

#[test]
fn export_wraps_entries_and_logs_that_import_again() {
    let original = request(json!({"method": "DELETE", "url": "http://localhost:8080/items/7"}));
    let prepared = prepare(&original, &Environment::default()).expect("prepares");
    let response = har::HarResponse {
        status: 204,
        status_text: "No Content".into(),
        ..Default::default()
    };
    let log = har::export_log(vec![
        har::export_entry(&prepared, Some(&response)),
        har::export_entry(&prepared, None),
    ]);
    let text = log.to_string();
    let entries = har::entries(&text).expect("lists entries");
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].to_string(),
        "  1. DELETE http://localhost:8080/items/7 -> 204"
    );
    assert_eq!(entries[1].status, None, "status 0 means no response");
    let imported = har::import(&text, Some(2)).expect("imports entry 2");
    assert_eq!(
        prepare(&imported.request, &Environment::default()).expect("prepares"),
        prepared
    );
}

#[test]
fn chrome_http2_json_post() {
    let imported = har::import(&har_fixture("chrome_h2_json_post.har"), None).expect("imports");
    let headers = [
        ("accept", "application/json, text/plain, */*"),
        ("accept-encoding", "gzip, deflate, br, zstd"),
        ("accept-language", "en-GB,en;q=0.9"),
        ("authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"),
        ("content-type", "application/json"),
        ("cookie", "session=abc123; theme=dark"),
        ("origin", "https://app.example.com"),
        ("priority", "u=1, i"),
        ("referer", "https://app.example.com/"),
        ("sec-ch-ua", "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\""),
        ("sec-ch-ua-mobile", "?0"),
        ("sec-ch-ua-platform", "\"Linux\""),
        ("sec-fetch-dest", "empty"),
        ("sec-fetch-mode", "cors"),
        ("sec-fetch-site", "same-site"),
        ("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"),
    ];
    let expected = request(json!({
        "method": "POST",
        "url": "https://api.example.com/v1/items?draft=true&tag=a%20b",
        "query": [{"key": "draft", "value": "true"}, {"key": "tag", "value": "a b"}],
        "headers": headers.iter().map(|(k, v)| json!({"key": k, "value": v})).collect::<Vec<_>>(),
        "body": {"mode": "raw", "language": "json", "text": "{\"name\":\"Widget \\\"Pro\\\"\",\"qty\":3}"},
    }));
    assert_eq!(imported.request, expected);
    assert_eq!(
        imported.warnings,
        ["Left out content-length: the client computes it from the request itself."]
    );
}

#[test]
fn chrome_log_with_two_entries_needs_a_choice_and_reads_the_multipart_text() {
    let text = har_fixture("chrome_multipart_upload.har");
    let err = har::import(&text, None).expect_err("two entries");
    let HarError::SeveralEntries(entries) = &err else {
        panic!("unexpected error {err}");
    };
    assert_eq!(entries.len(), 2);
    assert_eq!(
        err.to_string(),
        "The HAR log has 2 entries; pick one:\n    1. GET https://app.example.com/upload -> 200\n    2. POST https://app.example.com/upload -> 303"
    );
    let err = har::import(&text, Some(3)).expect_err("no entry 3");
    assert_eq!(
        err.to_string(),
        "There is no entry 3: the HAR log has 2 (numbered from 1)."
    );

    let imported = har::import(&text, Some(2)).expect("entry 2");
    let expected = request(json!({
        "method": "POST",
        "url": "https://app.example.com/upload",
        "headers": [
            {"key": "accept", "value": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"},
            {"key": "cache-control", "value": "max-age=0"},
            {"key": "origin", "value": "https://app.example.com"},
        ],
        "body": {"mode": "multipart", "parts": [
            {"name": "title", "kind": "text", "value": "Holiday photos; day 1"},
            {"name": "photo", "kind": "file", "file": {"name": "beach \"sunset\".png", "content_type": "image/png"}},
            {"name": "public", "kind": "text", "value": "on"},
        ]},
    }));
    assert_eq!(imported.request, expected);
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert!(imported.warnings[1].contains("Choose the files again"));
}

#[test]
fn firefox_form_login_becomes_form_fields() {
    let imported = har::import(&har_fixture("firefox_form_login.har"), None).expect("imports");
    let r = &imported.request;
    assert_eq!(r.url, "http://localhost:8080/login?next=%2Fdashboard");
    assert_eq!(r.query.len(), 1);
    assert_eq!(
        (r.query[0].key.as_str(), r.query[0].value.as_str()),
        ("next", "/dashboard")
    );
    let names: Vec<&str> = r.headers.iter().map(|h| h.key.as_str()).collect();
    assert_eq!(
        names,
        [
            "User-Agent",
            "Accept",
            "Accept-Language",
            "Accept-Encoding",
            "Content-Type",
            "Origin",
            "Referer",
            "Cookie",
            "Upgrade-Insecure-Requests",
            "Sec-Fetch-Dest",
            "Sec-Fetch-Mode",
            "Sec-Fetch-Site",
            "Sec-Fetch-User",
        ]
    );
    let Body::UrlEncoded { fields } = &r.body else {
        panic!("form body expected: {:?}", r.body);
    };
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("user", "jürgen"),
            ("password", "p&ss w0rd"),
            ("remember", "on")
        ]
    );
    assert_eq!(
        imported.warnings,
        ["Left out Host, Content-Length, Connection: the client computes them from the request itself."]
    );
    // The prepared form encodes to the very bytes Firefox sent.
    let prepared = prepare(r, &Environment::default()).expect("prepares");
    let PreparedBody::UrlEncoded(pairs) = &prepared.body else {
        panic!("form body expected");
    };
    assert_eq!(
        PreparedBody::url_encoded(pairs),
        "user=j%C3%BCrgen&password=p%26ss+w0rd&remember=on"
    );
}

#[test]
fn firefox_entry_with_cookies_but_no_cookie_header() {
    let imported = har::import(&har_fixture("firefox_put_xml_entry.json"), None).expect("imports");
    let expected = request(json!({
        "method": "PUT",
        "url": "https://dav.example.org/files/notes/todo.xml",
        "headers": [
            {"key": "User-Agent", "value": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0"},
            {"key": "Accept", "value": "*/*"},
            {"key": "Content-Type", "value": "application/xml"},
            {"key": "If-Match", "value": "\"5f2b-1a\""},
            {"key": "Cookie", "value": "dav_session=r2d2"},
        ],
        "body": {"mode": "raw", "language": "xml", "text": "<?xml version=\"1.0\"?>\n<todo><item done=\"false\">Buy milk</item></todo>"},
    }));
    assert_eq!(imported.request, expected);
}

#[test]
fn a_bare_request_object_imports_and_an_odd_form_stays_raw() {
    let text = json!({
        "method": "POST", "url": "http://h/form", "httpVersion": "HTTP/1.1", "headers": [],
        "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "a=b c&d=~", "params": [{"name": "a", "value": "b c"}, {"name": "d", "value": "~"}]},
    })
    .to_string();
    let imported = har::import(&text, None).expect("imports");
    assert_eq!(
        imported.request.body,
        Body::Raw {
            language: reqlab_core::RawLanguage::Text,
            text: "a=b c&d=~".into()
        },
        "re-encoding would change the bytes, so the body stays raw"
    );
    assert_eq!(
        imported.request.headers[0].value,
        "application/x-www-form-urlencoded"
    );
    let prepared = prepare(&imported.request, &Environment::default()).expect("prepares");
    assert_eq!(prepared.body, PreparedBody::Text("a=b c&d=~".into()));
}

#[test]
fn multipart_params_become_parts() {
    let text = json!({"request": {
        "method": "POST", "url": "http://h/up", "headers": [{"name": "Content-Type", "value": "multipart/form-data; boundary=x"}],
        "postData": {"mimeType": "multipart/form-data; boundary=x", "params": [
            {"name": "a", "value": "1"}, {"name": "f", "fileName": "x.bin", "contentType": "application/octet-stream"},
        ]},
    }})
    .to_string();
    let imported = har::import(&text, None).expect("imports");
    assert!(
        imported.request.headers.is_empty(),
        "the recorded boundary is dropped"
    );
    let Body::Multipart { parts } = &imported.request.body else {
        panic!("multipart expected");
    };
    assert_eq!(parts[0].value, PartValue::Text { value: "1".into() });
    assert!(matches!(&parts[1].value, PartValue::File { file: Some(f) } if f.name == "x.bin"));
}

#[test]
fn errors_name_the_field_at_fault() {
    let cases = [
        ("{", "Not valid JSON (line 1, column 1)"),
        (
            "[]",
            "`(top level)` should be an object, but it is an array.",
        ),
        ("{\"foo\": 1}", "This JSON is not a HAR document"),
        (
            "{\"log\": {\"entries\": []}}",
            "The HAR log has no entries.",
        ),
        (
            "{\"log\": {\"entries\": {}}}",
            "`log.entries` should be an array, but it is an object.",
        ),
        (
            r#"{"log": {"entries": [{"request": {"method": "GET", "url": "http://h/", "headers": [{"name": 1}]}}]}}"#,
            "`log.entries[0].request.headers[0].name` should be a string, but it is a number.",
        ),
        (
            r#"{"log": {"entries": [{"request": {"method": "GET"}}]}}"#,
            "`log.entries[0].request.url` is missing.",
        ),
        (
            r#"{"log": {"entries": [{"response": {}}]}}"#,
            "`log.entries[0].request` is missing.",
        ),
        (
            r#"{"request": {"method": "POST", "url": "http://h/", "postData": {"mimeType": 5}}}"#,
            "`request.postData.mimeType` should be a string, but it is a number.",
        ),
    ];
    for (input, expected) in cases {
        let err = har::import(input, None).expect_err(input).to_string();
        assert!(
            err.starts_with(expected),
            "{input}\n  got: {err}\n  expected: {expected}"
        );
    }
    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(1024 * 1024));
    assert!(matches!(
        har::import(&huge, None),
        Err(HarError::TooLarge(_))
    ));
}

#[test]
fn reqlab_request_json_is_not_mistaken_for_har() {
    let reqlab =
        json!({"method": "GET", "url": "http://h/", "headers": [{"key": "A", "value": "1"}]});
    assert!(!har::looks_like_har(&reqlab));
    assert!(har::looks_like_har(
        &json!({"method": "GET", "url": "http://h/", "headers": [{"name": "A", "value": "1"}]})
    ));
    assert!(har::looks_like_har(&json!({"log": {}})));
    assert!(har::looks_like_har(&json!({"request": {"method": "GET"}})));
}

//! `.http` files: the documented examples of REST Client and the JetBrains HTTP Client import to the requests
//! they describe, collections within what the format can say come back unchanged from export and import,
//! and dynamic variables expand from a fixed clock and random source.

use proptest::prelude::*;
use reqlab_core::edit::graphql_body::envelope;
use reqlab_core::edit::model::{CredentialsMode, RedirectMode};
use reqlab_core::edit::query::query_from_url;
use reqlab_core::import::http_file::{self, DynamicSource, HttpFileError};
use reqlab_core::import::{Collection, CollectionItem, ImportedCollection};
use reqlab_core::{
    Auth, Body, FileRef, FormPart, KeyValue, Method, RawLanguage, Request, RequestOptions,
};
use std::collections::HashMap;
use std::path::PathBuf;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/http_file")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Imports a fixture with no files to read.
fn fixture(name: &str) -> ImportedCollection {
    http_file::import(&fixture_text(name), &|_| None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Imports a fixture whose `< path`s find the given files.
fn fixture_with_files(name: &str, files: &[(&str, &[u8])]) -> ImportedCollection {
    let files: HashMap<String, Vec<u8>> = files
        .iter()
        .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
        .collect();
    http_file::import(&fixture_text(name), &|path| files.get(path).cloned())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The only request of a fixture, with its name.
fn only_request(imported: &ImportedCollection) -> (&str, &Request) {
    match imported.collection.items.as_slice() {
        [CollectionItem::Request { name, request }] => (name, request),
        items => panic!("expected one request, got {items:#?}"),
    }
}

fn names(collection: &Collection) -> Vec<String> {
    collection.requests().into_iter().map(|(p, _)| p).collect()
}

fn warnings(imported: &ImportedCollection) -> Vec<String> {
    imported.warnings.iter().map(ToString::to_string).collect()
}

fn headers(request: &Request) -> Vec<(&str, &str)> {
    request
        .headers
        .iter()
        .map(|h| {
            assert!(h.enabled, "{h:?}");
            (h.key.as_str(), h.value.as_str())
        })
        .collect()
}

fn raw(request: &Request) -> (RawLanguage, &str) {
    match &request.body {
        Body::Raw { language, text } => (*language, text.as_str()),
        other => panic!("expected a raw body, got {other:?}"),
    }
}

fn file_body(request: &Request) -> &FileRef {
    match &request.body {
        Body::Binary { file: Some(file) } => file,
        other => panic!("expected a file body, got {other:?}"),
    }
}

fn parts(request: &Request) -> &[FormPart] {
    match &request.body {
        Body::Multipart { parts } => parts,
        other => panic!("expected a multipart body, got {other:?}"),
    }
}

fn variables(collection: &Collection) -> Vec<(&str, &str)> {
    collection
        .variables
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_str()))
        .collect()
}

fn query(request: &Request) -> Vec<(&str, &str)> {
    request
        .query
        .iter()
        .map(|q| (q.key.as_str(), q.value.as_str()))
        .collect()
}

const FIXTURES: [&str; 39] = [
    "rest-client/usage-url-only.http",
    "rest-client/usage-post-json.http",
    "rest-client/select-request-text.http",
    "rest-client/request-line-full.http",
    "rest-client/request-line-no-version.http",
    "rest-client/request-line-url-only.http",
    "rest-client/query-strings.http",
    "rest-client/query-strings-multiline.http",
    "rest-client/body-xml.http",
    "rest-client/body-file-absolute.http",
    "rest-client/body-file.http",
    "rest-client/body-file-variables.http",
    "rest-client/body-file-latin1.http",
    "rest-client/multipart.http",
    "rest-client/form-urlencoded.http",
    "rest-client/graphql.http",
    "rest-client/basic-auth.http",
    "rest-client/digest-auth.http",
    "rest-client/environment-variables.http",
    "rest-client/file-variables.http",
    "rest-client/prompt-variables.http",
    "rest-client/request-variables.http",
    "rest-client/system-variables.http",
    "jetbrains/example-request.http",
    "jetbrains/comments.http",
    "jetbrains/separator-comment.http",
    "jetbrains/requests-file.http",
    "jetbrains/request-sections.http",
    "jetbrains/origin-form.http",
    "jetbrains/asterisk-form.http",
    "jetbrains/headers.http",
    "jetbrains/body-file.http",
    "jetbrains/multipart.http",
    "jetbrains/response-handler.http",
    "jetbrains/response-reference.http",
    "jetbrains/env-variable.http",
    "jetbrains/url-lines.http",
    "jetbrains/url-lines-encoded.http",
    "jetbrains/body-trimmed.http",
];

#[test]
fn every_fixture_is_listed_in_sources_and_here() {
    let sources = fixture_text("SOURCES.md");
    for name in FIXTURES {
        let file = name.rsplit('/').next().unwrap_or(name);
        assert!(
            sources.contains(&format!("`{file}`")),
            "{name} not in SOURCES.md"
        );
        assert!(fixture_path(name).is_file(), "{name}");
    }
    for dir in ["rest-client", "jetbrains"] {
        let count = std::fs::read_dir(fixture_path(dir))
            .map(|entries| entries.count())
            .unwrap_or(0);
        let listed = FIXTURES.iter().filter(|n| n.starts_with(dir)).count();
        assert_eq!(count, listed, "{dir}: a fixture is not tested");
    }
}

// REST Client README

#[test]
fn a_url_alone_is_a_get_named_by_its_request_line() {
    let imported = fixture("rest-client/usage-url-only.http");
    let (name, request) = only_request(&imported);
    assert_eq!(name, "GET https://example.com/comments/1");
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.url, "https://example.com/comments/1");
    assert_eq!(request.body, Body::None);
    assert!(request.headers.is_empty());
    assert!(imported.warnings.is_empty());
}

#[test]
fn the_three_request_line_forms_give_the_same_request() {
    let full = fixture("rest-client/request-line-full.http");
    let expected = only_request(&full).1.clone();
    assert_eq!(expected.method, Method::Get);
    assert_eq!(expected.url, "https://example.com/comments/1");
    for name in [
        "rest-client/request-line-no-version.http",
        "rest-client/request-line-url-only.http",
    ] {
        assert_eq!(only_request(&fixture(name)).1, &expected, "{name}");
    }
}

#[test]
fn a_json_body_follows_the_blank_line() {
    let imported = fixture("rest-client/usage-post-json.http");
    let (name, request) = only_request(&imported);
    assert_eq!(name, "POST https://example.com/comments");
    assert_eq!(request.method, Method::Post);
    assert_eq!(headers(request), [("content-type", "application/json")]);
    assert_eq!(
        raw(request),
        (
            RawLanguage::Json,
            "{\n    \"name\": \"sample\",\n    \"time\": \"Wed, 21 Oct 2015 18:27:50 GMT\"\n}"
        )
    );
    assert!(imported.warnings.is_empty());
}

#[test]
fn separators_split_requests() {
    let imported = fixture("rest-client/select-request-text.http");
    let collection = &imported.collection;
    assert_eq!(
        names(collection),
        [
            "GET https://example.com/comments/1",
            "GET https://example.com/topics/1",
            "POST https://example.com/comments",
        ]
    );
    let requests = collection.requests();
    assert_eq!(requests[0].1.body, Body::None);
    assert_eq!(requests[1].1.url, "https://example.com/topics/1");
    assert_eq!(raw(requests[2].1).0, RawLanguage::Json);
    assert!(raw(requests[2].1).1.contains("\"name\": \"sample\""));
    assert!(imported.warnings.is_empty());
}

#[test]
fn query_strings_on_one_line_or_continued_on_the_next() {
    let one_line = fixture("rest-client/query-strings.http");
    let request = only_request(&one_line).1;
    assert_eq!(
        request.url,
        "https://example.com/comments?page=2&pageSize=10"
    );
    assert_eq!(query(request), [("page", "2"), ("pageSize", "10")]);
    let continued = fixture("rest-client/query-strings-multiline.http");
    assert_eq!(only_request(&continued).1, request);
}

#[test]
fn an_xml_body_with_its_headers() {
    let imported = fixture("rest-client/body-xml.http");
    let request = only_request(&imported).1;
    assert_eq!(
        headers(request),
        [
            ("Content-Type", "application/xml"),
            ("Authorization", "token xxx")
        ]
    );
    assert_eq!(
        raw(request),
        (
            RawLanguage::Xml,
            "<request>\n    <name>sample</name>\n    <time>Wed, 21 Oct 2015 18:27:50 GMT</time>\n</request>"
        )
    );
}

#[test]
fn a_file_body_not_read_keeps_its_path_and_asks_for_the_file() {
    let imported = fixture("rest-client/body-file-absolute.http");
    let request = only_request(&imported).1;
    let file = file_body(request);
    assert_eq!(file.name, r"C:\Users\Default\Desktop\demo.xml");
    assert_eq!(file.data, None);
    assert_eq!(
        warnings(&imported),
        [
            r"POST https://example.com/comments: line 5: the body is the file `C:\Users\Default\Desktop\demo.xml`, which was not read: attach it before sending"
        ]
    );
    assert_eq!(headers(request)[0], ("Content-Type", "application/xml"));
}

#[test]
fn a_file_body_read_carries_its_bytes() {
    let imported = fixture_with_files("rest-client/body-file.http", &[("./demo.xml", b"<a/>")]);
    let file = file_body(only_request(&imported).1);
    assert_eq!(file, &FileRef::new("./demo.xml", "", b"<a/>".to_vec()));
    assert!(imported.warnings.is_empty());
}

#[test]
fn a_file_body_with_variables_becomes_its_text() {
    let imported = fixture_with_files(
        "rest-client/body-file-variables.http",
        &[("./demo.xml", b"<user>{{name}}</user>")],
    );
    let request = only_request(&imported).1;
    assert_eq!(raw(request), (RawLanguage::Xml, "<user>{{name}}</user>"));
    assert!(imported.warnings.is_empty());

    let unread = fixture("rest-client/body-file-variables.http");
    assert_eq!(file_body(only_request(&unread).1).name, "./demo.xml");
    assert_eq!(unread.warnings.len(), 1);
    assert!(
        unread.warnings[0].message.starts_with(
            "line 5: the body is the file `./demo.xml`, which was not read: attach it before sending"
        ),
        "{:?}",
        unread.warnings
    );
}

#[test]
fn a_latin1_file_is_converted_and_said_so() {
    let imported = fixture_with_files(
        "rest-client/body-file-latin1.http",
        &[("./demo.xml", b"<n>Jos\xe9</n>")],
    );
    assert_eq!(raw(only_request(&imported).1).1, "<n>José</n>");
    assert_eq!(
        warnings(&imported),
        ["POST https://example.com/comments: line 5: the file was read as `latin1` (Latin-1) and is sent as UTF-8"]
    );
}

#[test]
fn a_multipart_body_becomes_parts_and_leaves_its_boundary_behind() {
    let png: &[u8] = b"\x89PNG";
    let imported = fixture_with_files("rest-client/multipart.http", &[("./1.png", png)]);
    let (name, request) = only_request(&imported);
    assert_eq!(name, "POST https://api.example.com/user/upload");
    assert!(request.headers.is_empty(), "{:?}", request.headers);
    let mut image = FormPart::file("image", Some(FileRef::new("1.png", "", png.to_vec())));
    image.content_type = "image/png".into();
    assert_eq!(parts(request), [FormPart::text("text", "title"), image]);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn form_lines_are_joined_and_stay_text() {
    let imported = fixture("rest-client/form-urlencoded.http");
    let request = only_request(&imported).1;
    assert_eq!(
        headers(request),
        [("Content-Type", "application/x-www-form-urlencoded")]
    );
    assert_eq!(raw(request), (RawLanguage::Text, "name=foo&password=bar"));
}

/// REST Client's README example: `X-Request-Type: GraphQL` is a directive, not sent; the body is the query,
/// then after a blank line the variables, sent as `{"query", "variables"}` JSON.
#[test]
fn a_graphql_body_becomes_the_envelope_rest_client_sends() {
    let imported = fixture("rest-client/graphql.http");
    let request = only_request(&imported).1;
    assert_eq!(
        headers(request),
        [
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer xxx")
        ]
    );
    let (language, text) = raw(request);
    assert_eq!(language, RawLanguage::GraphQl);
    let sent: serde_json::Value = serde_json::from_str(text).expect("the body is JSON");
    let query = "query ($name: String!, $owner: String!) {\n  repository(name: $name, owner: $owner) {\n    \
                 name\n    fullName: nameWithOwner\n    description\n    diskUsage\n    forkCount\n    \
                 stargazers(first: 5) {\n        totalCount\n        nodes {\n            login\n            \
                 name\n        }\n    }\n    watchers {\n        totalCount\n    }\n  }\n}";
    assert_eq!(
        sent,
        serde_json::json!({
            "query": query,
            "variables": {"name": "vscode-restclient", "owner": "Huachao"},
        })
    );
    assert!(warnings(&imported).is_empty(), "{:?}", warnings(&imported));
}

/// The directive's name and value in any case; without variables, only a query; variables that are JSON
/// only once `{{variables}}` are resolved stay as written; reqlab's `# @operation-name` names the operation.
#[test]
fn graphql_requests_without_variables_with_template_variables_and_named() {
    let text = "POST https://h/graphql\nx-request-type: graphql\n\n{ a }\n\n\
                ###\n# @operation-name Q\nGET https://h/graphql\nX-Request-Type: GraphQL\n\n\
                query Q($n: Int) { a(n: $n) }\n\n{\"n\": {{n}}}\n";
    let imported = http_file::import(text, &|_| None).expect("imports");
    let requests = imported.collection.requests();
    assert_eq!(
        raw(requests[0].1),
        (RawLanguage::GraphQl, r#"{"query":"{ a }"}"#)
    );
    assert!(headers(requests[0].1).is_empty());
    assert_eq!(
        raw(requests[1].1),
        (
            RawLanguage::GraphQl,
            r#"{"query":"query Q($n: Int) { a(n: $n) }","variables":{"n": {{n}}},"operationName":"Q"}"#
        )
    );
    assert_eq!(requests[1].1.method, Method::Get);
    let warnings = warnings(&imported);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("kept as written"), "{warnings:?}");
}

/// What the writer makes of a GraphQL request is REST Client's form, and reads back to the same request.
#[test]
fn a_graphql_request_is_written_rest_client_s_way_and_read_back() {
    let body = envelope(
        "query Q($id: ID) {\n  item(id: $id) { name }\n}",
        Some(r#"{"id":"7","tags":["a"]}"#),
        Some("Q"),
    );
    let request = Request {
        method: Method::Post,
        url: "https://h/graphql".into(),
        headers: vec![KeyValue::new("X-Trace", "1")],
        body: Body::Raw {
            language: RawLanguage::GraphQl,
            text: body,
        },
        ..Request::default()
    };
    let collection = Collection {
        name: String::new(),
        variables: Vec::new(),
        items: vec![CollectionItem::Request {
            name: "Item".into(),
            request: request.clone(),
        }],
        origins: Vec::new(),
    };
    let written = http_file::export(&collection);
    assert_eq!(
        written,
        "### Item\n# @name Item\n# @operation-name Q\nPOST https://h/graphql\nX-Trace: 1\n\
         Content-Type: application/json\nX-Request-Type: GraphQL\n\n\
         query Q($id: ID) {\n  item(id: $id) { name }\n}\n\n\
         {\"id\":\"7\",\"tags\":[\"a\"]}\n\n"
    );
    let back = http_file::import(&written, &|_| None).expect("imports");
    assert_eq!(back.collection.requests()[0].1, &request);
}

/// REST Client's README: it encodes `Basic user:passwd` (and `user passwd`) itself, and answers Digest's
/// challenge with `Digest user passwd`: credentials, which reqlab keeps as the request's auth.
#[test]
fn rest_client_credentials_become_basic_and_digest_auth() {
    let basic = fixture("rest-client/basic-auth.http");
    let request = only_request(&basic).1;
    assert!(headers(request).is_empty());
    assert_eq!(
        request.auth,
        Auth::Basic {
            username: "user".into(),
            password: "passwd".into()
        }
    );
    let digest = fixture("rest-client/digest-auth.http");
    let request = only_request(&digest).1;
    assert_eq!(
        request.url,
        "https://httpbin.org/digest-auth/auth/user/passwd"
    );
    assert!(headers(request).is_empty());
    assert_eq!(
        request.auth,
        Auth::Digest {
            username: "user".into(),
            password: "passwd".into()
        }
    );
}

#[test]
fn environment_variables_stay_as_written() {
    let imported = fixture("rest-client/environment-variables.http");
    let request = only_request(&imported).1;
    assert_eq!(request.url, "https://{{host}}/api/{{version}}comments/1");
    assert_eq!(headers(request), [("Authorization", "{{token}}")]);
    assert!(imported.collection.variables.is_empty());
}

#[test]
fn file_variables_become_collection_variables_in_order() {
    let imported = fixture("rest-client/file-variables.http");
    let collection = &imported.collection;
    assert_eq!(
        variables(collection),
        [
            ("hostname", "api.example.com"),
            ("port", "8080"),
            ("host", "{{hostname}}:{{port}}"),
            ("contentType", "application/json"),
            ("createdAt", "{{$datetime iso8601}}"),
            ("modifiedBy", "{{$processEnv USERNAME}}"),
            ("name", "Strunk & White"),
        ]
    );
    assert_eq!(
        names(collection),
        [
            "GET https://{{host}}/authors/{{%name}}",
            "PATCH https://{{host}}/authors/{{%name}}"
        ]
    );
    let patch = collection.requests()[1].1;
    assert_eq!(headers(patch), [("Content-Type", "{{contentType}}")]);
    assert_eq!(
        raw(patch).1,
        "{\n    \"content\": \"foo bar\",\n    \"created_at\": \"{{createdAt}}\",\n    \"modified_by\": \"{{modifiedBy}}\"\n}"
    );
    let percent = "`{{%name}}` (a percent-encoded variable) is sent as written: reqlab does not \
                   encode variables; write the encoded value into the variable instead";
    assert_eq!(
        warnings(&imported),
        [
            format!("GET https://{{{{host}}}}/authors/{{{{%name}}}}: line 12: {percent}"),
            format!("PATCH https://{{{{host}}}}/authors/{{{{%name}}}}: line 16: {percent}"),
        ]
    );
}

#[test]
fn prompts_are_named_in_warnings() {
    let imported = fixture("rest-client/prompt-variables.http");
    assert_eq!(variables(&imported.collection).len(), 4);
    let (name, request) = only_request(&imported);
    assert_eq!(name, "POST https://{{host}}/verify-otp/{{refCode}}");
    assert_eq!(request.method, Method::Post);
    assert!(raw(request).1.contains("\"otp\": \"{{otp}}\""));
    let messages: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "line 7: `@prompt username`: reqlab does not ask for values while sending; give `{{username}}` a value in an environment",
            "line 8: `@prompt refCode Your reference code display on webpage`: reqlab does not ask for values while sending; give `{{refCode}}` a value in an environment",
            "line 9: `@prompt otp Your one-time password in your mailbox`: reqlab does not ask for values while sending; give `{{otp}}` a value in an environment",
        ]
    );
}

#[test]
fn request_names_and_variables_between_requests() {
    let imported = fixture("rest-client/request-variables.http");
    let collection = &imported.collection;
    assert_eq!(
        variables(collection),
        [
            ("baseUrl", "https://example.com/api"),
            ("authToken", "{{login.response.headers.X-AuthToken}}"),
            ("commentId", "{{createComment.response.body.$.id}}"),
        ]
    );
    assert_eq!(
        names(collection),
        [
            "login",
            "createComment",
            "getCreatedComment",
            "getReplies",
            "getFirstReply"
        ]
    );
    let login = collection.find("login").expect("login");
    assert_eq!(login.url, "{{baseUrl}}/api/login");
    assert_eq!(raw(login), (RawLanguage::Text, "name=foo&password=bar"));
    let first_reply = collection.find("getFirstReply").expect("getFirstReply");
    assert_eq!(
        first_reply.url,
        "{{baseUrl}}/comments/{{commentId}}/replies/{{getReplies.response.body.//reply[1]/@id}}"
    );
    assert_eq!(
        headers(collection.find("getReplies").expect("getReplies")),
        [("Accept", "application/xml")]
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn system_variables_stay_for_the_runner_and_expand_from_a_fixed_source() {
    let imported = fixture("rest-client/system-variables.http");
    let request = only_request(&imported).1;
    assert_eq!(
        headers(request),
        [
            ("Content-Type", "application/xml"),
            ("Date", "{{$datetime rfc1123}}")
        ]
    );
    let mut source = FixedSource::leap_day();
    assert_eq!(
        http_file::expand_dynamic(&request.headers[1].value, &mut source),
        "Thu, 29 Feb 2024 23:59:59 GMT"
    );
    let body = http_file::expand_dynamic(raw(request).1, &mut source);
    assert_eq!(
        body,
        "{\n    \"user_name\": \"{{$dotenv USERNAME}}\",\n    \"request_id\": \"01234567-89ab-4def-bedc-ba9876543210\",\n    \"updated_at\": \"1709251199\",\n    \"created_at\": \"1709164799\",\n    \"review_count\": \"30\",\n    \"custom_date\": \"2024-02-29\",\n    \"local_custom_date\": \"2024-02-29\"\n}"
    );
}

// JetBrains HTTP Request in Editor specification

#[test]
fn the_spec_example_request() {
    let imported = fixture("jetbrains/example-request.http");
    let request = only_request(&imported).1;
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.url, "http://example.com/api/add");
    assert_eq!(
        raw(request),
        (
            RawLanguage::Json,
            "{\n  “name”: “entity”,\n  “value”: “content”\n}"
        )
    );
}

#[test]
fn comments_or_a_separator_alone_are_no_request() {
    for name in [
        "jetbrains/comments.http",
        "jetbrains/separator-comment.http",
    ] {
        assert_eq!(
            http_file::import(&fixture_text(name), &|_| None),
            Err(HttpFileError::NoRequest),
            "{name}"
        );
    }
}

#[test]
fn a_file_may_start_and_end_with_separators() {
    let imported = fixture("jetbrains/requests-file.http");
    assert_eq!(
        names(&imported.collection),
        ["GET http://example.com", "GET http://example.com"]
    );
}

#[test]
fn handlers_and_response_references_are_quoted_in_warnings() {
    let imported = fixture("jetbrains/request-sections.http");
    let request = only_request(&imported).1;
    assert_eq!(file_body(request).name, "input.json");
    assert_eq!(headers(request), [("Content-Type", "application/json")]);
    assert_eq!(
        warnings(&imported),
        [
            "POST http://example.com/auth: line 4: the body is the file `input.json`, which was not read: attach it before sending",
            "POST http://example.com/auth: line 5: the response handler is not run: > {% client.global.set(\"auth\", response.body.token); %}",
            "POST http://example.com/auth: line 6: the reference to a saved response (`<> previous-response.200.json`) was left out",
        ]
    );

    let handler = fixture("jetbrains/response-handler.http");
    assert_eq!(only_request(&handler).1.body, Body::None);
    assert_eq!(
        warnings(&handler),
        ["GET http://example.com/auth: line 3: the response handler is not run: > {% client.global.set(\"auth\", response.body.token);%}"]
    );
    let reference = fixture("jetbrains/response-reference.http");
    assert_eq!(
        warnings(&reference),
        ["GET http://example.com: line 3: the reference to a saved response (`<> previous-response.200.json`) was left out"]
    );
}

#[test]
fn request_targets_and_headers_as_written() {
    let cases = [
        (
            "jetbrains/origin-form.http",
            Method::Get,
            "/api/get",
            ("Host", "example.com"),
        ),
        (
            "jetbrains/asterisk-form.http",
            Method::Options,
            "*",
            ("Host", "http://example.com:8080"),
        ),
        (
            "jetbrains/headers.http",
            Method::Get,
            "http://example.com/api/get?id=15",
            ("From", "user@example.com"),
        ),
    ];
    for (name, method, url, header) in cases {
        let imported = fixture(name);
        let request = only_request(&imported).1;
        assert_eq!(
            (&request.method, request.url.as_str()),
            (&method, url),
            "{name}"
        );
        assert_eq!(headers(request), [header], "{name}");
        assert!(
            imported.warnings.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );
    }
}

#[test]
fn a_jetbrains_file_body_and_multipart_body() {
    let body = fixture_with_files("jetbrains/body-file.http", &[("./input.json", b"{}")]);
    assert_eq!(
        file_body(only_request(&body).1),
        &FileRef::new("./input.json", "", b"{}".to_vec())
    );

    let multipart = fixture("jetbrains/multipart.http");
    let request = only_request(&multipart).1;
    assert!(request.headers.is_empty());
    let input = FileRef {
        name: "input.txt".into(),
        content_type: String::new(),
        data: None,
    };
    assert_eq!(
        parts(request),
        [
            FormPart::text("text", "Text"),
            FormPart::file("file_to_send", Some(input))
        ]
    );
    assert_eq!(
        warnings(&multipart),
        ["POST http://example.com/api/upload: line 11: the part `file_to_send` is the file `./input.txt`, which was not read: attach it before sending"]
    );
}

#[test]
fn variables_with_spaces_and_urls_on_several_lines() {
    let imported = fixture("jetbrains/env-variable.http");
    let request = only_request(&imported).1;
    assert_eq!(request.url, "http://{{host}}/api/get?id={{ element-id }}");
    assert_eq!(query(request), [("id", "{{ element-id }}")]);

    let lines = fixture("jetbrains/url-lines.http");
    assert_eq!(only_request(&lines).1.url, "http://example.com/api/get");
    let encoded = fixture("jetbrains/url-lines-encoded.http");
    assert_eq!(
        only_request(&encoded).1.url,
        "http://example.com/%20api%20+/get+"
    );
}

#[test]
fn blank_lines_around_a_body_are_trimmed() {
    let imported = fixture("jetbrains/body-trimmed.http");
    assert_eq!(
        raw(only_request(&imported).1),
        (RawLanguage::Text, "message-body")
    );
}

#[test]
fn every_fixture_exports_to_a_file_that_imports_the_same() {
    for name in FIXTURES {
        let Ok(imported) = http_file::import(&fixture_text(name), &|_| None) else {
            continue;
        };
        let exported = http_file::export(&imported.collection);
        let again = http_file::import(&exported, &|_| None)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{exported}"));
        assert_eq!(again.collection, imported.collection, "{name}\n{exported}");
    }
}

// Rows switched off, folders and settings

#[test]
fn rows_switched_off_settings_and_folders_are_written_and_read_back() {
    let mut request = Request {
        method: Method::Put,
        url: "https://h/x?a=1".into(),
        query: query_from_url("https://h/x?a=1", &[]),
        headers: vec![
            KeyValue::new("Accept", "text/plain"),
            KeyValue {
                enabled: false,
                key: "X-Debug".into(),
                value: "1".into(),
            },
        ],
        body: Body::Raw {
            language: RawLanguage::Text,
            text: "# not a comment\n// nor this\n@a = b".into(),
        },
        options: RequestOptions {
            timeout_ms: Some(1500),
            redirect: RedirectMode::Manual,
            credentials: CredentialsMode::Omit,
            ..RequestOptions::default()
        },
        ..Request::default()
    };
    let collection = Collection {
        variables: vec![
            KeyValue::new("base", "https://h"),
            KeyValue {
                enabled: false,
                key: "token".into(),
                value: "old".into(),
            },
        ],
        items: vec![CollectionItem::Folder {
            name: "Users".into(),
            items: vec![CollectionItem::Request {
                name: "Update / user".into(),
                request: request.clone(),
            }],
        }],
        ..Collection::default()
    };
    let text = http_file::export(&collection);
    assert_eq!(
        text,
        "@base = https://h\n# @token = old\n\n### Users/Update / user\n# @name Update / user\n# @no-redirect\n# @no-cookie-jar\n# @timeout 1500 ms\nPUT https://h/x?a=1\nAccept: text/plain\n# X-Debug: 1\n\n# not a comment\n// nor this\n@a = b\n\n"
    );
    let imported = http_file::import(&text, &|_| None).expect("imports");
    assert_eq!(imported.collection, collection);
    assert!(imported.warnings.is_empty());

    request.options.timeout_ms = Some(2000);
    let text = http_file::export(&Collection {
        items: vec![CollectionItem::Request {
            name: "r".into(),
            request,
        }],
        ..Collection::default()
    });
    assert!(text.contains("# @timeout 2\n"), "{text}");
}

// Round trip

fn single_line_text() -> impl Strategy<Value = String> {
    "[ -~]{0,24}".prop_map(|s| s.trim().to_string())
}

fn item_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]([A-Za-z0-9 _./-]{0,12}[A-Za-z0-9])?"
}

fn folder_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]([A-Za-z0-9 _.-]{0,10}[A-Za-z0-9])?"
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        proptest::sample::select(Method::STANDARD.to_vec()),
        Just(Method::Custom("PURGE".into())),
        Just(Method::Custom("PROPFIND".into())),
    ]
}

fn url() -> impl Strategy<Value = String> {
    (
        "https?://[a-z]{1,8}(\\.example)?(:[0-9]{2,4})?",
        "(/[a-zA-Z0-9_.~-]{0,6}){0,3}",
        proptest::option::of(
            "[a-z]{1,4}=[a-zA-Z0-9%]{0,5}(&[a-z]{1,4}=(\\{\\{[a-z]{1,4}\\}\\}|[0-9]{0,3})){0,2}",
        ),
    )
        .prop_map(|(origin, path, query)| match query {
            Some(query) => format!("{origin}{path}?{query}"),
            None => format!("{origin}{path}"),
        })
}

fn header() -> impl Strategy<Value = KeyValue> {
    (
        any::<bool>(),
        "[A-Za-z][A-Za-z0-9-]{0,12}",
        single_line_text(),
    )
        .prop_filter("Content-Type comes with the body", |(_, key, _)| {
            !key.eq_ignore_ascii_case("content-type")
        })
        .prop_map(|(enabled, key, value)| KeyValue {
            enabled,
            key,
            value,
        })
}

/// A body line: plain text, or one that looks like `.http` syntax but is body text all the same.
fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ -~]{0,30}",
        1 => proptest::sample::select(vec![
            "# looks like a comment",
            "// so does this",
            "@name = not a variable",
            "GET https://not.a/request",
            "?not=query",
            "Content-Type: not a header",
            "  {\"indented\": true}",
            "## two hashes",
            "<tag>",
            "> quoted mail text",
        ])
        .prop_map(str::to_string),
    ]
    .prop_filter(
        "separators, response handlers and file references end or replace a body",
        |line| {
            let trimmed = line.trim_start();
            !(trimmed.starts_with("###")
                || trimmed.starts_with('>') && !trimmed.starts_with("> quoted")
                || trimmed.starts_with("<>")
                || trimmed.starts_with("< ")
                || trimmed.starts_with("<@"))
        },
    )
}

fn text_block() -> impl Strategy<Value = String> {
    proptest::collection::vec(body_line(), 1..6).prop_map(|lines| lines.join("\n"))
}

/// Raw text whose first and last lines are not blank (the reader trims blank lines around a body).
fn raw_text() -> impl Strategy<Value = String> {
    text_block().prop_filter("no blank first or last line", |text| {
        let lines: Vec<&str> = text.split('\n').collect();
        lines.first().is_some_and(|l| !l.trim().is_empty())
            && lines.last().is_some_and(|l| !l.trim().is_empty())
    })
}

fn part() -> impl Strategy<Value = FormPart> {
    prop_oneof![
        (
            "[a-z]{1,8}",
            prop_oneof![Just(String::new()), text_block()],
            prop_oneof![Just(""), Just("text/plain"), Just("application/json")]
        )
            .prop_map(|(name, value, content_type)| FormPart {
                content_type: content_type.into(),
                ..FormPart::text(name, value)
            }),
        (
            "[a-z]{1,8}",
            "[a-z]{1,8}\\.(png|txt)",
            prop_oneof![Just(""), Just("image/png")]
        )
            .prop_map(|(name, file, content_type)| FormPart {
                content_type: content_type.into(),
                ..FormPart::file(
                    name,
                    Some(FileRef {
                        name: file,
                        content_type: String::new(),
                        data: None
                    })
                )
            }),
    ]
}

/// A body and the Content-Type header that goes with it.
fn body() -> impl Strategy<Value = (Body, Option<&'static str>)> {
    prop_oneof![
        Just((Body::None, None)),
        raw_text().prop_map(|text| (
            Body::Raw {
                language: RawLanguage::Text,
                text
            },
            None
        )),
        (
            proptest::sample::select(vec![
                (RawLanguage::Text, "text/plain"),
                (RawLanguage::Json, "application/json"),
                (RawLanguage::Json, "application/vnd.api+json"),
                (RawLanguage::Xml, "application/xml"),
                (RawLanguage::Html, "text/html; charset=utf-8"),
            ]),
            raw_text()
        )
            .prop_map(|((language, content_type), text)| (
                Body::Raw { language, text },
                Some(content_type)
            )),
        "[a-z]{1,8}\\.bin".prop_map(|name| (
            Body::Binary {
                file: Some(FileRef {
                    name,
                    content_type: String::new(),
                    data: None
                })
            },
            Some("application/octet-stream")
        )),
        proptest::collection::vec(part(), 0..4).prop_map(|parts| (Body::Multipart { parts }, None)),
        graphql_body().prop_map(|body| (body, None)),
    ]
}

/// A GraphQL request whose query has no blank line (a blank line ends REST Client's query).
fn graphql_body() -> impl Strategy<Value = Body> {
    (
        proptest::collection::vec(
            body_line().prop_filter("not blank", |l| !l.trim().is_empty()),
            1..4,
        ),
        proptest::option::of(proptest::collection::btree_map(
            "[a-z]{1,6}",
            prop_oneof![
                "[ -~]{0,8}".prop_map(serde_json::Value::from),
                any::<i32>().prop_map(serde_json::Value::from),
            ],
            0..3,
        )),
        proptest::option::of("[A-Za-z][A-Za-z0-9_]{0,8}"),
    )
        .prop_map(|(lines, variables, operation)| {
            let variables = variables
                .map(|v| serde_json::Value::Object(v.into_iter().collect()))
                .and_then(|v| serde_json::to_string(&v).ok());
            Body::Raw {
                language: RawLanguage::GraphQl,
                text: envelope(
                    &lines.join("\n"),
                    variables.as_deref(),
                    operation.as_deref(),
                ),
            }
        })
}

fn options() -> impl Strategy<Value = RequestOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(0u32..200_000),
    )
        .prop_map(|(no_redirect, no_cookies, timeout_ms)| RequestOptions {
            timeout_ms,
            redirect: if no_redirect {
                RedirectMode::Manual
            } else {
                RedirectMode::Follow
            },
            credentials: if no_cookies {
                CredentialsMode::Omit
            } else {
                CredentialsMode::SameOrigin
            },
            ..RequestOptions::default()
        })
}

fn request() -> impl Strategy<Value = Request> {
    (
        method(),
        url(),
        proptest::collection::vec(header(), 0..4),
        body(),
        options(),
    )
        .prop_map(
            |(method, url, mut headers, (body, content_type), options)| {
                if let Some(content_type) = content_type {
                    headers.push(KeyValue::new("Content-Type", content_type));
                }
                Request {
                    method,
                    query: query_from_url(&url, &[]),
                    url,
                    headers,
                    body,
                    options,
                    ..Request::default()
                }
            },
        )
}

fn request_item() -> impl Strategy<Value = CollectionItem> {
    (item_name(), request()).prop_map(|(name, request)| CollectionItem::Request { name, request })
}

fn items() -> impl Strategy<Value = Vec<CollectionItem>> {
    let folder = (
        folder_name(),
        proptest::collection::vec(request_item(), 1..3),
        proptest::option::of((
            folder_name(),
            proptest::collection::vec(request_item(), 1..2),
        )),
    )
        .prop_map(|(name, mut items, inner)| {
            if let Some((inner_name, inner_items)) = inner {
                items.push(CollectionItem::Folder {
                    name: inner_name,
                    items: inner_items,
                });
            }
            CollectionItem::Folder { name, items }
        });
    proptest::collection::vec(prop_oneof![2 => request_item(), 1 => folder], 1..5).prop_map(
        |mut items| {
            // Neighbouring folders of one name would be read back as one.
            for (index, item) in items.iter_mut().enumerate() {
                if let CollectionItem::Folder { name, .. } = item {
                    name.push_str(&format!(" {index}"));
                }
            }
            items
        },
    )
}

fn variable() -> impl Strategy<Value = KeyValue> {
    (
        any::<bool>(),
        "[a-zA-Z][a-zA-Z0-9_.-]{0,8}",
        single_line_text(),
    )
        .prop_filter(
            "a switched-off `name` reads as a request name",
            |(enabled, key, _)| *enabled || key != "name",
        )
        .prop_map(|(enabled, key, value)| KeyValue {
            enabled,
            key,
            value,
        })
}

fn collection() -> impl Strategy<Value = Collection> {
    (proptest::collection::vec(variable(), 0..4), items())
        .prop_filter("at least one request", |(_, items)| {
            !Collection {
                items: items.clone(),
                ..Collection::default()
            }
            .requests()
            .is_empty()
        })
        .prop_map(|(variables, items)| Collection {
            variables,
            items,
            ..Collection::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_is_the_identity(collection in collection()) {
        let text = http_file::export(&collection);
        let imported = http_file::import(&text, &|_| None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&imported.collection, &collection, "{}", text);
    }

    #[test]
    fn any_text_imports_without_panicking_and_round_trips(text in "(([A-Z]{3,6} |###|# @|< |> \\{%|--b|Content-Type: multipart/form-data; boundary=b|@[a-z] = |  |\t|# |// |&|\\?|< \\{%|%\\}|>> |<> |--b--|Content-Type: application/x-www-form-urlencoded|[A-Z]{1,3}: )?([ -~]|é|\r|\t){0,12}\n){0,14}") {
        if let Ok(imported) = http_file::import(&text, &|_| None) {
            let exported = http_file::export(&imported.collection);
            let again = http_file::import(&exported, &|_| None)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{exported}")))?;
            prop_assert_eq!(&again.collection, &imported.collection, "{}\n---\n{}", text, exported);
        }
    }
}

// Dynamic variables

/// A clock stopped at 2024-02-29 23:59:59.123 UTC (a leap day, a second before March), random numbers
/// taken in turn from a list, and a small environment.
struct FixedSource {
    now: i64,
    randoms: Vec<u64>,
    next: usize,
    env: HashMap<&'static str, &'static str>,
}

impl FixedSource {
    fn leap_day() -> FixedSource {
        FixedSource {
            now: 1_709_251_199_123,
            randoms: vec![0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 1000],
            next: 0,
            env: HashMap::from([("USERNAME", "sam"), ("HOME", "/home/sam")]),
        }
    }
}

impl DynamicSource for FixedSource {
    fn now_unix_ms(&mut self) -> i64 {
        self.now
    }

    fn random_u64(&mut self) -> u64 {
        let value = self.randoms[self.next % self.randoms.len()];
        self.next += 1;
        value
    }

    fn env(&mut self, name: &str) -> Option<String> {
        self.env.get(name).map(|v| v.to_string())
    }
}

fn expand(text: &str) -> String {
    http_file::expand_dynamic(text, &mut FixedSource::leap_day())
}

#[test]
fn dynamic_variables_from_a_fixed_clock_and_random_source() {
    let uuid = "01234567-89ab-4def-bedc-ba9876543210";
    let cases = [
        ("{{$guid}}", uuid),
        ("{{$uuid}}", uuid),
        ("{{ $random.uuid }}", uuid),
        ("{{$timestamp}}", "1709251199"),
        ("{{$timestamp -1 d}}", "1709164799"),
        ("{{$timestamp 1 d}}", "1709337599"),
        ("{{$timestamp -3 h}}", "1709240399"),
        ("{{$isoTimestamp}}", "2024-02-29T23:59:59.123Z"),
        ("{{$datetime iso8601}}", "2024-02-29T23:59:59.123Z"),
        ("{{$datetime rfc1123}}", "Thu, 29 Feb 2024 23:59:59 GMT"),
        // Offsets crossing a month, a year, leap and non-leap years (the day is clamped).
        ("{{$datetime iso8601 877 ms}}", "2024-03-01T00:00:00.000Z"),
        ("{{$datetime iso8601 1 s}}", "2024-03-01T00:00:00.123Z"),
        ("{{$datetime iso8601 1 y}}", "2025-02-28T23:59:59.123Z"),
        ("{{$datetime iso8601 -4 y}}", "2020-02-29T23:59:59.123Z"),
        ("{{$datetime 'YYYY-MM-DD' 76 y}}", "2100-02-28"),
        ("{{$datetime 'YYYY-MM-DD' -24 y}}", "2000-02-29"),
        ("{{$datetime 'YYYY-MM-DD' -1 M}}", "2024-01-29"),
        ("{{$datetime \"DD-MM-YYYY\" 1 M}}", "29-03-2024"),
        ("{{$datetime 'YYYY-MM-DD' 1 w}}", "2024-03-07"),
        ("{{$datetime 'YYYY-MM-DD HH:mm' 1 m}}", "2024-03-01 00:00"),
        ("{{$datetime 'D/M/YY H:m:s' -1 M}}", "29/1/24 23:59:59"),
        (
            "{{$datetime \"dddd, MMMM D, YYYY h:mm A [at] SSS Z ZZ\"}}",
            "Thursday, February 29, 2024 11:59 PM at 123 +00:00 +0000",
        ),
        (
            "{{$datetime 'ddd dd d a X x'}}",
            "Thu Th 4 pm 1709251199 1709251199123",
        ),
        (
            "{{$localDatetime 'YYYY-MM-DDTHH:mm:ssZ'}}",
            "2024-02-29T23:59:59+00:00",
        ),
        (
            "{{$localDatetime rfc1123 -1 d}}",
            "Wed, 28 Feb 2024 23:59:59 GMT",
        ),
        ("{{$datetime '[YYYY] hh'}}", "YYYY 11"),
        // The random source gives 0x0123456789abcdef first: 5 + 81985529216486895 % 195 = 95.
        ("{{$randomInt 5 200}}", "95"),
        ("{{$random.integer(-10, 10)}}", "5"),
        ("{{$processEnv USERNAME}}", "sam"),
        ("{{$env.HOME}}", "/home/sam"),
        // Left as written: unknown, unset, needing what the runner lacks, or with bad arguments.
        ("{{$processEnv MISSING}}", "{{$processEnv MISSING}}"),
        ("{{$processEnv %secretKey}}", "{{$processEnv %secretKey}}"),
        ("{{$dotenv USERNAME}}", "{{$dotenv USERNAME}}"),
        ("{{$aadToken}}", "{{$aadToken}}"),
        ("{{$randomInt 5 5}}", "{{$randomInt 5 5}}"),
        ("{{$randomInt five 9}}", "{{$randomInt five 9}}"),
        ("{{$timestamp 1 q}}", "{{$timestamp 1 q}}"),
        ("{{$timestamp 1}}", "{{$timestamp 1}}"),
        ("{{$datetime YYYY}}", "{{$datetime YYYY}}"),
        ("{{$datetime 'YYYY}}", "{{$datetime 'YYYY}}"),
        (
            "{{$datetime iso8601 99999999999 y}}",
            "{{$datetime iso8601 99999999999 y}}",
        ),
        ("{{host}}/{{$guid", "{{host}}/{{$guid"),
        ("é{{$timestamp}}ü", "é1709251199ü"),
    ];
    for (text, expected) in cases {
        assert_eq!(expand(text), expected, "{text}");
    }
}

#[test]
fn each_uuid_takes_fresh_random_numbers() {
    let mut source = FixedSource::leap_day();
    let text = http_file::expand_dynamic("{{$guid}} {{$guid}}", &mut source);
    let (first, second) = text.split_once(' ').expect("two");
    assert_ne!(first, second);
    assert_eq!(second.len(), 36);
    assert_eq!(&second[14..15], "4", "version 4: {second}");
    assert!(
        "89ab".contains(&second[19..20]),
        "RFC 4122 variant: {second}"
    );
}

/// reqlab's checks travel in `.http` files as `# @check` settings comments (other clients skip them): a
/// subject with spaces, a JSONPath holding `==`, a capture and a switched-off check come back as they were.
#[test]
fn checks_round_trip_as_check_comments() {
    let mut off = KeyValue::new("time", "less_than 500");
    off.enabled = false;
    let request = Request {
        method: Method::Get,
        url: "https://example.com/items".into(),
        checks: vec![
            KeyValue::new("status", "equals 200"),
            KeyValue::new("header Content-Type", "contains json"),
            KeyValue::new("$.items[?@.state == 'open'].id", "one_of 1, 2"),
            KeyValue::new("$.token", "set token"),
            off,
        ],
        ..Request::default()
    };
    let collection = Collection {
        items: vec![CollectionItem::Request {
            name: "items".into(),
            request,
        }],
        ..Collection::default()
    };
    let text = http_file::export(&collection);
    assert!(
        text.contains("# @check $.items[?@.state == 'open'].id one_of 1, 2\n"),
        "{text}"
    );
    assert!(text.contains("# @check-off time less_than 500\n"), "{text}");
    let back = http_file::import(&text, &|_| None).expect("imports");
    assert_eq!(back.collection, collection);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);

    let unreadable = http_file::import("# @check status\nGET https://example.com\n", &|_| None)
        .expect("imports");
    assert!(
        unreadable.warnings[0]
            .to_string()
            .contains("`@check status` is not a check"),
        "{:?}",
        unreadable.warnings
    );
}

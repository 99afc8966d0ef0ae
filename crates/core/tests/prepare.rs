//! Prepare stage: every body mode, auth kind, variable case and query/URL case, including unicode, reserved
//! characters, empty values, duplicate keys and disabled rows.

use reqlab_core::edit::model::{RedirectMode, RequestOptions};
use reqlab_core::prepare::url::UrlError;
use reqlab_core::{
    prepare, prepare_for, ApiKeyLocation, Auth, Body, Environment, Field, FileRef, FormPart,
    KeyValue, Method, PrepareError, PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue,
    RawLanguage, Request, Sender,
};

fn rows(pairs: &[(&str, &str)]) -> Vec<KeyValue> {
    pairs.iter().map(|(k, v)| KeyValue::new(*k, *v)).collect()
}

fn off(key: &str, value: &str) -> KeyValue {
    KeyValue {
        enabled: false,
        ..KeyValue::new(key, value)
    }
}

fn get(url: &str) -> Request {
    Request {
        url: url.into(),
        ..Request::default()
    }
}

fn post(body: Body) -> Request {
    Request {
        method: Method::Post,
        url: "http://h/p".into(),
        body,
        ..Request::default()
    }
}

fn env(pairs: &[(&str, &str)]) -> Environment {
    Environment {
        name: "test".into(),
        variables: rows(pairs),
    }
}

fn ok(request: &Request) -> reqlab_core::PreparedRequest {
    prepare(request, &Environment::default()).unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

fn header<'a>(prepared: &'a reqlab_core::PreparedRequest, name: &str) -> Vec<&'a str> {
    prepared
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn headers_keep_order_and_repeats_and_skip_disabled_and_blank_rows() {
    let mut request = get("http://h/");
    request.headers = rows(&[
        ("X-A", "1"),
        ("X-B", " 2 "),
        ("x-a", "3"),
        ("", ""),
        ("X-Empty", ""),
    ]);
    request.headers.push(off("X-Off", "no"));
    let prepared = ok(&request);
    let got: Vec<(&str, &str)> = prepared
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        got,
        [("X-A", "1"), ("X-B", "2"), ("x-a", "3"), ("X-Empty", "")]
    );
    assert_eq!(prepared.body, PreparedBody::None);
}

#[test]
fn raw_bodies_get_their_language_content_type_unless_one_is_set() {
    let cases = [
        (RawLanguage::Text, "text/plain;charset=UTF-8"),
        (RawLanguage::Json, "application/json"),
        (RawLanguage::Xml, "application/xml"),
        (RawLanguage::Html, "text/html;charset=UTF-8"),
    ];
    for (language, content_type) in cases {
        let prepared = ok(&post(Body::Raw {
            language,
            text: "héllo ✓".into(),
        }));
        assert_eq!(header(&prepared, "content-type"), [content_type]);
        assert_eq!(prepared.body, PreparedBody::Text("héllo ✓".into()));
    }
    let mut request = post(Body::Raw {
        language: RawLanguage::Json,
        text: "{}".into(),
    });
    request.headers = rows(&[("content-type", "application/vnd.api+json")]);
    assert_eq!(
        header(&ok(&request), "content-type"),
        ["application/vnd.api+json"]
    );
    let empty = ok(&post(Body::Raw {
        language: RawLanguage::Json,
        text: String::new(),
    }));
    assert_eq!((empty.body, empty.headers.len()), (PreparedBody::None, 0));
}

#[test]
fn url_encoded_fields_keep_duplicates_and_order_and_encode_like_browsers() {
    let mut fields = rows(&[
        ("name", "Peter Parker"),
        ("tag", "a"),
        ("tag", "b&c=d"),
        ("e", "é*~"),
        ("", ""),
    ]);
    fields.insert(1, off("off", "x"));
    let prepared = ok(&post(Body::UrlEncoded { fields }));
    let PreparedBody::UrlEncoded(pairs) = &prepared.body else {
        panic!("form body expected: {:?}", prepared.body);
    };
    assert_eq!(pairs.len(), 4);
    assert_eq!(
        PreparedBody::url_encoded(pairs),
        "name=Peter+Parker&tag=a&tag=b%26c%3Dd&e=%C3%A9*%7E"
    );
    assert_eq!(
        header(&prepared, "content-type"),
        ["application/x-www-form-urlencoded"]
    );
    let nothing = ok(&post(Body::UrlEncoded {
        fields: vec![off("a", "1")],
    }));
    assert_eq!(nothing.body, PreparedBody::None);
}

#[test]
fn multipart_keeps_parts_in_order_with_files_and_sets_no_content_type() {
    let file = FileRef::new("photo.png", "image/png", vec![1, 2, 3]);
    let parts = vec![
        FormPart::text("title", "Holiday"),
        FormPart {
            enabled: false,
            ..FormPart::text("skipped", "x")
        },
        FormPart::file("photo", Some(file.clone())),
        FormPart::text("", ""),
        FormPart {
            content_type: " application/json ".into(),
            ..FormPart::text("meta", "{}")
        },
        FormPart {
            content_type: "image/webp".into(),
            ..FormPart::file("typed", Some(file.clone()))
        },
    ];
    let prepared = ok(&post(Body::Multipart { parts }));
    assert_eq!(
        prepared.body,
        PreparedBody::Multipart(vec![
            PreparedPart::text("title", "Holiday"),
            PreparedPart {
                name: "photo".into(),
                value: PreparedPartValue::File(file.clone()),
                content_type: None,
            },
            // A text part's own type goes with it; a file part's replaces the file's.
            PreparedPart {
                content_type: Some("application/json".into()),
                ..PreparedPart::text("meta", "{}")
            },
            PreparedPart {
                name: "typed".into(),
                value: PreparedPartValue::File(FileRef {
                    content_type: "image/webp".into(),
                    ..file
                }),
                content_type: None,
            },
        ])
    );
    assert!(
        header(&prepared, "content-type").is_empty(),
        "the client writes the boundary"
    );
}

#[test]
fn incomplete_bodies_are_explained() {
    let no_file = post(Body::Multipart {
        parts: vec![FormPart::file("upload", None)],
    });
    assert_eq!(
        prepare(&no_file, &Environment::default()),
        Err(PrepareError::PartWithoutFile {
            row: 1,
            name: "upload".into()
        })
    );
    let no_name = post(Body::Multipart {
        parts: vec![FormPart::text("", "v")],
    });
    assert_eq!(
        prepare(&no_name, &Environment::default()),
        Err(PrepareError::PartWithoutName { row: 1 })
    );
    let injected_type = post(Body::Multipart {
        parts: vec![FormPart {
            content_type: "text/plain\r\nX-Injected: 1".into(),
            ..FormPart::text("a", "v")
        }],
    });
    assert_eq!(
        prepare(&injected_type, &Environment::default()),
        Err(PrepareError::InvalidPartType {
            row: 1,
            name: "a".into()
        })
    );
    assert_eq!(
        prepare(&post(Body::Binary { file: None }), &Environment::default()),
        Err(PrepareError::BinaryWithoutFile)
    );
}

#[test]
fn binary_bodies_use_the_file_type_or_octet_stream() {
    let typed = ok(&post(Body::Binary {
        file: Some(FileRef::new("a.pdf", "application/pdf", vec![0])),
    }));
    assert_eq!(header(&typed, "content-type"), ["application/pdf"]);
    let untyped = ok(&post(Body::Binary {
        file: Some(FileRef::new("a.bin", "", vec![0])),
    }));
    assert_eq!(
        header(&untyped, "content-type"),
        ["application/octet-stream"]
    );
}

#[test]
fn every_body_has_its_wire_bytes_and_only_multipart_adds_a_content_type() {
    let wire = |body: Body| ok(&post(body)).body.wire().map_err(|f| f.name.clone());
    assert_eq!(wire(Body::None), Ok((Vec::new(), None)));
    let raw = Body::Raw {
        language: RawLanguage::Text,
        text: "é".into(),
    };
    assert_eq!(wire(raw), Ok(("é".as_bytes().to_vec(), None)));
    let fields = Body::UrlEncoded {
        fields: rows(&[("a b", "1&2")]),
    };
    assert_eq!(wire(fields), Ok((b"a+b=1%262".to_vec(), None)));
    let file = |data: Option<Vec<u8>>| Body::Binary {
        file: Some(FileRef {
            data: data.map(Into::into),
            ..FileRef::new("a.bin", "", Vec::new())
        }),
    };
    assert_eq!(wire(file(Some(vec![0, 255]))), Ok((vec![0, 255], None)));
    assert_eq!(wire(file(None)), Err("a.bin".to_string()));
    let parts = Body::Multipart {
        parts: vec![FormPart::text("k", "v")],
    };
    let (bytes, content_type) = wire(parts).expect("no files");
    let content_type = content_type.expect("multipart names its boundary");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("a multipart type");
    let text = String::from_utf8(bytes).expect("text parts");
    assert!(text.starts_with(&format!("--{boundary}\r\n")), "{text}");
    assert!(text.ends_with(&format!("--{boundary}--\r\n")), "{text}");
}

#[test]
fn every_auth_kind_becomes_a_header_or_query_parameter() {
    // (auth, URL when it goes in the query, header when it goes in a header)
    type Case<'a> = (Auth, &'a str, Option<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            Auth::Basic {
                username: "peter".into(),
                password: "pä:ss".into(),
            },
            "http://h/p",
            Some(("Authorization", "Basic cGV0ZXI6cMOkOnNz")),
        ),
        (
            Auth::Basic {
                username: String::new(),
                password: String::new(),
            },
            "http://h/p",
            Some(("Authorization", "Basic Og==")),
        ),
        (
            Auth::Bearer {
                token: "t0k.en".into(),
            },
            "http://h/p",
            Some(("Authorization", "Bearer t0k.en")),
        ),
        (
            Auth::ApiKey {
                name: "X-Key".into(),
                value: "k1".into(),
                location: ApiKeyLocation::Header,
            },
            "http://h/p",
            Some(("X-Key", "k1")),
        ),
        (
            Auth::ApiKey {
                name: "api key".into(),
                value: "a&b".into(),
                location: ApiKeyLocation::Query,
            },
            "http://h/p?x=1&api+key=a%26b",
            None,
        ),
    ];
    for (auth, url, expected_header) in cases {
        let mut request = get("http://h/p?x=1");
        // A hand-written Authorization header is replaced by the auth settings, not sent twice.
        request.headers = rows(&[("authorization", "old")]);
        request.auth = auth.clone();
        let prepared = ok(&request);
        match expected_header {
            Some((name, value)) => {
                assert_eq!(header(&prepared, name), [value], "{auth:?}");
                assert_eq!(prepared.url.to_string(), "http://h/p?x=1");
            }
            None => assert_eq!(prepared.url.to_string(), url, "{auth:?}"),
        }
        assert_ne!(prepared.auth, PreparedAuth::None);
    }
}

#[test]
fn bad_auth_settings_are_explained() {
    let cases = [
        (
            Auth::Basic {
                username: "a:b".into(),
                password: String::new(),
            },
            PrepareError::ColonInBasicUser,
        ),
        (
            Auth::ApiKey {
                name: " ".into(),
                value: "v".into(),
                location: ApiKeyLocation::Header,
            },
            PrepareError::ApiKeyWithoutName,
        ),
        (
            Auth::Bearer { token: " ".into() },
            PrepareError::BearerWithoutToken,
        ),
    ];
    for (auth, expected) in cases {
        let mut request = get("http://h/");
        request.auth = auth;
        assert_eq!(prepare(&request, &Environment::default()), Err(expected));
    }
    let mut request = get("http://h/");
    request.auth = Auth::Bearer {
        token: "a\nInjected: 1".into(),
    };
    let err = prepare(&request, &Environment::default()).expect_err("a line break in the token");
    assert!(
        err.to_string()
            .starts_with("Auth: The value of header \"Authorization\""),
        "{err}"
    );
}

#[test]
fn the_query_table_is_the_truth_when_present() {
    let mut request = get("http://h/p?stale=1#frag");
    request.query = rows(&[("q", "a b&c"), ("q", "ü"), ("empty", "")]);
    request.query.insert(1, off("debug", "1"));
    assert_eq!(
        ok(&request).url.to_string(),
        "http://h/p?q=a%20b%26c&q=%C3%BC&empty"
    );
    let plain = get("http://h/p?kept=1");
    assert_eq!(ok(&plain).url.to_string(), "http://h/p?kept=1");
}

#[test]
fn path_variables_are_substituted_and_encoded() {
    let mut request = get("http://h/users/:id/files/{name}");
    request.path_variables = rows(&[("id", "4 2"), ("name", "a/b?c")]);
    assert_eq!(
        ok(&request).url.to_string(),
        "http://h/users/4%202/files/a%2Fb%3Fc"
    );
}

#[test]
fn variables_resolve_everywhere_and_every_unknown_one_is_named() {
    let variables = env(&[
        ("host", "example.com"),
        ("token", "abc"),
        ("id", "7"),
        ("v", "x y"),
    ]);
    let request = Request {
        method: Method::Post,
        url: "https://{{host}}/items/:id".into(),
        query: rows(&[("q", "{{v}}")]),
        path_variables: rows(&[("id", "{{id}}")]),
        headers: rows(&[("X-Host", "{{ host }}")]),
        body: Body::UrlEncoded {
            fields: rows(&[("v", "{{v}}")]),
        },
        auth: Auth::Bearer {
            token: "{{token}}".into(),
        },
        options: RequestOptions::default(),
        // Checks are read after the answer (`check`), not by prepare.
        ..Request::default()
    };
    let prepared = prepare(&request, &variables).expect("all variables known");
    assert_eq!(
        prepared.url.to_string(),
        "https://example.com/items/7?q=x%20y"
    );
    assert_eq!(header(&prepared, "x-host"), ["example.com"]);
    assert_eq!(header(&prepared, "authorization"), ["Bearer abc"]);
    assert_eq!(
        prepared.body,
        PreparedBody::UrlEncoded(vec![("v".into(), "x y".into())])
    );

    let mut unknown = get("https://{{a}}/{{b}}/{{a}}");
    unknown.headers = vec![off("X", "{{switched_off_rows_need_no_value}}")];
    let err = prepare(&unknown, &variables).expect_err("unknown variables");
    assert_eq!(
        err,
        PrepareError::UnknownVariables(vec!["a".into(), "b".into()])
    );
    assert_eq!(
        err.to_string(),
        "Unknown variables: {{a}}, {{b}}. Define them in the environment or remove the braces."
    );
    let literal = ok(&get("http://h/?q={{x"));
    assert_eq!(
        literal.url.to_string(),
        "http://h/?q=%7B%7Bx",
        "an unclosed {{ is text"
    );
}

#[test]
fn what_the_browser_would_refuse_is_refused_with_a_reason() {
    let with_headers = |pairs: &[(&str, &str)]| Request {
        headers: rows(pairs),
        ..get("http://h/")
    };
    let cases = [
        (
            Request {
                method: Method::parse("GE T"),
                ..get("http://h/")
            },
            PrepareError::InvalidMethod("GE T".into()),
        ),
        (
            with_headers(&[("", "v")]),
            PrepareError::HeaderWithoutName { row: 1 },
        ),
        (
            with_headers(&[("A", "1"), ("Bad Name", "v")]),
            PrepareError::InvalidHeaderName {
                row: 2,
                name: "Bad Name".into(),
            },
        ),
        (
            with_headers(&[("X", "a\r\nInjected: 1")]),
            PrepareError::InvalidHeaderValue {
                row: 1,
                name: "X".into(),
            },
        ),
        (
            Request {
                body: Body::Raw {
                    language: RawLanguage::Text,
                    text: "body".into(),
                },
                ..get("http://h/")
            },
            PrepareError::BodyNotAllowed(Method::Get),
        ),
        (get("nohost"), PrepareError::Url(UrlError::MissingScheme)),
    ];
    for (request, expected) in cases {
        assert_eq!(prepare(&request, &Environment::default()), Err(expected));
    }
}

#[test]
fn options_travel_with_the_prepared_request() {
    let mut request = get("http://h/");
    request.options = RequestOptions {
        timeout_ms: Some(1500),
        redirect: RedirectMode::Manual,
        ..RequestOptions::default()
    };
    assert_eq!(ok(&request).options, request.options);
}

#[test]
fn the_browsers_limits_bind_the_browser_only() {
    let with_body = |method: Method, url: &str| Request {
        method,
        body: Body::Raw {
            language: RawLanguage::Text,
            text: "body".into(),
        },
        ..get(url)
    };
    let env = Environment::default();
    let cases = [
        (
            with_body(Method::Get, "http://h/"),
            PrepareError::BodyNotAllowed(Method::Get),
        ),
        (
            with_body(Method::Head, "http://h/"),
            PrepareError::BodyNotAllowed(Method::Head),
        ),
        (get("http://h:1/"), PrepareError::BlockedPort(1)),
        (get("https://h:6667/irc"), PrepareError::BlockedPort(6667)),
        (get("http://h:10080/"), PrepareError::BlockedPort(10080)),
    ];
    for (request, expected) in cases {
        assert!(expected.is_browser_limit());
        assert_eq!(
            expected.field(),
            if matches!(expected, PrepareError::BlockedPort(_)) {
                Field::Url
            } else {
                Field::Body
            }
        );
        assert_eq!(
            prepare(&request, &env),
            Err(expected.clone()),
            "{}",
            request.url
        );
        // A server sends it as it is: the body and the port are kept.
        let prepared = prepare_for(&request, &env, Sender::Server).expect("a server sends it");
        assert_eq!(prepared.url.to_string(), request.url);
        assert_eq!(prepared.method, request.method);
        if !matches!(expected, PrepareError::BlockedPort(_)) {
            assert_eq!(prepared.body, PreparedBody::Text("body".into()));
        }
    }
    // Ports next to blocked ones, the default ports, and the usual development ports are fine.
    for url in [
        "http://h:2/",
        "http://h:8080/",
        "https://h:443/",
        "http://h:6670/",
        "http://h/",
    ] {
        assert!(prepare(&get(url), &env).is_ok(), "{url}");
    }
    // HTTP's own rules bind a server too.
    assert!(!PrepareError::BearerWithoutToken.is_browser_limit());
    assert_eq!(
        prepare_for(&get("nohost"), &env, Sender::Server),
        Err(PrepareError::Url(UrlError::MissingScheme))
    );
}

fn graphql(text: &str) -> Body {
    Body::Raw {
        language: RawLanguage::GraphQl,
        text: text.into(),
    }
}

#[test]
fn a_graphql_body_is_sent_as_the_json_it_is_on_post() {
    let envelope = r#"{"query":"query Q($id: ID!) { node(id: $id) { id } }","variables":{"id":"{{id}}"},"operationName":"Q"}"#;
    let prepared = prepare(&post(graphql(envelope)), &env(&[("id", "7")])).unwrap();
    assert_eq!(
        prepared.body,
        PreparedBody::Text(envelope.replace("{{id}}", "7"))
    );
    assert_eq!(
        prepared.headers,
        vec![("Content-Type".to_string(), "application/json".to_string())]
    );
}

#[test]
fn a_graphql_body_on_get_travels_in_the_url_as_graphql_over_http_has_it() {
    let mut request = get("http://h/graphql?keep=1");
    request.body = graphql(
        r#"{"query":"query Q($n: Int) { a(n: $n) }","variables":{"n":2},"operationName":"Q"}"#,
    );
    let prepared = prepare(&request, &env(&[])).unwrap();
    assert_eq!(prepared.body, PreparedBody::None);
    assert!(prepared.headers.is_empty(), "{:?}", prepared.headers);
    // Read back with the query table's own decoding: each member whole, JSON for the variables.
    let url = prepared.url.to_string();
    let decoded = reqlab_core::edit::query::query_from_url(&url, &[]);
    assert_eq!(
        decoded,
        rows(&[
            ("keep", "1"),
            ("query", "query Q($n: Int) { a(n: $n) }"),
            ("operationName", "Q"),
            ("variables", r#"{"n":2}"#),
        ])
    );
}

#[test]
fn a_graphql_body_on_get_leaves_out_what_it_does_not_have() {
    let mut request = get("http://h/graphql");
    request.body = graphql(r#"{"query":"{ a }","variables":null,"operationName":""}"#);
    let prepared = prepare(&request, &env(&[])).unwrap();
    assert_eq!(prepared.url.query.as_deref(), Some("query=%7B%20a%20%7D"));
    // Text that is no JSON object stays a body, which a browser's GET cannot carry: the send says so.
    request.body = graphql("{ a }");
    assert!(matches!(
        prepare(&request, &env(&[])),
        Err(PrepareError::BodyNotAllowed(Method::Get))
    ));
}

#[test]
fn a_graphql_envelope_on_get_is_read_as_json_reads_it() {
    let mut request = get("http://h/graphql");
    request.body = graphql(
        "{ \"operationName\" : \"Q\",\n \"variables\": {\"s\": \"a}\\\"b\", \"l\": [1, {\"x\": null}]},\n \"query\": \"query Q { a(s: \\\"\\u00e9\\ud83d\\ude00\\\\n\\\") }\", \"extensions\": null }",
    );
    let prepared = prepare(&request, &env(&[])).unwrap();
    let decoded = reqlab_core::edit::query::query_from_url(&prepared.url.to_string(), &[]);
    assert_eq!(
        decoded,
        rows(&[
            ("query", "query Q { a(s: \"é😀\\n\") }"),
            ("operationName", "Q"),
            ("variables", r#"{"s": "a}\"b", "l": [1, {"x": null}]}"#),
        ])
    );
    // Trailing text after the object: not an envelope.
    request.body = graphql(r#"{"query":"{ a }"} x"#);
    assert!(prepare(&request, &env(&[])).is_err());
}

#[test]
fn a_graphql_body_to_a_websocket_stays_the_subscription_payload() {
    let mut request = get("ws://h/graphql");
    let envelope = r#"{"query":"subscription { tick }"}"#;
    request.body = graphql(envelope);
    let prepared = prepare(&request, &env(&[])).unwrap();
    assert_eq!(prepared.url.query, None);
    assert_eq!(prepared.body, PreparedBody::Text(envelope.into()));
}

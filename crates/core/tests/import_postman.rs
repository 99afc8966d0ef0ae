//! Postman import: collections as Postman exports them become folders of requests with their variables and
//! inherited auth, what reqlab cannot keep is named in warnings, reqlab's own export imports back to the
//! same prepared requests, and bad documents name the field at fault.

mod support;

use reqlab_core::edit::graphql_body::{self, envelope};
use reqlab_core::edit::signed_auth::{OAuth2, OAuthGrant};
use reqlab_core::import::postman::{self, PostmanError};
use reqlab_core::import::{Collection, CollectionItem, ImportedCollection};
use reqlab_core::{
    prepare, Auth, Body, Environment, KeyValue, PartValue, PreparedBody, PreparedPartValue,
    PreparedRequest, RawLanguage, Request,
};
use serde_json::json;
use support::fixtures::{fixture_requests, tests_dir};

fn fixture_text(name: &str) -> String {
    let path = tests_dir()
        .join("fixtures/postman")
        .join(format!("{name}.postman_collection.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> ImportedCollection {
    postman::import(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn request(value: serde_json::Value) -> Request {
    serde_json::from_value(value).expect("expected request JSON is valid")
}

fn warnings(imported: &ImportedCollection) -> Vec<String> {
    imported.warnings.iter().map(ToString::to_string).collect()
}

fn find<'a>(collection: &'a Collection, path: &str) -> &'a Request {
    collection
        .find(path)
        .unwrap_or_else(|| panic!("no request {path:?} in {:?}", paths(collection)))
}

fn paths(collection: &Collection) -> Vec<String> {
    collection.requests().into_iter().map(|(p, _)| p).collect()
}

/// Prepares with the collection's variables, plus `extra` for those a Postman environment would give.
fn prepared(collection: &Collection, path: &str, extra: &[(&str, &str)]) -> PreparedRequest {
    let mut env = collection.environment();
    env.variables
        .extend(extra.iter().map(|(k, v)| KeyValue::new(*k, *v)));
    prepare(find(collection, path), &env).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn header<'a>(prepared: &'a PreparedRequest, name: &str) -> Option<&'a str> {
    prepared
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Postman names files and never carries their bytes, so the comparison leaves the bytes out on both sides.
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
fn users_api_folders_variables_and_inherited_auth() {
    let imported = fixture("users_api");
    let c = &imported.collection;
    assert_eq!(c.name, "Users API");
    assert_eq!(
        paths(c),
        [
            "Users/List users",
            "Users/Create user",
            "Users/Get user",
            "Users/Admin/Reset password",
            "Users/Admin/Health (no auth)",
        ]
    );
    assert_eq!(
        c.variables,
        [
            KeyValue::new("baseUrl", "https://api.example.com/v1"),
            KeyValue::new("token", "eyJhbGciOiJIUzI1NiJ9.e30.sig"),
            KeyValue {
                enabled: false,
                ..KeyValue::new("legacyHost", "https://old.example.com")
            },
        ]
    );
    let expected = request(json!({
        "method": "GET",
        "url": "{{baseUrl}}/users?page=2&per_page=20&q=ann%20lee",
        "query": [
            {"key": "page", "value": "2"},
            {"enabled": false, "key": "sort", "value": "name desc"},
            {"key": "per_page", "value": "20"},
            {"key": "q", "value": "ann lee"},
        ],
        "headers": [
            {"key": "Accept", "value": "application/json"},
            {"enabled": false, "key": "X-Debug", "value": "1"},
        ],
        "auth": {"kind": "bearer", "token": "{{token}}"},
    }));
    assert_eq!(find(c, "Users/List users"), &expected);

    let list = prepared(c, "Users/List users", &[]);
    assert_eq!(
        list.url.to_string(),
        "https://api.example.com/v1/users?page=2&per_page=20&q=ann%20lee"
    );
    assert_eq!(
        list.headers,
        [
            ("Accept".to_string(), "application/json".to_string()),
            (
                "Authorization".to_string(),
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig".to_string()
            ),
        ],
        "the switched-off header stays out, the collection's bearer token comes in"
    );

    let create = find(c, "Users/Create user");
    assert_eq!(
        create.body,
        Body::Raw {
            language: RawLanguage::Json,
            text: "{\n    \"name\": \"Ann Lee\",\n    \"email\": \"ann@example.com\",\n    \"roles\": [\"editor\"]\n}"
                .into()
        }
    );
    let create = prepared(c, "Users/Create user", &[("$guid", "g-1")]);
    assert_eq!(header(&create, "content-type"), Some("application/json"));
    assert_eq!(header(&create, "x-request-id"), Some("g-1"));

    let get = prepared(c, "Users/Get user", &[]);
    assert_eq!(get.url.to_string(), "https://api.example.com/v1/users/42");

    // The Admin folder's Basic auth overrides the collection's bearer token for the requests inside it.
    let reset = find(c, "Users/Admin/Reset password");
    assert_eq!(
        reset.auth,
        Auth::Basic {
            username: "admin".into(),
            password: "{{adminPassword}}".into()
        }
    );
    let reset = prepared(
        c,
        "Users/Admin/Reset password",
        &[("adminPassword", "s3cret")],
    );
    assert_eq!(
        header(&reset, "authorization"),
        Some("Basic YWRtaW46czNjcmV0")
    );
    assert_eq!(
        reset.body,
        PreparedBody::UrlEncoded(vec![
            ("email".into(), "ann@example.com".into()),
            ("reason".into(), "forgot it & more".into()),
        ]),
        "the switched-off field is not sent"
    );
    // `noauth` stops the inheritance.
    assert_eq!(find(c, "Users/Admin/Health (no auth)").auth, Auth::None);

    assert_eq!(
        warnings(&imported),
        [
            "The collection: the test script is left out: reqlab does not run scripts.",
            "Users/Create user: the pre-request script is left out: reqlab does not run scripts.",
            "Variables used but not defined in the collection: {{adminPassword}}. They may come from a Postman environment or globals: define them before sending.",
            "Postman's dynamic variables {{$guid}} have no value in reqlab: define them before sending.",
            "2 descriptions are left out: reqlab collections do not keep descriptions.",
        ],
        "empty scripts (Postman exports `[\"\"]`) are not worth a warning"
    );
}

#[test]
fn media_uploads_form_data_file_body_api_key_and_unsupported_auth() {
    let imported = fixture("media_uploads");
    let c = &imported.collection;
    assert_eq!(
        paths(c),
        [
            "Upload photo",
            "Replace raw image",
            "Partner API/Sync albums"
        ]
    );
    let upload = find(c, "Upload photo");
    let Body::Multipart { parts } = &upload.body else {
        panic!("multipart expected: {:?}", upload.body);
    };
    let summary: Vec<(bool, &str, String, &str)> = parts
        .iter()
        .map(|p| {
            let value = match &p.value {
                PartValue::Text { value } => format!("text {value}"),
                PartValue::File { file: Some(f) } => format!("file {} {}", f.name, f.content_type),
                PartValue::File { file: None } => "no file".into(),
            };
            (p.enabled, p.name.as_str(), value, p.content_type.as_str())
        })
        .collect();
    // A text field's contentType is its own Content-Type; a file's stays the file's.
    assert_eq!(
        summary,
        [
            (true, "title", "text Beach, day 1".to_string(), ""),
            (true, "photo", "file beach.jpg image/jpeg".to_string(), ""),
            (true, "thumbnails", "file thumb-s.png ".to_string(), ""),
            (true, "thumbnails", "file thumb-m.png ".to_string(), ""),
            (false, "draft", "text true".to_string(), ""),
            (
                true,
                "meta",
                "text {\"camera\": \"X100\"}".to_string(),
                "application/json"
            ),
        ]
    );
    assert_eq!(
        upload.options.redirect,
        reqlab_core::edit::model::RedirectMode::Manual,
        "followRedirects: false"
    );
    // The collection's API key goes into the query of every request that inherits it.
    let sent = prepared(c, "Upload photo", &[]);
    assert_eq!(
        sent.url.to_string(),
        "https://media.example.com/photos?api_key=k-123"
    );

    let replace = find(c, "Replace raw image");
    let expected = request(json!({
        "method": "PUT",
        "url": "{{host}}/photos/7/raw",
        "body": {"mode": "binary", "file": {"name": "logo.png", "content_type": "image/png"}},
        "auth": {"kind": "api_key", "name": "api_key", "value": "{{apiKey}}", "location": "query"},
    }));
    assert_eq!(
        replace, &expected,
        "the Content-Type header becomes the file's type"
    );

    // The folder's OAuth 2.0 settings reach the request that inherits them.
    let Auth::OAuth2 { params } = &find(c, "Partner API/Sync albums").auth else {
        panic!("OAuth 2.0 expected");
    };
    let oauth = OAuth2::read(params);
    assert_eq!(oauth.grant, OAuthGrant::ClientCredentials);
    assert_eq!(oauth.token_url, "https://partner.example.net/oauth/token");
    assert_eq!(
        warnings(&imported),
        [
            "Upload photo: form field \"photo\" uploads \"/Users/ann/Pictures/beach.jpg\", which is not read: choose the file again before sending.",
            "Upload photo: form field \"thumbnails\" uploads \"/Users/ann/Pictures/thumb-s.png\", which is not read: choose the file again before sending.",
            "Upload photo: form field \"thumbnails\" uploads \"/Users/ann/Pictures/thumb-m.png\", which is not read: choose the file again before sending.",
            "Upload photo: Postman's setting strictSSL is left out.",
            "Upload photo: 1 saved example response is left out.",
            "Replace raw image: the body file \"C:\\Users\\ann\\Pictures\\logo.png\" is not read: choose the file again before sending.",
        ]
    );
}

#[test]
fn graphql_raw_languages_url_parts_and_get_bodies() {
    let imported = fixture("graphql_and_raw");
    let c = &imported.collection;

    assert!(matches!(
        find(c, "Product by id").body,
        Body::Raw {
            language: RawLanguage::GraphQl,
            ..
        }
    ));
    let graphql = prepared(c, "Product by id", &[]);
    let PreparedBody::Text(text) = &graphql.body else {
        panic!("text body expected: {:?}", graphql.body);
    };
    let sent: serde_json::Value = serde_json::from_str(text).expect("the GraphQL body is JSON");
    assert_eq!(
        sent,
        json!({
            "query": "query Product($id: ID!) {\n  product(id: $id) {\n    name\n    price\n  }\n}",
            "variables": {"id": "p-100"},
        })
    );
    assert_eq!(header(&graphql, "content-type"), Some("application/json"));

    assert_eq!(
        find(c, "Import catalogue (XML)").body,
        Body::Raw {
            language: RawLanguage::Xml,
            text: "<?xml version=\"1.0\"?>\n<catalogue><item sku=\"A-1\"/></catalogue>".into()
        },
        "a URL given as a plain string works too"
    );

    // No `raw`: the URL is rebuilt from protocol, host, port, path and the enabled query parameters.
    let expected = request(json!({
        "method": "POST",
        "url": "https://shop.example.com:8443/widgets/script.js?v=3",
        "query": [{"key": "v", "value": "3"}, {"enabled": false, "key": "debug", "value": "1"}],
        "headers": [{"key": "Content-Type", "value": "application/javascript"}],
        "body": {"mode": "raw", "language": "text", "text": "window.shop = { ready: true };"},
    }));
    assert_eq!(find(c, "Upload widget script"), &expected);

    let search = find(c, "Search with a body");
    assert_eq!(search.body, Body::None);
    prepare(search, &c.environment()).expect("a GET without its body can be sent");

    let note = prepared(c, "Plain note", &[("$timestamp", "1700000000")]);
    assert_eq!(note.body, PreparedBody::Text("remember the milk".into()));
    assert_eq!(
        warnings(&imported),
        [
            "Search with a body: the body of this GET request is left out: browsers cannot send one.",
            "Postman's dynamic variables {{$timestamp}} have no value in reqlab: define them before sending.",
        ]
    );
}

/// Postman's GraphQL bodies: variables as JSON text (tab-indented, as Postman writes them, and kept so), none,
/// or JSON only once Postman's variables are resolved; on GET the body goes into the URL's query.
#[test]
fn graphql_bodies_become_graphql_requests() {
    let imported = fixture("graphql_api");
    let c = &imported.collection;
    let hero = find(c, "Hero with friends");
    assert_eq!(
        hero.body,
        Body::Raw {
            language: RawLanguage::GraphQl,
            text: r#"{"query":"query HeroWithFriends($episode: Episode) {\n  hero(episode: $episode) {\n    name\n    friends {\n      name\n    }\n  }\n}","variables":{
	"episode": "JEDI"
}}"#.into(),
        }
    );
    let sent = prepared(c, "Hero with friends", &[]);
    assert_eq!(header(&sent, "content-type"), Some("application/json"));
    assert_eq!(header(&sent, "x-request-id"), Some("hero-1"));

    let by_get = prepared(c, "Hero by GET", &[]);
    assert_eq!(by_get.body, PreparedBody::None);
    assert_eq!(
        by_get.url.path_and_query(),
        "/graphql?query=%7B%0A%20%20hero%20%7B%0A%20%20%20%20name%0A%20%20%7D%0A%7D"
    );

    let review = prepared(c, "Review by id", &[]);
    let PreparedBody::Text(text) = &review.body else {
        panic!("text body expected: {:?}", review.body);
    };
    let sent: serde_json::Value = serde_json::from_str(text).expect("JSON once resolved");
    assert_eq!(sent["variables"], json!({"id": 12}));
    assert_eq!(
        warnings(&imported),
        ["Review by id: the GraphQL variables are not JSON until their {{variables}} are resolved: they are kept as written."]
    );
}

/// Postman's GraphQL body has no operation name: the export keeps it in `_reqlab`, and writes the variables
/// as Postman does, a JSON string (the text they are, as written).
#[test]
fn a_graphql_body_exports_to_postman_s_graphql_mode() {
    let body = envelope("query Q { a }", Some(r#"{"n":1}"#), Some("Q"));
    let request = request(json!({
        "method": "POST",
        "url": "https://h/graphql",
        "body": {"mode": "raw", "language": "graphql", "text": body},
    }));
    let collection = Collection {
        name: "G".into(),
        variables: Vec::new(),
        items: vec![CollectionItem::Request {
            name: "Q".into(),
            request: request.clone(),
        }],
        origins: Vec::new(),
    };
    let exported = postman::export(&collection);
    let item = &exported["item"][0];
    assert_eq!(
        item["request"]["body"],
        json!({"mode": "graphql", "graphql": {"query": "query Q { a }", "variables": "{\"n\":1}"}})
    );
    assert_eq!(item["_reqlab"], json!({"operationName": "Q"}));
    let back = postman::import(&exported.to_string()).expect("imports");
    assert_eq!(back.collection.requests()[0].1, &request);
}

#[test]
fn v2_0_exports_with_object_auth_and_id_variables() {
    let imported = fixture("legacy_v2_0");
    let c = &imported.collection;
    assert_eq!(c.name, "Legacy export (v2.0)");
    let me = prepared(c, "Who am I", &[]);
    assert_eq!(me.url.to_string(), "http://localhost:8080/me");
    assert_eq!(header(&me, "authorization"), Some("Bearer s-1"));
    assert_eq!(
        find(c, "Login").body,
        Body::UrlEncoded {
            fields: vec![KeyValue::new("user", "jürgen")]
        }
    );
    assert_eq!(
        find(c, "Login").auth,
        Auth::Digest {
            username: "jürgen".into(),
            password: String::new()
        },
        "v2.0 writes an auth's settings as an object; Digest's realm is the server's to name"
    );
    assert!(
        warnings(&imported).is_empty(),
        "empty descriptions and the empty v2.0 `variables` list are not worth a warning: {:?}",
        warnings(&imported)
    );
}

/// The fixture requests in nested folders, so that export and import also carry the tree.
fn collection_of_fixtures() -> Collection {
    let mut top = Vec::new();
    let mut folder = Vec::new();
    for (i, (name, request)) in fixture_requests().into_iter().enumerate() {
        let item = CollectionItem::Request { name, request };
        if i % 3 == 0 {
            top.push(item);
        } else {
            folder.push(item);
        }
    }
    let inner = folder.split_off(folder.len() / 2);
    folder.push(CollectionItem::Folder {
        name: "Inner / deeper".into(),
        items: inner,
    });
    top.push(CollectionItem::Folder {
        name: "Fixtures".into(),
        items: folder,
    });
    top.push(CollectionItem::Folder {
        name: "Empty".into(),
        items: Vec::new(),
    });
    Collection {
        name: "reqlab fixtures".into(),
        variables: vec![
            KeyValue::new("base", "http://localhost:8080"),
            KeyValue {
                enabled: false,
                ..KeyValue::new("off", "1")
            },
        ],
        items: top,
        origins: Vec::new(),
    }
}

#[test]
fn export_then_import_gives_the_same_prepared_requests_for_every_fixture() {
    let original = collection_of_fixtures();
    let exported = postman::export(&original).to_string();
    let imported = postman::import(&exported).unwrap_or_else(|e| panic!("{e}\n{exported}"));
    let back = &imported.collection;
    assert_eq!(back.name, original.name);
    assert_eq!(back.variables, original.variables);
    assert_eq!(paths(back), paths(&original), "same tree, same names");
    let env = Environment::default();
    let mut checked = 0;
    for ((path, before), (_, after)) in original.requests().into_iter().zip(back.requests()) {
        // Postman keeps a GraphQL body's parts, not its spacing: it comes back as the compact envelope.
        let mut before = before.clone();
        if let Body::Raw {
            language: RawLanguage::GraphQl,
            text,
        } = &mut before.body
        {
            let parts = graphql_body::parts(text).expect("fixture GraphQL bodies are envelopes");
            let name = parts.operation_name.as_deref();
            *text = envelope(&parts.query, parts.variables.as_deref(), name);
        }
        let Ok(expected) = prepare(&before, &env) else {
            continue; // a request that cannot be prepared sends nothing to compare
        };
        let got = prepare(after, &env)
            .unwrap_or_else(|e| panic!("{path}: imported request does not prepare: {e}"));
        assert_eq!(
            without_file_bytes(got),
            without_file_bytes(expected),
            "{path}: Postman round trip changed the request"
        );
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} fixtures were checked");
    // File names come back, their bytes do not: that is the only kind of warning the round trip gives.
    assert!(
        warnings(&imported)
            .iter()
            .all(|w| w.contains("is not read")),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn imported_collections_export_and_import_to_the_same_tree() {
    for name in [
        "users_api",
        "media_uploads",
        "graphql_and_raw",
        "graphql_api",
        "legacy_v2_0",
    ] {
        let first = fixture(name).collection;
        let again = postman::import(&postman::export(&first).to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .collection;
        assert_eq!(again, first, "{name}");
    }
}

#[test]
fn errors_name_the_field_at_fault() {
    let cases = [
        ("{", "Not valid JSON (line 1, column 1)"),
        (
            "[]",
            "`(top level)` should be an object, but it is an array.",
        ),
        ("{\"foo\": 1}", "This JSON is not a Postman collection"),
        (
            r#"{"id": "x", "name": "old", "order": [], "requests": []}"#,
            "This is a Postman Collection v1",
        ),
        (
            r#"{"info": {"name": "c"}, "item": {}}"#,
            "`item` should be an array, but it is an object.",
        ),
        (
            r#"{"info": {"name": 3}, "item": []}"#,
            "`info.name` should be a string, but it is a number.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [{"name": "f", "item": [{"name": "r"}]}]}"#,
            "`item[0].item[0].request` is missing.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [{"name": "r", "request": {"url": "http://h/", "header": [{"key": "A", "value": []}]}}]}"#,
            "`item[0].request.header[0].value` should be a string, but it is an array.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [{"name": "r", "request": {"url": {"raw": "http://h/", "query": [{"key": "a", "disabled": "yes"}]}}}]}"#,
            "`item[0].request.url.query[0].disabled` should be a boolean, but it is a string.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [{"name": "r", "request": {"method": "POST", "url": "http://h/", "body": {"mode": "formdata", "formdata": [{"key": "f", "type": "file", "src": [1]}]}}}]}"#,
            "`item[0].request.body.formdata[0].src[0]` should be a string, but it is a number.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [], "auth": {"type": "bearer", "bearer": "t"}}"#,
            "`auth.bearer` should be an array, but it is a string.",
        ),
        (
            r#"{"info": {"name": "c"}, "item": [], "auth": {"bearer": []}}"#,
            "`auth.type` is missing.",
        ),
        (
            r#"{"collection": {"info": {"name": "c"}, "item": [{"name": 1}]}}"#,
            "`collection.item[0].name` should be a string, but it is a number.",
        ),
    ];
    for (input, expected) in cases {
        let err = postman::import(input).expect_err(input).to_string();
        assert!(
            err.starts_with(expected),
            "{input}\n  got: {err}\n  expected: {expected}"
        );
    }
    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(1024 * 1024));
    assert!(matches!(
        postman::import(&huge),
        Err(PostmanError::TooLarge(_))
    ));
}

#[test]
fn the_postman_api_wrapper_and_string_requests_import() {
    let text = json!({"collection": {
        "info": {"name": "Wrapped", "schema": postman::SCHEMA_V2_1},
        "item": [{"name": "Ping", "request": "https://h.example/ping?x=1"}],
    }})
    .to_string();
    let imported = postman::import(&text).expect("imports");
    let ping = find(&imported.collection, "Ping");
    assert_eq!(ping.url, "https://h.example/ping?x=1");
    assert_eq!(ping.query, [KeyValue::new("x", "1")]);
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
}

#[test]
fn collections_are_told_apart_from_har_and_reqlab_json() {
    assert!(postman::looks_like_postman(
        &serde_json::from_str(&fixture_text("users_api")).expect("JSON")
    ));
    assert!(postman::looks_like_postman(
        &json!({"collection": {"info": {}, "item": []}})
    ));
    assert!(postman::looks_like_postman(
        &json!({"name": "v1", "order": [], "requests": []})
    ));
    for other in [
        json!({"method": "GET", "url": "http://h/", "headers": [{"key": "A", "value": "1"}]}),
        json!({"log": {"entries": []}}),
        json!({"request": {"method": "GET", "url": "http://h/"}}),
        json!([1, 2]),
    ] {
        assert!(!postman::looks_like_postman(&other), "{other}");
    }
}

#[test]
fn truncated_and_altered_exports_give_errors_not_panics() {
    // Every prefix of a real export is either an error or (at a lucky cut) a collection; never a panic.
    for name in ["users_api", "media_uploads", "graphql_and_raw"] {
        let text = fixture_text(name);
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                let _ = postman::import(&text[..cut]);
            }
            cut += 7;
        }
        // Each string value replaced by a number, one at a time, must be named, not crash.
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let mut errors = 0;
        let mut strings = Vec::new();
        collect_string_pointers(&value, String::new(), &mut strings);
        for pointer in &strings {
            let mut altered = value.clone();
            if let Some(slot) = altered.pointer_mut(pointer) {
                *slot = json!(7);
            }
            if postman::import(&altered.to_string()).is_err() {
                errors += 1;
            }
        }
        assert!(errors > 0, "{name}: some altered field must be refused");
    }
}

fn collect_string_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(_) => out.push(at),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_string_pointers(item, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect_string_pointers(item, format!("{at}/{escaped}"), out);
            }
        }
        _ => {}
    }
}

//! The import worker, answered as the page asks: curl, Postman and HAR texts in, requests out, and exports.
use super::*;
use crate::protocol::import::{ExportAsk, ExportResponse};
use reqlab_core::KeyValue;

const CHROME_CURL: &str = r#"curl 'http://127.0.0.1:8080/anything?from=chrome' \
  -H 'accept: application/json' \
  -H 'content-type: application/json' \
  -b 'session=abc123' \
  -H 'x-trace-id: 7f3a' \
  --data-raw $'{"name":"Widget \'Pro\'","qty":3}' \
  --compressed"#;

const COLLECTION: &str = include_str!("../../../tests/e2e/specs/import.postman_collection.json");

fn import(text: &str, format: &str, pick: &str) -> ImportAnswer {
    let question = ImportQuestion {
        import: ImportAsk {
            seq: 3,
            text: text.into(),
            format: format.into(),
            pick: pick.into(),
        },
    };
    let message = serde_json::to_string(&question).expect("serializes");
    let reply = answer_import(&message);
    let reply: ImportReply = serde_json::from_str(&reply).expect("the worker answers JSON");
    assert_eq!(reply.import.seq, 3);
    reply.import
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|h| h.enabled && h.key.eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

#[test]
fn imports_a_chrome_curl_command_detecting_the_shell() {
    let reply = import(CHROME_CURL, "", "");
    assert_eq!(reply.error, None);
    assert_eq!(reply.format, "curl-bash");
    assert_eq!(reply.summary, "a curl command");
    assert!(reply.choices.is_empty());
    let request = reply.request.expect("a request");
    assert_eq!(request.method, reqlab_core::Method::Post);
    assert_eq!(request.url, "http://127.0.0.1:8080/anything?from=chrome");
    assert_eq!(header(&request, "x-trace-id"), Some("7f3a"));
    assert_eq!(header(&request, "cookie"), Some("session=abc123"));
    assert_eq!(
        request.body,
        reqlab_core::Body::Raw {
            language: reqlab_core::RawLanguage::Json,
            text: r#"{"name":"Widget 'Pro'","qty":3}"#.into()
        }
    );
}

#[test]
fn a_postman_collection_lists_its_requests_by_folder_path_and_brings_its_variables() {
    let first = import(COLLECTION, "", "");
    assert_eq!(first.error, None);
    assert_eq!(first.format, "postman");
    let paths: Vec<&str> = first.choices.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["Users/List users", "Users/Admin/Create user", "Health"]
    );
    assert_eq!(first.choices[1].1, "Users/Admin/Create user (POST)");
    assert_eq!(first.picked, "Users/List users");
    let reply = import(COLLECTION, "postman", "Users/Admin/Create user");
    assert_eq!(reply.picked, "Users/Admin/Create user");
    let request = reply.request.expect("a request");
    assert_eq!(request.url, "{{base}}/anything/users?notify=true");
    assert_eq!(
        request.auth,
        reqlab_core::Auth::Bearer {
            token: "{{token}}".into()
        }
    );
    let environment = reply.environment.expect("the collection's variables");
    assert_eq!(environment.name, "Echo API");
    assert_eq!(environment.lookup("role"), Some("admin"));
    assert!(
        reply.summary.contains("\"Users/Admin/Create user\""),
        "{}",
        reply.summary
    );
    assert!(
        reply
            .warnings
            .iter()
            .any(|w| w.contains("pre-request script")),
        "{:?}",
        reply.warnings
    );
    // The warnings are the picked request's own: another request's script is not listed.
    let health = import(COLLECTION, "", "Health");
    assert!(health.warnings.iter().all(|w| !w.contains("pre-request")));
    assert_eq!(
        health.request.expect("a request").auth,
        reqlab_core::Auth::None
    );
    // A pick that is not there falls back to the first request.
    assert_eq!(import(COLLECTION, "", "Nope").picked, "Users/List users");
}

#[test]
fn an_exported_har_holds_the_response_and_imports_as_the_same_request() {
    let mut request = Request {
        method: reqlab_core::Method::Post,
        url: "https://api.example.com/items?page=2".into(),
        ..Request::default()
    };
    request.headers.push(KeyValue::new("X-Trace", "7f3a"));
    request.body = reqlab_core::Body::Raw {
        language: reqlab_core::RawLanguage::Json,
        text: "{\"a\": 1}".into(),
    };
    let question = ExportQuestion {
        export: ExportAsk {
            request: request.clone(),
            environment: Environment::default(),
            response: Some(ExportResponse {
                status: 201,
                status_text: "Created".into(),
                headers: vec![("content-type".into(), "application/json".into())],
                mime_type: "application/json".into(),
                text: "{\"id\": 9}".into(),
            }),
            include_secrets: false,
        },
    };
    let reply: serde_json::Value = serde_json::from_str(&answer_import(
        &serde_json::to_string(&question).expect("JSON"),
    ))
    .expect("the worker answers JSON");
    let har = reply["export"].as_str().expect("a HAR text");
    let log: serde_json::Value = serde_json::from_str(har).expect("HAR is JSON");
    let entry = &log["log"]["entries"][0];
    assert_eq!(entry["response"]["status"], 201);
    assert_eq!(entry["response"]["content"]["text"], "{\"id\": 9}");
    assert_eq!(entry["request"]["method"], "POST");
    let imported = import(har, "har", "").request.expect("the export imports");
    assert_eq!(imported.method, request.method);
    assert_eq!(
        imported.url.split('?').next(),
        Some("https://api.example.com/items")
    );
    let trace = header(&imported, "X-Trace");
    assert_eq!(trace, Some("7f3a"));
    assert_eq!(imported.body, request.body);

    // A request that cannot be prepared is not exported, and says why.
    let broken = ExportQuestion {
        export: ExportAsk {
            request: Request::default(),
            ..ExportAsk::default()
        },
    };
    let reply: serde_json::Value = serde_json::from_str(&answer_import(
        &serde_json::to_string(&broken).expect("JSON"),
    ))
    .expect("JSON");
    assert!(reply["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("Fix the request to export it")));
}

#[test]
fn a_har_log_with_several_entries_offers_them_and_imports_the_picked_one() {
    let entry = |method: &str, url: &str| {
        serde_json::json!({"request": {"method": method, "url": url, "httpVersion": "HTTP/1.1",
            "headers": [{"name": "X-N", "value": method}], "queryString": [], "cookies": []},
            "response": {"status": 201}})
    };
    let log = serde_json::json!({"log": {"version": "1.2", "entries": [
        entry("GET", "https://h/one"), entry("DELETE", "https://h/two")]}});
    let text = log.to_string();
    let first = import(&text, "", "");
    assert_eq!(first.format, "har");
    assert_eq!(
        first.choices,
        [
            ("1".to_string(), "1. GET https://h/one -> 201".to_string()),
            (
                "2".to_string(),
                "2. DELETE https://h/two -> 201".to_string()
            )
        ]
    );
    assert_eq!(first.request.expect("a request").url, "https://h/one");
    let second = import(&text, "har", "2");
    assert_eq!(second.picked, "2");
    assert_eq!(second.summary, "entry 2 of the HAR log");
    let request = second.request.expect("a request");
    assert_eq!(request.method, reqlab_core::Method::Delete);
    assert_eq!(header(&request, "x-n"), Some("DELETE"));
}

#[test]
fn reqlab_request_json_reads_back_to_the_same_request() {
    let request = Request {
        method: reqlab_core::Method::Put,
        url: "https://h/x?a=1".into(),
        headers: vec![KeyValue::new("A", "b")],
        ..Request::default()
    };
    let reply = import(&serde_json::to_string(&request).expect("JSON"), "", "");
    assert_eq!(reply.format, "reqlab");
    assert_eq!(reply.request, Some(request));
}

#[test]
fn text_that_is_no_import_gets_a_sentence_and_no_request() {
    let cases = [
        ("", "", "Nothing to import"),
        ("   \n", "", "Nothing to import"),
        ("hello world", "", "This is not a curl command, a HAR file or a Postman collection: the text starts with \"hello world\""),
        ("curl 'https://h/", "", "never closed"),
        ("curl -X POST", "", "no URL"),
        ("{\"a\": 1}", "", "not a HAR file, a Postman collection or a reqlab request"),
        ("[1, 2]", "", "not a HAR file"),
        (
            "{\"name\": \"dev\", \"values\": [], \"_postman_variable_scope\": \"environment\"}",
            "",
            "Import it under Collections, Environments",
        ),
        ("{\"log\": ", "", "Not valid JSON (line 1, column 8)"),
        // A format forced by the user is read as that format, and its own message says why it is not.
        (COLLECTION, "har", "not a HAR document"),
        ("curl https://h/", "postman", "Not valid JSON"),
        ("{\"info\": {}, \"item\": []}", "postman", "no requests"),
        ("hello", "curl-cmd", "No curl command found"),
    ];
    for (text, format, expected) in cases {
        let reply = import(text, format, "");
        let error = reply.error.unwrap_or_default();
        assert!(error.contains(expected), "{text:?} as {format:?}: {error}");
        assert_eq!(reply.request, None, "{text:?}");
        assert!(reply.warnings.is_empty() && reply.environment.is_none());
    }
    let huge = format!("curl https://h/ -d '{}'", "x".repeat(MAX_INPUT_BYTES));
    let error = import(&huge, "", "").error.unwrap_or_default();
    assert!(error.contains("at most 1 MiB"), "{error}");
    let reply: ImportReply = serde_json::from_str(&answer_import("{\"import\": 5}")).expect("JSON");
    assert!(reply
        .import
        .error
        .is_some_and(|e| e.starts_with("The import worker got a malformed message")));
}

#[test]
fn a_forced_dialect_reads_the_command_with_that_shell() {
    // cmd's `^` escapes the `&`; to bash the `&` ends the command.
    let text = "curl https://h/?a=1^&b=2";
    let cmd = import(text, "curl-cmd", "");
    assert_eq!(cmd.format, "curl-cmd");
    assert_eq!(cmd.request.expect("a request").url, "https://h/?a=1&b=2");
    let bash = import(text, "curl-bash", "");
    assert_eq!(bash.format, "curl-bash");
    assert_eq!(bash.request.expect("a request").url, "https://h/?a=1^");
    assert!(
        bash.warnings.iter().any(|w| w.contains("b=2")),
        "{:?}",
        bash.warnings
    );
}

/// Asks the worker a library question as the library sends it, through `answer_import`.
fn ask_library(question: LibraryQuestion) -> LibraryReply {
    let message = serde_json::to_string(&LibraryEnvelope { library: question }).expect("writes");
    assert!(message.starts_with(LIBRARY_KEY), "{message}");
    let reply = answer_import(&message);
    serde_json::from_str::<LibraryReply>(&reply).expect("the worker answers a LibraryReply")
}

fn collection_of(text: &str) -> CollectionAnswer {
    ask_library(LibraryQuestion {
        collection: Some(crate::protocol::import::CollectionAsk { text: text.into() }),
        ..LibraryQuestion::default()
    })
    .collection
    .expect("a collection answer")
}

#[test]
fn the_library_has_collections_written_links_packed_and_environments_read_here() {
    use reqlab_core::library::collections::Collections;
    use reqlab_core::share::Shared;
    let mut collections = Collections::default();
    collections.add_folder("Users");
    let request = Request {
        url: "https://h/users?team={{team}}".into(),
        ..Request::default()
    };
    collections.save(0, "List", request.clone()).expect("saves");
    let variables = vec![reqlab_core::KeyValue::new("team", "blue")];
    let written = ask_library(LibraryQuestion {
        postman: Some(crate::protocol::import::PostmanAsk {
            collections: collections.clone(),
            name: "Mine".into(),
            variables: variables.clone(),
            include_secrets: true,
        }),
        ..LibraryQuestion::default()
    });
    assert_eq!(
        written.text,
        Some(collections.to_postman("Mine", &variables))
    );

    let shared = Shared {
        request: request.clone(),
        variables: variables.clone(),
    };
    let packed = ask_library(LibraryQuestion {
        share: Some(shared.clone()),
        ..LibraryQuestion::default()
    });
    let fragment = packed.text.expect("a fragment");
    assert_eq!(reqlab_core::share::decode(&fragment), Ok(shared));

    let environment = Environment {
        name: "staging".into(),
        variables,
    };
    let file = ask_library(LibraryQuestion {
        environment_export: Some(environment.clone()),
        ..LibraryQuestion::default()
    })
    .text
    .expect("a file");
    let read = ask_library(LibraryQuestion {
        environment_file: Some(file),
        ..LibraryQuestion::default()
    });
    assert_eq!(read.environment, Some(environment));
    let refused = ask_library(LibraryQuestion {
        environment_file: Some(r#"{"info": {}, "item": []}"#.into()),
        ..LibraryQuestion::default()
    });
    assert!(
        refused
            .error
            .is_some_and(|e| e.contains("not a Postman environment file")),
        "says why"
    );
    let nothing = ask_library(LibraryQuestion::default());
    assert!(nothing.error.is_some());
}

#[test]
fn a_whole_postman_collection_comes_back_flattened_with_its_variables() {
    let answer = collection_of(COLLECTION);
    assert_eq!(answer.error, None);
    assert_eq!(answer.name, "Echo API");
    let folders: Vec<(&str, Vec<&str>)> = answer
        .folders
        .iter()
        .map(|f| {
            (
                f.name.as_str(),
                f.requests.iter().map(|s| s.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        folders,
        [
            ("Echo API", vec!["Health"]),
            ("Echo API / Users", vec!["List users"]),
            ("Echo API / Users / Admin", vec!["Create user"]),
        ]
    );
    assert!(answer.variables.iter().any(|v| v.key == "token"));
}

#[test]
fn a_har_log_comes_back_one_request_per_entry_and_other_text_is_refused() {
    let har = r#"{"log":{"version":"1.2","entries":[
        {"request":{"method":"GET","url":"http://h/a","headers":[]}},
        {"request":{"method":"POST","url":"http://h/b","headers":[]}}]}}"#;
    let answer = collection_of(har);
    let urls: Vec<&str> = answer
        .folders
        .iter()
        .flat_map(|f| &f.requests)
        .map(|s| s.request.url.as_str())
        .collect();
    assert_eq!(urls, ["http://h/a", "http://h/b"]);
    assert_eq!(answer.folders[0].name, "HAR log");
    for (text, why) in [
        (
            "{\"url\":\"http://h/\"}",
            "not a Postman collection, a HAR log or a .http file",
        ),
        ("{", "Not valid JSON"),
        // Text that is not JSON is read as a .http file (a line alone is a URL to GET), which says what a
        // file of comments lacks.
        ("# notes only\n", "This .http file has no request"),
    ] {
        let answer = collection_of(text);
        assert!(answer.folders.is_empty());
        assert!(
            answer.error.as_deref().is_some_and(|e| e.contains(why)),
            "{:?}",
            answer.error
        );
    }
}

#[test]
fn an_exported_har_and_postman_collection_leave_the_auth_secrets_out_unless_asked() {
    use reqlab_core::edit::signed_auth::OAuth2;
    use reqlab_core::library::collections::Collections;
    let oauth = OAuth2 {
        token_url: "https://id.example/token".into(),
        client_id: "app".into(),
        client_secret: "client-s3cret".into(),
        password: "owner-p4ss".into(),
        ..OAuth2::default()
    };
    let request = Request {
        url: "https://api.example.com/items".into(),
        headers: vec![KeyValue::new("Authorization", "Bearer hand-typed-t0ken")],
        auth: reqlab_core::Auth::OAuth2 {
            params: oauth.to_params(),
        },
        ..Request::default()
    };
    let secrets = ["client-s3cret", "owner-p4ss", "hand-typed-t0ken"];
    for include_secrets in [false, true] {
        let question = ExportQuestion {
            export: ExportAsk {
                request: request.clone(),
                include_secrets,
                ..ExportAsk::default()
            },
        };
        let har = answer_import(&serde_json::to_string(&question).expect("JSON"));
        let mut collections = Collections::default();
        collections.add_folder("APIs");
        collections
            .save(0, "Items", request.clone())
            .expect("saves");
        let postman = ask_library(LibraryQuestion {
            postman: Some(crate::protocol::import::PostmanAsk {
                collections,
                name: "Mine".into(),
                variables: Vec::new(),
                include_secrets,
            }),
            ..LibraryQuestion::default()
        })
        .text
        .expect("a collection");
        for (what, text) in [("HAR", &har), ("Postman", &postman)] {
            for secret in secrets {
                // The hand-typed header is replaced by OAuth's own at send time, so only the Postman
                // export, which keeps the request as edited, can hold it.
                if what == "HAR" && secret == "hand-typed-t0ken" {
                    continue;
                }
                assert_eq!(
                    text.contains(secret),
                    include_secrets,
                    "{what} export with include_secrets={include_secrets}: {secret}"
                );
            }
        }
    }
}

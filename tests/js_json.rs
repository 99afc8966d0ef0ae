//! App layer, in headless Chromium: the page's JSON readers (over the browser's JSON.parse) take exactly the
//! shapes they promise and refuse the rest, since they read what servers, the worker and storage send.
#![cfg(target_arch = "wasm32")]

use reqlab_web::page::js_json::Json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn reads_members_of_each_type() {
    let json = Json::parse(
        r#"{"s":"é\n","n":404,"b":true,"z":null,"list":["a","b"],"pairs":[["X-A","1"],["X-B",""]]}"#,
    )
    .expect("valid JSON");
    assert_eq!(json.get("s").string().as_deref(), Some("é\n"));
    assert_eq!(json.get("n").whole(999), Some(404));
    assert_eq!(json.get("b").bool(), Some(true));
    assert!(json.get("z").is_null() && json.get("missing").is_null());
    assert_eq!(
        json.get("list").strings(),
        Some(vec!["a".to_string(), "b".to_string()])
    );
    assert_eq!(
        json.get("pairs").pairs(),
        Some(vec![
            ("X-A".to_string(), "1".to_string()),
            ("X-B".to_string(), String::new())
        ])
    );
}

#[wasm_bindgen_test]
fn refuses_other_shapes_instead_of_guessing() {
    assert!(Json::parse("{not json").is_none());
    let json = Json::parse(
        r#"{"n":1.5,"neg":-1,"big":1000,"s":1,"list":["a",2],"pairs":[["only-one"]],"obj":{}}"#,
    )
    .expect("valid JSON");
    assert_eq!(json.get("n").whole(999), None, "not whole");
    assert_eq!(json.get("neg").whole(999), None, "negative");
    assert_eq!(json.get("big").whole(999), None, "above the maximum");
    assert_eq!(json.get("s").string(), None, "a number is not a string");
    assert_eq!(json.get("list").strings(), None, "one item is not a string");
    assert_eq!(json.get("pairs").pairs(), None, "a pair needs two strings");
    assert!(
        json.get("obj").items().is_none(),
        "an object is not an array"
    );
    assert_eq!(json.get("missing").get("deeper").string(), None);
}

/// The page reads the worker's answers with `read_answer`, the worker writes them with serde: both must agree
/// on every field, for answers with code and for answers with an error.
#[wasm_bindgen_test]
fn worker_answers_read_the_same_as_serde_reads_them() {
    use reqlab_core::library::draft::Draft;
    use reqlab_core::{Request, Variables};
    use reqlab_web::page::workers::read_answer;
    use reqlab_web::protocol::snippet::{Answer, Ask};
    use reqlab_web::workers::snippet::answer;
    for (choice, url) in [
        ("", "https://api.example.com/v1/items?q=\"é\"&x=1"),
        ("target=python-requests\nsession=true", "https://h/"),
        ("target=http-raw", "no scheme"),
    ] {
        let ask = Ask {
            seq: 41,
            choice: choice.to_string(),
            draft: Draft {
                request: Request {
                    url: url.to_string(),
                    ..Request::default()
                },
                variables: Variables::default(),
                saved: None,
            },
        };
        let reply = answer(&serde_json::to_string(&ask).expect("serializes"));
        let by_serde: Answer = serde_json::from_str(&reply).expect("the worker writes JSON");
        assert_eq!(read_answer(&reply), Some(by_serde), "{reply}");
    }
    assert_eq!(read_answer(r#"{"seq":1}"#), None, "missing members");
}

/// The same for import answers, which carry a whole request (read by the editor's loader) and an
/// environment: a curl command, a Postman collection with a pick, and text that is no import.
#[wasm_bindgen_test]
fn import_answers_read_the_same_as_serde_reads_them() {
    use reqlab_web::page::workers::read_import_answer;
    use reqlab_web::protocol::import::{ImportAsk, ImportQuestion, ImportReply};
    use reqlab_web::workers::import::answer_import;
    let collection = include_str!("e2e/specs/import.postman_collection.json");
    let curl = "curl 'https://h/x?a=1' -H 'X-A: é' -u peter:pw --data-urlencode 'q=a b' -F 'f=@x.png' --max-time 3";
    for (text, pick) in [
        (curl, ""),
        (collection, "Users/Admin/Create user"),
        ("hello world", ""),
    ] {
        let question = ImportQuestion {
            import: ImportAsk {
                seq: 9,
                text: text.into(),
                format: String::new(),
                pick: pick.into(),
            },
        };
        let reply = answer_import(&serde_json::to_string(&question).expect("serializes"));
        let by_serde: ImportReply = serde_json::from_str(&reply).expect("the worker writes JSON");
        let json = Json::parse(&reply).expect("JSON");
        assert_eq!(
            read_import_answer(&json.get("import")),
            Some(by_serde.import),
            "{reply}"
        );
    }
    let broken = Json::parse(r#"{"seq":1,"format":"","summary":"","request":{"url":1}}"#);
    assert_eq!(read_import_answer(&broken.expect("JSON")), None);
}

/// The library hands the page `ToPage` messages (see `library::page`), written by serde and read by the
/// page's readers (`page::bridge::read_to_page`): both must agree, for every environment and the active
/// one's index, for a share link's environment and for the examples' file texts.
#[wasm_bindgen_test]
fn library_messages_read_the_same_as_serde_writes_them() {
    use reqlab_core::{Body, Environment, FileRef, FormPart, KeyValue, Request, Variables};
    use reqlab_web::page::bridge::read_to_page;
    use reqlab_web::protocol::library::{Draft, KeptAnswer, Shown, ToPage};
    let environment = |name: &str, value: &str| Environment {
        name: name.into(),
        variables: vec![KeyValue::new("host", value), KeyValue::new("é", "")],
    };
    let request = Request {
        url: "http://{{host}}/upload".into(),
        body: Body::Multipart {
            // Named only: request JSON carries no file bytes (`file_texts` does).
            parts: vec![FormPart::file(
                "a",
                Some(FileRef {
                    name: "a.txt".into(),
                    content_type: "text/plain".into(),
                    data: None,
                }),
            )],
        },
        ..Request::default()
    };
    let mut messages: Vec<ToPage> = [Some(1), None]
        .into_iter()
        .map(|active| ToPage::Restore {
            draft: Draft {
                request: request.clone(),
                variables: Variables {
                    environments: vec![environment("dev", "d.test"), environment("", "p.test")],
                    active,
                },
                saved: active.map(|_| 12),
            },
            // A tab left for another with a kept answer, and a closed one's successor without.
            shown: match active {
                Some(_) => Shown {
                    leaving: Some(3),
                    tab: 4_000_000_000,
                    answer: Some(KeptAnswer {
                        status: 404,
                        status_text: "Not Found".into(),
                        elapsed_ms: 35,
                        url: "https://h/x?q=1".into(),
                        body: "{\"é\": \"\\n\"}".into(),
                        truncated: true,
                    }),
                },
                None => Shown {
                    leaving: None,
                    tab: 0,
                    answer: None,
                },
            },
        })
        .collect();
    for environment in [Some(environment("shared", "s.test")), None] {
        let saved = environment.as_ref().map(|_| 9_007_199_254_740_991);
        messages.push(ToPage::Open {
            summary: "Opened “upload” from History.".into(),
            request: request.clone(),
            environment,
            file_texts: vec!["one\n".into(), String::new()],
            saved,
            warnings: vec!["Left out: -k.".into()],
        });
    }
    messages.push(ToPage::Saved { saved: 4 });
    for message in messages {
        let text = serde_json::to_string(&message).expect("serializes");
        let json = Json::parse(&text).expect("JSON");
        assert_eq!(read_to_page(&json), Some(message), "{text}");
    }
    for refused in [
        r#"{"kind":"restore","draft":{"variables":{"active":-1}}}"#,
        r#"{"kind":"open","summary":"","request":{},"file_texts":[1]}"#,
        r#"{"kind":"close"}"#,
        r#"{"kind":"saved","saved":-1}"#,
        r#"{"summary":""}"#,
    ] {
        assert_eq!(
            read_to_page(&Json::parse(refused).expect("JSON")),
            None,
            "{refused}"
        );
    }
}

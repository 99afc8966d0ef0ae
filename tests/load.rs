//! App layer, in headless Chromium: the editor's loader is the inverse of `Editor::request`. A request
//! written by serde (as the worker, drafts and links write them) and read with the page's own JSON readers
//! comes back unchanged, and loading it into the editor gives the same request back; the readers refuse
//! exactly what serde refuses.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use reqlab_core::edit::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::{
    ApiKeyLocation, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PartValue,
    RawLanguage, Request, RequestOptions,
};
use reqlab_web::page::js_json::Json;
use reqlab_web::page::state::{read_request, BodyMode, Editor, Environments};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn off(key: &str, value: &str) -> KeyValue {
    KeyValue {
        enabled: false,
        ..KeyValue::new(key, value)
    }
}

fn file(name: &str, content_type: &str) -> Option<FileRef> {
    Some(FileRef {
        name: name.into(),
        content_type: content_type.into(),
        data: None,
    })
}

fn part(enabled: bool, name: &str, value: PartValue) -> FormPart {
    FormPart {
        enabled,
        name: name.into(),
        value,
        content_type: String::new(),
    }
}

/// Requests that use every body mode, auth kind and option, with switched-off and blank rows.
fn varied() -> Vec<Request> {
    vec![
        Request::default(),
        Request {
            url: "https://api.example.com/users/:id?page=2&q=a%20b".into(),
            query: vec![
                KeyValue::new("page", "2"),
                KeyValue::new("q", "a b"),
                off("debug", "1"),
            ],
            path_variables: vec![KeyValue::new("id", "42")],
            headers: vec![
                KeyValue::new("Accept", "application/json"),
                off("X-Off", "no"),
                KeyValue::default(),
            ],
            ..Request::default()
        },
        Request {
            method: Method::Post,
            url: "http://127.0.0.1:8080/anything".into(),
            headers: vec![KeyValue::new("X-Quote", "it's \"quoted\" é ✓")],
            body: Body::Raw {
                language: RawLanguage::Json,
                text: "{\n  \"name\": \"Ann\\n\",\n  \"emoji\": \"😀\"\n}".into(),
            },
            auth: Auth::Basic {
                username: "peter".into(),
                password: "s3cr3t ü:".into(),
            },
            options: RequestOptions {
                timeout_ms: Some(2500),
                redirect: RedirectMode::Manual,
                credentials: CredentialsMode::Include,
                cache: CacheMode::NoStore,
            },
            ..Request::default()
        },
        Request {
            method: Method::Put,
            url: "{{base}}/form".into(),
            body: Body::UrlEncoded {
                fields: vec![
                    KeyValue::new("name", "Peter Parker"),
                    off("city", "New York & Co"),
                ],
            },
            auth: Auth::Bearer {
                token: "{{token}}".into(),
            },
            options: RequestOptions {
                timeout_ms: Some(u32::MAX),
                redirect: RedirectMode::Error,
                credentials: CredentialsMode::Omit,
                cache: CacheMode::OnlyIfCached,
            },
            ..Request::default()
        },
        Request {
            method: Method::Patch,
            url: "https://h/upload".into(),
            body: Body::Multipart {
                parts: vec![
                    part(
                        true,
                        "title",
                        PartValue::Text {
                            value: "Holiday".into(),
                        },
                    ),
                    part(false, "off", PartValue::Text { value: "".into() }),
                    part(
                        true,
                        "photo",
                        PartValue::File {
                            file: file("a b.png", "image/png"),
                        },
                    ),
                    part(true, "empty", PartValue::File { file: None }),
                    FormPart {
                        content_type: "application/json".into(),
                        ..part(true, "meta", PartValue::Text { value: "{}".into() })
                    },
                    FormPart {
                        content_type: "image/webp".into(),
                        ..part(true, "typed", PartValue::File { file: None })
                    },
                ],
            },
            auth: Auth::ApiKey {
                name: "api_key".into(),
                value: "k&y".into(),
                location: ApiKeyLocation::Query,
            },
            ..Request::default()
        },
        Request {
            method: Method::Custom("PROPFIND".into()),
            url: "https://h/dav".into(),
            body: Body::Binary {
                file: file("data.bin", ""),
            },
            auth: Auth::ApiKey {
                name: "X-Key".into(),
                value: "v".into(),
                location: ApiKeyLocation::Header,
            },
            options: RequestOptions {
                cache: CacheMode::ForceCache,
                ..RequestOptions::default()
            },
            ..Request::default()
        },
        Request {
            method: Method::Delete,
            url: "https://h/x".into(),
            body: Body::Binary { file: None },
            auth: Auth::Digest {
                username: "ann".into(),
                password: "p\"w".into(),
            },
            ..Request::default()
        },
        Request {
            url: "https://h/aws".into(),
            auth: Auth::AwsSigV4 {
                params: vec![KeyValue::new("region", "eu-west-1"), off("service", "s3")],
            },
            ..Request::default()
        },
        Request {
            url: "https://h/oauth".into(),
            auth: Auth::OAuth2 {
                params: vec![
                    KeyValue::new("grant", "client_credentials"),
                    KeyValue::new("resource", "https://api"),
                ],
            },
            ..Request::default()
        },
        Request {
            method: Method::Options,
            url: "https://h/x".into(),
            body: Body::Raw {
                language: RawLanguage::Xml,
                text: "<a/>".into(),
            },
            ..Request::default()
        },
        Request {
            method: Method::Head,
            body: Body::Raw {
                language: RawLanguage::Html,
                text: String::new(),
            },
            options: RequestOptions {
                cache: CacheMode::Reload,
                ..RequestOptions::default()
            },
            ..Request::default()
        },
        Request {
            body: Body::Raw {
                language: RawLanguage::Text,
                text: "plain\r\ntext\u{0}".into(),
            },
            options: RequestOptions {
                cache: CacheMode::NoCache,
                ..RequestOptions::default()
            },
            ..Request::default()
        },
    ]
}

fn read(text: &str) -> Option<Request> {
    read_request(&Json::parse(text)?)
}

#[wasm_bindgen_test]
fn serde_json_reads_back_with_the_page_readers() {
    for request in varied() {
        let text = serde_json::to_string(&request).expect("serializes");
        assert_eq!(read(&text), Some(request), "{text}");
    }
}

#[wasm_bindgen_test]
fn loading_what_the_editor_produced_gives_the_same_request() {
    let editor = Editor::new(String::new());
    for request in varied() {
        let text = serde_json::to_string(&request).expect("serializes");
        editor.load(&read(&text).expect("reads"));
        assert_eq!(editor.request(), request, "{text}");
        // And the other way round: what the editor holds, written and loaded again, is unchanged.
        let held = serde_json::to_string(&editor.request()).expect("serializes");
        editor.load(&read(&held).expect("reads"));
        assert_eq!(
            serde_json::to_string(&editor.request()).expect("serializes"),
            held
        );
    }
}

#[wasm_bindgen_test]
fn a_loaded_request_leaves_nothing_of_the_previous_one_in_other_modes() {
    let editor = Editor::new("https://h/".into());
    let all = varied();
    // Multipart with API key, then a request with no body and no auth.
    editor.load(&all[4]);
    editor.load(&all[1]);
    assert_eq!(editor.request(), all[1]);
    editor.body_mode.set(BodyMode::Multipart);
    let Body::Multipart { parts } = editor.request().body else {
        panic!("multipart expected");
    };
    assert_eq!(
        parts,
        [part(true, "", PartValue::Text { value: "".into() })],
        "a blank part, as in a new editor"
    );
    assert_eq!(editor.request().auth, Auth::None);
    assert_eq!(editor.raw_text.get_untracked(), "");
}

#[wasm_bindgen_test]
fn the_readers_refuse_what_serde_refuses_and_default_what_it_defaults() {
    let cases = [
        r#"{}"#,
        r#"{"url":"https://h/","method":"post"}"#,
        r#"{"headers":[{"key":"A"}]}"#,
        r#"{"headers":[{"key":"A","value":"1","enabled":false}]}"#,
        r#"{"body":{"mode":"raw"}}"#,
        r#"{"body":{"mode":"multipart","parts":[{"name":"f","kind":"file"}]}}"#,
        r#"{"body":{"mode":"binary","file":{"name":"a"}}}"#,
        r#"{"auth":{"kind":"api_key","name":"k"}}"#,
        r#"{"auth":{"kind":"digest"}}"#,
        r#"{"auth":{"kind":"oauth2"}}"#,
        r#"{"options":{"timeout_ms":null,"cache":"reload"}}"#,
        // Refused by both.
        r#"[]"#,
        r#"{"url":5}"#,
        r#"{"method":1}"#,
        r#"{"headers":{}}"#,
        r#"{"headers":[{"value":"no key"}]}"#,
        r#"{"headers":[{"key":"A","enabled":"yes"}]}"#,
        r#"{"body":{"mode":"weird"}}"#,
        r#"{"body":{}}"#,
        r#"{"body":{"mode":"raw","language":"yaml"}}"#,
        r#"{"body":{"mode":"multipart","parts":[{"name":"f","kind":"link"}]}}"#,
        r#"{"body":{"mode":"binary","file":{"content_type":"x"}}}"#,
        r#"{"auth":{"kind":"ntlm"}}"#,
        r#"{"auth":{"kind":"api_key","location":"cookie"}}"#,
        r#"{"auth":{"kind":"oauth2","params":{}}}"#,
        r#"{"auth":{"kind":"aws_sigv4","params":[{"value":"no key"}]}}"#,
        r#"{"options":{"timeout_ms":-1}}"#,
        r#"{"options":{"timeout_ms":1.5}}"#,
        r#"{"options":{"timeout_ms":4294967296}}"#,
        r#"{"options":{"redirect":"sometimes"}}"#,
        r#"{"options":"manual"}"#,
        r#"{"options":5}"#,
        r#"{"body":"raw"}"#,
        r#"{"headers":[5]}"#,
        r#"{"body":{"mode":"binary","file":"a.bin"}}"#,
    ];
    for text in cases {
        let by_serde = serde_json::from_str::<Request>(text).ok();
        assert_eq!(read(text), by_serde, "{text}");
    }
}

#[wasm_bindgen_test]
fn an_imported_environment_is_made_once_and_made_active() {
    let environments = Environments::new();
    let imported = Environment {
        name: "Echo API".into(),
        variables: vec![KeyValue::new("base", "http://h"), off("old", "x")],
    };
    environments.load(&imported);
    assert_eq!(environments.active().name, "Echo API");
    assert_eq!(environments.active().variables, imported.variables);
    // Importing again replaces the values in the same environment.
    environments.active.set(None);
    let again = Environment {
        variables: vec![KeyValue::new("base", "http://other")],
        ..imported
    };
    environments.load(&again);
    assert_eq!(environments.list.get_untracked().len(), 2);
    assert_eq!(environments.active().lookup("base"), Some("http://other"));
}

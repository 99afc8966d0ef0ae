//! reqlab-echo's own OpenAPI description: served as JSON and YAML (the same document), read by reqlab's
//! OpenAPI reader without a warning, and true to the server: every operation, sent with its examples, gets
//! an answer the description documents (its status, media type and JSON fields).

mod support;

use axum::body::Body;
use axum::http::Request;
use base64::Engine;
use reqlab_core::import::openapi::{self, ServerChoice};
use serde_json::{Map, Value};
use support::{get, send, Answer};

const YAML: &str = include_str!("../openapi/reqlab-echo.yaml");
const JSON: &str = include_str!("../openapi/reqlab-echo.json");
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn document() -> Value {
    serde_json::from_str(JSON).expect("the JSON description parses")
}

#[tokio::test]
async fn both_routes_serve_the_description_with_its_type_and_cors() {
    let json = get("/openapi.json").await;
    assert_eq!(json.status, 200);
    assert_eq!(json.header("content-type"), "application/json");
    assert_eq!(json.header("access-control-allow-origin"), "*");
    assert_eq!(json.json(), document());

    let yaml = get("/openapi.yaml").await;
    assert_eq!(yaml.status, 200);
    assert_eq!(yaml.header("content-type"), "application/yaml");
    assert_eq!(yaml.text(), YAML);

    // A documentation page on another origin reads it like any other answer.
    let cross = send(
        Request::get("/openapi.yaml")
            .header("Origin", "https://docs.example")
            .body(Body::empty())
            .expect("valid request"),
    )
    .await;
    assert_eq!(
        cross.header("access-control-allow-origin"),
        "https://docs.example"
    );
}

/// The JSON file is the YAML as data (kept in the YAML's key order for people reading it; regenerate it with
/// `python3 -c 'import json, yaml; print(json.dumps(yaml.safe_load(open("openapi/reqlab-echo.yaml")),
/// indent=2, ensure_ascii=False))' > openapi/reqlab-echo.json` in crates/echo, or edit both alike).
#[test]
fn the_json_and_the_yaml_are_the_same_document() {
    let from_yaml = openapi::read(YAML)
        .expect("the YAML description reads")
        .document;
    if let Some(at) = first_difference(&from_yaml, &document(), String::new()) {
        panic!("openapi/reqlab-echo.json differs from the YAML at {at:?}");
    }
}

/// The JSON pointer of the first place `a` and `b` differ.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys());
            keys.into_iter()
                .find_map(|key| match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => first_difference(x, y, format!("{at}/{key}")),
                    _ => Some(format!("{at}/{key}")),
                })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, format!("{at}/{i}"))),
        _ => (a != b).then_some(at),
    }
}

#[test]
fn the_reader_reads_both_forms_without_a_warning() {
    for (name, text) in [("YAML", YAML), ("JSON", JSON)] {
        let api = openapi::read(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(api.summary.warnings, Vec::<String>::new(), "{name}");
        assert_eq!(api.summary.operations.len(), operations(&document()).len());
        for operation in &api.summary.operations {
            let doc = api
                .operation(&operation.key)
                .unwrap_or_else(|| panic!("{name}: {} is documented", operation.key));
            assert_eq!(doc.warnings, Vec::<String>::new(), "{}", operation.key);
        }
        let server = ServerChoice {
            base: "http://127.0.0.1:8080/openapi.json".to_string(),
            ..ServerChoice::default()
        };
        let imported = api
            .request("echoAnything", &server)
            .expect("echoAnything makes a request");
        assert_eq!(imported.warnings, Vec::<String>::new());
    }
}

/// Every operation of the description, as `(METHOD, path, operation)`.
fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    let paths = document["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                out.push((method.to_uppercase(), path.clone(), operation.clone()));
            }
        }
    }
    out
}

/// Follows local `$ref`s (`#/components/...`) to the value they name.
fn resolve<'a>(document: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let pointer = reference.strip_prefix('#').expect("a local $ref");
                value = document
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("{reference} names nothing"));
            }
            None => return value,
        }
    }
    panic!("a $ref chain does not end")
}

/// A parameter's example as the text that goes into a URL or header.
fn example_text(parameter: &Value) -> Option<String> {
    let example = parameter
        .get("example")
        .or_else(|| parameter["schema"].get("example"))?;
    Some(match example {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    })
}

/// The request a reader of the description would send for `operation`: path parameters from their
/// examples, query and header parameters that have one, the first media type's example as the body, and
/// the credentials its security asks for (Basic: the user and password of the path).
fn example_request(document: &Value, method: &str, path: &str, operation: &Value) -> Request<Body> {
    let mut uri = path.to_string();
    let mut query = form_urlencoded::Serializer::new(String::new());
    let mut headers = Vec::new();
    let mut path_values = Map::new();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        let parameter = resolve(document, parameter);
        let name = parameter["name"].as_str().expect("a parameter has a name");
        let location = parameter["in"].as_str().expect("a parameter has `in`");
        let Some(value) = example_text(parameter) else {
            assert_ne!(location, "path", "{method} {path}: {name} has no example");
            continue;
        };
        match location {
            "path" => {
                uri = uri.replace(&format!("{{{name}}}"), &value);
                path_values.insert(name.to_string(), Value::String(value));
            }
            "query" => {
                query.append_pair(name, &value);
            }
            "header" => headers.push((name.to_string(), value)),
            other => panic!("{method} {path}: parameter in {other}"),
        }
    }
    assert!(
        !uri.contains('{'),
        "{method} {path}: a path parameter is not described"
    );
    let query = query.finish();
    if !query.is_empty() {
        uri = format!("{uri}?{query}");
    }
    let mut builder = Request::builder().method(method).uri(&uri);
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    for requirement in operation["security"].as_array().into_iter().flatten() {
        if requirement.get("basicAuth").is_some() {
            let user = path_values["user"].as_str().unwrap_or_default();
            let password = path_values["passwd"].as_str().unwrap_or_default();
            let encoded =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            builder = builder.header("Authorization", format!("Basic {encoded}"));
        }
        if requirement.get("bearerAuth").is_some() {
            builder = builder.header("Authorization", "Bearer docs-token");
        }
    }
    let body = match operation["requestBody"]["content"].as_object() {
        Some(content) => {
            let (media_type, media) = content.iter().next().expect("a body has a media type");
            let example = &media["example"];
            builder = builder.header("Content-Type", media_type);
            if media_type == "application/x-www-form-urlencoded" {
                let mut form = form_urlencoded::Serializer::new(String::new());
                for (key, value) in example.as_object().expect("a form example is an object") {
                    form.append_pair(key, value.as_str().unwrap_or_default());
                }
                form.finish()
            } else {
                example.to_string()
            }
        }
        None => String::new(),
    };
    builder.body(Body::from(body)).expect("valid request")
}

/// The answer is one the operation documents: its status (or `default`), one of that response's media
/// types, and for JSON every required field present and no field the schema leaves out.
fn check_documented(document: &Value, what: &str, operation: &Value, answer: &Answer) {
    let responses = &operation["responses"];
    let response = responses
        .get(answer.status.as_str())
        .or_else(|| responses.get("default"))
        .unwrap_or_else(|| {
            panic!(
                "{what}: answered {} which is not documented: {}",
                answer.status,
                answer.text()
            )
        });
    let response = resolve(document, response);
    let Some(content) = response["content"].as_object() else {
        return;
    };
    let essence = answer
        .header("content-type")
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let media = content
        .get(&essence)
        .unwrap_or_else(|| panic!("{what}: answered {essence}, documented {content:?}"));
    if essence != "application/json" {
        return;
    }
    let schema = resolve(document, &media["schema"]);
    let answered = answer.json();
    let fields = answered.as_object().expect("a JSON object");
    for required in schema["required"].as_array().into_iter().flatten() {
        let required = required.as_str().expect("a field name");
        assert!(fields.contains_key(required), "{what}: no {required:?}");
    }
    if let Some(properties) = schema["properties"].as_object() {
        for field in fields.keys() {
            assert!(
                properties.contains_key(field),
                "{what}: answers {field:?}, which the schema does not describe"
            );
        }
    }
}

// Paused time: `/delay` and the streams wait on tokio's clock, which then jumps ahead instead of sleeping.
#[tokio::test(start_paused = true)]
async fn every_operation_answers_its_example_request_as_documented() {
    let document = document();
    let operations = operations(&document);
    assert!(operations.len() >= 17, "{} operations", operations.len());
    for (method, path, operation) in &operations {
        let what = format!("{method} {path}");
        let answer = send(example_request(&document, method, path, operation)).await;
        assert!(
            answer.status != 404 && answer.status != 405,
            "{what}: {} {}",
            answer.status,
            answer.text()
        );
        check_documented(&document, &what, operation, &answer);
    }
}

#[test]
fn every_operation_has_an_id_a_summary_and_a_tag_the_document_lists() {
    let document = document();
    let tags: Vec<&str> = document["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|tag| tag["name"].as_str())
        .collect();
    let mut ids = Vec::new();
    for (method, path, operation) in operations(&document) {
        let id = operation["operationId"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{method} {path}: no operationId");
        assert!(!ids.contains(&id.to_string()), "{id} twice");
        ids.push(id.to_string());
        assert!(operation["summary"].is_string(), "{id}: no summary");
        for tag in operation["tags"].as_array().expect("tags") {
            assert!(
                tags.contains(&tag.as_str().unwrap_or_default()),
                "{id}: {tag}"
            );
        }
    }
    assert!(ids.contains(&"echoAnything".to_string()));
}

//! Export for the Postman import's reverse direction: a reqlab `Collection` written as a Postman Collection
//! v2.1 document, with every request's auth at request level (nothing is left to inherit). Secrets leave only
//! when asked for: left out, their values are empty (`share::collection_without_secrets`), names kept.

use super::{auth, url, SCHEMA_V2_1};
use crate::edit::graphql_body::{graphql_text, parts as graphql_parts};
use crate::edit::model::{
    Body, KeyValue, PartValue, RawLanguage, RedirectMode, Request, RequestOptions,
};
use crate::import::collection::{Collection, CollectionItem};
use crate::share::{collection_without_secrets, Secrets};
use serde_json::{json, Map, Value};

/// The collection as Postman Collection v2.1 JSON, its secrets included (see [`export_with`]).
pub fn export(collection: &Collection) -> Value {
    export_with(collection, Secrets::Include)
}

/// The collection as Postman Collection v2.1 JSON, with or without its secrets: the requests' auth
/// secrets, credential and cookie headers, query parameters and variables named like secrets.
pub fn export_with(collection: &Collection, secrets: Secrets) -> Value {
    match secrets {
        Secrets::Include => written(collection),
        Secrets::LeaveOut => written(&collection_without_secrets(collection).0),
    }
}

fn written(collection: &Collection) -> Value {
    let mut top = Map::new();
    top.insert(
        "info".into(),
        json!({"name": collection.name, "schema": SCHEMA_V2_1}),
    );
    top.insert("item".into(), item_list(&collection.items));
    if !collection.variables.is_empty() {
        let variables = collection
            .variables
            .iter()
            .map(|v| row(v, Some("string")))
            .collect();
        top.insert("variable".into(), Value::Array(variables));
    }
    Value::Object(top)
}

fn item_list(items: &[CollectionItem]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| match item {
                CollectionItem::Folder { name, items: inner } => {
                    json!({"name": name, "item": item_list(inner)})
                }
                CollectionItem::Request { name, request } => request_item(name, request),
            })
            .collect(),
    )
}

/// A `{key, value}` row, with `disabled` only when it is switched off, as Postman writes it.
fn row(kv: &KeyValue, kind: Option<&str>) -> Value {
    let mut out = Map::new();
    out.insert("key".into(), json!(kv.key));
    out.insert("value".into(), json!(kv.value));
    if let Some(kind) = kind {
        out.insert("type".into(), json!(kind));
    }
    if !kv.enabled {
        out.insert("disabled".into(), json!(true));
    }
    Value::Object(out)
}

fn request_item(name: &str, request: &Request) -> Value {
    let mut headers: Vec<Value> = request
        .headers
        .iter()
        .filter(|h| !(h.key.is_empty() && h.value.is_empty()))
        .map(|h| row(h, Some("text")))
        .collect();
    // Postman's file body has no type of its own: the Content-Type header carries it.
    if let Body::Binary { file: Some(file) } = &request.body {
        let typed = request
            .headers
            .iter()
            .any(|h| h.enabled && h.key.trim().eq_ignore_ascii_case("content-type"));
        if !file.content_type.is_empty() && !typed {
            headers.push(row(
                &KeyValue::new("Content-Type", file.content_type.clone()),
                Some("text"),
            ));
        }
    }
    let mut postman = Map::new();
    postman.insert("method".into(), json!(request.method.as_str()));
    postman.insert("header".into(), Value::Array(headers));
    if let Some(body) = body(&request.body) {
        postman.insert("body".into(), body);
    }
    postman.insert(
        "url".into(),
        url::export(&request.url, &request.query, &request.path_variables),
    );
    if let Some(auth) = auth::export(&request.auth) {
        postman.insert("auth".into(), auth);
    }
    let mut item = Map::new();
    item.insert("name".into(), json!(name));
    if request.options.redirect == RedirectMode::Manual {
        item.insert(
            "protocolProfileBehavior".into(),
            json!({"followRedirects": false}),
        );
    }
    item.insert("request".into(), Value::Object(postman));
    item.insert("response".into(), json!([]));
    // The checks as Postman tests, where Postman has an equivalent (see `tests_script`); the rows
    // themselves travel in `_reqlab`, so an export imported back loses none.
    let script = super::tests_script::test_script(&request.checks);
    if !script.is_empty() {
        item.insert(
            "event".into(),
            json!([{"listen": "test", "script": {"type": "text/javascript", "exec": script}}]),
        );
    }
    let mut extra = Map::new();
    // Timeout, credentials and cache mode have no Postman field; Postman ignores fields starting with `_`.
    if request.options != RequestOptions::default() {
        extra.insert("options".into(), json!(request.options));
    }
    if !request.checks.is_empty() {
        extra.insert("checks".into(), json!(request.checks));
    }
    // Postman's GraphQL body has no operation name; one that is no envelope yet (`{{variables}}` where JSON
    // is expected) goes as raw JSON, and only reqlab knows it is GraphQL.
    if let Some(text) = graphql_text(&request.body) {
        match graphql_parts(text) {
            Some(parts) => {
                if let Some(name) = parts.operation_name {
                    extra.insert("operationName".into(), json!(name));
                }
            }
            None => {
                extra.insert("language".into(), json!(RawLanguage::GraphQl));
            }
        }
    }
    if !extra.is_empty() {
        item.insert("_reqlab".into(), Value::Object(extra));
    }
    Value::Object(item)
}

fn body(body: &Body) -> Option<Value> {
    // Postman writes GraphQL variables as JSON text, empty for none: they go as written.
    if let Some(parts) = graphql_text(body).and_then(graphql_parts) {
        let variables = parts.variables.unwrap_or_default();
        return Some(json!({
            "mode": "graphql",
            "graphql": {"query": parts.query, "variables": variables},
        }));
    }
    match body {
        Body::None => None,
        Body::Raw { language, text } => {
            let language = match language {
                RawLanguage::Text => "text",
                // A GraphQL body that is no envelope (`parts` fails) is sent as the JSON it is.
                RawLanguage::Json | RawLanguage::GraphQl => "json",
                RawLanguage::Xml => "xml",
                RawLanguage::Html => "html",
            };
            Some(json!({
                "mode": "raw",
                "raw": text,
                "options": {"raw": {"language": language}},
            }))
        }
        Body::UrlEncoded { fields } => Some(json!({
            "mode": "urlencoded",
            "urlencoded": fields.iter().map(|f| row(f, Some("text"))).collect::<Vec<_>>(),
        })),
        Body::Multipart { parts } => {
            let entries: Vec<Value> = parts
                .iter()
                .map(|part| {
                    let mut entry = Map::new();
                    entry.insert("key".into(), json!(part.name));
                    match &part.value {
                        PartValue::Text { value } => {
                            entry.insert("value".into(), json!(value));
                            entry.insert("type".into(), json!("text"));
                        }
                        PartValue::File { file } => {
                            entry.insert("type".into(), json!("file"));
                            let src = file.as_ref().map(|f| f.name.as_str()).unwrap_or_default();
                            entry.insert("src".into(), json!(src));
                        }
                    }
                    // The part's own type wins over the file's, as when it is sent.
                    let file_type = match &part.value {
                        PartValue::File { file: Some(file) } => file.content_type.as_str(),
                        _ => "",
                    };
                    let content_type = if part.content_type.is_empty() {
                        file_type
                    } else {
                        &part.content_type
                    };
                    if !content_type.is_empty() {
                        entry.insert("contentType".into(), json!(content_type));
                    }
                    if !part.enabled {
                        entry.insert("disabled".into(), json!(true));
                    }
                    Value::Object(entry)
                })
                .collect();
            Some(json!({"mode": "formdata", "formdata": entries}))
        }
        Body::Binary { file } => Some(json!({
            "mode": "file",
            "file": {"src": file.as_ref().map(|f| f.name.as_str()).unwrap_or_default()},
        })),
    }
}

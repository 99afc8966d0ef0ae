//! Import stage, Postman requests: one item's `request` (method, URL, headers, body, auth) and the item
//! settings around it become a reqlab `Request`, shaped as the editor would have built it.

use super::auth::{self, Setting};
use super::notes::{has_content, Notes};
use super::rows::disabled;
use super::url;
use super::{body, PostmanError};
use crate::edit::graphql_body::{envelope, graphql_text, parts};
use crate::edit::model::{
    Auth, Body, KeyValue, Method, RawLanguage, RedirectMode, Request, RequestOptions,
};
use crate::import::normalize::fold_content_type;
use crate::import::read::{as_object, index, join, Obj};
use serde_json::{json, Value};

/// Fields of a request that are read; any other is named in a warning.
const KNOWN: &[&str] = &["method", "url", "header", "body", "auth", "description"];

/// Reads `value` (a request object, or just its URL as a string) found at `path` in item `item`.
pub(super) fn read(
    value: &Value,
    path: &str,
    item: Obj<'_, '_>,
    location: &str,
    inherited: &Auth,
    notes: &mut Notes,
) -> Result<Request, PostmanError> {
    let mut request = Request {
        auth: inherited.clone(),
        ..Request::default()
    };
    if let Value::String(_) = value {
        set_url(&mut request, Some(value), path)?;
    } else {
        let obj = as_object(path, value)?;
        request.method = Method::parse(obj.opt_str("method")?.unwrap_or("GET"));
        set_url(&mut request, obj.get("url"), &join(path, "url"))?;
        request.headers = headers(obj)?;
        if let Some(body) = obj.get("body") {
            let body_path = join(path, "body");
            body::read(as_object(&body_path, body)?, &mut request, location, notes)?;
        }
        if let Some(auth) = obj.get("auth") {
            let auth_path = join(path, "auth");
            if let Setting::Own(own) = auth::read(as_object(&auth_path, auth)?, location, notes)? {
                request.auth = own;
            }
        }
        notes.description(obj.get("description"));
        let unknown: Vec<&str> = obj
            .map
            .iter()
            .filter(|(k, v)| !KNOWN.contains(&k.as_str()) && !k.starts_with('_') && has_content(v))
            .map(|(k, _)| k.as_str())
            .collect();
        notes.left_out(location, "request field", &unknown);
    }
    request.options = options(item, location, notes)?;
    // reqlab's checks, as its export keeps them beside the Postman tests written from them.
    if let Some(checks) = item.get("_reqlab").and_then(|r| r.get("checks")) {
        match serde_json::from_value(checks.clone()) {
            Ok(checks) => request.checks = checks,
            Err(e) => notes.warn(location, format!("ignored `_reqlab.checks`: {e}")),
        }
    }
    if let Some(own) = item.get("_reqlab") {
        own_graphql(&mut request.body, own);
    }
    let responses = item.array("response")?.len();
    if responses > 0 {
        notes.warn(
            location,
            format!(
                "{responses} saved example response{} left out.",
                if responses == 1 { " is" } else { "s are" }
            ),
        );
    }
    // A WebSocket's body is its first message, sent after the handshake: it stays.
    let scheme = request
        .url
        .trim_start()
        .split("://")
        .next()
        .unwrap_or_default();
    let websocket = scheme.eq_ignore_ascii_case("ws") || scheme.eq_ignore_ascii_case("wss");
    // A GraphQL body on GET is sent as the URL's query (see `prepare`), as Postman sends it.
    let graphql = graphql_text(&request.body).is_some();
    if request.body != Body::None
        && matches!(request.method, Method::Get | Method::Head)
        && !websocket
        && !(graphql && request.method == Method::Get)
    {
        notes.warn(
            location,
            format!(
                "the body of this {} request is left out: browsers cannot send one.",
                request.method
            ),
        );
        request.body = Body::None;
    }
    fold_content_type(&mut request);
    Ok(request)
}

fn set_url(request: &mut Request, value: Option<&Value>, path: &str) -> Result<(), PostmanError> {
    let url = url::read(value, path)?;
    request.url = url.text;
    request.query = url.query;
    request.path_variables = url.path_variables;
    Ok(())
}

/// The `header` list, or the header block as one string (`Name: value` lines), which the schema allows.
fn headers(request: Obj<'_, '_>) -> Result<Vec<KeyValue>, PostmanError> {
    match request.get("header") {
        None => Ok(Vec::new()),
        Some(Value::String(block)) => Ok(block
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap_or((line, ""));
                KeyValue::new(name.trim(), value.trim())
            })
            .collect()),
        Some(Value::Array(items)) => {
            let path = join(request.path, "header");
            let mut rows = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_path = index(&path, i);
                let header = as_object(&item_path, item)?;
                rows.push(KeyValue {
                    enabled: !disabled(header)?,
                    key: header.text("key")?,
                    value: header.text("value")?,
                });
            }
            Ok(rows)
        }
        Some(other) => Err(request
            .wrong("header", "an array or a string", other)
            .into()),
    }
}

/// Postman settings that reqlab's fetch options can carry (`followRedirects`), and reqlab's own options
/// written by its export (`_reqlab`, which Postman ignores as it ignores any field starting with `_`).
fn options(
    item: Obj<'_, '_>,
    location: &str,
    notes: &mut Notes,
) -> Result<RequestOptions, PostmanError> {
    let mut options = RequestOptions::default();
    if let Some(behavior) = item.get("protocolProfileBehavior") {
        let path = join(item.path, "protocolProfileBehavior");
        let behavior = as_object(&path, behavior)?;
        let mut left_out = Vec::new();
        for (key, value) in behavior.map {
            match key.as_str() {
                "followRedirects" => {
                    if value == &Value::Bool(false) {
                        options.redirect = RedirectMode::Manual;
                    }
                }
                // Only matters for GET bodies, which are left out with their own warning.
                "disableBodyPruning" => {}
                other => left_out.push(other),
            }
        }
        notes.left_out(location, "setting", &left_out);
    }
    if let Some(own) = item.get("_reqlab").and_then(|r| r.get("options")) {
        match serde_json::from_value::<RequestOptions>(own.clone()) {
            Ok(own) => options = own,
            Err(e) => notes.warn(location, format!("ignored `_reqlab.options`: {e}")),
        }
    }
    Ok(options)
}

/// What reqlab's export kept of a GraphQL body beside Postman's: its operation name, which Postman's GraphQL
/// body has no place for, or that a raw JSON body is a GraphQL request not yet an envelope.
fn own_graphql(body: &mut Body, own: &Value) {
    let Body::Raw { language, text } = body else {
        return;
    };
    if own.get("language") == Some(&json!(RawLanguage::GraphQl)) {
        *language = RawLanguage::GraphQl;
    }
    let name = own.get("operationName").and_then(Value::as_str);
    if let (RawLanguage::GraphQl, Some(name)) = (*language, name) {
        if let Some(parts) = parts(text) {
            *text = envelope(&parts.query, parts.variables.as_deref(), Some(name));
        }
    }
}

//! Export for the HAR import's reverse direction: a `PreparedRequest` (what goes on the wire) written as a
//! HAR 1.2 `request`, optionally inside an entry with a response, or a whole log.
//!
//! Secrets leave only when asked for ([`Secrets::Include`]). Left out, the values of the credential and cookie
//! headers, of query parameters named like secrets (a presigned URL's signature, credential and token) and
//! the auth settings' secrets are empty strings: the names stay, so a reader sees what was sent, and a
//! placeholder would be sent as a real value by whoever imports the file again. `_reqlab.left_out` lists
//! what was emptied.

use crate::edit::model::{Auth, RawLanguage};
use crate::edit::query::decode;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::share::{self, Secrets};
use serde_json::{json, Map, Value};
use std::borrow::Cow;

/// A response to record next to the request in an entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HarResponse {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub mime_type: String,
    pub text: String,
}

fn pairs(items: impl IntoIterator<Item = (String, String)>) -> Value {
    Value::Array(
        items
            .into_iter()
            .map(|(name, value)| json!({"name": name, "value": value}))
            .collect(),
    )
}

/// The HAR `request` object for a prepared request, its secrets included (see [`export_request_with`]).
pub fn export_request(request: &PreparedRequest) -> Value {
    export_request_with(request, Secrets::Include)
}

/// The HAR `request` object for a prepared request, with or without its secrets. Auth settings and fetch
/// options, which HAR cannot express, go in the `_reqlab` custom field so that importing the export gives
/// the same request back.
pub fn export_request_with(request: &PreparedRequest, secrets: Secrets) -> Value {
    let (request, auth, left_out) = match secrets {
        Secrets::Include => (
            Cow::Borrowed(request),
            auth_settings(&request.auth),
            Vec::new(),
        ),
        Secrets::LeaveOut => {
            let mut safe = request.clone();
            let mut left_out =
                share::sent_without_secrets(&mut safe.headers, &mut safe.url, &safe.auth);
            let (auth, what) = share::auth_without_secrets(&auth_settings(&request.auth));
            left_out.extend(what);
            (Cow::Owned(safe), auth, left_out)
        }
    };
    let query = request
        .url
        .query
        .as_deref()
        .map(|q| {
            q.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (decode(k), decode(v))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let cookies = request
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .map(|(n, v)| (n.to_string(), v.to_string()));
    let mut har = Map::new();
    har.insert("method".into(), json!(request.method.as_str()));
    har.insert("url".into(), json!(request.url.to_string()));
    har.insert("httpVersion".into(), json!("HTTP/1.1"));
    har.insert("cookies".into(), pairs(cookies));
    har.insert("headers".into(), pairs(request.headers.iter().cloned()));
    har.insert("queryString".into(), pairs(query));
    let (post_data, size) = post_data(&request);
    if let Some(post_data) = post_data {
        har.insert("postData".into(), post_data);
    }
    har.insert("headersSize".into(), json!(-1));
    har.insert("bodySize".into(), json!(size));
    let mut extension = json!({"auth": auth, "options": request.options});
    if !left_out.is_empty() {
        extension["left_out"] = json!(left_out);
    }
    har.insert("_reqlab".into(), extension);
    Value::Object(har)
}

/// A HAR `entry`: the request, its secrets included, and, when given, its response (see [`export_entry_with`]).
pub fn export_entry(request: &PreparedRequest, response: Option<&HarResponse>) -> Value {
    export_entry_with(request, response, Secrets::Include)
}

/// A HAR `entry`: the request, with or without its secrets, and, when given, its response.
pub fn export_entry_with(
    request: &PreparedRequest,
    response: Option<&HarResponse>,
    secrets: Secrets,
) -> Value {
    let response = match response {
        Some(r) => json!({
            "status": r.status,
            "statusText": r.status_text,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": pairs(r.headers.iter().cloned()),
            "content": {"size": r.text.len(), "mimeType": r.mime_type, "text": r.text},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": r.text.len(),
        }),
        // HAR requires a response; status 0 is how browsers record one that never came.
        None => json!({
            "status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [],
            "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1, "bodySize": -1,
        }),
    };
    json!({
        "startedDateTime": "1970-01-01T00:00:00.000Z",
        "time": -1,
        "request": export_request_with(request, secrets),
        "response": response,
        "cache": {},
        "timings": {"send": -1, "wait": -1, "receive": -1},
    })
}

/// A whole HAR log around the given entries.
pub fn export_log(entries: Vec<Value>) -> Value {
    json!({"log": {
        "version": "1.2",
        "creator": {"name": "reqlab", "version": env!("CARGO_PKG_VERSION")},
        "entries": entries,
    }})
}

fn auth_settings(auth: &PreparedAuth) -> Auth {
    match auth.clone() {
        PreparedAuth::None => Auth::None,
        PreparedAuth::Basic { username, password } => Auth::Basic { username, password },
        PreparedAuth::Bearer { token } => Auth::Bearer { token },
        PreparedAuth::ApiKey {
            name,
            value,
            location,
        } => Auth::ApiKey {
            name,
            value,
            location,
        },
        PreparedAuth::Digest { username, password } => Auth::Digest { username, password },
        PreparedAuth::AwsSigV4 { params } => Auth::AwsSigV4 { params },
        PreparedAuth::OAuth2 { params } => Auth::OAuth2 { params },
    }
}

fn content_type(request: &PreparedRequest) -> Option<&str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str())
}

fn post_data(request: &PreparedRequest) -> (Option<Value>, i64) {
    let mime = content_type(request).unwrap_or_default().to_string();
    match &request.body {
        PreparedBody::None => (None, 0),
        PreparedBody::Text(text) => (
            Some(json!({"mimeType": mime, "text": text})),
            text.len() as i64,
        ),
        PreparedBody::UrlEncoded(fields) => {
            let text = PreparedBody::url_encoded(fields);
            let len = text.len() as i64;
            let params = pairs(fields.iter().cloned());
            (
                Some(json!({"mimeType": mime, "params": params, "text": text})),
                len,
            )
        }
        PreparedBody::Multipart(parts) => {
            let params: Vec<Value> = parts
                .iter()
                .map(|part| match &part.value {
                    PreparedPartValue::Text(value) => match &part.content_type {
                        Some(content_type) => {
                            json!({"name": part.name, "value": value, "contentType": content_type})
                        }
                        None => json!({"name": part.name, "value": value}),
                    },
                    PreparedPartValue::File(file) => json!({
                        "name": part.name,
                        "fileName": file.name,
                        "contentType": file.content_type,
                    }),
                })
                .collect();
            let mime = if mime.is_empty() {
                "multipart/form-data".to_string()
            } else {
                mime
            };
            (Some(json!({"mimeType": mime, "params": params})), -1)
        }
        PreparedBody::File(file) => {
            let size = file.data.as_ref().map_or(-1, |d| d.len() as i64);
            let mime = if mime.is_empty() {
                RawLanguage::Text.content_type().to_string()
            } else {
                mime
            };
            (
                Some(json!({
                    "mimeType": mime,
                    "text": "",
                    "_file": {"name": file.name, "contentType": file.content_type},
                })),
                size,
            )
        }
    }
}

//! Import stage, HAR: a request recorded by browser devtools (HAR 1.2: a bare `request`, one `entry`, or a
//! whole `log`) becomes a `Request`; `export` writes the reverse, so HAR files travel both ways.

mod body;
mod export;
mod multipart_text;

pub use export::{
    export_entry, export_entry_with, export_log, export_request, export_request_with, HarResponse,
};

use super::normalize::{derive_query, fold_content_type};
use super::read::{self, as_object, JsonSyntax, Obj, ShapeError};
use super::{Imported, MAX_INPUT_BYTES};
use crate::edit::model::{Auth, KeyValue, Method, Request, RequestOptions};
use serde_json::Value;
use std::fmt;
use thiserror::Error;

/// Why a HAR document could not be imported. Messages name the field at fault by its JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum HarError {
    #[error(
        "The input is {0} bytes; HAR import takes at most 1 MiB. Export only the request you need."
    )]
    TooLarge(usize),
    #[error(transparent)]
    Json(#[from] JsonSyntax),
    /// A field missing or of the wrong type, named by its JSON path.
    #[error(transparent)]
    Shape(#[from] ShapeError),
    #[error("This JSON is not a HAR document: expected an object with `log`, an entry with `request`, or a request with `method` and `url`.")]
    NotHar,
    #[error("The HAR log has no entries.")]
    NoEntries,
    #[error("The HAR log has {} entries; pick one:\n{}", .0.len(), list(.0))]
    SeveralEntries(Vec<EntrySummary>),
    #[error("There is no entry {index}: the HAR log has {count} (numbered from 1).")]
    NoSuchEntry { index: usize, count: usize },
}

fn list(entries: &[EntrySummary]) -> String {
    entries
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One entry of a HAR log, as a picker lists it. `index` counts from 1, as people do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntrySummary {
    pub index: usize,
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
}

impl fmt::Display for EntrySummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:>3}. {} {}", self.index, self.method, self.url)?;
        if let Some(status) = self.status {
            write!(f, " -> {status}")?;
        }
        Ok(())
    }
}

/// Which of the three HAR shapes a JSON value is.
enum Shape<'a> {
    Log(&'a [Value], String),
    Entry(&'a Value, String),
    Request(&'a Value),
}

/// True when the JSON looks like HAR rather than reqlab's request JSON (which has `key`, not `name`, in its
/// header rows and no `httpVersion`).
pub fn looks_like_har(value: &Value) -> bool {
    let Value::Object(map) = value else {
        return false;
    };
    if map.contains_key("log") || map.get("request").is_some_and(Value::is_object) {
        return true;
    }
    map.contains_key("httpVersion")
        || map.contains_key("postData")
        || map
            .get("headers")
            .and_then(Value::as_array)
            .and_then(|h| h.first())
            .is_some_and(|h| h.get("name").is_some())
}

fn parse_json(text: &str) -> Result<Value, HarError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(HarError::TooLarge(text.len()));
    }
    Ok(read::parse_json(text)?)
}

fn shape(value: &Value) -> Result<Shape<'_>, HarError> {
    let top = as_object("", value)?;
    if let Some(log) = top.get("log") {
        let log = as_object("log", log)?;
        let entries = log.array("entries")?;
        return Ok(Shape::Log(entries, "log.entries".into()));
    }
    if let Some(request) = top.get("request") {
        return Ok(Shape::Entry(request, "request".into()));
    }
    if top.get("method").is_some() || top.get("url").is_some() {
        return Ok(Shape::Request(value));
    }
    Err(HarError::NotHar)
}

/// The entries of a HAR document with their method and URL, so a caller can let the user pick one. A bare
/// request or entry lists as one entry.
pub fn entries(text: &str) -> Result<Vec<EntrySummary>, HarError> {
    let value = parse_json(text)?;
    entries_of(&value)
}

fn entries_of(value: &Value) -> Result<Vec<EntrySummary>, HarError> {
    let summarize = |index: usize, request_path: &str, request: &Value, status: Option<u16>| {
        let obj = as_object(request_path, request)?;
        Ok(EntrySummary {
            index,
            method: obj.str("method")?.to_string(),
            url: obj.str("url")?.to_string(),
            status,
        })
    };
    match shape(value)? {
        Shape::Request(request) => Ok(vec![summarize(1, "", request, None)?]),
        Shape::Entry(request, path) => Ok(vec![summarize(1, &path, request, status_of(value))?]),
        Shape::Log(items, path) => items
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let entry_path = format!("{path}[{i}]");
                let obj = as_object(&entry_path, entry)?;
                let request_path = format!("{entry_path}.request");
                let request = obj.get("request").ok_or(ShapeError::Missing {
                    path: request_path.clone(),
                })?;
                summarize(i + 1, &request_path, request, status_of(entry))
            })
            .collect(),
    }
}

fn status_of(entry: &Value) -> Option<u16> {
    entry
        .get("response")?
        .get("status")?
        .as_u64()
        .and_then(|s| u16::try_from(s).ok())
        .filter(|&s| s > 0)
}

/// Imports the request of a HAR document. A log with several entries needs `entry` (from 1); with one entry
/// or a bare request/entry, `entry` may be `None`.
pub fn import(text: &str, entry: Option<usize>) -> Result<Imported, HarError> {
    let value = parse_json(text)?;
    import_value(&value, entry)
}

/// As [`import`], for JSON already parsed (the CLI detects the format first).
pub fn import_value(value: &Value, entry: Option<usize>) -> Result<Imported, HarError> {
    let (request, path) = match shape(value)? {
        Shape::Request(request) => (request, String::new()),
        Shape::Entry(request, path) => (request, path),
        Shape::Log(items, path) => {
            let index = match (entry, items.len()) {
                (_, 0) => return Err(HarError::NoEntries),
                (Some(index), count) if index == 0 || index > count => {
                    return Err(HarError::NoSuchEntry { index, count })
                }
                (Some(index), _) => index,
                (None, 1) => 1,
                (None, _) => return Err(HarError::SeveralEntries(entries_of(value)?)),
            };
            let entry_path = format!("{path}[{}]", index - 1);
            let obj = as_object(&entry_path, &items[index - 1])?;
            let request_path = format!("{entry_path}.request");
            let request = obj.get("request").ok_or(ShapeError::Missing {
                path: request_path.clone(),
            })?;
            (request, request_path)
        }
    };
    import_request(as_object(&path, request)?)
}

/// Headers that the client computes from the message itself; copying them would send wrong values once the
/// user edits the body, and browsers refuse to set them anyway.
const COMPUTED_HEADERS: &[&str] = &[
    "content-length",
    "host",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "upgrade",
    "proxy-connection",
    "trailer",
];

fn import_request(har: Obj<'_, '_>) -> Result<Imported, HarError> {
    let mut warnings = Vec::new();
    let mut request = Request {
        method: Method::parse(har.str("method")?),
        url: har.str("url")?.to_string(),
        ..Request::default()
    };
    let mut dropped = Vec::new();
    for (name, value) in har.pairs("headers")? {
        let lower = name.to_ascii_lowercase();
        // HTTP/2 and HTTP/3 pseudo-headers (`:authority`) are the request line, already in method and URL.
        if lower.starts_with(':') || COMPUTED_HEADERS.contains(&lower.as_str()) {
            if !lower.starts_with(':') && !dropped.contains(&name) {
                dropped.push(name);
            }
            continue;
        }
        request.headers.push(KeyValue::new(name, value));
    }
    if !dropped.is_empty() {
        warnings.push(format!(
            "Left out {}: the client computes {} from the request itself.",
            dropped.join(", "),
            if dropped.len() == 1 { "it" } else { "them" }
        ));
    }
    let cookies = har.pairs("cookies")?;
    let has_cookie_header = request
        .headers
        .iter()
        .any(|h| h.key.eq_ignore_ascii_case("cookie"));
    if !cookies.is_empty() && !has_cookie_header {
        let line = cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        request.headers.push(KeyValue::new("Cookie", line));
    }
    if let Some(post) = har.get("postData") {
        let path = read::join(har.path, "postData");
        let post = as_object(&path, post)?;
        body::import_post_data(post, &mut request, &mut warnings)?;
    }
    if let Some(extra) = har.get("_reqlab") {
        apply_reqlab_extension(extra, &mut request, &mut warnings);
    }
    derive_query(&mut request);
    fold_content_type(&mut request);
    Ok(Imported { request, warnings })
}

/// reqlab's own HAR extension (`_reqlab`, allowed by HAR 1.2 for custom fields): the auth settings and fetch
/// options that HAR has no field for. The header or query parameter the auth produced is removed, because
/// `prepare` adds it again.
fn apply_reqlab_extension(extra: &Value, request: &mut Request, warnings: &mut Vec<String>) {
    if let Some(options) = extra.get("options") {
        match serde_json::from_value::<RequestOptions>(options.clone()) {
            Ok(options) => request.options = options,
            Err(e) => warnings.push(format!("Ignored `_reqlab.options`: {e}")),
        }
    }
    let Some(auth) = extra.get("auth") else {
        return;
    };
    let auth = match serde_json::from_value::<Auth>(auth.clone()) {
        Ok(auth) => auth,
        Err(e) => {
            warnings.push(format!("Ignored `_reqlab.auth`: {e}"));
            return;
        }
    };
    match &auth {
        Auth::None => {}
        // The header the settings made (or a Digest answer, bound to one nonce) is made again at send.
        Auth::Basic { .. } | Auth::Bearer { .. } | Auth::Digest { .. } | Auth::OAuth2 { .. } => {
            request
                .headers
                .retain(|h| !h.key.eq_ignore_ascii_case("authorization"))
        }
        // A signature holds for one time and one request: every header signing added goes.
        Auth::AwsSigV4 { .. } => request.headers.retain(|h| {
            let name = h.key.to_ascii_lowercase();
            name != "authorization" && !name.starts_with("x-amz-")
        }),
        Auth::ApiKey {
            name,
            value,
            location,
        } => match location {
            crate::edit::model::ApiKeyLocation::Header => request
                .headers
                .retain(|h| !h.key.trim().eq_ignore_ascii_case(name.trim())),
            crate::edit::model::ApiKeyLocation::Query => {
                let pair = super::normalize::form_pair(name, value);
                let url = &mut request.url;
                let cut = url.find('#').unwrap_or(url.len());
                let (before, fragment) = url.split_at(cut);
                let stripped = before
                    .strip_suffix(&format!("&{pair}"))
                    .or_else(|| before.strip_suffix(&format!("?{pair}")));
                match stripped {
                    Some(rest) => *url = format!("{rest}{fragment}"),
                    None => warnings.push(format!(
                        "The API key query parameter \"{name}\" was not at the end of the URL; check the query table."
                    )),
                }
            }
        },
    }
    request.auth = auth;
}

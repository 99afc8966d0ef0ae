//! Edit stage, in reverse: a request read from reqlab's request JSON (serde's shape, as the worker's import
//! answers carry it, and later drafts, history and share links) and put into every editor signal, so that
//! loading what `Editor::request` produced gives that same request back.
//!
//! The JSON is read with the page's small readers (`js_json`), not serde: serde's generated reader for
//! `Request` would add about 15 KB gzip to the page. Members may be missing where serde fills a default.

use super::editor::{BodyMode, Editor, PartKind, PartRow};
use crate::page::js_json::{Json, Reader};
use leptos::prelude::*;
use reqlab_core::edit::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::{
    ApiKeyLocation, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PartValue,
    RawLanguage, Request, RequestOptions, Variables,
};

/// A request in reqlab's request JSON; `None` when any member has a shape serde would refuse.
pub fn read_request(json: &Json) -> Option<Request> {
    let read = Reader::default();
    let request = request(&read, json);
    read.finish(request)
}

/// Auth settings as serde writes them; `None` when they have a shape serde would refuse.
pub fn read_auth(json: &Json) -> Option<Auth> {
    let read = Reader::default();
    let auth = auth(&read, json);
    read.finish(auth)
}

/// An environment as serde writes one: a name and variable rows.
pub fn read_environment(json: &Json) -> Option<Environment> {
    let read = Reader::default();
    let environment = environment(&read, json);
    read.finish(environment)
}

/// The environment as `read_environment` reads it, for readers of larger shapes that hold one.
pub fn environment(read: &Reader, json: &Json) -> Environment {
    Environment {
        name: read.text(json, "name"),
        variables: rows(read, json, "variables"),
    }
}

/// Every environment and the active one's index, as serde writes `Variables`.
pub fn variables(read: &Reader, json: &Json) -> Variables {
    let active = json.get("active");
    Variables {
        environments: read
            .items(json, "environments")
            .iter()
            .map(|e| environment(read, e))
            .collect(),
        active: (!active.is_null()).then(|| read.check(active.whole(u32::MAX.into())) as usize),
    }
}

/// The request as `read_request` reads it, for readers of larger shapes that hold one.
pub fn request(read: &Reader, json: &Json) -> Request {
    let method = json.get("method");
    let body = json.get("body");
    let auth = json.get("auth");
    let options = json.get("options");
    Request {
        method: if method.is_null() {
            Method::default()
        } else {
            Method::parse(&read.check(method.string()))
        },
        url: read.text(json, "url"),
        query: rows(read, json, "query"),
        path_variables: rows(read, json, "path_variables"),
        headers: rows(read, json, "headers"),
        body: if body.is_null() {
            Body::None
        } else {
            self::body(read, &body)
        },
        auth: if auth.is_null() {
            Auth::None
        } else {
            self::auth(read, &auth)
        },
        options: self::options(read, &options),
        checks: rows(read, json, "checks"),
    }
}

/// `[{enabled, key, value}]`; rows are switched on unless they say otherwise.
pub fn rows(read: &Reader, json: &Json, name: &str) -> Vec<KeyValue> {
    read.items(json, name)
        .iter()
        .map(|row| KeyValue {
            enabled: read.bool(row, "enabled", true),
            key: read.required(row, "key"),
            value: read.text(row, "value"),
        })
        .collect()
}

fn body(read: &Reader, json: &Json) -> Body {
    match read.required(json, "mode").as_str() {
        "raw" => Body::Raw {
            language: RawLanguage::ALL[read.choice(json, "language", RawLanguage::IDS)],
            text: read.text(json, "text"),
        },
        "url_encoded" => Body::UrlEncoded {
            fields: rows(read, json, "fields"),
        },
        "multipart" => Body::Multipart {
            parts: read
                .items(json, "parts")
                .iter()
                .map(|part| FormPart {
                    enabled: read.bool(part, "enabled", true),
                    name: read.required(part, "name"),
                    value: match read.required(part, "kind").as_str() {
                        "file" => PartValue::File {
                            file: file(read, part),
                        },
                        kind => {
                            if kind != "text" {
                                read.fail();
                            }
                            PartValue::Text {
                                value: read.text(part, "value"),
                            }
                        }
                    },
                    content_type: read.text(part, "content_type"),
                })
                .collect(),
        },
        "binary" => Body::Binary {
            file: file(read, json),
        },
        mode => {
            if mode != "none" {
                read.fail();
            }
            Body::None
        }
    }
}

/// The `file` member: a file by name and type. Its bytes are not in request JSON: the user picks it again
/// to send it (the library's examples send theirs beside, see `protocol::library::ToPage`).
fn file(read: &Reader, json: &Json) -> Option<FileRef> {
    let file = json.get("file");
    (!file.is_null()).then(|| FileRef {
        name: read.required(&file, "name"),
        content_type: read.text(&file, "content_type"),
        data: None,
    })
}

/// An `Auth` as serde writes it (a request's, or the auth bundle's `ToPage::Auth`).
pub fn auth(read: &Reader, json: &Json) -> Auth {
    match read.required(json, "kind").as_str() {
        "basic" => Auth::Basic {
            username: read.text(json, "username"),
            password: read.text(json, "password"),
        },
        "bearer" => Auth::Bearer {
            token: read.text(json, "token"),
        },
        "api_key" => Auth::ApiKey {
            name: read.text(json, "name"),
            value: read.text(json, "value"),
            location: ApiKeyLocation::ALL[read.choice(json, "location", ApiKeyLocation::IDS)],
        },
        "digest" => Auth::Digest {
            username: read.text(json, "username"),
            password: read.text(json, "password"),
        },
        "aws_sigv4" => Auth::AwsSigV4 {
            params: rows(read, json, "params"),
        },
        "oauth2" => Auth::OAuth2 {
            params: rows(read, json, "params"),
        },
        kind => {
            if kind != "none" {
                read.fail();
            }
            Auth::None
        }
    }
}

/// Missing or null options read as the defaults, as do their missing members.
fn options(read: &Reader, json: &Json) -> RequestOptions {
    if !json.is_null() && !json.is_object() {
        read.fail();
    }
    let timeout = json.get("timeout_ms");
    RequestOptions {
        timeout_ms: (!timeout.is_null())
            .then(|| read.check(timeout.whole(u64::from(u32::MAX))) as u32),
        redirect: RedirectMode::ALL[read.choice(json, "redirect", RedirectMode::IDS)],
        credentials: CredentialsMode::ALL[read.choice(json, "credentials", CredentialsMode::IDS)],
        cache: CacheMode::ALL[read.choice(json, "cache", CacheMode::IDS)],
    }
}

impl Editor {
    /// Shows `request` in the editor: every field is set, and the body modes and auth kinds the request
    /// does not use start blank, as in a new editor, so nothing of the previous request lingers there.
    pub fn load(&self, request: &Request) {
        self.method.set(request.method.to_string());
        // Set as they are, not through `set_url`: the tables hold rows the URL text cannot show.
        self.url.set(request.url.clone());
        self.query.set(&request.query);
        self.path_variables.set(&request.path_variables);
        self.headers.set(&request.headers);

        let blank = [KeyValue::default()];
        let (mut mode, mut language, mut raw) = (BodyMode::None, RawLanguage::Json, String::new());
        let (mut fields, mut parts, mut binary) = (&blank[..], Vec::new(), None);
        match &request.body {
            Body::None => {}
            Body::Raw {
                language: RawLanguage::GraphQl,
                text,
            } => (mode, raw) = (BodyMode::GraphQl, text.clone()),
            Body::Raw { language: l, text } => {
                (mode, language, raw) = (BodyMode::Raw, *l, text.clone());
            }
            Body::UrlEncoded { fields: f } => (mode, fields) = (BodyMode::UrlEncoded, f.as_slice()),
            Body::Multipart { parts: p } => {
                mode = BodyMode::Multipart;
                parts = p.iter().map(part_row).collect();
            }
            Body::Binary { file } => (mode, binary) = (BodyMode::Binary, file.clone()),
        }
        if mode != BodyMode::Multipart {
            parts.push(PartRow::new("", PartKind::Text));
        }
        self.body_mode.set(mode);
        self.raw_language.set(language);
        self.raw_text.set(raw);
        self.form_fields.set(fields);
        self.parts.set(parts);
        self.binary_file.set(binary);

        self.set_auth(&request.auth);

        let options = &request.options;
        self.timeout.set(
            options
                .timeout_ms
                .map(|ms| ms.to_string())
                .unwrap_or_default(),
        );
        self.redirect.set(options.redirect);
        self.credentials.set(options.credentials);
        self.cache.set(options.cache);
        self.checks.set(&request.checks);
    }
}

fn part_row(part: &FormPart) -> PartRow {
    let row = PartRow::new(&part.name, PartKind::Text);
    row.enabled.set(part.enabled);
    row.content_type.set(part.content_type.clone());
    match &part.value {
        PartValue::Text { value } => row.text.set(value.clone()),
        PartValue::File { file } => {
            row.kind.set(PartKind::File);
            row.file.set(file.clone());
        }
    }
    row
}

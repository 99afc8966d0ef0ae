//! Edit stage, in reverse: a request read from reqlab's request JSON (serde's shape, as the worker's import
//! answers carry it, and later drafts, history and share links) and put into every editor signal, so that
//! loading what `Editor::request` produced gives that same request back.
//!
//! The JSON is read with the page's small readers (`js_json`), not serde: serde's generated reader for
//! `Request` would add about 15 KB gzip to the page. Members may be missing where serde fills a default.

use super::editor::{AuthKind, BodyMode, Editor, PartKind, PartRow};
use super::environments::{EnvironmentEntry, Environments};
use super::rows::{next_id, Rows};
use crate::js_json::Json;
use leptos::prelude::*;
use reqlab_core::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::{
    ApiKeyLocation, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PartValue,
    RawLanguage, Request, RequestOptions,
};

/// `read(member)`, or the default when the member is missing or null, as serde's `#[serde(default)]` does.
fn or_default<T: Default>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<T> {
    if json.is_null() {
        Some(T::default())
    } else {
        read(json)
    }
}

fn text(json: &Json) -> Option<String> {
    or_default(json, Json::string)
}

/// A request in reqlab's request JSON; `None` when any member has a shape serde would refuse.
pub fn read_request(json: &Json) -> Option<Request> {
    let method = json.get("method");
    Some(Request {
        method: if method.is_null() {
            Method::default()
        } else {
            Method::parse(&method.string()?)
        },
        url: text(&json.get("url"))?,
        query: read_rows(&json.get("query"))?,
        path_variables: read_rows(&json.get("path_variables"))?,
        headers: read_rows(&json.get("headers"))?,
        body: or_default(&json.get("body"), read_body)?,
        auth: or_default(&json.get("auth"), read_auth)?,
        options: or_default(&json.get("options"), read_options)?,
    })
}

/// An environment as serde writes one: a name and variable rows.
pub fn read_environment(json: &Json) -> Option<Environment> {
    Some(Environment {
        name: text(&json.get("name"))?,
        variables: read_rows(&json.get("variables"))?,
    })
}

/// `[{enabled, key, value}]`; rows are switched on unless they say otherwise.
fn read_rows(json: &Json) -> Option<Vec<KeyValue>> {
    or_default(json, |rows| {
        rows.items()?
            .iter()
            .map(|row| {
                let enabled = row.get("enabled");
                Some(KeyValue {
                    enabled: enabled.is_null() || enabled.bool()?,
                    key: row.get("key").string()?,
                    value: text(&row.get("value"))?,
                })
            })
            .collect()
    })
}

fn read_body(json: &Json) -> Option<Body> {
    Some(match json.get("mode").string()?.as_str() {
        "none" => Body::None,
        "raw" => Body::Raw {
            language: or_default(&json.get("language"), |l| {
                let id = l.string()?;
                RawLanguage::ALL.into_iter().find(|l| l.id() == id)
            })?,
            text: text(&json.get("text"))?,
        },
        "url_encoded" => Body::UrlEncoded {
            fields: read_rows(&json.get("fields"))?,
        },
        "multipart" => Body::Multipart {
            parts: or_default(&json.get("parts"), |parts| {
                parts.items()?.iter().map(read_part).collect()
            })?,
        },
        "binary" => Body::Binary {
            file: read_file(&json.get("file"))?,
        },
        _ => return None,
    })
}

fn read_part(json: &Json) -> Option<FormPart> {
    let enabled = json.get("enabled");
    Some(FormPart {
        enabled: enabled.is_null() || enabled.bool()?,
        name: json.get("name").string()?,
        value: match json.get("kind").string()?.as_str() {
            "text" => PartValue::Text {
                value: text(&json.get("value"))?,
            },
            "file" => PartValue::File {
                file: read_file(&json.get("file"))?,
            },
            _ => return None,
        },
    })
}

/// A file by name and type: its bytes are never in JSON, so the user picks it again to send it.
fn read_file(json: &Json) -> Option<Option<FileRef>> {
    if json.is_null() {
        return Some(None);
    }
    Some(Some(FileRef {
        name: json.get("name").string()?,
        content_type: text(&json.get("content_type"))?,
        data: None,
    }))
}

fn read_auth(json: &Json) -> Option<Auth> {
    Some(match json.get("kind").string()?.as_str() {
        "none" => Auth::None,
        "basic" => Auth::Basic {
            username: text(&json.get("username"))?,
            password: text(&json.get("password"))?,
        },
        "bearer" => Auth::Bearer {
            token: text(&json.get("token"))?,
        },
        "api_key" => Auth::ApiKey {
            name: text(&json.get("name"))?,
            value: text(&json.get("value"))?,
            location: match or_default(&json.get("location"), Json::string)?.as_str() {
                "" | "header" => ApiKeyLocation::Header,
                "query" => ApiKeyLocation::Query,
                _ => return None,
            },
        },
        _ => return None,
    })
}

fn read_options(json: &Json) -> Option<RequestOptions> {
    let timeout = json.get("timeout_ms");
    Some(RequestOptions {
        timeout_ms: if timeout.is_null() {
            None
        } else {
            Some(u32::try_from(timeout.whole(u64::from(u32::MAX))?).ok()?)
        },
        redirect: or_default(&json.get("redirect"), |v| RedirectMode::parse(&v.string()?))?,
        credentials: or_default(&json.get("credentials"), |v| {
            CredentialsMode::parse(&v.string()?)
        })?,
        cache: or_default(&json.get("cache"), |v| CacheMode::parse(&v.string()?))?,
    })
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

        let (mut kind, mut user, mut password, mut token) =
            (AuthKind::None, String::new(), String::new(), String::new());
        let (mut key_name, mut key_value, mut location) =
            (String::new(), String::new(), ApiKeyLocation::Header);
        match &request.auth {
            Auth::None => {}
            Auth::Basic {
                username,
                password: p,
            } => {
                (kind, user, password) = (AuthKind::Basic, username.clone(), p.clone());
            }
            Auth::Bearer { token: t } => (kind, token) = (AuthKind::Bearer, t.clone()),
            Auth::ApiKey {
                name,
                value,
                location: l,
            } => {
                (kind, key_name, key_value, location) =
                    (AuthKind::ApiKey, name.clone(), value.clone(), *l);
            }
        }
        self.auth_kind.set(kind);
        self.basic_username.set(user);
        self.basic_password.set(password);
        self.bearer_token.set(token);
        self.api_key_name.set(key_name);
        self.api_key_value.set(key_value);
        self.api_key_location.set(location);

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
    }
}

fn part_row(part: &FormPart) -> PartRow {
    let row = PartRow::new(&part.name, PartKind::Text);
    row.enabled.set(part.enabled);
    match &part.value {
        PartValue::Text { value } => row.text.set(value.clone()),
        PartValue::File { file } => {
            row.kind.set(PartKind::File);
            row.file.set(file.clone());
        }
    }
    row
}

impl Environments {
    /// Puts `environment`'s variables in the environment of that name (made if there is none) and makes it
    /// the active one, so an imported request's `{{name}}`s resolve; a repeated import replaces its values.
    pub fn load(&self, environment: &Environment) {
        let existing = self.list.with_untracked(|list| {
            list.iter()
                .find(|e| e.name.get_untracked() == environment.name)
                .copied()
        });
        let entry = existing.unwrap_or_else(|| {
            let entry = EnvironmentEntry {
                id: next_id(),
                name: RwSignal::new(environment.name.clone()),
                variables: Rows::new(&[]),
            };
            self.list.update(|list| list.push(entry));
            entry
        });
        entry.variables.set(&environment.variables);
        self.active.set(Some(entry.id));
    }
}

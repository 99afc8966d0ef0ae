//! The request editor's state: one signal per field (the auth settings as one, see `Editor::auth`), the
//! `Request` derived from them, and the two-way sync between the URL text and the query and path-variable
//! tables.

use super::choice::Choice;
use super::rows::{next_id, Rows};
use crate::page::js_json::Json;
use leptos::prelude::*;
use reqlab_core::edit::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::edit::query::{path_variables_from_url, query_from_url, url_with_query};
use reqlab_core::vocabulary;
use reqlab_core::{
    Auth, Body, FileRef, FormPart, KeyValue, Method, PartValue, RawLanguage, Request,
    RequestOptions,
};

vocabulary!(
    /// The Body tab's modes (wire names as `Body`'s JSON `mode`).
    BodyMode {
        None => "none", "None";
        Raw => "raw", "Raw";
        UrlEncoded => "url_encoded", "Form URL-encoded";
        Multipart => "multipart", "Multipart form";
        Binary => "binary", "Binary file";
        GraphQl => "graphql", "GraphQL";
    }
);

vocabulary!(
    /// What a multipart part holds (wire names as a part's JSON `kind`).
    PartKind {
        Text => "text", "Text";
        File => "file", "File";
    }
);

/// One multipart part being edited.
#[derive(Clone, Copy)]
pub struct PartRow {
    pub id: u32,
    pub enabled: RwSignal<bool>,
    pub name: RwSignal<String>,
    pub kind: Choice<PartKind>,
    pub text: RwSignal<String>,
    pub file: RwSignal<Option<FileRef>>,
    /// The part's own Content-Type; empty for none (a file part then sends its file's).
    pub content_type: RwSignal<String>,
}

impl PartRow {
    pub fn new(name: &str, kind: PartKind) -> PartRow {
        PartRow {
            id: next_id(),
            enabled: RwSignal::new(true),
            name: RwSignal::new(name.to_string()),
            kind: Choice::new(kind),
            text: RwSignal::new(String::new()),
            file: RwSignal::new(None),
            content_type: RwSignal::new(String::new()),
        }
    }

    fn get(&self) -> FormPart {
        FormPart {
            enabled: self.enabled.get(),
            name: self.name.get(),
            value: match self.kind.get() {
                PartKind::Text => PartValue::Text {
                    value: self.text.get(),
                },
                PartKind::File => PartValue::File {
                    file: self.file.get(),
                },
            },
            content_type: self.content_type.get(),
        }
    }
}

/// Every editable field of the request. Values of body modes not selected are kept, so switching back
/// loses nothing (the Auth tab keeps its kinds' values itself).
#[derive(Clone, Copy)]
pub struct Editor {
    pub method: RwSignal<String>,
    pub url: RwSignal<String>,
    pub query: Rows,
    pub path_variables: Rows,
    pub headers: Rows,
    pub body_mode: Choice<BodyMode>,
    pub raw_language: Choice<RawLanguage>,
    pub raw_text: RwSignal<String>,
    pub form_fields: Rows,
    pub parts: RwSignal<Vec<PartRow>>,
    pub binary_file: RwSignal<Option<FileRef>>,
    /// The auth settings as their JSON (`Auth` as serde writes it): the Auth tab is the auth bundle's
    /// (`src/auth`), which hands edits back as a `ToPage::Auth`; the page only carries them. A string
    /// signal, because a signal of their own type would add about 1 KB of generic code to the page.
    auth: RwSignal<String>,
    /// As typed; only digits count (see `timeout_ms`).
    pub timeout: RwSignal<String>,
    pub redirect: Choice<RedirectMode>,
    pub credentials: Choice<CredentialsMode>,
    pub cache: Choice<CacheMode>,
    /// The Tests tab's rows (`Request::checks`): the page carries and edits them, the workflow bundle
    /// reads and evaluates them.
    pub checks: Rows,
}

impl Editor {
    pub fn new(url: String) -> Editor {
        let blank = [KeyValue::default()];
        let editor = Editor {
            method: RwSignal::new(Method::Get.to_string()),
            url: RwSignal::new(String::new()),
            query: Rows::new(&[]),
            path_variables: Rows::new(&[]),
            headers: Rows::new(&blank),
            body_mode: Choice::new(BodyMode::None),
            raw_language: Choice::new(RawLanguage::Json),
            raw_text: RwSignal::new(String::new()),
            form_fields: Rows::new(&blank),
            parts: RwSignal::new(vec![PartRow::new("", PartKind::Text)]),
            binary_file: RwSignal::new(None),
            auth: RwSignal::new(String::new()),
            timeout: RwSignal::new(String::new()),
            redirect: Choice::new(RedirectMode::Follow),
            credentials: Choice::new(CredentialsMode::SameOrigin),
            cache: Choice::new(CacheMode::Default),
            checks: Rows::new(&[]),
        };
        editor.set_url(url);
        editor
    }

    /// The URL field changed: the query and path-variable tables follow it.
    pub fn set_url(&self, url: String) {
        self.query
            .set(&query_from_url(&url, &self.query.get_untracked()));
        self.path_variables.set(&path_variables_from_url(
            &url,
            &self.path_variables.get_untracked(),
        ));
        self.url.set(url);
    }

    /// A query row changed: the URL text follows the table.
    pub fn query_changed(&self) {
        let url = url_with_query(&self.url.get_untracked(), &self.query.get_untracked());
        self.url.set(url);
    }

    /// The timeout in milliseconds, if the field holds a positive whole number.
    pub fn timeout_ms(&self) -> Option<u32> {
        self.timeout.get().trim().parse().ok().filter(|ms| *ms > 0)
    }

    /// The request as edited (tracked: memos built on it follow every field).
    pub fn request(&self) -> Request {
        Request {
            method: Method::parse(self.method.get().trim()),
            url: self.url.get(),
            // The URL text already carries the enabled query rows; prepare rebuilds it from the table.
            query: self.query.get(),
            path_variables: self.path_variables.get(),
            headers: self.headers.get(),
            body: self.body(),
            auth: self.auth(),
            options: RequestOptions {
                timeout_ms: self.timeout_ms(),
                redirect: self.redirect.get(),
                credentials: self.credentials.get(),
                cache: self.cache.get(),
            },
            checks: self.checks.get(),
        }
    }

    fn body(&self) -> Body {
        match self.body_mode.get() {
            BodyMode::None => Body::None,
            BodyMode::Raw => Body::Raw {
                language: self.raw_language.get(),
                text: self.raw_text.get(),
            },
            // The GraphQL bundle edits the envelope in the raw text.
            BodyMode::GraphQl => Body::Raw {
                language: RawLanguage::GraphQl,
                text: self.raw_text.get(),
            },
            BodyMode::UrlEncoded => Body::UrlEncoded {
                fields: self.form_fields.get(),
            },
            BodyMode::Multipart => Body::Multipart {
                parts: self
                    .parts
                    .with(|parts| parts.iter().map(PartRow::get).collect()),
            },
            BodyMode::Binary => Body::Binary {
                file: self.binary_file.get(),
            },
        }
    }

    /// The settings the Auth tab holds; none until it has set any.
    fn auth(&self) -> Auth {
        self.auth
            .with(|text| Json::parse(text).and_then(|json| super::load::read_auth(&json)))
            .unwrap_or_default()
    }

    /// Sets the auth settings (a loaded request's, or the Auth tab's).
    pub fn set_auth(&self, auth: &Auth) {
        self.auth
            .set(serde_json::to_string(auth).unwrap_or_default());
    }
}

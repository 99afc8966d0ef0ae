//! Page <-> library, through `window.reqlab` (see `page::bridge` for the calls): what the editor holds goes
//! to the library as a `Draft`, and the library hands the page requests to load as a `ToPage`, announced
//! by `OPEN_EVENT`. JSON strings both ways.
//!
//! Each side writes with serde; the library reads a `Draft` with serde, the page reads a `ToPage` with its
//! small `js_json` readers (`page::bridge::read_to_page`), which the wasm tests hold to what serde writes.

use reqlab_core::edit::model::{Body, PartValue};
use reqlab_core::{Environment, FileRef, Request};
use serde::{Deserialize, Serialize};

/// Page -> library: what the editor holds, sent on every edit (`reqlab.edit`). The library keeps it as the
/// draft and records it with each send.
pub use reqlab_core::library::draft::Draft;

/// The element of the page's response panel that the library fills with the line naming the request the
/// answer belongs to (see `library::answer_view`).
pub const ANSWER_OF: &str = "answer-of";

/// The event that tells the page the library has a `ToPage` for it.
pub const OPEN_EVENT: &str = "reqlab:open";

/// The event that tells the page a bundle beside it (auth, workflow) left it an edit to take: a
/// `ToPage::Auth`, `Checks` or `Variables`. Apart from `OPEN_EVENT`, which the live view also hears.
pub const BUNDLE_EDIT_EVENT: &str = "reqlab:bundle-edit";

/// Library -> page: a request to load into the editor. Never sent by the page on its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToPage {
    /// A request the user chose (history, a collection, an example, a share link): loaded with `summary` as
    /// the notice's sentence and Undo offered, and `environment` (a share link's variables) made active.
    Open {
        summary: String,
        request: Request,
        environment: Option<Environment>,
        /// The text of each file the request's body names, in order (`file_texts` of the request): request
        /// JSON names files without their bytes, and the examples' uploads are small text files.
        file_texts: Vec<String>,
        /// The saved request it is (`Saved::id`), when opened from the collections: Save updates that one.
        saved: Option<u64>,
        /// What an import left out, listed under the notice's sentence.
        warnings: Vec<String>,
    },
    /// A draft loaded quietly, its environments replacing the editor's: an earlier visit's, another
    /// window's, or the request of the tab brought to the front (`shown` says which, for the answer).
    Restore { draft: Draft, shown: Shown },
    /// The editor's content was just saved as a new request: Save updates that one from now on.
    Saved { saved: u64 },
    /// The auth bundle's form (`src/auth`) changed the auth settings. Written by the auth bundle as a
    /// `protocol::auth::AuthEdit` (the same JSON): skipped here, so that the library, which writes the other
    /// variants, carries no serializer for it (1 KB of its wasm, which every first visit downloads).
    #[serde(skip_serializing)]
    Auth { auth: reqlab_core::Auth },
    /// The workflow bundle's Tests tab changed the request's checks (written by it as a
    /// `protocol::workflow::ChecksEdit`; skipped here for the reason `Auth` is).
    #[serde(skip_serializing)]
    Checks { checks: Vec<reqlab_core::KeyValue> },
    /// An answer's captured values set in the active environment: every environment, as the workflow
    /// bundle made them from the draft (written by it as a `protocol::workflow::VariablesEdit`).
    #[serde(skip_serializing)]
    Variables { variables: reqlab_core::Variables },
}

/// Which open tab (`reqlab_core::library::tabs`) a `ToPage::Restore` brings to the front, so the page can
/// keep each tab's answer: the full response stays in the page, where it was received.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    /// The tab the editor held until now, whose answer the page keeps for its return; none when it was
    /// closed (its answer is dropped).
    pub leaving: Option<u32>,
    pub tab: u32,
    /// The answer the library kept for `tab` (after a reload, or from History), shown when the page holds
    /// none of its own.
    pub answer: Option<KeptAnswer>,
}

/// An answer as History keeps it: no headers, the body's first 16 KiB as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeptAnswer {
    /// 0 when no response came; `status_text` then says why.
    pub status: u16,
    pub status_text: String,
    pub elapsed_ms: u64,
    pub url: String,
    pub body: String,
    pub truncated: bool,
}

/// The files a body names, in the order `ToPage::Open::file_texts` lists their texts: a binary body's
/// file, or each file part's.
fn files_of(body: &mut Body) -> Vec<&mut Option<FileRef>> {
    match body {
        Body::Binary { file } => vec![file],
        Body::Multipart { parts } => parts
            .iter_mut()
            .filter_map(|part| match &mut part.value {
                PartValue::File { file } => Some(file),
                PartValue::Text { .. } => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The texts of the files `request` names (empty for a file without UTF-8 bytes), for `ToPage::Open`.
pub fn file_texts(request: &Request) -> Vec<String> {
    // Only file bodies are copied (their bytes are shared, not copied): a raw body may be megabytes.
    let mut body = match &request.body {
        body @ (Body::Binary { .. } | Body::Multipart { .. }) => body.clone(),
        _ => return Vec::new(),
    };
    files_of(&mut body)
        .into_iter()
        .map(|file| {
            let data = file.as_ref().and_then(|f| f.data.as_deref());
            data.and_then(|d| std::str::from_utf8(d).ok())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// Gives the files `request` names the bytes of `texts`, in order; an empty text leaves a file without.
pub fn attach_file_texts(request: &mut Request, texts: Vec<String>) {
    for (file, text) in files_of(&mut request.body).into_iter().zip(texts) {
        if let Some(file) = file.as_mut().filter(|_| !text.is_empty()) {
            file.data = Some(text.into_bytes().into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::FormPart;

    #[test]
    fn file_texts_go_back_to_the_files_they_came_from() {
        let request = Request {
            body: Body::Multipart {
                parts: vec![
                    FormPart::file(
                        "a",
                        Some(FileRef::new("a.txt", "text/plain", b"one".to_vec())),
                    ),
                    FormPart::text("t", "not a file"),
                    FormPart::file("none", None),
                    FormPart::file("b", Some(FileRef::new("b.txt", "", b"two".to_vec()))),
                    FormPart::file("bin", Some(FileRef::new("x.bin", "", vec![0xff, 0xfe]))),
                ],
            },
            ..Request::default()
        };
        let texts = file_texts(&request);
        assert_eq!(texts, ["one", "", "two", ""]);
        // What JSON carries: the files by name, without their bytes.
        let mut read: Request =
            serde_json::from_str(&serde_json::to_string(&request).expect("writes")).expect("reads");
        attach_file_texts(&mut read, texts);
        let Body::Multipart { parts } = &read.body else {
            panic!("still multipart");
        };
        let data = |i: usize| match &parts[i].value {
            PartValue::File { file } => file
                .as_ref()
                .and_then(|f| f.data.as_deref().map(<[u8]>::to_vec)),
            PartValue::Text { .. } => None,
        };
        assert_eq!(data(0).as_deref(), Some(&b"one"[..]));
        assert_eq!(data(2), None);
        assert_eq!(data(3).as_deref(), Some(&b"two"[..]));
        assert_eq!(data(4), None, "bytes that are not text do not travel");
    }

    #[test]
    fn the_response_panel_reserves_the_line_the_library_fills() {
        let viewer = include_str!("../page/components/response_viewer/mod.rs");
        assert!(viewer.contains(&format!("id=\"{ANSWER_OF}\"")));
    }

    #[test]
    fn to_page_is_tagged_by_kind() {
        let open = ToPage::Open {
            summary: "Opened".into(),
            request: Request::default(),
            environment: None,
            file_texts: vec![],
            saved: Some(3),
            warnings: vec![],
        };
        let text = serde_json::to_string(&open).expect("writes");
        assert!(
            text.starts_with(r#"{"kind":"open","summary":"Opened","request":{"#),
            "{text}"
        );
        let restore = ToPage::Restore {
            draft: Draft::default(),
            shown: Shown::default(),
        };
        let text = serde_json::to_string(&restore).expect("writes");
        assert!(
            text.starts_with(r#"{"kind":"restore","draft":{"request":{"#),
            "{text}"
        );
    }
}

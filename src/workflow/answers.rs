//! The answers the tools work on: the latest (what the page shows), the one before it (the previous answer),
//! and History's entries (read from the library's storage; the workflow bundle never writes it).

use super::bridge::Latest;
use crate::library::store::HISTORY;
use reqlab_core::library::history::History;
use std::cell::RefCell;

/// An answer kept for comparing.
#[derive(Clone, Debug, Default)]
pub struct Kept {
    pub label: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// Whether `headers` are the answer's (History keeps none).
    pub headers_known: bool,
    pub body: Vec<u8>,
    /// False when the page kept no copy of the body for the tools (over 16 MiB).
    pub body_kept: bool,
}

impl Kept {
    pub fn content_type(&self) -> String {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    static PREVIOUS: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// A new answer: the latest becomes the previous one.
pub fn arrived(latest: &Latest) {
    if latest.status == 0 {
        return;
    }
    let label = latest
        .draft
        .as_ref()
        .map(|d| format!("{} {}", d.request.method, d.request.url))
        .unwrap_or_default();
    let kept = Kept {
        label: format!("{label} → {}", latest.status),
        status: latest.status,
        headers: latest.headers.clone(),
        headers_known: true,
        body: latest.body.clone(),
        body_kept: latest.body_kept,
    };
    let before = CURRENT.with(|c| c.borrow_mut().replace(kept));
    if before.is_some() {
        PREVIOUS.with(|p| *p.borrow_mut() = before);
    }
}

pub fn current() -> Option<Kept> {
    CURRENT.with(|c| c.borrow().clone())
}

/// What can be compared with, in order: the previous answer (when there is one), then History's entries
/// that have an answer, newest first.
pub fn choices() -> Vec<String> {
    let mut labels = Vec::new();
    if let Some(previous) = PREVIOUS.with(|p| p.borrow().clone()) {
        labels.push(format!("The previous answer: {}", previous.label));
    }
    labels.extend(
        history()
            .entries
            .iter()
            .filter(|e| e.status != 0)
            .map(|e| format!("History: {}", e.label())),
    );
    labels
}

/// The answer `choices()[index]` names.
pub fn choice(index: usize) -> Option<Kept> {
    let previous = PREVIOUS.with(|p| p.borrow().clone());
    let index = match (&previous, index) {
        (Some(previous), 0) => return Some(previous.clone()),
        (Some(_), i) => i - 1,
        (None, i) => i,
    };
    let history = history();
    let entry = history
        .entries
        .iter()
        .filter(|e| e.status != 0)
        .nth(index)?;
    Some(Kept {
        label: format!("History: {}", entry.label()),
        status: entry.status,
        headers: Vec::new(),
        headers_known: false,
        body: entry.body.clone().into_bytes(),
        body_kept: true,
    })
}

fn history() -> History {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(HISTORY).ok().flatten())
        .and_then(|text| History::from_json(&text).ok())
        .unwrap_or_default()
}

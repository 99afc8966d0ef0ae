//! The library's end of the page bridge (see `crate::page::bridge`): reads the drafts and the finished sends
//! the page announces, and hands the page requests to load (`protocol::library`).

use crate::dom::bridge::{field, reqlab as bridge};
use crate::protocol::library::{file_texts, Draft, Shown, ToPage, OPEN_EVENT};
use js_sys::{Array, Reflect, Uint8Array};
use reqlab_core::{Environment, Request};
use wasm_bindgen::{JsCast, JsValue};

/// Whether the page's bridge is there (index.html defines it).
pub fn ready() -> bool {
    bridge().is_some()
}

/// Whether the user typed in the page before the library started (index.html notes the first input).
pub fn typed() -> bool {
    bridge().is_some_and(|bridge| field(&bridge, "typed").is_truthy())
}

/// Whether the Import button was clicked before the library started (index.html notes it).
pub fn import_clicked() -> bool {
    bridge().is_some_and(|bridge| field(&bridge, "importing").is_truthy())
}

fn read_draft(text: &JsValue) -> Option<Draft> {
    serde_json::from_str(&text.as_string()?).ok()
}

/// Why a view that needs the editor's request has none: the page has not announced one yet.
pub const NOT_KNOWN_YET: &str = "The editor's request is not known yet: try again in a moment.";

/// The request in the editor now, with every environment.
pub fn edited() -> Option<Draft> {
    read_draft(&field(&bridge()?, "last"))
}

/// What the page last announced, as written: compared, not parsed, so an edit that changed nothing (the
/// page announces again when only the snippet choice changed) costs the library no JSON reading.
pub fn edited_content() -> Option<String> {
    field(&bridge()?, "last").as_string()
}

/// A send the page finished.
pub struct Sent {
    /// The request as it was when sent (`None` if the page had not announced one yet).
    pub draft: Option<Draft>,
    /// 0 when nothing came back; `status_text` then says why.
    pub status: u16,
    pub status_text: String,
    pub elapsed_ms: f64,
    pub size: u64,
    /// The body's first bytes.
    pub body: Vec<u8>,
    /// The checks' verdict, when the request has checks (the workflow bundle's, see index.html).
    pub tests: String,
}

/// The sends finished since the last call (the page queues them until the library takes them).
pub fn take_sent() -> Vec<Sent> {
    let Some(bridge) = bridge() else {
        return Vec::new();
    };
    let list = field(&bridge, "sent");
    let _ = Reflect::set(&bridge, &"sent".into(), &Array::new());
    let Some(list) = list.dyn_ref::<Array>() else {
        return Vec::new();
    };
    list.iter()
        .map(|entry| {
            let at = |i: u32| Reflect::get_u32(&entry, i).unwrap_or(JsValue::UNDEFINED);
            Sent {
                draft: read_draft(&at(0)),
                status: at(1).as_f64().unwrap_or(0.0) as u16,
                status_text: at(2).as_string().unwrap_or_default(),
                elapsed_ms: at(3).as_f64().unwrap_or(0.0),
                size: at(4).as_f64().unwrap_or(0.0) as u64,
                body: at(5)
                    .dyn_ref::<Uint8Array>()
                    .map(Uint8Array::to_vec)
                    .unwrap_or_default(),
                tests: at(6).as_string().unwrap_or_default(),
            }
        })
        .collect()
}

/// Loads `request` into the page's editor, with `summary` as the notice and Undo offered (a share link,
/// history, a collection, an example), and `environment` (a share link's variables) as the active one;
/// `saved` is the saved request it is, if opened from the collections. Never sends it.
pub fn open(
    request: &Request,
    environment: Option<Environment>,
    summary: &str,
    saved: Option<u64>,
) {
    hand_over(&ToPage::Open {
        summary: summary.into(),
        request: request.clone(),
        environment,
        file_texts: file_texts(request),
        saved,
        warnings: Vec::new(),
    });
}

/// Loads an imported request into the page's editor, as `open` does, the notice listing `warnings` (what
/// the import left out).
pub fn open_import(
    request: &Request,
    environment: Option<Environment>,
    summary: &str,
    warnings: Vec<String>,
) {
    hand_over(&ToPage::Open {
        summary: summary.into(),
        request: request.clone(),
        environment,
        file_texts: Vec::new(),
        saved: None,
        warnings,
    });
}

/// Tells the page that what its editor holds was just saved as the request `saved`.
pub fn saved(saved: u64) {
    hand_over(&ToPage::Saved { saved });
}

/// Loads a draft (saved before this visit, by another window, or an open tab's) into the page's editor
/// without a word: its request and every environment, replacing the editor's; `shown` says which tab it
/// is, for the answer on show.
pub fn restore(draft: &Draft, shown: Shown) {
    hand_over(&ToPage::Restore {
        draft: draft.clone(),
        shown,
    });
}

/// Leaves `message` for the page (`reqlab.take()`) and tells it so.
fn hand_over(message: &ToPage) {
    if let Ok(text) = serde_json::to_string(message) {
        crate::dom::bridge::hand_over(&text, OPEN_EVENT);
    }
}

//! The latest answer index.html keeps for the bundles that read answers (`reqlab.answer`, see `done` in
//! index.html): the workflow bundle checks it, the GraphQL bundle marks its errors in the query.

use super::bridge::{field, reqlab};
use crate::protocol::library::Draft;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;

/// The latest answer, as the page handed it over.
pub struct Latest {
    /// The draft the request was sent from.
    pub draft: Option<Draft>,
    /// 0 when no answer came.
    pub status: u16,
    pub elapsed_ms: f64,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// False when index.html kept no copy of the body (over 16 MiB, and no checks needed it).
    pub body_kept: bool,
}

/// `reqlab.answer`: `[draft JSON, status, status text, ms, "name: value" lines, body bytes]` (the status
/// text is the page's to show).
pub fn latest() -> Option<Latest> {
    let answer = field(&reqlab()?, "answer").dyn_into::<Array>().ok()?;
    let headers = answer.get(4).as_string().unwrap_or_default();
    Some(Latest {
        draft: answer
            .get(0)
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok()),
        status: answer.get(1).as_f64().unwrap_or_default() as u16,
        elapsed_ms: answer.get(3).as_f64().unwrap_or_default(),
        headers: headers
            .lines()
            .filter_map(|line| line.split_once(": "))
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        body_kept: answer.get(5).is_object(),
        body: answer
            .get(5)
            .dyn_into::<Uint8Array>()
            .map(|bytes| bytes.to_vec())
            .unwrap_or_default(),
    })
}

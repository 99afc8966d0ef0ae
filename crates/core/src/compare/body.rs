//! Which comparison two bodies get: JSON by value when both are JSON, lines when both are text, bytes
//! otherwise.

use serde_json::Value;

use super::json::{compare_json, JsonDiff};
use super::lines::{diff_lines, LineDiff};
use super::CompareOptions;

#[derive(Clone, Debug, PartialEq)]
pub enum BodyComparison {
    /// Byte for byte equal, or both JSON and equal by value (formatting and key order aside).
    Same,
    Json(JsonDiff),
    Lines(LineDiff),
    /// At least one side is not text.
    Binary {
        left_len: usize,
        right_len: usize,
        /// The offset of the first differing byte (the shorter length when one body starts the other).
        first_difference: usize,
    },
}

impl BodyComparison {
    pub fn is_same(&self) -> bool {
        matches!(self, BodyComparison::Same)
    }
}

/// One body with what its answer said about it.
pub(crate) struct BodyInput<'a> {
    pub bytes: &'a [u8],
    pub content_type: &'a str,
}

pub(crate) fn compare_bodies(
    left: BodyInput<'_>,
    right: BodyInput<'_>,
    options: &CompareOptions<'_>,
) -> BodyComparison {
    if left.bytes == right.bytes {
        return BodyComparison::Same;
    }
    if let (Some(l), Some(r)) = (as_json(&left), as_json(&right)) {
        let diff = compare_json(&l, &r, options.max_json_changes);
        return if diff.total() == 0 {
            BodyComparison::Same
        } else {
            BodyComparison::Json(diff)
        };
    }
    match (as_text(&left), as_text(&right)) {
        (Some(l), Some(r)) => BodyComparison::Lines(diff_lines(
            &l,
            &r,
            options.context_lines,
            options.max_edit_cost,
        )),
        _ => BodyComparison::Binary {
            left_len: left.bytes.len(),
            right_len: right.bytes.len(),
            first_difference: left
                .bytes
                .iter()
                .zip(right.bytes)
                .position(|(l, r)| l != r)
                .unwrap_or(left.bytes.len().min(right.bytes.len())),
        },
    }
}

/// The body as a JSON value, when its type says JSON or it opens like a JSON document, and it parses.
/// serde_json refuses nesting deeper than 128, so a hostile body becomes text, never a deep tree.
fn as_json(body: &BodyInput<'_>) -> Option<Value> {
    let opens_like_json = body
        .bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[');
    if !(is_json_type(body.content_type) || opens_like_json) {
        return None;
    }
    serde_json::from_slice(body.bytes).ok()
}

fn is_json_type(content_type: &str) -> bool {
    let essence = mime_essence(content_type);
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

/// The body as text: valid UTF-8 without NUL bytes is text whatever its type; a textual type is decoded
/// lossily (a stray byte in a log should not turn the whole comparison into bytes).
fn as_text<'b>(body: &BodyInput<'b>) -> Option<std::borrow::Cow<'b, str>> {
    match std::str::from_utf8(body.bytes) {
        Ok(text) if !text.contains('\0') => Some(text.into()),
        _ if is_text_type(body.content_type) => Some(String::from_utf8_lossy(body.bytes)),
        _ => None,
    }
}

fn is_text_type(content_type: &str) -> bool {
    let essence = mime_essence(content_type);
    essence.starts_with("text/")
        || is_json_type(content_type)
        || essence.ends_with("+xml")
        || matches!(
            essence.as_str(),
            "application/xml"
                | "application/javascript"
                | "application/x-www-form-urlencoded"
                | "application/x-ndjson"
        )
}

fn mime_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

//! `.http` GraphQL requests, REST Client's way: the header `X-Request-Type: GraphQL` (a directive to the
//! client, never sent) makes the body the query, then, after a blank line, the variables as JSON. REST
//! Client sends no operation name; reqlab keeps one in its own setting `# @operation-name NAME`.

use super::body::trim_blank_lines;
use super::lines::{is_blank, Line};
use super::Note;
use crate::edit::graphql_body::envelope;
use crate::edit::model::{Body, KeyValue, RawLanguage};

/// The directive's header name.
pub(super) const MARKER: &str = "X-Request-Type";

/// Takes the directive out of `headers`, saying whether it was there.
pub(super) fn take_marker(headers: &mut Vec<KeyValue>) -> bool {
    let before = headers.len();
    headers.retain(|h| {
        !(h.enabled
            && h.key.eq_ignore_ascii_case(MARKER)
            && h.value.trim().eq_ignore_ascii_case("graphql"))
    });
    if headers.len() == before {
        return false;
    }
    // REST Client needs the header to say so; the GraphQL body sends it itself.
    if headers.last().is_some_and(|h| {
        h.enabled
            && h.key.eq_ignore_ascii_case("content-type")
            && h.value.trim() == RawLanguage::GraphQl.content_type()
    }) {
        headers.pop();
    }
    true
}

/// The GraphQL body the lines hold. Variables that are not JSON as written (`{"id": {{id}}}`) are kept as
/// written: they are JSON once their variables are resolved when sent.
pub(super) fn body(
    lines: &[Line<'_>],
    operation_name: Option<&str>,
    notes: &mut Vec<Note>,
) -> Body {
    let lines = trim_blank_lines(lines);
    let split = lines
        .iter()
        .position(|line| is_blank(line.text))
        .unwrap_or(lines.len());
    let joined = |lines: &[Line<'_>]| {
        lines
            .iter()
            .map(|line| line.text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let query = joined(&lines[..split]);
    let variables = joined(trim_blank_lines(&lines[split..]));
    if !variables.is_empty() && crate::render::json::check(&variables).is_err() {
        if let Some(line) = lines.get(split + 1) {
            notes.push(Note::at(
                line.number,
                "the GraphQL variables are not JSON until their {{variables}} are resolved: they are \
                 kept as written"
                    .to_string(),
            ));
        }
    }
    let text = envelope(&query, Some(&variables), operation_name);
    Body::Raw {
        language: RawLanguage::GraphQl,
        text,
    }
}

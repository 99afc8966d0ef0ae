//! Two answers compared: status, headers, and the body (JSON by path, text by line).
//!
//! [`compare`] takes the two answers as [`Side`]s and returns a [`Comparison`] that a viewer can show: the
//! status pair when it differs, the header changes (ignored names included but marked), and the body as JSON
//! changes by normalized path, a line diff in hunks, or the first differing byte. Every part is bounded so
//! that multi-megabyte bodies compare quickly: JSON changes past a count are only counted, and a line diff
//! past a cost falls back to one replaced block flagged as approximate.

mod body;
mod headers;
mod json;
mod lines;
mod myers;
mod path;
mod summary;
mod unified;

pub use body::BodyComparison;
pub use headers::{compare_headers, HeaderChange, HeaderChangeKind, VOLATILE_HEADERS};
pub use json::{compare_json, json_equal, JsonChange, JsonChangeKind, JsonDiff};
pub use lines::{diff_lines, Hunk, LineDiff, Row, RowKind};
pub use unified::unified;

/// One answer, as the comparison reads it.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub status: u16,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    /// The answer's Content-Type (empty when it had none): picks JSON or text before sniffing does.
    pub content_type: &'a str,
}

/// What to leave aside and how far to go.
#[derive(Clone, Copy, Debug)]
pub struct CompareOptions<'a> {
    /// Header names (any case) whose changes are listed but marked ignored; [`VOLATILE_HEADERS`] is the
    /// usual choice.
    pub ignore_headers: &'a [&'a str],
    /// Unchanged lines shown around each changed one.
    pub context_lines: usize,
    /// JSON changes listed; further ones are only counted.
    pub max_json_changes: usize,
    /// Removed plus added lines the exact line diff may reach before it settles for one replaced block.
    pub max_edit_cost: usize,
}

impl Default for CompareOptions<'_> {
    /// Three context lines, as `diff -u`. 10,000 JSON changes is more than anyone reads and a few MB at most.
    /// An edit cost of 1024 keeps the walk's history (which grows with the square of the cost) within a few
    /// MB and its time within milliseconds on 100k-line bodies, while any diff a person would read through
    /// stays exact.
    fn default() -> Self {
        CompareOptions {
            ignore_headers: &[],
            context_lines: 3,
            max_json_changes: 10_000,
            max_edit_cost: 1024,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// (left, right) when the statuses differ.
    pub status: Option<(u16, u16)>,
    pub headers: Vec<HeaderChange>,
    pub body: BodyComparison,
}

impl Comparison {
    /// Same status, no header change other than ignored ones, same body.
    pub fn is_same(&self) -> bool {
        self.status.is_none()
            && self.headers.iter().all(|change| change.ignored)
            && self.body.is_same()
    }

    /// One line for a list or a tooltip, e.g. "status 200 → 404, 2 headers changed, 3 JSON values changed".
    pub fn summary(&self) -> String {
        summary::summary(self)
    }
}

/// Compares the answer `left` (usually the earlier one) with `right`.
pub fn compare(left: &Side<'_>, right: &Side<'_>, options: &CompareOptions<'_>) -> Comparison {
    Comparison {
        status: (left.status != right.status).then_some((left.status, right.status)),
        headers: compare_headers(left.headers, right.headers, options.ignore_headers),
        body: body::compare_bodies(
            body::BodyInput {
                bytes: left.body,
                content_type: left.content_type,
            },
            body::BodyInput {
                bytes: right.body,
                content_type: right.content_type,
            },
            options,
        ),
    }
}

//! A line diff written as unified diff text, for copying out or saving next to the two answers.

use std::fmt::Write;
use std::ops::Range;

use super::lines::{LineDiff, RowKind};

/// The hunks as `diff -u` writes them (without the `---`/`+++` file header, since answers have no file
/// names): `@@ -l,n +r,m @@` then one line per row, prefixed with ' ', '-' or '+'.
pub fn unified(diff: &LineDiff) -> String {
    let mut out = String::new();
    for hunk in &diff.hunks {
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            hunk_range(&hunk.left),
            hunk_range(&hunk.right)
        );
        for row in &hunk.rows {
            let sign = match row.kind {
                RowKind::Same => ' ',
                RowKind::Removed => '-',
                RowKind::Added => '+',
            };
            let _ = writeln!(out, "{sign}{}", row.text);
            if row.no_newline_at_end {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// Unified diff's range notation: 1-based start, count left out when it is 1, and for an empty range the
/// line after which it sits (0 at the very top).
fn hunk_range(lines: &Range<usize>) -> String {
    match lines.len() {
        0 => format!("{},0", lines.start),
        1 => format!("{}", lines.start + 1),
        count => format!("{},{count}", lines.start + 1),
    }
}

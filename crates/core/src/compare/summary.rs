//! A comparison in one line of words.

use super::{BodyComparison, Comparison};

pub(crate) fn summary(comparison: &Comparison) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some((left, right)) = comparison.status {
        parts.push(format!("status {left} → {right}"));
    }
    let ignored = comparison.headers.iter().filter(|c| c.ignored).count();
    let counted = comparison.headers.len() - ignored;
    if counted > 0 {
        parts.push(format!("{} changed", plural(counted, "header")));
    }
    match &comparison.body {
        BodyComparison::Same => {}
        BodyComparison::Json(diff) => {
            parts.push(format!("{} changed", plural(diff.total(), "JSON value")));
        }
        BodyComparison::Lines(diff) => {
            let approximate = if diff.approximate {
                " (approximate)"
            } else {
                ""
            };
            parts.push(format!(
                "{} added, {} removed{approximate}",
                plural(diff.added, "line"),
                diff.removed
            ));
        }
        BodyComparison::Binary {
            left_len,
            right_len,
            first_difference,
        } => parts.push(format!(
            "bodies differ from byte {first_difference} ({left_len} → {right_len} bytes)"
        )),
    }
    if parts.is_empty() {
        parts.push("no differences".to_owned());
    }
    let mut line = parts.join(", ");
    if ignored > 0 {
        line.push_str(&format!(" ({} ignored)", plural(ignored, "header change")));
    }
    line
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

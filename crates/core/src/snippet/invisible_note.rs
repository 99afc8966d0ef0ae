//! Snippet stage helper for the targets that hold user text as it is (command lines, the raw message): the
//! warning naming the invisible characters in it.

use crate::snippet::quote::is_invisible;

/// A warning naming the invisible characters (bidi overrides, zero-width spaces, control characters other
/// than line breaks, tabs and NUL, which is warned about on its own) that a command line has to hold as they are, where they show as nothing.
pub(crate) fn invisible_note<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut found: Vec<char> = Vec::new();
    for c in values.into_iter().flat_map(str::chars) {
        if is_invisible(c) && !matches!(c, '\n' | '\t' | '\0') && !found.contains(&c) {
            found.push(c);
        }
    }
    if found.is_empty() {
        return None;
    }
    let names: Vec<String> = found
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    Some(format!(
        "The snippet holds invisible characters as they are ({}): they do not show on screen, but are sent.",
        names.join(", ")
    ))
}

//! Normalized Paths (RFC 9535 §2.7): the one canonical spelling of a node's location, such as
//! `$['store']['book'][0]`.

use std::fmt::Write;

pub(crate) const ROOT: &str = "$";

pub(crate) fn child_index(parent: &str, index: usize) -> String {
    let mut path = String::with_capacity(parent.len() + 8);
    path.push_str(parent);
    // Writing into a String cannot fail.
    let _ = write!(path, "[{index}]");
    path
}

pub(crate) fn child_name(parent: &str, name: &str) -> String {
    let mut path = String::with_capacity(parent.len() + name.len() + 4);
    path.push_str(parent);
    path.push_str("['");
    for c in name.chars() {
        match c {
            '\u{8}' => path.push_str("\\b"),
            '\u{c}' => path.push_str("\\f"),
            '\n' => path.push_str("\\n"),
            '\r' => path.push_str("\\r"),
            '\t' => path.push_str("\\t"),
            '\'' => path.push_str("\\'"),
            '\\' => path.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(path, "\\u{:04x}", c as u32);
            }
            c => path.push(c),
        }
    }
    path.push_str("']");
    path
}

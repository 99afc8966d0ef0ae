//! RFC 9535 normalized paths (`$['a'][0]`): the one spelling of a JSON location, so that a change can be
//! matched against a JSONPath query or looked up in either document.

use std::fmt::Write;

/// One step down a JSON tree.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Segment<'a> {
    Name(&'a str),
    Index(usize),
}

pub(crate) fn normalized_path(segments: &[Segment<'_>]) -> String {
    let mut out = String::from("$");
    for segment in segments {
        match segment {
            Segment::Index(index) => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Name(name) => {
                out.push_str("['");
                push_escaped(&mut out, name);
                out.push_str("']");
            }
        }
    }
    out
}

/// RFC 9535 §2.7: only the apostrophe, the backslash and control characters are escaped, the five with a
/// short form by it, the rest as `\u00xx` in lowercase hex.
fn push_escaped(out: &mut String, name: &str) {
    for c in name.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_paths_as_rfc_9535_normalizes_them() {
        assert_eq!(normalized_path(&[]), "$");
        let segments = [
            Segment::Name("a"),
            Segment::Index(0),
            Segment::Name("a'b\\c"),
            Segment::Name("\n\u{1}\u{1f}é\u{7f}"),
        ];
        assert_eq!(
            normalized_path(&segments),
            "$['a'][0]['a\\'b\\\\c']['\\n\\u0001\\u001fé\u{7f}']"
        );
    }
}

//! Quoting for Python 3 source: `str` literals.

use super::{backslash_quoted, hex_byte_escape, is_invisible};

/// A Python 3 `str` literal in double quotes. Control and invisible formatting characters are escaped so the
/// code shows what it sends (and a bidi override cannot disguise it); other Unicode stays readable.
pub fn python_str(s: &str) -> String {
    backslash_quoted(s, |ch, _| match ch {
        c if (c as u32) < 0x20 || c == '\u{7f}' => Some(hex_byte_escape(c)),
        c if is_invisible(c) => Some(format!("\\u{:04x}", c as u32)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_str_quoting() {
        let cases = [
            ("", r#""""#),
            (r#"a"b\c"#, r#""a\"b\\c""#),
            ("line\nnext\ttab\r", r#""line\nnext\ttab\r""#),
            ("nul\0bell\x07", r#""nul\x00bell\x07""#),
            ("héllo ✓", "\"héllo ✓\""),
            ("rtl\u{202e}x", r#""rtl\u202ex""#),
            ("{x} $y", r#""{x} $y""#),
        ];
        for (input, expected) in cases {
            assert_eq!(python_str(input), expected);
        }
    }
}

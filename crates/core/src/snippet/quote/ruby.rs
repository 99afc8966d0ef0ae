//! Quoting for Ruby source: double-quoted string literals with interpolation disarmed.

use super::{backslash_quoted, braced_unicode_escape, hex_byte_escape, is_invisible};

/// A Ruby double-quoted string literal. `#` is escaped where it would start interpolation (`#{`, `#@`,
/// `#$`); control and invisible characters get escapes; other Unicode stays as UTF-8 (Ruby's default
/// source encoding).
pub fn ruby_str(s: &str) -> String {
    backslash_quoted(s, |ch, around| match ch {
        '#' if matches!(around.next, Some('{' | '@' | '$')) => Some(r"\#".to_string()),
        c if (c as u32) < 0x80 && is_invisible(c) => Some(hex_byte_escape(c)),
        c if is_invisible(c) => Some(braced_unicode_escape(c)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_quoting() {
        let cases = [
            ("", r#""""#),
            ("#{x} #@y #$z # ok #", r#""\#{x} \#@y \#$z # ok #""#),
            ("it's \"q\" \\ `id` $(id)", r#""it's \"q\" \\ `id` $(id)""#),
            ("a\nb\r\tc", r#""a\nb\r\tc""#),
            ("nul\x00f bell\x07", r#""nul\x00f bell\x07""#),
            ("héllo 🦀", "\"héllo 🦀\""),
            ("rtl\u{202e}", r#""rtl\u{202e}""#),
        ];
        for (input, expected) in cases {
            assert_eq!(ruby_str(input), expected, "input {input:?}");
        }
    }
}

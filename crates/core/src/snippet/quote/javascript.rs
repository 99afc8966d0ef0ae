//! Quoting for JavaScript source (ECMAScript, in Node and in the browser): string literals.

use super::{backslash_quoted, is_invisible};

/// A JavaScript string literal in double quotes, valid in Node modules, browser scripts and inline
/// `<script>` elements alike.
///
/// - Line terminators (LF, CR, U+2028, U+2029) are escaped: a raw one ends or corrupts the literal.
/// - NUL is `\x00`, never `\0`, which a following digit would turn into a (forbidden) octal escape.
/// - `<` before `/` or `!` is `\x3C`, so neither `</script>` nor `<!--` can end or hide an inline script.
/// - Control and invisible formatting characters are escaped so the code shows what it sends (a bidi
///   override cannot disguise it); other Unicode, emoji included, stays readable.
pub fn js_str(s: &str) -> String {
    backslash_quoted(s, |ch, around| match ch {
        '<' if matches!(around.next, Some('/' | '!')) => Some(r"\x3C".to_string()),
        c if (c as u32) < 0x20 || c == '\u{7f}' => Some(format!("\\x{:02X}", c as u32)),
        // Every character `is_invisible` accepts is in the Basic Multilingual Plane, so four digits do.
        c if is_invisible(c) => Some(format!("\\u{:04X}", c as u32)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_str_quoting() {
        let cases = [
            ("", r#""""#),
            (r#"a"b\c"#, r#""a\"b\\c""#),
            ("it's `x` ${y} $(id)", r#""it's `x` ${y} $(id)""#),
            ("line\nnext\ttab\r", r#""line\nnext\ttab\r""#),
            ("nul\0", r#""nul\x00""#),
            ("nul\u{0}1", r#""nul\x001""#),
            ("bell\x07del\x7f", r#""bell\x07del\x7F""#),
            ("a\u{2028}b\u{2029}c", r#""a\u2028b\u2029c""#),
            ("rtl\u{202e}x\u{feff}", r#""rtl\u202Ex\uFEFF""#),
            (
                "</script><!-- <x;y> a<b",
                r#""\x3C/script>\x3C!-- <x;y> a<b""#,
            ),
            ("héllo ✓ 🦀 {a,b}", "\"héllo ✓ 🦀 {a,b}\""),
        ];
        for (input, expected) in cases {
            assert_eq!(js_str(input), expected, "input {input:?}");
        }
    }
}

//! Quoting for PHP source: single-quoted strings where they can show the text, double-quoted otherwise.

use super::{backslash_quoted, braced_unicode_escape, hex_byte_escape, is_invisible};

/// A PHP string literal. Single quotes know only `\\` and `\'`, so nothing in them interpolates; text with
/// control or invisible characters goes in double quotes instead, where those get escapes and `$` is
/// escaped so neither `$x` nor `{$x}` can interpolate.
pub fn php_str(s: &str) -> String {
    if !s.chars().any(|c| c != '\n' && c != '\t' && is_invisible(c)) && !s.contains('\n') {
        return format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"));
    }
    backslash_quoted(s, |ch, _| match ch {
        '$' => Some(r"\$".to_string()),
        // Exactly two hex digits: PHP's `\x` reads one or two, so two never swallows what follows.
        c if (c as u32) < 0x80 && is_invisible(c) => Some(hex_byte_escape(c)),
        c if is_invisible(c) => Some(braced_unicode_escape(c)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_quoting() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            (r"it's \ back", r"'it\'s \\ back'"),
            ("$x {$y} `id` \"q\"", "'$x {$y} `id` \"q\"'"),
            ("héllo 🦀", "'héllo 🦀'"),
            ("two\nlines", r#""two\nlines""#),
            ("tab\t$x {$y} \"q\" \\", r#"'tab	$x {$y} "q" \\'"#),
            ("nul\x001 cr\r $x {$y}", r#""nul\x001 cr\r \$x {\$y}""#),
            ("rtl\u{202e} é", "\"rtl\\u{202e} é\""),
        ];
        for (input, expected) in cases {
            assert_eq!(php_str(input), expected, "input {input:?}");
        }
    }
}

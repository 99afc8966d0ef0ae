//! Quoting for Ruby source: double-quoted string literals with interpolation disarmed.

use super::is_invisible;

/// A Ruby double-quoted string literal. `#` is escaped where it would start interpolation (`#{`, `#@`,
/// `#$`); control and invisible characters get escapes; other Unicode stays as UTF-8 (Ruby's default
/// source encoding).
pub fn ruby_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            '#' if matches!(chars.peek(), Some('{' | '@' | '$')) => out.push_str(r"\#"),
            // Two hex digits always, so a following hex digit is never read as part of the escape.
            c if (c as u32) < 0x80 && is_invisible(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_invisible(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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

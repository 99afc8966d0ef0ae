//! Quoting for Python 3 source: `str` literals.

use super::is_invisible;

/// A Python 3 `str` literal in double quotes. Control and invisible formatting characters are escaped so the
/// code shows what it sends (and a bidi override cannot disguise it); other Unicode stays readable.
pub fn python_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_invisible(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
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

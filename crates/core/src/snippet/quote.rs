//! Snippet stage helper: literal quoting for each language family. Every byte of user data that reaches
//! generated code passes through one of these functions, so escaping bugs have exactly one place to live.

/// A POSIX shell word that the shell passes through byte-exact: single quotes, where nothing is special,
/// with each `'` written as `'\''`. NUL cannot be carried by any shell word; callers warn about it.
pub fn posix_shell(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Like [`posix_shell`], but leaves a word bare when no shell reads anything special into it (`POST`,
/// `PROPFIND`), so common commands read naturally.
pub fn posix_shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b));
    if plain {
        s.to_string()
    } else {
        posix_shell(s)
    }
}

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

/// Unicode control and format characters (categories Cc and Cf, plus line/paragraph separators) that render
/// as nothing or reorder text.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_shell_quoting() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            ("it's", r"'it'\''s'"),
            (
                "$(rm -rf /) `x` !! {a,b} \\ \"",
                "'$(rm -rf /) `x` !! {a,b} \\ \"'",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(posix_shell(input), expected);
        }
    }

    #[test]
    fn posix_shell_word_stays_bare_only_when_safe() {
        let cases = [
            ("POST", "POST"),
            ("M-SEARCH", "M-SEARCH"),
            ("A|B", "'A|B'"),
            ("it's", r"'it'\''s'"),
            ("", "''"),
        ];
        for (input, expected) in cases {
            assert_eq!(posix_shell_word(input), expected);
        }
    }

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

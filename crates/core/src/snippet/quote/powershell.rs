//! Quoting for PowerShell (Windows PowerShell 5.1 and PowerShell 7) string literals.

use super::{escape_each, is_invisible};

/// A PowerShell string literal that evaluates to exactly `s`.
///
/// Single quotes when that is enough: nothing inside them is special but the quote itself, which PowerShell
/// also recognises in its typographic forms (‘ ’ ‚ ‛), so all of those are doubled. Text holding control or
/// invisible formatting characters is written in double quotes instead, with backtick escapes (`` `n ``,
/// `` `0 ``) and `$([char]0x202E)` for the rest, so the code shows what it sends and a bidi override cannot
/// disguise it; there `` ` ``, `$` and every double-quote form are escaped.
pub fn powershell_str(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        return escape_each(s, '\'', |ch, _| {
            is_single_quote(ch).then(|| format!("{ch}{ch}"))
        });
    }
    escape_each(s, '"', |ch, _| {
        let escaped = match ch {
            '`' | '$' | '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' => format!("`{ch}"),
            '\0' => "`0".to_string(),
            '\u{7}' => "`a".to_string(),
            '\u{8}' => "`b".to_string(),
            '\u{c}' => "`f".to_string(),
            '\n' => "`n".to_string(),
            '\r' => "`r".to_string(),
            '\t' => "`t".to_string(),
            '\u{b}' => "`v".to_string(),
            c if needs_escape(c) => format!("$([char]0x{:04X})", c as u32),
            _ => return None,
        };
        Some(escaped)
    })
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powershell_str_quoting() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            ("it's", "'it''s'"),
            ("it\u{2019}s", "'it\u{2019}\u{2019}s'"),
            ("$(calc) `x` \"q\" \\", "'$(calc) `x` \"q\" \\'"),
            ("a\nb", "\"a`nb\""),
            ("$x `y` \"z\" it's\t", "\"`$x ``y`` `\"z`\" it's`t\""),
            ("nul\0 rtl\u{202e}", "\"nul`0 rtl$([char]0x202E)\""),
            ("héllo 🦀", "'héllo 🦀'"),
            // Typographic double quotes end a double-quoted string too; the other controls have backtick escapes.
            (
                "bell\x07 \u{201c}q\u{201d}\u{201e} \x0b\x08\x0c",
                "\"bell`a `\u{201c}q`\u{201d}`\u{201e} `v`b`f\"",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(powershell_str(input), expected, "{input:?}");
        }
    }
}

//! Quoting for PowerShell (Windows PowerShell 5.1 and PowerShell 7) string literals.

use super::is_invisible;

/// A PowerShell string literal that evaluates to exactly `s`.
///
/// Single quotes when that is enough: nothing inside them is special but the quote itself, which PowerShell
/// also recognises in its typographic forms (‘ ’ ‚ ‛), so all of those are doubled. Text holding control or
/// invisible formatting characters is written in double quotes instead, with backtick escapes (`` `n ``,
/// `` `0 ``) and `$([char]0x202E)` for the rest, so the code shows what it sends and a bidi override cannot
/// disguise it; there `` ` ``, `$` and every double-quote form are escaped.
pub fn powershell_str(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('\'');
        for ch in s.chars() {
            if is_single_quote(ch) {
                out.push(ch);
            }
            out.push(ch);
        }
        out.push('\'');
        return out;
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '`' | '$' | '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' => {
                out.push('`');
                out.push(ch);
            }
            '\0' => out.push_str("`0"),
            '\u{7}' => out.push_str("`a"),
            '\u{8}' => out.push_str("`b"),
            '\u{c}' => out.push_str("`f"),
            '\n' => out.push_str("`n"),
            '\r' => out.push_str("`r"),
            '\t' => out.push_str("`t"),
            '\u{b}' => out.push_str("`v"),
            c if needs_escape(c) => out.push_str(&format!("$([char]0x{:04X})", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
        ];
        for (input, expected) in cases {
            assert_eq!(powershell_str(input), expected, "{input:?}");
        }
    }
}

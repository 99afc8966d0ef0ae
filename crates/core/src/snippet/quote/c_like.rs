//! Quoting for the C family of string literals (C, Go, Java, Kotlin, C#, Swift, Dart, Rust): double quotes
//! with backslash escapes. The languages agree on `\\ \" \n \r \t` and disagree on everything else, so each
//! one has its own rules below: which numeric escape is safe (C's `\x` is greedy, Java rewrites `\uXXXX`
//! before it even lexes), which characters interpolate (`$` in Kotlin and Dart), and which read a `?` pair
//! as a trigraph (C).

use super::{backslash_quoted, braced_unicode_escape, hex_byte_escape, is_invisible};

/// How one language writes a character that must not appear literally.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    C,
    Go,
    Java,
    Kotlin,
    CSharp,
    Swift,
    Dart,
    Rust,
}

/// A C string literal. Control and invisible characters become three-digit octal escapes of their UTF-8
/// bytes (octal stops after three digits, unlike the greedy `\x`), other Unicode stays as UTF-8, and a `?`
/// after a `?` is written `\?` so no trigraph (`??/` is a backslash under `-std=c11`) can form.
pub fn c_str(s: &str) -> String {
    quote(s, Lang::C)
}

/// A Go interpreted string literal (raw backquoted strings cannot hold a backquote and drop CR).
pub fn go_str(s: &str) -> String {
    quote(s, Lang::Go)
}

/// A Java string literal in pure ASCII. Java translates `\uXXXX` anywhere in the source before lexing, so
/// `\u000a` would end the literal: control characters use octal escapes instead, and only other non-ASCII
/// characters use `\u` (as UTF-16 units). ASCII source also compiles whatever the platform encoding is.
pub fn java_str(s: &str) -> String {
    quote(s, Lang::Java)
}

/// A Kotlin string literal: like Java's, but `$` starts a template and there are no octal escapes.
pub fn kotlin_str(s: &str) -> String {
    quote(s, Lang::Kotlin)
}

/// A regular (not verbatim, not interpolated) C# string literal. `\x` is greedy in C#, so only `\uXXXX`.
pub fn csharp_str(s: &str) -> String {
    quote(s, Lang::CSharp)
}

/// A Swift string literal; `\(` interpolation needs a backslash, which is always escaped.
pub fn swift_str(s: &str) -> String {
    quote(s, Lang::Swift)
}

/// A Dart string literal: `$` interpolates, so it is escaped.
pub fn dart_str(s: &str) -> String {
    quote(s, Lang::Dart)
}

/// A Rust string literal (`{` is only special in format strings, where user data never goes).
pub fn rust_str(s: &str) -> String {
    quote(s, Lang::Rust)
}

fn quote(s: &str, lang: Lang) -> String {
    backslash_quoted(s, |ch, around| match ch {
        '$' if matches!(lang, Lang::Kotlin | Lang::Dart) => Some(r"\$".to_string()),
        '?' if lang == Lang::C && around.previous == Some('?') => Some(r"\?".to_string()),
        c if is_invisible(c) => Some(escape(c, lang)),
        c if lang == Lang::Java && !c.is_ascii() => Some(utf16_escapes(c)),
        _ => None,
    })
}

/// A control or invisible character as the escape that is exact and unambiguous in `lang`.
fn escape(c: char, lang: Lang) -> String {
    let code = c as u32;
    match lang {
        Lang::C => {
            let mut buf = [0; 4];
            c.encode_utf8(&mut buf)
                .bytes()
                .map(|byte| format!("\\{byte:03o}"))
                .collect()
        }
        Lang::Java if code < 0x80 => format!("\\{code:03o}"),
        Lang::Java | Lang::Kotlin | Lang::CSharp => utf16_escapes(c),
        Lang::Go | Lang::Dart | Lang::Rust if code < 0x80 => hex_byte_escape(c),
        Lang::Go if code > 0xffff => format!("\\U{code:08x}"),
        Lang::Go => format!("\\u{code:04x}"),
        Lang::Swift | Lang::Dart | Lang::Rust => braced_unicode_escape(c),
    }
}

/// `\uXXXX` per UTF-16 code unit (a surrogate pair above U+FFFF).
fn utf16_escapes(c: char) -> String {
    let mut buf = [0; 2];
    c.encode_utf16(&mut buf)
        .iter()
        .map(|unit| format!("\\u{unit:04x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Quoter = fn(&str) -> String;

    fn check(quoter: Quoter, cases: &[(&str, &str)]) {
        for (input, expected) in cases {
            assert_eq!(quoter(input), *expected, "input {input:?}");
        }
    }

    /// Inputs every language must get right; expected outputs per language below.
    const HOSTILE: &str = "it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}";

    #[test]
    fn c_quoting() {
        check(
            c_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("a\nb\r\tc", r#""a\nb\r\tc""#),
                // Octal is at most three digits, so a digit after NUL stays a digit.
                ("nul\x001 bell\x07", r#""nul\0001 bell\007""#),
                ("what??/ ??= ?", r#""what?\?/ ?\?= ?""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}x", r#""rtl\342\200\256x""#),
            ],
        );
    }

    #[test]
    fn go_quoting() {
        check(
            go_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("nul\x001 del\x7f", r#""nul\x001 del\x7f""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}\u{feff}", r#""rtl\u202e\ufeff""#),
            ],
        );
    }

    #[test]
    fn java_quoting() {
        check(
            java_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                // `\u000a` would become a real line break before the lexer runs.
                ("a\nb\x00c\x07", r#""a\nb\000c\007""#),
                // A literal `\u0022` in the data: the escaped backslash makes it ineligible.
                ("\\u0022", r#""\\u0022""#),
                ("é✓🦀", r#""\u00e9\u2713\ud83e\udd80""#),
                ("rtl\u{202e}", r#""rtl\u202e""#),
            ],
        );
    }

    #[test]
    fn kotlin_quoting() {
        check(
            kotlin_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` \$(id) \${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("$x", r#""\$x""#),
                ("nul\x00 bell\x07", r#""nul\u0000 bell\u0007""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}", r#""rtl\u202e""#),
            ],
        );
    }

    #[test]
    fn csharp_quoting() {
        check(
            csharp_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                // `\x0` would swallow the following hex digits: `\u` takes exactly four.
                ("nul\x00a", r#""nul\u0000a""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("line\u{2028}sep\u{85}", r#""line\u2028sep\u0085""#),
            ],
        );
    }

    #[test]
    fn swift_quoting() {
        check(
            swift_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("nul\x00 bell\x07", r#""nul\u{0} bell\u{7}""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}", r#""rtl\u{202e}""#),
            ],
        );
    }

    #[test]
    fn dart_quoting() {
        check(
            dart_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` \$(id) \${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("nul\x001", r#""nul\x001""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}", r#""rtl\u{202e}""#),
            ],
        );
    }

    #[test]
    fn rust_quoting() {
        check(
            rust_str,
            &[
                ("", r#""""#),
                (
                    HOSTILE,
                    r#""it's \"q\" \\ `x` $(id) ${HOME} #{x} \\(x) !! {a,b}""#,
                ),
                ("nul\x001", r#""nul\x001""#),
                ("héllo 🦀", "\"héllo 🦀\""),
                ("rtl\u{202e}", r#""rtl\u{202e}""#),
            ],
        );
    }
}

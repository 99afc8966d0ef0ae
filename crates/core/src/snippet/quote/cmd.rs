//! Quoting for Windows cmd.exe command lines that start a program parsing its arguments like the Microsoft
//! C runtime (curl.exe and nearly every other console program).
//!
//! Two parsers read the text in turn. cmd.exe expands `%NAME%` everywhere (quotes do not stop it) and treats
//! `& | < > ^ ( )` as syntax outside double quotes; then the C runtime splits the command line into argv,
//! where `"` toggles quoting and backslashes only matter right before a `"`. The scheme here keeps both in
//! step: ordinary text sits inside double quotes, where cmd reads nothing but `%` and `"`; every `%` and
//! every `"` of the value is written outside the quotes with a caret, so cmd never sees a variable name it
//! could expand (the name after `%` always starts with `"`), and the runtime reads `\"` as a literal quote.
//! Written for the interactive prompt with delayed expansion off (its default): a batch file reads `%`
//! differently and needs `%%` instead.

/// Whether `s` survives [`cmd_arg`] byte-exact: no argument of a cmd command line can hold a line break or NUL.
pub fn cmd_can_carry(s: &str) -> bool {
    !s.contains(['\r', '\n', '\0'])
}

/// One argument for a cmd.exe command line, read back byte-exact by the program's C runtime. Line breaks
/// (which would end the command) become a space and NUL is dropped: check [`cmd_can_carry`] and warn first.
pub fn cmd_arg(s: &str) -> String {
    let cleaned = s
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
        .replace('\0', "");
    let mut out = String::with_capacity(cleaned.len() + 2);
    out.push('"');
    // Backslashes are held back until we know whether a quote (inside or outside the quotes) follows them.
    let mut backslashes = 0;
    for ch in cleaned.chars() {
        match ch {
            '\\' => backslashes += 1,
            '"' => {
                // 2n backslashes close the quoted chunk as n; `\^"` is then a literal quote for the runtime and
                // an escaped, non-toggling quote for cmd.
                push_backslashes(&mut out, backslashes * 2);
                backslashes = 0;
                out.push_str("\"\\^\"\"");
            }
            '%' => {
                push_backslashes(&mut out, backslashes * 2);
                backslashes = 0;
                out.push_str("\"^%\"");
            }
            c => {
                push_backslashes(&mut out, backslashes);
                backslashes = 0;
                out.push(c);
            }
        }
    }
    // Before the closing quote, backslashes count double again.
    push_backslashes(&mut out, backslashes * 2);
    out.push('"');
    out
}

/// Like [`cmd_arg`], but leaves a word bare when neither cmd nor the runtime reads anything into it.
pub fn cmd_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_+,./:-".contains(&b));
    if plain {
        s.to_string()
    } else {
        cmd_arg(s)
    }
}

fn push_backslashes(out: &mut String, count: usize) {
    out.extend(std::iter::repeat_n('\\', count));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmd_arg_quoting() {
        let cases = [
            ("", r#""""#),
            ("plain text", r#""plain text""#),
            ("a & b | c > d ^ (e)", r#""a & b | c > d ^ (e)""#),
            (r#"say "hi""#, r#""say "\^""hi"\^""""#),
            ("100%", r#""100"^%"""#),
            ("%PATH%", r#"""^%"PATH"^%"""#),
            (r"C:\dir\", r#""C:\dir\\""#),
            (r#"a\"b"#, r#""a\\"\^""b""#),
            ("two\r\nlines\n", r#""two lines ""#),
            ("nul\0gone", r#""nulgone""#),
        ];
        for (input, expected) in cases {
            assert_eq!(cmd_arg(input), expected, "{input:?}");
        }
    }

    #[test]
    fn cmd_word_stays_bare_only_when_safe() {
        let cases = [
            ("POST", "POST"),
            ("--data-raw", "--data-raw"),
            ("a&b", r#""a&b""#),
            ("", r#""""#),
        ];
        for (input, expected) in cases {
            assert_eq!(cmd_word(input), expected);
        }
    }

    #[test]
    fn only_line_breaks_and_nul_are_lost() {
        let cases = [
            ("ok ' \" % ! ^", true),
            ("a\nb", false),
            ("a\rb", false),
            ("a\0", false),
        ];
        for (input, expected) in cases {
            assert_eq!(cmd_can_carry(input), expected);
        }
    }
}

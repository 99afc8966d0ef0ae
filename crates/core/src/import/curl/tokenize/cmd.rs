//! Import stage, curl layer 1 for Windows cmd.exe. Two passes, as on Windows itself: cmd reads the line
//! (`^` escapes, `^` line continuations, `"` toggling its quote state, `&` `|` `<` `>` operators, `%VAR%`),
//! then curl.exe's C runtime splits what cmd passed into arguments (`"` quoting, `\"`, `""`).

use super::{variable, Lexed, Segment};
use crate::import::curl::CurlError;

pub(super) fn lex(text: &str) -> Result<Lexed, CurlError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Lexed::default();
    let mut line = String::new();
    let mut in_quotes = false;
    let mut i = 0;
    let finish = |line: &mut String, operator: &str, out: &mut Lexed| {
        let words = crt_split(line);
        line.clear();
        if !words.is_empty() {
            out.segments.push(Segment {
                words,
                ended_by: Some(operator.to_string()),
            });
        }
    };
    while let Some(&c) = chars.get(i) {
        match c {
            '\r' => i += 1,
            // cmd reads one line at a time: a line break ends the command, even inside quotes.
            '\n' => {
                in_quotes = false;
                finish(&mut line, "\n", &mut out);
                i += 1;
            }
            '"' => {
                in_quotes = !in_quotes;
                line.push('"');
                i += 1;
            }
            '^' if !in_quotes => {
                i += 1;
                // `^` then a line break continues the command; the next line's first character is taken
                // literally, which is how Chrome writes a line break inside a value (`^` + two newlines).
                if chars.get(i) == Some(&'\r') {
                    i += 1;
                }
                if chars.get(i) == Some(&'\n') {
                    i += 1;
                    if chars.get(i) == Some(&'\r') {
                        i += 1;
                    }
                }
                if let Some(&next) = chars.get(i) {
                    line.push(next);
                    i += 1;
                }
            }
            '%' => {
                // `%NAME%` expands at the prompt, inside quotes too.
                let rest = &chars[i + 1..];
                let len = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .count();
                if len > 0 && rest.get(len) == Some(&'%') {
                    let name: String = rest[..len].iter().collect();
                    let v = variable(&name, &format!("%{name}%"), &mut out.warnings);
                    line.push_str(&v);
                    i += len + 2;
                } else {
                    line.push('%');
                    i += 1;
                }
            }
            '&' | '|' if !in_quotes => {
                let doubled = chars.get(i + 1) == Some(&c);
                let op: String = if doubled {
                    [c, c].iter().collect()
                } else {
                    c.to_string()
                };
                i += op.len();
                finish(&mut line, &op, &mut out);
            }
            '<' | '>' if !in_quotes => {
                // A redirection: skip it and its target. A number just before it is its stream (`2>`).
                let trimmed = line.trim_end_matches(|c: char| c.is_ascii_digit());
                if trimmed.ends_with([' ', '\t']) || trimmed.is_empty() {
                    line.truncate(trimmed.len());
                }
                let start = i;
                while chars.get(i).is_some_and(|c| matches!(c, '<' | '>' | '&')) {
                    i += 1;
                }
                while chars.get(i).is_some_and(|c| *c == ' ') {
                    i += 1;
                }
                while chars
                    .get(i)
                    .is_some_and(|c| !matches!(c, ' ' | '\t' | '\r' | '\n' | '&' | '|'))
                {
                    i += 1;
                }
                let written: String = chars[start..i].iter().collect();
                out.warnings.push(format!(
                    "Ignored the redirection `{written}`: nothing is read or written."
                ));
            }
            c => {
                line.push(c);
                i += 1;
            }
        }
    }
    finish(&mut line, "", &mut out);
    Ok(out)
}

/// Splits a command line into arguments as the Microsoft C runtime does for curl.exe: whitespace separates
/// outside quotes; `2n` backslashes before `"` give `n` and the quote toggles; `2n+1` give `n` and a literal
/// `"`; inside quotes `""` is a literal `"`; other backslashes are literal.
pub(crate) fn crt_split(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut in_quotes = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            ' ' | '\t' if !in_quotes => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
                i += 1;
            }
            '\\' => {
                let count = chars[i..].iter().take_while(|&&c| c == '\\').count();
                i += count;
                in_word = true;
                if chars.get(i) == Some(&'"') {
                    word.extend(std::iter::repeat_n('\\', count / 2));
                    if count % 2 == 1 {
                        word.push('"');
                        i += 1;
                    }
                } else {
                    word.extend(std::iter::repeat_n('\\', count));
                }
            }
            '"' => {
                in_word = true;
                if in_quotes && chars.get(i + 1) == Some(&'"') {
                    word.push('"');
                    i += 2;
                } else {
                    in_quotes = !in_quotes;
                    i += 1;
                }
            }
            c => {
                word.push(c);
                in_word = true;
                i += 1;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::curl::tokenize::{flat_words, Dialect};

    #[test]
    fn crt_rules() {
        let cases: &[(&str, &[&str])] = &[
            (r#"a "b c" d"#, &["a", "b c", "d"]),
            (r#""a\"b""#, &["a\"b"]),
            (r#""a\\"b c"#, &["a\\b", "c"]),
            (r#"a\\b"#, &["a\\\\b"]),
            (r#""say ""hi""""#, &["say \"hi\""]),
            (r#""""#, &[""]),
        ];
        for (line, expected) in cases {
            assert_eq!(crt_split(line), *expected, "{line:?}");
        }
    }

    #[test]
    fn our_cmd_quoting_and_chromes_caret_quoting_read_back() {
        let cases: &[(&str, &[&str])] = &[
            // reqlab's cmd-curl: "\^"" for a quote, "^%" for a percent sign.
            (r#"curl "say "\^""hi"\^""""#, &["curl", "say \"hi\""]),
            (r#"curl "100"^%"""#, &["curl", "100%"]),
            (r#"curl ""^%"PATH"^%"""#, &["curl", "%PATH%"]),
            // Chrome's "Copy as cURL (cmd)".
            (
                r#"curl ^"https://h/a?b=1^&c=2^" -H ^"x: ^\^"q^\^"^""#,
                &["curl", "https://h/a?b=1&c=2", "-H", "x: \"q\""],
            ),
            ("curl ^\"line1^\n\nline2^\"", &["curl", "line1\nline2"]),
            ("curl a ^\n  -H b", &["curl", "a", "-H", "b"]),
            (r#"curl ^"%^PATH%^""#, &["curl", "%PATH%"]),
        ];
        for (text, expected) in cases {
            assert_eq!(flat_words(text, Dialect::Cmd), *expected, "{text:?}");
        }
    }

    #[test]
    fn operators_variables_and_line_ends() {
        let lexed = lex("curl %API_URL%/x & echo done\ncurl b > out.txt").expect("lexes");
        assert_eq!(lexed.segments[0].words, ["curl", "{{API_URL}}/x"]);
        assert_eq!(lexed.segments[0].ended_by.as_deref(), Some("&"));
        assert_eq!(lexed.segments[1].words, ["echo", "done"]);
        assert_eq!(lexed.segments[2].words, ["curl", "b"]);
        assert_eq!(lexed.warnings.len(), 2, "{:?}", lexed.warnings);
    }
}

//! Import stage, curl layer 1 for POSIX shells: words with '...', "..." and $'...' quoting, backslash escapes
//! and continuations, comments, and the operators that end a command. Variables become reqlab variables;
//! command substitutions stay text.

use super::lexer::Lexer;
use super::{substitution, variable, Lexed};
use crate::import::curl::CurlError;

/// Marks the POSIX-shell half of [`Lexer`].
pub(super) struct Bash;

pub(super) fn lex(text: &str) -> Result<Lexed, CurlError> {
    let mut lexer = Lexer::<Bash>::new(text);
    lexer.run()?;
    Ok(lexer.out)
}

impl Lexer<Bash> {
    fn run(&mut self) -> Result<(), CurlError> {
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' => {
                    self.end_word();
                    self.i += 1;
                }
                '\r' if self.peek(1) == Some('\n') => self.i += 1,
                '\n' => {
                    self.end_segment("\n");
                    self.i += 1;
                }
                '\\' => match (self.peek(1), self.peek(2)) {
                    (Some('\n'), _) => self.i += 2,
                    (Some('\r'), Some('\n')) => self.i += 3,
                    (Some(next), _) => {
                        self.push(next);
                        self.i += 2;
                    }
                    (None, _) => {
                        self.push('\\');
                        self.i += 1;
                    }
                },
                '\'' => self.single_quoted()?,
                '"' => self.double_quoted()?,
                '$' if self.peek(1) == Some('\'') => self.ansi_c_quoted()?,
                // $"..." is a translatable string; with no translations it reads as "...".
                '$' if self.peek(1) == Some('"') => {
                    self.i += 1;
                    self.double_quoted()?;
                }
                '$' => self.dollar(),
                '`' => self.backticks()?,
                '#' if !self.in_word => self.skip_while(|c| c != '\n'),
                '|' | '&' | ';' | '(' | ')' => {
                    let two: String = self.chars[self.i..(self.i + 2).min(self.chars.len())]
                        .iter()
                        .collect();
                    let op = if ["||", "&&", ";;", "|&"].contains(&two.as_str()) {
                        two
                    } else {
                        c.to_string()
                    };
                    self.i += op.chars().count();
                    self.end_segment(&op);
                }
                '>' | '<' => self.redirection(),
                c => {
                    self.push(c);
                    self.i += 1;
                }
            }
        }
        self.end_segment("");
        Ok(())
    }

    fn single_quoted(&mut self) -> Result<(), CurlError> {
        let start = self.i;
        self.i += 1;
        self.in_word = true;
        loop {
            match self.peek(0) {
                None => return Err(self.unterminated(start, "single quote")),
                Some('\'') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(c) => {
                    self.word.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn double_quoted(&mut self) -> Result<(), CurlError> {
        let start = self.i;
        self.i += 1;
        self.in_word = true;
        loop {
            match self.peek(0) {
                None => return Err(self.unterminated(start, "double quote")),
                Some('"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some('\\') => match self.peek(1) {
                    Some(c @ ('$' | '`' | '"' | '\\')) => {
                        self.word.push(c);
                        self.i += 2;
                    }
                    Some('\n') => self.i += 2,
                    _ => {
                        self.word.push('\\');
                        self.i += 1;
                    }
                },
                Some('$') => self.dollar(),
                Some('`') => self.backticks()?,
                Some(c) => {
                    self.word.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// `$'...'`: bash's C-style escapes. Byte escapes (`\xHH`, octal) may spell UTF-8 sequences, so the
    /// text is built as bytes.
    fn ansi_c_quoted(&mut self) -> Result<(), CurlError> {
        let start = self.i;
        self.i += 2;
        self.in_word = true;
        let mut bytes: Vec<u8> = Vec::new();
        let push_char = |bytes: &mut Vec<u8>, c: char| {
            let mut buf = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        };
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unterminated(start, "$'...' quote"));
            };
            self.i += 1;
            if c == '\'' {
                break;
            }
            if c != '\\' {
                push_char(&mut bytes, c);
                continue;
            }
            let Some(e) = self.peek(0) else {
                return Err(self.unterminated(start, "$'...' quote"));
            };
            self.i += 1;
            match e {
                'a' => bytes.push(7),
                'b' => bytes.push(8),
                'e' | 'E' => bytes.push(27),
                'f' => bytes.push(12),
                'n' => bytes.push(b'\n'),
                'r' => bytes.push(b'\r'),
                't' => bytes.push(b'\t'),
                'v' => bytes.push(11),
                '\\' | '\'' | '"' | '?' => bytes.push(e as u8),
                'c' => {
                    // Control character: \cA is 1.
                    if let Some(x) = self.peek(0) {
                        self.i += 1;
                        bytes.push((x.to_ascii_uppercase() as u32 & 0x1f) as u8);
                    }
                }
                '0'..='7' => {
                    let mut value = e.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        match self.peek(0).and_then(|d| d.to_digit(8)) {
                            Some(d) => {
                                value = value * 8 + d;
                                self.i += 1;
                            }
                            None => break,
                        }
                    }
                    bytes.push((value & 0xff) as u8);
                }
                'x' => match self.hex_digits(2) {
                    Some(value) => bytes.push(value as u8),
                    None => bytes.extend_from_slice(b"\\x"),
                },
                'u' | 'U' => {
                    let max = if e == 'u' { 4 } else { 8 };
                    match self.hex_digits(max) {
                        Some(value) => {
                            push_char(&mut bytes, char::from_u32(value).unwrap_or('\u{fffd}'))
                        }
                        None => {
                            bytes.push(b'\\');
                            push_char(&mut bytes, e);
                        }
                    }
                }
                other => {
                    bytes.push(b'\\');
                    push_char(&mut bytes, other);
                }
            }
        }
        self.word.push_str(&String::from_utf8_lossy(&bytes));
        Ok(())
    }

    fn hex_digits(&mut self, max: usize) -> Option<u32> {
        let mut value: u32 = 0;
        let mut count = 0;
        while count < max {
            match self.peek(0).and_then(|d| d.to_digit(16)) {
                Some(d) => {
                    value = value * 16 + d;
                    self.i += 1;
                    count += 1;
                }
                None => break,
            }
        }
        (count > 0).then_some(value)
    }

    /// `$NAME`, `${NAME}` and `$(...)`; anything else after `$` is a plain dollar sign.
    fn dollar(&mut self) {
        self.in_word = true;
        match self.peek(1) {
            Some('(') => {
                let written = self.dollar_parens();
                substitution(&written, &mut self.out.warnings);
                self.word.push_str(&written);
            }
            Some('{') => match self.dollar_braces() {
                Some(inner) => {
                    let name: String = inner
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    let written = format!("${{{inner}}}");
                    if name.is_empty() {
                        self.word.push_str(&written);
                    } else {
                        let v = variable(&name, &written, &mut self.out.warnings);
                        self.word.push_str(&v);
                    }
                }
                None => self.plain_dollar(),
            },
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let rest = &self.chars[self.i + 1..];
                let len = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .count();
                let name: String = rest[..len].iter().collect();
                self.i += 1 + len;
                let v = variable(&name, &format!("${name}"), &mut self.out.warnings);
                self.word.push_str(&v);
            }
            _ => self.plain_dollar(),
        }
    }

    fn backticks(&mut self) -> Result<(), CurlError> {
        let start = self.i;
        self.in_word = true;
        let rest = &self.chars[self.i + 1..];
        let Some(len) = rest.iter().position(|&c| c == '`') else {
            return Err(self.unterminated(start, "backtick"));
        };
        let written: String = self.chars[start..start + len + 2].iter().collect();
        self.i += len + 2;
        substitution(&written, &mut self.out.warnings);
        self.word.push_str(&written);
        Ok(())
    }

    /// `> file`, `2>&1`, `< file`, `<<EOF`: the target is skipped; nothing is read or written.
    fn redirection(&mut self) {
        let start = self.begin_redirection();
        self.skip_while(|c| matches!(c, '>' | '<' | '&' | '|'));
        self.skip_while(|c| c == ' ' || c == '\t');
        self.skip_while(|c| !matches!(c, ' ' | '\t' | '\n' | ';' | '|' | '&'));
        let written = self.since(start);
        let heredoc = written.starts_with("<<");
        self.out.warnings.push(if heredoc {
            format!("Ignored the here-document `{written}`: its text is not read.")
        } else {
            format!("Ignored the redirection `{written}`: nothing is read or written.")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::curl::tokenize::{flat_words, Dialect};

    #[test]
    fn quoting_forms() {
        let cases: &[(&str, &[&str])] = &[
            ("a 'b c' \"d e\"", &["a", "b c", "d e"]),
            ("'it'\\''s'", &["it's"]),
            ("\"a\\\"b\\\\c\\$d\\x\"", &["a\"b\\c$d\\x"]),
            ("$'a\\nb\\t\\'c\\x41\\u00e9\\101'", &["a\nb\t'cAéA"]),
            ("$'\\xc3\\xa9'", &["é"]),
            ("a\\ b", &["a b"]),
            ("-H\"X: 1\"", &["-HX: 1"]),
            ("''", &[""]),
            ("a \\\n  b", &["a", "b"]),
            ("a \\\r\n  b", &["a", "b"]),
            ("a # comment\n", &["a"]),
            ("a#b", &["a#b"]),
            ("\"multi\nline\"", &["multi\nline"]),
        ];
        for (text, expected) in cases {
            assert_eq!(flat_words(text, Dialect::Bash), *expected, "{text:?}");
        }
    }

    #[test]
    fn variables_and_substitutions() {
        let lexed = lex("\"Bearer $TOKEN\" ${HOST}/x $(cat f) `date` $5").expect("lexes");
        let words: Vec<&str> = lexed.segments[0].words.iter().map(String::as_str).collect();
        assert_eq!(
            words,
            ["Bearer {{TOKEN}}", "{{HOST}}/x", "$(cat f)", "`date`", "$5"]
        );
        assert_eq!(lexed.warnings.len(), 4, "{:?}", lexed.warnings);
    }

    #[test]
    fn operators_end_commands() {
        let lexed = lex("curl a | jq . > out.json 2>&1; echo").expect("lexes");
        let segments: Vec<(Vec<String>, Option<String>)> = lexed
            .segments
            .into_iter()
            .map(|s| (s.words, s.ended_by))
            .collect();
        assert_eq!(
            segments[0],
            (vec!["curl".into(), "a".into()], Some("|".into()))
        );
        assert_eq!(segments[1].0, ["jq", "."]);
        assert_eq!(segments[2].0, ["echo"]);
        assert_eq!(lexed.warnings.len(), 2, "{:?}", lexed.warnings);
    }

    #[test]
    fn unclosed_quotes_are_errors_with_a_line() {
        assert_eq!(
            lex("curl \\\n -d 'abc"),
            Err(CurlError::Unterminated {
                quote: "single quote",
                line: 2
            })
        );
        assert!(lex("\"x").is_err());
        assert!(lex("$'x").is_err());
        assert!(lex("`x").is_err());
    }
}

//! Import stage, curl layer 1 for PowerShell (7.3 or later, which hands arguments to curl.exe as written):
//! '...' and "..." strings (typographic quotes too), backtick escapes and continuations, comments, and the
//! operators that end a command. `$var` becomes a reqlab variable; `$([char]0x..)` is read as its character.

use super::lexer::Lexer;
use super::{substitution, variable, Lexed};
use crate::import::curl::CurlError;

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// Marks the PowerShell half of [`Lexer`].
pub(super) struct PowerShell;

pub(super) fn lex(text: &str) -> Result<Lexed, CurlError> {
    let mut lexer = Lexer::<PowerShell>::new(text);
    lexer.run()?;
    Ok(lexer.out)
}

impl Lexer<PowerShell> {
    fn run(&mut self) -> Result<(), CurlError> {
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' => {
                    self.end_word();
                    self.i += 1;
                }
                '\r' => self.i += 1,
                '\n' => {
                    self.end_segment("\n");
                    self.i += 1;
                }
                '`' => {
                    self.i += 1;
                    match self.peek(0) {
                        // A backtick at the end of a line continues the command.
                        Some('\r') if self.peek(1) == Some('\n') => self.i += 2,
                        Some('\n') => self.i += 1,
                        Some(next) => {
                            self.push(next);
                            self.i += 1;
                        }
                        None => {}
                    }
                }
                c if is_single_quote(c) => self.single_quoted()?,
                c if is_double_quote(c) => self.double_quoted()?,
                '$' => self.dollar(),
                '#' if !self.in_word => self.skip_while(|c| c != '\n'),
                // `& curl.exe`: the call operator, when it starts a command.
                '&' if !self.in_word
                    && self.current.words.is_empty()
                    && self.peek(1) != Some('&') =>
                {
                    self.i += 1;
                }
                '|' | '&' | ';' => {
                    let doubled = self.peek(1) == Some(c) && c != ';';
                    let op: String = if doubled {
                        [c, c].iter().collect()
                    } else {
                        c.to_string()
                    };
                    self.i += op.len();
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
                // Two quotes in a row stand for one.
                Some(c) if is_single_quote(c) && self.peek(1).is_some_and(is_single_quote) => {
                    self.word.push(c);
                    self.i += 2;
                }
                Some(c) if is_single_quote(c) => {
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
                Some(c) if is_double_quote(c) && self.peek(1).is_some_and(is_double_quote) => {
                    self.word.push(c);
                    self.i += 2;
                }
                Some(c) if is_double_quote(c) => {
                    self.i += 1;
                    return Ok(());
                }
                Some('`') => {
                    self.i += 1;
                    let Some(e) = self.peek(0) else { continue };
                    self.i += 1;
                    match e {
                        '0' => self.word.push('\0'),
                        'a' => self.word.push('\u{7}'),
                        'b' => self.word.push('\u{8}'),
                        'e' => self.word.push('\u{1b}'),
                        'f' => self.word.push('\u{c}'),
                        'n' => self.word.push('\n'),
                        'r' => self.word.push('\r'),
                        't' => self.word.push('\t'),
                        'v' => self.word.push('\u{b}'),
                        'u' if self.peek(0) == Some('{') => {
                            let rest = &self.chars[self.i + 1..];
                            let len = rest.iter().take_while(|c| c.is_ascii_hexdigit()).count();
                            let hex: String = rest[..len].iter().collect();
                            match (
                                rest.get(len),
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32),
                            ) {
                                (Some('}'), Some(ch)) => {
                                    self.word.push(ch);
                                    self.i += len + 2;
                                }
                                _ => self.word.push('u'),
                            }
                        }
                        other => self.word.push(other),
                    }
                }
                Some('$') => self.dollar(),
                Some(c) => {
                    self.word.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// `$name`, `${name}`, `$env:NAME`, and `$(...)`, where `$([char]0x263A)` (how reqlab's own snippets write
    /// invisible characters) is read as that character and anything else is kept as text.
    fn dollar(&mut self) {
        self.in_word = true;
        match self.peek(1) {
            Some('(') => {
                let written = self.dollar_parens();
                match char_literal(&written) {
                    Some(ch) => self.word.push(ch),
                    None => {
                        substitution(&written, &mut self.out.warnings);
                        self.word.push_str(&written);
                    }
                }
            }
            Some('{') => match self.dollar_braces() {
                Some(inner) => {
                    let written = format!("${{{inner}}}");
                    let name = inner.strip_prefix("env:").unwrap_or(&inner);
                    let v = variable(name, &written, &mut self.out.warnings);
                    self.word.push_str(&v);
                }
                None => self.plain_dollar(),
            },
            Some(c) if c.is_alphanumeric() || c == '_' => {
                let rest = &self.chars[self.i + 1..];
                let mut len = rest
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '_')
                    .count();
                // `$env:NAME` reads an environment variable; the name after the colon is what matters.
                let scope: String = rest[..len].iter().collect();
                let mut name = scope.clone();
                if scope.eq_ignore_ascii_case("env") && rest.get(len) == Some(&':') {
                    let tail = &rest[len + 1..];
                    let n = tail
                        .iter()
                        .take_while(|c| c.is_alphanumeric() || **c == '_')
                        .count();
                    name = tail[..n].iter().collect();
                    len += 1 + n;
                }
                let written: String = self.chars[self.i..self.i + 1 + len].iter().collect();
                self.i += 1 + len;
                let v = variable(&name, &written, &mut self.out.warnings);
                self.word.push_str(&v);
            }
            _ => self.plain_dollar(),
        }
    }

    fn redirection(&mut self) {
        let start = self.begin_redirection();
        self.skip_while(|c| matches!(c, '>' | '<' | '&'));
        self.skip_while(|c| c == ' ');
        self.skip_while(|c| !matches!(c, ' ' | '\t' | '\n' | ';' | '|'));
        let written = self.since(start);
        self.out.warnings.push(format!(
            "Ignored the redirection `{written}`: nothing is read or written."
        ));
    }
}

/// The character of `$([char]0x1F)` (hexadecimal) or `$([char]31)`, as PowerShell evaluates it.
fn char_literal(written: &str) -> Option<char> {
    let inner = written.strip_prefix("$(")?.strip_suffix(')')?.trim();
    let number = inner
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("[char]"))
        .map(|_| inner[6..].trim())?;
    let value = match number.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("0x") => u32::from_str_radix(&number[2..], 16).ok()?,
        _ => number.parse().ok()?,
    };
    char::from_u32(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::curl::tokenize::{flat_words, Dialect};

    #[test]
    fn strings_escapes_and_continuations() {
        let cases: &[(&str, &[&str])] = &[
            ("curl.exe 'it''s' \"a`\"b\"", &["curl.exe", "it's", "a\"b"]),
            ("curl.exe `\n  -H 'x: 1'", &["curl.exe", "-H", "x: 1"]),
            ("curl.exe `\r\n  -H 'x: 1'", &["curl.exe", "-H", "x: 1"]),
            ("\"a`nb`t`$x ``\"", &["a\nb\t$x `"]),
            ("\"nul`0 rtl$([char]0x202E)\"", &["nul\0 rtl\u{202e}"]),
            ("'it\u{2019}\u{2019}s'", &["it\u{2019}s"]),
            ("\"say \"\"hi\"\"\"", &["say \"hi\""]),
            ("& curl.exe x", &["curl.exe", "x"]),
            ("a # comment", &["a"]),
            ("\"`u{1F980}\"", &["\u{1F980}"]),
        ];
        for (text, expected) in cases {
            assert_eq!(flat_words(text, Dialect::PowerShell), *expected, "{text:?}");
        }
    }

    #[test]
    fn variables_become_reqlab_variables() {
        let lexed = lex("curl.exe -H \"Authorization: Bearer $env:API_TOKEN\" $base/x $(Get-Date)")
            .expect("lexes");
        assert_eq!(
            lexed.segments[0].words,
            [
                "curl.exe",
                "-H",
                "Authorization: Bearer {{API_TOKEN}}",
                "{{base}}/x",
                "$(Get-Date)"
            ]
        );
        assert_eq!(lexed.warnings.len(), 3, "{:?}", lexed.warnings);
    }

    #[test]
    fn char_literals() {
        assert_eq!(char_literal("$([char]0x202E)"), Some('\u{202e}'));
        assert_eq!(char_literal("$([char]65)"), Some('A'));
        assert_eq!(char_literal("$(Get-Date)"), None);
        assert_eq!(char_literal("$([char]0xZZ)"), None);
    }
}

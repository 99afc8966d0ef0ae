//! GraphQL's lexical tokens: names, numbers, strings, block strings and punctuators, with byte spans.

use super::{Position, SyntaxError};

/// What a token is; its text is the source between `start` and `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Name,
    Int,
    Float,
    Str,
    BlockStr,
    /// `...`
    Spread,
    /// One of `! $ & ( ) : = @ [ ] { | }`.
    Punct(u8),
    Eof,
}

/// A token and where it stands in the source (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// Reads tokens one at a time, skipping whitespace, commas and comments.
pub struct Lexer<'a> {
    pub src: &'a str,
    pub pos: usize,
}

fn is_name_start(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphabetic()
}

fn is_name_continue(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric()
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    fn error(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            at: Position::of(self.src, at),
        }
    }

    /// The next token, or an error naming what is wrong and where.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        let bytes = self.src.as_bytes();
        // Ignored tokens: whitespace, line ends, commas, the byte order mark and comments.
        loop {
            match bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | b',') => self.pos += 1,
                Some(b'#') => {
                    while self.pos < bytes.len()
                        && bytes[self.pos] != b'\n'
                        && bytes[self.pos] != b'\r'
                    {
                        self.pos += 1;
                    }
                }
                Some(0xEF) if self.src[self.pos..].starts_with('\u{feff}') => self.pos += 3,
                _ => break,
            }
        }
        let start = self.pos;
        let Some(&b) = bytes.get(start) else {
            return Ok(Token {
                kind: Tok::Eof,
                start,
                end: start,
            });
        };
        let kind = match b {
            b'!' | b'$' | b'&' | b'(' | b')' | b':' | b'=' | b'@' | b'[' | b']' | b'{' | b'|'
            | b'}' => {
                self.pos += 1;
                Tok::Punct(b)
            }
            b'.' => {
                if self.src[start..].starts_with("...") {
                    self.pos += 3;
                    Tok::Spread
                } else {
                    return Err(self.error(start, "Unexpected \".\": did you mean \"...\"?"));
                }
            }
            b'"' => return self.string(start),
            b'-' | b'0'..=b'9' => return self.number(start),
            _ if is_name_start(b) => {
                while self.pos < bytes.len() && is_name_continue(bytes[self.pos]) {
                    self.pos += 1;
                }
                Tok::Name
            }
            _ => {
                let c = self.src[start..].chars().next().unwrap_or('?');
                return Err(self.error(start, format!("Unexpected character {c:?}.")));
            }
        };
        Ok(Token {
            kind,
            start,
            end: self.pos,
        })
    }

    fn number(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let bytes = self.src.as_bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while *pos < bytes.len() && bytes[*pos].is_ascii_digit() {
                *pos += 1;
            }
            *pos > from
        };
        let mut pos = start;
        if bytes[pos] == b'-' {
            pos += 1;
        }
        let int_start = pos;
        if !digits(&mut pos) {
            return Err(self.error(pos, "Invalid number, expected a digit."));
        }
        if bytes[int_start] == b'0' && pos - int_start > 1 {
            return Err(self.error(int_start + 1, "Invalid number, unexpected digit after 0."));
        }
        let mut kind = Tok::Int;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            kind = Tok::Float;
            if !digits(&mut pos) {
                return Err(self.error(pos, "Invalid number, expected a digit after \".\"."));
            }
        }
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            kind = Tok::Float;
            if matches!(bytes.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            if !digits(&mut pos) {
                return Err(self.error(pos, "Invalid number, expected a digit in the exponent."));
            }
        }
        if bytes
            .get(pos)
            .is_some_and(|&b| is_name_start(b) || b == b'.')
        {
            return Err(self.error(pos, "Invalid number, unexpected character after it."));
        }
        self.pos = pos;
        Ok(Token {
            kind,
            start,
            end: pos,
        })
    }

    fn string(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let bytes = self.src.as_bytes();
        if self.src[start..].starts_with("\"\"\"") {
            let mut pos = start + 3;
            while pos < bytes.len() {
                if bytes[pos..].starts_with(b"\\\"\"\"") {
                    pos += 4;
                } else if bytes[pos..].starts_with(b"\"\"\"") {
                    self.pos = pos + 3;
                    return Ok(Token {
                        kind: Tok::BlockStr,
                        start,
                        end: self.pos,
                    });
                } else {
                    pos += 1;
                }
            }
            self.pos = bytes.len();
            return Err(self.error(start, "Unterminated string."));
        }
        let mut pos = start + 1;
        while pos < bytes.len() {
            match bytes[pos] {
                b'"' => {
                    self.pos = pos + 1;
                    return Ok(Token {
                        kind: Tok::Str,
                        start,
                        end: self.pos,
                    });
                }
                b'\\' => pos += 2,
                b'\n' | b'\r' => break,
                _ => pos += 1,
            }
        }
        self.pos = pos.min(bytes.len());
        Err(self.error(start, "Unterminated string."))
    }
}

/// The value of a string token (`"…"` with escapes, or `"""…"""` with its indentation removed).
pub fn string_value(raw: &str) -> Result<String, String> {
    if let Some(inner) = raw
        .strip_prefix("\"\"\"")
        .and_then(|s| s.strip_suffix("\"\"\""))
    {
        return Ok(block_string_value(&inner.replace("\\\"\"\"", "\"\"\"")));
    }
    let inner = raw
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(raw);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => out.push(unicode_escape(&mut chars)?),
            other => {
                return Err(format!(
                    "Invalid escape sequence \\{}.",
                    other.unwrap_or(' ')
                ))
            }
        }
    }
    Ok(out)
}

fn unicode_escape(chars: &mut std::str::Chars) -> Result<char, String> {
    let hex = |chars: &mut std::str::Chars| -> Result<u32, String> {
        let digits: String = chars.by_ref().take(4).collect();
        u32::from_str_radix(&digits, 16).map_err(|_| format!("Invalid Unicode escape \\u{digits}."))
    };
    let first = if chars.as_str().starts_with('{') {
        chars.next();
        let digits: String = chars.by_ref().take_while(|&c| c != '}').collect();
        u32::from_str_radix(&digits, 16)
            .map_err(|_| format!("Invalid Unicode escape \\u{{{digits}}}."))?
    } else {
        hex(chars)?
    };
    if (0xD800..0xDC00).contains(&first) && chars.as_str().starts_with("\\u") {
        chars.next();
        chars.next();
        let low = hex(chars)?;
        let code = 0x10000 + ((first - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
        return char::from_u32(code).ok_or_else(|| "Invalid Unicode escape.".to_string());
    }
    char::from_u32(first).ok_or_else(|| format!("Invalid Unicode escape \\u{first:X}."))
}

/// A block string's value as the spec defines it: common indentation and blank first/last lines removed.
fn block_string_value(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .split("\r\n")
        .flat_map(|l| l.split(['\n', '\r']))
        .collect();
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let common = lines
        .iter()
        .skip(1)
        .filter(|l| l.len() > indent_of(l))
        .map(|l| indent_of(l))
        .min()
        .unwrap_or(0);
    let mut kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                *l
            } else {
                l.get(common..).unwrap_or("")
            }
        })
        .collect();
    while kept
        .first()
        .is_some_and(|l| l.trim_matches([' ', '\t']).is_empty())
    {
        kept.remove(0);
    }
    while kept
        .last()
        .is_some_and(|l| l.trim_matches([' ', '\t']).is_empty())
    {
        kept.pop();
    }
    kept.join("\n")
}

/// Every token of `src` that a lexer can make out, for text that is being typed: an unterminated string
/// becomes a string token to the end of its line and a stray character is skipped.
pub fn tolerant_tokens(src: &str) -> Vec<Token> {
    let mut lexer = Lexer::new(src);
    let mut tokens = Vec::new();
    loop {
        let before = lexer.pos;
        match lexer.next_token() {
            Ok(tok) if tok.kind == Tok::Eof => return tokens,
            Ok(tok) => tokens.push(tok),
            Err(_) => {
                let start = before + src[before..].len()
                    - src[before..]
                        .trim_start_matches([' ', '\t', '\n', '\r', ','])
                        .len();
                if src[start..].starts_with('"') {
                    let end = lexer.pos.max(start + 1);
                    tokens.push(Token {
                        kind: Tok::Str,
                        start,
                        end,
                    });
                    lexer.pos = end;
                } else {
                    let step = src[start..].chars().next().map_or(1, char::len_utf8);
                    // A malformed number still reads as a number up to where it went wrong.
                    let end = lexer.pos.max(start + step);
                    lexer.pos = end;
                }
            }
        }
    }
}

//! The query's literals: string literals with their escapes, integers (indexes, slice bounds),
//! numbers, and member-name shorthands.

use serde_json::Value;

use super::cursor::Cursor;
use super::error::JsonPathError;

/// I-JSON's exact integer range (RFC 7493): indexes and slice bounds outside it are rejected.
const MAX_EXACT_INTEGER: i64 = (1 << 53) - 1;

pub(crate) fn is_name_first(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c >= '\u{80}'
}

pub(crate) fn is_name_char(c: char) -> bool {
    is_name_first(c) || c.is_ascii_digit()
}

pub(crate) fn starts_integer(c: Option<char>) -> bool {
    matches!(c, Some('-' | '0'..='9'))
}

/// A member-name shorthand (after `.` or `..`); the caller has checked the first character.
pub(crate) fn parse_member_name(cursor: &mut Cursor) -> String {
    let start = cursor.pos();
    while cursor.peek().is_some_and(is_name_char) {
        cursor.bump();
    }
    cursor.slice(start).to_string()
}

/// A single- or double-quoted string literal, the cursor on its opening quote.
pub(crate) fn parse_string(cursor: &mut Cursor) -> Result<String, JsonPathError> {
    let start = cursor.pos();
    let quote = match cursor.bump() {
        Some(q @ ('\'' | '"')) => q,
        _ => return Err(cursor.error_at(start, "expected a string literal")),
    };
    let mut text = String::new();
    loop {
        let at = cursor.pos();
        match cursor.bump() {
            None => return Err(cursor.error_at(start, "unterminated string literal")),
            Some(c) if c == quote => return Ok(text),
            Some('\\') => text.push(parse_escape(cursor, quote, at)?),
            Some(c) if (c as u32) < 0x20 => {
                return Err(cursor.error_at(
                    at,
                    format!(
                        "control character U+{:04X} must be escaped in a string literal",
                        c as u32
                    ),
                ))
            }
            Some(c) => text.push(c),
        }
    }
}

fn parse_escape(cursor: &mut Cursor, quote: char, at: usize) -> Result<char, JsonPathError> {
    match cursor.bump() {
        Some('b') => Ok('\u{8}'),
        Some('f') => Ok('\u{c}'),
        Some('n') => Ok('\n'),
        Some('r') => Ok('\r'),
        Some('t') => Ok('\t'),
        Some('/') => Ok('/'),
        Some('\\') => Ok('\\'),
        Some('u') => parse_unicode_escape(cursor, at),
        // Only the quote that delimits the literal may be escaped.
        Some(c) if c == quote => Ok(c),
        _ => Err(cursor.error_at(at, "invalid escape sequence in a string literal")),
    }
}

fn parse_unicode_escape(cursor: &mut Cursor, at: usize) -> Result<char, JsonPathError> {
    let first = parse_hex4(cursor, at)?;
    let code = match first {
        0xD800..=0xDBFF => {
            if !cursor.eat_str("\\u") {
                return Err(cursor.error_at(
                    at,
                    "a high surrogate escape must be followed by a low surrogate escape",
                ));
            }
            let second = parse_hex4(cursor, at)?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return Err(cursor.error_at(
                    at,
                    "a high surrogate escape must be followed by a low surrogate escape",
                ));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        0xDC00..=0xDFFF => {
            return Err(cursor.error_at(
                at,
                "a low surrogate escape without a high surrogate before it",
            ))
        }
        _ => first,
    };
    char::from_u32(code).ok_or_else(|| cursor.error_at(at, "invalid \\u escape"))
}

fn parse_hex4(cursor: &mut Cursor, at: usize) -> Result<u32, JsonPathError> {
    let mut value = 0;
    for _ in 0..4 {
        let digit = cursor.bump().and_then(|c| c.to_digit(16));
        match digit {
            Some(d) => value = value * 16 + d,
            None => {
                return Err(cursor.error_at(at, "\\u must be followed by four hexadecimal digits"))
            }
        }
    }
    Ok(value)
}

/// An index or slice bound: `0` or an optionally negative integer without leading zeros, never `-0`.
pub(crate) fn parse_integer(cursor: &mut Cursor) -> Result<i64, JsonPathError> {
    let start = cursor.pos();
    let negative = cursor.eat('-');
    let digits_start = cursor.pos();
    while cursor.peek().is_some_and(|c| c.is_ascii_digit()) {
        cursor.bump();
    }
    let digits = cursor.slice(digits_start);
    if digits.is_empty() {
        return Err(cursor.unexpected("a digit"));
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return Err(cursor.error_at(start, "an integer must not have leading zeros"));
    }
    if negative && digits == "0" {
        return Err(cursor.error_at(start, "-0 is not an integer here"));
    }
    let magnitude = digits
        .parse::<i64>()
        .ok()
        .filter(|m| *m <= MAX_EXACT_INTEGER);
    match magnitude {
        Some(m) if negative => Ok(-m),
        Some(m) => Ok(m),
        None => Err(cursor.error_at(start, "integer out of range (at most 2^53-1 either way)")),
    }
}

/// A number literal in a filter: JSON's number syntax, plus `-0`.
pub(crate) fn parse_number(cursor: &mut Cursor) -> Result<Value, JsonPathError> {
    let start = cursor.pos();
    cursor.eat('-');
    let int_start = cursor.pos();
    skip_digits(cursor);
    let int = cursor.slice(int_start);
    if int.is_empty() {
        return Err(cursor.unexpected("a digit"));
    }
    if int.len() > 1 && int.starts_with('0') {
        return Err(cursor.error_at(start, "a number must not have leading zeros"));
    }
    if cursor.eat('.') && skip_digits(cursor) == 0 {
        return Err(cursor.unexpected("a digit after the decimal point"));
    }
    if cursor.eat('e') || cursor.eat('E') {
        if !cursor.eat('+') {
            cursor.eat('-');
        }
        if skip_digits(cursor) == 0 {
            return Err(cursor.unexpected("a digit in the exponent"));
        }
    }
    serde_json::from_str(cursor.slice(start))
        .map_err(|_| cursor.error_at(start, "number out of range"))
}

fn skip_digits(cursor: &mut Cursor) -> usize {
    let mut count = 0;
    while cursor.peek().is_some_and(|c| c.is_ascii_digit()) {
        cursor.bump();
        count += 1;
    }
    count
}

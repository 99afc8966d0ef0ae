//! A position in the query text and the small steps the parser takes over it.

use super::error::JsonPathError;

/// Brackets, parentheses and function calls nested deeper than this are rejected, so that the
/// recursive parser (and the evaluator walking its result) cannot exhaust the stack.
pub(crate) const MAX_NESTING: usize = 64;

pub(crate) struct Cursor<'q> {
    text: &'q str,
    pos: usize,
    depth: usize,
}

impl<'q> Cursor<'q> {
    pub fn new(text: &'q str) -> Self {
        Cursor {
            text,
            pos: 0,
            depth: 0,
        }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Returns to a position saved earlier, for the few places where the grammar needs lookahead.
    pub fn reset(&mut self, pos: usize) {
        self.pos = pos;
    }

    pub fn slice(&self, from: usize) -> &'q str {
        self.text.get(from..self.pos).unwrap_or("")
    }

    fn rest(&self) -> &'q str {
        self.text.get(self.pos..).unwrap_or("")
    }

    pub fn at_end(&self) -> bool {
        self.rest().is_empty()
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.rest().starts_with(prefix)
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    pub fn eat_str(&mut self, s: &str) -> bool {
        if self.starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// RFC 9535's `S`: optional blanks (space, tab, line feed, carriage return).
    pub fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.pos += 1;
        }
    }

    pub fn expect(&mut self, c: char, expected: &str) -> Result<(), JsonPathError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    pub fn error_at(&self, position: usize, message: impl Into<String>) -> JsonPathError {
        JsonPathError::new(position, message)
    }

    /// "expected X, found Y" at the current position.
    pub fn unexpected(&self, expected: &str) -> JsonPathError {
        let found = match self.peek() {
            Some(c) if c.is_control() => format!("U+{:04X}", c as u32),
            Some(c) => format!("'{c}'"),
            None => "the end of the query".to_string(),
        };
        JsonPathError::new(self.pos, format!("expected {expected}, found {found}"))
    }

    pub fn enter(&mut self) -> Result<(), JsonPathError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(JsonPathError::new(
                self.pos,
                format!("nested deeper than {MAX_NESTING} levels"),
            ));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

//! The recursive-descent core shared by executable documents and SDL: tokens, names, type references,
//! values, arguments and directives.

use super::document::{Argument, Directive, Name, Span, Value, ValueKind};
use super::lexer::{string_value, Lexer, Tok, Token};
use super::{Position, SyntaxError, TypeRef};

/// Nesting deeper than this (lists in lists, selections in selections) is refused rather than risking the
/// stack on hostile input.
const MAX_DEPTH: usize = 128;

pub struct Parser<'a> {
    lex: Lexer<'a>,
    /// The current token, not yet consumed.
    pub tok: Token,
    depth: usize,
    prev_end: usize,
}

fn describe(src: &str, tok: Token) -> String {
    let text = &src[tok.start..tok.end];
    match tok.kind {
        Tok::Eof => "<EOF>".to_string(),
        Tok::Name => format!("Name \"{text}\""),
        Tok::Int => format!("Int \"{text}\""),
        Tok::Float => format!("Float \"{text}\""),
        Tok::Str | Tok::BlockStr => format!("String {text}"),
        Tok::Spread | Tok::Punct(_) => format!("\"{text}\""),
    }
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str) -> Result<Self, SyntaxError> {
        let mut lex = Lexer::new(src);
        let tok = lex.next_token()?;
        Ok(Parser {
            lex,
            tok,
            depth: 0,
            prev_end: 0,
        })
    }

    pub fn src(&self) -> &'a str {
        self.lex.src
    }

    /// The current token's text.
    pub fn text(&self) -> &'a str {
        &self.lex.src[self.tok.start..self.tok.end]
    }

    /// Consumes the current token and returns it.
    pub fn advance(&mut self) -> Result<Token, SyntaxError> {
        let current = self.tok;
        self.prev_end = current.end;
        self.tok = self.lex.next_token()?;
        Ok(current)
    }

    pub fn at_eof(&self) -> bool {
        self.tok.kind == Tok::Eof
    }

    pub fn is_punct(&self, c: u8) -> bool {
        self.tok.kind == Tok::Punct(c)
    }

    pub fn is_keyword(&self, keyword: &str) -> bool {
        self.tok.kind == Tok::Name && self.text() == keyword
    }

    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            at: Position::of(self.src(), offset),
        }
    }

    /// "Unexpected …" for the current token.
    pub fn unexpected(&self) -> SyntaxError {
        self.error_at(
            self.tok.start,
            format!("Unexpected {}.", describe(self.src(), self.tok)),
        )
    }

    fn expected(&self, what: &str) -> SyntaxError {
        self.error_at(
            self.tok.start,
            format!("Expected {what}, found {}.", describe(self.src(), self.tok)),
        )
    }

    /// Consumes `c` if it is the current token.
    pub fn skip_punct(&mut self, c: u8) -> Result<bool, SyntaxError> {
        if self.is_punct(c) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn expect_punct(&mut self, c: u8) -> Result<Token, SyntaxError> {
        if self.is_punct(c) {
            return self.advance();
        }
        Err(self.expected(&format!("\"{}\"", c as char)))
    }

    pub fn expect_keyword(&mut self, keyword: &str) -> Result<(), SyntaxError> {
        if self.is_keyword(keyword) {
            self.advance()?;
            return Ok(());
        }
        Err(self.expected(&format!("\"{keyword}\"")))
    }

    pub fn name(&mut self) -> Result<Name, SyntaxError> {
        if self.tok.kind != Tok::Name {
            return Err(self.expected("Name"));
        }
        let value = self.text().to_string();
        let tok = self.advance()?;
        Ok(Name {
            value,
            span: Span {
                start: tok.start,
                end: tok.end,
            },
        })
    }

    /// Enters one more level of nesting, refusing hostile depths.
    pub fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(self.tok.start, "The document is nested too deeply."));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// `Name`, `[T]` or either followed by `!`.
    pub fn type_ref(&mut self) -> Result<TypeRef, SyntaxError> {
        self.enter()?;
        let inner = if self.skip_punct(b'[')? {
            let item = self.type_ref()?;
            self.expect_punct(b']')?;
            TypeRef::List(Box::new(item))
        } else {
            TypeRef::Named(self.name()?.value)
        };
        self.leave();
        if self.skip_punct(b'!')? {
            return Ok(TypeRef::NonNull(Box::new(inner)));
        }
        Ok(inner)
    }

    /// A string token's value, if the current token is a string (descriptions).
    pub fn description(&mut self) -> Result<Option<String>, SyntaxError> {
        if !matches!(self.tok.kind, Tok::Str | Tok::BlockStr) {
            return Ok(None);
        }
        let tok = self.tok;
        let value = string_value(self.text()).map_err(|m| self.error_at(tok.start, m))?;
        self.advance()?;
        Ok(Some(value))
    }

    /// A value; `constant` refuses variables (defaults, SDL).
    pub fn value(&mut self, constant: bool) -> Result<Value, SyntaxError> {
        self.enter()?;
        let start = self.tok.start;
        let kind = match self.tok.kind {
            Tok::Punct(b'[') => {
                self.advance()?;
                let mut items = Vec::new();
                while !self.skip_punct(b']')? {
                    items.push(self.value(constant)?);
                }
                ValueKind::List(items)
            }
            Tok::Punct(b'{') => {
                self.advance()?;
                let mut fields = Vec::new();
                while !self.skip_punct(b'}')? {
                    let name = self.name()?;
                    self.expect_punct(b':')?;
                    fields.push((name, self.value(constant)?));
                }
                ValueKind::Object(fields)
            }
            Tok::Punct(b'$') if !constant => {
                self.advance()?;
                ValueKind::Variable(self.name()?.value)
            }
            Tok::Int => ValueKind::Int(self.advance_text()?),
            Tok::Float => ValueKind::Float(self.advance_text()?),
            Tok::Str | Tok::BlockStr => ValueKind::String(self.description()?.unwrap_or_default()),
            Tok::Name => match self.advance_text()?.as_str() {
                "true" => ValueKind::Boolean(true),
                "false" => ValueKind::Boolean(false),
                "null" => ValueKind::Null,
                other => ValueKind::Enum(other.to_string()),
            },
            _ => return Err(self.unexpected()),
        };
        self.leave();
        Ok(Value {
            kind,
            span: Span {
                start,
                end: self.last_end(),
            },
        })
    }

    fn advance_text(&mut self) -> Result<String, SyntaxError> {
        let text = self.text().to_string();
        self.advance()?;
        Ok(text)
    }

    /// The end of the most recently consumed token.
    pub fn last_end(&self) -> usize {
        self.prev_end
    }

    /// `(name: value …)` if present.
    pub fn arguments(&mut self, constant: bool) -> Result<Vec<Argument>, SyntaxError> {
        let mut arguments = Vec::new();
        if self.skip_punct(b'(')? {
            while !self.skip_punct(b')')? {
                let name = self.name()?;
                self.expect_punct(b':')?;
                let value = self.value(constant)?;
                arguments.push(Argument { name, value });
            }
        }
        Ok(arguments)
    }

    pub fn directives(&mut self, constant: bool) -> Result<Vec<Directive>, SyntaxError> {
        let mut directives = Vec::new();
        while self.is_punct(b'@') {
            let at = self.advance()?;
            let name = self.name()?;
            let arguments = self.arguments(constant)?;
            directives.push(Directive {
                name,
                arguments,
                span: Span {
                    start: at.start,
                    end: self.last_end(),
                },
            });
        }
        Ok(directives)
    }
}

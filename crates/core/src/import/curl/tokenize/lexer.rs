//! Import stage, curl layer 1: the state every shell's lexer shares (the text, the position, the word and
//! the command being built) and the steps that do not depend on the shell. `D` names the dialect, so each
//! shell adds its own `run` and quoting rules in its own file.

use super::{line_of, Lexed, Segment};
use crate::import::curl::CurlError;
use std::marker::PhantomData;

pub(super) struct Lexer<D> {
    pub chars: Vec<char>,
    pub i: usize,
    pub word: String,
    /// A word has started, even if it is still empty (`''` is an empty argument).
    pub in_word: bool,
    pub current: Segment,
    pub out: Lexed,
    dialect: PhantomData<D>,
}

impl<D> Lexer<D> {
    pub fn new(text: &str) -> Self {
        Lexer {
            chars: text.chars().collect(),
            i: 0,
            word: String::new(),
            in_word: false,
            current: Segment::default(),
            out: Lexed::default(),
            dialect: PhantomData,
        }
    }

    pub fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    pub fn push(&mut self, c: char) {
        self.word.push(c);
        self.in_word = true;
    }

    pub fn end_word(&mut self) {
        if self.in_word {
            self.current.words.push(std::mem::take(&mut self.word));
            self.in_word = false;
        }
    }

    /// Ends the command at an operator (`|`, `&&`, `;`, a line end) that the caller names.
    pub fn end_segment(&mut self, operator: &str) {
        self.end_word();
        if !self.current.words.is_empty() {
            self.current.ended_by = Some(operator.to_string());
            self.out.segments.push(std::mem::take(&mut self.current));
        }
    }

    /// Consumes `$(…)` from its `$` to the balanced closing parenthesis (or the end of the text) and returns
    /// it as written: bash and PowerShell both spell a command substitution so.
    pub fn dollar_parens(&mut self) -> String {
        let start = self.i;
        let mut depth = 0usize;
        while let Some(c) = self.peek(0) {
            self.i += 1;
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        self.since(start)
    }

    /// `${…}` from its `$`: the text between the braces, with the position moved past the `}`; None (and the
    /// position kept) when no `}` closes it.
    pub fn dollar_braces(&mut self) -> Option<String> {
        let rest = &self.chars[self.i + 2..];
        let len = rest.iter().position(|&c| c == '}')?;
        let inner = rest[..len].iter().collect();
        self.i += len + 3;
        Some(inner)
    }

    /// A `$` that starts nothing the shell reads: it stays text.
    pub fn plain_dollar(&mut self) {
        self.word.push('$');
        self.i += 1;
    }

    /// Ends the command's word before a redirection and returns where the redirection starts. A file
    /// descriptor number in front (`2>`) belongs to the redirection, not to the command.
    pub fn begin_redirection(&mut self) -> usize {
        if self.in_word && !self.word.is_empty() && self.word.chars().all(|c| c.is_ascii_digit()) {
            self.word.clear();
            self.in_word = false;
        }
        self.end_word();
        self.i
    }

    /// Moves past the characters `skip` accepts.
    pub fn skip_while(&mut self, skip: impl Fn(char) -> bool) {
        while self.peek(0).is_some_and(&skip) {
            self.i += 1;
        }
    }

    /// The text from `start` up to the position, as written.
    pub fn since(&self, start: usize) -> String {
        self.chars[start..self.i].iter().collect()
    }

    /// A quote opened at `start` and never closed.
    pub fn unterminated(&self, start: usize, quote: &'static str) -> CurlError {
        CurlError::Unterminated {
            quote,
            line: line_of(&self.chars, start),
        }
    }
}

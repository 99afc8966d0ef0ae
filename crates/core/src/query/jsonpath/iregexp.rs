//! I-Regexp (RFC 9485), the pattern language of match() and search(): checked against its grammar
//! and translated into regex-lite's syntax.
//!
//! regex-lite has no Unicode property classes, so `\p{..}`/`\P{..}` are spelled out as code point
//! ranges for the categories the standard library can tell exactly (N, Cc, Lu); patterns with any
//! other category are treated like invalid ones.

use std::fmt::Write;
use std::sync::OnceLock;

use regex_lite::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PatternScope {
    /// match(): the pattern must match the whole string.
    WholeString,
    /// search(): the pattern may match any substring.
    Substring,
}

/// Groups nested deeper than this make a pattern invalid (patterns can come from the document).
const MAX_GROUP_NESTING: usize = 64;

/// The compiled pattern, or None when it is not a valid I-Regexp or cannot be translated.
pub(crate) fn compile(pattern: &str, scope: PatternScope) -> Option<Regex> {
    let translated = translate(pattern)?;
    let anchored = match scope {
        PatternScope::WholeString => format!("^(?:{translated})$"),
        PatternScope::Substring => translated,
    };
    Regex::new(&anchored).ok()
}

pub(crate) fn translate(pattern: &str) -> Option<String> {
    let mut translator = Translator {
        chars: pattern.chars().collect(),
        pos: 0,
        out: String::new(),
        depth: 0,
    };
    translator.alternation()?;
    (translator.pos == translator.chars.len()).then_some(translator.out)
}

struct Translator {
    chars: Vec<char>,
    pos: usize,
    out: String,
    depth: usize,
}

impl Translator {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_second(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn alternation(&mut self) -> Option<()> {
        self.branch()?;
        while self.eat('|') {
            self.out.push('|');
            self.branch()?;
        }
        Some(())
    }

    fn branch(&mut self) -> Option<()> {
        while !matches!(self.peek(), None | Some('|' | ')')) {
            self.atom()?;
            self.quantifier()?;
        }
        Some(())
    }

    fn quantifier(&mut self) -> Option<()> {
        match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                self.out.push(c);
            }
            Some('{') => {
                self.pos += 1;
                self.out.push('{');
                self.digits()?;
                if self.eat(',') {
                    self.out.push(',');
                    if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.digits()?;
                    }
                }
                if !self.eat('}') {
                    return None;
                }
                self.out.push('}');
            }
            _ => {}
        }
        Some(())
    }

    fn digits(&mut self) -> Option<()> {
        let start = self.pos;
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            self.pos += 1;
            self.out.push(c);
        }
        (self.pos > start).then_some(())
    }

    fn atom(&mut self) -> Option<()> {
        match self.bump()? {
            '(' => {
                self.depth += 1;
                if self.depth > MAX_GROUP_NESTING {
                    return None;
                }
                self.out.push_str("(?:");
                self.alternation()?;
                if !self.eat(')') {
                    return None;
                }
                self.out.push(')');
                self.depth -= 1;
            }
            // I-Regexp's dot excludes both line terminators; regex-lite's excludes only \n.
            '.' => self.out.push_str(r"[^\n\r]"),
            '[' => self.class()?,
            '\\' if matches!(self.peek(), Some('p' | 'P')) => self.category()?,
            '\\' => {
                let c = self.single_char_escape()?;
                self.literal(c);
            }
            // The grammar lets '^' and '$' through as ordinary characters, but RFC 9485's mappings
            // to ECMAScript, PCRE and RE2 pass them on unchanged, where they anchor; the compliance
            // suite expects that too.
            c @ ('^' | '$') => self.out.push(c),
            c if is_normal_char(c) => self.literal(c),
            _ => return None,
        }
        Some(())
    }

    /// After a backslash.
    fn single_char_escape(&mut self) -> Option<char> {
        match self.bump()? {
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            c @ ('(' | ')' | '*' | '+' | '-' | '.' | '?' | '[' | '\\' | ']' | '^' | '{' | '|'
            | '}') => Some(c),
            _ => None,
        }
    }

    /// Every character that is not plainly alphanumeric is written as a code point escape, so that
    /// nothing in it can be taken for regex-lite syntax.
    fn literal(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.out.push(c);
        } else {
            let _ = write!(self.out, "\\x{{{:x}}}", c as u32);
        }
    }

    /// A bracket expression, after its '['.
    fn class(&mut self) -> Option<()> {
        self.out.push('[');
        if self.eat('^') {
            self.out.push('^');
        }
        let mut first = true;
        loop {
            match self.peek()? {
                ']' if !first => {
                    self.pos += 1;
                    break;
                }
                '-' => {
                    self.pos += 1;
                    // A '-' is literal only first or last.
                    if !first && self.peek() != Some(']') {
                        return None;
                    }
                    self.literal('-');
                }
                '\\' if matches!(self.peek_second(), Some('p' | 'P')) => {
                    self.pos += 1;
                    self.category()?;
                }
                _ => {
                    let low = self.class_char()?;
                    if self.peek() == Some('-') && !matches!(self.peek_second(), Some(']') | None) {
                        self.pos += 1;
                        let high = self.class_char()?;
                        if high < low {
                            return None;
                        }
                        self.literal(low);
                        self.out.push('-');
                        self.literal(high);
                    } else {
                        self.literal(low);
                    }
                }
            }
            first = false;
        }
        self.out.push(']');
        Some(())
    }

    fn class_char(&mut self) -> Option<char> {
        match self.bump()? {
            '\\' => self.single_char_escape(),
            '-' | '[' | ']' => None,
            c => Some(c),
        }
    }

    /// `\p{..}` or `\P{..}`, after the backslash; written as a (nested, when inside a bracket
    /// expression) class of code point ranges.
    fn category(&mut self) -> Option<()> {
        let negated = self.bump()? == 'P';
        if !self.eat('{') {
            return None;
        }
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|c| *c != '}') {
            name.push(c);
            self.pos += 1;
            if name.len() > 2 {
                return None;
            }
        }
        if !self.eat('}') || !is_category_name(&name) {
            return None;
        }
        let ranges = category_ranges(&name)?;
        self.out.push_str(if negated { "[^" } else { "[" });
        self.out.push_str(ranges);
        self.out.push(']');
        Some(())
    }
}

fn is_normal_char(c: char) -> bool {
    !matches!(
        c,
        '(' | ')' | '*' | '+' | '.' | '?' | '[' | '\\' | ']' | '{' | '|' | '}'
    )
}

/// RFC 9485's IsCategory.
fn is_category_name(name: &str) -> bool {
    let mut chars = name.chars();
    let subcategories = match chars.next() {
        Some('L') => "lmotu",
        Some('M') => "cen",
        Some('N') => "dlo",
        Some('P') => "cdefios",
        Some('Z') => "lps",
        Some('S') => "ckmo",
        Some('C') => "cfno",
        _ => return false,
    };
    match chars.next() {
        None => true,
        Some(sub) => subcategories.contains(sub) && chars.next().is_none(),
    }
}

/// The code point ranges of the categories that can be derived exactly from the standard
/// library's character predicates; None for the others.
fn category_ranges(name: &str) -> Option<&'static str> {
    static NUMBER: OnceLock<String> = OnceLock::new();
    static CONTROL: OnceLock<String> = OnceLock::new();
    static UPPERCASE_LETTER: OnceLock<String> = OnceLock::new();
    let ranges = match name {
        "N" => NUMBER.get_or_init(|| ranges_where(char::is_numeric)),
        "Cc" => CONTROL.get_or_init(|| ranges_where(char::is_control)),
        "Lu" => UPPERCASE_LETTER.get_or_init(|| ranges_where(is_uppercase_letter)),
        _ => return None,
    };
    Some(ranges.as_str())
}

/// General category Lu: the Uppercase property less Other_Uppercase (the Roman numerals, which
/// are numbers, and the circled and squared Latin capitals, which are symbols).
fn is_uppercase_letter(c: char) -> bool {
    c.is_uppercase() && !c.is_numeric() && !matches!(c as u32, 0x24B6..=0x24CF | 0x1F130..=0x1F189)
}

fn ranges_where(predicate: fn(char) -> bool) -> String {
    let mut ranges = String::new();
    let mut open: Option<(u32, u32)> = None;
    for c in (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| predicate(*c))
    {
        let code = c as u32;
        open = match open {
            Some((low, high)) if high + 1 == code => Some((low, code)),
            Some(range) => {
                push_range(&mut ranges, range);
                Some((code, code))
            }
            None => Some((code, code)),
        };
    }
    if let Some(range) = open {
        push_range(&mut ranges, range);
    }
    ranges
}

fn push_range(out: &mut String, (low, high): (u32, u32)) {
    let _ = if low == high {
        write!(out, "\\x{{{low:x}}}")
    } else {
        write!(out, "\\x{{{low:x}}}-\\x{{{high:x}}}")
    };
}

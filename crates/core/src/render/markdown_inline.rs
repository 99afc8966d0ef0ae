//! Render stage, Markdown inlines: code spans, emphasis, links, autolinks, escapes, entities and breaks of
//! one paragraph, heading or table cell, written as escaped HTML.
//!
//! The text is read once, left to right, into pieces; emphasis is then matched with CommonMark's delimiter
//! algorithm (with its "openers bottom" bounds, which keep it linear), and links with a stack of brackets.
//! Code span closers are looked up in a table of backtick runs, so hostile input never rescans the text.

use super::escape::{self, Href};
use std::collections::HashMap;

/// How deep emphasis and links may nest in the output; deeper markers are dropped (their text stays).
const MAX_NESTING: usize = 32;
/// How deep parentheses may nest in a link destination, as in cmark: beyond it is not a link.
const MAX_PARENS: usize = 32;

/// A piece of the output, in source order.
enum Piece {
    /// Text already escaped (entity references kept as written).
    Html(String),
    Code(String),
    Break {
        hard: bool,
    },
    /// A run of `*` or `_`: its delimiter (what is left of it, and the tags it opens and closes).
    Delim(usize),
    /// A `[` or `![` no `]` matched (yet).
    Bracket {
        image: bool,
    },
    LinkStart {
        id: usize,
        href: Option<Href>,
        title: Option<String>,
        image: bool,
    },
    LinkEnd {
        id: usize,
        image: bool,
    },
    Autolink {
        href: Option<Href>,
        text: String,
    },
}

/// An emphasis tag one delimiter match made: `<em>` or `<strong>`, with an id so that the writer can drop
/// both ends of one that nests too deep.
#[derive(Clone, Copy)]
struct Tag {
    id: usize,
    strong: bool,
}

/// A delimiter run, linked to its live neighbours (the delimiter stack of the CommonMark algorithm). Indexes
/// grow with the position in the text.
struct Delimiter {
    ch: u8,
    count: usize,
    original: usize,
    can_open: bool,
    can_close: bool,
    prev: Option<usize>,
    next: Option<usize>,
    opens: Vec<Tag>,
    closes: Vec<Tag>,
}

struct Opener {
    piece: usize,
    image: bool,
    /// Order of the brackets: a `[` is inactive once a link formed after it was pushed.
    seq: usize,
    /// The last live delimiter before it: emphasis inside the link text is matched above this one.
    delimiters_below: Option<usize>,
}

/// Where code spans can close: for each backtick run length, the positions of the runs of that length, and
/// how far the search has gone (it only moves forward, as the reading does).
#[derive(Default)]
struct Backticks {
    runs: HashMap<usize, (Vec<usize>, usize)>,
}

impl Backticks {
    fn new(text: &str) -> Backticks {
        let mut runs: HashMap<usize, (Vec<usize>, usize)> = HashMap::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let len = run_len(bytes, i);
                runs.entry(len).or_default().0.push(i);
                i += len;
            } else {
                i += 1;
            }
        }
        Backticks { runs }
    }

    /// The start of the first run of exactly `len` backticks at or after `from`.
    fn closer(&mut self, len: usize, from: usize) -> Option<usize> {
        let (starts, cursor) = self.runs.get_mut(&len)?;
        while starts.get(*cursor).is_some_and(|&start| start < from) {
            *cursor += 1;
        }
        starts.get(*cursor).copied()
    }
}

fn run_len(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .take_while(|&&b| b == bytes[start])
        .count()
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    pieces: Vec<Piece>,
    /// Escaped text not yet made a piece.
    text: String,
    delimiters: Vec<Delimiter>,
    top: Option<usize>,
    openers: Vec<Opener>,
    brackets_seen: usize,
    brackets_at_last_link: usize,
    tags: usize,
    backticks: Option<Backticks>,
}

/// Appends the inline content `src` as HTML.
pub(super) fn write(out: &mut String, src: &str) {
    let mut parser = Parser {
        src,
        pos: 0,
        pieces: Vec::new(),
        text: String::new(),
        delimiters: Vec::new(),
        top: None,
        openers: Vec::new(),
        brackets_seen: 0,
        brackets_at_last_link: 0,
        tags: 0,
        backticks: None,
    };
    parser.read();
    parser.write(out);
}

impl Parser<'_> {
    fn read(&mut self) {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            match bytes[self.pos] {
                b'\\' => self.backslash(),
                b'`' => self.code_span(),
                b'*' | b'_' => self.delimiter_run(),
                b'[' => self.open_bracket(false, 1),
                b'!' if bytes.get(self.pos + 1) == Some(&b'[') => self.open_bracket(true, 2),
                b']' => self.close_bracket(),
                b'<' => self.autolink(),
                b'&' => self.entity(),
                b'\n' => self.line_break(),
                _ => self.plain_text(),
            }
        }
        self.flush();
        self.process_emphasis(None);
    }

    /// Text up to the next character that may mean something.
    fn plain_text(&mut self) {
        let rest = &self.src[self.pos..];
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let len = rest[first..]
            .find(['\\', '`', '*', '_', '[', '!', ']', '<', '&', '\n'])
            .map_or(rest.len(), |i| i + first);
        escape::text(&mut self.text, &rest[..len]);
        self.pos += len;
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.pieces.push(Piece::Html(text));
        }
    }

    fn push(&mut self, piece: Piece) {
        self.flush();
        self.pieces.push(piece);
    }

    fn backslash(&mut self) {
        let next = self.src[self.pos + 1..].chars().next();
        match next {
            Some('\n') => {
                self.pos += 2;
                self.push(Piece::Break { hard: true });
                self.skip_indent();
            }
            Some(c) if c.is_ascii_punctuation() => {
                escape::text(&mut self.text, &self.src[self.pos + 1..self.pos + 2]);
                self.pos += 2;
            }
            _ => {
                self.text.push('\\');
                self.pos += 1;
            }
        }
    }

    /// A line end: hard after two spaces, soft otherwise; the spaces around it are not content.
    fn line_break(&mut self) {
        let kept = self.text.trim_end_matches(' ').len();
        let hard = self.text.len() - kept >= 2;
        self.text.truncate(kept);
        self.pos += 1;
        self.push(Piece::Break { hard });
        self.skip_indent();
    }

    fn skip_indent(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    fn code_span(&mut self) {
        let bytes = self.src.as_bytes();
        let len = run_len(bytes, self.pos);
        let after = self.pos + len;
        let src = self.src;
        let closer = self
            .backticks
            .get_or_insert_with(|| Backticks::new(src))
            .closer(len, after);
        let Some(close) = closer else {
            // No run of the same length follows: the backticks are text.
            self.text.push_str(&self.src[self.pos..after]);
            self.pos = after;
            return;
        };
        let code = self.src[after..close].replace('\n', " ");
        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(inner) if code.bytes().any(|b| b != b' ') => inner.to_string(),
            _ => code,
        };
        self.push(Piece::Code(code));
        self.pos = close + len;
    }

    fn delimiter_run(&mut self) {
        let bytes = self.src.as_bytes();
        let ch = bytes[self.pos];
        let count = run_len(bytes, self.pos);
        let before = self.src[..self.pos].chars().next_back().unwrap_or(' ');
        let after = self.src[self.pos + count..].chars().next().unwrap_or(' ');
        let left = !after.is_whitespace()
            && (!is_punctuation(after) || before.is_whitespace() || is_punctuation(before));
        let right = !before.is_whitespace()
            && (!is_punctuation(before) || after.is_whitespace() || is_punctuation(after));
        // `_` does not emphasise inside words (snake_case_names stay as they are).
        let (can_open, can_close) = match ch {
            b'*' => (left, right),
            _ => (
                left && (!right || is_punctuation(before)),
                right && (!left || is_punctuation(after)),
            ),
        };
        let index = self.delimiters.len();
        self.delimiters.push(Delimiter {
            ch,
            count,
            original: count,
            can_open,
            can_close,
            prev: self.top,
            next: None,
            opens: Vec::new(),
            closes: Vec::new(),
        });
        if let Some(top) = self.top {
            self.delimiters[top].next = Some(index);
        }
        self.top = Some(index);
        self.push(Piece::Delim(index));
        self.pos += count;
    }

    fn unlink(&mut self, d: usize) {
        let (prev, next) = (self.delimiters[d].prev, self.delimiters[d].next);
        if let Some(p) = prev {
            self.delimiters[p].next = next;
        }
        match next {
            Some(n) => self.delimiters[n].prev = prev,
            None => self.top = prev,
        }
    }

    /// CommonMark's "process emphasis" over the delimiters above `bottom`, which are then removed.
    fn process_emphasis(&mut self, bottom: Option<usize>) {
        let above = |d: usize, floor: Option<usize>| floor.is_none_or(|f| d > f);
        let mut first = None;
        let mut cursor = self.top;
        while let Some(d) = cursor.filter(|&d| above(d, bottom)) {
            first = Some(d);
            cursor = self.delimiters[d].prev;
        }
        // Per closer kind (character, can it open, length mod 3): below where no opener can be found.
        let mut openers_bottom = [[bottom; 3]; 4];
        let mut closer = first;
        while let Some(c) = closer {
            let d = &self.delimiters[c];
            if !d.can_close {
                closer = d.next;
                continue;
            }
            let kind = usize::from(d.ch == b'_') * 2 + usize::from(d.can_open);
            let floor = openers_bottom[kind][d.original % 3];
            let mut opener = d.prev;
            while let Some(o) = opener.filter(|&o| above(o, bottom) && above(o, floor)) {
                if self.matches(o, c) {
                    break;
                }
                opener = self.delimiters[o].prev;
            }
            match opener.filter(|&o| above(o, bottom) && above(o, floor)) {
                Some(o) => closer = self.match_pair(o, c),
                None => {
                    let (prev, next, can_open) = (d.prev, d.next, d.can_open);
                    // Nothing below can match this kind of closer any more.
                    openers_bottom[kind][d.original % 3] = prev;
                    if !can_open {
                        self.unlink(c);
                    }
                    closer = next;
                }
            }
        }
        while let Some(t) = self.top.filter(|&t| above(t, bottom)) {
            self.unlink(t);
        }
    }

    fn matches(&self, o: usize, c: usize) -> bool {
        let (opener, closer) = (&self.delimiters[o], &self.delimiters[c]);
        // The "multiple of 3" rule: `*foo**bar*` is not `<em>foo</em><em>bar</em>`.
        let odd = (opener.can_close || closer.can_open)
            && (opener.original + closer.original) % 3 == 0
            && !(opener.original % 3 == 0 && closer.original % 3 == 0);
        opener.ch == closer.ch && opener.can_open && !odd
    }

    /// Pairs opener `o` with closer `c`; returns the closer to look at next.
    fn match_pair(&mut self, o: usize, c: usize) -> Option<usize> {
        let strong = self.delimiters[o].count >= 2 && self.delimiters[c].count >= 2;
        let used = if strong { 2 } else { 1 };
        let tag = Tag {
            id: self.tags,
            strong,
        };
        self.tags += 1;
        self.delimiters[o].count -= used;
        self.delimiters[c].count -= used;
        self.delimiters[o].opens.push(tag);
        self.delimiters[c].closes.push(tag);
        let mut between = self.delimiters[c].prev;
        while let Some(b) = between.filter(|&b| b != o) {
            between = self.delimiters[b].prev;
            self.unlink(b);
        }
        if self.delimiters[o].count == 0 {
            self.unlink(o);
        }
        if self.delimiters[c].count > 0 {
            return Some(c);
        }
        let next = self.delimiters[c].next;
        self.unlink(c);
        next
    }

    fn open_bracket(&mut self, image: bool, len: usize) {
        self.brackets_seen += 1;
        self.push(Piece::Bracket { image });
        self.openers.push(Opener {
            piece: self.pieces.len() - 1,
            image,
            seq: self.brackets_seen,
            delimiters_below: self.top,
        });
        self.pos += len;
    }

    fn close_bracket(&mut self) {
        self.pos += 1;
        let Some(opener) = self.openers.pop() else {
            self.text.push(']');
            return;
        };
        // Links do not contain links: a `[` before a link that formed is only text.
        let active = opener.image || opener.seq > self.brackets_at_last_link;
        let Some((destination, title, end)) =
            active.then(|| link_tail(self.src, self.pos)).flatten()
        else {
            self.text.push(']');
            return;
        };
        self.pos = end;
        self.flush();
        self.process_emphasis(opener.delimiters_below);
        let href = escape::href(&destination);
        if opener.image && self.pieces.len() == opener.piece + 1 {
            // An image without a description links with its address as text.
            let mut text = String::new();
            escape::text(&mut text, &destination);
            self.pieces.push(Piece::Html(text));
        }
        let id = self.tags;
        self.tags += 1;
        let image = opener.image;
        self.pieces[opener.piece] = Piece::LinkStart {
            id,
            href,
            title,
            image,
        };
        self.pieces.push(Piece::LinkEnd { id, image });
        if !image {
            self.brackets_at_last_link = self.brackets_seen;
        }
    }

    fn autolink(&mut self) {
        match autolink_at(&self.src[self.pos..]) {
            Some((inner, href)) => {
                self.pos += inner.len() + 2;
                let text = inner.to_string();
                self.push(Piece::Autolink {
                    href: escape::href(&href),
                    text,
                });
            }
            None => {
                self.text.push_str("&lt;");
                self.pos += 1;
            }
        }
    }

    fn entity(&mut self) {
        match escape::entity_len(&self.src[self.pos..]) {
            Some(len) => {
                self.text.push_str(&self.src[self.pos..self.pos + len]);
                self.pos += len;
            }
            None => {
                self.text.push_str("&amp;");
                self.pos += 1;
            }
        }
    }
}

/// Unicode punctuation as CommonMark counts it (P and S categories), approximated without tables: ASCII
/// punctuation, and any other character that is neither a letter, a digit, a space nor a control.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// `(destination "title")` right after a `]` at `start`: the destination and title unescaped, and where the
/// link ends. Each part stops at the first character it cannot contain, so a failed attempt reads little.
fn link_tail(src: &str, start: usize) -> Option<(String, Option<String>, usize)> {
    let bytes = src.as_bytes();
    if bytes.get(start) != Some(&b'(') {
        return None;
    }
    let mut i = skip_space(bytes, start + 1);
    let (destination, end) = destination(src, i)?;
    i = end;
    let after_destination = skip_space(bytes, i);
    let mut title = None;
    if after_destination > i {
        if let Some((t, end)) = link_title(src, after_destination) {
            title = Some(escape::unescape(t));
            i = skip_space(bytes, end);
        } else {
            i = after_destination;
        }
    }
    (bytes.get(i) == Some(&b')')).then(|| (escape::unescape(destination), title, i + 1))
}

/// Spaces, tabs and at most one line end.
fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    let mut line_ends = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' => {}
            b'\n' if line_ends == 0 => line_ends += 1,
            _ => break,
        }
        i += 1;
    }
    i
}

fn destination(src: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = src.as_bytes();
    if bytes.get(start) == Some(&b'<') {
        let mut i = start + 1;
        loop {
            match *bytes.get(i)? {
                b'>' => return Some((&src[start + 1..i], i + 1)),
                b'\n' | b'<' => return None,
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
                _ => i += 1,
            }
        }
    }
    let mut depth = 0;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
            b'(' if depth == MAX_PARENS => return None,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b if b <= b' ' || b == 0x7f => break,
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then(|| (&src[start..i], i))
}

fn link_title(src: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = src.as_bytes();
    let close = match bytes.get(start)? {
        b'"' => b'"',
        b'\'' => b'\'',
        b'(' => b')',
        _ => return None,
    };
    let mut i = start + 1;
    loop {
        match *bytes.get(i)? {
            b if b == close => return Some((&src[start + 1..i], i + 1)),
            b'(' if close == b')' => return None,
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
            _ => i += 1,
        }
    }
}

/// `<scheme:…>` or `<user@host>` at the start of `s`: the text between the brackets and the destination.
fn autolink_at(s: &str) -> Option<(&str, String)> {
    let end = s[1..]
        .find(|c: char| c == '<' || c == '>' || c.is_ascii_whitespace() || c.is_control())?
        + 1;
    if !s[end..].starts_with('>') {
        return None;
    }
    let inner = &s[1..end];
    if is_uri(inner) {
        Some((inner, inner.to_string()))
    } else if is_email(inner) {
        Some((inner, format!("mailto:{inner}")))
    } else {
        None
    }
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
}

fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else {
        return false;
    };
    let user_ok = !user.is_empty()
        && user
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    user_ok && host.split('.').all(label_ok)
}

/// Writes the pieces, dropping the tags that would nest too deep or put a link inside a link. An image's
/// description is written as plain text (it is the text of the link the image becomes).
struct Writer<'a> {
    out: &'a mut String,
    depth: usize,
    in_link: bool,
    /// Inside how many image descriptions: there, no tags at all.
    plain: usize,
    dropped: Vec<bool>,
}

impl Parser<'_> {
    fn write(self, out: &mut String) {
        let mut writer = Writer {
            out,
            depth: 0,
            in_link: false,
            plain: 0,
            dropped: vec![false; self.tags],
        };
        for piece in &self.pieces {
            writer.piece(piece, &self.delimiters);
        }
    }
}

impl Writer<'_> {
    fn piece(&mut self, piece: &Piece, delimiters: &[Delimiter]) {
        match piece {
            Piece::Html(html) => self.out.push_str(html),
            Piece::Code(code) if self.plain > 0 => escape::text(self.out, code),
            Piece::Code(code) => {
                self.out.push_str("<code>");
                escape::text(self.out, code);
                self.out.push_str("</code>");
            }
            Piece::Break { hard: true } if self.plain == 0 => self.out.push_str("<br>\n"),
            Piece::Break { .. } => self.out.push('\n'),
            Piece::Delim(d) => self.delimiter(&delimiters[*d]),
            Piece::Bracket { image } => self.out.push_str(if *image { "![" } else { "[" }),
            Piece::LinkStart {
                id,
                href,
                title,
                image,
            } => self.link_start(*id, href.as_ref(), title.as_deref(), *image),
            Piece::LinkEnd { id, image } => {
                if *image {
                    self.plain -= 1;
                }
                if !self.dropped[*id] {
                    self.out.push_str("</a>");
                    self.in_link = false;
                    self.depth -= 1;
                }
            }
            Piece::Autolink { href, text } => match href {
                Some(href) if self.can_nest() && !self.in_link => {
                    self.anchor(href, None);
                    escape::text(self.out, text);
                    self.out.push_str("</a>");
                }
                _ => escape::text(self.out, text),
            },
        }
    }

    fn can_nest(&self) -> bool {
        self.plain == 0 && self.depth < MAX_NESTING
    }

    fn delimiter(&mut self, delimiter: &Delimiter) {
        for tag in &delimiter.closes {
            if !self.dropped[tag.id] {
                self.out
                    .push_str(if tag.strong { "</strong>" } else { "</em>" });
                self.depth -= 1;
            }
        }
        let ch = char::from(delimiter.ch);
        self.out.extend(std::iter::repeat_n(ch, delimiter.count));
        for tag in delimiter.opens.iter().rev() {
            if self.can_nest() {
                self.out
                    .push_str(if tag.strong { "<strong>" } else { "<em>" });
                self.depth += 1;
            } else {
                self.dropped[tag.id] = true;
            }
        }
    }

    fn link_start(&mut self, id: usize, href: Option<&Href>, title: Option<&str>, image: bool) {
        match href {
            Some(href) if self.can_nest() && !self.in_link => {
                self.anchor(href, title);
                self.in_link = true;
                self.depth += 1;
            }
            _ => self.dropped[id] = true,
        }
        if image {
            self.plain += 1;
        }
    }

    fn anchor(&mut self, href: &Href, title: Option<&str>) {
        self.out.push_str("<a href=\"");
        self.out.push_str(&href.value);
        self.out.push('"');
        if let Some(title) = title {
            self.out.push_str(" title=\"");
            escape::text(self.out, title);
            self.out.push('"');
        }
        if href.external {
            self.out
                .push_str(" rel=\"noopener noreferrer\" target=\"_blank\"");
        }
        self.out.push('>');
    }
}

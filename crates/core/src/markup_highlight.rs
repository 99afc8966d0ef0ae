//! Render stage, logic half: XML and HTML source cut into coloured runs one line at a time, with the lexer
//! state carried from line to line, so the viewer colours only the lines on screen of a body of any size.
//!
//! A comment, a CDATA section, a tag with its attributes, a quoted value, a doctype or a `<script>` may span
//! lines, so a line cannot be coloured on its own: [`MarkupState`] says what the previous line left open, and
//! [`LineStates`] keeps it every [`CHECKPOINT_LINES`] lines, so showing a window of lines lexes at most one
//! checkpoint interval plus the window. It is a highlighter, not a parser: malformed markup never fails, it
//! is coloured as the HTML tokenizer would roughly read it. Every delimiter is ASCII and runs are cut only
//! next to one, so every run boundary is a character boundary.

use std::ops::Range;

/// Which rules apply: HTML has raw-text elements (`<script>`, `<style>`, `<textarea>`...) and lenient
/// doctypes and processing instructions; XML has neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    Xml,
    Html,
}

/// What a run of a line is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Token {
    /// Character data, whitespace inside tags, and anything that is not markup.
    Text,
    TagName,
    AttrName,
    /// With its quotes, or unquoted.
    AttrValue,
    /// `<`, `</`, `>`, `/>`, `=`.
    Punct,
    /// `<!-- ... -->`, delimiters included.
    Comment,
    /// `<![CDATA[ ... ]]>`, delimiters included.
    Cdata,
    /// `<!DOCTYPE ...>`, other `<!...>` declarations and processing instructions `<?...?>`.
    Declaration,
    /// `&amp;`, `&#65;`, `&#x41;`.
    Entity,
}

/// The lexer's state between two lines: what the text so far has left open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkupState {
    pub dialect: Dialect,
    pub within: Within,
}

impl MarkupState {
    /// The state at the start of a document.
    pub fn start(dialect: Dialect) -> MarkupState {
        MarkupState {
            dialect,
            within: Within::Text,
        }
    }
}

/// The construct a line starts inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Within {
    Text,
    Comment,
    Cdata,
    /// `<!...>`. XML keeps a quoted literal and an internal subset `[...]` open across lines (a `>` inside
    /// either does not end the doctype); HTML ends it at the first `>`, as browsers do.
    Declaration {
        quote: Option<Quote>,
        subset: bool,
    },
    /// `<?...`: ends at `?>` in XML, at `>` in HTML.
    Instruction,
    /// Inside a start or end tag; `opens` is the raw-text element its `>` starts (HTML start tags only).
    Tag {
        opens: Option<RawElement>,
        at: InTag,
    },
    /// The content of an HTML raw-text element, up to its end tag.
    RawText(RawElement),
}

/// Where inside a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InTag {
    /// Between attributes, or after a name.
    Attributes,
    /// After `=`, before the value (whitespace may come between, line breaks included).
    Value,
    /// In a quoted value.
    Quoted(Quote),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quote {
    Double,
    Single,
}

impl Quote {
    fn of(byte: u8) -> Option<Quote> {
        match byte {
            b'"' => Some(Quote::Double),
            b'\'' => Some(Quote::Single),
            _ => None,
        }
    }

    fn byte(self) -> u8 {
        match self {
            Quote::Double => b'"',
            Quote::Single => b'\'',
        }
    }
}

/// HTML elements whose content is not markup: it ends only at the matching end tag. In the escapable ones
/// (`textarea`, `title`) entities still count.
const RAW_ELEMENTS: [(&str, bool); 9] = [
    ("script", false),
    ("style", false),
    ("textarea", true),
    ("title", true),
    ("xmp", false),
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    // Browsers run script, so they read <noscript> as raw text too.
    ("noscript", false),
];

/// One of the HTML raw-text elements (an index into the table above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RawElement(u8);

impl RawElement {
    fn find(name: &[u8]) -> Option<RawElement> {
        RAW_ELEMENTS
            .iter()
            .position(|(raw, _)| raw.as_bytes().eq_ignore_ascii_case(name))
            .map(|i| RawElement(i as u8))
    }

    /// The element's name, lower case.
    pub fn name(self) -> &'static str {
        RAW_ELEMENTS.get(usize::from(self.0)).map_or("", |e| e.0)
    }

    fn escapable(self) -> bool {
        RAW_ELEMENTS.get(usize::from(self.0)).is_some_and(|e| e.1)
    }
}

/// Cuts `line` into runs that cover it exactly, in order, adjacent runs of the same token merged, and
/// returns the state at its end. A line break between two lines counts as whitespace, so lexing the lines
/// one by one, each from the state the previous one returned, colours them as lexing the joined text would.
pub fn highlight_line(line: &str, state: MarkupState) -> (Vec<(Token, Range<usize>)>, MarkupState) {
    let mut runs: Vec<(Token, Range<usize>)> = Vec::new();
    let mut from = 0;
    let state = lex(line.as_bytes(), state, &mut |token, end| {
        if end <= from {
            return;
        }
        match runs.last_mut() {
            Some((last, range)) if *last == token => range.end = end,
            _ => runs.push((token, from..end)),
        }
        from = end;
    });
    (runs, state)
}

/// The state at the end of `line`, without building its runs (the checkpoints lex many lines this way).
pub fn advance(line: &str, state: MarkupState) -> MarkupState {
    lex(line.as_bytes(), state, &mut |_, _| {})
}

/// Lines between two saved states.
pub const CHECKPOINT_LINES: usize = 256;

/// The state at the start of any line of one text, from states saved every [`CHECKPOINT_LINES`] lines as
/// they are first passed, plus the last line asked for: a viewer asking for lines `n..n + 60` in turn lexes
/// at most `CHECKPOINT_LINES + 60` lines once the checkpoints up to `n` exist. A jump far down lexes every
/// line above once (without building runs); the checkpoints it leaves make every later visit cheap.
#[derive(Clone, Debug)]
pub struct LineStates {
    /// `saved[k]` is the state at the start of line `k * CHECKPOINT_LINES`.
    saved: Vec<MarkupState>,
    /// The last line asked for and its state: the next row down continues from it.
    last: (usize, MarkupState),
}

impl LineStates {
    pub fn new(start: MarkupState) -> LineStates {
        LineStates {
            saved: vec![start],
            last: (0, start),
        }
    }

    /// The state at the start of line `n`; `line(k)` gives line `k` of the text (empty past its end).
    pub fn state_at<'t>(&mut self, n: usize, line: impl Fn(usize) -> &'t str) -> MarkupState {
        let checkpoint = n / CHECKPOINT_LINES;
        while self.saved.len() <= checkpoint {
            let k = self.saved.len() - 1;
            let mut state = self.saved[k];
            for i in k * CHECKPOINT_LINES..(k + 1) * CHECKPOINT_LINES {
                state = advance(line(i), state);
            }
            self.saved.push(state);
        }
        let from_checkpoint = checkpoint * CHECKPOINT_LINES;
        let (mut i, mut state) = if (from_checkpoint..=n).contains(&self.last.0) {
            self.last
        } else {
            (from_checkpoint, self.saved[checkpoint])
        };
        while i < n {
            state = advance(line(i), state);
            i += 1;
        }
        self.last = (n, state);
        state
    }
}

/// Receives each run's token and end. One lexer serves both callers through a `dyn` (a generic would put
/// two copies of it in the page).
type Emit<'e> = dyn FnMut(Token, usize) + 'e;

/// The lexer proper: calls `emit(token, end)` for consecutive runs (`end` is where each stops; a run may be
/// empty), and returns the state at the end of `s`.
fn lex(s: &[u8], state: MarkupState, emit: &mut Emit) -> MarkupState {
    let html = state.dialect == Dialect::Html;
    let mut within = state.within;
    let mut i = 0;
    // Each step consumes at least one byte, or moves to a state whose step will.
    while i < s.len() {
        (i, within) = match within {
            Within::Text => text(s, i, html, emit),
            Within::Comment => until(s, i, b"-->", Token::Comment, within, emit),
            Within::Cdata => until(s, i, b"]]>", Token::Cdata, within, emit),
            Within::Instruction => {
                let end: &[u8] = if html { b">" } else { b"?>" };
                until(s, i, end, Token::Declaration, within, emit)
            }
            Within::Declaration { quote, subset } => declaration(s, i, html, quote, subset, emit),
            Within::Tag { opens, at } => tag(s, i, opens, at, emit),
            Within::RawText(element) => raw_text(s, i, element, emit),
        };
    }
    MarkupState {
        dialect: state.dialect,
        within,
    }
}

/// Character data up to the next markup, and that markup's opening.
fn text(s: &[u8], i: usize, html: bool, emit: &mut Emit) -> (usize, Within) {
    let Some(p) = s[i..]
        .iter()
        .position(|b| matches!(b, b'<' | b'&'))
        .map(|p| i + p)
    else {
        emit(Token::Text, s.len());
        return (s.len(), Within::Text);
    };
    emit(Token::Text, p);
    let rest = &s[p..];
    if rest[0] == b'&' {
        return match entity_len(rest) {
            Some(len) => {
                emit(Token::Entity, p + len);
                (p + len, Within::Text)
            }
            None => {
                emit(Token::Text, p + 1);
                (p + 1, Within::Text)
            }
        };
    }
    // The comment's own `--` may close it (`<!-->` is an empty comment in HTML), so its search starts there.
    let (token, len, within) = if rest.starts_with(b"<!--") {
        (Token::Comment, 2, Within::Comment)
    } else if rest.starts_with(b"<![CDATA[") {
        (Token::Cdata, 9, Within::Cdata)
    } else if rest.starts_with(b"<!") {
        let within = Within::Declaration {
            quote: None,
            subset: false,
        };
        (Token::Declaration, 2, within)
    } else if rest.starts_with(b"<?") {
        (Token::Declaration, 2, Within::Instruction)
    } else if rest.starts_with(b"</") && rest.get(2).is_some_and(|b| name_start(*b)) {
        return tag_name(s, p + 2, false, emit);
    } else if rest.get(1).is_some_and(|b| name_start(*b)) {
        // Only an HTML start tag can open a raw-text element.
        return tag_name(s, p + 1, html, emit);
    } else {
        // A `<` that starts no markup is text, as in HTML (`a < b`).
        emit(Token::Text, p + 1);
        return (p + 1, Within::Text);
    };
    emit(token, p + len);
    (p + len, within)
}

/// The `<` or `</` before `start`, then the tag's name; `may_open_raw` for an HTML start tag, whose name
/// decides which raw-text element, if any, its `>` opens.
fn tag_name(s: &[u8], start: usize, may_open_raw: bool, emit: &mut Emit) -> (usize, Within) {
    emit(Token::Punct, start);
    let end = s[start..]
        .iter()
        .position(|b| is_space(*b) || matches!(b, b'/' | b'>'))
        .map_or(s.len(), |p| start + p);
    emit(Token::TagName, end);
    let opens = RawElement::find(&s[start..end]).filter(|_| may_open_raw);
    let at = InTag::Attributes;
    (end, Within::Tag { opens, at })
}

/// Inside a tag: attributes, values, and its end.
fn tag(
    s: &[u8],
    i: usize,
    opens: Option<RawElement>,
    at: InTag,
    emit: &mut Emit,
) -> (usize, Within) {
    let inside = |at| Within::Tag { opens, at };
    let b = s[i];
    if let InTag::Quoted(quote) = at {
        return match s[i..].iter().position(|&c| c == quote.byte()) {
            Some(p) => {
                with_entities(s, i, i + p, Token::AttrValue, emit);
                emit(Token::AttrValue, i + p + 1);
                (i + p + 1, inside(InTag::Attributes))
            }
            None => {
                with_entities(s, i, s.len(), Token::AttrValue, emit);
                (s.len(), inside(at))
            }
        };
    }
    if is_space(b) {
        let end = s[i..]
            .iter()
            .position(|c| !is_space(*c))
            .map_or(s.len(), |p| i + p);
        emit(Token::Text, end);
        return (end, inside(at));
    }
    if b == b'>' {
        emit(Token::Punct, i + 1);
        // A `/>` on a raw-text element is not honoured by HTML, but it is how XHTML writes `<script src/>`;
        // reading on as script would colour the rest of such a page as script.
        let after = opens.map_or(Within::Text, Within::RawText);
        return (i + 1, after);
    }
    if at == InTag::Value {
        if let Some(quote) = Quote::of(b) {
            emit(Token::AttrValue, i + 1);
            return (i + 1, inside(InTag::Quoted(quote)));
        }
        // Unquoted, as HTML reads it: up to whitespace or `>` (a `/` belongs to the value).
        let end = s[i..]
            .iter()
            .position(|c| is_space(*c) || *c == b'>')
            .map_or(s.len(), |p| i + p);
        with_entities(s, i, end, Token::AttrValue, emit);
        return (end, inside(InTag::Attributes));
    }
    match b {
        b'/' if s.get(i + 1) == Some(&b'>') => {
            emit(Token::Punct, i + 2);
            (i + 2, Within::Text)
        }
        b'/' => {
            emit(Token::Punct, i + 1);
            (i + 1, inside(at))
        }
        b'=' => {
            emit(Token::Punct, i + 1);
            (i + 1, inside(InTag::Value))
        }
        _ => {
            let end = s[i..]
                .iter()
                .position(|c| is_space(*c) || matches!(c, b'/' | b'>' | b'='))
                .map_or(s.len(), |p| i + p);
            emit(Token::AttrName, end);
            (end, inside(at))
        }
    }
}

/// A doctype or other declaration, up to its `>`.
fn declaration(
    s: &[u8],
    i: usize,
    html: bool,
    mut quote: Option<Quote>,
    mut subset: bool,
    emit: &mut Emit,
) -> (usize, Within) {
    for (p, &b) in (i..).zip(&s[i..]) {
        match quote {
            Some(q) if b == q.byte() => quote = None,
            Some(_) => {}
            None if b == b'>' && !subset => {
                emit(Token::Declaration, p + 1);
                return (p + 1, Within::Text);
            }
            None if html => {}
            None => match b {
                b'[' => subset = true,
                b']' => subset = false,
                _ => quote = Quote::of(b),
            },
        }
    }
    emit(Token::Declaration, s.len());
    (s.len(), Within::Declaration { quote, subset })
}

/// Up to and including `end`, all one token; or the whole rest, still `within`.
fn until(
    s: &[u8],
    i: usize,
    end: &[u8],
    token: Token,
    within: Within,
    emit: &mut Emit,
) -> (usize, Within) {
    match find(&s[i..], end) {
        Some(p) => {
            let stop = i + p + end.len();
            emit(token, stop);
            (stop, Within::Text)
        }
        None => {
            emit(token, s.len());
            (s.len(), within)
        }
    }
}

/// The content of a raw-text element, up to `</name` followed by whitespace, `/`, `>` or the line's end.
fn raw_text(s: &[u8], i: usize, element: RawElement, emit: &mut Emit) -> (usize, Within) {
    let name = element.name().as_bytes();
    let mut from = i;
    while let Some(p) = s[from..].iter().position(|b| *b == b'<').map(|p| from + p) {
        let after = p + 2 + name.len();
        let closes = s.get(p + 1) == Some(&b'/')
            && s.get(p + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && s.get(after)
                .is_none_or(|b| is_space(*b) || matches!(b, b'/' | b'>'));
        if closes {
            raw_content(s, i, p, element, emit);
            return tag_name(s, p + 2, false, emit);
        }
        from = p + 1;
    }
    raw_content(s, i, s.len(), element, emit);
    (s.len(), Within::RawText(element))
}

fn raw_content(s: &[u8], from: usize, to: usize, element: RawElement, emit: &mut Emit) {
    if element.escapable() {
        with_entities(s, from, to, Token::Text, emit);
    } else {
        emit(Token::Text, to);
    }
}

/// `s[from..to]` as `token`, with the entities in it as [`Token::Entity`].
fn with_entities(s: &[u8], from: usize, to: usize, token: Token, emit: &mut Emit) {
    let mut i = from;
    while let Some(p) = s[i..to].iter().position(|b| *b == b'&').map(|p| i + p) {
        emit(token, p);
        match entity_len(&s[p..to]) {
            Some(len) => {
                emit(Token::Entity, p + len);
                i = p + len;
            }
            None => {
                emit(token, p + 1);
                i = p + 1;
            }
        }
    }
    emit(token, to);
}

/// Length of the character reference at the start of `s` (`&name;`, `&#65;`, `&#x41;`), if it is one.
/// Only the forms with `;` count: HTML's legacy `&amp` without one is too ambiguous to colour.
fn entity_len(s: &[u8]) -> Option<usize> {
    // The longest named reference HTML defines has 31 letters.
    const LONGEST: usize = 32;
    let (start, digit): (usize, fn(&u8) -> bool) = match (s.get(1), s.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => (3, u8::is_ascii_hexdigit),
        (Some(b'#'), _) => (2, u8::is_ascii_digit),
        (Some(b), _) if b.is_ascii_alphabetic() => (1, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let body = s
        .iter()
        .skip(start)
        .take(LONGEST + 1)
        .take_while(|b| digit(b))
        .count();
    (body > 0 && body <= LONGEST && s.get(start + body) == Some(&b';')).then_some(start + body + 1)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether a tag name may start with `b`: a letter, `_`, `:` or any non-ASCII character (XML allows
/// letters of every script).
fn name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'_' | b':') || b >= 0x80
}

/// Whitespace as markup knows it; a line break between lines counts as one.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::Cell;

    /// A line's runs as text: plain text as it is, every other run as `{kind text}`.
    fn render(line: &str, state: MarkupState) -> (String, MarkupState) {
        let (runs, state) = highlight_line(line, state);
        let mut out = String::new();
        for (token, range) in runs {
            let text = &line[range];
            let kind = match token {
                Token::Text => {
                    out.push_str(text);
                    continue;
                }
                Token::TagName => "tag",
                Token::AttrName => "attr",
                Token::AttrValue => "val",
                Token::Punct => "p",
                Token::Comment => "com",
                Token::Cdata => "cdata",
                Token::Declaration => "decl",
                Token::Entity => "ent",
            };
            out.push_str(&format!("{{{kind} {text}}}"));
        }
        (out, state)
    }

    /// Every line of `text` rendered, each from the state the previous one left.
    fn render_lines(text: &str, dialect: Dialect) -> Vec<String> {
        let mut state = MarkupState::start(dialect);
        text.split('\n')
            .map(|line| {
                let (shown, next) = render(line, state);
                state = next;
                shown
            })
            .collect()
    }

    /// The token of every byte, and the state at the end.
    fn per_byte(text: &str, state: MarkupState) -> (Vec<Token>, MarkupState) {
        let (runs, state) = highlight_line(text, state);
        let mut tokens = Vec::with_capacity(text.len());
        for (token, range) in runs {
            tokens.extend(std::iter::repeat_n(token, range.len()));
        }
        (tokens, state)
    }

    /// Lexing `text` line by line, carrying the state, gives every byte but the line breaks the token that
    /// lexing it whole gives, and ends in the same state.
    fn check_lines_equal_whole(text: &str, start: MarkupState) -> Result<(), TestCaseError> {
        let (whole, whole_end) = per_byte(text, start);
        let whole: Vec<Token> = whole
            .into_iter()
            .zip(text.bytes())
            .filter(|(_, b)| *b != b'\n')
            .map(|(t, _)| t)
            .collect();
        let mut state = start;
        let mut by_line = Vec::new();
        for line in text.split('\n') {
            let (tokens, next) = per_byte(line, state);
            by_line.extend(tokens);
            state = next;
        }
        prop_assert_eq!(by_line, whole, "tokens of {:?}", text);
        prop_assert_eq!(state, whole_end, "end state of {:?}", text);
        Ok(())
    }

    /// Runs cover the line exactly, in order, none empty, on character boundaries, neighbours differ.
    fn check_runs(line: &str, state: MarkupState) -> Result<(), TestCaseError> {
        let (runs, end) = highlight_line(line, state);
        let mut at = 0;
        for (i, (token, range)) in runs.iter().enumerate() {
            prop_assert_eq!(range.start, at, "runs of {:?}", line);
            prop_assert!(range.end > range.start, "empty run in {:?}", line);
            prop_assert!(line.is_char_boundary(range.start) && line.is_char_boundary(range.end));
            prop_assert!(
                i == 0 || runs[i - 1].0 != *token,
                "unmerged runs in {:?}",
                line
            );
            at = range.end;
        }
        prop_assert_eq!(at, line.len(), "runs of {:?}", line);
        prop_assert_eq!(end.dialect, state.dialect);
        prop_assert_eq!(advance(line, state), end);
        Ok(())
    }

    const XHTML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><title>Caf&eacute; <b>&amp;</b> more</title><script src="app.js"/></head>
<body>
<!-- navigation
     is generated: <a href="x">
     do not edit -->
<p class=intro id='p1'>Hello<br/>world &#x41;&#65; &#xZZ; &nope</p>
</body>
</html>"#;

    #[test]
    fn xhtml_page_with_a_comment_over_three_lines() {
        assert_eq!(
            render_lines(XHTML, Dialect::Html),
            [
                r#"{decl <?xml version="1.0" encoding="UTF-8"?>}"#,
                r#"{decl <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"}"#,
                r#"{decl   "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">}"#,
                r#"{p <}{tag html} {attr xmlns}{p =}{val "http://www.w3.org/1999/xhtml"} {attr lang}{p =}{val "en"}{p >}"#,
                r#"{p <}{tag head}{p ><}{tag title}{p >}Caf{ent &eacute;} <b>{ent &amp;}</b> more{p </}{tag title}{p ><}{tag script} {attr src}{p =}{val "app.js"}{p /></}{tag head}{p >}"#,
                r#"{p <}{tag body}{p >}"#,
                r#"{com <!-- navigation}"#,
                r#"{com      is generated: <a href="x">}"#,
                r#"{com      do not edit -->}"#,
                r#"{p <}{tag p} {attr class}{p =}{val intro} {attr id}{p =}{val 'p1'}{p >}Hello{p <}{tag br}{p />}world {ent &#x41;&#65;} &#xZZ; &nope{p </}{tag p}{p >}"#,
                r#"{p </}{tag body}{p >}"#,
                r#"{p </}{tag html}{p >}"#,
            ]
        );
    }

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html"><![CDATA[Tom & Jerry <b>news</b>]]></title>
  <entry>
    <link rel="alternate"
          href="http://example.org/2003/12/13/atom03?a=1&amp;b=2"/>
    <content type="xhtml"><![CDATA[
      if (a < b && c > d) { x = "]]"; }
    ]]></content>
    <script>not raw in XML: <b>bold</b></script>
  </entry>
</feed>"#;

    #[test]
    fn atom_feed_with_cdata() {
        assert_eq!(
            render_lines(ATOM, Dialect::Xml),
            [
                r#"{decl <?xml version="1.0" encoding="utf-8"?>}"#,
                r#"{p <}{tag feed} {attr xmlns}{p =}{val "http://www.w3.org/2005/Atom"}{p >}"#,
                r#"  {p <}{tag title} {attr type}{p =}{val "html"}{p >}{cdata <![CDATA[Tom & Jerry <b>news</b>]]>}{p </}{tag title}{p >}"#,
                r#"  {p <}{tag entry}{p >}"#,
                r#"    {p <}{tag link} {attr rel}{p =}{val "alternate"}"#,
                r#"          {attr href}{p =}{val "http://example.org/2003/12/13/atom03?a=1}{ent &amp;}{val b=2"}{p />}"#,
                r#"    {p <}{tag content} {attr type}{p =}{val "xhtml"}{p >}{cdata <![CDATA[}"#,
                r#"{cdata       if (a < b && c > d) { x = "]]"; }}"#,
                r#"{cdata     ]]>}{p </}{tag content}{p >}"#,
                r#"    {p <}{tag script}{p >}not raw in XML: {p <}{tag b}{p >}bold{p </}{tag b}{p ></}{tag script}{p >}"#,
                r#"  {p </}{tag entry}{p >}"#,
                r#"{p </}{tag feed}{p >}"#,
            ]
        );
    }

    const HTML: &str = r#"<!doctype html>
<script type="module">
  if (a < b && "</scr" + "ipt>" !== '<p>') { el.innerHTML = "<b>x</b>"; }
  const t = `</style>`; // <!-- not a comment
</SCRIPT >
<style>a > b::after { content: "</p>"; }</style>
<p title="multi
line &quot;value&quot;" data-x =
  y>x &lt; y &notanentity; z</p>
<textarea><b>not a tag</b> &amp;</textarea>
<img src=x onerror=alert(1)><!----><!-->x"#;

    #[test]
    fn html_with_script_style_and_textarea() {
        assert_eq!(
            render_lines(HTML, Dialect::Html),
            [
                r#"{decl <!doctype html>}"#,
                r#"{p <}{tag script} {attr type}{p =}{val "module"}{p >}"#,
                r#"  if (a < b && "</scr" + "ipt>" !== '<p>') { el.innerHTML = "<b>x</b>"; }"#,
                r#"  const t = `</style>`; // <!-- not a comment"#,
                r#"{p </}{tag SCRIPT} {p >}"#,
                r#"{p <}{tag style}{p >}a > b::after { content: "</p>"; }{p </}{tag style}{p >}"#,
                r#"{p <}{tag p} {attr title}{p =}{val "multi}"#,
                r#"{val line }{ent &quot;}{val value}{ent &quot;}{val "} {attr data-x} {p =}"#,
                r#"  {val y}{p >}x {ent &lt;} y {ent &notanentity;} z{p </}{tag p}{p >}"#,
                r#"{p <}{tag textarea}{p >}<b>not a tag</b> {ent &amp;}{p </}{tag textarea}{p >}"#,
                r#"{p <}{tag img} {attr src}{p =}{val x} {attr onerror}{p =}{val alert(1)}{p >}{com <!----><!-->}x"#,
            ]
        );
    }

    #[test]
    fn states_left_open_at_the_end_of_a_line() {
        let html = MarkupState::start(Dialect::Html);
        let xml = MarkupState::start(Dialect::Xml);
        let end = |line: &str, state| highlight_line(line, state).1.within;
        assert_eq!(end("<!-- a", html), Within::Comment);
        assert_eq!(end("<![CDATA[ a", xml), Within::Cdata);
        assert_eq!(end("<?xml a", xml), Within::Instruction);
        assert_eq!(end("<?php a ?", html), Within::Instruction);
        assert_eq!(end("<?php a >", html), Within::Text);
        assert_eq!(
            end(r#"<!DOCTYPE x [ <!ENTITY a "b>"#, xml),
            Within::Declaration {
                quote: Some(Quote::Double),
                subset: true
            }
        );
        assert_eq!(
            end(r#"<!DOCTYPE x [ <!ENTITY a "b>"> ]>"#, xml),
            Within::Text
        );
        assert_eq!(
            end(r#"<!x "y>"#, html),
            Within::Text,
            "HTML ends any <!...> at its first >"
        );
        let tag = |at| Within::Tag { opens: None, at };
        assert_eq!(end("<a href", html), tag(InTag::Attributes));
        assert_eq!(end("<a href=", html), tag(InTag::Value));
        assert_eq!(end("<a href='x", html), tag(InTag::Quoted(Quote::Single)));
        assert_eq!(end("</a", html), tag(InTag::Attributes));
        let script = RawElement::find(b"script");
        assert_eq!(script.map(RawElement::name), Some("script"));
        assert_eq!(
            end("<Script src=a", html),
            Within::Tag {
                opens: script,
                at: InTag::Attributes
            }
        );
        assert_eq!(end("<script src=a", xml), tag(InTag::Attributes));
        assert!(matches!(end("<script>", html), Within::RawText(e) if e.name() == "script"));
        assert!(matches!(
            end("<script></script", html),
            Within::Tag { opens: None, .. }
        ));
        assert_eq!(end("<script/>", html), Within::Text);
        assert_eq!(end("a < b", html), Within::Text);
        assert_eq!(end("<", html), Within::Text);
    }

    #[test]
    fn a_hostile_body_is_only_runs_of_its_own_text() {
        let line = r#"<img src=x onerror=alert(1)>"#;
        let (shown, _) = render(line, MarkupState::start(Dialect::Html));
        assert_eq!(
            shown,
            "{p <}{tag img} {attr src}{p =}{val x} {attr onerror}{p =}{val alert(1)}{p >}"
        );
    }

    /// A long document: the samples repeated, so multi-line constructs straddle checkpoints.
    fn long_document() -> Vec<String> {
        let mut lines = Vec::new();
        while lines.len() < 3000 {
            lines.extend(XHTML.split('\n').map(String::from));
            lines.extend(HTML.split('\n').map(String::from));
            // An odd count keeps the pattern shifting against the checkpoint interval.
            lines.push("<!-- a comment".into());
            lines.push("that ends here --> <p".into());
            lines.push("  a='1'>".into());
        }
        lines
    }

    fn states_from_start(lines: &[String], start: MarkupState) -> Vec<MarkupState> {
        let mut state = start;
        let mut states = vec![state];
        for line in lines {
            state = advance(line, state);
            states.push(state);
        }
        states
    }

    #[test]
    fn line_states_cost_at_most_a_checkpoint_interval_plus_the_window() {
        let lines = long_document();
        let start = MarkupState::start(Dialect::Html);
        let expected = states_from_start(&lines, start);
        let lexed = Cell::new(0usize);
        let line = |k: usize| {
            lexed.set(lexed.get() + 1);
            lines.get(k).map_or("", String::as_str)
        };
        let mut states = LineStates::new(start);
        assert_eq!(states.state_at(2900, line), expected[2900]);
        // Scrolled back up to a window whose checkpoints exist: one interval plus the window, at most.
        for first in [1000, 1500, 1023, 1024, 0, 2000] {
            lexed.set(0);
            for (n, want) in expected.iter().enumerate().skip(first).take(60) {
                assert_eq!(states.state_at(n, line), *want, "line {n}");
            }
            assert!(
                lexed.get() <= CHECKPOINT_LINES + 60,
                "{} lines lexed for lines {first}..{}",
                lexed.get(),
                first + 60
            );
        }
        // Scrolling on down row by row, across checkpoints, lexes one line per row.
        lexed.set(0);
        for (n, want) in expected.iter().enumerate().take(2600).skip(2060) {
            assert_eq!(states.state_at(n, line), *want, "line {n}");
        }
        assert!(lexed.get() <= 540, "{} lines lexed", lexed.get());
    }

    /// Arbitrary states, in both dialects.
    fn any_state() -> impl Strategy<Value = MarkupState> {
        let quote = prop_oneof![Just(Quote::Double), Just(Quote::Single)];
        let raw = (0..RAW_ELEMENTS.len()).prop_map(|i| RawElement(i as u8));
        let at = prop_oneof![
            Just(InTag::Attributes),
            Just(InTag::Value),
            quote.clone().prop_map(InTag::Quoted),
        ];
        let within = prop_oneof![
            Just(Within::Text),
            Just(Within::Comment),
            Just(Within::Cdata),
            Just(Within::Instruction),
            (proptest::option::of(quote), any::<bool>())
                .prop_map(|(quote, subset)| Within::Declaration { quote, subset }),
            (proptest::option::of(raw.clone()), at)
                .prop_map(|(opens, at)| Within::Tag { opens, at }),
            raw.prop_map(Within::RawText),
        ];
        let dialect = prop_oneof![Just(Dialect::Xml), Just(Dialect::Html)];
        (dialect, within).prop_map(|(dialect, within)| MarkupState { dialect, within })
    }

    /// Text made of markup's delimiters and a few words, so every construct opens and closes.
    fn markupish() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</",
            "/>",
            "/",
            "<!--",
            "-->",
            "--",
            "-",
            "<![CDATA[",
            "]]>",
            "]",
            "[",
            "<?",
            "?>",
            "?",
            "<!",
            "<!DOCTYPE x",
            "\"",
            "'",
            "=",
            "&",
            ";",
            "&amp;",
            "&#x41;",
            "&#65;",
            "#",
            "x",
            "script",
            "SCRIPT",
            "style",
            "title",
            "textarea",
            "a",
            "href",
            " ",
            "\t",
            "\n",
            "\r\n",
            "é",
            "✓",
            "\u{0}",
        ];
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn runs_cover_any_line(line in any::<String>(), state in any_state()) {
            check_runs(&line, state)?;
        }

        #[test]
        fn runs_cover_markupish_lines(line in markupish(), state in any_state()) {
            check_runs(&line, state)?;
        }

        #[test]
        fn carried_state_equals_lexing_the_joined_text(text in markupish(), state in any_state()) {
            check_lines_equal_whole(&text, state)?;
        }

        #[test]
        fn any_text_cut_into_lines(text in any::<String>(), state in any_state()) {
            check_lines_equal_whole(&text, state)?;
        }

        /// The samples re-wrapped: line breaks added at random characters.
        #[test]
        fn real_markup_cut_at_random_lines(
            sample in 0usize..3,
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..40),
        ) {
            let (text, dialect) = [(XHTML, Dialect::Html), (ATOM, Dialect::Xml), (HTML, Dialect::Html)][sample];
            let chars: Vec<char> = text.chars().collect();
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(chars.len() + 1)).collect();
            at.sort_unstable();
            let mut cut = String::new();
            for (i, c) in chars.iter().enumerate() {
                for _ in at.iter().filter(|a| **a == i) {
                    cut.push('\n');
                }
                cut.push(*c);
            }
            check_lines_equal_whole(&cut, MarkupState::start(dialect))?;
            for line in cut.split('\n') {
                check_runs(line, MarkupState::start(dialect))?;
            }
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn line_states_equal_lexing_from_the_start(
            asks in prop::collection::vec(0usize..3000, 1..20),
        ) {
            let lines = long_document();
            let start = MarkupState::start(Dialect::Html);
            let expected = states_from_start(&lines, start);
            let mut states = LineStates::new(start);
            for n in asks {
                prop_assert_eq!(states.state_at(n, |k| lines.get(k).map_or("", String::as_str)), expected[n]);
            }
        }
    }
}

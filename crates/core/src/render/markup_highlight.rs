//! Render stage, logic half: XML and HTML source cut into coloured runs one line at a time, with the lexer
//! state carried from line to line, so the viewer colours only the lines on screen of a body of any size.
//!
//! A comment, a CDATA section, a tag with its attributes, a quoted value, a doctype or a `<script>` may span
//! lines, so a line cannot be coloured on its own: [`MarkupState`] says what the previous line left open, and
//! [`LineStates`] keeps it every [`CHECKPOINT_LINES`] lines, so showing a window of lines lexes at most one
//! checkpoint interval plus the window. It is a highlighter, not a parser: malformed markup never fails, it
//! is coloured as the HTML tokenizer would roughly read it. It runs in the page, so it is one small loop over
//! bytes rather than a grammar. Every delimiter is ASCII and runs change only next to one, so every run
//! boundary is a character boundary.
//!
//! One file (about 400 lines before its tests) because it is one state machine: each state's handling
//! reads and sets the others'.
//! About 850 lines, half of them tests: the lexer's states and their checkpoints only make sense together.

use std::ops::Range;

/// Which rules apply: HTML has raw-text elements (`<script>`, `<style>`, `<textarea>`...) and ends any
/// `<!...>` or `<?...` at its first `>`; XML has internal subsets and ends instructions at `?>`.
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
    /// `<`, `</`, `>`, `/>`, `=`, `/`.
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
    /// In a start tag, the raw-text element its `>` opens; in [`Within::RawText`], the element whose end tag
    /// ends it (HTML only).
    pub raw: Option<RawElement>,
}

impl MarkupState {
    /// The state at the start of a document.
    pub fn start(dialect: Dialect) -> MarkupState {
        MarkupState {
            dialect,
            within: Within::Text,
            raw: None,
        }
    }
}

/// The construct a line starts inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Within {
    Text,
    Comment,
    Cdata,
    /// `<?...`: ends at `?>` in XML, at `>` in HTML.
    Instruction,
    /// `<!...>` (a doctype, or any other declaration): ends at `>`. Quoted literals are not followed (a `>`
    /// inside one, rare in a doctype, ends it early).
    Declaration,
    /// An XML doctype's internal subset `[...]`, whose declarations' `>` do not end the doctype.
    Subset,
    /// In a start or end tag, between attributes.
    Tag,
    /// After `=`, before the value (whitespace may come between, line breaks included).
    Value,
    /// In an unquoted value. A line's end ends it (it is whitespace), so no line starts in one.
    Unquoted,
    DoubleQuoted,
    SingleQuoted,
    /// The content of an HTML raw-text element ([`MarkupState::raw`]), up to its end tag.
    RawText,
}

/// HTML elements whose content is not markup: it ends only at the matching end tag. In the escapable ones
/// (`textarea`, `title`) entities still count. HTML has a few more (`xmp`, `iframe`, `noembed`, `noframes`,
/// `noscript` when script runs), but what they hold is fallback markup, better coloured as markup in a
/// source view.
const RAW_ELEMENTS: [(&str, bool); 4] = [
    ("script", false),
    ("style", false),
    ("textarea", true),
    ("title", true),
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

/// Cuts `line` into runs that cover it exactly, in order, neighbours of different tokens, and returns the
/// state at its end. A line break between two lines counts as whitespace, so lexing the lines one by one,
/// each from the state the previous one returned, colours them as lexing the joined text would.
pub fn highlight_line(line: &str, state: MarkupState) -> (Vec<(Token, Range<usize>)>, MarkupState) {
    let mut runs = Vec::new();
    let state = for_each_run(line, state, &mut |token, range| runs.push((token, range)));
    (runs, state)
}

/// [`highlight_line`] handing each run to `run` as it is found (the page makes its spans from them
/// without collecting them first).
pub fn for_each_run(
    line: &str,
    state: MarkupState,
    run: &mut dyn FnMut(Token, Range<usize>),
) -> MarkupState {
    let mut from = 0;
    lex(line.as_bytes(), state, &mut |token, end| {
        if end > from {
            run(token, from..end);
            from = end;
        }
    })
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

/// The lexer proper: one step per byte, or per delimiter or name, each saying what those bytes are and what
/// comes after. Calls `emit(token, end)` once per run (when the token changes, not once per byte) and
/// returns the state at the end of `s`.
fn lex(s: &[u8], state: MarkupState, emit: &mut Emit) -> MarkupState {
    let xml = state.dialect == Dialect::Xml;
    let MarkupState {
        mut within,
        mut raw,
        ..
    } = state;
    // The token of the run in progress.
    let mut run = Token::Text;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let b = rest[0];
        let entities = match within {
            Within::Text | Within::Unquoted | Within::DoubleQuoted | Within::SingleQuoted => true,
            Within::RawText => raw.is_some_and(RawElement::escapable),
            _ => false,
        };
        // The next `len` bytes are `token`, then the state is `next`; the first `punct` of them are the `<`
        // or `</` before a tag's name.
        let mut punct = 0;
        let (token, len, next) = match within {
            _ if b == b'&' && entities => match entity_len(rest) {
                Some(len) => (Token::Entity, len, within),
                None => (token_of(within), 1, within),
            },
            Within::Text => match rest {
                // After `<!` the comment's search for `-->` starts: `<!-->` is an empty comment in HTML.
                [b'<', b'!', b'-', b'-', ..] => (Token::Comment, 2, Within::Comment),
                [b'<', b'!', b'[', b'C', b'D', b'A', b'T', b'A', b'[', ..] => {
                    (Token::Cdata, 9, Within::Cdata)
                }
                [b'<', b'!', ..] => (Token::Declaration, 2, Within::Declaration),
                [b'<', b'?', ..] => (Token::Declaration, 2, Within::Instruction),
                [b'<', b'/', c, ..] if name_start(*c) => {
                    punct = 2;
                    raw = None;
                    (Token::TagName, name_len(rest, 2), Within::Tag)
                }
                [b'<', c, ..] if name_start(*c) => {
                    punct = 1;
                    let len = name_len(rest, 1);
                    // Only an HTML start tag can open a raw-text element.
                    raw = if xml {
                        None
                    } else {
                        RawElement::find(&rest[1..len])
                    };
                    (Token::TagName, len, Within::Tag)
                }
                // A `<` that starts no markup is text, as in HTML (`a < b`).
                _ => (Token::Text, 1, within),
            },
            Within::Comment if rest.starts_with(b"-->") => (Token::Comment, 3, Within::Text),
            Within::Cdata if rest.starts_with(b"]]>") => (Token::Cdata, 3, Within::Text),
            Within::Instruction if xml && rest.starts_with(b"?>") => {
                (Token::Declaration, 2, Within::Text)
            }
            Within::Instruction | Within::Declaration if !xml && b == b'>' => {
                (Token::Declaration, 1, Within::Text)
            }
            Within::Declaration if b == b'>' => (Token::Declaration, 1, Within::Text),
            Within::Declaration if xml && b == b'[' => (Token::Declaration, 1, Within::Subset),
            Within::Subset if b == b']' => (Token::Declaration, 1, Within::Declaration),
            Within::Tag | Within::Value | Within::Unquoted if b == b'>' => {
                // A `/>` on a raw-text element is not honoured by HTML, but it is how XHTML writes
                // `<script src/>`; reading on as script would colour the rest of such a page as script.
                let next = if raw.is_some() {
                    Within::RawText
                } else {
                    Within::Text
                };
                (Token::Punct, 1, next)
            }
            Within::Tag | Within::Unquoted if is_space(b) => (Token::Text, 1, Within::Tag),
            Within::Tag if rest.starts_with(b"/>") => {
                raw = None;
                (Token::Punct, 2, Within::Text)
            }
            Within::Tag if b == b'/' => (Token::Punct, 1, within),
            Within::Tag if b == b'=' => (Token::Punct, 1, Within::Value),
            Within::Tag => (Token::AttrName, 1, within),
            Within::Value if is_space(b) => (Token::Text, 1, within),
            Within::Value if b == b'"' => (Token::AttrValue, 1, Within::DoubleQuoted),
            Within::Value if b == b'\'' => (Token::AttrValue, 1, Within::SingleQuoted),
            // Unquoted, as HTML reads it: up to whitespace or `>` (a `/` belongs to the value).
            Within::Value => (Token::AttrValue, 1, Within::Unquoted),
            Within::DoubleQuoted if b == b'"' => (Token::AttrValue, 1, Within::Tag),
            Within::SingleQuoted if b == b'\'' => (Token::AttrValue, 1, Within::Tag),
            Within::RawText if b == b'<' && closes_raw(rest, raw) => {
                punct = 2;
                raw = None;
                (Token::TagName, name_len(rest, 2), Within::Tag)
            }
            _ => (token_of(within), 1, within),
        };
        if punct > 0 {
            mark(&mut run, Token::Punct, i, emit);
        }
        mark(&mut run, token, i + punct, emit);
        i += len;
        within = next;
    }
    emit(run, s.len());
    // The line break after this line is whitespace, which ends an unquoted value.
    if within == Within::Unquoted {
        within = Within::Tag;
    }
    MarkupState {
        dialect: state.dialect,
        within,
        raw,
    }
}

/// Starts a run of `token` at `at`, passing on the run before it if that was another token.
fn mark(run: &mut Token, token: Token, at: usize, emit: &mut Emit) {
    if *run != token {
        emit(*run, at);
        *run = token;
    }
}

/// The token of an ordinary byte inside `within`.
fn token_of(within: Within) -> Token {
    match within {
        Within::Comment => Token::Comment,
        Within::Cdata => Token::Cdata,
        Within::Instruction | Within::Declaration | Within::Subset => Token::Declaration,
        Within::Tag => Token::AttrName,
        Within::Value | Within::Unquoted | Within::DoubleQuoted | Within::SingleQuoted => {
            Token::AttrValue
        }
        Within::Text | Within::RawText => Token::Text,
    }
}

/// Where the tag name starting at `from` in `s` ends: at whitespace, `/`, `>` or the end.
fn name_len(s: &[u8], from: usize) -> usize {
    let mut end = from;
    while s
        .get(end)
        .is_some_and(|&b| !is_space(b) && b != b'/' && b != b'>')
    {
        end += 1;
    }
    end
}

/// Whether `s` starts with the end tag of `raw`: `</name` then whitespace, `/`, `>` or the line's end.
fn closes_raw(s: &[u8], raw: Option<RawElement>) -> bool {
    let Some(raw) = raw else {
        return false;
    };
    let name = raw.name().as_bytes();
    let after = 2 + name.len();
    s.get(1) == Some(&b'/')
        && s.get(2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && s.get(after)
            .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Length of the character reference at the start of `s` (`&name;`, `&#65;`, `&#x41;`), if it is one.
/// Only the forms with `;` count: HTML's legacy `&amp` without one is too ambiguous to colour.
fn entity_len(s: &[u8]) -> Option<usize> {
    let numeric = s.get(1) == Some(&b'#');
    let hex = numeric && matches!(s.get(2), Some(b'x' | b'X'));
    let start = 1 + usize::from(numeric) + usize::from(hex);
    let mut end = start;
    while let Some(b) = s.get(end) {
        let part = if hex {
            b.is_ascii_hexdigit()
        } else if numeric {
            b.is_ascii_digit()
        } else {
            b.is_ascii_alphanumeric()
        };
        if !part {
            break;
        }
        end += 1;
    }
    let named = numeric || s.get(start).is_some_and(u8::is_ascii_alphabetic);
    // The longest named reference HTML defines has 31 letters.
    let fits = (start + 1..=start + 32).contains(&end);
    (named && fits && s.get(end) == Some(&b';')).then_some(end + 1)
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
        assert_eq!(end("<?xml a >", xml), Within::Instruction);
        assert_eq!(end("<?php a ?", html), Within::Instruction);
        assert_eq!(end("<?php a >", html), Within::Text);
        assert_eq!(end("<!DOCTYPE x [ <!ENTITY a 'b'>", xml), Within::Subset);
        assert_eq!(
            end("<!DOCTYPE x [ <!ENTITY a 'b'> ]", xml),
            Within::Declaration
        );
        assert_eq!(end("<!DOCTYPE x [ <!ENTITY a 'b'> ]>", xml), Within::Text);
        assert_eq!(end("<!x [y>", html), Within::Text, "HTML has no subsets");
        assert_eq!(end("<a href", html), Within::Tag);
        assert_eq!(end("<a href=", html), Within::Value);
        assert_eq!(end("<a href='x", html), Within::SingleQuoted);
        assert_eq!(end("<a href=\"x", html), Within::DoubleQuoted);
        assert_eq!(
            end("<a href=x", html),
            Within::Tag,
            "a line break ends an unquoted value"
        );
        assert_eq!(end("</a", html), Within::Tag);
        let script = RawElement::find(b"script");
        assert_eq!(script.map(RawElement::name), Some("script"));
        let after = |line: &str, state| highlight_line(line, state).1;
        assert_eq!(after("<Script src=a", html).raw, script);
        assert_eq!(after("<script src=a", xml).raw, None, "XML has no raw text");
        assert_eq!(after("<script>", html).within, Within::RawText);
        assert_eq!(after("<script>", html).raw, script);
        assert_eq!(after("<script></script", html), after("<a", html));
        assert_eq!(after("<script/>", html), html);
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
        let within = prop::sample::select(vec![
            Within::Text,
            Within::Comment,
            Within::Cdata,
            Within::Instruction,
            Within::Declaration,
            Within::Subset,
            Within::Tag,
            Within::Value,
            Within::Unquoted,
            Within::DoubleQuoted,
            Within::SingleQuoted,
            Within::RawText,
        ]);
        let raw = proptest::option::of((0..RAW_ELEMENTS.len()).prop_map(|i| RawElement(i as u8)));
        let dialect = prop_oneof![Just(Dialect::Xml), Just(Dialect::Html)];
        (dialect, within, raw).prop_map(|(dialect, within, raw)| MarkupState {
            dialect,
            within,
            raw,
        })
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

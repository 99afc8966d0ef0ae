//! Render stage: the JSON re-indenter as a resumable state machine. It is fed the text in pieces of any
//! size, split anywhere (inside a string, an escape or a UTF-8 character), so a viewer can format a large
//! body a slice at a time between frames; the output equals re-indenting the whole text at once.

/// Re-indenting state carried from one piece to the next.
#[derive(Clone, Debug)]
pub struct Reindenter {
    indent: usize,
    depth: usize,
    in_string: bool,
    /// The previous byte was a backslash inside a string.
    escaped: bool,
    /// A `{` or `[` was written and its first member (or its closing bracket) has not been seen yet: an
    /// empty container stays on one line, so the line break waits for the next non-blank byte.
    open_pending: bool,
}

impl Reindenter {
    /// `indent` spaces per nesting level.
    pub fn new(indent: usize) -> Reindenter {
        Reindenter {
            indent,
            depth: 0,
            in_string: false,
            escaped: false,
            open_pending: false,
        }
    }

    /// Re-indents the next piece of the text, appending to `out`.
    pub fn feed(&mut self, piece: &[u8], out: &mut Vec<u8>) {
        let mut i = 0;
        while i < piece.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    out.push(piece[i]);
                    i += 1;
                    continue;
                }
                // Copy the run up to the next quote or backslash in one go: most of a body is string text.
                let run = piece[i..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\')
                    .unwrap_or(piece.len() - i);
                out.extend_from_slice(&piece[i..i + run]);
                i += run;
                if let Some(&b) = piece.get(i) {
                    out.push(b);
                    i += 1;
                    if b == b'\\' {
                        self.escaped = true;
                    } else {
                        self.in_string = false;
                    }
                }
                continue;
            }
            let b = piece[i];
            i += 1;
            if self.open_pending {
                if b.is_ascii_whitespace() {
                    continue;
                }
                self.open_pending = false;
                if b == b'}' || b == b']' {
                    out.push(b);
                    continue;
                }
                self.depth += 1;
                self.newline(out);
            }
            match b {
                b'"' => {
                    self.in_string = true;
                    out.push(b);
                }
                b'{' | b'[' => {
                    out.push(b);
                    self.open_pending = true;
                }
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline(out);
                    out.push(b);
                }
                b',' => {
                    out.push(b);
                    self.newline(out);
                }
                b':' => out.extend_from_slice(b": "),
                b if b.is_ascii_whitespace() => {}
                b => out.push(b),
            }
        }
    }

    /// Ends the text. Only an unfinished text (a last `{` or `[` still waiting) writes anything more.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if std::mem::take(&mut self.open_pending) {
            self.depth += 1;
            self.newline(out);
        }
    }

    fn newline(&self, out: &mut Vec<u8>) {
        out.push(b'\n');
        out.resize(out.len() + self.depth * self.indent, b' ');
    }
}

/// Re-indents a whole text: the re-indenter fed once.
pub fn reindent(text: &str, indent: usize) -> String {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    let mut reindenter = Reindenter::new(indent);
    reindenter.feed(text.as_bytes(), &mut out);
    reindenter.finish(&mut out);
    // Whole input bytes are copied and only ASCII is added or dropped, so the output is UTF-8.
    String::from_utf8(out)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-at-a-time re-indenter this module replaced, kept as the reference.
    fn reference(text: &str, indent: usize) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut chars = text.chars().peekable();
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', depth * indent));
        };
        while let Some(ch) = chars.next() {
            if in_string {
                out.push(ch);
                match ch {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match ch {
                '"' => {
                    in_string = true;
                    out.push(ch);
                }
                '{' | '[' => {
                    out.push(ch);
                    while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                        chars.next();
                    }
                    if matches!(chars.peek(), Some('}' | ']')) {
                        out.extend(chars.next());
                    } else {
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
                '}' | ']' => {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                    out.push(ch);
                }
                ',' => {
                    out.push(',');
                    newline(&mut out, depth);
                }
                ':' => out.push_str(": "),
                c if c.is_ascii_whitespace() => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Feeds `text` cut at `cuts` (byte offsets, any order, may fall inside characters).
    fn chunked(text: &str, cuts: &[usize], indent: usize) -> Vec<u8> {
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
        cuts.sort_unstable();
        let mut reindenter = Reindenter::new(indent);
        let mut out = Vec::new();
        let mut from = 0;
        for cut in cuts.into_iter().chain([text.len()]) {
            reindenter.feed(&text.as_bytes()[from..cut], &mut out);
            from = cut;
        }
        reindenter.finish(&mut out);
        out
    }

    #[test]
    fn pieces_split_inside_strings_escapes_and_characters() {
        let text = "{\"k\\\"é\" : [ ] ,\"✓\\\\\":{ \"a\" :[1, {}]}, \"u\":\"\\u00e9\"}";
        let whole = reference(text, 2);
        for cut in 0..=text.len() {
            for second in cut..=text.len() {
                assert_eq!(
                    chunked(text, &[cut, second], 2),
                    whole.as_bytes(),
                    "cuts at {cut} and {second}"
                );
            }
        }
        assert_eq!(reindent(text, 2), whole);
        assert_eq!(
            reindent("[", 2),
            "[\n  ",
            "an unfinished text ends as before"
        );
        assert_eq!(reindent("{ ", 2), "{\n  ");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn chunked_equals_whole_for_json(
            value in json_value(),
            pretty in any::<bool>(),
            cuts in prop::collection::vec(any::<usize>(), 0..12),
            indent in 0usize..5,
        ) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).expect("serializes")
            } else {
                serde_json::to_string(&value).expect("serializes")
            };
            let whole = reference(&text, indent);
            prop_assert_eq!(chunked(&text, &cuts, indent), whole.as_bytes());
            prop_assert_eq!(reindent(&text, indent), whole);
        }

        /// Any text at all, valid JSON or not: the same output as the reference, however it is cut.
        #[test]
        fn chunked_equals_whole_for_any_text(
            text in r#"[ \t\n\x0c\[\]{}:,"\\0-9a-zé✓😀]{0,40}"#,
            cuts in prop::collection::vec(any::<usize>(), 0..12),
        ) {
            let whole = reference(&text, 2);
            prop_assert_eq!(chunked(&text, &cuts, 2), whole.as_bytes());
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            ".*".prop_map(serde_json::Value::String),
            r#"[\\"é✓😀 ]{0,6}"#.prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(".{0,4}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}

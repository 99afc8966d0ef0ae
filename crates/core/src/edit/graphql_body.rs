//! A GraphQL request's body, the JSON envelope `{"query", "variables", "operationName"}` it is on the wire:
//! written from its parts and read back into them, for prepare (GraphQL over HTTP's GET), the importers,
//! the exporters, the snippets and the GraphQL editor.
//!
//! The envelope is read by a small scanner, not serde_json's reader: prepare runs in the page, which has no
//! JSON reader of its own (serde_json's cost it about 17 KB gzip), and only the top level's members matter.
//! The variables stay the JSON text they are: each caller writes them again, or hands them on, as text.

use crate::edit::model::{Body, RawLanguage};

/// The envelope as compact JSON, members in the order query, variables, operationName. The variables are
/// JSON text written as it is (`{"id": {{id}}}` is JSON only once its `{{variables}}` are resolved at send
/// time); empty or null variables and an empty operation name are left out, as a server reads their
/// absence the same way.
pub fn envelope(query: &str, variables: Option<&str>, operation_name: Option<&str>) -> String {
    let mut text = format!("{{\"query\":{}", json_string(query));
    if let Some(variables) = variables
        .map(str::trim)
        .filter(|v| !v.is_empty() && *v != "null")
    {
        text.push_str(",\"variables\":");
        text.push_str(variables);
    }
    if let Some(name) = operation_name.filter(|n| !n.is_empty()) {
        text.push_str(",\"operationName\":");
        text.push_str(&json_string(name));
    }
    text.push('}');
    text
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The envelope text of a GraphQL body; `None` for any other body.
pub fn graphql_text(body: &Body) -> Option<&str> {
    match body {
        Body::Raw {
            language: RawLanguage::GraphQl,
            text,
        } => Some(text),
        _ => None,
    }
}

/// What an envelope holds: the query and the operation's name unescaped, the variables and extensions as
/// their JSON text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphQlParts {
    pub query: String,
    pub variables: Option<String>,
    pub operation_name: Option<String>,
    pub extensions: Option<String>,
}

/// The envelope's parts, or `None` when the text is not a JSON object with a string `query`. Null or empty
/// members read as absent, an operation name that is no string too.
pub fn parts(text: &str) -> Option<GraphQlParts> {
    let mut reader = Reader { text, at: 0 };
    let mut parts = GraphQlParts::default();
    let mut query = None;
    reader.eat(b'{')?;
    if reader.eat(b'}').is_none() {
        loop {
            let name = reader.string()?;
            reader.eat(b':')?;
            reader.blank();
            let (value, json) = if reader.peek() == Some(b'"') {
                (reader.string()?, false)
            } else {
                (reader.skip_value()?.to_string(), true)
            };
            let kept = Some(value).filter(|v| !v.is_empty() && v != "null");
            // Variables given as a string (as GET's query parameter has them) are the JSON text it holds.
            match (name.as_str(), json) {
                ("query", false) => query = kept,
                ("operationName", false) => parts.operation_name = kept,
                ("variables", _) => parts.variables = kept,
                ("extensions", _) => parts.extensions = kept,
                _ => {}
            }
            if reader.eat(b',').is_none() {
                reader.eat(b'}')?;
                break;
            }
        }
    }
    reader.blank();
    if reader.peek().is_some() {
        return None;
    }
    parts.query = query?;
    Some(parts)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.blank();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// A JSON string, unescaped.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            let c = self.text.get(self.at..)?.chars().next()?;
            self.at += c.len_utf8();
            match c {
                '"' => return Some(out),
                '\\' => {
                    let escaped = self.peek()?;
                    self.at += 1;
                    out.push(match escaped {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => self.unicode()?,
                        b'"' | b'\\' | b'/' => escaped as char,
                        _ => return None,
                    });
                }
                c => out.push(c),
            }
        }
    }

    /// The character of a `\u` escape (the `\u` read), a surrogate pair's second half included.
    fn unicode(&mut self) -> Option<char> {
        let high = self.hex()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high);
        }
        self.text.get(self.at..)?.strip_prefix("\\u")?;
        self.at += 2;
        let low = self.hex()?.checked_sub(0xDC00).filter(|low| *low < 0x400)?;
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + low)
    }

    fn hex(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        self.at += 4;
        digits
            .chars()
            .try_fold(0, |n, c| Some(n * 16 + c.to_digit(16)?))
    }

    /// Any one value, as its JSON text: containers by their brackets, strings by their quotes.
    fn skip_value(&mut self) -> Option<&'a str> {
        self.blank();
        let start = self.at;
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth == 0 => break,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        break;
                    }
                }
                b',' if depth == 0 => break,
                _ => {}
            }
            self.at += 1;
        }
        Some(self.text[start..self.at].trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_is_compact_in_the_order_servers_log_it() {
        assert_eq!(
            envelope(
                "query Q($id: ID) { a }",
                Some(r#"{"id": "1", "n": 2}"#),
                Some("Q")
            ),
            r#"{"query":"query Q($id: ID) { a }","variables":{"id": "1", "n": 2},"operationName":"Q"}"#
        );
        assert_eq!(envelope("{ a }", None, None), r#"{"query":"{ a }"}"#);
        assert_eq!(
            envelope("{\n  \"a\"\n}", Some(" null "), Some("")),
            r#"{"query":"{\n  \"a\"\n}"}"#
        );
    }

    #[test]
    fn parts_read_back_what_the_envelope_wrote() {
        let text = envelope(
            "query Q { a(s: \"é\\n\") }",
            Some(r#"{"list": [1, {"s": "x}"}]}"#),
            Some("Q"),
        );
        assert_eq!(
            parts(&text),
            Some(GraphQlParts {
                query: "query Q { a(s: \"é\\n\") }".into(),
                variables: Some(r#"{"list": [1, {"s": "x}"}]}"#.into()),
                operation_name: Some("Q".into()),
                extensions: None,
            })
        );
        let bare =
            parts(r#" {"operationName": "", "variables": null, "query": "{ a }", "x": [1]} "#);
        assert_eq!(
            bare,
            Some(GraphQlParts {
                query: "{ a }".into(),
                ..GraphQlParts::default()
            })
        );
    }

    #[test]
    fn strings_are_unescaped_as_json_reads_them() {
        let text = r#"{"query": "\u00e9\ud83d\ude00 \"q\" \\ \/ \t"}"#;
        let read: String = serde_json::from_str::<serde_json::Value>(text).unwrap()["query"]
            .as_str()
            .unwrap()
            .into();
        assert_eq!(parts(text).map(|p| p.query), Some(read));
    }

    #[test]
    fn text_that_is_no_envelope_has_no_parts() {
        let broken = [
            "",
            "{ a }",
            "[]",
            r#"{"variables": {}}"#,
            r#"{"query": 1}"#,
            r#"{"query": "a"} x"#,
            r#"{"query": "a""#,
            r#"{"query": "\q"}"#,
            r#"{"query": "\ud83d"}"#,
        ];
        for text in broken {
            assert_eq!(parts(text), None, "{text}");
        }
    }
}

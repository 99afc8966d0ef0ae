//! GraphQL over HTTP's GET: a GraphQL body on a GET request travels as the URL's `query`, `operationName`,
//! `variables` and `extensions` parameters (the last two as JSON), as the GraphQL over HTTP specification
//! has it, so the send, every snippet and a share link agree on one URL. A WebSocket's GraphQL body is a
//! subscription's payload and stays a body.
//!
//! The envelope is read by a small scanner, not serde_json: prepare runs in the page, which has no JSON
//! reader of its own (serde_json's cost it about 17 KB gzip), and only the top level's four members matter.

use crate::edit::model::{Body, KeyValue, RawLanguage};

/// The envelope's members as query rows, taking the body; `None` (the body left as it is) unless the body
/// is a GraphQL request whose text is a JSON object: a broken one stays a body, which a GET cannot carry,
/// and the send says so.
pub(super) fn take_as_query(body: &mut Body) -> Option<Vec<KeyValue>> {
    let Body::Raw {
        language: RawLanguage::GraphQl,
        text,
    } = body
    else {
        return None;
    };
    let mut reader = Reader { text, at: 0 };
    let mut rows = Vec::new();
    reader.eat(b'{')?;
    if reader.eat(b'}').is_none() {
        loop {
            let name = reader.string()?;
            reader.eat(b':')?;
            reader.blank();
            let value = if reader.peek() == Some(b'"') {
                Value::Text(reader.string()?)
            } else {
                Value::Json(reader.skip_value()?)
            };
            match (name.as_str(), value) {
                ("query" | "operationName", Value::Text(text)) if !text.is_empty() => {
                    rows.push(KeyValue::new(name, text))
                }
                ("variables" | "extensions", Value::Json(json)) if json != "null" => {
                    rows.push(KeyValue::new(name, json))
                }
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
    // Members in the order servers' documentation writes them, whatever the envelope's order.
    let order = ["query", "operationName", "variables", "extensions"];
    rows.sort_by_key(|row| order.iter().position(|name| *name == row.key));
    *body = Body::None;
    Some(rows)
}

enum Value<'a> {
    Text(String),
    Json(&'a str),
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
        u32::from_str_radix(digits, 16).ok()
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

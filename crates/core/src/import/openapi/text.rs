//! Import stage, OpenAPI text: a description's JSON or YAML text read into one JSON tree, under [`Limits`]
//! checked while reading (size first, then depth and, for YAML, the values aliases expand to).

use super::order::KeyOrder;
use super::{Limits, OpenApiError};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use std::rc::Rc;

/// serde_json refuses documents nested deeper than this by itself (its recursion limit).
const SERDE_JSON_DEPTH: usize = 128;

/// Reads `text` as JSON when it starts like JSON, as YAML otherwise.
#[cfg(test)]
pub(super) fn parse(text: &str, limits: &Limits) -> Result<Value, OpenApiError> {
    parse_ordered(text, limits).map(|(value, _)| value)
}

/// [`parse`], with the order each object's keys were written in.
pub(super) fn parse_ordered(
    text: &str,
    limits: &Limits,
) -> Result<(Value, KeyOrder), OpenApiError> {
    if text.len() > limits.max_bytes {
        return Err(OpenApiError::TooLarge {
            bytes: text.len(),
            limit: limits.max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['{', '[']) {
        json(text, limits)
    } else {
        yaml(text, limits)
    }
}

fn json(text: &str, limits: &Limits) -> Result<(Value, KeyOrder), OpenApiError> {
    // Measured before parsing so that a deep document costs one byte scan, not a half-built tree.
    if json_depth(text) > limits.max_depth {
        return Err(OpenApiError::TooDeep {
            limit: limits.max_depth,
        });
    }
    let mut order = KeyOrder::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Ordered { order: &mut order }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| {
            if e.to_string().contains("recursion limit") {
                OpenApiError::TooDeep {
                    limit: limits.max_depth.min(SERDE_JSON_DEPTH),
                }
            } else {
                OpenApiError::Syntax(e.to_string())
            }
        })?;
    Ok((value, order))
}

/// Builds a JSON value as serde_json's own `Value` does, noting each object's key order on the way.
struct Ordered<'o> {
    order: &'o mut KeyOrder,
}

impl<'de> DeserializeSeed<'de> for Ordered<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Ordered<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Ordered {
            order: &mut *self.order,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        let mut written = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(Ordered {
                order: &mut *self.order,
            })?;
            written.push(key.clone());
            map.insert(key, value);
        }
        self.order.record_owned(&written, &map);
        Ok(Value::Object(map))
    }
}

/// The deepest nesting of `{` and `[` outside strings.
fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in text.as_bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The YAML parser's own limit on nested flow collections (`[[[...]]]`): its nesting counter is a byte.
const SAPHYR_FLOW_DEPTH: usize = 255;

/// A value while YAML is read. Aliases stay shared (`Shared`) until the whole document is counted, so a
/// "billion laughs" document is refused having built only what it spells out.
enum Node {
    Leaf(Value),
    Seq(Vec<Node>),
    /// Entries in order; `<<` (merge) entries are applied when the tree is made.
    Map(Vec<(String, Node)>),
    Shared(Rc<Node>),
}

/// A container being read.
struct Frame {
    node: Node,
    /// The key waiting for its value, in a mapping.
    key: Option<String>,
    anchor: usize,
    /// Values counted when it started: its own size is the difference at its end.
    start: usize,
    /// The deepest of its children so far.
    deepest: usize,
}

/// An anchored value, with what repeating it costs.
struct Anchored {
    node: Rc<Node>,
    size: usize,
    depth: usize,
}

struct Builder<'l> {
    limits: &'l Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    /// Values in the tree so far, aliases counted at their full size.
    count: usize,
    root: Option<Node>,
}

fn yaml(text: &str, limits: &Limits) -> Result<(Value, KeyOrder), OpenApiError> {
    let mut builder = Builder {
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        count: 0,
        root: None,
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| syntax(e, limits))?;
        match event {
            Event::DocumentEnd if builder.root.is_some() => break,
            Event::Scalar(text, style, anchor, tag) => {
                let plain = matches!(style, ScalarStyle::Plain)
                    && tag.as_ref().is_none_or(|t| t.suffix != "str");
                builder.scalar(&text, plain, anchor)?;
            }
            Event::SequenceStart(anchor, _) => builder.open(Node::Seq(Vec::new()), anchor)?,
            Event::MappingStart(anchor, _) => builder.open(Node::Map(Vec::new()), anchor)?,
            Event::SequenceEnd | Event::MappingEnd => builder.close(),
            Event::Alias(id) => builder.alias(id, span)?,
            _ => {}
        }
    }
    let mut order = KeyOrder::default();
    let value = match &builder.root {
        Some(root) => materialize(root, &mut order),
        None => Value::Null,
    };
    Ok((value, order))
}

fn syntax(e: ScanError, limits: &Limits) -> OpenApiError {
    if e.info() == "recursion limit exceeded" {
        return OpenApiError::TooDeep {
            limit: limits.max_depth.min(SAPHYR_FLOW_DEPTH),
        };
    }
    OpenApiError::Syntax(format!(
        "{} (line {}, column {})",
        e.info(),
        e.marker().line(),
        e.marker().col() + 1
    ))
}

impl Builder<'_> {
    fn counted(&mut self, size: usize) -> Result<(), OpenApiError> {
        self.count = self.count.saturating_add(size);
        if self.count > self.limits.max_nodes {
            return Err(OpenApiError::TooManyValues {
                limit: self.limits.max_nodes,
            });
        }
        Ok(())
    }

    /// Whether the next value is a mapping's key.
    fn wants_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                node: Node::Map(_),
                key: None,
                ..
            })
        )
    }

    fn scalar(&mut self, text: &str, plain: bool, anchor: usize) -> Result<(), OpenApiError> {
        // Keys stay as written: `200:` is the status "200", `1.0:` stays "1.0".
        let value = if plain && !self.wants_key() {
            core_schema(text)
        } else {
            Value::String(text.to_string())
        };
        self.counted(1)?;
        let node = if anchor != 0 {
            let shared = Rc::new(Node::Leaf(value));
            self.anchors.insert(
                anchor,
                Anchored {
                    node: shared.clone(),
                    size: 1,
                    depth: 0,
                },
            );
            Node::Shared(shared)
        } else {
            Node::Leaf(value)
        };
        self.push(node, 0);
        Ok(())
    }

    fn open(&mut self, node: Node, anchor: usize) -> Result<(), OpenApiError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(OpenApiError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
        self.counted(1)?;
        self.stack.push(Frame {
            node,
            key: None,
            anchor,
            start: self.count,
            deepest: 0,
        });
        Ok(())
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let depth = frame.deepest + 1;
        let node = if frame.anchor != 0 {
            let shared = Rc::new(frame.node);
            self.anchors.insert(
                frame.anchor,
                Anchored {
                    node: shared.clone(),
                    size: self.count - frame.start + 1,
                    depth,
                },
            );
            Node::Shared(shared)
        } else {
            frame.node
        };
        self.push(node, depth);
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), OpenApiError> {
        let Some(anchored) = self.anchors.get(&id) else {
            return Err(OpenApiError::Syntax(format!(
                "an alias names no anchor (line {}, column {})",
                span.start.line(),
                span.start.col() + 1
            )));
        };
        let (node, size, depth) = (anchored.node.clone(), anchored.size, anchored.depth);
        if self.stack.len() + depth > self.limits.max_depth {
            return Err(OpenApiError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
        self.counted(size)?;
        self.push(Node::Shared(node), depth);
        Ok(())
    }

    /// Puts a finished node where it belongs: the root, the sequence's end, or the mapping's pending key.
    fn push(&mut self, node: Node, depth: usize) {
        let Some(frame) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(node);
            }
            return;
        };
        frame.deepest = frame.deepest.max(depth);
        match &mut frame.node {
            Node::Seq(items) => items.push(node),
            Node::Map(entries) => match frame.key.take() {
                // A key: a scalar's text, or a complex key (a mapping or sequence) as its JSON text.
                None => frame.key = Some(key_text(&materialize(&node, &mut KeyOrder::default()))),
                Some(name) => entries.push((name, node)),
            },
            _ => {}
        }
    }
}

/// The JSON tree of a node, aliases copied where they are used (the document was counted first).
fn materialize(node: &Node, order: &mut KeyOrder) -> Value {
    match node {
        Node::Leaf(value) => value.clone(),
        Node::Shared(shared) => materialize(shared, order),
        Node::Seq(items) => Value::Array(items.iter().map(|n| materialize(n, order)).collect()),
        Node::Map(entries) => {
            let mut map = Map::new();
            let mut merges = Vec::new();
            let mut written: Vec<&str> = Vec::with_capacity(entries.len());
            for (key, value) in entries {
                if key == "<<" {
                    merges.push(value);
                } else {
                    written.push(key);
                    map.insert(key.clone(), materialize(value, order));
                }
            }
            // YAML 1.1 merge keys (`<<: *defaults`), still common in descriptions: own keys win.
            let mut merged_keys = Vec::new();
            for source in merges {
                let sources = match materialize(source, order) {
                    Value::Array(items) => items,
                    other => vec![other],
                };
                for source in sources {
                    if let Value::Object(entries) = source {
                        for (k, v) in order.entries(&entries) {
                            merged_keys.push(k.clone());
                            map.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                }
            }
            written.extend(merged_keys.iter().map(String::as_str));
            order.record(&written, &map);
            Value::Object(map)
        }
    }
}

fn key_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => super::json_text(other),
    }
}

/// A plain scalar as the YAML 1.2 core schema reads it: null, booleans, integers, floats, else a string.
pub(super) fn core_schema(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(n) = integer(text) {
        return Value::Number(n);
    }
    if is_float(text) {
        if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

fn integer(text: &str) -> Option<Number> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(hex) = digits.strip_prefix("0x") {
        (16, hex)
    } else if let Some(octal) = digits.strip_prefix("0o") {
        (8, octal)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    if radix == 10 && has_leading_zero(digits) {
        return None;
    }
    if radix != 10 && text.starts_with(['-', '+']) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        let value = i64::try_from(magnitude).ok()?;
        Some(Number::from(-value))
    } else {
        Some(Number::from(magnitude))
    }
}

/// `0123`: the core schema reads an integer, but no number is written so (JSON forbids it, YAML 1.1 read it
/// as octal); it is an identifier whose zero matters (GitHub's `key_id` examples), so it stays a string.
fn has_leading_zero(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0')
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(text: &str) -> bool {
    let s = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if has_leading_zero(whole) {
        return false;
    }
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plain_scalars_follow_the_core_schema_and_quoted_ones_stay_strings() {
        let doc =
            "a: true\nb: ~\nc: 12\nd: -3\ne: 1.5\nf: \"1.0\"\ng: 1.0.2\nh: 0x1F\ni: yes\nj: '12'\n\
                   k: 1e3\nl: .5\n200: ok\nm: 0123\nn: 0\no: 0.5\np: 00.5\nq: -0\n";
        let value = parse(doc, &Limits::default()).expect("reads");
        assert_eq!(
            value,
            json!({"a": true, "b": null, "c": 12, "d": -3, "e": 1.5, "f": "1.0", "g": "1.0.2",
                   "h": 31, "i": "yes", "j": "12", "k": 1000.0, "l": 0.5, "200": "ok",
                   "m": "0123", "n": 0, "o": 0.5, "p": "00.5", "q": 0})
        );
    }

    #[test]
    fn anchors_aliases_and_merge_keys_expand() {
        let doc = "base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n";
        let value = parse(doc, &Limits::default()).expect("reads");
        assert_eq!(
            value,
            json!({"base": {"x": 1, "y": 2}, "use": {"x": 1, "y": 2}, "merged": {"y": 3, "x": 1}})
        );
        assert_eq!(
            parse("? [a, b]\n: 1\n", &Limits::default()).expect("complex key"),
            json!({"[\"a\",\"b\"]": 1})
        );
    }

    #[test]
    fn syntax_errors_say_line_and_column() {
        let cases = ["a: [1, 2\nb: 3\n", "a:\n  - 1\n b: 2\n", "{\"a\": }"];
        for doc in cases {
            let Err(OpenApiError::Syntax(message)) = parse(doc, &Limits::default()) else {
                panic!("{doc:?} should be a syntax error");
            };
            assert!(message.contains("line"), "{doc:?}: {message}");
            assert!(message.contains("column"), "{doc:?}: {message}");
        }
    }

    #[test]
    fn json_depth_ignores_brackets_in_strings() {
        let cases = [
            ("{}", 1),
            ("[[[]]]", 3),
            (r#"{"a": "[[[[", "b": [{}]}"#, 3),
            (r#"["\"[[", []]"#, 2),
        ];
        for (text, depth) in cases {
            assert_eq!(json_depth(text), depth, "{text}");
        }
    }
}

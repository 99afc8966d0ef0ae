//! Edit and render stages: a JSON validator that reports where the first error is. Hand-written rather than
//! serde_json so the page does not carry a JSON parser (the budget counts every kilobyte), and iterative so
//! no nesting depth can exhaust the stack.

use super::JsonError;

/// The container a value is inside, innermost last.
#[derive(Clone, Copy, Debug)]
enum Open {
    Array,
    Object,
}

/// Checks that `text` is exactly one JSON value (RFC 8259), surrounded by optional whitespace.
pub fn check(text: &str) -> Result<(), JsonError> {
    Check::default()
        .advance(text.as_bytes(), usize::MAX)
        .map(|_| ())
}

/// A check that stops after a given number of bytes and goes on from there on the next call, so a large
/// body is checked in slices between frames. It pauses only between values, where its whole state is the
/// offset and the open containers; one long string or number is checked in one go.
#[derive(Clone, Debug, Default)]
pub struct Check {
    open: Vec<Open>,
    at: usize,
    done: bool,
}

impl Check {
    /// Checks on for about `budget` more bytes of `bytes` (the same text on every call); `Ok(true)` once
    /// the whole text has been checked and is valid. Errors count lines and columns in characters.
    pub fn advance(&mut self, bytes: &[u8], budget: usize) -> Result<bool, JsonError> {
        if self.done {
            return Ok(true);
        }
        let stop = self.at.saturating_add(budget);
        let done = Checker { bytes }
            .document(&mut self.open, &mut self.at, stop)
            .map_err(|(offset, message)| position(bytes, offset, message))?;
        self.done = done;
        Ok(done)
    }

    /// Bytes checked so far.
    pub fn checked(&self) -> usize {
        self.at
    }
}

/// A failure as (byte offset of the offending character, or the text's length at its end; message).
type Failure = (usize, &'static str);

struct Checker<'a> {
    bytes: &'a [u8],
}

impl Checker<'_> {
    /// Checks from `*at` with `open` containers around it; pauses (`Ok(false)`) at the first value boundary
    /// at or after `stop`, with `*at` and `open` ready to resume.
    fn document(&self, open: &mut Vec<Open>, at: &mut usize, stop: usize) -> Result<bool, Failure> {
        let mut i = *at;
        'value: loop {
            if i >= stop && i > *at {
                *at = i;
                return Ok(false);
            }
            i = self.whitespace(i);
            match self.bytes.get(i) {
                None => return Err((i, "EOF while parsing a value")),
                Some(b'{') => {
                    i = self.whitespace(i + 1);
                    if self.bytes.get(i) == Some(&b'}') {
                        i += 1;
                    } else {
                        open.push(Open::Object);
                        i = self.key(i)?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    i = self.whitespace(i + 1);
                    if self.bytes.get(i) == Some(&b']') {
                        i += 1;
                    } else {
                        open.push(Open::Array);
                        continue 'value;
                    }
                }
                Some(b'"') => i = self.string(i)?,
                Some(b'-' | b'0'..=b'9') => i = self.number(i)?,
                Some(b't') => i = self.literal(i, "true")?,
                Some(b'f') => i = self.literal(i, "false")?,
                Some(b'n') => i = self.literal(i, "null")?,
                Some(_) => return Err((i, "expected value")),
            }
            // A value ended: close every container that ends here, or go on to the next value.
            loop {
                i = self.whitespace(i);
                let next = self.bytes.get(i).copied();
                match (open.last(), next) {
                    (None, None) => {
                        *at = i;
                        return Ok(true);
                    }
                    (None, Some(_)) => return Err((i, "trailing characters")),
                    (Some(Open::Array), Some(b']')) | (Some(Open::Object), Some(b'}')) => {
                        open.pop();
                        i += 1;
                    }
                    (Some(container), Some(b',')) => {
                        i = self.whitespace(i + 1);
                        if matches!(self.bytes.get(i), Some(b']' | b'}')) {
                            return Err((i, "trailing comma"));
                        }
                        if let Open::Object = container {
                            i = self.key(i)?;
                        }
                        continue 'value;
                    }
                    (Some(Open::Array), None) => return Err((i, "EOF while parsing a list")),
                    (Some(Open::Object), None) => return Err((i, "EOF while parsing an object")),
                    (Some(Open::Array), Some(_)) => return Err((i, "expected `,` or `]`")),
                    (Some(Open::Object), Some(_)) => return Err((i, "expected `,` or `}`")),
                }
            }
        }
    }

    fn whitespace(&self, mut i: usize) -> usize {
        while matches!(self.bytes.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            i += 1;
        }
        i
    }

    /// An object member's key and its colon; returns where the value starts.
    fn key(&self, i: usize) -> Result<usize, Failure> {
        match self.bytes.get(i) {
            Some(b'"') => {}
            None => return Err((i, "EOF while parsing an object")),
            Some(_) => return Err((i, "key must be a string")),
        }
        let i = self.whitespace(self.string(i)?);
        match self.bytes.get(i) {
            Some(b':') => Ok(i + 1),
            None => Err((i, "EOF while parsing an object")),
            Some(_) => Err((i, "expected `:`")),
        }
    }

    /// A string starting at the quote at `i`; returns the offset after its closing quote.
    fn string(&self, i: usize) -> Result<usize, Failure> {
        let mut i = i + 1;
        loop {
            match self.bytes.get(i) {
                None => return Err((i, "EOF while parsing a string")),
                Some(b'"') => return Ok(i + 1),
                Some(b'\\') => {
                    i += 1;
                    match self.bytes.get(i) {
                        None => return Err((i, "EOF while parsing a string")),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 1,
                        Some(b'u') => {
                            for k in 1..=4 {
                                match self.bytes.get(i + k) {
                                    Some(b) if b.is_ascii_hexdigit() => {}
                                    None => return Err((i + k, "EOF while parsing a string")),
                                    Some(_) => return Err((i + k, "invalid escape")),
                                }
                            }
                            i += 5;
                        }
                        Some(_) => return Err((i, "invalid escape")),
                    }
                }
                Some(0..=0x1f) => {
                    return Err((
                        i,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
                Some(_) => i += 1,
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; returns the offset after it.
    fn number(&self, i: usize) -> Result<usize, Failure> {
        let mut i = i;
        if self.bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        match self.bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = self.digits(i),
            None => return Err((i, "EOF while parsing a value")),
            Some(_) => return Err((i, "invalid number")),
        }
        if self.bytes.get(i) == Some(&b'.') {
            i = self.some_digits(i + 1)?;
        }
        if matches!(self.bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(self.bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            i = self.some_digits(i)?;
        }
        Ok(i)
    }

    fn digits(&self, mut i: usize) -> usize {
        while self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    }

    /// At least one digit.
    fn some_digits(&self, i: usize) -> Result<usize, Failure> {
        match self.bytes.get(i) {
            Some(b) if b.is_ascii_digit() => Ok(self.digits(i)),
            None => Err((i, "EOF while parsing a value")),
            Some(_) => Err((i, "invalid number")),
        }
    }

    fn literal(&self, i: usize, word: &'static str) -> Result<usize, Failure> {
        for (k, expected) in word.bytes().enumerate() {
            match self.bytes.get(i + k) {
                Some(&b) if b == expected => {}
                None => return Err((i + k, "EOF while parsing a value")),
                Some(_) => return Err((i + k, "expected ident")),
            }
        }
        Ok(i + word.len())
    }
}

/// Line and column (from 1, in characters) of the byte at `offset`; at the end of the text, the column of the
/// last character, so an unfinished value points at where it stops.
fn position(text: &[u8], offset: usize, message: &str) -> JsonError {
    let before = &text[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    // Count characters, not bytes: UTF-8 continuation bytes look like 0b10xx_xxxx.
    let chars_before = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xc0 != 0x80)
        .count();
    JsonError {
        line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
        column: chars_before + usize::from(offset < text.len()),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_every_kind_of_value() {
        let valid = [
            "0",
            "-0",
            "1.5e+3",
            "-12.25E-2",
            "\"\"",
            "\"a\\\"b\\\\ \\u00e9 \\/\\b\\f\\n\\r\\t\"",
            "\"é ✓ 😀\"",
            "true",
            "false",
            "null",
            " \t\r\n[ ] ",
            "{}",
            "[1,[2,[3,{}]]]",
            "{\"a\":{\"b\":[true,false,null]},\"c\":\"d\"}",
        ];
        for text in valid {
            assert_eq!(check(text), Ok(()), "{text}");
        }
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            check(&deep),
            Ok(()),
            "nesting depth is not limited by the stack"
        );
    }

    #[test]
    fn names_the_first_error_and_where_it_is() {
        let cases: [(&str, usize, usize, &str); 16] = [
            ("", 1, 0, "EOF while parsing a value"),
            ("[1, 2", 1, 5, "EOF while parsing a list"),
            ("{\"a\": 1,}", 1, 9, "trailing comma"),
            ("[1,]", 1, 4, "trailing comma"),
            ("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7, "expected `:`"),
            ("{\"a\" 1}", 1, 6, "expected `:`"),
            ("{a:1}", 1, 2, "key must be a string"),
            ("[1 2]", 1, 4, "expected `,` or `]`"),
            ("{\"a\":1 \"b\":2}", 1, 8, "expected `,` or `}`"),
            ("01", 1, 2, "trailing characters"),
            ("1.", 1, 2, "EOF while parsing a value"),
            ("1.e5", 1, 3, "invalid number"),
            ("tru", 1, 3, "EOF while parsing a value"),
            ("nul!", 1, 4, "expected ident"),
            ("\"é\\x\"", 1, 4, "invalid escape"),
            (
                "\"a\tb\"",
                1,
                3,
                "control character (\\u0000-\\u001F) found while parsing a string",
            ),
        ];
        for (text, line, column, message) in cases {
            let err = check(text).expect_err(text);
            assert_eq!(
                (err.line, err.column, err.message.as_str()),
                (line, column, message),
                "{text:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// serde_json is the reference: it accepts exactly what RFC 8259 allows (nesting here stays far below
        /// its recursion limit of 128, which this checker does not have).
        #[test]
        fn accepts_exactly_what_serde_json_accepts(
            text in proptest::string::string_regex(
                r#"[ \[\]{}:,"\\0-9.eE+\-truefalsn\tu\na-f\x01é]{0,24}"#
            ).expect("valid regex")
        ) {
            let reference = serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok();
            prop_assert_eq!(check(&text).is_ok(), reference, "{:?}", text);
        }

        /// Checked in slices of any size, a text gets the same answer as checked at once.
        #[test]
        fn sliced_checks_agree_with_whole_ones(
            text in proptest::string::string_regex(
                r#"[ \[\]{}:,"\\0-9.eE+\-truefalsn\tu\na-f\x01é]{0,40}"#
            ).expect("valid regex"),
            budget in 1usize..12,
        ) {
            let whole = check(&text);
            let mut sliced = Check::default();
            let mut calls = 0;
            let outcome = loop {
                calls += 1;
                match sliced.advance(text.as_bytes(), budget) {
                    Ok(false) => prop_assert!(calls <= text.len() + 1, "each slice makes progress"),
                    Ok(true) => break Ok(()),
                    Err(err) => break Err(err),
                }
            };
            prop_assert_eq!(outcome, whole, "{:?}", text);
        }

        #[test]
        fn accepts_every_value_serde_json_writes(value in json_value()) {
            let compact = serde_json::to_string(&value).expect("serializes");
            let pretty = serde_json::to_string_pretty(&value).expect("serializes");
            prop_assert_eq!(check(&compact), Ok(()));
            prop_assert_eq!(check(&pretty), Ok(()));
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            ".*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(".*", inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}

//! Render stage for live streams: JSON record streams (NDJSON / JSON Lines, and RFC 7464 json-seq) cut into
//! records as they arrive, each checked so the viewer can mark the ones that are not JSON.
//!
//! Framing bytes (LF, CR, RS) are ASCII and never inside a UTF-8 sequence, so the bytes are cut first and
//! each record decoded whole: a character split across chunks is simply carried with its record.

use super::kind::RecordFraming;
use crate::render::json::{check, reindent};

const RS: u8 = 0x1E;

/// One JSON text of the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The record without its framing (no LF/CR, no RS).
    pub text: String,
    /// None when the text is valid JSON; else a short sentence with line/column.
    pub error: Option<String>,
}

/// Cuts a records stream into [`Record`]s.
///
/// Lines: a record per line; CRLF accepted; blank lines (nothing but spaces and tabs) skipped.
///
/// json-seq: a record starts after RS and ends at the first LF where its text is whole (brackets closed,
/// no string open), so a pretty-printed text spanning lines is one record and a record is shown as soon as
/// its LF arrives, not when the next RS does. Its text is trimmed of the whitespace around it. As RFC 7464 asks, a text that fails to parse is reported, not
/// dropped: one that the next RS (or the end of the stream) cuts off before its LF is reported as truncated,
/// and text outside any record (not preceded by RS) as missing its RS. Empty records (RS RS) are skipped.
#[derive(Clone, Debug)]
pub struct RecordSplitter {
    framing: RecordFraming,
    /// The bytes of the record whose end has not arrived yet.
    pending: Vec<u8>,
    /// json-seq: the pending record began with RS (else it is text between records).
    opened: bool,
    /// json-seq: how far the pending record's text is whole, updated byte by byte as it grows.
    shape: Shape,
}

impl RecordSplitter {
    pub fn new(framing: RecordFraming) -> Self {
        RecordSplitter {
            framing,
            pending: Vec::new(),
            opened: false,
            shape: Shape::default(),
        }
    }

    /// Feeds the next bytes of the stream; complete records are pushed to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<Record>) {
        match self.framing {
            RecordFraming::Lines => self.feed_lines(chunk, out),
            RecordFraming::JsonSeq => self.feed_seq(chunk, out),
        }
    }

    /// The stream ended: a last record without its newline is still a record (for json-seq, one reported
    /// as truncated). The splitter is then ready for another stream.
    pub fn finish(&mut self, out: &mut Vec<Record>) {
        let pending = std::mem::take(&mut self.pending);
        match self.framing {
            RecordFraming::Lines => push_line(&pending, out),
            RecordFraming::JsonSeq => self.push_seq(&pending, Cut::StreamEnd, out),
        }
        self.opened = false;
        self.shape = Shape::default();
    }

    fn feed_lines(&mut self, chunk: &[u8], out: &mut Vec<Record>) {
        let mut rest = chunk;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            if self.pending.is_empty() {
                push_line(&rest[..end], out);
            } else {
                self.pending.extend_from_slice(&rest[..end]);
                push_line(&self.pending, out);
                self.pending.clear();
            }
            rest = &rest[end + 1..];
        }
        self.pending.extend_from_slice(rest);
    }

    fn feed_seq(&mut self, chunk: &[u8], out: &mut Vec<Record>) {
        let mut rest = chunk;
        while let Some(end) = rest.iter().position(|&b| b == b'\n' || b == RS) {
            let part = &rest[..end];
            self.shape.scan(part);
            self.pending.extend_from_slice(part);
            if rest[end] == RS {
                let pending = std::mem::take(&mut self.pending);
                self.push_seq(&pending, Cut::NextRecord, out);
                self.pending = pending;
                self.pending.clear();
                self.opened = true;
                self.shape = Shape::default();
            } else if self.shape.whole() {
                let pending = std::mem::take(&mut self.pending);
                self.push_seq(&pending, Cut::LineFeed, out);
                self.pending = pending;
                self.pending.clear();
                self.opened = false;
                self.shape = Shape::default();
            } else if self.shape.seen_value {
                // Not whole yet: the LF is whitespace inside a text that goes on on the next line.
                self.shape.scan(b"\n");
                self.pending.push(b'\n');
            } else {
                // Only whitespace so far, which the text would be trimmed of anyway.
                self.pending.clear();
            }
            rest = &rest[end + 1..];
        }
        self.shape.scan(rest);
        self.pending.extend_from_slice(rest);
    }

    fn push_seq(&self, bytes: &[u8], cut: Cut, out: &mut Vec<Record>) {
        let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let Some(start) = bytes.iter().position(|b| !is_space(b)) else {
            return;
        };
        let end = bytes
            .iter()
            .rposition(|b| !is_space(b))
            .map_or(start, |n| n + 1);
        let ended_by_lf = cut == Cut::LineFeed || bytes[end..].contains(&b'\n');
        let (text, json_error) = decode_and_check(&bytes[start..end]);
        let mut problems = Vec::new();
        if !self.opened {
            problems.push("Missing record separator (RS) before this text.");
        }
        if !ended_by_lf {
            problems.push(match cut {
                Cut::StreamEnd => "Truncated: the stream ended before the record's line feed.",
                _ => "Truncated: the next record separator came before this record's line feed.",
            });
        }
        let error = match (problems.is_empty(), json_error) {
            (true, json_error) => json_error,
            (false, None) => Some(problems.join(" ")),
            (false, Some(json_error)) => Some(format!("{} {json_error}", problems.join(" "))),
        };
        out.push(Record { text, error });
    }
}

/// What ended a json-seq record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    LineFeed,
    NextRecord,
    StreamEnd,
}

/// Enough of a JSON text's structure to tell, at a line feed, whether the text so far is whole. It counts
/// brackets only; whether the text is valid is the checker's question.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    depth: usize,
    in_string: bool,
    escaped: bool,
    seen_value: bool,
}

impl Shape {
    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => continue,
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
            self.seen_value = true;
        }
    }

    fn whole(&self) -> bool {
        self.seen_value && self.depth == 0 && !self.in_string
    }
}

fn push_line(line: &[u8], out: &mut Vec<Record>) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if is_blank(line) {
        return;
    }
    let (text, error) = decode_and_check(line);
    out.push(Record { text, error });
}

/// Nothing but JSON whitespace.
fn is_blank(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The record's text, and why it is not JSON: bytes that are not UTF-8 (RFC 8259 allows no other
/// encoding) or the checker's first error.
fn decode_and_check(bytes: &[u8]) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), check(text).err().map(|e| e.to_string())),
        Err(e) => {
            let (line, column) = line_column(bytes, e.valid_up_to());
            (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "Invalid UTF-8 at line {line}, column {column}: JSON must be UTF-8."
                )),
            )
        }
    }
}

/// Line and column (from 1, columns in characters) of the byte at `offset`, all before it being UTF-8.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// The record's JSON re-indented for display, or None when it is not JSON.
pub fn pretty(text: &str) -> Option<String> {
    check(text).ok().map(|()| reindent(text, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Record {
        Record {
            text: text.to_owned(),
            error: None,
        }
    }

    fn bad(text: &str, error: &str) -> Record {
        Record {
            text: text.to_owned(),
            error: Some(error.to_owned()),
        }
    }

    fn split(framing: RecordFraming, stream: &[u8]) -> Vec<Record> {
        let mut splitter = RecordSplitter::new(framing);
        let mut out = Vec::new();
        splitter.feed(stream, &mut out);
        splitter.finish(&mut out);
        out
    }

    #[test]
    fn lines() {
        let cases: &[(&[u8], &[Record])] = &[
            (b"{\"a\":1}\n[2]\n", &[ok("{\"a\":1}"), ok("[2]")]),
            (b"1\r\n\"x\"\r\n", &[ok("1"), ok("\"x\"")]),
            (b"\n  \n\t\r\n{}\n\n", &[ok("{}")]),
            (b"{}\n[1]", &[ok("{}"), ok("[1]")]),
            (b" {} \n", &[ok(" {} ")]),
            (
                b"a\rb\n",
                &[bad(
                    "a\rb",
                    "Invalid JSON at line 1, column 1: expected value.",
                )],
            ),
            (
                b"{\"a\":1,}\n",
                &[bad(
                    "{\"a\":1,}",
                    "Invalid JSON at line 1, column 8: trailing comma.",
                )],
            ),
            (
                b"[1, 2\n",
                &[bad(
                    "[1, 2",
                    "Invalid JSON at line 1, column 5: EOF while parsing a list.",
                )],
            ),
            (
                b"\"\xC3\xA9\xFF\"\n",
                &[bad(
                    "\"é\u{fffd}\"",
                    "Invalid UTF-8 at line 1, column 3: JSON must be UTF-8.",
                )],
            ),
            (
                b"\x1E{}\n",
                &[bad(
                    "\u{1e}{}",
                    "Invalid JSON at line 1, column 1: expected value.",
                )],
            ),
            (b"", &[]),
        ];
        for (stream, expected) in cases {
            assert_eq!(
                split(RecordFraming::Lines, stream),
                *expected,
                "{:?}",
                String::from_utf8_lossy(stream)
            );
        }
    }

    #[test]
    fn json_seq() {
        const TRUNCATED: &str =
            "Truncated: the next record separator came before this record's line feed.";
        const ENDED: &str = "Truncated: the stream ended before the record's line feed.";
        const NO_RS: &str = "Missing record separator (RS) before this text.";
        let cases: &[(&[u8], &[Record])] = &[
            (b"\x1E{\"a\":1}\n\x1E[2]\n", &[ok("{\"a\":1}"), ok("[2]")]),
            (b"\x1E1\r\n\x1Etrue\n", &[ok("1"), ok("true")]),
            // Empty records and whitespace between records are skipped.
            (b"\x1E\x1E\x1E{}\n  \n\x1E\n\x1E[]\n", &[ok("{}"), ok("[]")]),
            // A pretty-printed text is one record.
            (b"\x1E{\n  \"a\": [\n    1\n  ]\n}\n\x1E2\n", &[ok("{\n  \"a\": [\n    1\n  ]\n}"), ok("2")]),
            (b"\x1E\"a\\\"{\"\n", &[ok("\"a\\\"{\"")]),
            // A text that fails to parse is reported, not dropped.
            (
                b"\x1E{\"a\":}\n\x1E3\n",
                &[bad("{\"a\":}", "Invalid JSON at line 1, column 6: expected value."), ok("3")],
            ),
            (
                b"\x1E[1,\n\x1E3\n",
                &[bad("[1,", "Invalid JSON at line 1, column 3: EOF while parsing a value."), ok("3")],
            ),
            // Cut off by the next RS or by the end of the stream: truncated, valid or not.
            (b"\x1E{\"a\":1}\x1E2\n", &[bad("{\"a\":1}", TRUNCATED), ok("2")]),
            (
                b"\x1E12\x1E{\"b\"",
                &[
                    bad("12", TRUNCATED),
                    bad("{\"b\"", &format!("{ENDED} Invalid JSON at line 1, column 4: EOF while parsing an object.")),
                ],
            ),
            (b"\x1E[1]", &[bad("[1]", ENDED)]),
            // Text without its RS is reported too.
            (b"{}\n\x1E[]\n", &[bad("{}", NO_RS), ok("[]")]),
            (b"\x1E1\n2\n", &[ok("1"), bad("2", NO_RS)]),
            (b"\x1E\xFF\n", &[bad("\u{fffd}", "Invalid UTF-8 at line 1, column 1: JSON must be UTF-8.")]),
            (b"", &[]),
        ];
        for (stream, expected) in cases {
            assert_eq!(
                split(RecordFraming::JsonSeq, stream),
                *expected,
                "{:?}",
                String::from_utf8_lossy(stream)
            );
        }
    }

    #[test]
    fn pieces_split_anywhere_give_the_same_records() {
        let cases: [(RecordFraming, &[u8]); 2] = [
            (
                RecordFraming::Lines,
                b"{\"\xC3\xA9\":1}\r\n\n[2,\n\"\xE2\x9C\x93\"",
            ),
            (
                RecordFraming::JsonSeq,
                b"\x1E{\n\"\xC3\xA9\": 1}\r\n\x1E[2\x1E\"\xE2\x9C\x93\"\n x\n",
            ),
        ];
        for (framing, stream) in cases {
            let expected = split(framing, stream);
            assert!(expected.len() >= 3, "{expected:?}");
            for cut in 0..=stream.len() {
                for cut2 in cut..=stream.len() {
                    let mut splitter = RecordSplitter::new(framing);
                    let mut out = Vec::new();
                    splitter.feed(&stream[..cut], &mut out);
                    splitter.feed(&stream[cut..cut2], &mut out);
                    splitter.feed(&stream[cut2..], &mut out);
                    splitter.finish(&mut out);
                    assert_eq!(out, expected, "{framing:?} cut at {cut} and {cut2}");
                }
            }
        }
    }

    #[test]
    fn pretty_reindents_json_only() {
        let cases = [
            (
                "{\"a\":[1,2]}",
                Some("{\n  \"a\": [\n    1,\n    2\n  ]\n}"),
            ),
            ("3", Some("3")),
            ("{}", Some("{}")),
            ("{\"a\":", None),
            ("hello", None),
        ];
        for (text, expected) in cases {
            assert_eq!(pretty(text).as_deref(), expected, "{text:?}");
        }
    }
}

//! Render stage for live streams: server-sent events, read by the WHATWG HTML rules for parsing and
//! interpreting an event stream, so the viewer shows exactly the events an `EventSource` would deliver.
//!
//! The bytes are cut into lines before they are decoded. That is the same as decoding first: CR, LF and
//! `:` are ASCII and never inside a UTF-8 sequence, and a sequence cut short by one of them decodes to
//! U+FFFD either way. So only an unfinished line is carried from one chunk to the next, and a line that
//! arrives whole is read straight from the chunk.

use std::borrow::Cow;

const BOM: &[u8; 3] = b"\xEF\xBB\xBF";

/// One dispatched event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event` field, or "message" when the event had none.
    pub event: String,
    /// The `data` lines joined by LF.
    pub data: String,
    /// The last event ID as of this event (it persists from earlier events), "" when none.
    pub id: String,
}

/// The state of one event stream between chunks.
#[derive(Clone, Debug, Default)]
pub struct SseParser {
    /// The start of a line whose end has not arrived yet.
    line: Vec<u8>,
    /// How many bytes of a leading BOM have been seen; they are held back until the BOM is complete.
    bom_matched: usize,
    /// The start of the stream is past: a BOM was stripped or cannot come any more.
    bom_done: bool,
    /// The last chunk ended with CR: an LF first in the next one completes the same line end.
    after_cr: bool,
    data: String,
    event_type: String,
    /// The id fields' value, which becomes the last event ID only when an event is dispatched.
    id_buffer: String,
    last_event_id: String,
    retry: Option<u64>,
    comments: u64,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next bytes of the stream; complete events are pushed to `out`. Chunks may split anything: a
    /// UTF-8 sequence, the BOM, a CRLF pair, a field name.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<SseEvent>) {
        let mut rest = chunk;
        if !self.bom_done {
            rest = self.skip_bom(rest);
            if !self.bom_done {
                return;
            }
        }
        if self.after_cr {
            if let Some((&first, tail)) = rest.split_first() {
                self.after_cr = false;
                if first == b'\n' {
                    rest = tail;
                }
            }
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            let (line, ending, after) = (&rest[..end], rest[end], &rest[end + 1..]);
            if self.line.is_empty() {
                self.interpret(line, out);
            } else {
                let mut pending = std::mem::take(&mut self.line);
                pending.extend_from_slice(line);
                self.interpret(&pending, out);
                // Kept for its capacity: the next long line needs no new allocation.
                pending.clear();
                self.line = pending;
            }
            rest = after;
            if ending == b'\r' {
                match after.first() {
                    Some(b'\n') => rest = &after[1..],
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
        }
        self.line.extend_from_slice(rest);
    }

    /// The stream ended: as EventSource does, an event not closed by a blank line is discarded; returns true
    /// when something was discarded (so the viewer can say so): data lines had been read for it, the last
    /// line without its line end counting as read.
    ///
    /// The parser is then ready for the next connection's stream, keeping what a reconnecting EventSource
    /// keeps: the last event ID, the retry time and (for the viewer) the count of comments.
    pub fn finish(&mut self) -> bool {
        let discarded = !self.data.is_empty() || field_name(&self.line) == Some(b"data".as_slice());
        self.line.clear();
        self.bom_matched = 0;
        self.bom_done = false;
        self.after_cr = false;
        self.data.clear();
        self.event_type.clear();
        self.id_buffer.clone_from(&self.last_event_id);
        discarded
    }

    /// The ID to send as `Last-Event-ID` when reconnecting: as an EventSource keeps it, the id buffer as of
    /// the last blank line, whether or not that line dispatched an event (an `id` field not yet followed by
    /// a blank line does not count).
    pub fn last_event_id(&self) -> &str {
        &self.last_event_id
    }

    /// The last valid `retry` field, in milliseconds.
    pub fn retry_ms(&self) -> Option<u64> {
        self.retry
    }

    /// Comment lines seen (keep-alives).
    pub fn comments(&self) -> u64 {
        self.comments
    }

    /// Consumes the BOM's bytes at the start of the stream; when the stream turns out not to start with
    /// one, the bytes held back are the start of the first line.
    fn skip_bom<'a>(&mut self, mut rest: &'a [u8]) -> &'a [u8] {
        while let Some((&b, tail)) = rest.split_first() {
            if b != BOM[self.bom_matched] {
                self.line.extend_from_slice(&BOM[..self.bom_matched]);
                self.bom_done = true;
                return rest;
            }
            self.bom_matched += 1;
            rest = tail;
            if self.bom_matched == BOM.len() {
                self.bom_done = true;
                return rest;
            }
        }
        rest
    }

    fn interpret(&mut self, line: &[u8], out: &mut Vec<SseEvent>) {
        if line.is_empty() {
            self.dispatch(out);
            return;
        }
        if line[0] == b':' {
            self.comments += 1;
            return;
        }
        let (name, value) = split_field(line);
        match name {
            b"event" => {
                self.event_type.clear();
                self.event_type.push_str(&decode(value));
            }
            b"data" => {
                self.data.push_str(&decode(value));
                self.data.push('\n');
            }
            // An id with NUL is ignored: it could not be sent back in a Last-Event-ID header.
            b"id" if !value.contains(&0) => {
                self.id_buffer.clear();
                self.id_buffer.push_str(&decode(value));
            }
            b"retry" => self.retry = digits(value).or(self.retry),
            _ => {}
        }
    }

    fn dispatch(&mut self, out: &mut Vec<SseEvent>) {
        self.last_event_id.clone_from(&self.id_buffer);
        if self.data.is_empty() {
            self.event_type.clear();
            return;
        }
        if self.data.ends_with('\n') {
            self.data.pop();
        }
        let event = if self.event_type.is_empty() {
            "message".to_owned()
        } else {
            std::mem::take(&mut self.event_type)
        };
        out.push(SseEvent {
            event,
            data: std::mem::take(&mut self.data),
            id: self.last_event_id.clone(),
        });
    }
}

/// A field line's name and value: the value starts after the first colon, less one space; a line without a
/// colon is all name.
fn split_field(line: &[u8]) -> (&[u8], &[u8]) {
    match line.iter().position(|&b| b == b':') {
        Some(colon) => {
            let value = &line[colon + 1..];
            (&line[..colon], value.strip_prefix(b" ").unwrap_or(value))
        }
        None => (line, &[]),
    }
}

/// The field name of a line that is not a comment.
fn field_name(line: &[u8]) -> Option<&[u8]> {
    match line.first() {
        None | Some(b':') => None,
        Some(_) => Some(split_field(line).0),
    }
}

fn decode(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// A `retry` value: ASCII digits only. An empty value or one past u64 is ignored, as browsers do.
fn digits(value: &[u8]) -> Option<u64> {
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    value.iter().try_fold(0u64, |n, &d| {
        n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(event: &str, data: &str, id: &str) -> SseEvent {
        SseEvent {
            event: event.to_owned(),
            data: data.to_owned(),
            id: id.to_owned(),
        }
    }

    fn message(data: &str) -> SseEvent {
        event("message", data, "")
    }

    /// The events of a whole stream, and whether its end discarded one.
    fn parse(stream: &[u8]) -> (Vec<SseEvent>, bool) {
        let mut parser = SseParser::new();
        let mut out = Vec::new();
        parser.feed(stream, &mut out);
        let discarded = parser.finish();
        (out, discarded)
    }

    #[test]
    fn the_specification_examples() {
        let cases: [(&str, Vec<SseEvent>, bool); 6] = [
            (
                "data: This is the first message.\n\ndata: This is the second message, it\n\
                 data: has two lines.\n\ndata: This is the third message.\n\n",
                vec![
                    message("This is the first message."),
                    message("This is the second message, it\nhas two lines."),
                    message("This is the third message."),
                ],
                false,
            ),
            (
                "event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n",
                vec![
                    event("add", "73857293", ""),
                    event("remove", "2153", ""),
                    event("add", "113411", ""),
                ],
                false,
            ),
            (
                "data: YHOO\ndata: +2\ndata: 10\n\n",
                vec![message("YHOO\n+2\n10")],
                false,
            ),
            (
                ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
                vec![
                    event("message", "first event", "1"),
                    event("message", "second event", ""),
                    event("message", " third event", ""),
                ],
                false,
            ),
            (
                "data\n\ndata\ndata\n\ndata:",
                vec![message(""), message("\n")],
                true,
            ),
            (
                "data:test\n\ndata: test\n\n",
                vec![message("test"), message("test")],
                false,
            ),
        ];
        for (stream, expected, discarded) in cases {
            assert_eq!(
                parse(stream.as_bytes()),
                (expected, discarded),
                "{stream:?}"
            );
        }
    }

    #[test]
    fn every_interpretation_rule() {
        let cases: &[(&[u8], &[SseEvent], bool)] = &[
            // One leading BOM is stripped; a second one is part of the first field name.
            (b"\xEF\xBB\xBFdata: a\n\n", &[message("a")], false),
            (b"\xEF\xBB\xBF\xEF\xBB\xBFdata: a\n\ndata: b\n\n", &[message("b")], false),
            // A BOM cut short is no BOM: its bytes decode as U+FFFD into the first line.
            (b"\xEF\xBBdata: a\n\ndata: b\n\n", &[message("b")], false),
            (b"data: \xEF\xBB\xBFa\n\n", &[message("\u{feff}a")], false),
            // LF, CR and CRLF all end a line; CR CR is two line ends.
            (b"data: a\r\rdata: b\r\n\r\ndata: c\n\n", &[message("a"), message("b"), message("c")], false),
            (b"data: a\n\r\n", &[message("a")], false),
            // Comments are skipped wherever they are, and do not end an event.
            (b": hi\ndata: a\n:\ndata: b\n\n", &[message("a\nb")], false),
            // No colon: the whole line is the name, the value empty.
            (b"data\n\n", &[message("")], false),
            (b"event\ndata: a\n\n", &[message("a")], false),
            // One space after the colon is removed, only one, and nothing else.
            (b"data:  a \n\n", &[message(" a ")], false),
            (b"data:\ta\n\n", &[message("\ta")], false),
            (b"data: a: b\n\n", &[message("a: b")], false),
            // Field names are case-sensitive and unknown ones ignored.
            (b"Data: a\nfoo: b\ndata : c\n\ndata: d\n\n", &[message("d")], false),
            // The event type applies to one event only.
            (b"event: x\ndata: a\n\ndata: b\n\n", &[event("x", "a", ""), message("b")], false),
            (b"event: x\nevent: y\ndata: a\n\n", &[event("y", "a", "")], false),
            (b"event:\ndata: a\n\n", &[message("a")], false),
            // A blank line with no data dispatches nothing and forgets the event type.
            (b"event: x\n\ndata: a\n\n", &[message("a")], false),
            (b"\n\n\n", &[], false),
            // The last event ID persists across events, changes with `id`, and an empty one resets it.
            (
                b"id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\nid\ndata: d\n\nid: 3\nid:\ndata: e\n\n",
                &[
                    event("message", "a", "1"),
                    event("message", "b", "1"),
                    event("message", "c", "2"),
                    event("message", "d", ""),
                    event("message", "e", ""),
                ],
                false,
            ),
            // An id containing NUL is ignored; the earlier one stays.
            (b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n", &[event("message", "a", "1"), event("message", "b", "1")], false),
            // Invalid UTF-8 becomes U+FFFD, one per maximal bad subpart.
            (b"data: a\xFFb\xE2\x82\n\n", &[message("a\u{fffd}b\u{fffd}")], false),
            (b"data: \xF0\x9F\x98\x80\n\n", &[message("\u{1F600}")], false),
            // At the end, an event not closed by a blank line is discarded.
            (b"data: a\n", &[], true),
            (b"data: a", &[], true),
            (b"data: a\n\ndata", &[message("a")], true),
            (b"data: a\n\nid: 4\n", &[message("a")], false),
            (b"data: a\n\nevent: x\n", &[message("a")], false),
            (b"data: a\n\n: bye", &[message("a")], false),
            (b"", &[], false),
        ];
        for (stream, expected, discarded) in cases {
            assert_eq!(
                parse(stream),
                (expected.to_vec(), *discarded),
                "{:?}",
                String::from_utf8_lossy(stream)
            );
        }
    }

    #[test]
    fn retry_takes_digits_only() {
        let cases: [(&str, Option<u64>); 10] = [
            ("retry: 3000\n", Some(3000)),
            ("retry:0\n", Some(0)),
            ("retry: 1000\nretry: 2000\n", Some(2000)),
            ("retry: 1000\nretry: 2s\n", Some(1000)),
            ("retry: -1\n", None),
            ("retry: 1.5\n", None),
            ("retry:  1\n", None),
            ("retry\n", None),
            ("retry: \u{0661}\n", None),
            ("retry: 99999999999999999999\n", None),
        ];
        for (stream, expected) in cases {
            let mut parser = SseParser::new();
            parser.feed(stream.as_bytes(), &mut Vec::new());
            assert_eq!(parser.retry_ms(), expected, "{stream:?}");
        }
    }

    #[test]
    fn counts_comments_and_keeps_the_dispatched_id() {
        let mut parser = SseParser::new();
        let mut out = Vec::new();
        parser.feed(b":\n: ping\r\n:x\rdata: a\nid: 7\n\nid: 8\n", &mut out);
        assert_eq!(parser.comments(), 3);
        // `id: 8` is not followed by a blank line: the ID to reconnect with is still 7.
        assert_eq!(parser.last_event_id(), "7");
        assert!(!parser.finish());
        assert_eq!(parser.last_event_id(), "7");
        // The next connection's stream starts afresh (its own BOM) but keeps the last event ID.
        parser.feed(b"\xEF\xBB\xBFdata: b\n\n", &mut out);
        assert_eq!(
            out,
            [event("message", "a", "7"), event("message", "b", "7")]
        );
        // A blank line sets the last event ID even when it dispatches nothing.
        parser.feed(b"id: 9\n\n", &mut out);
        assert_eq!((out.len(), parser.last_event_id()), (2, "9"));
    }

    #[test]
    fn pieces_split_anywhere_give_the_same_events() {
        let stream: &[u8] = b"\xEF\xBB\xBF: c\r\nevent: \xC3\xA9t\xC3\xA9\rdata: \xE2\x9C\x93\r\nid: 1\r\r\ndata\n\n";
        let expected = vec![event("été", "✓", "1"), event("message", "", "1")];
        for cut in 0..=stream.len() {
            for cut2 in cut..=stream.len() {
                let mut parser = SseParser::new();
                let mut out = Vec::new();
                parser.feed(&stream[..cut], &mut out);
                parser.feed(&[], &mut out);
                parser.feed(&stream[cut..cut2], &mut out);
                parser.feed(&stream[cut2..], &mut out);
                assert!(!parser.finish());
                assert_eq!(out, expected, "cut at {cut} and {cut2}");
            }
        }
    }
}

//! Render stage for live streams: which reading a streamed body gets, from its Content-Type.

/// How a records stream separates its JSON texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordFraming {
    /// One text per line (NDJSON, JSON Lines); CRLF accepted.
    Lines,
    /// RFC 7464: each text after a record separator (0x1E) and before a line feed.
    JsonSeq,
}

/// The reading of a streamed body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamKind {
    /// Server-sent events (`text/event-stream`).
    Events,
    /// A sequence of JSON texts.
    Records(RecordFraming),
    /// Anything else: shown as the chunks arrive.
    Chunks,
}

/// From a Content-Type header value: text/event-stream → Events; application/x-ndjson, application/ndjson,
/// application/jsonl, application/x-jsonlines, application/jsonlines → Records(Lines); application/json-seq →
/// Records(JsonSeq); anything else → Chunks. Case-insensitive, parameters ignored.
///
/// A `+json-seq` structured suffix (RFC 8091, e.g. `application/geo+json-seq`) is json-seq too: it promises
/// exactly that framing.
pub fn stream_kind(content_type: &str) -> StreamKind {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| c.is_ascii_whitespace());
    let is = |name: &str| essence.eq_ignore_ascii_case(name);
    if is("text/event-stream") {
        StreamKind::Events
    } else if [
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "application/jsonlines",
    ]
    .into_iter()
    .any(is)
    {
        StreamKind::Records(RecordFraming::Lines)
    } else if is("application/json-seq") || has_json_seq_suffix(essence) {
        StreamKind::Records(RecordFraming::JsonSeq)
    } else {
        StreamKind::Chunks
    }
}

fn has_json_seq_suffix(essence: &str) -> bool {
    const SUFFIX: &str = "+json-seq";
    let Some(split) = essence.len().checked_sub(SUFFIX.len()) else {
        return false;
    };
    essence.starts_with("application/")
        && essence.len() > "application/".len() + SUFFIX.len()
        && essence
            .get(split..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(SUFFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_content_types() {
        let lines = StreamKind::Records(RecordFraming::Lines);
        let seq = StreamKind::Records(RecordFraming::JsonSeq);
        let cases = [
            ("text/event-stream", StreamKind::Events),
            ("Text/Event-Stream; charset=utf-8", StreamKind::Events),
            ("  text/event-stream  ", StreamKind::Events),
            ("application/x-ndjson", lines),
            ("application/ndjson;charset=UTF-8", lines),
            ("APPLICATION/JSONL", lines),
            ("application/x-jsonlines", lines),
            ("application/jsonlines", lines),
            ("application/json-seq", seq),
            ("application/geo+json-seq", seq),
            ("application/+json-seq", StreamKind::Chunks),
            ("text/+json-seq", StreamKind::Chunks),
            ("application/json", StreamKind::Chunks),
            ("text/plain", StreamKind::Chunks),
            ("text/event-streams", StreamKind::Chunks),
            ("event-stream", StreamKind::Chunks),
            ("", StreamKind::Chunks),
            (";", StreamKind::Chunks),
            ("application/json-seq-x", StreamKind::Chunks),
            ("é/+json-seq", StreamKind::Chunks),
        ];
        for (content_type, expected) in cases {
            assert_eq!(stream_kind(content_type), expected, "{content_type:?}");
        }
    }
}

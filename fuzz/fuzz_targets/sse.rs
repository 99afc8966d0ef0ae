//! Fuzz target, render stage (server-sent events): any bytes, fed whole or cut in two at any position, give
//! the same events, the same end-of-stream verdict and the same reconnection state, and never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::stream::{SseEvent, SseParser};

/// Everything the viewer reads from a parser once a stream has ended.
fn read(pieces: &[&[u8]]) -> (Vec<SseEvent>, bool, String, Option<u64>, u64) {
    let mut parser = SseParser::new();
    let mut events = Vec::new();
    for piece in pieces {
        parser.feed(piece, &mut events);
    }
    let (id, retry, comments) = (
        parser.last_event_id().to_owned(),
        parser.retry_ms(),
        parser.comments(),
    );
    let discarded = parser.finish();
    (events, discarded, id, retry, comments)
}

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose the cut, the rest is the stream.
    let Some((cut, stream)) = data.split_first_chunk::<2>() else {
        return;
    };
    let cut = usize::from(u16::from_le_bytes(*cut)) % (stream.len() + 1);
    let whole = read(&[stream]);
    let (first, second) = stream.split_at(cut);
    assert_eq!(whole, read(&[first, second]), "cut at {cut}");
});

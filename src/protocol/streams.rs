//! Page -> live view (`src/streams`), through `window.reqlab` (index.html), not messages: a response body
//! is a `ReadableStream`, which only its own thread can read.
//!
//! - `reqlab.stream`, set by `watch(body, type)` for each response: `{type, reader, t0, q, put}`. Each piece
//!   of the body goes to `put(ms, value, error)`: `value` the bytes (a `Uint8Array`), or only their count (a
//!   body that is not a stream type, past its first 64 KiB), or nothing at the end; `error` why it broke off.
//!   Until the live view takes the stream (it sets `taken` and its own `put`), pieces wait in `q` as
//!   `[ms, value, error]`, timed from the send.
//! - `reqlab.sock`, set by `socket(via_echo)`: `[the editor's request and environments as a Draft in JSON,
//!   via_echo]`; the live view takes it (and clears it) to connect.
//!
//! Either way index.html imports the live view on first use, or announces `LIVE_EVENT` once it is there.

/// A stream or a socket waits for the live view.
pub const LIVE_EVENT: &str = "reqlab:live";

//! Render stage for live streams: the parsing core behind the viewer of a response that keeps arriving.
//!
//! [`kind::stream_kind`] picks the reading from the Content-Type; [`sse::SseParser`] reads an event stream
//! exactly as `EventSource` does, [`records::RecordSplitter`] cuts NDJSON / JSON Lines / json-seq into
//! records, [`socket`] explains WebSocket close codes and prepares what the composer sends, and
//! [`graphql_ws`] holds a GraphQL subscription's conversation over a WebSocket. Every parser takes the bytes
//! in whatever pieces the network delivers them and gives the same result as for the whole.

pub mod graphql_ws;
pub mod kind;
pub mod records;
pub mod socket;
pub mod sse;

pub use kind::{stream_kind, RecordFraming, StreamKind};
pub use records::{pretty, Record, RecordSplitter};
pub use socket::{
    close_meaning, compose, hex_dump, CloseMeaning, ComposeError, Payload, PayloadMode,
};
pub use sse::{SseEvent, SseParser};

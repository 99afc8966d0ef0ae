//! Send stage: the only code that calls the browser's fetch (the request itself, the body stream, the
//! Resource Timing entry, and the `no-cors` probe that tells a CORS refusal from a network failure), and
//! the auth made at send time (`authorize`).

pub mod authorize;
mod body_reader;
mod diagnose;
mod forward;
mod send;
mod timing;

pub use body_reader::{Progress, DEFAULT_BODY_CAP};
pub use forward::send_via_echo;
pub use send::{send, SendError};

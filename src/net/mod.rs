//! Send stage: the only code that calls the browser's fetch.

mod send;

pub use send::{send, SendError};

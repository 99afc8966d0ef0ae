//! Snippet stage, the raw HTTP/1.1 message (`http-raw`).

pub mod raw;

//! Snippet stage, C target (`c-libcurl`).

pub mod libcurl;

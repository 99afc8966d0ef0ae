//! Snippet stage, Rust target (`rust-reqwest`).

pub mod reqwest;

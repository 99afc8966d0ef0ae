//! Snippet stage: one module per target; the registry in `snippet/mod.rs` lists them.

pub mod go_native;
pub mod js_fetch;
pub mod node_fetch;
pub mod python_requests;
pub mod shell_curl;

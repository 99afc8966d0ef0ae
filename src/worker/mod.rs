//! Snippet stage, off the main thread: generating code for every target is the largest code in the app, so
//! it runs in a web worker built as its own wasm. The page loads only the small client half; the worker
//! loads in the background, keeping the first load small and typing smooth.

pub mod choice;
pub mod client;
pub mod import;
pub mod protocol;

//! Snippet stage, Dart target (`dart-http`).

pub mod http;

//! Snippet stage, Go target (`go-native`).

pub mod net_http;

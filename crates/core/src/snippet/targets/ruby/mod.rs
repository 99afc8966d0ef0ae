//! Snippet stage, Ruby target (`ruby-net-http`).

pub mod net_http;

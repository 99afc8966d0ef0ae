//! reqlab-web: the Leptos app. Components render and dispatch; the logic is in reqlab-core; `net` alone
//! talks to fetch.

pub mod app;
pub mod bridge;
pub mod components;
pub mod js_json;
pub mod library;
pub mod net;
pub mod state;
pub mod worker;

pub use app::App;

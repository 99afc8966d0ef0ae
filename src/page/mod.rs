//! The page: the Leptos app on the critical path (held to 200 KB gzip). Components render and dispatch, the
//! logic is in reqlab-core, `net` alone talks to fetch, `state` holds the editor's signals, `workers` is
//! the page's end of both workers and `bridge` its end of the library.

pub mod app;
pub mod bridge;
pub mod components;
pub mod js_json;
pub mod net;
pub mod state;
pub mod workers;

pub use app::App;

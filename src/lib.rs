//! reqlab-web: the browser side, one folder per wasm bundle (each with its one-line entry in `src/bin/`, the
//! page's in `src/main.rs`): `page` (the Leptos app, the critical path), `workers` (snippet and import web
//! workers), `library` (draft, history, collections, sharing: loaded after the page is interactive), `streams`
//! (streamed responses and WebSocket: loaded on first use), `auth` (the Auth tab's form, Digest, AWS
//! Signature and OAuth 2.0: loaded on first use), `workflow` (the Tests tab's form, the answer's checks,
//! JSONPath filter and diff, the runner: loaded on first use).
//! `protocol` holds what two bundles say to each other, `dom` the DOM helpers more than one bundle uses.

#[cfg(feature = "signing")]
pub mod auth;
pub mod dom;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod library;
pub mod page;
pub mod protocol;
#[cfg(feature = "reference")]
pub mod reference;
pub mod streams;
pub mod workers;
#[cfg(feature = "workflow")]
pub mod workflow;

pub use page::App;

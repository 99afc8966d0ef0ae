//! The API reference: an OpenAPI or Swagger description shown as a sidebar of operations (with search)
//! and each operation's documentation, and "Try it", which opens an operation in the page's editor. A wasm
//! module of its own (`src/bin/reference.rs`), imported by index.html when the address holds `#spec=`;
//! the same module runs a second time as its worker, where the description is read and documented, so the
//! page's thread only puts markup in place.

mod client;
mod doc_html;
mod html;
mod import;
mod link;
mod markup;
mod overview;
mod sidebar;
mod view;
mod worker;

/// The view's styles, put in the page with its markup (the page's own CSS does not carry them).
const STYLE: &str = include_str!("../../style/reference.css");

/// In the page, the view; in its worker, the reader.
pub fn start() {
    if web_sys::window().is_some() {
        view::start();
    } else {
        worker::start();
    }
}

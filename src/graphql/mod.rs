//! The GraphQL bundle: the Body tab's GraphQL editor (query, variables, operation), the schema explorer,
//! validation and completion. A wasm module of its own (`src/bin/graphql.rs`), imported by index.html the
//! first time the editor shows, so none of it weighs on the page.

pub fn start() {
    console_error_panic_hook::set_once();
}

//! Entry point of the GraphQL bundle (the query editor, the schema explorer, validation and completion),
//! built by trunk as a wasm module of its own and imported by index.html on first use.

use wasm_bindgen::prelude::*;

fn main() {
    reqlab_web::graphql::start();
}

/// A `<reqlab-graphql>` was put in the page: draw the editor in it.
#[wasm_bindgen]
pub fn mount() {
    reqlab_web::graphql::mount();
}

/// An answer arrived: mark its errors in the query.
#[wasm_bindgen]
pub fn answered() {
    reqlab_web::graphql::answered();
}

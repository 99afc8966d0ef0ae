//! Entry point of the workflow bundle (tests, the answer's filter and diff, the runner), built by trunk as a
//! wasm module of its own and imported by index.html on first use.

use wasm_bindgen::prelude::*;

fn main() {
    reqlab_web::workflow::start();
}

/// An answer arrived: check it, and let the tools follow it.
#[wasm_bindgen]
pub fn answered() {
    reqlab_web::workflow::answered();
}

/// The latest answer's verdict, which History keeps with the send.
#[wasm_bindgen]
pub fn verdict() -> String {
    reqlab_web::workflow::verdict()
}

/// The answer's "Filter & compare" button was pressed.
#[wasm_bindgen]
pub fn tools() {
    reqlab_web::workflow::tools();
}

/// A "Run" button was pressed (its `data-run`).
#[wasm_bindgen]
pub fn runner(target: String) {
    reqlab_web::workflow::runner(&target);
}

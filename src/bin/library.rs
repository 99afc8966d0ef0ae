//! Entry point of the library module (draft autosave, history, collections, examples, share links and
//! embeds), built by trunk as a wasm of its own and started by index.html once the page is interactive.

fn main() {
    reqlab_web::library::start();
}

//! Entry point of the API reference (the view in the page, and its worker), built by trunk as a wasm
//! module of its own and imported by index.html when the address holds `#spec=`.

fn main() {
    reqlab_web::reference::start();
}

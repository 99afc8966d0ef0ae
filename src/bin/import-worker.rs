//! Entry point of the import worker (a web worker, built by trunk as its own wasm and started by the page
//! on its first import question): reads curl commands, HAR files and Postman collections. See
//! `protocol` and `workers::import`.

fn main() {
    reqlab_web::workers::serve(reqlab_web::workers::import::answer_import);
}

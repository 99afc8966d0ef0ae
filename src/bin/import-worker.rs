//! Entry point of the import worker (a web worker, built by trunk as its own wasm and started by the page
//! on its first import question): reads curl commands, HAR files and Postman collections. See
//! `worker::protocol` and `worker::import`.

fn main() {
    reqlab_web::worker::serve(reqlab_web::worker::protocol::answer_import);
}

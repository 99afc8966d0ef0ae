//! Entry point of the snippet worker (a web worker, built by trunk as its own wasm): answers each message
//! from the page with the snippet it asks for. See `protocol`.

fn main() {
    reqlab_web::workers::serve(reqlab_web::workers::snippet::answer);
}

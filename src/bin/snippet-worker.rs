//! Entry point of the snippet worker (a web worker, built by trunk as its own wasm): answers each message
//! from the page with the snippet it asks for. See `worker::protocol`.

fn main() {
    reqlab_web::worker::serve(reqlab_web::worker::protocol::answer);
}

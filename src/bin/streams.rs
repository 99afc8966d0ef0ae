//! Entry point of the live view (streamed responses and WebSocket), built by trunk as a wasm module of its
//! own and imported by index.html on the first stream or socket.

fn main() {
    reqlab_web::streams::start();
}

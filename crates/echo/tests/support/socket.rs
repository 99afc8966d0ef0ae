//! Helpers shared by the real-socket WebSocket tests: a server on a free loopback port, a handshake offering
//! subprotocols, and reading the next message or the close frame with a deadline.

use futures_util::StreamExt;
use reqlab_echo::{serve, Config};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::Message;

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Serves `config` on a free loopback port for the rest of the test.
pub async fn start(config: Config) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(serve(listener, config, std::future::pending()));
    addr
}

pub async fn next(socket: &mut Socket) -> Message {
    tokio::time::timeout(Duration::from_secs(5), socket.next())
        .await
        .expect("a message in time")
        .expect("the socket is open")
        .expect("a good frame")
}

/// Reads until the server's close frame and returns its code and reason.
pub async fn close_of(socket: &mut Socket) -> (u16, String) {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a close in time")
        {
            Some(Ok(Message::Close(Some(frame)))) => {
                return (u16::from(frame.code), frame.reason.to_string())
            }
            Some(Ok(Message::Close(None))) => return (1005, String::new()),
            Some(Ok(_)) => continue,
            Some(Err(err)) => panic!("no close frame: {err}"),
            None => panic!("closed without a close frame"),
        }
    }
}

/// A handshake offering `protocols` (as one `Sec-WebSocket-Protocol` value; none when empty), and the one
/// the server chose.
pub async fn connect_offering(url: &str, protocols: &str) -> (Socket, Option<String>) {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = url.into_client_request().expect("request");
    if !protocols.is_empty() {
        request.headers_mut().insert(
            "sec-websocket-protocol",
            protocols.parse().expect("a header value"),
        );
    }
    let (socket, response) = tokio_tungstenite::connect_async(request)
        .await
        .expect("handshake");
    let chosen = response
        .headers()
        .get("sec-websocket-protocol")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (socket, chosen)
}

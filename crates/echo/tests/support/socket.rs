//! Helpers shared by the real-socket WebSocket tests: a server on a free loopback port, and reading the next
//! message or the close frame with a deadline.

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

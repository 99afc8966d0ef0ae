//! A real reqlab-echo on a loopback port, wrapped so that every request is recorded as it arrived.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use reqlab_echo::{app, Config};
use std::sync::{Arc, Mutex};

/// What arrived at the server, before any handler looked at it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path_and_query: String,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
    /// The status the server answered with (a Digest challenge's 401, for one).
    pub status: u16,
}

/// The requests recorded since the last `take`.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<Received>>>);

impl Log {
    pub fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

async fn record(State(log): State<Log>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let received = Received {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.as_bytes().to_vec()))
            .collect(),
        body: body.to_vec(),
        status: 0,
    };
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    // Recorded once the handler has answered (before the body is sent), so the status is known.
    log.0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Received {
            status: response.status().as_u16(),
            ..received
        });
    response
}

/// Starts reqlab-echo with its default configuration on a free loopback port; returns its base URL
/// (`http://127.0.0.1:PORT`) and the log of what it receives. The server lives as long as the runtime.
pub async fn start() -> (String, Log) {
    let log = Log::default();
    let router = app(Config::default()).layer(middleware::from_fn_with_state(log.clone(), record));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (base, log)
}

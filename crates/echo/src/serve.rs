//! Runs the router on a listener with the limits that only exist at the connection level: a real timer on
//! reading the request head (axum::serve has none), hyper's own head size and count caps, and a cap on open
//! connections. Each connection's reads are also recorded so `/dump/request` can show the raw head. A
//! connection upgraded to WebSocket keeps its place under the cap until it closes.

use crate::raw::{RawHead, RawLog, Recording};
use crate::{app, Config};
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

/// Sent to a connection over the cap, which is then closed: clearer for a client than a silent hang.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n\
content-length: 44\r\nretry-after: 1\r\nconnection: close\r\nx-content-type-options: nosniff\r\n\r\n\
Too many open connections; try again later.\n";

/// Serves until `shutdown` completes. Connections already open are dropped at that point.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let router = app(config.clone());
    let permits = Arc::new(Semaphore::new(config.max_connections));
    // hyper's read buffer must hold a whole head; its size is also hyper's head size cap (431 above it).
    let buffer = config.max_header_bytes.saturating_add(1024).max(8192);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_read_timeout)
        .max_headers(config.max_header_count.max(1))
        .max_buf_size(buffer);
    let http = Arc::new(http);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Usually out of file descriptors: back off instead of spinning.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => return Ok(()),
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::warn!(%peer, limit = config.max_connections, "connection refused: too many open");
            tokio::spawn(refuse(stream));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let log = RawLog::new(buffer * 2);
        // The permit travels with the socket: an upgraded connection outlives `serve_connection`.
        let io = TokioIo::new(Recording::new(Holding::new(stream, permit), log.clone()));
        let router = router.clone();
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let mut request = request;
            keep_raw_head(&log, &mut request);
            request.extensions_mut().insert(ConnectInfo(peer));
            let (method, path) = (request.method().clone(), request.uri().path().to_string());
            let started = Instant::now();
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await;
                if let Ok(response) = &response {
                    tracing::debug!(%peer, %method, path, status = response.status().as_u16(),
                        micros = started.elapsed().as_micros() as u64, "request");
                }
                response
            }
        });
        let http = http.clone();
        tokio::spawn(async move {
            if let Err(err) = http.serve_connection(io, service).with_upgrades().await {
                // Header read timeouts and clients hanging up land here; they are routine.
                tracing::debug!(%peer, error = %err, "connection ended");
            }
        });
    }
}

/// Paths that show the head as it came: `/dump/request`, and `/graphql`'s `request { headers }`.
const SHOWS_RAW_HEAD: [&str; 2] = ["/dump/request", "/graphql"];

/// Claims this request's head from the connection log; keeps the bytes only where they are shown.
fn keep_raw_head(log: &RawLog, request: &mut hyper::Request<Incoming>) {
    let target = match request.uri().path_and_query() {
        Some(pq) if request.uri().scheme().is_none() => pq.as_str().to_string(),
        _ => request.uri().to_string(),
    };
    let line = format!("{} {target} ", request.method());
    let keep = SHOWS_RAW_HEAD.contains(&request.uri().path());
    if let Some(head) = log.take_head(line.as_bytes(), keep) {
        request.extensions_mut().insert(RawHead(head));
    }
}

async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let _ = stream.write_all(BUSY).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// A socket that holds its connection's place under the cap for as long as it exists.
struct Holding<S> {
    inner: S,
    _permit: OwnedSemaphorePermit,
}

impl<S> Holding<S> {
    fn new(inner: S, permit: OwnedSemaphorePermit) -> Self {
        Holding {
            inner,
            _permit: permit,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Holding<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Holding<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

//! The request head exactly as it came off the wire. hyper hands handlers a parsed, lower-cased header map,
//! so the connection's reads are also copied into a small per-connection log, and each request takes its own
//! head (request line, headers in order and case) back out of it.

use bytes::Bytes;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The raw head of the current request, put in its extensions by the serve loop.
#[derive(Clone, Debug)]
pub struct RawHead(pub Bytes);

/// What a connection has read and no request has claimed yet, capped so a long upload cannot grow it.
#[derive(Clone)]
pub struct RawLog {
    inner: Arc<Mutex<Vec<u8>>>,
    cap: usize,
}

impl RawLog {
    /// `cap` must be at least hyper's read buffer size, so a head just parsed is always still here. The log
    /// keeps at least the newest `cap` bytes and never more than twice that.
    pub fn new(cap: usize) -> Self {
        RawLog {
            inner: Arc::default(),
            cap,
        }
    }

    fn record(&self, bytes: &[u8]) {
        if let Ok(mut log) = self.inner.lock() {
            log.extend_from_slice(bytes);
            // Trim in bulk, down to the newest `cap` bytes, so a long upload costs one move per `cap` read.
            if log.len() > self.cap * 2 {
                let excess = log.len() - self.cap;
                log.drain(..excess);
            }
        }
    }

    /// Finds the head starting with `request_line` (e.g. `GET /x HTTP/1.1`), forgets everything up to its
    /// end, and returns it when `keep` is set. Bytes before it are the previous request's body.
    pub fn take_head(&self, request_line: &[u8], keep: bool) -> Option<Bytes> {
        let mut log = self.inner.lock().ok()?;
        let start = find(&log, request_line)?;
        let end = start + find(&log[start..], b"\r\n\r\n")? + 4;
        let head = keep.then(|| Bytes::copy_from_slice(&log[start..end]));
        log.drain(..end);
        // An idle keep-alive connection should not hold on to the room an earlier upload needed.
        if log.capacity() > 16 * 1024 && log.len() < 4 * 1024 {
            log.shrink_to(4 * 1024);
        }
        head
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A stream whose reads are also written to a `RawLog`.
pub struct Recording<S> {
    inner: S,
    log: RawLog,
}

impl<S> Recording<S> {
    pub fn new(inner: S, log: RawLog) -> Self {
        Recording { inner, log }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Recording<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = result {
            self.log.record(&buf.filled()[before..]);
        }
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recording<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_taken_in_order_past_earlier_bodies() {
        let log = RawLog::new(1024);
        log.record(b"POST /a HTTP/1.1\r\nX-One: 1\r\nContent-Length: 3\r\n\r\nabc");
        log.record(b"GET /dump/request HTTP/1.1\r\nX-Case: Two\r\n\r\n");
        let first = log.take_head(b"POST /a HTTP/1.1", false);
        assert!(first.is_none(), "not kept when not asked for");
        let second = log
            .take_head(b"GET /dump/request HTTP/1.1", true)
            .expect("second head");
        assert_eq!(
            &second[..],
            b"GET /dump/request HTTP/1.1\r\nX-Case: Two\r\n\r\n"
        );
    }

    #[test]
    fn the_log_stays_under_its_cap() {
        let log = RawLog::new(32);
        for _ in 0..10 {
            log.record(&[b'x'; 10]);
            let len = log.inner.lock().map(|l| l.len()).unwrap_or(0);
            assert!(len <= 64, "{len}");
        }
        log.record(b"GET / HTTP/1.1\r\n\r\n");
        assert!(
            log.take_head(b"GET / ", true).is_some(),
            "the newest bytes are kept"
        );
    }
}

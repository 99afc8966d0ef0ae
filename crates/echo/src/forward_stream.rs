//! Streamed forwarding (`"stream": true` in a `/forward` request): for SSE and other bodies that arrive
//! over time. The answer is `application/octet-stream`: first the envelope (`/forward`'s JSON without the
//! body fields) on one line ending in LF, then the upstream body's bytes, raw, each piece passed on as it
//! arrives. A body over the size cap, or silent longer than the forwarding timeout, is cut off: the chunked
//! answer then ends without its last chunk, so the client sees an error rather than a short body.

use crate::forward::Head;
use crate::sse::no_buffering;
use axum::{
    body::{Body, Bytes},
    http::{header, HeaderValue},
    response::Response,
};
use futures_util::{stream, StreamExt};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use std::time::Duration;

pub fn respond(head: &Head, incoming: Incoming, max_bytes: usize, idle: Duration) -> Response {
    let mut first = match serde_json::to_vec(head) {
        Ok(line) => line,
        Err(err) => {
            return crate::reply::plain(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                &format!("The envelope could not be written: {err}."),
            )
        }
    };
    first.push(b'\n');
    let body = stream::once(async move { Ok(Bytes::from(first)) })
        .chain(relayed(incoming, max_bytes, idle));
    let mut response = Response::new(Body::from_stream(body));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    no_buffering(headers);
    response
}

/// The upstream body's data, piece by piece, ending in an error past the caps.
fn relayed(
    incoming: Incoming,
    max_bytes: usize,
    idle: Duration,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send {
    stream::unfold(Some((incoming, 0usize)), move |state| async move {
        let (mut body, sent) = state?;
        loop {
            let frame = match tokio::time::timeout(idle, body.frame()).await {
                Err(_) => {
                    return Some((
                        Err(cut(format!("nothing for {} s", idle.as_secs_f64()))),
                        None,
                    ))
                }
                Ok(None) => return None,
                Ok(Some(Err(err))) => {
                    return Some((
                        Err(cut(format!("the upstream body broke off: {err}"))),
                        None,
                    ))
                }
                Ok(Some(Ok(frame))) => frame,
            };
            // Trailers carry no body bytes.
            let Ok(data) = frame.into_data() else {
                continue;
            };
            let sent = sent + data.len();
            if sent > max_bytes {
                return Some((
                    Err(cut(format!("the body is over {max_bytes} bytes"))),
                    None,
                ));
            }
            return Some((Ok(data), Some((body, sent))));
        }
    })
}

fn cut(why: String) -> std::io::Error {
    tracing::info!(reason = %why, "streamed forward cut off");
    std::io::Error::other(why)
}

//! Send stage: reads a response body as a stream, reporting progress and stopping at a size cap, so a huge
//! body never has to fit in memory twice and the page can show how far it got.

use super::send::{next_tick, now_ms};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader};

/// Bodies larger than this are cut (the user can raise it); 256 MiB keeps a tab well inside its memory.
pub const DEFAULT_BODY_CAP: usize = 256 * 1024 * 1024;

/// How much of the body has arrived, and of how much (from Content-Length, when the server sent one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

/// A task that has copied chunks this long gives the browser a turn: when a large body is already queued,
/// each `read()` resolves within the same task, which would otherwise run until the body ends.
const TASK_MS: f64 = 8.0;
/// Progress is reported at most this often; each report re-renders the progress bar.
const PROGRESS_MS: f64 = 50.0;

/// Reads the stream to its end or to `cap` bytes; returns the bytes and whether they were cut.
pub async fn read_body(
    stream: ReadableStream,
    total: Option<u64>,
    cap: usize,
    on_progress: &dyn Fn(Progress),
) -> Result<(Vec<u8>, bool), JsValue> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::with_capacity(total.map_or(64 * 1024, |t| (t as usize).min(cap)));
    let mut task_started = now_ms();
    let mut reported = f64::MIN;
    loop {
        if now_ms() - task_started > TASK_MS {
            next_tick().await;
            task_started = now_ms();
        }
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok((body, false));
        }
        let bytes: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))?.unchecked_into();
        let room = cap.saturating_sub(body.len());
        let take = (bytes.length() as usize).min(room);
        let start = body.len();
        body.resize(start + take, 0);
        bytes.subarray(0, take as u32).copy_to(&mut body[start..]);
        if now_ms() - reported > PROGRESS_MS {
            reported = now_ms();
            on_progress(Progress {
                received: body.len() as u64,
                total,
            });
        }
        if take < bytes.length() as usize {
            let _ = JsFuture::from(reader.cancel()).await;
            return Ok((body, true));
        }
    }
}

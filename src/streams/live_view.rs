//! Render stage for a streamed response: while the body arrives, its events (`text/event-stream`), its
//! JSON records (NDJSON, JSON Lines, json-seq) or, for any other body that takes its time, its chunks with
//! the body so far, one row each, counted, with the rate; parsed by `reqlab_core::stream` as they come.

use super::bridge::{self, Piece};
use super::log_view::{Log, LogView};
use super::markup::live_id as id;
use super::now;
use super::store::Row;
use crate::dom::document::{by_id, listen, set_hidden, set_text, value};
use reqlab_core::stream::kind::{stream_kind, StreamKind};
use reqlab_core::stream::records::{Record, RecordSplitter};
use reqlab_core::stream::sse::{SseEvent, SseParser};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::AbortController;

/// How long EventSource waits before reconnecting when the stream named no `retry`.
const DEFAULT_RETRY_MS: u64 = 3_000;

/// How much of a body that is neither events nor records the panel shows as text while it arrives (the
/// page shows all of it when it ends; index.html queues no more than this).
const SHOWN_BODY: usize = 64 * 1024;

/// What turns bytes into rows.
enum Reader {
    Events(SseParser),
    Records(RecordSplitter),
    Chunks { shown: Vec<u8> },
}

/// Where the body stands.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Arriving,
    Ended,
    Broken,
}

struct Stream {
    reader: Reader,
    stage: Stage,
    /// Rows made (kept or dropped), bytes received, and when the last piece came (ms since the send).
    count: u64,
    bytes: u64,
    last_t: f64,
    note: Option<String>,
    /// This stream's number: a piece of an earlier stream (still reading) is ignored.
    generation: u32,
    /// When the send started, on the page's clock.
    t0: f64,
    /// The user cancelled it: no reconnection.
    cancelled: bool,
    watched: JsReader,
}

/// The live copy's reader, to stop it when the next stream replaces it.
struct JsReader(wasm_bindgen::JsValue);

pub struct LiveView {
    log: Log,
    stream: RefCell<Option<Stream>>,
    generation: Cell<u32>,
    /// The reconnection under way, to stop it.
    reconnecting: RefCell<Option<AbortController>>,
}

pub type Live = Rc<LiveView>;

impl LiveView {
    pub fn new() -> Live {
        let live = Rc::new(LiveView {
            log: LogView::new("live"),
            stream: RefCell::default(),
            generation: Default::default(),
            reconnecting: RefCell::default(),
        });
        let view = live.clone();
        live.log.after_each_frame(move || view.draw_stats());
        if let Some(cap) = by_id(id::CAP) {
            let view = live.clone();
            listen(&cap, "change", move |_| {
                if let Ok(cap) = value(id::CAP).trim().parse::<usize>() {
                    view.log
                        .kept
                        .borrow_mut()
                        .set_cap(cap.clamp(100, 10_000_000));
                    view.log.redraw();
                }
            });
        }
        if let Some(option) = by_id(id::RECONNECT) {
            let view = live.clone();
            listen(&option, "change", move |_| {
                if crate::dom::document::checked(id::RECONNECT) {
                    let ended = view
                        .stream
                        .borrow()
                        .as_ref()
                        .is_some_and(|s| s.stage != Stage::Arriving);
                    if ended {
                        view.reconnect(view.generation.get());
                    }
                } else {
                    view.stop_reconnecting();
                }
            });
        }
        live
    }

    /// Takes the body index.html watches, if there is a new one, and shows it from its first piece.
    pub fn take(self: &Rc<Self>) {
        let Some(watched) = bridge::take_stream() else {
            return;
        };
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        if let Some(old) = self.stream.borrow_mut().take() {
            bridge::stop(&old.watched.0);
        }
        let kind = stream_kind(&watched.content_type);
        let (title, reader) = match kind {
            StreamKind::Events => ("Events", Reader::Events(SseParser::new())),
            StreamKind::Records(framing) => {
                ("Records", Reader::Records(RecordSplitter::new(framing)))
            }
            StreamKind::Chunks => ("Chunks", Reader::Chunks { shown: Vec::new() }),
        };
        set_text(id::TITLE, title);
        set_attr(id::ROWS, "aria-label", title);
        set_attr(
            id::DETAIL,
            "aria-label",
            &format!("Selected {}", title.to_lowercase()),
        );
        set_attr(
            id::FILTER,
            "placeholder",
            if kind == StreamKind::Events {
                "Event name or text"
            } else {
                "Text"
            },
        );
        set_hidden(id::RECONNECT_ROW, kind != StreamKind::Events);
        set_hidden(id::NOTE, true);
        self.log.clear();
        *self.stream.borrow_mut() = Some(Stream {
            reader,
            stage: Stage::Arriving,
            count: 0,
            bytes: 0,
            last_t: 0.0,
            note: None,
            generation,
            t0: watched.t0,
            cancelled: false,
            watched: JsReader(watched.reader.clone()),
        });
        set_hidden(id::PANEL, false);
        let view = self.clone();
        watched.attach(move |piece| view.piece(generation, piece));
    }

    /// A new send started: this panel's stream is over (the next one, if any, replaces it).
    pub fn hide(&self) {
        self.stop_reconnecting();
        if let Some(old) = self.stream.borrow_mut().take() {
            bridge::stop(&old.watched.0);
        }
        set_hidden(id::PANEL, true);
    }

    fn piece(self: &Rc<Self>, generation: u32, piece: Piece) {
        let mut rows = Vec::new();
        let retry = {
            let mut stream = self.stream.borrow_mut();
            let Some(stream) = stream.as_mut().filter(|s| s.generation == generation) else {
                return;
            };
            stream.read(piece, &mut rows);
            stream.retry_after()
        };
        let mut kept = self.log.kept.borrow_mut();
        for row in rows {
            kept.push(row);
        }
        drop(kept);
        self.log.redraw();
        if let Some(ms) = retry.filter(|_| crate::dom::document::checked(id::RECONNECT)) {
            let view = self.clone();
            crate::dom::document::after(ms.min(i32::MAX as u64) as i32, move || {
                if crate::dom::document::checked(id::RECONNECT) {
                    view.reconnect(generation);
                }
            });
        }
    }

    /// Sends the request again with `Last-Event-ID`, its events joining this stream's.
    fn reconnect(self: &Rc<Self>, generation: u32) {
        let Some(controller) = AbortController::new().ok() else {
            return;
        };
        let (t0, last_id) = {
            let mut stream = self.stream.borrow_mut();
            let Some(stream) = stream
                .as_mut()
                .filter(|s| s.generation == generation && s.stage != Stage::Arriving)
            else {
                return;
            };
            stream.stage = Stage::Arriving;
            stream.note = None;
            let last_id = match &stream.reader {
                Reader::Events(parser) => parser.last_event_id().to_string(),
                _ => return,
            };
            (stream.t0, last_id)
        };
        let Some(draft) = bridge::asked() else { return };
        let clock = move || now() - t0;
        let shown_id = if last_id.is_empty() {
            "none yet".to_string()
        } else {
            last_id.clone()
        };
        self.log.push(Row {
            t: clock(),
            name: "·".into(),
            text: format!("reconnecting with Last-Event-ID: {shown_id}"),
            ..Row::default()
        });
        let signal = controller.signal();
        self.stop_reconnecting();
        *self.reconnecting.borrow_mut() = Some(controller);
        let view = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let take = {
                let view = view.clone();
                move |piece| view.piece(generation, piece)
            };
            super::reconnect::reconnect(&draft, &last_id, &signal, clock, take).await;
        });
    }

    fn stop_reconnecting(&self) {
        if let Some(controller) = self.reconnecting.borrow_mut().take() {
            controller.abort();
        }
    }

    fn draw_stats(&self) {
        let stream = self.stream.borrow();
        let Some(stream) = stream.as_ref() else {
            return;
        };
        let noun = match stream.reader {
            Reader::Events(_) => "events",
            Reader::Records(_) => "records",
            Reader::Chunks { .. } => "chunks",
        };
        let seconds = stream.last_t / 1000.0;
        let rate = if seconds > 0.0 {
            stream.count as f64 / seconds
        } else {
            0.0
        };
        let stage = match stream.stage {
            Stage::Arriving => "arriving",
            Stage::Ended => "ended",
            Stage::Broken => "broken off",
        };
        set_text(
            id::STATS,
            &format!(
                "{} {noun} · {rate:.0}/s · {} · {seconds:.1} s · {stage}",
                stream.count,
                reqlab_core::render::size::describe(stream.bytes)
            ),
        );
        let kept = self.log.kept.borrow();
        let dropped = kept.dropped();
        let mut notes = Vec::new();
        if dropped > 0 {
            notes.push(format!(
                "{dropped} older {noun} were dropped to keep the latest {} (raise \"Keep at most\" to keep more).",
                kept.cap()
            ));
        }
        notes.extend(stream.note.clone());
        set_hidden(id::NOTE, notes.is_empty());
        set_text(id::NOTE, &notes.join(" "));
        if let Reader::Chunks { shown } = &stream.reader {
            self.log.show_detail(&String::from_utf8_lossy(shown));
        }
    }
}

impl Stream {
    fn read(&mut self, piece: Piece, rows: &mut Vec<Row>) {
        match piece {
            Piece::Bytes(t, bytes) => {
                self.last_t = t;
                self.bytes += bytes.len() as u64;
                self.rows_of(t, &bytes, rows);
            }
            Piece::Counted(t, size) => {
                self.last_t = t;
                self.bytes += size;
                self.count += 1;
                rows.push(chunk_row(t, size, self.bytes));
            }
            Piece::End(t) => {
                self.last_t = t;
                self.stage = Stage::Ended;
                self.finish(t, rows);
            }
            Piece::Broken(t, why) => {
                self.last_t = t;
                self.stage = Stage::Broken;
                self.cancelled = why.contains("Abort");
                self.note = Some(if self.cancelled {
                    "The request was cancelled: the stream stopped.".to_string()
                } else {
                    format!("The stream broke off: {why}")
                });
            }
        }
        self.count_rows(rows);
    }

    /// When an event stream that just ended (not by a cancel) would reconnect: its `retry`, or EventSource's
    /// usual wait.
    fn retry_after(&self) -> Option<u64> {
        match &self.reader {
            Reader::Events(parser) if self.stage != Stage::Arriving && !self.cancelled => {
                Some(parser.retry_ms().unwrap_or(DEFAULT_RETRY_MS))
            }
            _ => None,
        }
    }

    fn count_rows(&mut self, rows: &[Row]) {
        if !matches!(self.reader, Reader::Chunks { .. }) {
            self.count += rows.len() as u64;
        }
    }

    fn rows_of(&mut self, t: f64, bytes: &[u8], rows: &mut Vec<Row>) {
        match &mut self.reader {
            Reader::Events(parser) => {
                let mut events = Vec::new();
                parser.feed(bytes, &mut events);
                rows.extend(events.into_iter().map(|e| event_row(t, e)));
            }
            Reader::Records(splitter) => {
                let mut records = Vec::new();
                splitter.feed(bytes, &mut records);
                let first = self.count;
                rows.extend(
                    records
                        .into_iter()
                        .enumerate()
                        .map(|(at, r)| record_row(t, first + at as u64 + 1, r)),
                );
            }
            Reader::Chunks { shown } => {
                let room = SHOWN_BODY.saturating_sub(shown.len());
                shown.extend_from_slice(&bytes[..bytes.len().min(room)]);
                self.count += 1;
                rows.push(chunk_row(t, bytes.len() as u64, self.bytes));
            }
        }
    }

    fn finish(&mut self, t: f64, rows: &mut Vec<Row>) {
        match &mut self.reader {
            Reader::Events(parser) => {
                if parser.finish() {
                    self.note = Some(
                        "The stream ended in the middle of an event (no blank line after it): as EventSource does, \
                         that event was not dispatched."
                            .to_string(),
                    );
                }
            }
            Reader::Records(splitter) => {
                let mut records = Vec::new();
                splitter.finish(&mut records);
                let first = self.count;
                rows.extend(
                    records
                        .into_iter()
                        .enumerate()
                        .map(|(at, r)| record_row(t, first + at as u64 + 1, r)),
                );
            }
            Reader::Chunks { .. } => {}
        }
    }
}

fn event_row(t: f64, event: SseEvent) -> Row {
    Row {
        t,
        name: event.event,
        id: event.id,
        text: event.data,
        ..Row::default()
    }
}

fn record_row(t: f64, number: u64, record: Record) -> Row {
    Row {
        t,
        name: if record.error.is_some() {
            "not JSON".into()
        } else {
            "record".into()
        },
        id: format!("#{number}"),
        text: record.text,
        problem: record.error,
        ..Row::default()
    }
}

fn chunk_row(t: f64, size: u64, total: u64) -> Row {
    Row {
        t,
        name: reqlab_core::render::size::describe(size),
        id: format!("{} so far", reqlab_core::render::size::describe(total)),
        ..Row::default()
    }
}

fn set_attr(element_id: &str, name: &str, value: &str) {
    if let Some(element) = by_id(element_id) {
        let _ = element.set_attribute(name, value);
    }
}

//! Render stage for live streams: one log on screen (the rows, their filter, pause/follow, the selected
//! row's detail), the same for a stream's events, records and chunks and for a socket's messages. Drawn at
//! most once per animation frame however fast rows arrive.

use super::rows::VirtualRows;
use super::store::{Kept, Row, DEFAULT_CAP};
use crate::dom::document::{by_id, listen, set_text};
use reqlab_core::stream::records::pretty;
use reqlab_core::stream::socket::hex_dump;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent};

/// The most of a binary message the detail shows as hex.
const HEX_LIMIT: usize = 64 * 1024;

pub struct LogView {
    /// Prefix of the controls' ids: `{prefix}-rows`, `-spacer`, `-window`, `-detail`, `-filter`, `-follow`.
    prefix: &'static str,
    pub kept: RefCell<Kept>,
    rows: RefCell<Option<VirtualRows>>,
    scheduled: Cell<bool>,
    /// Drawn after the rows each frame: the owner's counters.
    after: RefCell<Option<Box<dyn Fn()>>>,
}

pub type Log = Rc<LogView>;

impl LogView {
    /// Wires the log whose markup is in the document under `prefix`.
    pub fn new(prefix: &'static str) -> Log {
        let log = Rc::new(LogView {
            prefix,
            kept: RefCell::new(Kept::new(DEFAULT_CAP)),
            rows: RefCell::new(VirtualRows::new(prefix)),
            scheduled: Cell::new(false),
            after: RefCell::default(),
        });
        log.wire();
        log
    }

    fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.prefix)
    }

    /// What to draw after the rows on each frame.
    pub fn after_each_frame(&self, draw: impl Fn() + 'static) {
        *self.after.borrow_mut() = Some(Box::new(draw));
    }

    fn wire(self: &Rc<Self>) {
        let Some(viewport) = self.rows.borrow().as_ref().map(|r| r.viewport().clone()) else {
            return;
        };
        let log = self.clone();
        listen(&viewport, "scroll", move |_| {
            // The user scrolled: following stops above the end and resumes at it.
            let at_end = log.rows.borrow().as_ref().is_some_and(VirtualRows::at_end);
            log.set_follow(at_end);
            log.redraw();
        });
        let log = self.clone();
        listen(&viewport, "click", move |ev: Event| {
            if let Some(seq) = ev.target().as_ref().and_then(VirtualRows::seq_at) {
                log.select(Some(seq));
            }
        });
        let log = self.clone();
        listen(&viewport, "keydown", move |ev: Event| {
            let Some(key) = ev.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                return;
            };
            let step = match key.as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                "PageDown" => 20,
                "PageUp" => -20,
                "Home" => isize::MIN / 2,
                "End" => isize::MAX / 2,
                _ => return,
            };
            ev.prevent_default();
            if let Some(rows) = log.rows.borrow_mut().as_mut() {
                rows.step(&log.kept.borrow(), step);
            }
            log.set_follow(false);
            log.show_selected();
            log.redraw();
        });
        if let Some(filter) = by_id(&self.id("filter")) {
            let log = self.clone();
            listen(&filter, "input", move |_| {
                let text = crate::dom::document::value(&log.id("filter"));
                log.kept.borrow_mut().set_filter(&text);
                log.redraw();
            });
        }
        if let Some(follow) = by_id(&self.id("follow")) {
            let log = self.clone();
            listen(&follow, "click", move |_| {
                let following = log.rows.borrow().as_ref().is_some_and(|r| r.follow);
                log.set_follow(!following);
                log.redraw();
            });
        }
    }

    /// Follows the newest row, or stays where the user is; the button says which it would do.
    pub fn set_follow(&self, follow: bool) {
        if let Some(rows) = self.rows.borrow_mut().as_mut() {
            rows.follow = follow;
        }
        if let Some(button) = by_id(&self.id("follow")) {
            button.set_text_content(Some(if follow { "Pause" } else { "Follow" }));
            let _ = button.set_attribute("aria-pressed", if follow { "false" } else { "true" });
        }
    }

    fn select(self: &Rc<Self>, seq: Option<u64>) {
        if let Some(rows) = self.rows.borrow_mut().as_mut() {
            rows.selected = seq;
        }
        self.show_selected();
        self.redraw();
    }

    fn show_selected(&self) {
        let selected = self.rows.borrow().as_ref().and_then(|r| r.selected);
        let kept = self.kept.borrow();
        if let Some(row) = selected.and_then(|seq| kept.get(seq)) {
            self.show_detail(&detail(row));
        }
    }

    /// Puts `text` in the detail pane (the selected row's, or the owner's own: a chunked body so far).
    pub fn show_detail(&self, text: &str) {
        set_text(&self.id("detail"), text);
    }

    pub fn push(self: &Rc<Self>, row: Row) {
        self.kept.borrow_mut().push(row);
        self.redraw();
    }

    /// Forgets every row and the selection.
    pub fn clear(self: &Rc<Self>) {
        self.kept.borrow_mut().clear();
        self.select(None);
        self.show_detail("");
        self.set_follow(true);
    }

    /// Asks for a draw on the next animation frame (once, however often asked before it).
    pub fn redraw(self: &Rc<Self>) {
        if self.scheduled.replace(true) {
            return;
        }
        let log = self.clone();
        let draw = Closure::once_into_js(move || {
            log.scheduled.set(false);
            if let Some(rows) = log.rows.borrow_mut().as_mut() {
                rows.render(&log.kept.borrow(), clock);
            }
            if let Some(after) = log.after.borrow().as_ref() {
                after();
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(draw.unchecked_ref());
        }
    }
}

/// A row's time: seconds since the start, to the millisecond.
pub fn clock(ms: f64) -> String {
    format!("+{:.3} s", ms / 1000.0)
}

/// The detail pane's text for a row: binary as a hex dump, JSON re-indented, a problem above the text.
pub fn detail(row: &Row) -> String {
    if let Some(bytes) = &row.bytes {
        return hex_dump(bytes, HEX_LIMIT);
    }
    let body = pretty(&row.text).unwrap_or_else(|| row.text.clone());
    match &row.problem {
        Some(problem) => format!("{problem}\n\n{body}"),
        None => body,
    }
}

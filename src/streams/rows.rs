//! Render stage for live streams: a list of many thousand rows drawn as only the rows in view (fixed row
//! height, one spacer as tall as all of them, the visible window moved into place), so 10,000 events a
//! second cost each frame the same few dozen elements. Follows the newest row until the user scrolls up.

use super::store::{Kept, Row};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Every row's height in CSS pixels; style/streams.css gives `.live-row` the same.
pub const ROW_PX: f64 = 24.0;

pub struct VirtualRows {
    viewport: HtmlElement,
    spacer: HtmlElement,
    window: HtmlElement,
    /// Row elements reused from frame to frame: each has four cells.
    pool: Vec<Element>,
    /// Keep the newest row in view.
    pub follow: bool,
    pub selected: Option<u64>,
}

impl VirtualRows {
    /// Over the viewport `#{prefix}-rows`, its spacer and window.
    pub fn new(prefix: &str) -> Option<VirtualRows> {
        let find = |part: &str| -> Option<HtmlElement> {
            crate::dom::document::by_id(&format!("{prefix}-{part}"))?
                .dyn_into()
                .ok()
        };
        Some(VirtualRows {
            viewport: find("rows")?,
            spacer: find("spacer")?,
            window: find("window")?,
            pool: Vec::new(),
            follow: true,
            selected: None,
        })
    }

    pub fn viewport(&self) -> &HtmlElement {
        &self.viewport
    }

    /// True when the viewport is scrolled to its end (within a row), where following resumes.
    pub fn at_end(&self) -> bool {
        let viewport = &self.viewport;
        f64::from(viewport.scroll_top() + viewport.client_height())
            >= f64::from(viewport.scroll_height()) - ROW_PX
    }

    /// Draws the rows in view; when following, scrolls to the newest first.
    pub fn render(&mut self, kept: &Kept, time: impl Fn(f64) -> String) {
        let total = kept.shown_len();
        let height = total as f64 * ROW_PX;
        let _ = self
            .spacer
            .style()
            .set_property("height", &format!("{height}px"));
        if self.follow {
            self.viewport.set_scroll_top(height as i32);
        }
        let top = f64::from(self.viewport.scroll_top());
        let first = (top / ROW_PX) as usize;
        let visible = (f64::from(self.viewport.client_height()) / ROW_PX).ceil() as usize + 1;
        let count = visible.min(total.saturating_sub(first));
        let _ = self.window.style().set_property(
            "transform",
            &format!("translateY({}px)", first as f64 * ROW_PX),
        );
        while self.pool.len() < count {
            let Some(row) = new_row() else { return };
            let _ = self.window.append_child(&row);
            self.pool.push(row);
        }
        for (at, element) in self.pool.iter().enumerate() {
            match kept.shown_at(first + at).filter(|_| at < count) {
                Some((seq, row)) => {
                    fill(element, seq, row, &time(row.t));
                    let chosen = self.selected == Some(seq);
                    let _ = element
                        .set_attribute("aria-selected", if chosen { "true" } else { "false" });
                    let _ = element.remove_attribute("hidden");
                }
                None => {
                    let _ = element.set_attribute("hidden", "");
                }
            }
        }
    }

    /// The `seq` of the row element an event happened in, if any.
    pub fn seq_at(target: &web_sys::EventTarget) -> Option<u64> {
        target
            .dyn_ref::<Element>()?
            .closest(".live-row")
            .ok()??
            .get_attribute("data-seq")?
            .parse()
            .ok()
    }

    /// Moves the selection `step` rows among those shown, and scrolls it into view.
    pub fn step(&mut self, kept: &Kept, step: isize) {
        let total = kept.shown_len();
        if total == 0 {
            return;
        }
        let now = (0..total).find(|at| kept.shown_at(*at).map(|(seq, _)| seq) == self.selected);
        let next = match now {
            Some(at) => at.saturating_add_signed(step).min(total - 1),
            None if step < 0 => total - 1,
            None => 0,
        };
        self.selected = kept.shown_at(next).map(|(seq, _)| seq);
        self.follow = false;
        let top = next as f64 * ROW_PX;
        let viewport = &self.viewport;
        let height = f64::from(viewport.client_height());
        let scrolled = f64::from(viewport.scroll_top());
        if top < scrolled {
            viewport.set_scroll_top(top as i32);
        } else if top + ROW_PX > scrolled + height {
            viewport.set_scroll_top((top + ROW_PX - height) as i32);
        }
    }
}

fn new_row() -> Option<Element> {
    let row = crate::dom::document::element("div", "")?;
    row.set_class_name("live-row");
    let _ = row.set_attribute("role", "option");
    for class in ["t", "n", "i", "x"] {
        let cell = crate::dom::document::element("span", "")?;
        cell.set_class_name(class);
        let _ = row.append_child(&cell);
    }
    Some(row)
}

fn fill(element: &Element, seq: u64, row: &Row, time: &str) {
    let _ = element.set_attribute("data-seq", &seq.to_string());
    let cells = element.children();
    for (at, text) in [time, &row.name, &row.id, one_line(&row.text)]
        .into_iter()
        .enumerate()
    {
        if let Some(cell) = cells.item(at as u32) {
            if cell.text_content().as_deref() != Some(text) {
                cell.set_text_content(Some(text));
            }
        }
    }
    let _ = element.set_attribute(
        "class",
        if row.problem.is_some() {
            "live-row bad"
        } else {
            "live-row"
        },
    );
}

/// The first line, cut to what a row can show: a row never lays out a megabyte of text.
fn one_line(text: &str) -> &str {
    let line = text.split(['\n', '\r']).next().unwrap_or_default();
    match line.char_indices().nth(300) {
        Some((cut, _)) => &line[..cut],
        None => line,
    }
}

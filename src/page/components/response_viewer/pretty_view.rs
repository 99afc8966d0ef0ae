//! Render stage UI: the pretty JSON view: highlighted rows, objects and arrays folded from a toggle at the
//! start of their first line, and search. Folding and search work on the formatted text as far as it is
//! formatted, so they are there from the first screen of a body of any size.
//!
//! The find bar is a static form (see `dom::form`); fold toggles are handled by one click handler on the
//! list (each toggle carries its line in `data-line`), and their arrow is drawn by CSS, so a row's text
//! is the line's text.

use super::body_view::{clip, now, SLICE_MS};
use super::json_highlight::highlight_json_line;
use super::pretty_json::{Formatting, PrettyJson};
use super::virtual_rows::{is_scaled, VirtualRows};
use crate::dom::form::{self, set_text};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::render::json::fold::{find_close, opens_container, Folds};
use reqlab_core::render::text_search::{Search, MAX_MATCHES};
use std::sync::Arc;
use wasm_bindgen::JsCast;

crate::controls! {
    /// The find bar's ids, as `FIND_BAR` spells them.
    mod id {
        FIND_TEXT = "find-text",
        FIND_PREVIOUS = "find-previous",
        FIND_NEXT = "find-next",
        FIND_STATUS = "find-status",
    } in FIND_BAR
}

const FIND_BAR: &str = concat!(
    r#"<input type="search" id="find-text" placeholder="Find" aria-label="Find in body" spellcheck="false">"#,
    r#"<button type="button" id="find-previous" aria-label="Previous match">↑</button>"#,
    r#"<button type="button" id="find-next" aria-label="Next match">↓</button>"#,
    r#"<span class="find-status" id="find-status" role="status" aria-live="polite"></span>"#,
);

/// Input searched per step; a slice takes steps until its time is up.
const SEARCH_STEP: usize = 256 * 1024;

/// Where the search stands, as the find bar shows it.
#[derive(Clone, Copy, Default, PartialEq)]
struct Found {
    /// Matches found so far.
    count: usize,
    /// The match shown, an index into the matches.
    current: Option<usize>,
    /// The whole text is searched (or the matches capped).
    done: bool,
}

/// The view's state. Plain stored values and one change counter rather than a signal of each type: every
/// signal type is its own generic code in the page, whose first load has a size budget.
#[derive(Clone, Copy)]
struct State {
    pretty: StoredValue<PrettyJson>,
    formatting: RwSignal<Formatting>,
    folds: StoredValue<Folds>,
    search: StoredValue<Search>,
    found: StoredValue<Found>,
    /// Bumped whenever `folds` or `found` change: what the rows and the find bar follow.
    changed: RwSignal<usize>,
    /// The row to scroll to (the current match's).
    scroll_to: RwSignal<Option<u32>>,
    /// Bumped by every new query, so the slices of a replaced search stop.
    generation: StoredValue<u32>,
    bar: NodeRef<Div>,
}

impl State {
    fn bump(&self) {
        self.changed.update(|v| *v = v.wrapping_add(1));
    }

    /// The line of the current match.
    fn current_line(&self) -> Option<usize> {
        let index = self.found.with_value(|f| f.current)?;
        let offset = self
            .search
            .with_value(|s| s.matches().get(index).copied())?;
        Some(self.pretty.with_value(|p| p.line_of(offset)))
    }

    /// Unfolds what hides the current match, scrolls to it and says where it is.
    fn show_current(&self) {
        if let Some(line) = self.current_line() {
            self.folds.update_value(|f| f.reveal(line));
            let row = self.folds.with_value(|f| f.row_of_line(line));
            self.scroll_to.set(row.and_then(|r| u32::try_from(r).ok()));
        }
        self.bump();
        self.show_status();
    }

    fn show_status(&self) {
        let Some(bar) = self.bar.get_untracked() else {
            return;
        };
        let Found {
            count,
            current,
            done,
        } = self.found.get_value();
        let status = if self.search.with_value(Search::is_empty_query) {
            String::new()
        } else if count == 0 {
            (if done { "No match" } else { "Searching…" }).to_string()
        } else {
            let more = if count >= MAX_MATCHES {
                "more than "
            } else {
                ""
            };
            let at = current.map_or(0, |c| c + 1);
            format!("{at} of {more}{count}{}", if done { "" } else { "…" })
        };
        set_text(&bar, id::FIND_STATUS, &status);
    }

    /// Moves to the next (or previous) match, around the ends.
    fn step_to(&self, forward: bool) {
        self.found.update_value(|f| {
            if f.count > 0 {
                f.current = Some(match (f.current, forward) {
                    (None, _) => 0,
                    (Some(c), true) => (c + 1) % f.count,
                    (Some(c), false) => (c + f.count - 1) % f.count,
                });
            }
        });
        self.show_current();
    }

    /// Folds or unfolds the container opened on `line` (once its closing line is formatted).
    fn toggle(&self, line: usize) {
        let close = self
            .folds
            .with_value(|f| f.collapsed_close(line))
            .or_else(|| {
                self.pretty.with_value(|p| {
                    // The last line may still be growing: only whole lines count.
                    let lines = p.line_count();
                    find_close(line, |n| (n + 1 < lines).then(|| p.line(n)))
                })
            });
        if let Some(close) = close {
            self.folds.update_value(|f| f.toggle(line, close));
            self.bump();
        }
    }
}

/// The formatted lines with folding and search; the list grows as formatting goes on.
pub fn pretty_view(pretty: StoredValue<PrettyJson>, formatting: RwSignal<Formatting>) -> AnyView {
    let state = State {
        pretty,
        formatting,
        folds: StoredValue::new(Folds::default()),
        search: StoredValue::new(Search::default()),
        found: StoredValue::new(Found::default()),
        changed: RwSignal::new(0),
        scroll_to: RwSignal::new(None),
        generation: StoredValue::new(0),
        bar: NodeRef::new(),
    };
    let count = Signal::derive(move || {
        formatting.track();
        state.changed.track();
        let lines = pretty.with_value(PrettyJson::line_count);
        state.folds.with_value(|f| f.row_count(lines))
    });
    let row = Arc::new(move |n: usize| {
        state.changed.track();
        let line = state.folds.with_value(|f| f.line_of_row(n));
        let collapsed = state.folds.with_value(|f| f.collapsed_close(line));
        let (text, tail) = pretty.with_value(|p| {
            let text = clip(&p.line(line)).into_owned();
            let tail = collapsed.map(|close| format!(" … {}", p.line(close).trim_start()));
            (text, tail)
        });
        let opens = opens_container(&text);
        let class = if state.current_line() == Some(line) {
            "row current-match"
        } else {
            "row"
        };
        let toggle = opens.then(|| {
            let expanded = if collapsed.is_some() { "false" } else { "true" };
            view! {
                <button
                    type="button"
                    class="fold"
                    data-line=line.to_string()
                    aria-expanded=expanded
                    aria-label=format!("Fold line {}", line + 1)
                ></button>
            }
        });
        view! {
            <div class=class>
                <span class="fold-gutter">{toggle}</span>
                {highlight_json_line(&text)}
                {tail.map(|tail| view! { <span class="folded">{tail}</span> })}
            </div>
        }
        .into_any()
    });
    let on_toggle = move |ev: web_sys::MouseEvent| {
        let line = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button.fold").ok().flatten())
            .and_then(|b| b.get_attribute("data-line"))
            .and_then(|l| l.parse::<usize>().ok());
        if let Some(line) = line {
            state.toggle(line);
        }
    };
    let on_input = move |ev: web_sys::Event| {
        if let Some(edit) = form::edit_of(&ev).filter(|e| e.id == id::FIND_TEXT) {
            state.generation.update_value(|g| *g = g.wrapping_add(1));
            state.search.set_value(Search::new(&edit.value));
            state.found.set_value(Found::default());
            state.show_current();
            search_in_slices(state, state.generation.get_value());
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| match form::edit_of(&ev).map(|e| e.id) {
        Some(clicked) if clicked == id::FIND_NEXT => state.step_to(true),
        Some(clicked) if clicked == id::FIND_PREVIOUS => state.step_to(false),
        _ => {}
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            state.step_to(!ev.shift_key());
        }
    };
    view! {
        <div
            class="find-bar"
            node_ref=state.bar
            inner_html=FIND_BAR
            on:input=on_input
            on:click=on_click
            on:keydown=on_keydown
        ></div>
        {move || is_scaled(count.get()).then(|| view! {
            <p class="note">
                {format!(
                    "{} lines: more than a browser can lay out at full height, so the scrollbar is scaled \
                     (a pixel of scrolling moves several lines).",
                    count.get()
                )}
            </p>
        })}
        <div on:click=on_toggle>
            <VirtualRows count row label="Response body" scroll_to=state.scroll_to/>
        </div>
    }
    .into_any()
}

/// Searches the formatted text in slices of about [`SLICE_MS`] with the browser free in between, until it
/// is all searched and formatted, the matches are capped, or a newer query replaced this one. The first
/// match found becomes the current one.
fn search_in_slices(state: State, generation: u32) {
    set_timeout(
        move || {
            if state.generation.try_get_value() != Some(generation) {
                return;
            }
            let started = now();
            let formatted = state.formatting.get_untracked().is_none();
            let Some(done) = state.pretty.try_with_value(|p| {
                state
                    .search
                    .try_update_value(|s| loop {
                        let done = s.step(p.formatted(), SEARCH_STEP);
                        if done || now() - started >= SLICE_MS {
                            break (done && formatted) || s.capped();
                        }
                    })
                    .unwrap_or(true)
            }) else {
                return;
            };
            let count = state.search.with_value(|s| s.matches().len());
            let first = state.found.with_value(|f| f.current.is_none()) && count > 0;
            state.found.update_value(|f| {
                f.count = count;
                f.done = done;
                if first {
                    f.current = Some(0);
                }
            });
            if first {
                state.show_current();
            } else {
                state.show_status();
            }
            if !done {
                search_in_slices(state, generation);
            }
        },
        std::time::Duration::ZERO,
    );
}

//! Render stage UI: a scrolling list that keeps only the visible rows in the DOM, so a body of millions of
//! lines renders as fast as one of fifty, and a list still growing (formatting in slices) can be scrolled.

use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Row height in pixels; the CSS of `.virtual-rows .row` must match. Integer on purpose: formatting a float
/// would pull the float printer (about 10 KB) into the page.
const ROW_PX: usize = 18;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 10;
/// Viewport height assumed before the first scroll event tells the real one (the list is 60vh tall: this
/// covers a 1440 px high window; every row more costs the first screen time).
const FIRST_SCREEN_PX: usize = 48 * ROW_PX;
/// Tallest spacer we lay out. Browsers stop growing an element somewhere between 17.8 million px (Firefox)
/// and 33.5 million px (Chromium); past this the scrollbar is scaled, so one pixel of scrolling moves more
/// than one row, rather than the end of a long body becoming unreachable.
const MAX_SPACE_PX: usize = 16_000_000;

/// `count` rows (it may grow) of which only the visible window is rendered, each by `row(n)`.
#[component]
pub fn VirtualRows(
    #[prop(into)] count: Signal<usize>,
    row: Arc<dyn Fn(usize) -> AnyView + Send + Sync>,
    /// Accessible name of the scrolling region.
    label: &'static str,
    /// A row to bring into view whenever this changes (a search's current match).
    #[prop(optional)]
    scroll_to: Option<RwSignal<Option<u32>>>,
) -> impl IntoView {
    let list = NodeRef::<leptos::html::Div>::new();
    if let Some(scroll_to) = scroll_to {
        Effect::new(move |_| {
            let (Some(row), Some(list)) = (scroll_to.get(), list.get()) else {
                return;
            };
            // On the next frame: the change that asked for the scroll (a fold opened to show the row)
            // may grow the list, and the spacer's new height is set by then.
            request_animation_frame(move || {
                // The view may be gone by then (another response).
                let Some(count) = count.try_get_untracked() else {
                    return;
                };
                let height = usize::try_from(list.client_height()).unwrap_or(0);
                let top = top_for_row(count, row as usize, height);
                list.set_scroll_top(i32::try_from(top).unwrap_or(i32::MAX));
                // The list itself may be below (or above) what the page shows: bring it into view, its
                // bottom at the window's bottom, without moving a list already in view.
                let rect = list.get_bounding_client_rect();
                let window_height = web_sys::window()
                    .and_then(|w| w.inner_height().ok())
                    .and_then(|h| h.as_f64())
                    .unwrap_or(f64::MAX);
                if rect.top() < 0.0 || rect.bottom() > window_height {
                    list.scroll_into_view_with_bool(false);
                }
            });
        });
    }
    // scrollTop and clientHeight in px, as of the last scroll event: two signals of a type the page has
    // anyway (a signal of the pair would add its own generic code). Effects run after both are set.
    let (top, height) = (RwSignal::new(0usize), RwSignal::new(FIRST_SCREEN_PX));
    let on_scroll = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        for (signal, now) in [(top, el.scroll_top()), (height, el.client_height())] {
            let now = usize::try_from(now).unwrap_or(0);
            if now != signal.get_untracked() {
                signal.set(now);
            }
        }
    };
    // (first row rendered, end, offset of the first rendered row in px), from the viewport and the count.
    // A memo, so rows are rebuilt only when the window moves, not each time formatting adds lines.
    let window = Memo::new(move |_| layout(count.get(), top.get(), height.get()));
    let space = move || count.get().saturating_mul(ROW_PX).min(MAX_SPACE_PX);
    // role="group": ARIA gives a plain div no name, so without a role the label is dropped (axe:
    // aria-prohibited-attr, once the body is empty); not "region", which would add a landmark per body.
    view! {
        <div class="virtual-rows" role="group" aria-label=label tabindex="0" on:scroll=on_scroll node_ref=list>
            <div class="virtual-space" style=move || format!("height: {}px", space())>
                <div
                    class="virtual-window"
                    style=move || format!("transform: translateY({}px)", window.get().2)
                >
                    {move || {
                        let (start, end, _) = window.get();
                        (start..end).map(|n| row(n)).collect_view()
                    }}
                </div>
            </div>
        </div>
    }
}

/// Whether `count` rows overflow the tallest spacer, so the scrollbar is scaled (the viewer says so).
pub fn is_scaled(count: usize) -> bool {
    count.saturating_mul(ROW_PX) > MAX_SPACE_PX
}

/// The scroll position that shows `row` a third of the way down a viewport `height` px tall.
fn top_for_row(count: usize, row: usize, height: usize) -> usize {
    let above = height / 3;
    let full = count.saturating_mul(ROW_PX);
    if full <= MAX_SPACE_PX {
        return (row * ROW_PX).saturating_sub(above);
    }
    // Scaled: the inverse of `layout`'s mapping from the scroll position to the first visible row.
    let range = MAX_SPACE_PX.saturating_sub(height).max(1) as u64;
    let rows = count.saturating_sub(height.div_ceil(ROW_PX)).max(1) as u64;
    let first = row.saturating_sub(above / ROW_PX) as u64;
    ((first * range).div_ceil(rows)).min(range) as usize
}

/// Which rows to render for a scroll position, and where the first of them goes.
fn layout(count: usize, top: usize, height: usize) -> (usize, usize, usize) {
    let visible = height.div_ceil(ROW_PX);
    let full = count.saturating_mul(ROW_PX);
    if full <= MAX_SPACE_PX {
        let first = top / ROW_PX;
        let start = first.saturating_sub(OVERSCAN).min(count);
        let end = (first + visible + OVERSCAN).min(count);
        return (start, end, start * ROW_PX);
    }
    // Scaled: the scroll range maps linearly onto the rows, and the first visible row is drawn at the top
    // of the viewport (rows snap instead of sliding by pixels).
    let range = MAX_SPACE_PX.saturating_sub(height).max(1) as u64;
    let rows = count.saturating_sub(visible) as u64;
    let first = ((top.min(range as usize) as u64 * rows) / range) as usize;
    let start = first.saturating_sub(OVERSCAN);
    let end = (first + visible + OVERSCAN).min(count);
    (start, end, top.saturating_sub((first - start) * ROW_PX))
}

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
) -> impl IntoView {
    // (scrollTop, clientHeight) in px, as of the last scroll event.
    let viewport = RwSignal::new((0usize, FIRST_SCREEN_PX));
    let on_scroll = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let now = (
            usize::try_from(el.scroll_top()).unwrap_or(0),
            usize::try_from(el.client_height()).unwrap_or(0),
        );
        if now != viewport.get_untracked() {
            viewport.set(now);
        }
    };
    // (first row rendered, end, offset of the first rendered row in px), from the viewport and the count.
    // A memo, so rows are rebuilt only when the window moves, not each time formatting adds lines.
    let window = Memo::new(move |_| {
        let (top, height) = viewport.get();
        layout(count.get(), top, height)
    });
    let space = move || count.get().saturating_mul(ROW_PX).min(MAX_SPACE_PX);
    view! {
        <div class="virtual-rows" aria-label=label tabindex="0" on:scroll=on_scroll>
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

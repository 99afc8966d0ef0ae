//! Render stage UI: a scrolling list that keeps only the visible rows in the DOM, so a body of millions of
//! lines renders as fast as one of fifty.

use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Row height in pixels; the CSS of `.virtual-rows .row` must match. Integer on purpose: formatting a float
/// would pull the float printer (about 10 KB) into the page.
const ROW_PX: usize = 18;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 30;
/// Rows rendered before the first scroll event tells the real viewport height.
const FIRST_SCREEN: usize = 80;

/// `count` rows of which only the visible window is rendered, each by `row(n)`.
#[component]
pub fn VirtualRows(
    count: usize,
    row: Arc<dyn Fn(usize) -> AnyView + Send + Sync>,
    /// Accessible name of the scrolling region.
    label: &'static str,
) -> impl IntoView {
    let window = RwSignal::new((0usize, FIRST_SCREEN.min(count)));
    let on_scroll = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let first = usize::try_from(el.scroll_top()).unwrap_or(0) / ROW_PX;
        let visible = usize::try_from(el.client_height())
            .unwrap_or(0)
            .div_ceil(ROW_PX);
        let range = (
            first.saturating_sub(OVERSCAN),
            (first + visible + OVERSCAN).min(count),
        );
        if range != window.get_untracked() {
            window.set(range);
        }
    };
    view! {
        <div class="virtual-rows" aria-label=label tabindex="0" on:scroll=on_scroll>
            <div class="virtual-space" style=format!("height: {}px", count * ROW_PX)>
                <div
                    class="virtual-window"
                    style=move || format!("transform: translateY({}px)", window.get().0 * ROW_PX)
                >
                    {move || {
                        let (start, end) = window.get();
                        (start..end).map(|n| row(n)).collect_view()
                    }}
                </div>
            </div>
        </div>
    }
}

//! The Workspace sidebar: Collections, History and Environments as the panels of one tab list, beside the
//! editor on wide screens and over it on narrow ones. The toolbar's Workspace button shows and hides it;
//! whether it is shown, and which panel, are kept for the next visit.

use super::markup::id;
use super::store::SIDEBAR;
use super::Lib;
use crate::dom::document as dom;
use crate::dom::form::set_hidden_element;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// A panel of the sidebar.
#[derive(Clone, Copy, PartialEq)]
pub enum Panel {
    Collections,
    History,
    Environments,
}

impl Panel {
    const ALL: [Panel; 3] = [Panel::Collections, Panel::History, Panel::Environments];

    /// The panel's tab and the panel itself.
    fn ids(self) -> (&'static str, &'static str) {
        match self {
            Panel::Collections => (id::TAB_COLLECTIONS, id::COLLECTIONS),
            Panel::History => (id::TAB_HISTORY, id::HISTORY),
            Panel::Environments => (id::TAB_ENVIRONMENTS, id::ENVIRONMENTS),
        }
    }

    /// What the store keeps for it.
    fn name(self) -> &'static str {
        match self {
            Panel::Collections => "collections",
            Panel::History => "history",
            Panel::Environments => "environments",
        }
    }
}

/// Below this width the sidebar lies over the editor instead of beside it (as style in `markup::STYLE`).
const OVERLAY_BELOW_PX: f64 = 900.0;

/// Whether the sidebar lies over the editor: on a narrow screen, and beside an API reference (`#spec=`,
/// whose own sidebar and documentation take the columns; `style/reference.css` places it so).
fn is_overlay() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let narrow = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < OVERLAY_BELOW_PX);
    narrow
        || window
            .location()
            .hash()
            .is_ok_and(|h| h.starts_with("#spec="))
}

fn is_shown() -> bool {
    dom::by_id(id::SIDEBAR).is_some_and(|el| !el.has_attribute("hidden"))
}

/// Restores the sidebar as it was left (shown on a wide screen the first time), and wires its controls.
pub fn wire(lib: &Lib) {
    let kept = lib.store.get(SIDEBAR);
    let panel = Panel::ALL
        .into_iter()
        .find(|p| kept.as_deref().is_some_and(|k| k.ends_with(p.name())))
        .unwrap_or(Panel::Collections);
    let shown = match kept.as_deref() {
        Some(kept) => !kept.starts_with("hidden"),
        None => !is_overlay(),
    };
    select(lib, panel);
    set_shown(lib, shown && !is_overlay(), false);
    for panel in Panel::ALL {
        let on_tab = lib.clone();
        dom::on(panel.ids().0, "click", move |_| {
            select(&on_tab, panel);
            remember(&on_tab);
        });
    }
    let on_toggle = lib.clone();
    dom::on(id::WORKSPACE, "click", move |_| {
        set_shown(&on_toggle, !is_shown(), true);
        remember(&on_toggle);
    });
    let on_close = lib.clone();
    dom::on(id::SIDEBAR_CLOSE, "click", move |_| hide(&on_close));
    // Escape hides the sidebar when it lies over the editor, as a dialog would go.
    let on_escape = lib.clone();
    dom::on(id::SIDEBAR, "keydown", move |ev| {
        let escape = ev
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|key| key.key() == "Escape");
        if escape && is_overlay() && !ev.default_prevented() {
            hide(&on_escape);
        }
    });
}

fn hide(lib: &Lib) {
    set_shown(lib, false, false);
    remember(lib);
    dom::focus(id::WORKSPACE);
}

/// Shows the sidebar at `panel`, drawn afresh, with the focus on its tab.
pub fn show(lib: &Lib, panel: Panel) {
    select(lib, panel);
    set_shown(lib, true, false);
    dom::focus(panel.ids().0);
}

/// After an entry was opened into the editor: the sidebar stays beside it, but no longer covers it.
pub fn entry_opened(lib: &Lib) {
    if is_overlay() && is_shown() {
        hide(lib);
    }
}

/// Whether `panel` is the one in view, for views that redraw only what can be seen.
pub fn in_view(panel: Panel) -> bool {
    is_shown() && dom::by_id(panel.ids().1).is_some_and(|el| !el.has_attribute("hidden"))
}

fn set_shown(lib: &Lib, shown: bool, focus: bool) {
    let (Some(sidebar), Some(button)) = (dom::by_id(id::SIDEBAR), dom::by_id(id::WORKSPACE)) else {
        return;
    };
    let was_shown = !sidebar.has_attribute("hidden");
    set_hidden_element(&sidebar, !shown);
    let _ = button.set_attribute("aria-expanded", if shown { "true" } else { "false" });
    if shown {
        if let Some(panel) = Panel::ALL.into_iter().find(|&p| selected(p)) {
            // Drawn when it comes into view; a panel already in view was drawn as it was chosen.
            if !was_shown {
                draw(lib, panel);
            }
            if focus {
                dom::focus(panel.ids().0);
            }
        }
    }
}

fn selected(panel: Panel) -> bool {
    dom::by_id(panel.ids().0)
        .is_some_and(|tab| tab.get_attribute("aria-selected").as_deref() == Some("true"))
}

/// Makes `panel` the selected tab and its panel the one shown (the ARIA tabs pattern: one tab stop),
/// drawn if the sidebar is in view.
fn select(lib: &Lib, panel: Panel) {
    for other in Panel::ALL {
        let (tab, body) = other.ids();
        let chosen = other == panel;
        if let Some(tab) = dom::by_id(tab) {
            let _ = tab.set_attribute("aria-selected", if chosen { "true" } else { "false" });
            let _ = tab.set_attribute("tabindex", if chosen { "0" } else { "-1" });
        }
        dom::set_hidden(body, !chosen);
    }
    if is_shown() {
        draw(lib, panel);
    }
}

/// Draws a panel from what the library holds now.
fn draw(lib: &Lib, panel: Panel) {
    match panel {
        Panel::Collections => super::collections_view::render(lib),
        Panel::History => super::history_view::render(lib),
        Panel::Environments => super::environments_view::render(),
    }
}

/// Keeps "shown" or "hidden" and the panel, for the next visit.
fn remember(lib: &Lib) {
    let panel = Panel::ALL
        .into_iter()
        .find(|&p| selected(p))
        .unwrap_or(Panel::Collections);
    let state = if is_shown() { "shown" } else { "hidden" };
    // Not kept: the sidebar simply opens as it does on a first visit.
    let _ = lib.store.set(SIDEBAR, &format!("{state} {}", panel.name()));
}

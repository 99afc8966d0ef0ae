//! Request tabs: several requests open at once above the editor, each with its own request, the saved
//! request it came from and its last answer (`reqlab_core::library::tabs`). A tab shows its method and
//! name and a dot for unsaved edits; a click brings it to the front, a middle click, its ×, Delete on it or
//! Alt+W closes it (asking first when edits would be lost); Alt+N or "New" opens an empty one. The tabs are
//! kept, so they survive a reload.
//!
//! The editor holds one request at a time: bringing a tab to the front hands its request to the page as a
//! `ToPage::Restore`, whose `Shown` lets the page keep the full answer of the tab left for its return.

use super::markup::id;
use super::page;
use super::store::TABS;
use super::Lib;
use crate::dom::document as dom;
use crate::page::components::request_editor::id::URL as URL_FIELD;
use crate::protocol::library::{Draft, KeptAnswer, Shown};
use reqlab_core::library::history::HistoryEntry;
use reqlab_core::library::tabs::Tabs;
use reqlab_core::Request;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, MouseEvent};

/// Reads the kept tabs; damaged ones are set aside, and one empty tab opens.
pub fn restore(lib: &Lib) -> Option<String> {
    let (tabs, problem) = lib.read(TABS, "tabs", Tabs::from_json);
    if let Some(tabs) = tabs {
        *lib.tabs.borrow_mut() = tabs;
    }
    problem
}

/// The draft restored on load is the front tab's request: what the page is told about it.
pub fn shown_on_load(lib: &Lib, draft: &Draft) -> Shown {
    let mut tabs = lib.tabs.borrow_mut();
    let tab = tabs.active_mut();
    tab.request = draft.request.clone();
    tab.saved = draft.saved;
    Shown {
        leaving: Some(tab.id),
        tab: tab.id,
        answer: tab.answer.as_ref().map(kept),
    }
}

/// The front tab, for a quiet reload of the editor (another window's draft, a new active environment).
pub fn shown_now(lib: &Lib) -> Shown {
    let id = lib.tabs.borrow().active().id;
    Shown {
        leaving: Some(id),
        tab: id,
        answer: None,
    }
}

/// Puts the tab strip above the editor and wires it.
pub fn wire(lib: &Lib) {
    let Some(workspace) =
        dom::document().and_then(|d| d.query_selector("main.workspace").ok().flatten())
    else {
        return;
    };
    let _ = workspace.insert_adjacent_html("afterbegin", super::markup::TABS);
    // A first visit: the front tab is whatever the page opened with, unedited.
    if lib.store.get(super::store::DRAFT).is_none() {
        if let Some(draft) = page::edited() {
            let mut tabs = lib.tabs.borrow_mut();
            tabs.active_mut().request = draft.request;
        }
    }
    render(lib);
    if let Some(answer) = lib.tabs.borrow().active().answer.as_ref() {
        super::answer_view::show(lib, Some(answer), true);
    }
    let on_click = lib.clone();
    dom::on(id::TABS, "click", move |ev| {
        if let Some((index, close_it)) = tab_of(&ev) {
            if close_it {
                close(&on_click, index);
            } else if index != on_click.tabs.borrow().active {
                switch(&on_click, index);
            }
        }
    });
    // The middle button closes, as in a browser.
    let on_middle = lib.clone();
    dom::on(id::TABS, "auxclick", move |ev| {
        let middle = ev.dyn_ref::<MouseEvent>().is_some_and(|m| m.button() == 1);
        if let (true, Some((index, _))) = (middle, tab_of(&ev)) {
            ev.prevent_default();
            close(&on_middle, index);
        }
    });
    let on_delete = lib.clone();
    dom::on(id::TABS, "keydown", move |ev| {
        let delete = ev
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|k| k.key() == "Delete");
        if let (true, Some((index, _))) = (delete, tab_of(&ev)) {
            close(&on_delete, index);
        }
    });
    let on_new = lib.clone();
    dom::on(id::TAB_NEW, "click", move |_| new_tab(&on_new));
    let on_close = lib.clone();
    dom::on(id::TAB_CLOSE, "click", move |_| {
        let front = on_close.tabs.borrow().active;
        close(&on_close, front);
    });
    let on_key = lib.clone();
    dom::on_window("keydown", move |ev| {
        let Some(key) = ev.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        // By the key's place, not its character: Alt+N types a letter on a Mac.
        if !key.alt_key() || key.ctrl_key() || key.meta_key() {
            return;
        }
        match key.code().as_str() {
            "KeyN" => new_tab(&on_key),
            "KeyW" => {
                let front = on_key.tabs.borrow().active;
                close(&on_key, front);
            }
            _ => return,
        }
        ev.prevent_default();
    });
    let on_sending = lib.clone();
    dom::on_window("reqlab:sending", move |_| {
        let front = on_sending.tabs.borrow().active().id;
        on_sending.sending_tab.set(Some(front));
    });
}

/// The tab an event happened on (its index) and whether it was on its ×.
fn tab_of(ev: &web_sys::Event) -> Option<(usize, bool)> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let tab = target.closest("[role=tab]").ok().flatten()?;
    let index = tab.get_attribute("data-index")?.parse().ok()?;
    let on_close = target
        .closest(".library-tab-close")
        .ok()
        .flatten()
        .is_some();
    Some((index, on_close))
}

/// A send is under way: its answer belongs to the tab in front, which must stay there until it comes.
fn busy(lib: &Lib) -> bool {
    let busy = lib.sending_tab.get().is_some();
    if busy {
        super::notice("A request is on its way: wait for its answer, or cancel it (Escape), before changing tabs.");
    }
    busy
}

/// The editor's latest content into the front tab (edits are followed a moment after they happen).
fn keep_front(lib: &Lib) {
    if let Some(draft) = page::edited() {
        edited(lib, &draft);
    }
}

/// Brings tab `index` to the front.
pub fn switch(lib: &Lib, index: usize) {
    if busy(lib) {
        return render(lib);
    }
    keep_front(lib);
    let leaving = lib.tabs.borrow().active().id;
    lib.tabs.borrow_mut().activate(index);
    bring_front(lib, Some(leaving));
}

/// Hands the front tab's request to the page, with every environment as the editor has them.
fn bring_front(lib: &Lib, leaving: Option<u32>) {
    let Some(variables) = page::edited().map(|draft| draft.variables) else {
        return super::notice(page::NOT_KNOWN_YET);
    };
    let (draft, shown, answer) = {
        let tabs = lib.tabs.borrow();
        let tab = tabs.active();
        let draft = Draft {
            request: tab.request.clone(),
            variables,
            saved: tab.saved,
        };
        let shown = Shown {
            leaving,
            tab: tab.id,
            answer: tab.answer.as_ref().map(kept),
        };
        (draft, shown, tab.answer.clone())
    };
    let live = lib.live_answers.borrow().contains(&shown.tab);
    page::restore(&draft, shown);
    super::answer_view::show(lib, answer.as_ref(), !live);
    changed(lib);
}

/// Opens `request` in a tab of its own, with the saved request it is and the answer History kept for it,
/// if any. Opened from the sidebar (`reuse`), it takes the front tab's place if that one was never touched,
/// as a preview would.
fn open(
    lib: &Lib,
    request: Request,
    saved: Option<u64>,
    answer: Option<HistoryEntry>,
    reuse: bool,
) {
    if busy(lib) {
        return;
    }
    keep_front(lib);
    let (untouched, leaving) = {
        let tabs = lib.tabs.borrow();
        let front = tabs.active();
        let live = lib.live_answers.borrow().contains(&front.id);
        let untouched = !front.edited && front.saved.is_none() && front.answer.is_none() && !live;
        (reuse && untouched, front.id)
    };
    {
        let collections = lib.collections.borrow();
        let mut tabs = lib.tabs.borrow_mut();
        if untouched {
            let front = tabs.active_mut();
            front.request = request;
            front.saved = saved;
            front.answer = answer;
        } else {
            tabs.open(request, saved, answer, &collections);
        }
    }
    bring_front(lib, (!untouched).then_some(leaving));
}

/// Opens the saved request `saved`: its tab comes to the front if it is open already.
pub fn open_saved(lib: &Lib, saved: u64) {
    let open_at = lib.tabs.borrow().find_saved(saved);
    match open_at {
        Some(index) if index == lib.tabs.borrow().active => {}
        Some(index) => switch(lib, index),
        None => {
            let request = lib
                .collections
                .borrow()
                .get(saved)
                .map(|s| s.request.clone());
            if let Some(request) = request {
                open(lib, request, Some(saved), None, true);
            }
        }
    }
}

/// Opens a history entry in a tab, with the answer History kept.
pub fn open_history(lib: &Lib, entry: HistoryEntry) {
    open(lib, entry.request.clone(), None, Some(entry), true);
}

/// Opens an empty request, the focus in its URL field.
fn new_tab(lib: &Lib) {
    open(lib, Request::default(), None, None, false);
    dom::focus(URL_FIELD);
}

/// Closes tab `index`, asking first when it holds edits that are not saved.
fn close(lib: &Lib, index: usize) {
    let front = lib.tabs.borrow().active;
    if index == front {
        if busy(lib) {
            return;
        }
        keep_front(lib);
    }
    let asked = {
        let tabs = lib.tabs.borrow();
        let collections = lib.collections.borrow();
        tabs.open
            .get(index)
            .filter(|tab| tab.unsaved(&collections))
            .map(|tab| tab.label(&collections))
    };
    if let Some(label) = asked {
        let question = format!("“{label}” has edits that are not saved. Close it anyway?");
        let sure = web_sys::window().and_then(|w| w.confirm_with_message(&question).ok());
        if sure != Some(true) {
            return;
        }
    }
    lib.tabs.borrow_mut().close(index);
    if index == front {
        bring_front(lib, None);
    } else {
        changed(lib);
    }
}

/// The send that ended last: its answer goes to the tab that sent it.
pub fn answered(lib: &Lib, entry: HistoryEntry) {
    let id = lib
        .sending_tab
        .take()
        .unwrap_or_else(|| lib.tabs.borrow().active().id);
    lib.tabs.borrow_mut().answered(id, entry);
    lib.live_answers.borrow_mut().push(id);
    changed(lib);
}

/// The editor changed (a moment ago): the front tab follows it.
pub fn edited(lib: &Lib, draft: &Draft) {
    let shown = |lib: &Lib| {
        let tabs = lib.tabs.borrow();
        let front = tabs.active();
        let collections = lib.collections.borrow();
        let unsaved = front.unsaved(&collections);
        (
            front.label(&collections),
            unsaved,
            front.saved,
            front.edited,
        )
    };
    let before = shown(lib);
    // Kept and redrawn only when what the strip shows (or Save's target) changed: the front tab's request
    // itself is the draft's, which its own save keeps on every edit and a reload hands back
    // (`shown_on_load`), so writing every tab again at each keystroke's pause would be the same work twice.
    if lib.tabs.borrow_mut().edited(&draft.request, draft.saved) && shown(lib) != before {
        changed(lib);
    }
}

/// After a change: keeps the tabs and redraws them.
pub fn changed(lib: &Lib) {
    // Not kept (storage full or refused): the draft's own save says so; the tabs live on in this page.
    let _ = lib.write(TABS, &lib.tabs.borrow().to_json());
    render(lib);
}

/// Draws the strip: one tab per open request, the front one selected (the ARIA tabs pattern).
pub fn render(lib: &Lib) {
    // Redrawn from scratch: a focus on a tab (the arrow keys move it) goes to the front one drawn anew.
    let focused = dom::document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| {
            el.closest(&format!("#{}", id::TABS))
                .ok()
                .flatten()
                .is_some()
        });
    let Some(list) = dom::clear(id::TABS) else {
        return;
    };
    let tabs = lib.tabs.borrow();
    let collections = lib.collections.borrow();
    for (index, tab) in tabs.open.iter().enumerate() {
        let label = tab.label(&collections);
        let unsaved = tab.unsaved(&collections);
        let front = index == tabs.active;
        let Some(button) = dom::element("button", "") else {
            continue;
        };
        let name = if unsaved {
            format!("{label}, unsaved edits")
        } else {
            label.clone()
        };
        for (attribute, value) in [
            ("type", "button"),
            ("role", "tab"),
            ("class", "library-tab"),
            ("aria-selected", if front { "true" } else { "false" }),
            ("tabindex", if front { "0" } else { "-1" }),
            ("aria-label", &name),
            // The label is short (a path): the tooltip has the whole URL.
            ("title", &format!("{name}\n{}", tab.request.url)),
            ("data-index", &index.to_string()),
        ] {
            let _ = button.set_attribute(attribute, value);
        }
        dom::append(&button, dom::element("span", &label));
        if unsaved {
            dom::append(&button, marked("library-tab-unsaved", "●"));
        }
        dom::append(&button, marked("library-tab-close", "×"));
        dom::append(&list, Some(button.clone()));
        if let (true, Ok(button)) = (front, button.dyn_into::<HtmlElement>()) {
            scroll_to(&list, &button);
            if focused {
                let _ = button.focus();
            }
        }
    }
}

/// Scrolls the strip (sideways only: never the page) so that `tab` is in view; a phone has room for two
/// tabs or so. Offsets are the strip's own: it is positioned (see `markup::STYLE`).
fn scroll_to(strip: &Element, tab: &HtmlElement) {
    let (left, right) = (tab.offset_left(), tab.offset_left() + tab.offset_width());
    let (shown, width) = (strip.scroll_left(), strip.client_width());
    // A tab wider than the strip shows its start, where its name begins.
    if left < shown || right - left > width {
        strip.set_scroll_left(left);
    } else if right > shown + width {
        strip.set_scroll_left(right - width);
    }
}

/// A mark drawn for the eye only: the tab's name already says it (`aria-label`).
fn marked(class: &str, text: &str) -> Option<Element> {
    let mark = dom::element("span", text)?;
    let _ = mark.set_attribute("class", class);
    let _ = mark.set_attribute("aria-hidden", "true");
    Some(mark)
}

/// A kept answer as the page shows it.
fn kept(entry: &HistoryEntry) -> KeptAnswer {
    KeptAnswer {
        status: entry.status,
        status_text: entry.status_text.clone(),
        elapsed_ms: entry.elapsed_ms.max(0.0).round() as u64,
        url: entry.request.url.clone(),
        body: entry.body.clone(),
        truncated: entry.body_truncated,
    }
}

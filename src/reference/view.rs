//! The reference view in the page: mounts its markup between the page's header and workspace, asks its
//! worker to read the description the address names, fills the sidebar, shows the overview or the
//! operation the address names, and hands "Try it" requests to the page's editor (as the library hands it
//! share links and saved requests).

use super::client::Client;
use super::link::{self, Fragment};
use super::markup::{id, REFERENCE};
use super::sidebar;
use super::STYLE;
use crate::dom::document::{by_id, document, focus, on, on_window, set_hidden, set_text, value};
use crate::protocol::reference::{Ask, Reply};
use reqlab_core::import::openapi::ServerChoice;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What the view knows: the description on show and the operation open in it.
#[derive(Default)]
struct State {
    /// The description's address as the fragment holds it (encoded), or none for a pasted one.
    fragment: Fragment,
    /// The description's title and its operations' keys, once read.
    title: String,
    keys: Option<Vec<String>>,
    /// The address relative server URLs resolve against.
    base: String,
    haystacks: Vec<String>,
    shown: Option<String>,
    /// Whether the next operation shown takes the focus (the user chose it, not the address on load).
    focus_next: bool,
    /// One request only (`request=1`, what `<reqlab-request>` adds to an operation link): the operation
    /// opens in the editor at once, the reference itself stays hidden, and the focus stays where it is.
    single: bool,
}

#[derive(Clone)]
struct View {
    state: Rc<RefCell<State>>,
    client: Client,
}

pub fn start() {
    console_error_panic_hook::set_once();
    if !mount() {
        return;
    }
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    let single = Fragment::parse(&hash)
        .rest
        .iter()
        .any(|part| part == "request=1");
    if single {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.class_list().add_1("spec-request");
        }
    }
    let state = Rc::new(RefCell::new(State {
        single,
        ..State::default()
    }));
    let replies = state.clone();
    let view_slot: Rc<RefCell<Option<View>>> = Rc::new(RefCell::new(None));
    let slot = view_slot.clone();
    let Some(client) = Client::start(move |reply| {
        if let Some(view) = slot.borrow().clone() {
            view.replied(reply);
        }
        let _ = &replies;
    }) else {
        problem("This browser cannot start the API reader (it needs module workers).");
        return;
    };
    let view = View { state, client };
    *view_slot.borrow_mut() = Some(view.clone());
    view.wire();
    view.follow_address();
}

/// Puts the style and the markup in the page, once. False when the page has no place for them.
fn mount() -> bool {
    let Some(doc) = document() else {
        return false;
    };
    if by_id(id::REFERENCE).is_some() {
        return true;
    }
    let (Some(head), Some(header)) = (doc.head(), doc.query_selector(".app-header").ok().flatten())
    else {
        return false;
    };
    if let Ok(style) = doc.create_element("style") {
        style.set_text_content(Some(STYLE));
        let _ = head.append_child(&style);
    }
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().add_1("spec");
    }
    header.insert_adjacent_html("afterend", REFERENCE).is_ok()
}

fn problem(message: &str) {
    set_text(id::PROBLEM, message);
    set_hidden(id::PROBLEM, message.is_empty());
}

fn location() -> Option<web_sys::Location> {
    Some(web_sys::window()?.location())
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text)
        .map(String::from)
        .unwrap_or_else(|_| text.to_string())
}

impl View {
    fn wire(&self) {
        let view = self.clone();
        on_window("hashchange", move |_| view.follow_address());
        let view = self.clone();
        on(id::SEARCH, "input", move |_| view.filter());
        let view = self.clone();
        on(id::SEARCH, "keydown", move |ev| view.search_key(ev));
        let view = self.clone();
        on(id::LIST, "keydown", move |ev| view.list_key(ev));
        let view = self.clone();
        on(id::LIST, "click", move |ev| {
            // The link changes the address, which shows the operation; the focus follows the choice.
            let chosen = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("a.ref-op").ok().flatten());
            if chosen.is_some() {
                view.state.borrow_mut().focus_next = true;
            }
        });
        let view = self.clone();
        on(id::DOC, "click", move |ev| {
            let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
            if target.is_some_and(|el| el.id() == "ref-try") {
                view.try_it();
            }
        });
        let view = self.clone();
        on(id::URL_OPEN, "click", move |_| {
            view.open_address(&value(id::URL))
        });
        let view = self.clone();
        on(id::PASTE_OPEN, "click", move |_| {
            view.read_text(value(id::PASTE))
        });
        let view = self.clone();
        on(id::FILE, "change", move |ev| {
            let Some(file) = crate::dom::document::take_chosen_file(&ev) else {
                return;
            };
            let view = view.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => view.read_text(text.as_string().unwrap_or_default()),
                    Err(_) => problem("The file could not be read."),
                }
            });
        });
        // An embedding page (public/embed.js) sends its light or dark scheme.
        crate::dom::embedder::follow_theme();
    }

    /// Reads the address: a new description is loaded, a new operation shown.
    fn follow_address(&self) {
        let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
        let fragment = Fragment::parse(&hash);
        let Some(spec) = fragment.spec.clone() else {
            return;
        };
        let same_spec = self.state.borrow().fragment.spec.as_deref() == Some(spec.as_str())
            && self.state.borrow().keys.is_some();
        let op = fragment.op.as_deref().map(decode);
        self.state.borrow_mut().fragment = fragment;
        if same_spec {
            self.show(op);
            return;
        }
        let address = decode(&spec);
        if address.trim().is_empty() {
            set_text(
                id::LOADING,
                "Open an API description: its address, a file, or paste it below.",
            );
            if let Some(open) = by_id(id::OPEN) {
                let _ = open.set_attribute("open", "");
            }
            return;
        }
        let Some(url) = absolute(&address) else {
            problem(&format!(
                "\"{address}\" is not an address this page can fetch."
            ));
            return;
        };
        self.state.borrow_mut().shown = op;
        set_text(id::LOADING, &format!("Reading {url}…"));
        self.client.ask(&Ask::Load {
            url,
            fragment: hash,
        });
    }

    fn open_address(&self, address: &str) {
        let address = address.trim();
        if address.is_empty() {
            problem("Type the address of a description first.");
            return;
        }
        if let Some(location) = location() {
            let _ = location.set_hash(&format!("spec={}", link::encode(address)));
        }
    }

    fn read_text(&self, text: String) {
        if text.trim().is_empty() {
            problem("There is nothing to read: paste a description first.");
            return;
        }
        let base = location().and_then(|l| l.href().ok()).unwrap_or_default();
        self.state.borrow_mut().fragment = Fragment::default();
        set_text(id::LOADING, "Reading the description…");
        self.client.ask(&Ask::Text {
            text,
            base,
            fragment: String::new(),
        });
    }

    fn replied(&self, reply: Reply) {
        match reply {
            Reply::Summary {
                title,
                keys,
                haystacks,
                sidebar_html,
                overview_html,
                servers_html,
                base,
                received,
                read,
            } => {
                for (id, html) in [
                    (id::LIST, ""),
                    (id::OVERVIEW, &overview_html),
                    (id::SERVER, &servers_html),
                ] {
                    if let Some(el) = by_id(id) {
                        el.set_inner_html(html);
                    }
                }
                self.loaded(title, keys, haystacks, base);
                let view = self.clone();
                add_pieces(sidebar_html.into_iter().rev().collect(), move || {
                    view.filter();
                    mark_current(view.state.borrow().shown.as_deref());
                    mark_timing(received, read);
                });
            }
            Reply::Failed { message } => {
                set_text(id::LOADING, "");
                problem(&message);
            }
            Reply::Operation { key, html } => self.operation_shown(&key, &html),
            Reply::Request {
                key,
                request,
                environment,
                warnings,
            } => {
                let title = self.state.borrow().title.clone();
                let summary = format!("Opened \"{key}\" from {title}");
                crate::library::page::open_import(&request, Some(environment), &summary, warnings);
                // The editor now holds the operation: the keyboard goes on from its address (not in a
                // single request's embed, where moving the focus would scroll the reader's page).
                if !self.state.borrow().single {
                    if let Some(url) = by_id("url") {
                        url.scroll_into_view();
                    }
                    focus("url");
                }
            }
        }
    }

    /// The description's markup is in place: the view follows the address.
    fn loaded(&self, title: String, keys: Vec<String>, haystacks: Vec<String>, base: String) {
        problem("");
        let op = self.state.borrow().shown.clone();
        {
            let mut state = self.state.borrow_mut();
            state.title = title;
            state.keys = Some(keys);
            state.base = base;
            state.haystacks = haystacks;
            state.shown = None;
        }
        self.filter();
        let single = self.state.borrow().single;
        self.show(op);
        if single {
            self.try_it();
        }
    }

    /// Shows the operation `key` (asked of the worker), or the overview.
    fn show(&self, key: Option<String>) {
        let known = key.filter(|key| {
            self.state
                .borrow()
                .keys
                .as_ref()
                .is_some_and(|keys| keys.contains(key))
        });
        self.state.borrow_mut().shown = known.clone();
        set_hidden(id::OVERVIEW, known.is_some());
        set_hidden(id::DOC, known.is_none());
        mark_current(known.as_deref());
        if let Some(key) = known {
            self.client.ask(&Ask::Operation { key });
        }
    }

    fn operation_shown(&self, key: &str, html: &str) {
        if self.state.borrow().shown.as_deref() != Some(key) {
            return;
        }
        let Some(doc) = by_id(id::DOC) else {
            return;
        };
        doc.set_inner_html(html);
        let link = self.state.borrow().fragment.shared(&link::encode(key));
        if let (Some(anchor), Some(location)) = (by_id("ref-op-link"), location()) {
            let page = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let _ = anchor.set_attribute("href", &format!("{page}{link}"));
        }
        if let Some(main) = by_id(id::MAIN) {
            main.set_scroll_top(0);
        }
        if std::mem::take(&mut self.state.borrow_mut().focus_next) {
            focus("ref-op-title");
        }
    }

    fn try_it(&self) {
        let (key, base) = {
            let state = self.state.borrow();
            (state.shown.clone(), state.base.clone())
        };
        let Some(key) = key else {
            return;
        };
        let index = value(id::SERVER).parse().unwrap_or(0);
        self.client.ask(&Ask::Request {
            key,
            server: ServerChoice {
                index,
                variables: Vec::new(),
                base,
            },
        });
    }

    /// Hides the operations the search does not match, and the groups left empty.
    fn filter(&self) {
        let query = value(id::SEARCH);
        let state = self.state.borrow();
        let Some(list) = by_id(id::LIST) else {
            return;
        };
        let mut shown = 0;
        let mut matched = vec![false; state.haystacks.len()];
        for (i, haystack) in state.haystacks.iter().enumerate() {
            matched[i] = sidebar::matches(haystack, &query);
            shown += usize::from(matched[i]);
        }
        let groups = list.children();
        for g in 0..groups.length() {
            let Some(group) = groups.item(g) else {
                continue;
            };
            let Ok(items) = group.query_selector_all("li") else {
                continue;
            };
            let mut any = false;
            for n in 0..items.length() {
                let Some(item) = items.item(n).and_then(|n| n.dyn_into::<HtmlElement>().ok())
                else {
                    continue;
                };
                let i: usize = item
                    .get_attribute("data-i")
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(usize::MAX);
                let visible = matched.get(i).copied().unwrap_or(false);
                item.set_hidden(!visible);
                any |= visible;
            }
            if let Some(group) = group.dyn_ref::<HtmlElement>() {
                group.set_hidden(!any);
            }
        }
        let total = state.haystacks.len();
        let count = if query.trim().is_empty() {
            format!("{total} operations")
        } else if shown == 0 {
            format!("No operation matches \"{}\"", query.trim())
        } else {
            format!("{shown} of {total} operations")
        };
        set_text(id::COUNT, &count);
    }

    /// Down from the search box goes to the first operation shown.
    fn search_key(&self, ev: web_sys::Event) {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
            return;
        };
        if key == "ArrowDown" {
            ev.prevent_default();
            if let Some(first) = visible_links().first() {
                let _ = first.focus();
            }
        }
    }

    /// Up and down move between the operations shown; Home and End go to the ends; up from the first
    /// goes back to the search box.
    fn list_key(&self, ev: web_sys::Event) {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
            return;
        };
        let links = visible_links();
        let active = document().and_then(|d| d.active_element());
        let at = links.iter().position(|l| {
            active
                .as_ref()
                .is_some_and(|a| a == l.unchecked_ref::<Element>())
        });
        let next = match (key.as_str(), at) {
            ("ArrowDown", Some(i)) => Some(i + 1),
            ("ArrowUp", Some(0)) => {
                ev.prevent_default();
                focus(id::SEARCH);
                return;
            }
            ("ArrowUp", Some(i)) => Some(i - 1),
            ("Home", _) => Some(0),
            ("End", _) => links.len().checked_sub(1),
            _ => None,
        };
        if let Some(link) = next.and_then(|i| links.get(i)) {
            ev.prevent_default();
            let _ = link.focus();
        }
    }
}

/// Puts the sidebar's pieces in place, the last of `rest` first, one task each (a large description's list
/// in one piece is a long task), then `done`.
fn add_pieces(mut rest: Vec<String>, done: impl FnOnce() + 'static) {
    let Some(piece) = rest.pop() else {
        return done();
    };
    if let Some(list) = by_id(id::LIST) {
        let _ = list.insert_adjacent_html("beforeend", &piece);
    }
    crate::dom::document::after(0, move || add_pieces(rest, done));
}

/// The address of `address` against the page's own.
fn absolute(address: &str) -> Option<String> {
    let href = location()?.href().ok()?;
    let url = web_sys::Url::new_with_base(address, &href).ok()?;
    matches!(
        url.protocol().as_str(),
        "http:" | "https:" | "blob:" | "data:"
    )
    .then(|| url.href())
}

/// The operation links not hidden by the search, in order.
fn visible_links() -> Vec<HtmlElement> {
    let Some(list) = by_id(id::LIST) else {
        return Vec::new();
    };
    let Ok(links) = list.query_selector_all("a.ref-op") else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|a| a.offset_parent().is_some())
        .collect()
}

/// Marks the operation on show in the sidebar (`aria-current`).
fn mark_current(key: Option<&str>) {
    let Some(list) = by_id(id::LIST) else { return };
    if let Ok(links) = list.query_selector_all("a.ref-op") {
        for i in 0..links.length() {
            let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let current = key.is_some() && link.get_attribute("data-key").as_deref() == key;
            if current {
                let _ = link.set_attribute("aria-current", "page");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
    }
}

/// Leaves the description's timings where the benchmark reads them (`reqlab.api`): when its last byte
/// arrived, when the worker had read it, and when the sidebar was drawn (ms since the epoch).
fn mark_timing(received: f64, read: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let drawn = window
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.time_origin() + p.now());
    let bridge = js_sys::Reflect::get(&window, &"reqlab".into()).unwrap_or_default();
    if bridge.is_object() {
        let timing = js_sys::Object::new();
        for (name, ms) in [("received", received), ("read", read), ("drawn", drawn)] {
            let _ = js_sys::Reflect::set(&timing, &name.into(), &ms.into());
        }
        let _ = js_sys::Reflect::set(&bridge, &"api".into(), &timing);
    }
}

//! The library: everything the page keeps or shares (draft autosave, history, collections, the examples
//! gallery, share links and embeds). It is a wasm module of its own (`src/bin/library.rs`), which
//! index.html starts once the page is interactive, so none of it weighs on the first load; it talks to the
//! page only through `crate::page::bridge` (see `page`).

mod answer_view;
mod collection_import;
mod collections_view;
mod draft;
mod embed;
mod environments_view;
mod examples_view;
mod history_view;
mod import_view;
mod importer;
mod inflate;
pub mod markup;
mod offline;
pub(crate) mod page;
mod save_view;
mod share_view;
mod shortcuts_view;
mod sidebar_view;
pub mod store;
mod tab_keys;
mod tabs_view;
mod theme_view;

use crate::dom::document as dom;
use markup::notice_id;
use reqlab_core::library::collections::Collections;
use reqlab_core::library::history::History;
use reqlab_core::library::stored::StoredError;
use reqlab_core::library::tabs::Tabs;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use store::Store;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement};

/// The library's state, shared by its views.
pub struct Library {
    store: Store,
    /// Opened inside another page (`#…&embed=1`): nothing stored is read or written.
    embedded: bool,
    history: RefCell<History>,
    collections: RefCell<Collections>,
    /// The draft text last written or read, so an unchanged draft is not written again.
    saved_draft: RefCell<String>,
    /// The draft the page last announced (see `page::edited_content`): an announcement that repeats
    /// it (the page asking again for another snippet choice) is no edit.
    seen: RefCell<String>,
    /// Bumped on every edit; a pending save runs only if no edit came after it (debounce).
    edits: Cell<u32>,
    /// An edit is waiting to be saved (leaving the page saves it at once).
    unsaved: Cell<bool>,
    /// Whether the user has been told that edits are not being kept.
    unsaved_warned: Cell<bool>,
    /// The request the response on show answers, and the line that names it (see `answer_view`).
    answered: RefCell<Option<(reqlab_core::Request, String)>>,
    /// Bumped on every edit; what follows edits runs once they settle (see `follow_edits`).
    settled_edits: Cell<u32>,
    /// The open request tabs (see `tabs_view`).
    tabs: RefCell<Tabs>,
    /// The tab whose send is under way, from the page's `reqlab:sending` until its answer is taken.
    sending_tab: Cell<Option<u32>>,
    /// The tabs that got an answer during this visit: the page holds their full responses.
    live_answers: RefCell<Vec<u32>>,
    /// The collections as they were before the last delete, while Undo is offered.
    deleted: RefCell<Option<Collections>>,
}

pub type Lib = Rc<Library>;

/// The library module's entry point: index.html loads it once the page listens for it.
pub fn start() {
    console_error_panic_hook::set_once();
    tab_keys::install();
    offline::register();
    if page::ready() {
        run();
    }
}

/// Whether the app is embedded in another page (`data-embed`), where nothing of the user's is read or kept.
pub fn is_embedded() -> bool {
    dom::document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute("data-embed"))
}

fn run() {
    let embedded = is_embedded();
    let lib: Lib = Rc::new(Library {
        store: Store::open(embedded),
        embedded,
        history: RefCell::default(),
        collections: RefCell::default(),
        saved_draft: RefCell::default(),
        seen: RefCell::new(page::edited_content().unwrap_or_default()),
        edits: Cell::new(0),
        unsaved: Cell::new(false),
        unsaved_warned: Cell::new(false),
        answered: RefCell::default(),
        settled_edits: Cell::new(0),
        tabs: RefCell::default(),
        sending_tab: Cell::new(None),
        live_answers: RefCell::default(),
        deleted: RefCell::default(),
    });
    mount(&lib);
    let mut problems = Vec::new();
    if !embedded {
        // The history first: restoring the draft may add to it.
        problems.extend(history_view::restore(&lib));
        problems.extend(collections_view::restore(&lib));
        // The tabs before the draft: the draft restored is the front tab's request.
        problems.extend(tabs_view::restore(&lib));
        problems.extend(draft::restore(&lib));
    }
    if !problems.is_empty() {
        notice(&problems.join(" "));
    }
    // A share link wins over the restored draft (it opens after it); the page's Undo then goes back to
    // the draft.
    share_view::open_link(&lib);
    draft::follow(&lib);
    history_view::follow(&lib);
    answer_view::follow(&lib);
    follow_edits(&lib);
    if embedded {
        // A share link in `<reqlab-request>` follows the documentation page's theme without reloading.
        crate::dom::embedder::follow_theme();
    }
    if !embedded {
        tabs_view::wire(&lib);
        sidebar_view::wire(&lib);
        collections_view::wire(&lib);
        save_view::wire(&lib);
        collection_import::wire(&lib);
        shortcuts_view::wire();
        import_view::wire();
        environments_view::wire(&lib);
        examples_view::wire(&lib);
        share_view::wire();
        theme_view::wire();
    }
    // `make bench` reads this mark as "library ready", beside the page's own "reqlab:mounted".
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("reqlab:library");
    }
}

/// What shows the editor's state (which saved request it is, whether the answer on show is still its)
/// follows edits a moment after the last one: reading the draft on every keystroke would parse a large
/// body each time.
fn follow_edits(lib: &Lib) {
    let lib = lib.clone();
    dom::on_window("reqlab:edit", move |_| {
        let edit = lib.settled_edits.get().wrapping_add(1);
        lib.settled_edits.set(edit);
        let lib = lib.clone();
        dom::after(EDITS_SETTLE_MS, move || {
            if let (true, Some(draft)) = (lib.settled_edits.get() == edit, page::edited()) {
                edits_settled(&lib, &draft);
            }
        });
    });
}

/// How long after the last edit `follow_edits` runs.
const EDITS_SETTLE_MS: i32 = 250;

fn edits_settled(lib: &Lib, draft: &crate::protocol::library::Draft) {
    if !lib.embedded {
        save_view::show_editing(lib, draft);
        tabs_view::edited(lib, draft);
        environments_view::edited(draft);
    }
    answer_view::edited(lib, draft);
}

/// Puts the library's toolbar and dialogs (or, embedded, the way out to the full app) in the page header,
/// and the Workspace sidebar after it, with the library's own style.
fn mount(lib: &Lib) {
    let Some(header) =
        dom::document().and_then(|d| d.query_selector("header.app-header").ok().flatten())
    else {
        return;
    };
    if let Some(style) = dom::element("style", markup::STYLE) {
        dom::append(&header, Some(style));
    }
    if lib.embedded {
        let _ = header.insert_adjacent_html("beforeend", markup::EMBED);
    } else {
        let _ = header.insert_adjacent_html("beforeend", markup::LIBRARY);
        let _ = header.insert_adjacent_html("beforeend", markup::DIALOGS);
        let _ = header.insert_adjacent_html("beforeend", markup::IMPORT);
        let _ = header.insert_adjacent_html("afterend", markup::SIDEBAR);
    }
    dom::on(notice_id::DISMISS, "click", |_| notice(""));
    // Every dialog's Close button, by one listener.
    dom::listen(&header, "click", |ev| {
        let dialog = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|button| button.has_attribute("data-close"))
            .and_then(|button| button.closest("dialog").ok().flatten())
            .and_then(|dialog| dialog.dyn_into::<HtmlDialogElement>().ok());
        if let Some(dialog) = dialog {
            dialog.close();
        }
    });
}

impl Library {
    /// Reads the value stored under `key`; damaged data is moved aside and described in a sentence.
    fn read<T>(
        &self,
        key: &str,
        what: &str,
        parse: impl Fn(&str) -> Result<T, StoredError>,
    ) -> (Option<T>, Option<String>) {
        let Some(text) = self.store.get(key) else {
            return (None, None);
        };
        match parse(&text) {
            Ok(value) => (Some(value), None),
            Err(err) => {
                let aside = self.store.move_aside(key, &text);
                let kept = if aside.is_empty() {
                    String::new()
                } else {
                    format!(" A copy is kept in this browser's storage under “{aside}”.")
                };
                (
                    None,
                    Some(format!(
                        "Your saved {what} could not be opened, so reqlab started without it. {err}{kept}"
                    )),
                )
            }
        }
    }

    /// Writes `text` under `key`, making room by thinning the history (oldest answers first, then oldest
    /// entries) while the storage is full.
    fn write(&self, key: &str, text: &str) -> Result<(), String> {
        loop {
            let Err(why) = self.store.set(key, text) else {
                return Ok(());
            };
            if key == store::HISTORY || !self.shrink_history() {
                return Err(why);
            }
        }
    }

    /// Thins the stored history by one step; false when it is already empty.
    fn shrink_history(&self) -> bool {
        let shrunk = self.history.borrow_mut().shrink();
        if shrunk {
            let text = self.history.borrow().to_json();
            if self.store.set(store::HISTORY, &text).is_err() {
                // Not even the smaller copy fits: drop the stored one rather than keep the larger.
                self.store.remove(store::HISTORY);
            }
        }
        shrunk
    }

    /// Writes the history, giving up its oldest parts until it fits.
    fn write_history(&self) -> Result<(), String> {
        loop {
            let text = self.history.borrow().to_json();
            let Err(why) = self.store.set(store::HISTORY, &text) else {
                return Ok(());
            };
            if !self.history.borrow_mut().shrink() {
                return Err(why);
            }
        }
    }
}

/// The library's notice line in the header: `message` until dismissed or replaced.
pub fn notice(message: &str) {
    dom::set_text(notice_id::MESSAGE, message);
    dom::set_hidden(notice_id::NOTICE, message.is_empty());
}

//! Save in place: the library bar's Save and Ctrl+S (Cmd+S) update the saved request the editor came from
//! (`Draft::saved`), or ask for a name and a folder when there is none; beside Save, which saved request
//! the editor holds and whether it was edited since.

use super::markup::id;
use super::page;
use super::store::COLLECTIONS;
use super::Lib;
use crate::dom::document as dom;
use crate::protocol::library::Draft;
use wasm_bindgen::JsCast;

pub fn wire(lib: &Lib) {
    let on_click = lib.clone();
    dom::on(id::SAVE_HERE, "click", move |_| save_here(&on_click));
    let on_key = lib.clone();
    dom::on_window("keydown", move |ev| {
        if is_save_key(&ev) {
            // The browser's own Ctrl+S saves the page as a file: never what is meant here.
            ev.prevent_default();
            save_here(&on_key);
        }
    });
}

/// Save (the toolbar's button, Ctrl+S or Cmd+S): the saved request the editor came from is updated in
/// place, name and place unchanged; a request saved nowhere yet (or whose saved request was deleted)
/// opens the sidebar's Collections panel at "Save as new", to be named and put in a folder.
fn save_here(lib: &Lib) {
    let Some(draft) = page::edited() else {
        return super::notice(page::NOT_KNOWN_YET);
    };
    let updated = draft.saved.map(|saved| {
        let mut collections = lib.collections.borrow_mut();
        collections
            .update(saved, draft.request.clone())
            .map(|saved| saved.name.clone())
    });
    match updated {
        Some(Ok(name)) => {
            let written = lib.write(COLLECTIONS, &lib.collections.borrow().to_json());
            super::notice(&match written {
                Ok(()) => format!("Saved “{name}”."),
                Err(why) => format!("“{name}” could not be saved: {why}."),
            });
            show_editing(lib, &draft);
            super::tabs_view::render(lib);
        }
        gone => {
            let why = match gone {
                Some(Err(why)) => why.to_string(),
                _ => String::new(),
            };
            super::sidebar_view::show(lib, super::sidebar_view::Panel::Collections);
            dom::set_text(id::COLLECTIONS_PROBLEM, &why);
            dom::focus(id::SAVE_NAME);
        }
    }
}

/// Which saved request the editor holds, and whether it was edited since it was saved, beside Save.
pub fn show_editing(lib: &Lib, draft: &Draft) {
    let collections = lib.collections.borrow();
    let saved = draft.saved.and_then(|id| collections.get(id));
    let text = match saved {
        Some(saved) if saved.request == draft.request => format!("“{}”", saved.name),
        Some(saved) => format!("“{}”, edited", saved.name),
        None => String::new(),
    };
    dom::set_text(id::EDITING, &text);
}

/// Whether a key press is Ctrl+S (Cmd+S on a Mac), without Shift or Alt.
fn is_save_key(ev: &web_sys::Event) -> bool {
    ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|key| {
        (key.ctrl_key() || key.meta_key())
            && !key.shift_key()
            && !key.alt_key()
            && key.key().eq_ignore_ascii_case("s")
    })
}

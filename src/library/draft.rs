//! Draft autosave: the request in the editor (and every environment) is written to storage shortly after
//! every edit and when the page is left, restored on load, and followed when another tab edits it. A full
//! or refused storage never loses the draft: it stays in the editor, and the user is told it is not kept.

use super::page;
use super::store::DRAFT;
use super::Lib;
use crate::dom::document as dom;
use reqlab_core::library::draft::Draft;
use reqlab_core::library::history::HistoryEntry;

/// Quiet time after an edit before the draft is written: typing writes about three times a second,
/// well within the promise of "kept within one second".
const SAVE_DELAY_MS: i32 = 300;

/// Loads the saved draft into the editor; says so if it was damaged. If the user has already typed (the
/// library loads a moment after the page), what they typed stays, and the saved draft goes to the history,
/// where one click opens it again.
pub fn restore(lib: &Lib) -> Option<String> {
    let (draft, problem) = lib.read(DRAFT, "draft", Draft::from_json);
    let typed = page::typed();
    if typed {
        // What was typed is the draft now: kept like any edit, without waiting for the next one.
        schedule(lib);
    }
    let Some(draft) = draft else {
        return problem;
    };
    if !typed {
        let text = draft.to_json();
        adopt(lib, &draft, text, true);
        return problem;
    }
    lib.history.borrow_mut().record(HistoryEntry {
        status_text: "not sent: the draft saved before this visit".into(),
        at_ms: js_sys::Date::now(),
        ..HistoryEntry::recorded(&draft.request)
    });
    let kept = lib.write_history().is_ok();
    let said = if kept {
        "You started typing before your saved request was restored, so reqlab kept what you typed; the saved one is in History."
    } else {
        "You started typing before your saved request was restored, so reqlab kept what you typed."
    };
    Some(problem.map_or_else(|| said.to_string(), |problem| format!("{problem} {said}")))
}

/// Saves after edits, when the page is hidden or left, and loads drafts saved by other tabs.
pub fn follow(lib: &Lib) {
    if lib.embedded {
        return;
    }
    let on_edit = lib.clone();
    // Only edits are saved, never the editor as the library finds it: a tab just opened must not write its
    // empty editor over what another tab is editing. (Typing before the library loaded counts: see
    // `restore`.)
    dom::on_window("reqlab:edit", move |_| {
        let content = page::edited_content().unwrap_or_default();
        if *on_edit.seen.borrow() != content {
            *on_edit.seen.borrow_mut() = content;
            schedule(&on_edit);
        }
    });
    // Leaving or hiding the page does not wait for the delay; with no edit waiting, it writes nothing.
    let on_hide = lib.clone();
    dom::on_window("pagehide", move |_| {
        if on_hide.unsaved.get() {
            save(&on_hide);
        }
    });
    let on_storage = lib.clone();
    dom::on_window("storage", move |ev| {
        if let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&ev) {
            if ev.key().as_deref() == Some(DRAFT) {
                if let Some(text) = ev.new_value() {
                    other_tab(&on_storage, text);
                }
            }
        }
    });
}

/// Saves once no edit has come for `SAVE_DELAY_MS`.
fn schedule(lib: &Lib) {
    let edit = lib.edits.get().wrapping_add(1);
    lib.edits.set(edit);
    lib.unsaved.set(true);
    let lib = lib.clone();
    dom::after(SAVE_DELAY_MS, move || {
        if lib.edits.get() == edit {
            save(&lib);
        }
    });
}

/// Another tab saved its draft: this tab follows it, so the last edit wins wherever it was made. An edit
/// here that is not written yet is the newer one (both tabs write `SAVE_DELAY_MS` after their last edit,
/// so a draft arriving meanwhile was edited before it): it stays, and its save replaces what arrived.
fn other_tab(lib: &Lib, text: String) {
    if *lib.saved_draft.borrow() == text {
        return;
    }
    if edited_here(lib) {
        // What storage holds now, so the coming save compares against it.
        *lib.saved_draft.borrow_mut() = text;
        return;
    }
    if let Ok(draft) = Draft::from_json(&text) {
        adopt(lib, &draft, text, false);
    }
}

/// Whether the editor holds an edit not written yet (the echo of a draft just loaded is none).
fn edited_here(lib: &Lib) -> bool {
    lib.unsaved.get()
        && page::edited().is_some_and(|draft| draft.to_json() != *lib.saved_draft.borrow())
}

/// Loads a stored draft into the editor, quietly; `text` is what storage holds now, so it is not written
/// back.
fn adopt(lib: &Lib, draft: &Draft, text: String, on_load: bool) {
    *lib.saved_draft.borrow_mut() = text;
    let shown = if on_load {
        super::tabs_view::shown_on_load(lib, draft)
    } else {
        super::tabs_view::shown_now(lib)
    };
    page::restore(draft, shown);
}

/// Writes the editor's request now, unless it is what was last written.
pub fn save(lib: &Lib) {
    lib.unsaved.set(false);
    let Some(draft) = page::edited() else {
        return;
    };
    let text = draft.to_json();
    if *lib.saved_draft.borrow() == text {
        return;
    }
    match lib.write(DRAFT, &text) {
        Ok(()) => {
            *lib.saved_draft.borrow_mut() = text;
            if lib.unsaved_warned.replace(false) {
                super::notice("Your edits are being kept again.");
            }
        }
        Err(why) => {
            if !lib.unsaved_warned.replace(true) {
                super::notice(&format!(
                    "Your edits are not being kept: {why}. Nothing is lost while this tab stays open; \
                     free some space (for example, clear the history) and they will be kept again."
                ));
            }
        }
    }
}

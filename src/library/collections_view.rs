//! Collections: folders of saved requests, in the sidebar's Collections panel. Save the editor's request,
//! open, rename, duplicate, delete (with Undo) and reorder requests and folders, export them all as a
//! Postman collection. Every change is written to storage at once.

use super::markup::id;
use super::page;
use super::sidebar_view;
use super::store::COLLECTIONS;
use super::Lib;
use crate::dom::document as dom;
use crate::dom::download;
use crate::protocol::import::{LibraryQuestion, PostmanAsk};
use reqlab_core::library::collections::{CollectionError, Collections, Folder, Saved};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The folder a first save goes to.
const FIRST_FOLDER: &str = "My requests";

pub fn restore(lib: &Lib) -> Option<String> {
    let (collections, problem) = lib.read(COLLECTIONS, "collections", Collections::from_json);
    if let Some(collections) = collections {
        *lib.collections.borrow_mut() = collections;
    }
    problem
}

pub fn wire(lib: &Lib) {
    let on_undo = lib.clone();
    dom::on(id::UNDO_DELETE, "click", move |_| {
        let before = on_undo.deleted.borrow_mut().take();
        if let Some(before) = before {
            *on_undo.collections.borrow_mut() = before;
            changed(&on_undo, Ok(()));
        }
    });
    let on_save = lib.clone();
    dom::on(id::SAVE, "click", move |_| save_current(&on_save));
    let on_add = lib.clone();
    dom::on(id::FOLDER_ADD, "click", move |_| {
        on_add
            .collections
            .borrow_mut()
            .add_folder(&dom::value(id::FOLDER_NAME));
        dom::set_value(id::FOLDER_NAME, "");
        changed(&on_add, Ok(()));
    });
    let on_export = lib.clone();
    dom::on(id::COLLECTIONS_EXPORT, "click", move |_| {
        // The editor's variables go along, so the requests' {{names}} resolve where the file is opened.
        let variables = page::edited()
            .map(|draft| draft.variables.active().variables)
            .unwrap_or_default();
        let question = LibraryQuestion {
            postman: Some(PostmanAsk {
                collections: on_export.collections.borrow().clone(),
                name: "reqlab collections".into(),
                variables,
                include_secrets: dom::checked(id::COLLECTIONS_SECRETS),
            }),
            ..LibraryQuestion::default()
        };
        // Written by the import worker: the exporter would weigh on every first visit.
        super::importer::ask(question, |reply| match (reply.text, reply.error) {
            (Some(json), None) => download(
                json.as_bytes(),
                "application/json",
                "reqlab.postman_collection.json",
            ),
            (_, why) => dom::set_text(id::COLLECTIONS_PROBLEM, &why.unwrap_or_default()),
        });
    });
}

fn save_current(lib: &Lib) {
    let Some(draft) = page::edited() else {
        return changed(lib, Err(page::NOT_KNOWN_YET.into()));
    };
    let result = {
        let mut collections = lib.collections.borrow_mut();
        if collections.folders.is_empty() {
            collections.add_folder(FIRST_FOLDER);
        }
        let folder = dom::value(id::SAVE_FOLDER).parse().unwrap_or(0);
        collections
            .save(folder, &dom::value(id::SAVE_NAME), draft.request)
            .map_err(|e| e.to_string())
    };
    if let Ok(saved) = result {
        dom::set_value(id::SAVE_NAME, "");
        // From now on the editor is this saved request: Save updates it.
        page::saved(saved);
    }
    changed(lib, result.map(|_| ()));
}

/// After a change: writes the collections, says what went wrong if anything did, and redraws.
pub fn changed(lib: &Lib, result: Result<(), String>) {
    let written = lib.write(COLLECTIONS, &lib.collections.borrow().to_json());
    let problem = match (result, written) {
        (Err(why), _) => why,
        (Ok(()), Err(why)) => format!("The collections could not be kept: {why}."),
        (Ok(()), Ok(())) => String::new(),
    };
    dom::set_text(id::COLLECTIONS_PROBLEM, &problem);
    show_deleted(lib, "");
    render(lib);
    // A tab's name is its saved request's, and its unsaved mark compares with it.
    super::tabs_view::render(lib);
}

/// Deletes with `delete`, keeping the collections as they were for Undo, and says what went.
fn delete(lib: &Lib, what: &str, delete: impl FnOnce(&mut Collections)) {
    let before = lib.collections.borrow().clone();
    delete(&mut lib.collections.borrow_mut());
    changed(lib, Ok(()));
    *lib.deleted.borrow_mut() = Some(before);
    show_deleted(lib, &format!("Deleted {what}."));
    dom::focus(id::UNDO_DELETE);
}

/// The line that offers Undo after a delete; `said` empty hides it (any other change ends the offer).
fn show_deleted(lib: &Lib, said: &str) {
    if said.is_empty() {
        lib.deleted.borrow_mut().take();
    }
    dom::set_text(id::DELETED_WHAT, said);
    dom::set_hidden(id::DELETED, said.is_empty());
}

/// A Delete button for `what`.
fn delete_button(
    lib: &Lib,
    what: String,
    delete_it: impl Fn(&mut Collections) + 'static,
) -> Option<Element> {
    let lib = lib.clone();
    let said = what.clone();
    dom::labelled_button("Delete", &format!("Delete {what}"), move |_| {
        delete(&lib, &said, &delete_it)
    })
}

/// A button that applies `change` to the collections, then saves and redraws.
fn action(
    lib: &Lib,
    text: &str,
    label: &str,
    change: impl Fn(&mut Collections) -> Result<(), CollectionError> + 'static,
) -> Option<Element> {
    let lib = lib.clone();
    dom::labelled_button(text, label, move |_| {
        let result = change(&mut lib.collections.borrow_mut());
        changed(&lib, result.map_err(|e| e.to_string()));
    })
}

/// How a name is changed: the folder's or the saved request's rename.
type Rename = Rc<dyn Fn(&mut Collections, &str) -> Result<(), CollectionError>>;

/// What a name field replaces and how it is labelled; `button` is the id of the Rename button that opened
/// it, which gets the focus back when the field is done.
struct NameField {
    shown: Element,
    label: String,
    current: String,
    button: String,
}

/// A "Rename" button (with the id `id`, the same at every redraw) that puts a name field, with Save name
/// and Cancel, in place of `shown`.
fn rename_button(
    lib: &Lib,
    id: String,
    shown: &Element,
    label: &str,
    current: &str,
    rename: Rename,
) -> Option<Element> {
    let field = Rc::new(NameField {
        shown: shown.clone(),
        label: format!("New name for {label}"),
        current: current.to_string(),
        button: id.clone(),
    });
    let lib = lib.clone();
    let button = dom::labelled_button("Rename", &format!("Rename {label}"), move |_| {
        rename_in_place(&lib, &field, rename.clone());
    })?;
    let _ = button.set_attribute("id", &id);
    Some(button)
}

/// Redraws the dialog without the name field, the focus back on its Rename button.
fn close_field(lib: &Lib, field: &NameField) {
    render(lib);
    dom::focus(&field.button);
}

/// The name field: Enter or Save name applies it (a refused name keeps the field and says why), Escape or
/// Cancel puts the name back without closing the dialog.
fn rename_in_place(lib: &Lib, name_field: &Rc<NameField>, rename: Rename) {
    let NameField {
        shown,
        label,
        current,
        ..
    } = name_field.as_ref();
    let input = dom::element("input", "").and_then(|el| el.dyn_into::<HtmlInputElement>().ok());
    let (Some(form), Some(input)) = (dom::element("form", ""), input) else {
        return;
    };
    let _ = form.set_attribute("class", "library-rename");
    let _ = input.set_attribute("type", "text");
    let _ = input.set_attribute("aria-label", label);
    input.set_value(current);
    dom::append(&form, Some(input.clone().into()));
    let save = dom::element("button", "Save name");
    if let Some(save) = &save {
        let _ = save.set_attribute("type", "submit");
    }
    dom::append(&form, save);
    let (on_cancel, cancelled) = (lib.clone(), name_field.clone());
    dom::append(
        &form,
        dom::button("Cancel", move |_| close_field(&on_cancel, &cancelled)),
    );
    let (on_submit, field, submitted) = (lib.clone(), input.clone(), name_field.clone());
    dom::listen(&form, "submit", move |ev| {
        ev.prevent_default();
        let result = rename(&mut on_submit.collections.borrow_mut(), &field.value());
        match result {
            Ok(()) => {
                changed(&on_submit, Ok(()));
                dom::focus(&submitted.button);
            }
            Err(why) => dom::set_text(id::COLLECTIONS_PROBLEM, &why.to_string()),
        }
    });
    let (on_escape, escaped) = (lib.clone(), name_field.clone());
    dom::listen(&input, "keydown", move |ev| {
        let escape = ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|key| key.key() == "Escape");
        if escape {
            // Escape would otherwise close the whole dialog.
            ev.prevent_default();
            close_field(&on_escape, &escaped);
        }
    });
    let _ = shown.replace_with_with_node_1(&form);
    let _ = input.focus();
    input.select();
}

pub fn render(lib: &Lib) {
    render_folder_choice(lib);
    let Some(root) = dom::clear(id::FOLDERS) else {
        return;
    };
    let collections = lib.collections.borrow();
    if collections.folders.is_empty() {
        dom::append(
            &root,
            dom::element(
                "p",
                "No saved requests yet: save the one in the editor above.",
            ),
        );
    }
    for (f, folder) in collections.folders.iter().enumerate() {
        dom::append(&root, render_folder(lib, f, folder));
    }
}

/// A change to the collections, behind one of the dialog's buttons.
type Change = Box<dyn Fn(&mut Collections) -> Result<(), CollectionError>>;

/// One button per `(text, accessible name, change)`, appended to `parent`.
fn append_actions(lib: &Lib, parent: &Element, actions: Vec<(&str, String, Change)>) {
    for (text, label, change) in actions {
        dom::append(parent, action(lib, text, &label, change));
    }
}

/// A folder: its name and buttons, then its saved requests.
fn render_folder(lib: &Lib, f: usize, folder: &Folder) -> Option<Element> {
    let section = dom::element("section", "")?;
    let _ = section.set_attribute("class", "library-folder");
    let _ = section.set_attribute("aria-label", &folder.name);
    let bar = dom::element("div", "")?;
    let _ = bar.set_attribute("class", "library-row");
    let heading = dom::element("h3", &folder.name)?;
    dom::append(&bar, Some(heading.clone()));
    let what = format!("folder {}", folder.name);
    let rename: Rename = Rc::new(move |c: &mut Collections, name: &str| c.rename_folder(f, name));
    dom::append(
        &bar,
        rename_button(
            lib,
            // A dynamic id, one per folder (and per request below), for its rename field.
            format!("lib-rename-{f}"),
            &heading,
            &what,
            &folder.name,
            rename,
        ),
    );
    append_actions(
        lib,
        &bar,
        vec![
            (
                "↑",
                format!("Move {what} up"),
                Box::new(move |c: &mut Collections| {
                    c.move_folder(f, true);
                    Ok(())
                }),
            ),
            (
                "↓",
                format!("Move {what} down"),
                Box::new(move |c: &mut Collections| {
                    c.move_folder(f, false);
                    Ok(())
                }),
            ),
        ],
    );
    dom::append(&bar, delete_button(lib, what, move |c| c.delete_folder(f)));
    dom::append(&section, Some(bar));
    let list = dom::element("ol", "")?;
    let _ = list.set_attribute("class", "library-list");
    for (i, saved) in folder.requests.iter().enumerate() {
        dom::append(&list, render_saved(lib, f, i, saved));
    }
    dom::append(&section, Some(list));
    Some(section)
}

/// A saved request: its name (click to open), method and URL, and its buttons.
fn render_saved(lib: &Lib, f: usize, i: usize, saved: &Saved) -> Option<Element> {
    let item = dom::element("li", "")?;
    let id = saved.id;
    let on_open = lib.clone();
    let open = dom::button(&saved.name, move |_| {
        super::tabs_view::open_saved(&on_open, id);
        sidebar_view::entry_opened(&on_open);
    })?;
    dom::append(&item, Some(open.clone()));
    dom::append(
        &item,
        dom::element(
            "span",
            &format!("{} {}", saved.request.method, saved.request.url),
        ),
    );
    let what = &saved.name;
    let rename: Rename = Rc::new(move |c: &mut Collections, name: &str| c.rename(f, i, name));
    // A dynamic id, one per saved request.
    let id = format!("lib-rename-{f}-{i}");
    dom::append(&item, rename_button(lib, id, &open, what, what, rename));
    append_actions(
        lib,
        &item,
        vec![
            (
                "Duplicate",
                format!("Duplicate {what}"),
                Box::new(move |c: &mut Collections| c.duplicate(f, i).map(|_| ())),
            ),
            (
                "↑",
                format!("Move {what} up"),
                Box::new(move |c: &mut Collections| {
                    c.move_request(f, i, true);
                    Ok(())
                }),
            ),
            (
                "↓",
                format!("Move {what} down"),
                Box::new(move |c: &mut Collections| {
                    c.move_request(f, i, false);
                    Ok(())
                }),
            ),
        ],
    );
    dom::append(
        &item,
        delete_button(lib, format!("“{what}”"), move |c| c.delete(f, i)),
    );
    Some(item)
}

/// The "in" choice of the save row: every folder, the current choice kept when it still exists.
fn render_folder_choice(lib: &Lib) {
    let chosen = dom::value(id::SAVE_FOLDER);
    let Some(select) = dom::clear(id::SAVE_FOLDER) else {
        return;
    };
    let collections = lib.collections.borrow();
    if collections.folders.is_empty() {
        dom::append(&select, dom::element("option", FIRST_FOLDER));
    }
    for (f, folder) in collections.folders.iter().enumerate() {
        if let Some(option) = dom::element("option", &folder.name) {
            let _ = option.set_attribute("value", &f.to_string());
            dom::append(&select, Some(option));
        }
    }
    if (chosen.parse::<usize>()).is_ok_and(|f| f < collections.folders.len()) {
        dom::set_value(id::SAVE_FOLDER, &chosen);
    }
}

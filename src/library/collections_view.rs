//! Collections: folders of saved requests, in the Collections dialog. Save the editor's request, open,
//! rename, duplicate, delete and reorder requests and folders, export them all as a Postman collection.
//! Every change is written to storage at once.

use super::page;
use super::store::COLLECTIONS;
use super::{dom, Lib};
use crate::components::response_viewer::download;
use reqlab_core::library::collections::{Collections, Folder, Saved};
use web_sys::Element;

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
    let on_open = lib.clone();
    dom::on("lib-collections-open", "click", move |_| {
        dom::set_text("lib-collections-problem", "");
        render(&on_open);
        dom::show_dialog("lib-collections");
    });
    let on_save = lib.clone();
    dom::on("lib-save", "click", move |_| save_current(&on_save));
    let on_add = lib.clone();
    dom::on("lib-folder-add", "click", move |_| {
        on_add
            .collections
            .borrow_mut()
            .add_folder(&dom::value("lib-folder-name"));
        dom::set_value("lib-folder-name", "");
        changed(&on_add, Ok(()));
    });
    let on_export = lib.clone();
    dom::on("lib-collections-export", "click", move |_| {
        // The editor's variables go along, so the requests' {{names}} resolve where the file is opened.
        let variables = page::edited()
            .map(|draft| draft.variables.active().variables)
            .unwrap_or_default();
        let json = on_export
            .collections
            .borrow()
            .to_postman("reqlab collections", &variables);
        download(
            json.as_bytes(),
            "application/json",
            "reqlab.postman_collection.json",
        );
    });
}

fn save_current(lib: &Lib) {
    let Some(draft) = page::edited() else {
        return changed(
            lib,
            Err("The editor's request is not known yet: try again in a moment.".into()),
        );
    };
    let result = {
        let mut collections = lib.collections.borrow_mut();
        if collections.folders.is_empty() {
            collections.add_folder(FIRST_FOLDER);
        }
        let folder = dom::value("lib-save-folder").parse().unwrap_or(0);
        collections
            .save(folder, &dom::value("lib-save-name"), draft.request)
            .map(|_| ())
    };
    if result.is_ok() {
        dom::set_value("lib-save-name", "");
    }
    changed(lib, result);
}

/// After a change: writes the collections, says what went wrong if anything did, and redraws.
fn changed(lib: &Lib, result: Result<(), String>) {
    let written = lib.write(COLLECTIONS, &lib.collections.borrow().to_json());
    let problem = match (result, written) {
        (Err(why), _) => why,
        (Ok(()), Err(why)) => format!("The collections could not be kept: {why}."),
        (Ok(()), Ok(())) => String::new(),
    };
    dom::set_text("lib-collections-problem", &problem);
    render(lib);
}

/// A button that applies `change` to the collections, then saves and redraws.
fn action(
    lib: &Lib,
    text: &str,
    label: &str,
    change: impl Fn(&mut Collections) -> Result<(), String> + 'static,
) -> Option<Element> {
    let lib = lib.clone();
    let button = dom::button(text, move |_| {
        let result = change(&mut lib.collections.borrow_mut());
        changed(&lib, result);
    })?;
    let _ = button.set_attribute("aria-label", label);
    Some(button)
}

/// Asks for a new name; `None` when the user cancels.
fn ask_name(what: &str, current: &str) -> Option<String> {
    dom::prompt(&format!("New name for {what}"), current)
}

fn render(lib: &Lib) {
    render_folder_choice(lib);
    let Some(root) = dom::clear("lib-folders") else {
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
type Change = Box<dyn Fn(&mut Collections) -> Result<(), String>>;

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
    dom::append(&bar, dom::element("h3", &folder.name));
    let name = folder.name.clone();
    let what = format!("folder {name}");
    append_actions(
        lib,
        &bar,
        vec![
            (
                "Rename",
                format!("Rename {what}"),
                Box::new(move |c: &mut Collections| {
                    match ask_name(&format!("the folder “{name}”"), &name) {
                        Some(new) => c.rename_folder(f, &new),
                        None => Ok(()),
                    }
                }),
            ),
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
            (
                "Delete",
                format!("Delete {what}"),
                Box::new(move |c: &mut Collections| {
                    c.delete_folder(f);
                    Ok(())
                }),
            ),
        ],
    );
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
    let request = saved.request.clone();
    let summary = format!(
        "Opened “{}” from your collections. Nothing was sent.",
        saved.name
    );
    dom::append(
        &item,
        dom::button(&saved.name, move |_| {
            page::open(&request, None, &summary);
            dom::close_dialog("lib-collections");
        }),
    );
    dom::append(
        &item,
        dom::element(
            "span",
            &format!("{} {}", saved.request.method, saved.request.url),
        ),
    );
    let name = saved.name.clone();
    let what = &saved.name;
    append_actions(
        lib,
        &item,
        vec![
            (
                "Rename",
                format!("Rename {what}"),
                Box::new(
                    move |c: &mut Collections| match ask_name(&format!("“{name}”"), &name) {
                        Some(new) => c.rename(f, i, &new),
                        None => Ok(()),
                    },
                ),
            ),
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
            (
                "Delete",
                format!("Delete {what}"),
                Box::new(move |c: &mut Collections| {
                    c.delete(f, i);
                    Ok(())
                }),
            ),
        ],
    );
    Some(item)
}

/// The "in" choice of the save row: every folder, the current choice kept when it still exists.
fn render_folder_choice(lib: &Lib) {
    let chosen = dom::value("lib-save-folder");
    let Some(select) = dom::clear("lib-save-folder") else {
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
        dom::set_value("lib-save-folder", &chosen);
    }
}

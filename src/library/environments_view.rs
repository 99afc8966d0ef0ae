//! Environments: the header's picker of the active environment, always in view; and the sidebar's
//! Environments panel, where each of the editor's environments is exported as a Postman environment file,
//! and such a file imported as an environment, made the active one.

use super::markup::id;
use super::page;
use super::sidebar_view::{self, Panel};
use super::Lib;
use crate::dom::document as dom;
use crate::dom::download;
use crate::dom::form::fill_select_element;
use crate::protocol::import::LibraryQuestion;
use crate::protocol::library::Draft;
use reqlab_core::Environment;

/// The environment a file without a name becomes.
const UNNAMED: &str = "Imported environment";

pub fn wire(lib: &Lib) {
    let on_pick = lib.clone();
    dom::on(id::ENV_ACTIVE, "change", move |_| {
        let Some(mut draft) = page::edited() else {
            return super::notice(page::NOT_KNOWN_YET);
        };
        draft.variables.active = dom::value(id::ENV_ACTIVE).parse().ok();
        page::restore(&draft, super::tabs_view::shown_now(&on_pick));
    });
    if let Some(draft) = page::edited() {
        show_active(&draft);
    }
    dom::on(id::ENV_FILE, "change", |ev| {
        if let Some(file) = dom::take_chosen_file(&ev) {
            import_chosen(file);
        }
    });
}

/// The editor's environments changed (or may have): the picker and the panel follow.
pub fn edited(draft: &Draft) {
    show_active(draft);
    if sidebar_view::in_view(Panel::Environments) {
        render();
    }
}

/// The header's picker: "No environment", then each of the editor's, the active one chosen. Left alone
/// while it has the focus, so a redraw never closes it under the user.
fn show_active(draft: &Draft) {
    let focused = dom::document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| el.id() == id::ENV_ACTIVE);
    if focused {
        return;
    }
    let Some(select) = dom::by_id(id::ENV_ACTIVE) else {
        return;
    };
    let values: Vec<String> = (0..draft.variables.environments.len())
        .map(|i| i.to_string())
        .collect();
    let names = draft.variables.environments.iter().map(|e| e.name.as_str());
    let entries: Vec<(&str, &str)> = [("", "No environment")]
        .into_iter()
        .chain(values.iter().map(String::as_str).zip(names))
        .collect();
    // Left as it is when the environments have not changed (most edits).
    fill_select_element(&select, &entries);
    let active = draft.variables.active.map(|i| i.to_string());
    dom::set_value(id::ENV_ACTIVE, active.as_deref().unwrap_or_default());
}

/// One line per environment in the editor: its name, how many variables, and Export.
pub fn render() {
    let Some(list) = dom::clear(id::ENV_LIST) else {
        return;
    };
    let environments = page::edited()
        .map(|draft| draft.variables.environments)
        .unwrap_or_default();
    for environment in environments {
        let Some(item) = dom::element("li", "") else {
            continue;
        };
        let line = format!("{} ({})", environment.name, variables_phrase(&environment));
        dom::append(&item, dom::element("span", &line));
        let label = format!("Export environment {}", environment.name);
        let file_name = format!("{}.postman_environment.json", file_stem(&environment.name));
        let export = dom::labelled_button("Export", &label, move |_| {
            let question = LibraryQuestion {
                environment_export: Some(environment.clone()),
                ..LibraryQuestion::default()
            };
            let file_name = file_name.clone();
            // Written by the import worker, as the collections are.
            super::importer::ask(question, move |reply| match (reply.text, reply.error) {
                (Some(text), None) => download(text.as_bytes(), "application/json", &file_name),
                (_, why) => dom::set_text(id::ENV_PROBLEM, &why.unwrap_or_default()),
            });
        });
        dom::append(&item, export);
        dom::append(&list, Some(item));
    }
}

/// "1 variable", "3 variables": the named ones (the editor's empty row to type in is none).
fn variables_phrase(environment: &Environment) -> String {
    let count = environment
        .variables
        .iter()
        .filter(|v| !v.key.is_empty())
        .count();
    format!("{count} variable{}", if count == 1 { "" } else { "s" })
}

/// A file name from an environment's name: letters, digits, `-` and `_` kept, anything else `_`.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "environment".into()
    } else {
        stem
    }
}

/// Reads the chosen file (in the import worker); a Postman environment goes to the editor, anything else
/// is explained.
fn import_chosen(file: web_sys::File) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(text) = dom::file_text(&file).await else {
            return dom::set_text(
                id::ENV_PROBLEM,
                &format!("{} could not be read.", file.name()),
            );
        };
        let question = LibraryQuestion {
            environment_file: Some(text),
            ..LibraryQuestion::default()
        };
        let name = file.name();
        super::importer::ask(question, move |reply| {
            match (reply.environment, reply.error) {
                (Some(environment), None) => open(environment),
                (_, why) => dom::set_text(
                    id::ENV_PROBLEM,
                    &format!("{name}: {}", why.unwrap_or_default()),
                ),
            }
        });
    });
}

/// Loads `environment` into the editor as the active one, beside the request there now; an environment of
/// the same name is replaced, and the notice says so.
fn open(mut environment: Environment) {
    let Some(draft) = page::edited() else {
        dom::set_text(id::ENV_PROBLEM, page::NOT_KNOWN_YET);
        return;
    };
    if environment.name.trim().is_empty() {
        environment.name = UNNAMED.into();
    }
    let replaced = draft
        .variables
        .environments
        .iter()
        .any(|e| e.name == environment.name);
    let summary = format!(
        "Imported the environment “{}” ({}){}; it is the active one now.",
        environment.name,
        variables_phrase(&environment),
        if replaced {
            ", in place of the one of that name"
        } else {
            ""
        }
    );
    dom::set_text(id::ENV_PROBLEM, "");
    page::open(&draft.request, Some(environment), &summary, draft.saved);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_letters_digits_and_dashes() {
        let cases = [
            ("staging", "staging"),
            ("Echo API", "Echo_API"),
            ("prod/eu-1 ✓", "prod_eu-1__"),
            ("Größe", "Größe"),
            ("", "environment"),
        ];
        for (name, expected) in cases {
            assert_eq!(file_stem(name), expected, "{name}");
        }
    }
}

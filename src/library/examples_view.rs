//! The examples gallery, in the Examples dialog: the tutorials' requests, one click each to open in the
//! editor, aimed at an echo server the user can change (kept in storage). The import worker writes the
//! gallery (`importer`): its requests would weigh on every first visit.

use super::markup::id;
use super::page;
use super::store::EXAMPLES_BASE;
use super::Lib;
use crate::dom::document as dom;
use crate::protocol::import::{ExampleEntry, LibraryQuestion};

/// Where the examples go when the page is not served by reqlab-echo (static hosting).
const PUBLIC_ECHO: &str = "https://httpbin.org";

/// The echo server the examples are aimed at: the user's choice, else the page's own origin when
/// reqlab-echo serves it, else a public httpbin.
fn base(lib: &Lib) -> String {
    if let Some(stored) = lib
        .store
        .get(EXAMPLES_BASE)
        .filter(|b| !b.trim().is_empty())
    {
        return stored;
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    // Static hosts (GitHub Pages) serve the app but echo nothing.
    if origin.starts_with("http") && !origin.ends_with(".github.io") {
        origin
    } else {
        PUBLIC_ECHO.to_string()
    }
}

pub fn wire(lib: &Lib) {
    let on_open = lib.clone();
    dom::on(id::EXAMPLES_OPEN, "click", move |_| {
        dom::set_value(id::EXAMPLES_BASE, &base(&on_open));
        render();
        dom::show_dialog(id::EXAMPLES);
    });
    // Redrawn as the address is typed, not on `change`: that fires when the field loses focus, which is
    // the mousedown on an example, and a redraw there would swallow the click.
    dom::on(id::EXAMPLES_BASE, "input", |_| render());
    let on_base = lib.clone();
    dom::on(id::EXAMPLES_BASE, "change", move |_| {
        let chosen = dom::value(id::EXAMPLES_BASE);
        // Not kept is no loss: the field still holds it for this visit.
        let _ = on_base.store.set(EXAMPLES_BASE, chosen.trim());
    });
}

/// Asks for the gallery aimed at the dialog's echo server, and lists it.
fn render() {
    let question = LibraryQuestion {
        examples: Some(dom::value(id::EXAMPLES_BASE)),
        ..LibraryQuestion::default()
    };
    super::importer::ask(question, |reply| list(reply.examples));
}

fn list(examples: Vec<ExampleEntry>) {
    let Some(list) = dom::clear(id::EXAMPLES_LIST) else {
        return;
    };
    for example in examples {
        let Some(item) = dom::element("li", "") else {
            continue;
        };
        let _ = item.set_attribute("data-example", &example.id);
        let expected = match example.browser_status {
            0 => "the browser reports no status (an opaque redirect)".to_string(),
            status => format!("expect {status}"),
        };
        let summary = format!(
            "Opened the example “{}”: press Send ({expected}).",
            example.title
        );
        let request = example.request;
        dom::append(
            &item,
            dom::button(&example.title, move |_| {
                page::open(&request, None, &summary, None);
                dom::close_dialog(id::EXAMPLES);
            }),
        );
        dom::append(
            &item,
            dom::element("span", &format!("{} ({expected}.)", example.about)),
        );
        dom::append(&list, Some(item));
    }
}

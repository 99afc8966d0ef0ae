//! History: every finished send is recorded (newest first, 100 at most, answers cut to 16 KiB), and the
//! sidebar's History panel lists them, searchable, to open again, remove one, or clear them all.

use super::markup::id;
use super::page;
use super::sidebar_view::{self, Panel};
use super::store::HISTORY;
use super::Lib;
use crate::dom::document as dom;
use reqlab_core::library::history::{History, HistoryEntry};

pub fn restore(lib: &Lib) -> Option<String> {
    let (history, problem) = lib.read(HISTORY, "history", History::from_json);
    if let Some(history) = history {
        *lib.history.borrow_mut() = history;
    }
    problem
}

/// Records sends as the page announces them (and those it queued before the library loaded); wires the
/// panel.
pub fn follow(lib: &Lib) {
    record(lib);
    let on_sent = lib.clone();
    dom::on_window("reqlab:sent", move |_| record(&on_sent));
    if lib.embedded {
        return;
    }
    let on_search = lib.clone();
    dom::on(id::HISTORY_SEARCH, "input", move |_| render(&on_search));
    let on_clear = lib.clone();
    dom::on(id::HISTORY_CLEAR, "click", move |_| {
        on_clear.history.borrow_mut().clear();
        on_clear.store.remove(HISTORY);
        render(&on_clear);
    });
}

/// Takes the finished sends: the last one is the answer on show, and its tab's; each goes into the
/// history (not in an embedded page, which keeps nothing).
fn record(lib: &Lib) {
    let sent: Vec<HistoryEntry> = page::take_sent()
        .into_iter()
        .filter_map(|send| {
            // Digest, AWS and OAuth secrets are not kept with what was sent (PRODUCT's rule).
            let recorded = HistoryEntry::recorded(&send.draft?.request);
            Some(HistoryEntry {
                status: send.status,
                status_text: send.status_text,
                elapsed_ms: send.elapsed_ms,
                size: send.size,
                // The page hands over only the body's first bytes.
                body_truncated: (send.body.len() as u64) < send.size,
                body: String::from_utf8_lossy(&send.body).into_owned(),
                at_ms: js_sys::Date::now(),
                tests: send.tests,
                ..recorded
            })
        })
        .collect();
    let Some(last) = sent.last() else {
        return;
    };
    super::answer_view::show(lib, Some(last), false);
    if lib.embedded {
        return;
    }
    super::tabs_view::answered(lib, last.clone());
    for entry in sent {
        lib.history.borrow_mut().record(entry);
    }
    if let Err(why) = lib.write_history() {
        super::notice(&format!("The history could not be kept: {why}."));
    }
    if sidebar_view::in_view(Panel::History) {
        render(lib);
    }
}

/// "200 OK · 35 ms · 1.2 KB · 14:03"
fn details(entry: &HistoryEntry) -> String {
    let outcome = match entry.status {
        0 if entry.status_text.is_empty() => "no response".to_string(),
        0 => entry.status_text.clone(),
        status => format!("{status} {}", entry.status_text),
    };
    let when = js_sys::Date::new(&entry.at_ms.into());
    // Whole milliseconds as an integer: formatting an f64 would bring the float printer into the library.
    let mut details = format!(
        "{} · {} ms · {} · {}",
        outcome.trim(),
        entry.elapsed_ms.max(0.0).round() as u64,
        reqlab_core::render::size::describe(entry.size),
        String::from(when.to_locale_string("default", &js_sys::Object::new()))
    );
    if !entry.tests.is_empty() {
        details.push_str(" · ");
        details.push_str(&entry.tests);
    }
    details
}

pub fn render(lib: &Lib) {
    let Some(list) = dom::clear(id::HISTORY_LIST) else {
        return;
    };
    let history = lib.history.borrow();
    let shown = history.search(&dom::value(id::HISTORY_SEARCH));
    dom::set_text(
        id::HISTORY_COUNT,
        &match (history.entries.len(), shown.len()) {
            (0, _) => "Nothing sent yet.".to_string(),
            (1, 1) => "1 request.".to_string(),
            (all, found) if all == found => format!("{all} requests."),
            (all, found) => format!("{found} of {all} requests match."),
        },
    );
    for index in shown {
        let entry = &history.entries[index];
        let Some(item) = dom::element("li", "") else {
            continue;
        };
        let label = entry.label();
        let on_open = lib.clone();
        dom::append(
            &item,
            dom::button(&label, move |_| {
                let entry = on_open.history.borrow().entries.get(index).cloned();
                if let Some(entry) = entry {
                    super::tabs_view::open_history(&on_open, entry);
                }
                sidebar_view::entry_opened(&on_open);
            }),
        );
        dom::append(&item, dom::element("span", &details(entry)));
        let on_remove = lib.clone();
        let remove = dom::labelled_button("Remove", &format!("Remove {label}"), move |_| {
            on_remove.history.borrow_mut().remove(index);
            let _ = on_remove.write_history();
            render(&on_remove);
        });
        dom::append(&item, remove);
        dom::append(&list, Some(item));
    }
}

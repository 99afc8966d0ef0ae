//! The line above the response that names the request it answers (method, URL, when it was sent) and says
//! when the editor has changed since, without hiding the answer. The response panel is the page's, but
//! these facts are the library's (it hears every finished send and every edit), so the library writes this
//! one line into the element the page reserves for it (`protocol::library::ANSWER_OF`).

use super::Lib;
use crate::dom::document as dom;
use crate::protocol::library::{Draft, ANSWER_OF};
use reqlab_core::library::history::HistoryEntry;

/// A send started: the line would name the previous answer, so it goes until this one arrives.
pub fn follow(lib: &Lib) {
    let on_sending = lib.clone();
    dom::on_window("reqlab:sending", move |_| {
        *on_sending.answered.borrow_mut() = None;
        dom::set_text(ANSWER_OF, "");
    });
}

/// The answer on show is `answer`'s (the send that ended last, or a tab's), or none; `kept` when it is
/// the copy History keeps rather than the response itself.
pub fn show(lib: &Lib, answer: Option<&HistoryEntry>, kept: bool) {
    let Some(answer) = answer else {
        *lib.answered.borrow_mut() = None;
        return dom::set_text(ANSWER_OF, "");
    };
    let when = js_sys::Date::new(&answer.at_ms.into()).to_locale_time_string("default");
    let request = &answer.request;
    let caption = format!(
        "Answer to {} {}, sent at {}.{}",
        request.method,
        request.url,
        String::from(when),
        if kept {
            " As History kept it: without its headers, the body at most 16 KiB."
        } else {
            ""
        }
    );
    dom::set_text(ANSWER_OF, &caption);
    *lib.answered.borrow_mut() = Some((request.clone(), caption));
}

/// The editor changed: if it no longer holds the request answered, the line says so.
pub fn edited(lib: &Lib, draft: &Draft) {
    if let Some((request, caption)) = lib.answered.borrow().as_ref() {
        let text = if *request == draft.request {
            caption.clone()
        } else {
            format!("{caption} The request has been edited since.")
        };
        dom::set_text(ANSWER_OF, &text);
    }
}

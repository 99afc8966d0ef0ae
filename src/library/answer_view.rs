//! The line above the response that names the request it answers (method, URL, when it was sent) and says
//! when the editor has changed since, without hiding the answer. The response panel is the page's, but
//! these facts are the library's (it hears every finished send and every edit), so the library writes this
//! one line into the element the page reserves for it (`protocol::library::ANSWER_OF`).

use super::page::Sent;
use super::Lib;
use crate::dom::document as dom;
use crate::protocol::library::{Draft, ANSWER_OF};

/// A send started: the line would name the previous answer, so it goes until this one arrives.
pub fn follow(lib: &Lib) {
    let on_sending = lib.clone();
    dom::on_window("reqlab:sending", move |_| {
        *on_sending.answered.borrow_mut() = None;
        dom::set_text(ANSWER_OF, "");
    });
}

/// The send that ended last: the answer shown is its.
pub fn answered(lib: &Lib, sent: &Sent) {
    let Some(draft) = &sent.draft else {
        return;
    };
    let when = js_sys::Date::new_0().to_locale_time_string("default");
    let request = &draft.request;
    let caption = format!(
        "Answer to {} {}, sent at {}.",
        request.method,
        request.url,
        String::from(when)
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

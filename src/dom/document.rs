//! DOM operations on the whole document, for the library's views (alone in their page, they find controls
//! by id anywhere), none of which can throw out of wasm: find by id, read and set values and text (with
//! `dom::form`'s setters), listen, open and close dialogs, build elements, wait.

use super::form::{set_hidden_element, set_text_of, set_value_of};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlDialogElement, HtmlElement};

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

pub fn by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

/// A form control's `value` ("" when the element is missing).
pub fn value(id: &str) -> String {
    by_id(id)
        .and_then(|el| Reflect::get(&el, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

pub fn set_value(id: &str, value: &str) {
    if let Some(el) = by_id(id) {
        set_value_of(&el, value);
    }
}

pub fn checked(id: &str) -> bool {
    by_id(id)
        .and_then(|el| Reflect::get(&el, &"checked".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Shows or hides the element `id` (its `hidden` attribute), with `dom::form`'s setter.
pub fn set_hidden(id: &str, hidden: bool) {
    if let Some(el) = by_id(id) {
        set_hidden_element(&el, hidden);
    }
}

pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        set_text_of(&el, text);
    }
}

/// Runs `handler` on every `event` at `target`, for the life of the page.
pub fn listen(target: &EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Runs `handler` on every `event` at the element `id`, if it exists.
pub fn on(id: &str, event: &str, handler: impl FnMut(Event) + 'static) {
    if let Some(el) = by_id(id) {
        listen(&el, event, handler);
    }
}

pub fn on_window(event: &str, handler: impl FnMut(Event) + 'static) {
    if let Some(window) = web_sys::window() {
        listen(&window, event, handler);
    }
}

/// Puts `css` in the page's head: a bundle's own styles, which the page's CSS does not carry.
pub fn add_style(css: &str) {
    if let (Some(style), Some(head)) = (element("style", css), document().and_then(|d| d.head())) {
        let _ = head.append_child(&style);
    }
}

/// A new element with `text` as its text (never parsed as HTML).
pub fn element(tag: &str, text: &str) -> Option<Element> {
    let el = document()?.create_element(tag).ok()?;
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    Some(el)
}

/// A `<button type="button">` saying `text`, running `click` when pressed.
pub fn button(text: &str, click: impl FnMut(Event) + 'static) -> Option<Element> {
    let el = element("button", text)?;
    let _ = el.set_attribute("type", "button");
    listen(&el, "click", click);
    Some(el)
}

/// A button as `button` makes it, whose accessible name is `label` (say, "Remove GET /x" for a "Remove"
/// among many).
pub fn labelled_button(
    text: &str,
    label: &str,
    click: impl FnMut(Event) + 'static,
) -> Option<Element> {
    let el = button(text, click)?;
    let _ = el.set_attribute("aria-label", label);
    Some(el)
}

pub fn append(parent: &Element, child: Option<Element>) {
    if let Some(child) = child {
        let _ = parent.append_child(&child);
    }
}

pub fn clear(id: &str) -> Option<Element> {
    let el = by_id(id)?;
    el.set_text_content(None);
    Some(el)
}

pub fn show_dialog(id: &str) {
    if let Some(dialog) = by_id(id).and_then(|el| el.dyn_into::<HtmlDialogElement>().ok()) {
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    }
}

pub fn close_dialog(id: &str) {
    if let Some(dialog) = by_id(id).and_then(|el| el.dyn_into::<HtmlDialogElement>().ok()) {
        dialog.close();
    }
}

pub fn focus(id: &str) {
    if let Some(el) = by_id(id).and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Runs `run` once, `ms` milliseconds from now.
pub fn after(ms: i32, run: impl FnOnce() + 'static) {
    let closure = Closure::once_into_js(run);
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
    }
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The file chosen in the file input an event (its `change`) came from, the input emptied so that choosing
/// the same file again (after fixing it) fires `change` again.
pub fn take_chosen_file(ev: &Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// A file's text, or `None` when the browser could not read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}

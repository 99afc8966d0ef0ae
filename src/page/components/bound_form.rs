//! A static form bound to the page's state by a table: each form lists what each of its controls (by its
//! declared id, see `dom::controls`) shows and edits, and `form` makes the markup live with one effect that
//! sets every control from the state and one `input` handler that turns a control's new value into a state
//! change.
//!
//! Non-generic on purpose: every form shares this code, where an effect and a handler written per form
//! would each be generic code of its own in the page's wasm (see `dom::form` for the budget). What a form
//! does beyond text, flags and choices (a hint that follows a choice, a problem, a section to hide) is a
//! `Show` entry of the same table.

use crate::dom::form::{edit_of, fill_select_element, find, set_property_of};
use crate::page::state::Choice;
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::edit::vocabulary::Vocabulary;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What one control shows and edits.
pub enum Binding {
    /// A text box (input or textarea) and the text it edits.
    Text(RwSignal<String>),
    /// A checkbox and the flag it edits.
    Flag(RwSignal<bool>),
    /// A select of a closed choice: its options are `ids` labelled by `labels`; `chosen` says which is
    /// chosen, `choose` takes the one the user picked.
    Choice {
        ids: &'static [&'static str],
        labels: &'static [&'static str],
        chosen: Box<dyn Fn() -> usize>,
        choose: Box<dyn Fn(usize)>,
    },
    /// A control that shows state its own way (a number) and edits it: `edit` takes a new value and
    /// ignores what it cannot read (a number half typed).
    Control {
        show: Box<dyn Fn(&Element)>,
        edit: Box<dyn Fn(&str)>,
    },
    /// An element that only shows state (a hint, a problem, a section to hide).
    Show(Box<dyn Fn(&Element)>),
    /// A button: `click` runs when it is clicked.
    Click(Box<dyn Fn()>),
    /// A control whose `input` event is read whole (a file picker: its files are on the event's target).
    Input(Box<dyn Fn(&web_sys::Event)>),
}

impl Binding {
    /// A select of every value of a vocabulary, choosing the signal's value.
    pub fn choice<T: Vocabulary>(signal: Choice<T>) -> Binding {
        Binding::Choice {
            ids: T::IDS,
            labels: T::LABELS,
            chosen: Box::new(move || signal.index()),
            choose: Box::new(move |i| signal.set_index(i)),
        }
    }

    /// An element that only shows state.
    pub fn show(show: impl Fn(&Element) + 'static) -> Binding {
        Binding::Show(Box::new(show))
    }

    /// A control that shows state its own way and edits it.
    pub fn control(show: impl Fn(&Element) + 'static, edit: impl Fn(&str) + 'static) -> Binding {
        Binding::Control {
            show: Box::new(show),
            edit: Box::new(edit),
        }
    }

    /// A button.
    pub fn click(click: impl Fn() + 'static) -> Binding {
        Binding::Click(Box::new(click))
    }
}

/// A form's table: each control's id and binding. An id may stand in several rows (a field that edits a
/// text and shows whether it is valid).
pub type Bindings = Vec<(&'static str, Binding)>;

/// `markup` (a constant: values only ever go in as values, text or attributes) made live by `bindings`,
/// in a `div` of this class.
pub fn form(class: &'static str, markup: &'static str, bindings: Bindings) -> impl IntoView {
    // A form lives as long as the page (the editor's tab panels are hidden, never unmounted), so its table
    // does too: leaked once, it is shared by the effect and the handler without counting references.
    let bindings: &'static Bindings = Box::leak(Box::new(bindings));
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            show(&root, bindings);
        }
    });
    let on_input = move |ev: web_sys::Event| edit(bindings, &ev);
    let on_click = move |ev: web_sys::MouseEvent| click(bindings, &ev);
    view! { <div class=class node_ref=root inner_html=markup on:input=on_input on:click=on_click></div> }
}

/// Sets every control from the state it is bound to.
fn show(root: &Element, bindings: &Bindings) {
    for (id, binding) in bindings {
        let Some(control) = find(root, id) else {
            continue;
        };
        match binding {
            Binding::Text(text) => {
                set_property_of(&control, "value", &JsValue::from_str(&text.get()))
            }
            Binding::Flag(flag) => {
                set_property_of(&control, "checked", &JsValue::from_bool(flag.get()))
            }
            Binding::Choice {
                ids,
                labels,
                chosen,
                ..
            } => {
                let entries: Vec<(&str, &str)> =
                    ids.iter().copied().zip(labels.iter().copied()).collect();
                fill_select_element(&control, &entries);
                let id = ids.get(chosen()).copied().unwrap_or_default();
                set_property_of(&control, "value", &JsValue::from_str(id));
            }
            Binding::Control { show, .. } | Binding::Show(show) => show(&control),
            Binding::Click(_) | Binding::Input(_) => {}
        }
    }
}

/// Hands an `input` event's new value to the state its control is bound to.
fn edit(bindings: &Bindings, ev: &web_sys::Event) {
    let Some(edit) = edit_of(ev) else {
        return;
    };
    for (_, binding) in bindings.iter().filter(|(id, _)| *id == edit.id) {
        match binding {
            Binding::Text(text) => text.set(edit.value.clone()),
            Binding::Flag(flag) => flag.set(edit.value == "true"),
            Binding::Choice { ids, choose, .. } => {
                if let Some(i) = ids.iter().position(|id| *id == edit.value) {
                    choose(i);
                }
            }
            Binding::Control { edit: set, .. } => set(&edit.value),
            Binding::Input(read) => read(ev),
            Binding::Show(_) | Binding::Click(_) => {}
        }
    }
}

/// Runs the action of a clicked button.
fn click(bindings: &Bindings, ev: &web_sys::MouseEvent) {
    let Some(id) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map(|e| e.id())
    else {
        return;
    };
    for (_, binding) in bindings.iter().filter(|(bound, _)| *bound == id) {
        if let Binding::Click(click) = binding {
            click();
        }
    }
}

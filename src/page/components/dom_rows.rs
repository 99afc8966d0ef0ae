//! Lists of editable rows kept as plain DOM (key/value rows, multipart parts): items keyed by the row's id
//! (`data-id`), each control named by `data-field`, and events handled once on the list.
//!
//! Why not a keyed `<For>` of reactive rows: see `dom::form` (the page's size budget); the list is kept in
//! step by one effect that calls `sync_items`, and values are set only where they differ, so the field
//! being typed in keeps its caret.

use crate::dom::form::set_property_of;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Makes `list`'s items match `ids`, in order: stale items are removed, missing ones are created as
/// `<li class>` holding the constant `markup`, then `fill(item, index)` shows each row's values.
pub fn sync_items(
    list: &Element,
    ids: &[u32],
    class: &str,
    markup: &str,
    fill: impl Fn(&Element, usize),
) {
    let children = list.children();
    let stale: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|item| item_id(item).is_none_or(|id| !ids.contains(&id)))
        .collect();
    for item in stale {
        item.remove();
    }
    for (at, id) in ids.iter().enumerate() {
        let item = match list.query_selector(&format!("li[data-id=\"{id}\"]")) {
            Ok(Some(item)) => item,
            _ => match new_item(list, *id, class, markup) {
                Some(item) => item,
                None => return,
            },
        };
        let current = children.item(at as u32);
        if current.as_ref() != Some(&item) {
            let _ = list.insert_before(&item, current.as_ref().map(|c| c.as_ref()));
        }
        fill(&item, at);
    }
}

fn item_id(item: &Element) -> Option<u32> {
    item.get_attribute("data-id")?.parse().ok()
}

fn new_item(list: &Element, id: u32, class: &str, markup: &str) -> Option<Element> {
    let item = list.owner_document()?.create_element("li").ok()?;
    item.set_class_name(class);
    let _ = item.set_attribute("data-id", &id.to_string());
    item.set_inner_html(markup);
    Some(item)
}

/// The control of a row named `field` (its `data-field`).
pub fn part(item: &Element, field: &str) -> Option<Element> {
    item.query_selector(&format!("[data-field=\"{field}\"]"))
        .ok()
        .flatten()
}

/// Sets a property of a row's control unless it already holds the value.
pub fn set_part(item: &Element, field: &str, property: &str, value: &JsValue) {
    if let Some(control) = part(item, field) {
        set_property_of(&control, property, value);
    }
}

/// What an event on the list touched: the row's id, the control's `data-field`, and the control.
pub struct Touched {
    pub id: u32,
    pub field: String,
    pub control: Element,
}

impl Touched {
    /// The control's `value` (text inputs, selects).
    pub fn value(&self) -> String {
        self.property("value")
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// A checkbox's `checked`.
    pub fn checked(&self) -> bool {
        self.property("checked")
            .and_then(|c| c.as_bool())
            .unwrap_or(false)
    }

    fn property(&self, name: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.control, &JsValue::from_str(name)).ok()
    }
}

/// The row control an event came from, if any.
pub fn touched(ev: &web_sys::Event) -> Option<Touched> {
    let control = ev.target()?.dyn_into::<Element>().ok()?;
    let field = control.get_attribute("data-field")?;
    let id = item_id(&control.closest("li").ok()??)?;
    Some(Touched { id, field, control })
}

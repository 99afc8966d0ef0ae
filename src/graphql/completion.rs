//! Completion in the query: what fits at the cursor (core's `graphql::complete` on the schema in use),
//! opened as a name is typed or with Ctrl+Space, and driven by the keyboard: arrows to choose, Enter or
//! Tab to take, Escape to close. The list sits under the word it completes; the textarea keeps the focus
//! and names the chosen item (`aria-activedescendant`; a textarea may not say `aria-expanded`).

use super::markup::id;
use super::state;
use super::text::{byte_offset, line_and_column, utf16_index};
use crate::dom::document::{by_id, set_text};
use crate::dom::form::set_attribute_of;
use crate::dom::html::escape;
use reqlab_core::graphql::complete::complete;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};

/// At most this many items are listed: the rest are reached by typing more of the name.
const SHOWN: usize = 50;

fn textarea() -> Option<HtmlTextAreaElement> {
    by_id(id::QUERY)?.dyn_into().ok()
}

/// After an edit (or on Ctrl+Space, `asked`): the list for the cursor, or none. Typing opens it only
/// right after a name's character, `$` or `@`, so it does not cover what is being written otherwise.
pub fn update(asked: bool) {
    let Some(area) = textarea() else { return };
    let Some(schema) = state::schema() else {
        close();
        if asked {
            set_note("Completion needs the schema: fetch it or load an SDL file.");
        }
        return;
    };
    let text = area.value();
    let cursor = byte_offset(&text, area.selection_start().ok().flatten().unwrap_or(0));
    let typed = text[..cursor]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '@');
    if !asked && !typed {
        close();
        return;
    }
    let completion = complete(&text, cursor, &schema);
    if completion.items.is_empty() {
        close();
        if asked {
            set_note("Nothing from the schema fits here.");
        }
        return;
    }
    let (line, column) = line_and_column(&text, completion.from);
    state::with(|s| {
        s.completion = Some(completion);
        s.active = 0;
    });
    draw();
    if let Some(holder) = by_id(id::COMPLETE).and_then(|list| list.parent_element()) {
        // In the textarea's own units (its font is monospaced, 1.5 lines): under the word, less the scroll.
        let style = format!(
            "top:calc({}*1.5em + 0.6rem - {}px);left:min(calc({column}ch + 0.5rem - {}px),calc(100% - 20rem))",
            line + 1,
            area.scroll_top(),
            area.scroll_left(),
        );
        set_attribute_of(&holder, "style", Some(&style));
        set_attribute_of(&holder, "hidden", None);
    }
}

/// A key in the query: true when completion took it.
pub fn key(event: &KeyboardEvent) -> bool {
    if event.ctrl_key() && (event.key() == " " || event.code() == "Space") {
        update(true);
        return true;
    }
    let count = state::with(|s| s.completion.as_ref().map(|c| c.items.len().min(SHOWN)));
    let Some(count) = count else { return false };
    match event.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            let step = if event.key() == "ArrowDown" {
                1
            } else {
                count - 1
            };
            state::with(|s| s.active = (s.active + step) % count);
            draw();
        }
        "Enter" | "Tab" => take(state::with(|s| s.active)),
        "Escape" => close(),
        _ => return false,
    }
    true
}

/// Puts item `index` in place of the word it completes, and goes on completing after an argument's name.
pub fn take(index: usize) {
    let Some(area) = textarea() else { return };
    let Some((from, to, insert)) = state::with(|s| {
        let completion = s.completion.as_ref()?;
        let item = completion.items.get(index)?;
        Some((completion.from, completion.to, item.insert.clone()))
    }) else {
        return;
    };
    let text = area.value();
    let (from, to) = (
        from.min(text.len()),
        to.min(text.len()).max(from.min(text.len())),
    );
    let (Some(before), Some(after)) = (text.get(..from), text.get(to..)) else {
        return;
    };
    let edited = format!("{before}{insert}{after}");
    area.set_value(&edited);
    let cursor = utf16_index(&edited, from + insert.len());
    let _ = area.set_selection_range(cursor, cursor);
    close();
    super::edited();
    if insert.ends_with(": ") {
        update(true);
    }
}

pub fn close() {
    state::with(|s| s.completion = None);
    if let Some(holder) = by_id(id::COMPLETE).and_then(|list| list.parent_element()) {
        set_attribute_of(&holder, "hidden", Some(""));
    }
    if let Some(area) = by_id(id::QUERY) {
        set_attribute_of(&area, "aria-activedescendant", None);
    }
}

fn set_note(note: &str) {
    set_text(id::COMPLETE_NOTE, note);
    if let Some(holder) = by_id(id::COMPLETE).and_then(|list| list.parent_element()) {
        if let Some(list) = by_id(id::COMPLETE) {
            list.set_inner_html("");
        }
        set_attribute_of(&holder, "hidden", None);
        set_attribute_of(&holder, "style", Some("top:2rem;left:0.5rem"));
    }
}

/// The list, with the chosen item marked and its description under it.
fn draw() {
    let Some((items, note)) = state::with(|s| {
        let completion = s.completion.as_ref()?;
        let items: String = completion
            .items
            .iter()
            .take(SHOWN)
            .enumerate()
            .map(|(i, item)| {
                format!(
                    "<li role=\"option\" id=\"gql-option-{i}\" data-index=\"{i}\" aria-selected=\"{}\"{}>\
                     <span>{}</span><small>{}</small></li>",
                    i == s.active,
                    if item.deprecated { " class=\"deprecated\"" } else { "" },
                    escape(&item.label),
                    escape(&item.detail),
                )
            })
            .collect();
        let chosen = completion.items.get(s.active)?;
        let more = completion.items.len().saturating_sub(SHOWN);
        let mut note = chosen.description.clone();
        if more > 0 {
            note = format!("{more} more: type on to narrow. {note}");
        }
        Some((items, note))
    }) else {
        return;
    };
    if let Some(list) = by_id(id::COMPLETE) {
        list.set_inner_html(&items);
        let active = state::with(|s| s.active);
        if let Ok(Some(option)) = list.query_selector("[aria-selected=true]") {
            let nearest = web_sys::ScrollIntoViewOptions::new();
            nearest.set_block(web_sys::ScrollLogicalPosition::Nearest);
            option.scroll_into_view_with_scroll_into_view_options(&nearest);
        }
        if let Some(area) = by_id(id::QUERY) {
            set_attribute_of(
                &area,
                "aria-activedescendant",
                Some(&format!("gql-option-{active}")),
            );
        }
    }
    set_text(id::COMPLETE_NOTE, &note);
}

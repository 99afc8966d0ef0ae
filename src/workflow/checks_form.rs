//! The Tests tab's form: the request's checks as rows (on, subject, operator, value, remove), read back into
//! `Request::checks` on every edit and handed to the page; each row that cannot be read says why beside it.

use super::bridge;
use super::markup::escape;
use crate::dom::form::find;
use reqlab_core::check::{Check, Operator};
use reqlab_core::KeyValue;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

crate::controls! {
    /// The form's ids, as `MARKUP` spells them.
    pub mod id {
        ROWS = "checks-rows",
        ADD = "checks-add",
        SUBJECTS = "check-subjects",
        RUN = "run-open",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<table class="checks-table"><thead><tr><th scope="col">On</th><th scope="col">Subject</th>"#,
    r#"<th scope="col">Operator</th><th scope="col">Value</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>"#,
    r#"<tbody id="checks-rows"></tbody></table>"#,
    r#"<button type="button" id="checks-add" class="add-row">Add check</button>"#,
    r#"<datalist id="check-subjects"><option value="status"><option value="header Content-Type">"#,
    r#"<option value="$."><option value="regex "><option value="body"><option value="time"><option value="size"></datalist>"#,
    r#"<p class="hint">A subject is <code>status</code>, <code>header Name</code>, a JSONPath such as "#,
    r#"<code>$.items[0].id</code>, <code>regex id=(\d+)</code> (its first group), <code>body</code>, "#,
    r#"<code>time</code> (ms) or <code>size</code> (bytes). Values may use <code>{{variables}}</code>; "#,
    r#"<em>set variable</em> saves the subject's value in the active environment, for the next request's "#,
    r#"<code>{{name}}</code>. The checks run on every answer, shown under its status line.</p>"#,
    r#"<p><button type="button" id="run-open" data-run="open">Run a collection…</button></p>"#,
);

thread_local! {
    /// The rows the form shows (and last handed to the page).
    static SHOWN: RefCell<Option<Vec<KeyValue>>> = const { RefCell::new(None) };
}

/// Fills a `<reqlab-checks>` element with the form, showing the editor's checks.
pub fn mount(root: &Element) {
    root.set_inner_html(MARKUP);
    let _ = root.set_attribute("data-ready", "");
    let on_edit = root.clone();
    crate::dom::document::listen(root, "input", move |_| edited(&on_edit));
    let on_change = root.clone();
    crate::dom::document::listen(root, "change", move |_| edited(&on_change));
    let on_click = root.clone();
    crate::dom::document::listen(root, "click", move |ev| clicked(&on_click, &ev));
    SHOWN.with(|s| s.borrow_mut().take());
    catch_up();
}

fn root() -> Option<Element> {
    crate::dom::document::document()?
        .query_selector("reqlab-checks[data-ready]")
        .ok()
        .flatten()
}

/// Shows the editor's checks, unless they are the form's own.
pub fn catch_up() {
    let (Some(root), Some(draft)) = (root(), bridge::edited()) else {
        return;
    };
    let own = SHOWN.with(|s| s.borrow().as_ref() == Some(&draft.request.checks));
    if !own {
        render(&root, &draft.request.checks);
    }
}

fn render(root: &Element, rows: &[KeyValue]) {
    let Some(body) = find(root, id::ROWS) else {
        return;
    };
    let html: String = rows
        .iter()
        .enumerate()
        .map(|(i, row)| row_markup(i, row))
        .collect();
    body.set_inner_html(&html);
    SHOWN.with(|s| *s.borrow_mut() = Some(rows.to_vec()));
    show_problems(root, rows);
}

fn row_markup(i: usize, row: &KeyValue) -> String {
    let value = row.value.trim();
    let (word, operand) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    let chosen = Operator::read(word).unwrap_or(Operator::Equals);
    // A value whose first word is no operator is kept whole as the operand (nothing typed is lost).
    let operand = if Operator::read(word).is_some() {
        operand.trim()
    } else {
        value
    };
    let options: String = Operator::ALL
        .iter()
        .map(|op| {
            format!(
                r#"<option value="{}"{}>{}</option>"#,
                op.as_str(),
                if *op == chosen { " selected" } else { "" },
                op.label()
            )
        })
        .collect();
    let n = i + 1;
    format!(
        concat!(
            r#"<tr data-row="{i}"><td><input type="checkbox" data-f="on" aria-label="Check {n} on"{on}></td>"#,
            r#"<td><input data-f="subject" list="check-subjects" aria-label="Subject {n}" spellcheck="false" "#,
            r#"placeholder="status" value="{subject}"></td>"#,
            r#"<td><select data-f="operator" aria-label="Operator {n}">{options}</select></td>"#,
            r#"<td><input data-f="operand" aria-label="Value {n}" spellcheck="false" value="{operand}"></td>"#,
            r#"<td><button type="button" data-f="remove" aria-label="Remove check {n}">×</button></td></tr>"#,
            r#"<tr class="check-problem" data-problem="{i}" hidden><td></td><td colspan="4" class="problem"></td></tr>"#,
        ),
        i = i,
        n = n,
        on = if row.enabled { " checked" } else { "" },
        subject = escape(&row.key),
        options = options,
        operand = escape(operand),
    )
}

/// The rows as the form holds them now.
fn read(root: &Element) -> Vec<KeyValue> {
    let Ok(rows) = root.query_selector_all("tr[data-row]") else {
        return Vec::new();
    };
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .map(|row| {
            let input = |f: &str| row.query_selector(&format!("[data-f={f}]")).ok().flatten();
            let text = |f: &str| {
                input(f)
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                    .map(|e| e.value())
                    .unwrap_or_default()
            };
            let enabled = input("on")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|e| e.checked());
            let operator = input("operator")
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                .map(|e| e.value())
                .unwrap_or_default();
            let operand = text("operand");
            KeyValue {
                enabled,
                key: text("subject"),
                value: match operand.trim().is_empty() {
                    true => operator,
                    false => format!("{operator} {}", operand.trim()),
                },
            }
        })
        .collect()
}

fn edited(root: &Element) {
    let rows = read(root);
    show_problems(root, &rows);
    hand_over(rows);
}

fn hand_over(rows: Vec<KeyValue>) {
    SHOWN.with(|s| *s.borrow_mut() = Some(rows.clone()));
    bridge::hand_over_checks(rows);
}

fn clicked(root: &Element, ev: &web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let mut rows = read(root);
    if target.id() == id::ADD {
        rows.push(KeyValue::new("status", "equals 200"));
    } else if target.get_attribute("data-f").as_deref() == Some("remove") {
        let at = target
            .closest("tr[data-row]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-row"))
            .and_then(|i| i.parse::<usize>().ok());
        match at {
            Some(at) if at < rows.len() => {
                rows.remove(at);
            }
            _ => return,
        }
    } else {
        return;
    }
    render(root, &rows);
    hand_over(rows.clone());
    // Keyboard users land on the new row's subject, or back on the add button after a removal.
    let focus = if target.id() == id::ADD && !rows.is_empty() {
        format!("[aria-label='Subject {}']", rows.len())
    } else {
        format!("#{}", id::ADD)
    };
    if let Some(el) = root
        .query_selector(&focus)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Beside each row that cannot be read, why (its subject or its value).
fn show_problems(root: &Element, rows: &[KeyValue]) {
    for (i, row) in rows.iter().enumerate() {
        let problem = match row.enabled && !row.key.trim().is_empty() {
            true => Check::parse(&row.key, &row.value).err(),
            false => None,
        };
        if let Some(line) = root
            .query_selector(&format!("[data-problem='{i}']"))
            .ok()
            .flatten()
        {
            crate::dom::form::set_hidden_element(&line, problem.is_none());
            if let Some(cell) = line.query_selector("td.problem").ok().flatten() {
                cell.set_text_content(problem.as_deref());
            }
        }
    }
}

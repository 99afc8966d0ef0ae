//! What is wrong with the query, shown twice: listed under it (each entry a button that puts the cursor
//! there) and marked in the backdrop behind its text. The syntax and the schema's rules as the query is
//! typed; the server's `errors` with their locations once an answer came; and the variables against the
//! chosen operation.

use super::markup::id;
use super::state;
use super::text::{name_end, offset_of};
use crate::dom::document::{by_id, set_text, value};
use crate::dom::form::set_attribute_of;
use crate::dom::html::escape;
use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::{validate::validate, variables};

/// A span of the query to mark, and why.
struct Mark {
    start: usize,
    end: usize,
    line: u32,
    column: u32,
    message: String,
    from_server: bool,
}

/// Checks the query and the variables again and redraws the marks and the list.
pub fn refresh() {
    let query = value(id::QUERY);
    let schema = state::schema();
    let mut marks = Vec::new();
    let variables_text = value(id::VARIABLES);
    let variables_note = match parse(&query) {
        Err(error) => {
            marks.push(Mark {
                start: error.at.offset,
                end: name_end(&query, error.at.offset),
                line: error.at.line,
                column: error.at.column,
                message: error.message,
                from_server: false,
            });
            (false, String::new())
        }
        Ok(document) => {
            if let Some(schema) = &schema {
                marks.extend(validate(&document, schema).into_iter().map(|problem| Mark {
                    start: problem.at.offset,
                    end: problem.end.max(problem.at.offset),
                    line: problem.at.line,
                    column: problem.at.column,
                    message: problem.message,
                    from_server: false,
                }));
            }
            let chosen = value(id::OPERATION);
            match document.select(Some(chosen.as_str()).filter(|n| !n.is_empty())) {
                Err(why) => (false, why),
                Ok(operation) => {
                    let problems = variables::check(operation, &variables_text, schema.as_deref());
                    if problems.is_empty() {
                        let fits = if operation.variables.is_empty() {
                            "The operation takes no variables."
                        } else {
                            "The variables fit the operation."
                        };
                        (true, fits.to_string())
                    } else {
                        let lines: Vec<String> = problems.into_iter().map(|p| p.message).collect();
                        (false, lines.join(" "))
                    }
                }
            }
        }
    };
    show_variables(variables_note);
    state::with(|s| {
        if s.answered_query == query {
            for error in &s.answer_errors {
                if let Some(start) = offset_of(&query, error.line, error.column) {
                    marks.push(Mark {
                        start,
                        end: name_end(&query, start),
                        line: error.line,
                        column: error.column,
                        message: error.message.clone(),
                        from_server: true,
                    });
                }
            }
        }
    });
    marks.sort_by_key(|mark| (mark.start, mark.end));
    draw(&query, &marks);
}

fn show_variables((fits, note): (bool, String)) {
    set_text(id::VARIABLES_STATUS, &note);
    if let Some(status) = by_id(id::VARIABLES_STATUS) {
        set_attribute_of(
            &status,
            "class",
            Some(if fits {
                "field-status ok"
            } else {
                "field-status problem"
            }),
        );
    }
    if let Some(variables) = by_id(id::VARIABLES) {
        set_attribute_of(
            &variables,
            "aria-invalid",
            (!fits && !note.is_empty()).then_some("true"),
        );
    }
}

/// The backdrop holds the query's text with the marked spans in `<mark>` (it scrolls with the textarea);
/// the list says each problem with its line and column.
fn draw(query: &str, marks: &[Mark]) {
    let mut backdrop = String::with_capacity(query.len() + 64);
    let mut at = 0;
    for mark in marks {
        // Overlapping marks: the first is drawn, every one is listed.
        if mark.start < at || mark.end > query.len() {
            continue;
        }
        backdrop.push_str(&escape(&query[at..mark.start]));
        let class = if mark.from_server { "server" } else { "local" };
        backdrop.push_str(&format!(
            "<mark class=\"{class}\">{}</mark>",
            escape(&query[mark.start..mark.end])
        ));
        at = mark.end;
    }
    backdrop.push_str(&escape(&query[at..]));
    // A textarea keeps room for a last empty line; the backdrop must too, or the two scroll apart.
    backdrop.push_str("\n ");
    if let Some(element) = by_id(id::BACKDROP) {
        element.set_inner_html(&backdrop);
    }
    let list: String = marks
        .iter()
        .map(|mark| {
            let from = if mark.from_server { "Server: " } else { "" };
            format!(
                "<li class=\"{}\"><button type=\"button\" data-at=\"{}\">{from}line {}, column {}: {}</button></li>",
                if mark.from_server { "server" } else { "local" },
                mark.start,
                mark.line,
                mark.column,
                escape(&mark.message)
            )
        })
        .collect();
    if let Some(element) = by_id(id::PROBLEMS) {
        element.set_inner_html(&list);
    }
    if let Some(query) = by_id(id::QUERY) {
        set_attribute_of(
            &query,
            "aria-invalid",
            (!marks.is_empty()).then_some("true"),
        );
    }
}

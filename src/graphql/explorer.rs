//! The schema explorer: a search across types, fields and arguments; a type's page (its kind and
//! description, fields with their arguments and types, deprecations and their reasons, enum values, input
//! fields, interfaces and implementations), each type it names a link to its own page; and the SDL of the
//! type on show, or of the whole schema from the roots' page.

use super::markup::id;
use super::state;
use crate::dom::document::{by_id, set_hidden, value};
use crate::dom::form::set_attribute_of;
use crate::dom::html::escape;
use reqlab_core::graphql::schema::{InputValue, Schema, TypeDef, TypeKind};
use reqlab_core::graphql::TypeRef;
use std::fmt::Write;

/// Opens or closes the explorer.
pub fn toggle() {
    let Some(explorer) = by_id(id::EXPLORER) else {
        return;
    };
    let open = explorer.has_attribute("hidden");
    set_hidden(id::EXPLORER, !open);
    if let Some(button) = by_id(id::EXPLORE) {
        set_attribute_of(
            &button,
            "aria-expanded",
            Some(if open { "true" } else { "false" }),
        );
    }
    if open {
        let shown = state::with(|s| s.trail.last().cloned());
        show(shown.as_deref());
    }
}

/// Shows a type's page, or the roots' page for `None`; remembers where it came from for Back.
pub fn open(name: Option<&str>) {
    state::with(|s| match name {
        Some(name) if s.trail.last().map(String::as_str) != Some(name) => s.trail.push(name.into()),
        None => s.trail.clear(),
        _ => {}
    });
    show(name);
}

/// Back to the page shown before this one.
pub fn back() {
    let previous = state::with(|s| {
        s.trail.pop();
        s.trail.last().cloned()
    });
    show(previous.as_deref());
}

fn show(name: Option<&str>) {
    let Some(schema) = state::schema() else {
        return;
    };
    let html = match name.and_then(|name| schema.get(name)) {
        Some(ty) => type_page(ty),
        None => roots_page(&schema),
    };
    if let Some(view) = by_id(id::TYPE_VIEW) {
        view.set_inner_html(&html);
    }
    set_hidden(id::SDL_VIEW, true);
}

/// The search's hits as links, best first.
pub fn search() {
    let Some(schema) = state::schema() else {
        return;
    };
    let term = value(id::SEARCH);
    let html: String = if term.trim().is_empty() {
        String::new()
    } else {
        let hits = schema.search(term.trim(), 40);
        if hits.is_empty() {
            format!(
                "<p class=\"hint\">Nothing in the schema is named like “{}”.</p>",
                escape(&term)
            )
        } else {
            let links: String = hits
                .iter()
                .map(|hit| {
                    format!(
                        "<li>{} <small>{}</small></li>",
                        link(&hit.type_name, &hit.label),
                        escape(&hit.detail)
                    )
                })
                .collect();
            format!("<ul class=\"gql-hits\">{links}</ul>")
        }
    };
    if let Some(results) = by_id(id::RESULTS) {
        results.set_inner_html(&html);
    }
}

/// The SDL of the type on show, or of the whole schema.
pub fn show_sdl() {
    let Some(schema) = state::schema() else {
        return;
    };
    let shown = state::with(|s| s.trail.last().cloned());
    let sdl = shown
        .and_then(|name| schema.type_sdl(&name))
        .unwrap_or_else(|| schema.to_sdl());
    if let Some(view) = by_id(id::SDL_VIEW) {
        view.set_text_content(Some(&sdl));
    }
    set_hidden(id::SDL_VIEW, false);
}

fn link(type_name: &str, label: &str) -> String {
    format!(
        "<button type=\"button\" class=\"gql-link\" data-type=\"{}\">{}</button>",
        escape(type_name),
        escape(label)
    )
}

/// A type reference with its named type as a link: `[Issue!]!` links `Issue`.
fn type_link(ty: &TypeRef) -> String {
    let written = ty.to_string();
    let named = ty.named();
    match written.find(named) {
        Some(at) => format!(
            "{}{}{}",
            escape(&written[..at]),
            link(named, named),
            escape(&written[at + named.len()..])
        ),
        None => escape(&written),
    }
}

fn roots_page(schema: &Schema) -> String {
    let mut html = format!(
        "<h3>Schema <small>{} types</small></h3><p>Root types:</p><ul>",
        schema.types().len()
    );
    for (label, root) in ["query", "mutation", "subscription"]
        .iter()
        .zip(schema.root_names())
    {
        if let Some(root) = root {
            let _ = write!(html, "<li>{label}: {}</li>", link(root, root));
        }
    }
    html.push_str("</ul><button type=\"button\" data-sdl>Show the whole schema as SDL</button>");
    html
}

fn type_page(ty: &TypeDef) -> String {
    let mut html = format!(
        "<nav><button type=\"button\" data-back>Back</button> {}</nav><h3>{} <small>{}</small></h3>",
        link("", "Roots"),
        escape(&ty.name),
        kind_name(ty.kind)
    );
    description(&mut html, ty.description.as_deref());
    names(&mut html, "Implements", &ty.interfaces);
    names(&mut html, "Possible types", &ty.possible_types);
    if !ty.fields.is_empty() {
        html.push_str("<h4>Fields</h4><dl>");
        for field in &ty.fields {
            let _ = write!(html, "<dt>{}", escape(&field.name));
            if !field.args.is_empty() {
                html.push('(');
                for (i, arg) in field.args.iter().enumerate() {
                    if i > 0 {
                        html.push_str(", ");
                    }
                    argument(&mut html, arg);
                }
                html.push(')');
            }
            let _ = write!(html, ": {}", type_link(&field.ty));
            deprecation(&mut html, field.deprecation.as_deref());
            html.push_str("</dt><dd>");
            description(&mut html, field.description.as_deref());
            html.push_str("</dd>");
        }
        html.push_str("</dl>");
    }
    if !ty.input_fields.is_empty() {
        html.push_str("<h4>Input fields</h4><dl>");
        for field in &ty.input_fields {
            html.push_str("<dt>");
            argument(&mut html, field);
            html.push_str("</dt><dd>");
            description(&mut html, field.description.as_deref());
            html.push_str("</dd>");
        }
        html.push_str("</dl>");
    }
    if !ty.enum_values.is_empty() {
        html.push_str("<h4>Values</h4><dl>");
        for value in &ty.enum_values {
            let _ = write!(html, "<dt>{}", escape(&value.name));
            deprecation(&mut html, value.deprecation.as_deref());
            html.push_str("</dt><dd>");
            description(&mut html, value.description.as_deref());
            html.push_str("</dd>");
        }
        html.push_str("</dl>");
    }
    html.push_str("<button type=\"button\" data-sdl>Show as SDL</button>");
    html
}

fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Scalar => "scalar",
        TypeKind::Object => "object",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input object",
    }
}

fn argument(html: &mut String, arg: &InputValue) {
    let _ = write!(
        html,
        "<span class=\"gql-arg\">{}: {}",
        escape(&arg.name),
        type_link(&arg.ty)
    );
    if let Some(default) = &arg.default {
        let _ = write!(html, " = {}", escape(default));
    }
    html.push_str("</span>");
    deprecation(html, arg.deprecation.as_deref());
}

fn description(html: &mut String, text: Option<&str>) {
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        let _ = write!(html, "<p class=\"gql-description\">{}</p>", escape(text));
    }
}

fn deprecation(html: &mut String, reason: Option<&str>) {
    if let Some(reason) = reason {
        let _ = write!(
            html,
            " <span class=\"gql-deprecated\" title=\"{0}\">deprecated: {0}</span>",
            escape(reason)
        );
    }
}

fn names(html: &mut String, title: &str, names: &[String]) {
    if names.is_empty() {
        return;
    }
    let _ = write!(html, "<p>{title}: ");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            html.push_str(", ");
        }
        html.push_str(&link(name, name));
    }
    html.push_str("</p>");
}

/// A new schema: the explorer, if open, starts again from the roots.
pub fn refresh() {
    if by_id(id::EXPLORER).is_some_and(|e| !e.has_attribute("hidden")) {
        show(None);
        search();
    }
}

//! An operation's documentation as the reference view's markup, built in the worker (off the page's
//! thread): method and path, description, security, parameters, request body and responses, each schema a
//! tree whose nested levels open on demand (`<details>`), with its example. Pure string building, tested on
//! the host.

use super::html::{escape, push_text};
use reqlab_core::import::openapi::{
    self, BodyDoc, MediaDoc, OperationDoc, ParameterDoc, ResponseDoc, SchemaDoc,
};
use serde_json::Value;

/// Examples longer than this are cut in the view (a generated example of a large schema can run to
/// megabytes; "Try it" still gets all of it).
const EXAMPLE_CHARS: usize = 20_000;

/// Markdown as markup, links and raw HTML made safe.
pub fn markdown(text: &str) -> String {
    reqlab_core::render::markdown::to_html(text)
}

/// How an example is printed: in the description's own key order (`Api::example_text`), which a JSON tree
/// does not keep.
pub type Printer<'a> = &'a dyn Fn(&Value) -> String;

/// The whole operation.
pub fn operation(doc: &OperationDoc, print: Printer) -> String {
    let op = &doc.summary;
    let mut out = String::with_capacity(4096);
    out.push_str(r#"<div class="ref-op-head"><p class="ref-route">"#);
    method_badge(&mut out, &op.method);
    push_text(&mut out, "code", "ref-path", &op.path);
    out.push_str("</p>");
    out.push_str(r#"<h2 id="ref-op-title" tabindex="-1">"#);
    out.push_str(&escape(if op.summary.is_empty() {
        &op.key
    } else {
        &op.summary
    }));
    if op.deprecated {
        out.push_str(r#" <span class="ref-badge">deprecated</span>"#);
    }
    out.push_str("</h2>");
    out.push_str(r#"<div class="ref-actions"><button type="button" id="ref-try" class="primary">Try it</button>"#);
    out.push_str(r#"<a id="ref-op-link" href="">Link to this operation</a></div></div>"#);
    if !doc.description.is_empty() {
        out.push_str(r#"<div class="ref-md">"#);
        out.push_str(&markdown(&doc.description));
        out.push_str("</div>");
    }
    if !doc.security.is_empty() {
        out.push_str(r#"<section class="ref-part"><h3>Security</h3><p>"#);
        for (i, name) in doc.security.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_text(&mut out, "code", "", name);
        }
        out.push_str("</p></section>");
    }
    if !doc.parameters.is_empty() {
        out.push_str(r#"<section class="ref-part"><h3>Parameters</h3>"#);
        parameters(&mut out, &doc.parameters);
        out.push_str("</section>");
    }
    if let Some(body) = &doc.body {
        request_body(&mut out, body, print);
    }
    if !doc.responses.is_empty() {
        out.push_str(r#"<section class="ref-part"><h3>Responses</h3>"#);
        for response in &doc.responses {
            response_html(&mut out, response, print);
        }
        out.push_str("</section>");
    }
    if !doc.warnings.is_empty() {
        out.push_str(r#"<section class="ref-part"><h3>Not shown</h3><ul class="ref-warnings">"#);
        for warning in &doc.warnings {
            push_text(&mut out, "li", "", warning);
        }
        out.push_str("</ul></section>");
    }
    out
}

/// The method as a coloured badge (its colour from the class; the text says it for everyone).
pub fn method_badge(out: &mut String, method: &str) {
    let class = format!("ref-method m-{}", method.to_ascii_lowercase());
    push_text(out, "span", &class, method);
}

fn parameters(out: &mut String, parameters: &[ParameterDoc]) {
    out.push_str(r#"<ul class="ref-params">"#);
    for parameter in parameters {
        out.push_str("<li>");
        field_head(out, &parameter.name, parameter.required, &parameter.schema);
        let place = if parameter.location == "query" && !parameter.style.is_empty() {
            format!(
                "in {}, {}{}",
                parameter.location,
                parameter.style,
                if parameter.explode { ", exploded" } else { "" }
            )
        } else {
            format!("in {}", parameter.location)
        };
        push_text(out, "span", "ref-in", &place);
        if parameter.deprecated {
            out.push_str(r#" <span class="ref-badge">deprecated</span>"#);
        }
        if !parameter.description.is_empty() {
            out.push_str(r#"<div class="ref-md">"#);
            out.push_str(&markdown(&parameter.description));
            out.push_str("</div>");
        }
        schema_facts(out, &parameter.schema);
        if let Some(example) = &parameter.example {
            out.push_str(r#"<p class="ref-example">Example: "#);
            push_text(out, "code", "", &inline_value(example));
            out.push_str("</p>");
        }
        schema_children(out, &parameter.schema, 1);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn request_body(out: &mut String, body: &BodyDoc, print: Printer) {
    out.push_str(r#"<section class="ref-part"><h3>Request body"#);
    if body.required {
        out.push_str(r#" <span class="ref-req">required</span>"#);
    }
    out.push_str("</h3>");
    if !body.description.is_empty() {
        out.push_str(r#"<div class="ref-md">"#);
        out.push_str(&markdown(&body.description));
        out.push_str("</div>");
    }
    for (i, media) in body.contents.iter().enumerate() {
        media_html(out, media, i == 0, print);
    }
    out.push_str("</section>");
}

fn response_html(out: &mut String, response: &ResponseDoc, print: Printer) {
    let class = match response.status.as_bytes().first() {
        Some(b'2') => "ref-status s-2",
        Some(b'3') => "ref-status s-3",
        Some(b'4') => "ref-status s-4",
        Some(b'5') => "ref-status s-5",
        _ => "ref-status",
    };
    out.push_str(r#"<details class="ref-response"><summary>"#);
    push_text(out, "span", class, &response.status);
    out.push(' ');
    out.push_str(&escape(first_line(&response.description)));
    out.push_str("</summary>");
    if response.description.contains('\n') {
        out.push_str(r#"<div class="ref-md">"#);
        out.push_str(&markdown(&response.description));
        out.push_str("</div>");
    }
    if !response.headers.is_empty() {
        out.push_str("<h4>Headers</h4>");
        parameters(out, &response.headers);
    }
    for (i, media) in response.contents.iter().enumerate() {
        media_html(out, media, i == 0, print);
    }
    out.push_str("</details>");
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// One media type: its schema tree and its example.
fn media_html(out: &mut String, media: &MediaDoc, open: bool, print: Printer) {
    out.push_str(if open {
        r#"<details class="ref-media" open><summary>"#
    } else {
        r#"<details class="ref-media"><summary>"#
    });
    push_text(out, "code", "", &media.media_type);
    out.push(' ');
    push_text(out, "span", "ref-type", &kind_label(&media.schema));
    out.push_str("</summary>");
    schema_facts(out, &media.schema);
    schema_children(out, &media.schema, 0);
    if let Some(example) = &media.example {
        out.push_str(if media.generated {
            r#"<p class="ref-example-title">Example (made from the schema)</p>"#
        } else {
            r#"<p class="ref-example-title">Example</p>"#
        });
        let text = match example {
            Value::String(text) => text.clone(),
            other => print(other),
        };
        let shown = cut(&text, EXAMPLE_CHARS);
        out.push_str(r#"<pre class="ref-example-body">"#);
        out.push_str(&escape(shown));
        if shown.len() < text.len() {
            out.push_str("\n…");
        }
        out.push_str("</pre>");
    }
    out.push_str("</details>");
}

/// At most `limit` bytes of `text`, cut at a character boundary.
fn cut(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `name  type  required` as a field's first line.
fn field_head(out: &mut String, name: &str, required: bool, schema: &SchemaDoc) {
    push_text(out, "code", "ref-name", name);
    out.push(' ');
    push_text(out, "span", "ref-type", &kind_label(schema));
    if required {
        out.push_str(r#" <span class="ref-req">required</span>"#);
    }
}

/// "string (date-time)", "array of Pet", "Pet", "one of 3", ...
pub fn kind_label(schema: &SchemaDoc) -> String {
    let mut label = match (schema.kind.as_str(), &schema.items) {
        ("array", Some(items)) => format!("array of {}", kind_label(items)),
        ("", _) if !schema.choices.is_empty() => {
            format!("{} {}", schema.choice, schema.choices.len())
        }
        ("", _) => "any".to_string(),
        (kind, _) => kind.to_string(),
    };
    if !schema.name.is_empty() && schema.kind != "array" {
        label = format!("{} ({label})", schema.name);
    }
    if !schema.format.is_empty() {
        label.push_str(&format!(" <{}>", schema.format));
    }
    if schema.nullable && !label.contains("null") {
        label.push_str(" | null");
    }
    label
}

/// A schema's own facts: description, enum values, default, constraints, access.
fn schema_facts(out: &mut String, schema: &SchemaDoc) {
    if !schema.description.is_empty() {
        out.push_str(r#"<div class="ref-md">"#);
        out.push_str(&markdown(&schema.description));
        out.push_str("</div>");
    }
    let mut facts: Vec<String> = schema.constraints.clone();
    if !schema.values.is_empty() {
        let values: Vec<String> = schema.values.iter().map(inline_value).collect();
        facts.push(format!("one of: {}", values.join(", ")));
    }
    if let Some(default) = &schema.default {
        facts.push(format!("default: {}", inline_value(default)));
    }
    if schema.read_only {
        facts.push("read only".into());
    }
    if schema.write_only {
        facts.push("write only".into());
    }
    if schema.deprecated {
        facts.push("deprecated".into());
    }
    if !facts.is_empty() {
        out.push_str(r#"<p class="ref-facts">"#);
        out.push_str(&escape(&facts.join(" · ")));
        out.push_str("</p>");
    }
}

/// The schema's properties, items, extra properties and choices, each level below the first closed.
fn schema_children(out: &mut String, schema: &SchemaDoc, depth: usize) {
    if schema.cut {
        out.push_str(r#"<p class="ref-facts">"#);
        out.push_str(&escape(&format!(
            "{} repeats here: its fields are shown above.",
            if schema.name.is_empty() {
                "The schema"
            } else {
                &schema.name
            }
        )));
        out.push_str("</p>");
        return;
    }
    let target = match (&schema.items, schema.properties.is_empty()) {
        (Some(items), true) => items.as_ref(),
        _ => schema,
    };
    let count =
        target.properties.len() + usize::from(target.additional.is_some()) + target.choices.len();
    if count == 0 {
        return;
    }
    out.push_str(if depth == 0 {
        r#"<details class="ref-tree" open><summary>"#
    } else {
        r#"<details class="ref-tree"><summary>"#
    });
    let what = if !target.choices.is_empty() && target.properties.is_empty() {
        format!("{} {} choices", target.choice, target.choices.len())
    } else if target.properties.len() == 1 {
        "1 field".to_string()
    } else {
        format!("{} fields", target.properties.len())
    };
    out.push_str(&escape(&what));
    out.push_str("</summary><ul class=\"ref-fields\">");
    for property in &target.properties {
        out.push_str("<li>");
        field_head(out, &property.name, property.required, &property.schema);
        schema_facts(out, &property.schema);
        schema_children(out, &property.schema, depth + 1);
        out.push_str("</li>");
    }
    if let Some(additional) = &target.additional {
        out.push_str("<li>");
        field_head(out, "any other name", false, additional);
        schema_facts(out, additional);
        schema_children(out, additional, depth + 1);
        out.push_str("</li>");
    }
    for (i, choice) in target.choices.iter().enumerate() {
        out.push_str("<li>");
        field_head(out, &format!("choice {}", i + 1), false, choice);
        schema_facts(out, choice);
        schema_children(out, choice, depth + 1);
        out.push_str("</li>");
    }
    out.push_str("</ul></details>");
}

/// A JSON value on one line: strings as they are, anything else as JSON.
fn inline_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => openapi::json_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::import::openapi::{OperationSummary, PropertyDoc};

    fn string(format: &str) -> SchemaDoc {
        SchemaDoc {
            kind: "string".into(),
            format: format.into(),
            ..SchemaDoc::default()
        }
    }

    fn pet() -> SchemaDoc {
        SchemaDoc {
            kind: "object".into(),
            name: "Pet".into(),
            properties: vec![
                PropertyDoc {
                    name: "name".into(),
                    required: true,
                    schema: string(""),
                },
                PropertyDoc {
                    name: "born".into(),
                    required: false,
                    schema: string("date"),
                },
                PropertyDoc {
                    name: "parent".into(),
                    required: false,
                    schema: SchemaDoc {
                        kind: "object".into(),
                        name: "Pet".into(),
                        cut: true,
                        ..SchemaDoc::default()
                    },
                },
            ],
            ..SchemaDoc::default()
        }
    }

    #[test]
    fn labels_say_the_kind_the_component_and_the_format() {
        let cases = [
            (string("date-time"), "string <date-time>"),
            (pet(), "Pet (object)"),
            (
                SchemaDoc {
                    kind: "array".into(),
                    items: Some(Box::new(pet())),
                    ..SchemaDoc::default()
                },
                "array of Pet (object)",
            ),
            (
                SchemaDoc {
                    kind: "integer".into(),
                    nullable: true,
                    ..SchemaDoc::default()
                },
                "integer | null",
            ),
            (
                SchemaDoc {
                    choice: "one of".into(),
                    choices: vec![string(""), pet()],
                    ..SchemaDoc::default()
                },
                "one of 2",
            ),
            (SchemaDoc::default(), "any"),
        ];
        for (schema, expected) in cases {
            assert_eq!(kind_label(&schema), expected);
        }
    }

    #[test]
    fn an_operation_shows_its_parts_escaped_with_the_tree_cut_where_it_repeats() {
        let doc = OperationDoc {
            summary: OperationSummary {
                key: "addPet".into(),
                method: "POST".into(),
                path: "/pets/{id}".into(),
                summary: "Add a <pet>".into(),
                ..OperationSummary::default()
            },
            parameters: vec![ParameterDoc {
                name: "id".into(),
                location: "path".into(),
                required: true,
                schema: string(""),
                example: Some(Value::from("42")),
                ..ParameterDoc::default()
            }],
            body: Some(BodyDoc {
                required: true,
                contents: vec![MediaDoc {
                    media_type: "application/json".into(),
                    schema: pet(),
                    example: Some(serde_json::json!({"name": "<b>Rex</b>"})),
                    generated: true,
                }],
                ..BodyDoc::default()
            }),
            responses: vec![ResponseDoc {
                status: "201".into(),
                description: "Created".into(),
                ..ResponseDoc::default()
            }],
            ..OperationDoc::default()
        };
        let html = operation(&doc, &|v| {
            serde_json::to_string_pretty(v).unwrap_or_default()
        });
        for expected in [
            r#"<span class="ref-method m-post">POST</span>"#,
            r#"<code class="ref-path">/pets/{id}</code>"#,
            "Add a &lt;pet&gt;",
            r#"<code class="ref-name">id</code> <span class="ref-type">string</span> <span class="ref-req">required</span>"#,
            "Example: <code>42</code>",
            "3 fields",
            "Pet repeats here",
            "Example (made from the schema)",
            "&lt;b&gt;Rex&lt;/b&gt;",
            r#"<span class="ref-status s-2">201</span> Created"#,
            r#"id="ref-try""#,
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        assert!(!html.contains("<pet>") && !html.contains("<b>"));
    }

    #[test]
    fn long_examples_are_cut_at_a_character_boundary() {
        let text = "é".repeat(EXAMPLE_CHARS);
        let shown = cut(&text, EXAMPLE_CHARS);
        assert!(shown.len() <= EXAMPLE_CHARS && shown.chars().all(|c| c == 'é'));
        assert_eq!(cut("short", 10), "short");
    }
}

//! Import stage, OpenAPI operations: one operation documented in full on demand (parameters with path-level
//! ones merged in, the body per media type with an example, responses, security), for the reference view
//! and, with less detail, for the requests "Try it" and import make.

use super::example::{generate, Direction};
use super::order::KeyOrder;
use super::refs::{Doc, Version};
use super::schema::{example_field, merged, Schemas};
use super::summary::text;
use super::{
    BodyDoc, MediaDoc, OperationDoc, OperationSummary, ParameterDoc, ResponseDoc, SchemaDoc,
};
use serde_json::{json, Map, Value};

/// How much to document: everything for the reference view, or what a request needs (no responses, no
/// schema trees for JSON bodies), which import does for every operation of a large document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Detail {
    Full,
    Request,
}

/// Documents the operation `op` of path item `item`. The key orders of objects made on the way (merged
/// schemas, generated examples) are noted in `made`, for writing examples out in order.
pub(super) fn document(
    doc: Doc<'_>,
    summary: &OperationSummary,
    item: &Value,
    op: &Value,
    detail: Detail,
    made: &mut KeyOrder,
) -> OperationDoc {
    let location = format!(
        "paths.{}.{}",
        summary.path,
        summary.method.to_ascii_lowercase()
    );
    let mut builder = Builder {
        doc,
        schemas: Schemas::new(doc),
        detail,
        warnings: Vec::new(),
    };
    let mut out = OperationDoc {
        summary: summary.clone(),
        description: text(op.get("description")),
        ..OperationDoc::default()
    };
    let params = builder.merged_parameters(item, op);
    let mut form = Vec::new();
    for param in params {
        match text(param.get("in")).as_str() {
            "body" if doc.version == Version::Swagger2 => {
                out.body = Some(builder.swagger_body(op, param));
            }
            "formData" if doc.version == Version::Swagger2 => form.push(param),
            _ => out.parameters.push(builder.parameter(param)),
        }
    }
    if !form.is_empty() {
        out.body = Some(builder.swagger_form(op, &form));
    }
    if doc.version != Version::Swagger2 {
        if let Some(body) = op.get("requestBody") {
            out.body = builder.request_body(body);
        }
    }
    if detail == Detail::Full {
        if let Some(Value::Object(responses)) = op.get("responses") {
            for (status, response) in doc.entries(responses) {
                if status.starts_with("x-") {
                    continue;
                }
                out.responses.push(builder.response(op, status, response));
            }
        }
    }
    out.security = security(doc, op);
    if let Some(Value::Object(callbacks)) = op.get("callbacks") {
        let names: Vec<&str> = doc
            .entries(callbacks)
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        builder.warnings.push(format!(
            "its callbacks ({}) are requests the API makes, not ones to try; they are not listed.",
            names.join(", ")
        ));
    }
    builder.warnings.append(&mut builder.schemas.warnings);
    let mut seen = std::collections::HashSet::new();
    for warning in builder.warnings {
        if seen.insert(warning.clone()) {
            out.warnings.push(format!("{location}: {warning}"));
        }
    }
    *made = std::mem::take(&mut builder.schemas.made);
    out
}

/// The scheme names of the first security requirement (the operation's, else the document's).
fn security(doc: Doc<'_>, op: &Value) -> Vec<String> {
    let requirements = op.get("security").or_else(|| doc.root.get("security"));
    match requirements {
        Some(Value::Array(list)) => match list.first() {
            Some(Value::Object(first)) => doc
                .entries(first)
                .into_iter()
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

struct Builder<'a> {
    doc: Doc<'a>,
    schemas: Schemas<'a>,
    detail: Detail,
    warnings: Vec<String>,
}

impl<'a> Builder<'a> {
    /// A value with its references followed; a problem is a warning and leaves an empty object.
    fn resolved<'v>(&mut self, value: &'v Value) -> &'v Value
    where
        'a: 'v,
    {
        static EMPTY: Value = Value::Null;
        let resolved = self.doc.resolve(value);
        match resolved.problem {
            Some(problem) => {
                self.warnings.push(problem);
                &EMPTY
            }
            None => resolved.value,
        }
    }

    /// Path-level parameters, then the operation's: the operation's win by name and location.
    fn merged_parameters<'v>(&mut self, item: &'v Value, op: &'v Value) -> Vec<&'v Value>
    where
        'a: 'v,
    {
        let mut out: Vec<&'v Value> = Vec::new();
        let mut at: std::collections::HashMap<(String, String), usize> = Default::default();
        for list in [item.get("parameters"), op.get("parameters")] {
            let Some(Value::Array(list)) = list else {
                continue;
            };
            for param in list {
                let param = self.resolved(param);
                if !param.is_object() {
                    continue;
                }
                let id = (text(param.get("name")), text(param.get("in")));
                match at.get(&id) {
                    Some(&i) => out[i] = param,
                    None => {
                        at.insert(id, out.len());
                        out.push(param);
                    }
                }
            }
        }
        out
    }

    fn parameter(&mut self, param: &Value) -> ParameterDoc {
        let location = text(param.get("in"));
        let swagger = self.doc.version == Version::Swagger2;
        let (default_style, default_explode) = match location.as_str() {
            "query" | "cookie" => ("form", true),
            _ => ("simple", false),
        };
        let (style, explode) = if swagger {
            swagger_style(param, &location)
        } else {
            let style = param
                .get("style")
                .and_then(Value::as_str)
                .unwrap_or(default_style)
                .to_string();
            let explode = match param.get("explode") {
                Some(Value::Bool(b)) => *b,
                _ if param.get("style").is_some() => style == "form",
                _ => default_explode,
            };
            (style, explode)
        };
        // 3.x: `schema`, or `content` with one media type; Swagger 2.0: the parameter is its own schema.
        let content_media = match param.get("content") {
            Some(Value::Object(content)) => self.doc.entries(content).first().map(|(_, v)| *v),
            _ => None,
        };
        let schema_value = if swagger {
            Some(param)
        } else {
            param
                .get("schema")
                .or_else(|| content_media.and_then(|m| m.get("schema")))
        };
        let schema = match schema_value {
            Some(s) => self.schemas.describe(s, 0),
            None => SchemaDoc {
                kind: "any".into(),
                ..SchemaDoc::default()
            },
        };
        // A parameter described by `content` is sent as that media type's text (JSON), not by a style.
        let (style, explode) = if content_media.is_some() && param.get("schema").is_none() {
            (String::new(), false)
        } else {
            (style, explode)
        };
        let example = self
            .given_example(param)
            .or_else(|| content_media.and_then(|m| self.given_example(m)))
            .or_else(|| param.get("x-example").cloned())
            .or_else(|| schema_value.and_then(|s| self.schema_sample(s)));
        ParameterDoc {
            required: location == "path" || param.get("required") == Some(&Value::Bool(true)),
            name: text(param.get("name")),
            location,
            deprecated: param.get("deprecated") == Some(&Value::Bool(true)),
            description: text(param.get("description")),
            style,
            explode,
            schema,
            example,
        }
    }

    /// The schema's own example, default or first enum value (references followed, `allOf` merged).
    fn schema_sample(&mut self, schema: &Value) -> Option<Value> {
        let resolved = self.doc.resolve(schema).value;
        let mut stack = Vec::new();
        let merged = merged(
            self.doc,
            resolved,
            &mut stack,
            &mut self.warnings,
            &mut self.schemas.made,
        );
        example_field(&merged)
            .or_else(|| merged.get("default").cloned())
            .or_else(|| match merged.get("enum") {
                Some(Value::Array(values)) => values.first().cloned(),
                _ => None,
            })
    }

    /// `example`, or the first of `examples` (its `value`, references followed). An `externalValue` is
    /// not fetched: a warning.
    fn given_example(&mut self, holder: &Value) -> Option<Value> {
        if let Some(example) = holder.get("example") {
            return Some(example.clone());
        }
        let Some(Value::Object(examples)) = holder.get("examples") else {
            return None;
        };
        let (name, first) = self.doc.entries(examples).first().copied()?;
        let first = self.resolved(first);
        if let Some(value) = first.get("value") {
            return Some(value.clone());
        }
        if let Some(url) = first.get("externalValue").and_then(Value::as_str) {
            self.warnings.push(format!(
                "the example \"{name}\" is at {url}, which is not fetched."
            ));
        }
        None
    }

    /// A media type's example: the document's, else one made from the schema.
    fn media(
        &mut self,
        media_type: &str,
        media: Option<&Value>,
        schema: Option<&Value>,
        direction: Direction,
    ) -> MediaDoc {
        let given = media
            .and_then(|m| self.given_example(m))
            .or_else(|| schema.and_then(|s| self.schema_example(s)));
        let (example, generated) = match (given, schema) {
            (Some(e), _) => (Some(e), false),
            (None, Some(s)) => (
                Some(generate(
                    self.doc,
                    s,
                    direction,
                    &mut self.warnings,
                    &mut self.schemas.made,
                )),
                true,
            ),
            (None, None) => (None, false),
        };

        let form = media_type.starts_with("multipart/")
            || media_type.starts_with("application/x-www-form-urlencoded");
        let schema = match schema {
            Some(s) if self.detail == Detail::Full || form => self.schemas.describe(s, 0),
            _ => SchemaDoc::default(),
        };
        MediaDoc {
            media_type: media_type.to_string(),
            schema,
            example,
            generated,
        }
    }

    /// The schema's own example only (a default or enum is not a whole body).
    fn schema_example(&mut self, schema: &Value) -> Option<Value> {
        let resolved = self.doc.resolve(schema).value;
        example_field(resolved)
    }

    fn request_body(&mut self, body: &Value) -> Option<BodyDoc> {
        let body = self.resolved(body);
        let mut out = BodyDoc {
            required: body.get("required") == Some(&Value::Bool(true)),
            description: text(body.get("description")),
            contents: Vec::new(),
        };
        if let Some(Value::Object(content)) = body.get("content") {
            for (media_type, media) in self.doc.entries(content) {
                out.contents.push(self.media(
                    media_type,
                    Some(media),
                    media.get("schema"),
                    Direction::Request,
                ));
            }
        }
        Some(out)
    }

    /// Swagger 2.0's `in: body` parameter: one schema, sent as each type the operation consumes.
    fn swagger_body(&mut self, op: &Value, param: &Value) -> BodyDoc {
        let schema = param.get("schema");
        let mut out = BodyDoc {
            required: param.get("required") == Some(&Value::Bool(true)),
            description: text(param.get("description")),
            contents: Vec::new(),
        };
        let given = param.get("x-examples").and_then(Value::as_object);
        for media_type in media_types(self.doc.root, op, "consumes") {
            let mut media = self.media(&media_type, None, schema, Direction::Request);
            if let Some(example) = given.and_then(|g| g.get(&media_type)) {
                media.example = Some(example.clone());
                media.generated = false;
            }
            out.contents.push(media);
        }
        out
    }

    /// Swagger 2.0's `in: formData` parameters: one form body, multipart when a field is a file or the
    /// operation consumes only multipart.
    fn swagger_form(&mut self, op: &Value, fields: &[&Value]) -> BodyDoc {
        let mut properties = Map::new();
        let mut names = Vec::new();
        let mut required = Vec::new();
        let mut any_file = false;
        for field in fields {
            let name = text(field.get("name"));
            let mut schema = Map::new();
            if let Value::Object(map) = field {
                for (k, v) in map {
                    if !matches!(k.as_str(), "name" | "in" | "required" | "allowEmptyValue") {
                        schema.insert(k.clone(), v.clone());
                    }
                }
            }
            if field.get("type").and_then(Value::as_str) == Some("file") {
                any_file = true;
                schema.insert("type".into(), json!("string"));
                schema.insert("format".into(), json!("binary"));
            }
            if field.get("required") == Some(&Value::Bool(true)) {
                required.push(Value::String(name.clone()));
            }
            names.push(name.clone());
            properties.insert(name, Value::Object(schema));
        }
        self.schemas.made.record_owned(&names, &properties);
        let schema = json!({"type": "object", "properties": properties, "required": required});
        let consumes = media_types(self.doc.root, op, "consumes");
        let multipart = any_file
            || consumes
                .iter()
                .any(|m| m.starts_with("multipart/form-data"))
                && !consumes
                    .iter()
                    .any(|m| m.starts_with("application/x-www-form-urlencoded"));
        let media_type = if multipart {
            "multipart/form-data"
        } else {
            "application/x-www-form-urlencoded"
        };
        BodyDoc {
            required: !required.is_empty(),
            description: String::new(),
            contents: vec![self.media(media_type, None, Some(&schema), Direction::Request)],
        }
    }

    fn response(&mut self, op: &Value, status: &str, response: &Value) -> ResponseDoc {
        let response = self.resolved(response);
        let mut out = ResponseDoc {
            status: status.to_string(),
            description: text(response.get("description")),
            ..ResponseDoc::default()
        };
        if let Some(Value::Object(headers)) = response.get("headers") {
            for (name, header) in self.doc.entries(headers) {
                let header = self.resolved(header);
                let mut with_name = header.clone();
                if let Value::Object(map) = &mut with_name {
                    map.insert("name".into(), Value::String(name.clone()));
                    map.insert("in".into(), json!("header"));
                }
                out.headers.push(self.parameter(&with_name));
            }
        }
        if self.doc.version == Version::Swagger2 {
            // Swagger 2.0: one schema for every type the operation produces, and examples by type (which
            // may name types `produces` does not, or come without a schema).
            let schema = response.get("schema");
            let given = response.get("examples").and_then(Value::as_object);
            let mut types = Vec::new();
            if schema.is_some() {
                types = media_types(self.doc.root, op, "produces");
            }
            if let Some(given) = given {
                for (media_type, _) in self.doc.entries(given) {
                    if !types.contains(media_type) {
                        types.push(media_type.clone());
                    }
                }
            }
            for media_type in types {
                let mut media = self.media(&media_type, None, schema, Direction::Response);
                if let Some(example) = given.and_then(|g| g.get(&media_type)) {
                    media.example = Some(example.clone());
                    media.generated = false;
                }
                out.contents.push(media);
            }
        } else if let Some(Value::Object(content)) = response.get("content") {
            for (media_type, media) in self.doc.entries(content) {
                out.contents.push(self.media(
                    media_type,
                    Some(media),
                    media.get("schema"),
                    Direction::Response,
                ));
            }
        }
        out
    }
}

/// Swagger 2.0's `consumes` / `produces`: the operation's, else the document's, else JSON.
fn media_types(root: &Value, op: &Value, field: &str) -> Vec<String> {
    let list = match op.get(field).or_else(|| root.get(field)) {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    if list.is_empty() {
        vec!["application/json".to_string()]
    } else {
        list
    }
}

/// Swagger 2.0's `collectionFormat` as OpenAPI 3's style and explode.
fn swagger_style(param: &Value, location: &str) -> (String, bool) {
    let format = param
        .get("collectionFormat")
        .and_then(Value::as_str)
        .unwrap_or("csv");
    let plain = if matches!(location, "query" | "cookie" | "formData") {
        "form"
    } else {
        "simple"
    };
    let (style, explode) = match format {
        "multi" => ("form", true),
        "ssv" => ("spaceDelimited", false),
        "pipes" => ("pipeDelimited", false),
        "tsv" => ("tabDelimited", false),
        _ => (plain, false),
    };
    (style.to_string(), explode)
}

/// Whether a schema (references followed) is a file: Swagger's `type: file`, or binary content.
pub(super) fn is_file(schema: &SchemaDoc) -> bool {
    schema.kind == "file" || (schema.kind.starts_with("string") && schema.format == "binary")
}

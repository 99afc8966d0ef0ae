//! Import stage, OpenAPI schemas: a JSON Schema (as OpenAPI 3.0, 3.1 and Swagger 2.0 write it) turned into
//! the tree the reference view shows: `allOf` merged, `oneOf`/`anyOf` as choices, nullability from either
//! version's spelling, constraints as sentences, cut where a schema contains itself or nests too deep.

use super::order::{self, KeyOrder};
use super::refs::{component_name, ref_of, Doc};
use super::summary::text;
use super::{PropertyDoc, SchemaDoc};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;

/// Levels of a schema tree shown before it is cut: deeper levels are rarely read and cost the most.
pub(super) const MAX_SCHEMA_DEPTH: usize = 8;

/// `allOf` parts merged into the schema (nested `allOf`s too): properties and `required` collected, other
/// fields first-come. A part already being merged (a cycle) is skipped. The merged properties' order (own,
/// then each part's) is noted in `made`.
pub(super) fn merged<'v>(
    doc: Doc<'_>,
    schema: &'v Value,
    stack: &mut Vec<String>,
    warnings: &mut Vec<String>,
    made: &mut KeyOrder,
) -> Cow<'v, Value> {
    let Some(Value::Array(parts)) = schema.get("allOf") else {
        return Cow::Borrowed(schema);
    };
    let mut out = Map::new();
    let mut property_order: Vec<String> = Vec::new();
    let mut listed: HashSet<String> = HashSet::new();
    // `required` is collected beside the map, with a set, so that many parts stay linear.
    let mut required: Vec<Value> = Vec::new();
    let mut required_known: HashSet<String> = HashSet::new();
    if let Value::Object(own) = schema {
        for (k, v) in own {
            if k == "required" {
                for name in v.as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if required_known.insert(name.to_string()) {
                        required.push(Value::String(name.to_string()));
                    }
                }
            } else if k != "allOf" {
                out.insert(k.clone(), v.clone());
            }
        }
        if let Some(Value::Object(props)) = own.get("properties") {
            for (k, _) in order::entries(&[doc.order, made], props) {
                if listed.insert(k.clone()) {
                    property_order.push(k.clone());
                }
            }
        }
    }
    // Bounded like schema trees: a document can nest `allOf`s as deep as it likes.
    if stack.len() > MAX_SCHEMA_DEPTH * 4 {
        return Cow::Owned(Value::Object(out));
    }
    for part in parts {
        let reference = ref_of(part).map(str::to_string);
        if let Some(r) = &reference {
            if stack.contains(r) {
                continue;
            }
        }
        let resolved = doc.resolve(part);
        if let Some(problem) = resolved.problem {
            warnings.push(problem);
            continue;
        }
        if let Some(r) = &reference {
            stack.push(r.clone());
        }
        let part = merged(doc, resolved.value, stack, warnings, made);
        if reference.is_some() {
            stack.pop();
        }
        let Value::Object(part) = part.as_ref() else {
            continue;
        };
        if let Some(Value::Object(props)) = part.get("properties") {
            for (k, _) in order::entries(&[doc.order, made], props) {
                if listed.insert(k.clone()) {
                    property_order.push(k.clone());
                }
            }
        }
        for (k, v) in part {
            match (k.as_str(), out.get_mut(k)) {
                ("properties", Some(Value::Object(props))) => {
                    if let Value::Object(more) = v {
                        for (name, prop) in more {
                            props.entry(name.clone()).or_insert_with(|| prop.clone());
                        }
                    }
                }
                ("required", _) => {
                    if let Value::Array(more) = v {
                        for name in more.iter().filter_map(Value::as_str) {
                            if required_known.insert(name.to_string()) {
                                required.push(Value::String(name.to_string()));
                            }
                        }
                    }
                }
                (_, Some(_)) => {}
                (_, None) => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    if let Some(Value::Object(props)) = out.get("properties") {
        made.record_owned(&property_order, props);
    }
    Cow::Owned(Value::Object(out))
}

/// The types a schema names (`type: [string, "null"]` in 3.1), without `null`, and whether it may be null.
/// 3.0's `nullable` (and Swagger's `x-nullable`) are read whatever the version: 3.1 has neither, so
/// reading them there changes nothing for valid documents and helps half-converted ones.
pub(super) fn types(schema: &Value) -> (Vec<String>, bool) {
    let mut nullable = schema.get("nullable") == Some(&Value::Bool(true))
        || schema.get("x-nullable") == Some(&Value::Bool(true));
    let mut names = Vec::new();
    match schema.get("type") {
        Some(Value::String(t)) => names.push(t.clone()),
        Some(Value::Array(list)) => {
            names.extend(list.iter().filter_map(Value::as_str).map(str::to_string))
        }
        _ => {}
    }
    if let Some(i) = names.iter().position(|t| t == "null") {
        names.remove(i);
        nullable = true;
    }
    if names.is_empty() {
        let inferred =
            if schema.get("properties").is_some() || schema.get("additionalProperties").is_some() {
                Some("object")
            } else if schema.get("items").is_some() {
                Some("array")
            } else {
                let sample = schema
                    .get("const")
                    .or_else(|| schema.get("enum").and_then(|e| e.get(0)));
                match sample {
                    Some(Value::String(_)) => Some("string"),
                    Some(Value::Bool(_)) => Some("boolean"),
                    Some(Value::Number(n)) if n.is_f64() => Some("number"),
                    Some(Value::Number(_)) => Some("integer"),
                    _ => None,
                }
            };
        names.extend(inferred.map(str::to_string));
    }
    (names, nullable)
}

/// Builds [`SchemaDoc`] trees, remembering which named schemas are being expanded (to cut cycles).
pub(super) struct Schemas<'a> {
    pub doc: Doc<'a>,
    pub stack: Vec<String>,
    pub warnings: Vec<String>,
    /// Key orders of objects made here (merged schemas, generated examples): the document's table only
    /// knows the document's objects.
    pub made: KeyOrder,
}

impl<'a> Schemas<'a> {
    pub fn new(doc: Doc<'a>) -> Self {
        Schemas {
            doc,
            stack: Vec::new(),
            warnings: Vec::new(),
            made: KeyOrder::default(),
        }
    }

    pub fn describe(&mut self, schema: &Value, depth: usize) -> SchemaDoc {
        let schema_object = match schema {
            Value::Bool(true) => {
                return SchemaDoc {
                    kind: "any".into(),
                    ..SchemaDoc::default()
                }
            }
            Value::Bool(false) => {
                return SchemaDoc {
                    kind: "nothing".into(),
                    ..SchemaDoc::default()
                }
            }
            Value::Object(_) => schema,
            _ => {
                return SchemaDoc {
                    kind: "any".into(),
                    ..SchemaDoc::default()
                }
            }
        };
        if let Some(reference) = ref_of(schema_object) {
            return self.referenced(schema_object, reference, depth);
        }
        if depth >= MAX_SCHEMA_DEPTH {
            let (kinds, nullable) = types(schema_object);
            return SchemaDoc {
                kind: kind_text(&kinds, nullable),
                nullable,
                cut: true,
                ..SchemaDoc::default()
            };
        }
        let doc = self.doc;
        let mut stack = std::mem::take(&mut self.stack);
        let merged = merged(
            doc,
            schema_object,
            &mut stack,
            &mut self.warnings,
            &mut self.made,
        );
        self.stack = stack;
        let merged: &Value = &merged;
        self.fields(merged, depth)
    }

    fn referenced(&mut self, schema: &Value, reference: &str, depth: usize) -> SchemaDoc {
        let name = component_name(reference);
        if self.stack.iter().any(|r| r == reference) {
            return SchemaDoc {
                kind: "object".into(),
                name,
                cut: true,
                ..SchemaDoc::default()
            };
        }
        let resolved = self.doc.resolve(schema);
        if let Some(problem) = resolved.problem {
            self.warnings.push(problem);
            return SchemaDoc {
                kind: "any".into(),
                name,
                ..SchemaDoc::default()
            };
        }
        self.stack.push(reference.to_string());
        let mut out = self.describe(resolved.value, depth);
        self.stack.pop();
        if out.name.is_empty() {
            out.name = name;
        }
        // 3.1 lets a reference carry its own description beside `$ref`.
        let own = text(schema.get("description"));
        if !own.is_empty() {
            out.description = own;
        }
        out
    }

    /// The fields of a schema that is not a reference, `allOf` already merged.
    fn fields(&mut self, schema: &Value, depth: usize) -> SchemaDoc {
        let (kinds, nullable) = types(schema);
        let flag = |name: &str| schema.get(name) == Some(&Value::Bool(true));
        let mut out = SchemaDoc {
            kind: kind_text(&kinds, nullable),
            format: format(schema),
            title: text(schema.get("title")),
            description: text(schema.get("description")),
            default: schema.get("default").cloned(),
            example: example_field(schema),
            nullable,
            deprecated: flag("deprecated"),
            read_only: flag("readOnly"),
            write_only: flag("writeOnly"),
            constraints: constraints(schema),
            ..SchemaDoc::default()
        };
        if let Some(Value::Array(values)) = schema.get("enum") {
            out.values = values.clone();
        } else if let Some(value) = schema.get("const") {
            out.values = vec![value.clone()];
        }
        let required: HashSet<&str> = match schema.get("required") {
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => HashSet::new(),
        };
        if let Some(Value::Object(props)) = schema.get("properties") {
            for (name, prop) in order::entries(&[self.doc.order, &self.made], props) {
                out.properties.push(PropertyDoc {
                    required: required.contains(&name.as_str()),
                    name: name.clone(),
                    schema: self.describe(prop, depth + 1),
                });
            }
        }
        if let Some(additional @ Value::Object(_)) = schema.get("additionalProperties") {
            out.additional = Some(Box::new(self.describe(additional, depth + 1)));
        }
        if let Some(items @ (Value::Object(_) | Value::Bool(_))) = schema.get("items") {
            out.items = Some(Box::new(self.describe(items, depth + 1)));
        }
        for (key, label) in [("oneOf", "one of"), ("anyOf", "any of")] {
            if let Some(Value::Array(choices)) = schema.get(key) {
                if !out.choice.is_empty() {
                    continue;
                }
                out.choice = label.into();
                for choice in choices {
                    out.choices.push(self.describe(choice, depth + 1));
                }
                if kinds.is_empty() {
                    let mut seen: Vec<&str> = Vec::new();
                    for c in &out.choices {
                        if !seen.contains(&c.kind.as_str()) {
                            seen.push(&c.kind);
                        }
                    }
                    out.kind = seen.join(" | ");
                }
            }
        }
        if out.kind.is_empty() {
            out.kind = "any".into();
        }
        out
    }
}

/// `format`; for 3.1's raw content (`contentMediaType` without `contentEncoding`, which replaced
/// `format: binary`), "binary", so that file fields are told apart the same way in every version.
fn format(schema: &Value) -> String {
    let written = text(schema.get("format"));
    if written.is_empty()
        && schema.get("contentMediaType").is_some()
        && schema.get("contentEncoding").is_none()
    {
        return "binary".into();
    }
    written
}

fn kind_text(kinds: &[String], nullable: bool) -> String {
    let mut out = kinds.join(" | ");
    if nullable {
        if out.is_empty() {
            out = "any".into();
        }
        out.push_str(" | null");
    }
    out
}

/// `example`, or 3.1's `examples` (a list in JSON Schema).
pub(super) fn example_field(schema: &Value) -> Option<Value> {
    schema
        .get("example")
        .cloned()
        .or_else(|| match schema.get("examples") {
            Some(Value::Array(list)) => list.first().cloned(),
            _ => None,
        })
}

fn number(schema: &Value, name: &str) -> Option<String> {
    schema
        .get(name)
        .filter(|v| v.is_number())
        .map(super::json_text)
}

/// Constraints as a person reads them.
pub(super) fn constraints(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let range = |min: Option<String>, max: Option<String>, unit: &str, units: &str| {
        let plural = |n: &str| if n == "1" { unit } else { units };
        match (min, max) {
            (Some(a), Some(b)) if a == b => Some(format!("exactly {a} {}", plural(&a))),
            (Some(a), Some(b)) => Some(format!("{a} to {b} {units}")),
            (Some(a), None) => Some(format!("at least {a} {}", plural(&a))),
            (None, Some(b)) => Some(format!("at most {b} {}", plural(&b))),
            (None, None) => None,
        }
    };
    out.extend(range(
        number(schema, "minLength"),
        number(schema, "maxLength"),
        "character",
        "characters",
    ));
    // 3.0 and Swagger: `exclusiveMinimum: true` beside `minimum`; 3.1: `exclusiveMinimum: 5` alone.
    let bound = |plain: &str, exclusive: &str| match schema.get(exclusive) {
        Some(Value::Number(n)) => Some((n.to_string(), true)),
        Some(Value::Bool(true)) => number(schema, plain).map(|n| (n, true)),
        _ => number(schema, plain).map(|n| (n, false)),
    };
    match (
        bound("minimum", "exclusiveMinimum"),
        bound("maximum", "exclusiveMaximum"),
    ) {
        (Some((a, false)), Some((b, false))) => out.push(format!("{a} to {b}")),
        (low, high) => {
            if let Some((a, exclusive)) = low {
                out.push(format!(
                    "{} {a}",
                    if exclusive { "more than" } else { "at least" }
                ));
            }
            if let Some((b, exclusive)) = high {
                out.push(format!(
                    "{} {b}",
                    if exclusive { "less than" } else { "at most" }
                ));
            }
        }
    }
    if let Some(n) = number(schema, "multipleOf") {
        out.push(format!("a multiple of {n}"));
    }
    if let Some(Value::String(p)) = schema.get("pattern") {
        out.push(format!("pattern {p}"));
    }
    if let Some(Value::String(media)) = schema.get("contentMediaType") {
        out.push(format!("content {media}"));
    }
    if let Some(Value::String(encoding)) = schema.get("contentEncoding") {
        out.push(format!("encoded as {encoding}"));
    }
    out.extend(range(
        number(schema, "minItems"),
        number(schema, "maxItems"),
        "item",
        "items",
    ));
    if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
        out.push("items are unique".into());
    }
    out.extend(range(
        number(schema, "minProperties"),
        number(schema, "maxProperties"),
        "property",
        "properties",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::openapi::refs::Version;
    use crate::import::openapi::Limits;
    use serde_json::json;

    fn describe(root: &Value, version: Version, schema: &Value) -> SchemaDoc {
        let limits = Limits::default();
        let order = KeyOrder::default();
        let doc = Doc {
            root,
            version,
            limits: &limits,
            order: &order,
        };
        Schemas::new(doc).describe(schema, 0)
    }

    fn components() -> Value {
        json!({"components": {"schemas": {
            "Base": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
            "Node": {"type": "object", "properties": {"id": {"type": "integer"}, "next": {"$ref": "#/components/schemas/Node"}}},
            "Pet": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"required": ["n"], "properties": {"n": {"type": "integer"}}}]}
        }}})
    }

    #[test]
    fn kinds_and_nullability_in_either_version() {
        let root = components();
        let cases = [
            (
                Version::OpenApi30,
                json!({"type": "string", "nullable": true}),
                "string | null",
                true,
            ),
            (
                Version::OpenApi31,
                json!({"type": ["string", "null"]}),
                "string | null",
                true,
            ),
            (
                Version::OpenApi31,
                json!({"type": ["integer", "string"]}),
                "integer | string",
                false,
            ),
            (
                Version::Swagger2,
                json!({"type": "string", "x-nullable": true}),
                "string | null",
                true,
            ),
            (
                Version::OpenApi30,
                json!({"properties": {}}),
                "object",
                false,
            ),
            (
                Version::OpenApi30,
                json!({"items": {"type": "string"}}),
                "array",
                false,
            ),
            (
                Version::OpenApi30,
                json!({"enum": [1, 2]}),
                "integer",
                false,
            ),
            (Version::OpenApi30, json!({}), "any", false),
            (Version::OpenApi31, json!(true), "any", false),
            (
                Version::OpenApi30,
                json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
                "string | integer",
                false,
            ),
        ];
        for (version, schema, kind, nullable) in cases {
            let doc = describe(&root, version, &schema);
            assert_eq!(
                (doc.kind.as_str(), doc.nullable),
                (kind, nullable),
                "{schema}"
            );
        }
    }

    #[test]
    fn all_of_is_merged_and_named_schemas_keep_their_name() {
        let root = components();
        let pet = describe(
            &root,
            Version::OpenApi30,
            &json!({"$ref": "#/components/schemas/Pet"}),
        );
        assert_eq!(pet.name, "Pet");
        assert_eq!(pet.kind, "object");
        let props: Vec<(&str, bool, &str)> = pet
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.required, p.schema.kind.as_str()))
            .collect();
        assert_eq!(props, [("kind", true, "string"), ("n", true, "integer")]);
    }

    #[test]
    fn a_schema_that_contains_itself_is_cut_where_it_repeats() {
        let root = components();
        let node = describe(
            &root,
            Version::OpenApi30,
            &json!({"$ref": "#/components/schemas/Node"}),
        );
        assert!(!node.cut);
        let next = &node.properties[1];
        assert_eq!(next.name, "next");
        assert!(next.schema.cut);
        assert_eq!(next.schema.name, "Node");
        assert!(next.schema.properties.is_empty());
    }

    #[test]
    fn deep_trees_are_cut() {
        let mut schema = json!({"type": "string"});
        for _ in 0..20 {
            schema = json!({"type": "object", "properties": {"a": schema}});
        }
        let mut doc = describe(&json!({}), Version::OpenApi31, &schema);
        let mut levels = 0;
        while let Some(first) = doc.properties.first() {
            doc = first.schema.clone();
            levels += 1;
        }
        assert_eq!(levels, MAX_SCHEMA_DEPTH);
        assert!(doc.cut);
    }

    #[test]
    fn constraints_read_as_sentences() {
        let cases = [
            (
                json!({"minLength": 1, "maxLength": 64}),
                vec!["1 to 64 characters"],
            ),
            (json!({"minLength": 1}), vec!["at least 1 character"]),
            (
                json!({"maxLength": 3, "minLength": 3}),
                vec!["exactly 3 characters"],
            ),
            (json!({"minimum": 0}), vec!["at least 0"]),
            (json!({"minimum": 1, "maximum": 5}), vec!["1 to 5"]),
            (
                json!({"minimum": 0, "exclusiveMinimum": true, "maximum": 1}),
                vec!["more than 0", "at most 1"],
            ),
            (
                json!({"exclusiveMinimum": 0, "exclusiveMaximum": 10}),
                vec!["more than 0", "less than 10"],
            ),
            (json!({"multipleOf": 5}), vec!["a multiple of 5"]),
            (json!({"pattern": "^[a-z]+$"}), vec!["pattern ^[a-z]+$"]),
            (
                json!({"minItems": 1, "uniqueItems": true}),
                vec!["at least 1 item", "items are unique"],
            ),
            (json!({"maxProperties": 2}), vec!["at most 2 properties"]),
            (
                json!({"contentMediaType": "image/png"}),
                vec!["content image/png"],
            ),
        ];
        for (schema, expected) in cases {
            assert_eq!(constraints(&schema), expected, "{schema}");
        }
    }

    #[test]
    fn details_are_carried_over() {
        let schema = json!({"type": "string", "format": "date-time", "readOnly": true, "deprecated": true,
            "enum": ["a", "b"], "default": "a", "examples": ["b"], "description": "When"});
        let doc = describe(&json!({}), Version::OpenApi31, &schema);
        assert_eq!(doc.format, "date-time");
        assert!(doc.read_only && doc.deprecated && !doc.write_only);
        assert_eq!(doc.values, [json!("a"), json!("b")]);
        assert_eq!(doc.default, Some(json!("a")));
        assert_eq!(doc.example, Some(json!("b")));
        assert_eq!(doc.description, "When");
        // 3.1 raw content reads as binary, as `format: binary` does in 3.0.
        let raw = json!({"type": "string", "contentMediaType": "image/png"});
        assert_eq!(
            describe(&json!({}), Version::OpenApi31, &raw).format,
            "binary"
        );
        let encoded =
            json!({"type": "string", "contentMediaType": "image/png", "contentEncoding": "base64"});
        assert_eq!(
            describe(&json!({}), Version::OpenApi31, &encoded).format,
            ""
        );
    }
}

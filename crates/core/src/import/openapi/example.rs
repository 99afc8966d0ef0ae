//! Import stage, OpenAPI examples: the value "Try it" fills in when the document gives none, made from the
//! schema (its example, default or first enum value where it has one; otherwise a value of its type and
//! format), stopping at cycles and at a depth.

use super::order::{self, KeyOrder};
use super::refs::{ref_of, Doc};
use super::schema::{example_field, merged, types};
use serde_json::{Map, Value};

/// Below this depth every property is filled in; deeper, only the required ones.
const ALL_PROPERTIES_DEPTH: usize = 3;
/// No example goes deeper than this.
const MAX_EXAMPLE_DEPTH: usize = 10;

/// Which side of the exchange the example is for: requests leave out `readOnly` properties, responses
/// `writeOnly` ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    Request,
    Response,
}

/// An example value for `schema`; references that cannot be followed are left out, each with a warning.
/// Its objects' key orders (the schemas' property orders) are noted in `made`.
pub(super) fn generate(
    doc: Doc<'_>,
    schema: &Value,
    direction: Direction,
    warnings: &mut Vec<String>,
    made: &mut KeyOrder,
) -> Value {
    let mut generator = Generator {
        doc,
        direction,
        stack: Vec::new(),
        warnings: Vec::new(),
        made: std::mem::take(made),
    };
    let value = generator.value(schema, 0).unwrap_or(Value::Null);
    warnings.append(&mut generator.warnings);
    *made = generator.made;
    value
}

struct Generator<'a> {
    doc: Doc<'a>,
    direction: Direction,
    made: KeyOrder,
    /// References being expanded: meeting one again is a cycle, where the example stops.
    stack: Vec<String>,
    warnings: Vec<String>,
}

impl Generator<'_> {
    /// `None`: nothing to put here (a cycle, or too deep); the caller leaves the property out.
    fn value(&mut self, schema: &Value, depth: usize) -> Option<Value> {
        if depth > MAX_EXAMPLE_DEPTH {
            return None;
        }
        let Value::Object(_) = schema else {
            return Some(Value::Null);
        };
        if let Some(reference) = ref_of(schema) {
            if self.stack.iter().any(|r| r == reference) {
                return None;
            }
            let resolved = self.doc.resolve(schema);
            if let Some(problem) = resolved.problem {
                self.warnings.push(problem);
                return None;
            }
            self.stack.push(reference.to_string());
            let value = self.value(resolved.value, depth);
            self.stack.pop();
            return value;
        }
        let mut stack = std::mem::take(&mut self.stack);
        let schema = merged(
            self.doc,
            schema,
            &mut stack,
            &mut self.warnings,
            &mut self.made,
        );
        self.stack = stack;
        let schema: &Value = &schema;
        if let Some(given) = example_field(schema)
            .or_else(|| schema.get("default").cloned())
            .or_else(|| schema.get("const").cloned())
        {
            return Some(given);
        }
        if let Some(Value::Array(values)) = schema.get("enum") {
            if let Some(first) = values.iter().find(|v| !v.is_null()).or(values.first()) {
                return Some(first.clone());
            }
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(choices)) = schema.get(key) {
                if let Some(v) = choices.iter().find_map(|c| self.value(c, depth + 1)) {
                    return Some(v);
                }
            }
        }
        let (kinds, nullable) = types(schema);
        let kind = kinds.first().map(String::as_str).unwrap_or("");
        Some(match kind {
            "object" => self.object(schema, depth),
            "array" => match schema.get("items") {
                Some(items) => Value::Array(self.value(items, depth + 1).into_iter().collect()),
                None => Value::Array(Vec::new()),
            },
            "string" => Value::String(string(schema)),
            "integer" => integer(schema),
            "number" => number(schema),
            "boolean" => Value::Bool(true),
            "null" => Value::Null,
            "file" => Value::String(String::new()),
            _ if nullable => Value::Null,
            _ => Value::Object(Map::new()),
        })
    }

    fn object(&mut self, schema: &Value, depth: usize) -> Value {
        let required: std::collections::HashSet<&str> = match schema.get("required") {
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => Default::default(),
        };
        let mut out = Map::new();
        let mut written = Vec::new();
        if let Some(Value::Object(props)) = schema.get("properties") {
            for (name, prop) in order::entries(&[self.doc.order, &self.made], props) {
                let is_required = required.contains(&name.as_str());
                if depth >= ALL_PROPERTIES_DEPTH && !is_required {
                    continue;
                }
                if self.hidden(prop) {
                    continue;
                }
                if let Some(v) = self.value(prop, depth + 1) {
                    written.push(name.clone());
                    out.insert(name.clone(), v);
                }
            }
        }
        self.made.record_owned(&written, &out);
        if out.is_empty() {
            if let Some(additional @ Value::Object(_)) = schema.get("additionalProperties") {
                if let Some(v) = self.value(additional, depth + 1) {
                    out.insert("key".into(), v);
                }
            }
        }
        Value::Object(out)
    }

    /// Whether a property does not travel in this direction (`readOnly` in requests, `writeOnly` in
    /// responses), looking through a reference.
    fn hidden(&self, prop: &Value) -> bool {
        let prop = self.doc.resolve(prop).value;
        let flag = |name: &str| prop.get(name) == Some(&Value::Bool(true));
        match self.direction {
            Direction::Request => flag("readOnly"),
            Direction::Response => flag("writeOnly"),
        }
    }
}

fn string(schema: &Value) -> String {
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let text = match format {
        "date-time" => "2024-01-01T00:00:00Z",
        "date" => "2024-01-01",
        "time" => "00:00:00",
        "duration" => "P1D",
        "email" | "idn-email" => "user@example.com",
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "uri" | "url" | "iri" => "https://example.com",
        "uri-reference" | "iri-reference" => "/example",
        "hostname" | "idn-hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "aGVsbG8=",
        "binary" => "",
        "password" => "password",
        "regex" => ".*",
        _ => "string",
    };
    text.to_string()
}

fn bound(schema: &Value) -> Option<f64> {
    match schema.get("exclusiveMinimum") {
        Some(Value::Number(n)) => n.as_f64().map(|n| n + 1.0),
        Some(Value::Bool(true)) => schema
            .get("minimum")
            .and_then(Value::as_f64)
            .map(|n| n + 1.0),
        _ => schema.get("minimum").and_then(Value::as_f64),
    }
}

fn integer(schema: &Value) -> Value {
    match bound(schema) {
        Some(n) if n.is_finite() && n.abs() < 9.0e15 => Value::from(n.ceil() as i64),
        _ => Value::from(0),
    }
}

fn number(schema: &Value) -> Value {
    match bound(schema).and_then(serde_json::Number::from_f64) {
        Some(n) => Value::Number(n),
        None => Value::from(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::openapi::refs::Version;
    use crate::import::openapi::Limits;
    use serde_json::json;

    #[test]
    fn examples_come_from_the_schema_or_are_made_from_types_and_formats() {
        let root = json!({"components": {"schemas": {
            "Node": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "integer", "format": "int64"},
                "next": {"$ref": "#/components/schemas/Node"}}},
            "Base": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}}
        }}});
        let limits = Limits::default();
        let doc = Doc {
            root: &root,
            version: Version::OpenApi30,
            limits: &limits,
            order: &KeyOrder::default(),
        };
        let cases = [
            (
                json!({"type": "string", "format": "date-time"}),
                json!("2024-01-01T00:00:00Z"),
            ),
            (
                json!({"type": "string", "format": "email"}),
                json!("user@example.com"),
            ),
            (
                json!({"type": "string", "format": "uuid"}),
                json!("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
            ),
            (
                json!({"type": "string", "format": "ipv4"}),
                json!("192.0.2.1"),
            ),
            (json!({"type": "string"}), json!("string")),
            (json!({"type": "string", "example": "rex"}), json!("rex")),
            (json!({"type": "integer", "default": 30}), json!(30)),
            (
                json!({"type": "integer", "format": "int32", "minimum": 5}),
                json!(5),
            ),
            (
                json!({"type": "integer", "minimum": 5, "exclusiveMinimum": true}),
                json!(6),
            ),
            (
                json!({"type": "string", "enum": ["sold", "available"]}),
                json!("sold"),
            ),
            (json!({"type": ["null", "boolean"]}), json!(true)),
            (
                json!({"type": "array", "items": {"type": "number"}}),
                json!([0]),
            ),
            (
                json!({"oneOf": [{"type": "integer"}, {"type": "string"}]}),
                json!(0),
            ),
            // A cycle stops: `next` would contain another Node.
            (
                json!({"$ref": "#/components/schemas/Node"}),
                json!({"id": 0}),
            ),
            (
                json!({"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"n": {"type": "integer"}}}]}),
                json!({"kind": "a", "n": 0}),
            ),
            (
                json!({"type": "object", "properties": {"id": {"type": "integer", "readOnly": true}, "name": {"type": "string"}}}),
                json!({"name": "string"}),
            ),
            (
                json!({"type": "object", "additionalProperties": {"type": "integer"}}),
                json!({"key": 0}),
            ),
        ];
        for (schema, expected) in cases {
            let mut warnings = Vec::new();
            let example = generate(
                doc,
                &schema,
                Direction::Request,
                &mut warnings,
                &mut KeyOrder::default(),
            );
            assert_eq!(example, expected, "{schema}");
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn deep_levels_keep_only_required_properties() {
        let root = json!({});
        let limits = Limits::default();
        let doc = Doc {
            root: &root,
            version: Version::OpenApi31,
            limits: &limits,
            order: &KeyOrder::default(),
        };
        let leaf = json!({"type": "object", "required": ["r"], "properties": {"r": {"type": "integer"}, "o": {"type": "integer"}}});
        let schema = json!({"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "object", "properties": {"c": leaf.clone()}}}}}});
        let example = generate(
            doc,
            &schema,
            Direction::Request,
            &mut Vec::new(),
            &mut KeyOrder::default(),
        );
        assert_eq!(example, json!({"a": {"b": {"c": {"r": 0}}}}));
        let shallow = generate(
            doc,
            &leaf,
            Direction::Request,
            &mut Vec::new(),
            &mut KeyOrder::default(),
        );
        assert_eq!(shallow, json!({"r": 0, "o": 0}));
    }
}

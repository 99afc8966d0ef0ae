//! Import stage, JSON reading helpers shared by the HAR and Postman importers: typed access to a JSON tree
//! that names the exact field when the shape is wrong (`log.entries[2].request.headers[0].name`).

use serde_json::{Map, Value};
use thiserror::Error;

/// A field that is missing or of the wrong JSON type, named by its path from the document root. Each
/// importer's error carries it as it is, so messages read the same in every format.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ShapeError {
    #[error("`{path}` is missing.")]
    Missing { path: String },
    #[error("`{path}` should be {expected}, but it is {found}.")]
    WrongType {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
}

/// Text that is not JSON at all, with where the reader stopped.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("Not valid JSON (line {line}, column {column}): {message}")]
pub struct JsonSyntax {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads an import's JSON text; its size is checked by the caller, whose message names the format.
pub(crate) fn parse_json(text: &str) -> Result<Value, JsonSyntax> {
    serde_json::from_str(text).map_err(|e| JsonSyntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// A JSON object together with its path from the document root, for error messages.
#[derive(Clone, Copy)]
pub(crate) struct Obj<'p, 'a> {
    pub path: &'p str,
    pub map: &'a Map<String, Value>,
}

pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// The path of the `index`th element of the array at `path`.
pub(crate) fn index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

pub(crate) fn wrong_type(path: &str, expected: &'static str, found: &Value) -> ShapeError {
    ShapeError::WrongType {
        path: if path.is_empty() {
            "(top level)".into()
        } else {
            path.into()
        },
        expected,
        found: kind(found),
    }
}

pub(crate) fn as_object<'p, 'a>(
    path: &'p str,
    value: &'a Value,
) -> Result<Obj<'p, 'a>, ShapeError> {
    match value {
        Value::Object(map) => Ok(Obj { path, map }),
        other => Err(wrong_type(path, "an object", other)),
    }
}

impl<'a> Obj<'_, 'a> {
    pub fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    pub fn str(&self, field: &str) -> Result<&'a str, ShapeError> {
        match self.get(field) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.wrong(field, "a string", other)),
            None => Err(ShapeError::Missing {
                path: join(self.path, field),
            }),
        }
    }

    pub fn opt_str(&self, field: &str) -> Result<Option<&'a str>, ShapeError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(field, "a string", other)),
        }
    }

    /// A field's text as a client sends it: strings as they are, numbers and booleans as written; absent and
    /// `null` read as empty (exporters write `"value": null` for empty values).
    pub fn text(&self, field: &str) -> Result<String, ShapeError> {
        match self.get(field) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(Value::Bool(b)) => Ok(b.to_string()),
            Some(other) => Err(self.wrong(field, "a string", other)),
        }
    }

    /// An optional array; absent and `null` both read as empty, as browsers write either.
    pub fn array(&self, field: &str) -> Result<&'a [Value], ShapeError> {
        match self.get(field) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong(field, "an array", other)),
        }
    }

    /// `name`/`value` pairs, as HAR writes headers, cookies, query strings and form params.
    pub fn pairs(&self, field: &str) -> Result<Vec<(String, String)>, ShapeError> {
        let mut out = Vec::new();
        for (i, item) in self.array(field)?.iter().enumerate() {
            let path = index(&join(self.path, field), i);
            let obj = as_object(&path, item)?;
            let value = match obj.get("value") {
                None => String::new(),
                Some(Value::String(s)) => s.clone(),
                // Some exporters write numbers for numeric values; their text is what was sent.
                Some(Value::Number(n)) => n.to_string(),
                Some(other) => return Err(obj.wrong("value", "a string", other)),
            };
            out.push((obj.str("name")?.to_string(), value));
        }
        Ok(out)
    }

    pub fn wrong(&self, field: &str, expected: &'static str, found: &Value) -> ShapeError {
        wrong_type(&join(self.path, field), expected, found)
    }
}

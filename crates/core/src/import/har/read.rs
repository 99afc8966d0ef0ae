//! Import stage, HAR reading helpers: typed access to a JSON tree that names the exact field when the shape
//! is wrong (`log.entries[2].request.headers[0].name`).

use super::HarError;
use serde_json::{Map, Value};

/// A JSON object together with its path from the document root, for error messages.
#[derive(Clone, Copy)]
pub(super) struct Obj<'p, 'a> {
    pub path: &'p str,
    pub map: &'a Map<String, Value>,
}

pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

pub(super) fn as_object<'p, 'a>(path: &'p str, value: &'a Value) -> Result<Obj<'p, 'a>, HarError> {
    match value {
        Value::Object(map) => Ok(Obj { path, map }),
        other => Err(HarError::WrongType {
            path: if path.is_empty() {
                "(top level)".into()
            } else {
                path.into()
            },
            expected: "an object",
            found: kind(other),
        }),
    }
}

impl<'a> Obj<'_, 'a> {
    pub fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    pub fn str(&self, field: &str) -> Result<&'a str, HarError> {
        match self.get(field) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.wrong(field, "a string", other)),
            None => Err(HarError::Missing {
                path: join(self.path, field),
            }),
        }
    }

    pub fn opt_str(&self, field: &str) -> Result<Option<&'a str>, HarError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(field, "a string", other)),
        }
    }

    /// An optional array; absent and `null` both read as empty, as browsers write either.
    pub fn array(&self, field: &str) -> Result<&'a [Value], HarError> {
        match self.get(field) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong(field, "an array", other)),
        }
    }

    /// `name`/`value` pairs, as HAR writes headers, cookies, query strings and form params.
    pub fn pairs(&self, field: &str) -> Result<Vec<(String, String)>, HarError> {
        let mut out = Vec::new();
        for (i, item) in self.array(field)?.iter().enumerate() {
            let path = format!("{}[{i}]", join(self.path, field));
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

    pub fn wrong(&self, field: &str, expected: &'static str, found: &Value) -> HarError {
        HarError::WrongType {
            path: join(self.path, field),
            expected,
            found: kind(found),
        }
    }
}

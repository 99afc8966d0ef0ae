//! Import stage, Postman rows: the `{key, value, disabled}` lists that Postman writes for query parameters,
//! path and collection variables and form fields, read as reqlab's switchable key/value rows.

use super::PostmanError;
use crate::edit::model::KeyValue;
use crate::import::read::{as_object, index, join, Obj};
use serde_json::Value;

/// `{key, value, disabled}` rows, as Postman writes query parameters, path variables and form fields.
pub(super) fn key_values(obj: Obj<'_, '_>, field: &str) -> Result<Vec<KeyValue>, PostmanError> {
    let path = join(obj.path, field);
    let mut rows = Vec::new();
    for (i, item) in obj.array(field)?.iter().enumerate() {
        let item_path = index(&path, i);
        let row = as_object(&item_path, item)?;
        // v2.0 names variables by `id`; `key` wins where both are present.
        let key = match row.get("key") {
            Some(_) => row.text("key")?,
            None => row.text("id")?,
        };
        rows.push(KeyValue {
            enabled: !disabled(row)?,
            key,
            value: row.text("value")?,
        });
    }
    Ok(rows)
}

pub(super) fn disabled(obj: Obj<'_, '_>) -> Result<bool, PostmanError> {
    match (obj.get("disabled"), obj.get("enabled")) {
        (None, None) => Ok(false),
        (Some(Value::Bool(b)), _) => Ok(*b),
        // Older exports wrote `enabled` instead.
        (None, Some(Value::Bool(b))) => Ok(!*b),
        (Some(other), _) => Err(obj.wrong("disabled", "a boolean", other).into()),
        (None, Some(other)) => Err(obj.wrong("enabled", "a boolean", other).into()),
    }
}

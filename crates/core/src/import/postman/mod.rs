//! Import stage, Postman: a Postman Collection (v2.1, and v2.0, which writes auth differently) becomes a
//! reqlab [`Collection`] of folders and requests with its variables; [`export`] writes the reverse. Postman
//! environment files are read and written by [`import_environment`] and [`export_environment`].

mod auth;
mod body;
mod environment;
mod export;
mod items;
mod notes;
mod request;
mod rows;
mod tests_script;
mod url;

pub use environment::{export_environment, import_environment, looks_like_environment};
pub use export::{export, export_with};

use super::collection::ImportedCollection;
use super::read::{self, as_object, JsonSyntax, ShapeError};
use super::MAX_INPUT_BYTES;
use notes::Notes;
use serde_json::Value;
use thiserror::Error;

/// The schema URL of the collections this module writes.
pub const SCHEMA_V2_1: &str =
    "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// Why a Postman collection could not be imported. Messages name the field at fault by its JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PostmanError {
    #[error(
        "The input is {0} bytes; Postman import takes at most 1 MiB. Export a smaller folder."
    )]
    TooLarge(usize),
    #[error(transparent)]
    Json(#[from] JsonSyntax),
    /// A field missing or of the wrong type, named by its JSON path.
    #[error(transparent)]
    Shape(#[from] ShapeError),
    #[error("This JSON is not a Postman collection: expected an object with `info` and `item`.")]
    NotPostman,
    #[error(
        "This JSON is not a Postman environment file: expected an object with `name` and `values`."
    )]
    NotEnvironment,
    #[error("This is a Postman Collection v1, which reqlab does not read. In Postman, export the collection again as Collection v2.1.")]
    Version1,
}

/// The collection itself, also when it comes wrapped as the Postman API returns it (`{"collection": ...}`).
fn unwrap(value: &Value) -> (&Value, &'static str) {
    match value.get("collection") {
        Some(inner) if inner.is_object() && value.get("info").is_none() => (inner, "collection"),
        _ => (value, ""),
    }
}

/// True when the JSON is shaped like a Postman collection (any version) rather than a reqlab request or HAR.
pub fn looks_like_postman(value: &Value) -> bool {
    let (top, _) = unwrap(value);
    let Value::Object(map) = top else {
        return false;
    };
    let v2 = map.get("info").is_some_and(Value::is_object) && map.contains_key("item");
    let v1 = map.get("requests").is_some_and(Value::is_array) && map.contains_key("order");
    v2 || v1
}

fn parse_json(text: &str) -> Result<Value, PostmanError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(PostmanError::TooLarge(text.len()));
    }
    Ok(read::parse_json(text)?)
}

/// Imports a Postman collection export.
pub fn import(text: &str) -> Result<ImportedCollection, PostmanError> {
    let value = parse_json(text)?;
    import_value(&value)
}

/// As [`import`], for JSON already parsed (the CLI detects the format first).
pub fn import_value(value: &Value) -> Result<ImportedCollection, PostmanError> {
    let (top, path) = unwrap(value);
    let top = as_object(path, top)?;
    let schema = match top.get("info") {
        Some(info) => as_object(&super::read::join(path, "info"), info)?.opt_str("schema")?,
        None => None,
    };
    let v1 = schema.is_some_and(|s| s.contains("/v1."))
        || (top.get("info").is_none() && top.get("requests").is_some());
    if v1 {
        return Err(PostmanError::Version1);
    }
    if top.get("info").is_none() || top.get("item").is_none() {
        return Err(PostmanError::NotPostman);
    }
    let mut notes = Notes::default();
    let collection = items::read_collection(top, &mut notes)?;
    notes.check_variables(&collection);
    Ok(ImportedCollection {
        warnings: notes.finish(),
        collection,
    })
}

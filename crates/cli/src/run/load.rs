//! `reqlab run`, the input side: the collection (reqlab JSON, Postman, `.http`), the environment (reqlab or
//! Postman JSON) and the dynamic variables' clock and random source.

use reqlab_core::import::http_file::{self, DynamicSource};
use reqlab_core::import::{postman, Collection};
use reqlab_core::{Environment, KeyValue};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A collection ready to run.
pub struct Loaded {
    pub collection: Collection,
    pub warnings: Vec<String>,
    /// `.http` files send an unknown `{{name}}` as written (REST Client's meaning).
    pub unknown_as_written: bool,
    /// The collection file's folder: relative file names are read from there.
    pub base: PathBuf,
}

pub fn collection(path: &str) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let base = Path::new(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let name = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.ends_with(".http") || path.ends_with(".rest") {
        return http_file(&text, &name, base);
    }
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{path}: neither a .http file nor JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    if postman::looks_like_postman(&value) {
        let imported = postman::import_value(&value).map_err(|e| format!("{path}: {e}"))?;
        return Ok(Loaded {
            warnings: imported.warnings.iter().map(ToString::to_string).collect(),
            collection: imported.collection,
            unknown_as_written: false,
            base,
        });
    }
    let mut collection: Collection = serde_json::from_value(value)
        .map_err(|e| format!("{path}: not a reqlab collection: {e}"))?;
    if collection.name.is_empty() {
        collection.name = name;
    }
    Ok(Loaded {
        collection,
        warnings: Vec::new(),
        unknown_as_written: false,
        base,
    })
}

/// A `.http` file: the files its bodies name (`< ./file`) read from its folder; an unknown `{{name}}` is
/// sent as written, as REST Client sends it.
fn http_file(text: &str, name: &str, base: PathBuf) -> Result<Loaded, String> {
    let folder = base.clone();
    let read = move |path: &str| std::fs::read(folder.join(path)).ok();
    let imported = http_file::import(text, &read).map_err(|e| format!("{name}: {e}"))?;
    let mut collection = imported.collection;
    if collection.name.is_empty() {
        collection.name = name.to_string();
    }
    Ok(Loaded {
        warnings: imported.warnings.iter().map(ToString::to_string).collect(),
        collection,
        unknown_as_written: true,
        base,
    })
}

/// An environment file: reqlab's (`{name, variables: [{key, value, enabled}]}`) or Postman's export
/// (`{name, values: [{key, value, enabled}]}`).
pub fn environment(path: &str) -> Result<Environment, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON: {e}"))?;
    let rows = value
        .get("variables")
        .or_else(|| value.get("values"))
        .and_then(Value::as_array)
        .ok_or_else(|| {
            format!("{path}: an environment has `variables` (reqlab) or `values` (Postman)")
        })?;
    let variables = rows
        .iter()
        .filter_map(|row| {
            let key = row.get("key")?.as_str()?;
            let value = match row.get("value") {
                Some(Value::String(text)) => text.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            Some(KeyValue {
                enabled: row.get("enabled").and_then(Value::as_bool).unwrap_or(true),
                key: key.to_string(),
                value,
            })
        })
        .collect();
    Ok(Environment {
        name: value
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        variables,
    })
}

/// `{{$guid}}`, `{{$timestamp}}` and the other dynamic variables, from the system clock, a random source
/// and the process environment.
pub fn dynamic_values() -> impl FnMut(&str) -> Option<String> {
    let mut source = HostSource;
    move |name: &str| http_file::dynamic_value(name, &mut source)
}

struct HostSource;

impl DynamicSource for HostSource {
    fn now_unix_ms(&mut self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }

    fn random_u64(&mut self) -> u64 {
        crate::send_time::random_u64()
    }

    fn env(&mut self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

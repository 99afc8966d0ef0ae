//! Command line, Postman side: a collection file becomes the one request `--item PATH` names, with the
//! collection's variables as its environment; without `--item`, the message lists the paths to choose from.

use reqlab_core::import::postman;
use reqlab_core::{Environment, Request};
use serde_json::Value;

/// The request at `item` in the collection, its environment, and the import warnings that concern it.
pub fn request_from_collection(
    name: &str,
    value: &Value,
    item: Option<&str>,
) -> Result<(Request, Environment, Vec<String>), String> {
    let imported = postman::import_value(value).map_err(|e| format!("{name}: {e}"))?;
    let collection = &imported.collection;
    let paths: Vec<String> = collection.requests().into_iter().map(|(p, _)| p).collect();
    let listing = || {
        paths
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if paths.is_empty() {
        return Err(format!("{name}: the Postman collection has no requests"));
    }
    let Some(item) = item else {
        return Err(format!(
            "{name}: the Postman collection has {} request{}; choose one with --item PATH:\n{}",
            paths.len(),
            if paths.len() == 1 { "" } else { "s" },
            listing()
        ));
    };
    let request = collection.find(item).ok_or_else(|| {
        format!(
            "{name}: the Postman collection has no request {item:?}; its requests are:\n{}",
            listing()
        )
    })?;
    let warnings = imported
        .warnings_for(item)
        .map(ToString::to_string)
        .collect();
    Ok((request.clone(), collection.environment(), warnings))
}

//! Import stage, Postman item tree: the collection's `item` lists become folders and requests, with auth
//! passed down from collection and folders to the requests that inherit it, and scripts named in warnings.

use super::auth::{self, Setting};
use super::notes::{has_content, Notes};
use super::rows::key_values;
use super::{request, PostmanError};
use crate::edit::model::Auth;
use crate::import::collection::{Collection, CollectionItem};
use crate::import::read::{as_object, index, join, Obj, ShapeError};
use serde_json::Value;

/// Fields of a collection, folder or request item that are read (or, for ids, meaningless here).
const KNOWN: &[&str] = &[
    "name",
    "id",
    "uid",
    "item",
    "request",
    "response",
    "event",
    "description",
    "variable",
    "auth",
    "protocolProfileBehavior",
    "info",
];

pub(super) fn read_collection(
    top: Obj<'_, '_>,
    notes: &mut Notes,
) -> Result<Collection, PostmanError> {
    let info_path = join(top.path, "info");
    let info = match top.get("info") {
        Some(info) => Some(as_object(&info_path, info)?),
        None => None,
    };
    let name = match info {
        Some(info) => {
            notes.description(info.get("description"));
            info.opt_str("name")?.unwrap_or_default().to_string()
        }
        None => String::new(),
    };
    let auth = item_auth(top, "", &Auth::None, notes)?;
    scripts(top, "", notes)?;
    left_out_fields(top, "", notes);
    if top.get("protocolProfileBehavior").is_some() {
        notes.warn(
            "",
            "Postman's protocol settings for the whole collection are left out.",
        );
    }
    let items_path = join(top.path, "item");
    Ok(Collection {
        name,
        variables: key_values(top, "variable")?,
        items: read_items(top.array("item")?, &items_path, "", &auth, notes)?,
        origins: Vec::new(),
    })
}

fn read_items(
    items: &[Value],
    path: &str,
    parent: &str,
    inherited: &Auth,
    notes: &mut Notes,
) -> Result<Vec<CollectionItem>, PostmanError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, value) in items.iter().enumerate() {
        let item_path = index(path, i);
        let item = as_object(&item_path, value)?;
        let name = item.opt_str("name")?.unwrap_or_default().to_string();
        let location = if parent.is_empty() {
            name.clone()
        } else {
            format!("{parent}/{name}")
        };
        let auth = item_auth(item, &location, inherited, notes)?;
        scripts(item, &location, notes)?;
        left_out_fields(item, &location, notes);
        notes.description(item.get("description"));
        let variables = key_values(item, "variable")?;
        if !variables.is_empty() {
            let names: Vec<&str> = variables.iter().map(|v| v.key.as_str()).collect();
            notes.warn(
                &location,
                format!(
                    "the variables {} defined here are left out: define them in the collection's \
                     variables.",
                    names.join(", ")
                ),
            );
        }
        if let Some(children) = item.get("item") {
            let children_path = join(&item_path, "item");
            let Value::Array(children) = children else {
                return Err(item.wrong("item", "an array", children).into());
            };
            out.push(CollectionItem::Folder {
                name,
                items: read_items(children, &children_path, &location, &auth, notes)?,
            });
        } else if let Some(request) = item.get("request") {
            let request_path = join(&item_path, "request");
            let request = request::read(request, &request_path, item, &location, &auth, notes)?;
            out.push(CollectionItem::Request { name, request });
        } else {
            return Err(ShapeError::Missing {
                path: join(&item_path, "request"),
            }
            .into());
        }
    }
    Ok(out)
}

/// The auth an item's requests use: its own, or what it inherits from above.
fn item_auth(
    item: Obj<'_, '_>,
    location: &str,
    inherited: &Auth,
    notes: &mut Notes,
) -> Result<Auth, PostmanError> {
    let Some(auth) = item.get("auth") else {
        return Ok(inherited.clone());
    };
    let path = join(item.path, "auth");
    Ok(
        match auth::read(as_object(&path, auth)?, location, notes)? {
            Setting::Own(own) => own,
            Setting::Inherit => inherited.clone(),
        },
    )
}

/// Pre-request and test scripts are never run (import runs nothing); each one that has code is named.
fn scripts(item: Obj<'_, '_>, location: &str, notes: &mut Notes) -> Result<(), PostmanError> {
    let path = join(item.path, "event");
    for (i, event) in item.array("event")?.iter().enumerate() {
        let event_path = index(&path, i);
        let event = as_object(&event_path, event)?;
        let listen = event.opt_str("listen")?.unwrap_or_default();
        let code = match event.get("script").and_then(|s| s.get("exec")) {
            Some(Value::String(line)) => !line.trim().is_empty(),
            Some(Value::Array(lines)) => lines
                .iter()
                .any(|l| l.as_str().is_none_or(|l| !l.trim().is_empty())),
            _ => event.get("script").and_then(|s| s.get("src")).is_some(),
        };
        if !code {
            continue;
        }
        let what = match listen {
            "prerequest" => "pre-request script".to_string(),
            "test" => "test script".to_string(),
            other => format!("\"{other}\" script"),
        };
        notes.warn(
            location,
            format!("the {what} is left out: reqlab does not run scripts."),
        );
    }
    Ok(())
}

fn left_out_fields(item: Obj<'_, '_>, location: &str, notes: &mut Notes) {
    let unknown: Vec<&str> = item
        .map
        .iter()
        .filter(|(k, v)| !KNOWN.contains(&k.as_str()) && !k.starts_with('_') && has_content(v))
        .map(|(k, _)| k.as_str())
        .collect();
    notes.left_out(location, "field", &unknown);
}

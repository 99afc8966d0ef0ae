//! What a run sends: a collection's requests (or one folder's), in the order the collection lists them.

use crate::edit::model::Request;
use crate::import::collection::{Collection, CollectionItem};

/// One request of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// Its place in the collection, folders included: `Auth/Log in`.
    pub path: String,
    /// Its own name: what `{{name.response.body.…}}` references it by.
    pub name: String,
    pub request: Request,
}

/// Every request of `collection`, or of its folder at `folder` (`A/B`), depth first in order. `Err` names
/// the folders there are when `folder` is not one of them.
pub fn plan(collection: &Collection, folder: Option<&str>) -> Result<Vec<Planned>, String> {
    let (items, prefix) = match folder
        .map(|f| f.trim_matches('/'))
        .filter(|f| !f.is_empty())
    {
        None => (&collection.items[..], String::new()),
        Some(path) => match find_folder(&collection.items, path) {
            Some(items) => (items, format!("{path}/")),
            None => {
                return Err(format!(
                    "{:?} has no folder {path:?}; its folders: {}",
                    collection.name,
                    folders(&collection.items, "").join(", ")
                ))
            }
        },
    };
    let mut out = Vec::new();
    collect(items, &prefix, &mut out);
    Ok(out)
}

fn collect(items: &[CollectionItem], prefix: &str, out: &mut Vec<Planned>) {
    for item in items {
        match item {
            CollectionItem::Folder { name, items } => {
                collect(items, &format!("{prefix}{name}/"), out)
            }
            CollectionItem::Request { name, request } => out.push(Planned {
                path: format!("{prefix}{name}"),
                name: name.clone(),
                request: request.clone(),
            }),
        }
    }
}

fn find_folder<'a>(items: &'a [CollectionItem], path: &str) -> Option<&'a [CollectionItem]> {
    items.iter().find_map(|item| match item {
        CollectionItem::Folder { name, items } if name == path => Some(&items[..]),
        CollectionItem::Folder { name, items } => path
            .strip_prefix(name.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|rest| find_folder(items, rest)),
        CollectionItem::Request { .. } => None,
    })
}

fn folders(items: &[CollectionItem], prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        if let CollectionItem::Folder { name, items } = item {
            let path = format!("{prefix}{name}");
            let inner = folders(items, &format!("{path}/"));
            out.push(path);
            out.extend(inner);
        }
    }
    out
}

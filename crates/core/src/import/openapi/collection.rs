//! Import stage, OpenAPI as a collection: every operation's request, in a folder per first tag (the
//! summary's tag order, untagged ones at the top), with the environment a chosen server gives and the
//! origins a later import of a newer version re-syncs by.

use super::operation::{self, Detail};
use super::{request, Api, KeyOrder, Server, ServerChoice};
use crate::edit::model::{Environment, KeyValue};
use crate::import::collection::{
    Collection, CollectionItem, ImportWarning, ImportedCollection, Origin,
};
use std::collections::{HashMap, HashSet};

/// The chosen server (the first when the index is past the list), or `/` when the document names none:
/// OpenAPI 3 then means the document's own host.
fn chosen(api: &Api, choice: &ServerChoice) -> Server {
    api.summary
        .servers
        .get(choice.index)
        .or_else(|| api.summary.servers.first())
        .cloned()
        .unwrap_or_else(|| Server {
            url: "/".into(),
            ..Server::default()
        })
}

pub(super) fn environment(api: &Api, choice: &ServerChoice) -> Environment {
    let server = chosen(api, choice);
    let values = choice.values_for(&server);
    let mut variables = vec![KeyValue::new(
        "baseUrl",
        server.resolve(&choice.base, &values),
    )];
    variables.extend(values.into_iter().map(|(k, v)| KeyValue::new(k, v)));
    Environment {
        name: api.summary.title.clone(),
        variables,
    }
}

/// A folder being filled, and the request names already in it (names must be unique for item paths).
#[derive(Default)]
struct Folder {
    name: String,
    items: Vec<CollectionItem>,
    taken: HashSet<String>,
}

pub(super) fn build(api: &Api, choice: &ServerChoice) -> ImportedCollection {
    let environment = environment(api, choice);
    let mut top = Folder::default();
    let mut folders: Vec<Folder> = api
        .summary
        .tags
        .iter()
        .map(|t| Folder {
            name: t.name.clone(),
            ..Folder::default()
        })
        .collect();
    let by_tag: HashMap<String, usize> = folders
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.clone(), i))
        .collect();
    let mut origins = Vec::new();
    let mut warnings: Vec<ImportWarning> = api
        .summary
        .warnings
        .iter()
        .map(|w| ImportWarning {
            location: None,
            message: w.clone(),
        })
        .collect();
    let doc = api.doc();
    for summary in &api.summary.operations {
        let Some((item, op)) = api.locate(summary) else {
            continue;
        };
        let mut made = KeyOrder::default();
        let documented = operation::document(doc, summary, item, op, Detail::Request, &mut made);
        let imported = request::build(doc, &api.summary, &documented, &made);
        let folder = summary
            .tags
            .first()
            .and_then(|tag| by_tag.get(tag).copied());
        let target = match folder {
            Some(i) => &mut folders[i],
            None => &mut top,
        };
        let wanted = if summary.summary.trim().is_empty() {
            summary.key.clone()
        } else {
            summary.summary.trim().to_string()
        };
        let name = unique(&mut target.taken, wanted, &summary.key);
        let path = match folder {
            Some(i) => format!("{}/{name}", folders[i].name),
            None => name.clone(),
        };
        origins.push((
            path.clone(),
            Origin::of(summary.key.clone(), &imported.request),
        ));
        warnings.extend(imported.warnings.into_iter().map(|message| ImportWarning {
            location: Some(path.clone()),
            message,
        }));
        let target = match folder {
            Some(i) => &mut folders[i],
            None => &mut top,
        };
        target.items.push(CollectionItem::Request {
            name,
            request: imported.request,
        });
    }
    let mut items = top.items;
    items.extend(
        folders
            .into_iter()
            .filter(|f| !f.items.is_empty())
            .map(|f| CollectionItem::Folder {
                name: f.name,
                items: f.items,
            }),
    );
    ImportedCollection {
        collection: Collection {
            name: api.summary.title.clone(),
            variables: environment.variables,
            items,
            origins,
        },
        warnings,
    }
}

/// `wanted`, or `wanted (key)` when a request of that name is already in the folder (then numbered);
/// noted as taken.
fn unique(taken: &mut HashSet<String>, wanted: String, key: &str) -> String {
    let name = if !taken.contains(&wanted) {
        wanted
    } else {
        let with_key = format!("{wanted} ({key})");
        if taken.contains(&with_key) {
            (2..=taken.len() + 2)
                .map(|n| format!("{with_key} {n}"))
                .find(|name| !taken.contains(name))
                .unwrap_or(with_key)
        } else {
            with_key
        }
    };
    taken.insert(name.clone());
    name
}

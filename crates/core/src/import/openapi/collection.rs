//! Import stage, OpenAPI as a collection: every operation's request, in a folder per first tag (the
//! summary's tag order, untagged ones at the top), with the environment a chosen server gives and the
//! origins a later import of a newer version re-syncs by.

use super::operation::{self, Detail};
use super::{request, Api, KeyOrder, Server, ServerChoice};
use crate::edit::model::{Environment, KeyValue};
use crate::import::collection::{
    Collection, CollectionItem, ImportWarning, ImportedCollection, Origin,
};

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
struct Folder {
    name: String,
    items: Vec<CollectionItem>,
}

pub(super) fn build(api: &Api, choice: &ServerChoice) -> ImportedCollection {
    let environment = environment(api, choice);
    let mut top: Vec<CollectionItem> = Vec::new();
    let mut folders: Vec<Folder> = api
        .summary
        .tags
        .iter()
        .map(|t| Folder {
            name: t.name.clone(),
            items: Vec::new(),
        })
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
            .and_then(|tag| folders.iter().position(|f| &f.name == tag));
        let items = match folder {
            Some(i) => &mut folders[i].items,
            None => &mut top,
        };
        let wanted = if summary.summary.trim().is_empty() {
            summary.key.clone()
        } else {
            summary.summary.trim().to_string()
        };
        let name = unique(items, wanted, &summary.key);
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
        let items = match folder {
            Some(i) => &mut folders[i].items,
            None => &mut top,
        };
        items.push(CollectionItem::Request {
            name,
            request: imported.request,
        });
    }
    top.extend(
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
            items: top,
            origins,
        },
        warnings,
    }
}

/// `wanted`, or `wanted (key)` when a request of that name is already in the folder (then numbered).
fn unique(items: &[CollectionItem], wanted: String, key: &str) -> String {
    let taken = |name: &str| {
        items
            .iter()
            .any(|i| matches!(i, CollectionItem::Request { name: n, .. } if n == name))
    };
    if !taken(&wanted) {
        return wanted;
    }
    let with_key = format!("{wanted} ({key})");
    if !taken(&with_key) {
        return with_key;
    }
    (2..)
        .map(|n| format!("{with_key} {n}"))
        .find(|name| !taken(name))
        .unwrap_or(with_key)
}

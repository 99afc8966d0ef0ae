//! Import stage, collections: a named tree of folders and requests with the variables they share, as
//! Postman collections arrive and as the app will store them.

use crate::edit::model::{Environment, KeyValue, Request};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A collection: requests grouped in folders, plus the `{{name}}` variables its requests refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Collection {
    pub name: String,
    pub variables: Vec<KeyValue>,
    pub items: Vec<CollectionItem>,
    /// Where requests came from when a description made them (an OpenAPI operation): `(item path, origin)`,
    /// the path as [`Collection::requests`] writes it. Importing a newer version of the same description
    /// matches requests by these to re-sync them (`library::collections::Collections::resync`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<(String, Origin)>,
}

/// The description entry a request was made from, and a fingerprint of the request as it was made: a
/// re-sync compares the fingerprint of what the new version makes with it to tell whether the entry changed
/// (then the new request replaces the user's) or not (then the user's edits are kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    /// Which entry: for OpenAPI, the operation's key (its operationId, or `METHOD /path`).
    pub key: String,
    pub fingerprint: String,
}

impl Origin {
    /// The origin of `request`, made from the entry `key`.
    pub fn of(key: impl Into<String>, request: &Request) -> Origin {
        Origin {
            key: key.into(),
            fingerprint: fingerprint(request),
        }
    }
}

/// FNV-1a (64 bits, hex) of the request's JSON: stable across runs and platforms, unlike `std`'s hasher,
/// and a fingerprint only has to tell "made the same" from "made differently".
fn fingerprint(request: &Request) -> String {
    let json = serde_json::to_string(request).unwrap_or_default();
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// One entry of a collection: a folder of further items, or a named request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat form, written by serde's derive: see `edit::tagged` for why.
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "crate::edit::tagged::CollectionItemJson"
)]
// Most items are requests, so boxing the large variant would cost an allocation nearly every time.
#[allow(clippy::large_enum_variant)]
pub enum CollectionItem {
    Folder {
        name: String,
        #[serde(default)]
        items: Vec<CollectionItem>,
    },
    Request {
        name: String,
        request: Request,
    },
}

/// A collection read from elsewhere and what the user should know about what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedCollection {
    pub collection: Collection,
    pub warnings: Vec<ImportWarning>,
}

/// Something the import left out, and where: `Some(path)` for an item (`Some("")` for the collection's own
/// settings), `None` for a sentence that sums up the whole import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    pub location: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location.as_deref() {
            None => f.write_str(&self.message),
            Some("") => write!(f, "The collection: {}", self.message),
            Some(location) => write!(f, "{location}: {}", self.message),
        }
    }
}

impl ImportedCollection {
    /// The warnings that concern the request at `path`: its own, its folders', and the collection-wide ones.
    pub fn warnings_for<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a ImportWarning> {
        self.warnings
            .iter()
            .filter(move |w| match w.location.as_deref() {
                None | Some("") => true,
                Some(location) => {
                    path == location
                        || path
                            .strip_prefix(location)
                            .is_some_and(|rest| rest.starts_with('/'))
                }
            })
    }
}

impl Collection {
    /// The collection's variables as the environment `prepare` resolves `{{name}}` against.
    pub fn environment(&self) -> Environment {
        Environment {
            name: self.name.clone(),
            variables: self.variables.clone(),
        }
    }

    /// Every request with its path (`Users/Create user`: folder names, then the request's name), in order.
    pub fn requests(&self) -> Vec<(String, &Request)> {
        let mut out = Vec::new();
        collect(&self.items, "", &mut out);
        out
    }

    /// The request at `path`, as [`Collection::requests`] writes it. Names may themselves contain `/`
    /// (`GET /users` is a common request name), so the path is matched against names, not split.
    pub fn find(&self, path: &str) -> Option<&Request> {
        find_in(&self.items, path)
    }
}

fn collect<'a>(items: &'a [CollectionItem], prefix: &str, out: &mut Vec<(String, &'a Request)>) {
    for item in items {
        match item {
            CollectionItem::Folder { name, items } => {
                collect(items, &format!("{prefix}{name}/"), out);
            }
            CollectionItem::Request { name, request } => {
                out.push((format!("{prefix}{name}"), request))
            }
        }
    }
}

fn find_in<'a>(items: &'a [CollectionItem], path: &str) -> Option<&'a Request> {
    items.iter().find_map(|item| match item {
        CollectionItem::Request { name, request } if name == path => Some(request),
        CollectionItem::Request { .. } => None,
        CollectionItem::Folder { name, items } => path
            .strip_prefix(name.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|rest| find_in(items, rest)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::Method;

    fn request(url: &str) -> Request {
        Request {
            url: url.into(),
            ..Request::default()
        }
    }

    fn sample() -> Collection {
        Collection {
            name: "API".into(),
            origins: Vec::new(),
            variables: vec![KeyValue::new("base", "http://h")],
            items: vec![
                CollectionItem::Folder {
                    name: "Users".into(),
                    items: vec![
                        CollectionItem::Request {
                            name: "GET /users".into(),
                            request: request("http://h/users"),
                        },
                        CollectionItem::Folder {
                            name: "Admin".into(),
                            items: vec![CollectionItem::Request {
                                name: "Reset".into(),
                                request: request("http://h/reset"),
                            }],
                        },
                    ],
                },
                CollectionItem::Request {
                    name: "Health".into(),
                    request: request("http://h/health"),
                },
            ],
        }
    }

    #[test]
    fn paths_list_and_find_requests_even_with_slashes_in_names() {
        let collection = sample();
        let paths: Vec<String> = collection.requests().into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ["Users/GET /users", "Users/Admin/Reset", "Health"]);
        let cases = [
            ("Users/GET /users", Some("http://h/users")),
            ("Users/Admin/Reset", Some("http://h/reset")),
            ("Health", Some("http://h/health")),
            ("Users", None),
            ("Users/Admin", None),
            ("Reset", None),
            ("", None),
        ];
        for (path, expected) in cases {
            assert_eq!(
                collection.find(path).map(|r| r.url.as_str()),
                expected,
                "{path:?}"
            );
        }
    }

    #[test]
    fn warnings_for_an_item_are_its_own_its_folders_and_the_collection_wide_ones() {
        let warning = |location: Option<&str>, message: &str| ImportWarning {
            location: location.map(str::to_string),
            message: message.into(),
        };
        let imported = ImportedCollection {
            collection: sample(),
            warnings: vec![
                warning(Some(""), "c"),
                warning(Some("Users"), "folder"),
                warning(Some("Users/Admin/Reset"), "reset"),
                warning(Some("Users/GET /users"), "list"),
                warning(Some("User"), "a prefix of the name, not a folder"),
                warning(None, "summary"),
            ],
        };
        let for_reset: Vec<String> = imported
            .warnings_for("Users/Admin/Reset")
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            for_reset,
            [
                "The collection: c",
                "Users: folder",
                "Users/Admin/Reset: reset",
                "summary"
            ]
        );
        assert_eq!(imported.warnings_for("Health").count(), 2);
    }

    #[test]
    fn serializes_with_kinds_and_reads_back() {
        let collection = sample();
        let json = serde_json::to_value(&collection).expect("serializes");
        assert_eq!(json["items"][0]["kind"], "folder");
        assert_eq!(json["items"][1]["kind"], "request");
        assert_eq!(json["items"][1]["request"]["method"], "GET");
        let back: Collection = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, collection);
        assert_eq!(collection.environment().lookup("base"), Some("http://h"));
        assert_eq!(back.requests()[0].1.method, Method::Get);
    }
}

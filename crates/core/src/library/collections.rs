//! Library stage, collections: folders of saved requests the user names and orders, exportable as a Postman
//! collection. Indexes are 0-based; messages number folders and requests from 1, as the lists show them.
//! About 650 lines, half of them tests (every edit and move, ids and save in place, storage, Postman export).

use super::stored::{self, StoredError};
use crate::edit::model::{KeyValue, Request};
use crate::import::collection::{Collection, CollectionItem, Origin};
use crate::import::postman::export_with;
use crate::share::Secrets;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a change to the collections was refused; each message says what to do. Folders and requests are
/// numbered from 1 in messages, as the dialog shows them.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CollectionError {
    #[error("A name cannot be empty.")]
    EmptyName,
    #[error("There is already a folder named \"{0}\": pick another name.")]
    FolderNameTaken(String),
    #[error("This folder already has a request named \"{0}\": pick another name.")]
    RequestNameTaken(String),
    #[error("There is no folder {}.", .0 + 1)]
    NoFolder(usize),
    #[error("There is no request {} in folder {}.", .index + 1, .folder + 1)]
    NoRequest { folder: usize, index: usize },
    #[error("The saved request this one came from is gone (deleted): save it as a new one.")]
    Gone,
}

/// The version [`Collections::to_json`] writes.
pub const COLLECTIONS_VERSION: u32 = 1;

/// Every folder the user made, in the order they arranged them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Collections {
    pub folders: Vec<Folder>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Folder {
    pub name: String,
    pub requests: Vec<Saved>,
}

/// A request saved under a name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Which saved request this is, whatever its place: what an editor opened from it updates. Unique
    /// within the collections; 0 in what was stored before ids existed, until `from_json` numbers it.
    pub id: u64,
    pub name: String,
    pub request: Request,
    /// The description entry it was imported from (an OpenAPI operation), for re-sync; none when the user
    /// made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl Collections {
    pub fn to_json(&self) -> String {
        stored::wrap(COLLECTIONS_VERSION, self)
    }

    pub fn from_json(text: &str) -> Result<Self, StoredError> {
        let mut collections: Collections =
            stored::open(text, COLLECTIONS_VERSION, stored::no_migrations)?;
        // Requests saved before ids existed get theirs now (and keep them once written again).
        for f in 0..collections.folders.len() {
            for i in 0..collections.folders[f].requests.len() {
                if collections.folders[f].requests[i].id == 0 {
                    collections.folders[f].requests[i].id = collections.fresh_id();
                }
            }
        }
        Ok(collections)
    }

    /// An id no saved request has.
    fn fresh_id(&self) -> u64 {
        self.folders
            .iter()
            .flat_map(|f| &f.requests)
            .map(|s| s.id)
            .max()
            .unwrap_or(0)
            + 1
    }

    /// Where the saved request `id` is: its folder and index.
    pub fn find(&self, id: u64) -> Option<(usize, usize)> {
        self.folders.iter().enumerate().find_map(|(f, folder)| {
            let i = folder.requests.iter().position(|s| s.id == id)?;
            Some((f, i))
        })
    }

    /// The saved request `id`.
    pub fn get(&self, id: u64) -> Option<&Saved> {
        let (f, i) = self.find(id)?;
        self.folders[f].requests.get(i)
    }

    /// Saves `request` in place of the saved request `id` (its name and place unchanged).
    pub fn update(&mut self, id: u64, request: Request) -> Result<&Saved, CollectionError> {
        let (f, i) = self.find(id).ok_or(CollectionError::Gone)?;
        let saved = &mut self.folders[f].requests[i];
        saved.request = request;
        Ok(saved)
    }

    /// Adds a folder at the end, named `name` (trimmed; "New folder" when blank), numbered if taken.
    pub fn add_folder(&mut self, name: &str) -> usize {
        let name = match name.trim() {
            "" => "New folder",
            name => name,
        };
        let name = unique(name, |n| self.folders.iter().any(|f| f.name == n));
        self.folders.push(Folder {
            name,
            requests: Vec::new(),
        });
        self.folders.len() - 1
    }

    pub fn rename_folder(&mut self, folder: usize, name: &str) -> Result<(), CollectionError> {
        let name = non_empty(name)?;
        let taken = self
            .folders
            .iter()
            .enumerate()
            .any(|(i, f)| i != folder && f.name == name);
        let target = self
            .folders
            .get_mut(folder)
            .ok_or(CollectionError::NoFolder(folder))?;
        if taken {
            return Err(CollectionError::FolderNameTaken(name.to_string()));
        }
        target.name = name.to_string();
        Ok(())
    }

    pub fn delete_folder(&mut self, folder: usize) {
        if folder < self.folders.len() {
            self.folders.remove(folder);
        }
    }

    /// Saves `request` at the end of the folder; a blank name becomes "METHOD /path", numbered if taken.
    /// Returns the new saved request's id.
    pub fn save(
        &mut self,
        folder: usize,
        name: &str,
        request: Request,
    ) -> Result<u64, CollectionError> {
        let id = self.fresh_id();
        let target = self
            .folders
            .get_mut(folder)
            .ok_or(CollectionError::NoFolder(folder))?;
        let name = match name.trim() {
            "" => default_name(&request),
            name => name.to_string(),
        };
        let name = unique(&name, |n| target.requests.iter().any(|s| s.name == n));
        target.requests.push(Saved {
            id,
            name,
            request,
            origin: None,
        });
        Ok(id)
    }

    pub fn rename(
        &mut self,
        folder: usize,
        index: usize,
        name: &str,
    ) -> Result<(), CollectionError> {
        let name = non_empty(name)?;
        let target = self
            .folders
            .get_mut(folder)
            .ok_or(CollectionError::NoFolder(folder))?;
        if index >= target.requests.len() {
            return Err(CollectionError::NoRequest { folder, index });
        }
        let taken = target
            .requests
            .iter()
            .enumerate()
            .any(|(i, s)| i != index && s.name == name);
        if taken {
            return Err(CollectionError::RequestNameTaken(name.to_string()));
        }
        target.requests[index].name = name.to_string();
        Ok(())
    }

    /// Copies a saved request as "name copy" right after it; returns the copy's index.
    pub fn duplicate(&mut self, folder: usize, index: usize) -> Result<usize, CollectionError> {
        let id = self.fresh_id();
        let target = self
            .folders
            .get_mut(folder)
            .ok_or(CollectionError::NoFolder(folder))?;
        let original = target
            .requests
            .get(index)
            .ok_or(CollectionError::NoRequest { folder, index })?;
        let name = unique(&format!("{} copy", original.name), |n| {
            target.requests.iter().any(|s| s.name == n)
        });
        let copy = Saved {
            id,
            name,
            request: original.request.clone(),
            // A copy is the user's own: a re-sync leaves it alone.
            origin: None,
        };
        target.requests.insert(index + 1, copy);
        Ok(index + 1)
    }

    pub fn delete(&mut self, folder: usize, index: usize) {
        if let Some(target) = self.folders.get_mut(folder) {
            if index < target.requests.len() {
                target.requests.remove(index);
            }
        }
    }

    /// Swaps a request with its neighbour above or below; false at an edge or for a bad index.
    pub fn move_request(&mut self, folder: usize, index: usize, up: bool) -> bool {
        self.folders
            .get_mut(folder)
            .is_some_and(|target| swap_with_neighbour(&mut target.requests, index, up))
    }

    /// Swaps a folder with its neighbour above or below; false at an edge or for a bad index.
    pub fn move_folder(&mut self, folder: usize, up: bool) -> bool {
        swap_with_neighbour(&mut self.folders, folder, up)
    }

    /// Adds every request of an imported collection, its folders kept (see `flatten`). Returns how many
    /// requests were added.
    pub fn add_collection(&mut self, collection: &Collection) -> usize {
        let (name, folders) = Collections::flatten(collection);
        self.add_folders(&name, folders)
    }

    /// An imported collection as these folders hold it, which do not nest: the requests at its top in a
    /// folder named after it, each nested folder in a folder named by its path ("Shop / Orders"), a folder
    /// before its subfolders. Returns the collection's name (every folder's name starts with it) and the
    /// folders, for `add_folders`. (The import worker flattens; the library only adds.)
    pub fn flatten(collection: &Collection) -> (String, Vec<Folder>) {
        let name = match collection.name.trim() {
            "" => "Imported collection",
            name => name,
        };
        let mut flat = Collections::default();
        flat.add_items(name, "", &collection.items, &collection.origins);
        (name.to_string(), flat.folders)
    }

    /// Adds the folders `flatten` made of the collection `name`: numbered as a whole when the name is taken
    /// (so its folders' paths all start with the same name), each request with an id of its own. Returns
    /// how many requests were added.
    pub fn add_folders(&mut self, name: &str, folders: Vec<Folder>) -> usize {
        let root = unique(name, |n| {
            let nested = format!("{n} / ");
            self.folders
                .iter()
                .any(|f| f.name == n || f.name.starts_with(&nested))
        });
        let mut next_id = self.fresh_id();
        let mut added = 0;
        for mut folder in folders {
            if let Some(rest) = folder.name.strip_prefix(name) {
                folder.name = format!("{root}{rest}");
            }
            for saved in &mut folder.requests {
                saved.id = next_id;
                next_id += 1;
                added += 1;
            }
            self.folders.push(folder);
        }
        added
    }

    /// The requests of `items` in a folder named `path` (made only if there are any, before the nested
    /// folders), then each nested folder the same way. `within` is the items' path in the collection (as
    /// `Collection::requests` writes it), where `origins` are found.
    fn add_items(
        &mut self,
        path: &str,
        within: &str,
        items: &[CollectionItem],
        origins: &[(String, Origin)],
    ) {
        let requests = items.iter().filter_map(|item| match item {
            CollectionItem::Request { name, request } => Some((name, request)),
            CollectionItem::Folder { .. } => None,
        });
        let mut folder = None;
        for (name, request) in requests {
            let f = *folder.get_or_insert_with(|| self.add_folder(path));
            let _ = self.save(f, name, request.clone());
            let item_path = format!("{within}{name}");
            if let Some(saved) = self.folders[f].requests.last_mut() {
                saved.origin = origins
                    .iter()
                    .find(|(p, _)| *p == item_path)
                    .map(|(_, origin)| origin.clone());
            }
        }
        for item in items {
            if let CollectionItem::Folder { name, items } = item {
                let within = format!("{within}{name}/");
                self.add_items(&format!("{path} / {name}"), &within, items, origins);
            }
        }
    }

    /// The folders as a collection named `name`, one collection folder per folder, with `variables` (the
    /// editor's environment) as the collection's variables so its `{{names}}` resolve where it is opened.
    pub fn to_collection(&self, name: &str, variables: &[KeyValue]) -> Collection {
        let items = self
            .folders
            .iter()
            .map(|folder| CollectionItem::Folder {
                name: folder.name.clone(),
                items: folder
                    .requests
                    .iter()
                    .map(|saved| CollectionItem::Request {
                        name: saved.name.clone(),
                        request: saved.request.clone(),
                    })
                    .collect(),
            })
            .collect();
        Collection {
            name: name.to_string(),
            variables: variables.to_vec(),
            items,
            origins: Vec::new(),
        }
    }

    /// The folders and `variables` as a Postman Collection v2.1 file, pretty-printed for people who open it,
    /// secrets included (see [`Collections::to_postman_with`]).
    pub fn to_postman(&self, name: &str, variables: &[KeyValue]) -> String {
        self.to_postman_with(name, variables, Secrets::Include)
    }

    /// The folders and `variables` as a Postman Collection v2.1 file, with or without the secrets of the
    /// requests and variables (`import::postman::export_with`).
    pub fn to_postman_with(&self, name: &str, variables: &[KeyValue], secrets: Secrets) -> String {
        format!(
            "{:#}",
            export_with(&self.to_collection(name, variables), secrets)
        )
    }
}

fn non_empty(name: &str) -> Result<&str, CollectionError> {
    match name.trim() {
        "" => Err(CollectionError::EmptyName),
        name => Ok(name),
    }
}

/// `name`, or `name (2)`, `name (3)`... : the first that is not taken.
fn unique(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_string())
}

/// "GET /get" for `GET http://host/get?x=1`: what the user would most likely have typed.
fn default_name(request: &Request) -> String {
    let url = request.url.trim();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |start| &after_scheme[start..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let path = if path.is_empty() { "/" } else { path };
    format!("{} {path}", request.method)
}

fn swap_with_neighbour<T>(items: &mut [T], index: usize, up: bool) -> bool {
    let other = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match other {
        Some(other) if index < items.len() && other < items.len() => {
            items.swap(index, other);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::{Auth, Body, Method, RawLanguage};

    #[test]
    fn a_saved_request_is_updated_in_place_by_its_id_wherever_it_moved() {
        let mut collections = Collections::default();
        collections.add_folder("A");
        collections.add_folder("B");
        let first = collections
            .save(0, "first", request(Method::Get, "http://h/1"))
            .expect("saved");
        let second = collections
            .save(1, "second", request(Method::Get, "http://h/2"))
            .expect("saved");
        assert_ne!(first, second);
        collections.move_folder(1, true);
        let copy = collections.duplicate(0, 0).expect("copied");
        assert_ne!(
            collections.folders[0].requests[copy].id, second,
            "a copy has an id of its own"
        );
        let updated = collections
            .update(second, request(Method::Post, "http://h/2?edited"))
            .expect("updated");
        assert_eq!(
            (updated.name.as_str(), updated.request.method.as_str()),
            ("second", "POST")
        );
        assert_eq!(collections.find(second), Some((0, 0)));
        assert_eq!(
            names(&collections, 0),
            ["second", "second copy"],
            "no copy was made by the update"
        );
        assert_eq!(
            collections.get(first).map(|s| s.request.url.as_str()),
            Some("http://h/1")
        );
        collections.delete(0, 0);
        assert_eq!(
            collections.update(second, Request::default()).err(),
            Some(CollectionError::Gone)
        );
    }

    #[test]
    fn an_imported_collection_keeps_its_folders_as_paths() {
        let item = |name: &str| CollectionItem::Request {
            name: name.into(),
            request: request(Method::Get, &format!("http://h/{name}")),
        };
        let collection = Collection {
            name: "Shop".into(),
            origins: Vec::new(),
            variables: vec![],
            items: vec![
                item("health"),
                CollectionItem::Folder {
                    name: "Orders".into(),
                    items: vec![
                        item("list"),
                        CollectionItem::Folder {
                            name: "Refunds".into(),
                            items: vec![item("refund")],
                        },
                        item("list"),
                    ],
                },
                CollectionItem::Folder {
                    name: "Empty".into(),
                    items: vec![],
                },
            ],
        };
        let mut collections = Collections::default();
        collections.add_folder("Shop");
        assert_eq!(collections.add_collection(&collection), 4);
        let folders: Vec<&str> = collections
            .folders
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(
            folders,
            [
                "Shop",
                "Shop (2)",
                "Shop (2) / Orders",
                "Shop (2) / Orders / Refunds"
            ]
        );
        assert_eq!(names(&collections, 1), ["health"]);
        assert_eq!(names(&collections, 2), ["list", "list (2)"]);
        assert_eq!(names(&collections, 3), ["refund"]);
        let ids: std::collections::BTreeSet<u64> = collections
            .folders
            .iter()
            .flat_map(|f| &f.requests)
            .map(|s| s.id)
            .collect();
        assert_eq!(ids.len(), 4, "every added request has an id of its own");
    }

    #[test]
    fn requests_stored_without_ids_get_unique_ones_when_read() {
        let old = r#"{"v":1,"data":{"folders":[{"name":"A","requests":[{"name":"a","request":{}},{"name":"b","request":{}}]},{"name":"B","requests":[{"id":7,"name":"c","request":{}}]}]}}"#;
        let collections = Collections::from_json(old).expect("reads");
        let mut ids: Vec<u64> = collections
            .folders
            .iter()
            .flat_map(|f| &f.requests)
            .map(|s| s.id)
            .collect();
        assert!(ids.iter().all(|id| *id != 0) && ids.contains(&7), "{ids:?}");
        ids.dedup();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 3);
        let again = Collections::from_json(&collections.to_json()).expect("reads back");
        assert_eq!(again, collections, "ids are kept once written");
    }

    fn request(method: Method, url: &str) -> Request {
        Request {
            method,
            url: url.into(),
            ..Request::default()
        }
    }

    fn names(collections: &Collections, folder: usize) -> Vec<&str> {
        collections.folders[folder]
            .requests
            .iter()
            .map(|s| s.name.as_str())
            .collect()
    }

    fn folder_names(collections: &Collections) -> Vec<&str> {
        collections
            .folders
            .iter()
            .map(|f| f.name.as_str())
            .collect()
    }

    #[test]
    fn folder_names_are_trimmed_defaulted_and_numbered() {
        let mut collections = Collections::default();
        let cases = [
            ("  Users ", 0, "Users"),
            ("Users", 1, "Users (2)"),
            ("Users", 2, "Users (3)"),
            ("", 3, "New folder"),
            ("   ", 4, "New folder (2)"),
        ];
        for (name, index, expected) in cases {
            assert_eq!(collections.add_folder(name), index, "{name:?}");
            assert_eq!(collections.folders[index].name, expected, "{name:?}");
        }
    }

    #[test]
    fn renaming_checks_the_name_and_the_index() {
        let mut collections = Collections::default();
        collections.add_folder("A");
        collections.add_folder("B");
        collections.save(0, "one", Request::default()).unwrap();
        collections.save(0, "two", Request::default()).unwrap();
        let folder_cases: [(usize, &str, Result<(), &str>); 5] = [
            (0, " A ", Ok(())),
            (0, "C", Ok(())),
            (
                0,
                "B",
                Err("There is already a folder named \"B\": pick another name."),
            ),
            (1, "  ", Err("A name cannot be empty.")),
            (2, "Z", Err("There is no folder 3.")),
        ];
        for (folder, name, expected) in folder_cases {
            assert_eq!(
                collections
                    .rename_folder(folder, name)
                    .map_err(|e| e.to_string()),
                expected.map_err(str::to_string),
                "{folder} {name:?}"
            );
        }
        assert_eq!(folder_names(&collections), ["C", "B"]);
        let request_cases: [(usize, usize, &str, Result<(), &str>); 5] = [
            (0, 0, "first", Ok(())),
            (
                0,
                1,
                "first",
                Err("This folder already has a request named \"first\": pick another name."),
            ),
            (0, 2, "x", Err("There is no request 3 in folder 1.")),
            (5, 0, "x", Err("There is no folder 6.")),
            (0, 1, "", Err("A name cannot be empty.")),
        ];
        for (folder, index, name, expected) in request_cases {
            assert_eq!(
                collections
                    .rename(folder, index, name)
                    .map_err(|e| e.to_string()),
                expected.map_err(str::to_string),
                "{folder} {index} {name:?}"
            );
        }
        assert_eq!(names(&collections, 0), ["first", "two"]);
    }

    #[test]
    fn saving_names_requests_from_their_method_and_path_when_blank() {
        let mut collections = Collections::default();
        collections.add_folder("F");
        let cases = [
            ("Login", request(Method::Post, "https://h/login"), "Login"),
            (
                "Login",
                request(Method::Post, "https://h/login"),
                "Login (2)",
            ),
            (
                "",
                request(Method::Get, "https://h/get?x=1#top"),
                "GET /get",
            ),
            (" ", request(Method::Get, "https://h/get"), "GET /get (2)"),
            ("", request(Method::Delete, "https://h"), "DELETE /"),
            (
                "",
                request(Method::Put, "{{base}}/items/{id}"),
                "PUT /items/{id}",
            ),
            ("", request(Method::Get, ""), "GET /"),
        ];
        for (index, (name, request, expected)) in cases.into_iter().enumerate() {
            let id = collections.save(0, name, request).expect("saved");
            assert_eq!(collections.find(id), Some((0, index)), "{name:?}");
            assert_eq!(collections.folders[0].requests[index].name, expected);
        }
        assert_eq!(
            collections
                .save(1, "x", Request::default())
                .map_err(|e| e.to_string()),
            Err("There is no folder 2.".to_string())
        );
    }

    #[test]
    fn duplicate_inserts_a_copy_right_after() {
        let mut collections = Collections::default();
        collections.add_folder("F");
        for name in ["a", "b"] {
            collections
                .save(0, name, request(Method::Get, &format!("http://h/{name}")))
                .unwrap();
        }
        assert_eq!(collections.duplicate(0, 0), Ok(1));
        assert_eq!(collections.duplicate(0, 0), Ok(1));
        assert_eq!(names(&collections, 0), ["a", "a copy (2)", "a copy", "b"]);
        assert_eq!(collections.folders[0].requests[1].request.url, "http://h/a");
        assert_eq!(
            collections.duplicate(0, 4).map_err(|e| e.to_string()),
            Err("There is no request 5 in folder 1.".to_string())
        );
        assert_eq!(
            collections.duplicate(1, 0).map_err(|e| e.to_string()),
            Err("There is no folder 2.".to_string())
        );
    }

    #[test]
    fn moves_stop_at_the_edges_and_bad_indexes_do_nothing() {
        let mut collections = Collections::default();
        for folder in ["X", "Y", "Z"] {
            collections.add_folder(folder);
        }
        for name in ["a", "b", "c"] {
            collections.save(0, name, Request::default()).unwrap();
        }
        let request_moves = [
            (0, true, false, ["a", "b", "c"]),
            (2, false, false, ["a", "b", "c"]),
            (7, true, false, ["a", "b", "c"]),
            (usize::MAX, false, false, ["a", "b", "c"]),
            (0, false, true, ["b", "a", "c"]),
            (2, true, true, ["b", "c", "a"]),
        ];
        for (index, up, moved, expected) in request_moves {
            assert_eq!(
                collections.move_request(0, index, up),
                moved,
                "{index} {up}"
            );
            assert_eq!(names(&collections, 0), expected, "{index} {up}");
        }
        assert!(!collections.move_request(9, 0, false));
        assert!(collections.move_folder(2, true));
        assert!(!collections.move_folder(0, true));
        assert!(!collections.move_folder(3, true));
        assert_eq!(folder_names(&collections), ["X", "Z", "Y"]);

        collections.delete(0, 1);
        collections.delete(0, 9);
        collections.delete(9, 0);
        assert_eq!(names(&collections, 0), ["b", "a"]);
        collections.delete_folder(1);
        collections.delete_folder(9);
        assert_eq!(folder_names(&collections), ["X", "Y"]);
    }

    fn sample() -> Collections {
        let mut collections = Collections::default();
        collections.add_folder("httpbin");
        collections.add_folder("Empty");
        let post = Request {
            method: Method::Post,
            url: "https://httpbin.org/post?page=2".into(),
            query: vec![KeyValue::new("page", "2")],
            headers: vec![KeyValue::new("X-Trace", "1")],
            body: Body::Raw {
                language: RawLanguage::Json,
                text: r#"{"a":1}"#.into(),
            },
            auth: Auth::Bearer {
                token: "t0k".into(),
            },
            ..Request::default()
        };
        collections.save(0, "Post JSON", post).unwrap();
        collections
            .save(0, "", request(Method::Get, "https://httpbin.org/get"))
            .unwrap();
        collections
    }

    #[test]
    fn collections_round_trip_through_storage() {
        let collections = sample();
        assert_eq!(
            Collections::from_json(&collections.to_json()),
            Ok(collections)
        );
        assert!(matches!(
            Collections::from_json(r#"{"v":2,"data":{}}"#),
            Err(StoredError::Newer(2))
        ));
    }

    #[test]
    fn postman_export_reimports_to_the_same_requests() {
        let collections = sample();
        let variables = [
            KeyValue::new("user", "peter"),
            KeyValue::new("token", "t0k3n"),
        ];
        let text = collections.to_postman("My requests", &variables);
        assert!(text.contains("\n  \"info\""), "pretty-printed: {text}");
        let imported = crate::import::postman::import(&text).expect("re-imports");
        assert_eq!(imported.collection.name, "My requests");
        assert_eq!(imported.collection.variables, variables);
        let back: Vec<(String, Request)> = imported
            .collection
            .requests()
            .into_iter()
            .map(|(path, request)| (path, request.clone()))
            .collect();
        let expected: Vec<(String, Request)> = collections
            .to_collection("My requests", &[])
            .requests()
            .into_iter()
            .map(|(path, request)| (path, request.clone()))
            .collect();
        assert_eq!(back, expected);
        let folders: Vec<&str> = imported
            .collection
            .items
            .iter()
            .filter_map(|item| match item {
                CollectionItem::Folder { name, .. } => Some(name.as_str()),
                CollectionItem::Request { .. } => None,
            })
            .collect();
        assert_eq!(folders, ["httpbin", "Empty"]);
    }
}

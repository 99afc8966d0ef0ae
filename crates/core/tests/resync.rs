//! Library re-sync: a newer import of a description updates what an earlier import made, keeps the user's
//! edits to operations that did not change, keeps the user's own requests, and reports what changed. The
//! collections are built by hand (no description reader involved).

use reqlab_core::import::Origin;
use reqlab_core::library::collections::{Collections, Saved};
use reqlab_core::library::resync::Resync;
use reqlab_core::{Collection, CollectionItem, KeyValue, Method, Request};
use std::collections::BTreeSet;

/// One operation of a description: its tag (folder), name, key and URL.
type Op = (
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
);

fn request(url: &str) -> Request {
    let (method, path) = url.split_once(' ').unwrap_or(("GET", url));
    Request {
        method: Method::parse(method),
        url: format!("{{{{baseUrl}}}}{path}"),
        ..Request::default()
    }
}

/// The collection an importer would make of `ops`: a folder per tag in first-seen order, untagged
/// operations at the top, each request with its origin.
fn collection(name: &str, ops: &[Op]) -> Collection {
    let mut items: Vec<CollectionItem> = Vec::new();
    let mut origins = Vec::new();
    for &(tag, op_name, key, url) in ops {
        let request = request(url);
        let item = CollectionItem::Request {
            name: op_name.into(),
            request: request.clone(),
        };
        let path = match tag {
            None => {
                items.push(item);
                op_name.to_string()
            }
            Some(tag) => {
                let folder = items.iter_mut().find_map(|i| match i {
                    CollectionItem::Folder { name, items } if name == tag => Some(items),
                    _ => None,
                });
                match folder {
                    Some(folder) => folder.push(item),
                    None => items.push(CollectionItem::Folder {
                        name: tag.into(),
                        items: vec![item],
                    }),
                }
                format!("{tag}/{op_name}")
            }
        };
        origins.push((path, Origin::of(key, &request)));
    }
    Collection {
        name: name.into(),
        variables: Vec::new(),
        items,
        origins,
    }
}

const V1: &[Op] = &[
    (None, "Health", "health", "GET /health"),
    (Some("pets"), "List pets", "listPets", "GET /pets"),
    (Some("pets"), "Create pet", "createPet", "POST /pets"),
    (Some("pets"), "Delete pet", "deletePet", "DELETE /pets/{id}"),
    (Some("store"), "Order", "placeOrder", "POST /store/order"),
];

/// V1 with `createPet` changed, `deletePet` gone, `getPet` and `inventory` new.
const V2: &[Op] = &[
    (None, "Health", "health", "GET /health"),
    (Some("pets"), "List pets", "listPets", "GET /pets"),
    (Some("pets"), "Get pet", "getPet", "GET /pets/{id}"),
    (Some("pets"), "Create pet", "createPet", "PUT /pets"),
    (Some("store"), "Order", "placeOrder", "POST /store/order"),
    (
        Some("store"),
        "Inventory",
        "inventory",
        "GET /store/inventory",
    ),
];

fn imported(ops: &[Op]) -> Collections {
    let mut collections = Collections::default();
    collections.add_folder("Mine");
    collections
        .save(0, "Scratch", request("GET /scratch"))
        .unwrap();
    collections.add_collection(&collection("Pets API", ops));
    collections
}

fn folder_names(collections: &Collections) -> Vec<&str> {
    collections
        .folders
        .iter()
        .map(|f| f.name.as_str())
        .collect()
}

fn names(collections: &Collections, folder: &str) -> Vec<String> {
    collections
        .folders
        .iter()
        .find(|f| f.name == folder)
        .map(|f| f.requests.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default()
}

fn by_key<'a>(collections: &'a Collections, key: &str) -> &'a Saved {
    collections
        .folders
        .iter()
        .flat_map(|f| &f.requests)
        .find(|s| s.origin.as_ref().is_some_and(|o| o.key == key))
        .unwrap_or_else(|| panic!("no request with key {key}"))
}

fn ids(collections: &Collections) -> Vec<u64> {
    collections
        .folders
        .iter()
        .flat_map(|f| &f.requests)
        .map(|s| s.id)
        .collect()
}

#[test]
fn an_unchanged_operation_keeps_the_users_edits_name_and_id() {
    let mut collections = imported(V1);
    let (f, i) = collections
        .find(by_key(&collections, "listPets").id)
        .unwrap();
    let id = collections.folders[f].requests[i].id;
    let mut edited = collections.folders[f].requests[i].request.clone();
    edited.query.push(KeyValue::new("limit", "5"));
    collections.update(id, edited.clone()).unwrap();
    collections.rename(f, i, "My pets").unwrap();

    let report = collections.resync("Pets API", &collection("Pets API", V2));
    let kept = by_key(&collections, "listPets");
    assert_eq!(
        (kept.id, kept.name.as_str(), &kept.request),
        (id, "My pets", &edited)
    );
    assert!(report.unchanged >= 1 && !report.changed.contains(&"My pets".to_string()));
}

#[test]
fn a_changed_operation_takes_the_new_request_under_the_old_id_and_name() {
    let mut collections = imported(V1);
    let old = by_key(&collections, "createPet").clone();
    let (f, i) = collections.find(old.id).unwrap();
    collections.rename(f, i, "New pet").unwrap();
    let report = collections.resync("Pets API", &collection("Pets API", V2));
    let now = by_key(&collections, "createPet");
    assert_eq!(now.id, old.id, "open editors keep saving to it");
    assert_eq!(now.name, "New pet", "the user's rename is kept");
    assert_eq!(now.request.method, Method::Put);
    assert_eq!(
        now.origin,
        Some(Origin::of("createPet", &request("PUT /pets")))
    );
    assert_eq!(report.changed, ["New pet"]);
}

#[test]
fn the_report_lists_added_removed_changed_and_counts_unchanged() {
    let mut collections = imported(V1);
    let report = collections.resync("Pets API", &collection("Pets API", V2));
    assert_eq!(
        report,
        Resync {
            root: "Pets API".into(),
            added: vec!["Get pet".into(), "Inventory".into()],
            removed: vec!["Delete pet".into()],
            changed: vec!["Create pet".into()],
            unchanged: 3,
        }
    );
    assert_eq!(
        report.sentence(),
        "Re-synced \"Pets API\": 2 operations added (Get pet, Inventory), 1 removed (Delete pet), \
         1 changed (Create pet); 3 unchanged, your edits to them kept."
    );
    assert_eq!(
        names(&collections, "Pets API / pets"),
        ["List pets", "Get pet", "Create pet"],
        "the new import's order"
    );
    assert_eq!(
        names(&collections, "Pets API / store"),
        ["Order", "Inventory"]
    );
}

#[test]
fn added_requests_get_fresh_unique_ids_and_free_names() {
    let mut collections = imported(V1);
    let before: BTreeSet<u64> = ids(&collections).into_iter().collect();
    // The user made a request with the name an added operation has, in the folder it goes to.
    let f = collections
        .folders
        .iter()
        .position(|f| f.name == "Pets API / pets")
        .unwrap();
    collections
        .save(f, "Get pet", request("GET /mine"))
        .unwrap();
    collections.resync("Pets API", &collection("Pets API", V2));
    let after = ids(&collections);
    let unique: BTreeSet<u64> = after.iter().copied().collect();
    assert_eq!(unique.len(), after.len(), "ids unique: {after:?}");
    let added = by_key(&collections, "getPet");
    assert!(!before.contains(&added.id));
    assert_eq!(added.name, "Get pet (2)");
}

#[test]
fn the_users_own_requests_and_folders_stay_where_they_were() {
    let mut collections = imported(V1);
    let pets = collections
        .folders
        .iter()
        .position(|f| f.name == "Pets API / pets")
        .unwrap();
    let own = collections
        .save(pets, "Mine", request("GET /mine"))
        .unwrap();
    collections.move_request(pets, 3, true); // above "Delete pet"
    let copy = collections.duplicate(pets, 0).unwrap(); // "List pets copy", the user's
    collections.add_folder("Pets API / notes");
    collections.resync("Pets API", &collection("Pets API", V2));

    assert_eq!(
        names(&collections, "Pets API / pets"),
        [
            "List pets",
            "List pets copy",
            "Get pet",
            "Mine",
            "Create pet"
        ],
        "own requests keep their places; imported ones fill the imported places"
    );
    assert_eq!(collections.find(own).map(|(f, _)| f), Some(pets));
    assert_eq!(copy, 1);
    assert_eq!(names(&collections, "Mine"), ["Scratch"]);
    assert_eq!(
        folder_names(&collections),
        [
            "Mine",
            "Pets API",
            "Pets API / pets",
            "Pets API / store",
            "Pets API / notes"
        ],
        "the user's empty folder stays"
    );
}

#[test]
fn folders_emptied_by_the_import_go_unless_they_hold_the_users_requests() {
    const V3: &[Op] = &[(Some("pets"), "List pets", "listPets", "GET /pets")];
    let mut collections = imported(V1);
    let store = collections
        .folders
        .iter()
        .position(|f| f.name == "Pets API / store")
        .unwrap();
    collections
        .save(store, "Note", request("GET /note"))
        .unwrap();
    let report = collections.resync("Pets API", &collection("Pets API", V3));
    assert_eq!(
        folder_names(&collections),
        ["Mine", "Pets API / pets", "Pets API / store"]
    );
    assert_eq!(names(&collections, "Pets API / store"), ["Note"]);
    assert_eq!(
        report.removed,
        ["Health", "Create pet", "Delete pet", "Order"],
        "in the order the library showed them"
    );
    assert_eq!(
        collections.imported_roots(),
        ["Pets API"],
        "still offered for the next re-sync"
    );
}

#[test]
fn a_renamed_collection_keeps_the_users_names_and_new_folders_join_it() {
    const V4: &[Op] = &[
        (None, "Health", "health", "GET /health"),
        (Some("users"), "Me", "me", "GET /me"),
    ];
    let mut collections = imported(V1);
    collections.add_folder("After");
    let report = collections.resync("Pets API", &collection("Petstore v2", V4));
    assert_eq!(
        folder_names(&collections),
        ["Mine", "Pets API", "Pets API / users", "After"]
    );
    assert_eq!(report.added, ["Me"]);
    assert_eq!(report.unchanged, 1);
}

#[test]
fn an_operation_that_moved_to_another_tag_moves_with_its_edits() {
    const MOVED: &[Op] = &[
        (None, "Health", "health", "GET /health"),
        (Some("pets"), "List pets", "listPets", "GET /pets"),
        (Some("pets"), "Create pet", "createPet", "POST /pets"),
        (Some("pets"), "Delete pet", "deletePet", "DELETE /pets/{id}"),
        (Some("orders"), "Order", "placeOrder", "POST /store/order"),
    ];
    let mut collections = imported(V1);
    let id = by_key(&collections, "placeOrder").id;
    let mut edited = by_key(&collections, "placeOrder").request.clone();
    edited.headers.push(KeyValue::new("X-Mine", "1"));
    collections.update(id, edited.clone()).unwrap();
    let report = collections.resync("Pets API", &collection("Pets API", MOVED));
    assert_eq!(
        report.sentence(),
        "Re-synced \"Pets API\": nothing changed (5 operations)."
    );
    assert_eq!(names(&collections, "Pets API / orders"), ["Order"]);
    assert_eq!(collections.get(id).map(|s| &s.request), Some(&edited));
    assert!(!folder_names(&collections).contains(&"Pets API / store"));
}

#[test]
fn resync_is_idempotent() {
    let cases: [(&[Op], &[Op]); 3] = [(V1, V1), (V1, V2), (V2, V1)];
    for (first, second) in cases {
        let mut collections = imported(first);
        collections.resync("Pets API", &collection("Pets API", second));
        let once = collections.clone();
        let report = collections.resync("Pets API", &collection("Pets API", second));
        assert_eq!(
            report.sentence(),
            format!(
                "Re-synced \"Pets API\": nothing changed ({} operations).",
                second.len()
            )
        );
        assert_eq!(collections, once);
    }
}

#[test]
fn a_root_that_does_not_exist_yet_gets_everything_added() {
    let mut collections = Collections::default();
    let report = collections.resync("Pets API", &collection("Pets API", V1));
    assert_eq!(report.added.len(), V1.len());
    assert_eq!(
        folder_names(&collections),
        ["Pets API", "Pets API / pets", "Pets API / store"]
    );
    let all = ids(&collections);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len());
}

#[test]
fn sentences_count_in_singular_and_plural_and_shorten_long_lists() {
    let report = |added: &[&str], removed: &[&str], changed: &[&str], unchanged| Resync {
        root: "API".into(),
        added: added.iter().map(|s| s.to_string()).collect(),
        removed: removed.iter().map(|s| s.to_string()).collect(),
        changed: changed.iter().map(|s| s.to_string()).collect(),
        unchanged,
    };
    let cases = [
        (report(&[], &[], &[], 0), "Re-synced \"API\": nothing changed (0 operations)."),
        (report(&[], &[], &[], 1), "Re-synced \"API\": nothing changed (1 operation)."),
        (
            report(&["a"], &[], &[], 0),
            "Re-synced \"API\": 1 operation added (a).",
        ),
        (
            report(&[], &["r"], &["c", "d"], 1),
            "Re-synced \"API\": 1 operation removed (r), 2 changed (c, d); 1 unchanged, your edits to it kept.",
        ),
        (
            report(&["1", "2", "3", "4", "5", "6", "7"], &[], &[], 2),
            "Re-synced \"API\": 7 operations added (1, 2, 3, 4, 5 and 2 more); 2 unchanged, your edits to them kept.",
        ),
    ];
    for (report, expected) in cases {
        assert_eq!(report.sentence(), expected);
    }
}

#[test]
fn imported_roots_are_the_top_folders_of_imported_requests() {
    let mut collections = imported(V1);
    collections.add_collection(&collection("Store API", &[(Some("a"), "A", "a", "GET /a")]));
    collections.add_folder("Plain / sub");
    assert_eq!(collections.imported_roots(), ["Pets API", "Store API"]);
}

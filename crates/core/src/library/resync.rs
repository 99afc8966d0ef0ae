//! Library stage, re-sync: importing a newer version of a description updates the requests an earlier import
//! of it made, keeps the user's edits where the operation did not change, and says what changed.
//!
//! Requests are matched by their [`Origin`] key among the folders of one imported collection (`root` and
//! `root / …`, as [`Collections::flatten`] names them). Within a folder the user's own requests keep their
//! places; the imported ones fill the places imported requests had, in the new import's order.

use super::collections::{Collections, Folder, Saved};
use crate::import::collection::{Collection, Origin};
use std::collections::{HashMap, VecDeque};

/// What a re-sync did, by request name, for the sentence the library shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resync {
    /// The top folder re-synced (the user's name for the collection).
    pub root: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
    /// Operations the new version makes exactly as before: the user's request was kept as it was.
    pub unchanged: usize,
}

/// How many names a sentence lists before "and N more": a large API's diff must stay readable.
const NAMES_SHOWN: usize = 5;

impl Resync {
    /// `Re-synced "Pets API": 2 operations added (…), 1 removed (…); 14 unchanged, your edits to them kept.`
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        for (names, verb) in [
            (&self.added, "added"),
            (&self.removed, "removed"),
            (&self.changed, "changed"),
        ] {
            if names.is_empty() {
                continue;
            }
            // Only the first part names the noun: "2 operations added (…), 1 removed (…)".
            let count = match parts.is_empty() {
                true => operations(names.len()),
                false => names.len().to_string(),
            };
            parts.push(format!("{count} {verb} ({})", listed(names)));
        }
        let root = &self.root;
        if parts.is_empty() {
            return format!(
                "Re-synced \"{root}\": nothing changed ({}).",
                operations(self.unchanged)
            );
        }
        let kept = match self.unchanged {
            0 => String::new(),
            1 => "; 1 unchanged, your edits to it kept".to_string(),
            n => format!("; {n} unchanged, your edits to them kept"),
        };
        format!("Re-synced \"{root}\": {}{kept}.", parts.join(", "))
    }
}

fn operations(count: usize) -> String {
    match count {
        1 => "1 operation".to_string(),
        n => format!("{n} operations"),
    }
}

fn listed(names: &[String]) -> String {
    let shown = names[..names.len().min(NAMES_SHOWN)].join(", ");
    match names.len().saturating_sub(NAMES_SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Where an imported request of the new version goes: the user's request kept (unchanged, or changed with
/// its id and name kept), or a request new to the library.
enum Placed {
    Kept(Saved),
    Added(Saved),
}

impl Collections {
    /// Top folder names of imported collections (folders whose requests carry origins), in order: what
    /// "re-sync with" offers.
    pub fn imported_roots(&self) -> Vec<String> {
        let mut roots: Vec<String> = Vec::new();
        for folder in &self.folders {
            if folder.requests.iter().any(|s| s.origin.is_some()) {
                let root = root_of(&folder.name);
                if !roots.iter().any(|r| r == root) {
                    roots.push(root.to_string());
                }
            }
        }
        roots
    }

    /// Re-syncs the collection imported under the top folder `root` with `collection`, a newer import of the
    /// same description (see the module comment). The user's name for the collection is kept.
    pub fn resync(&mut self, root: &str, collection: &Collection) -> Resync {
        let (name, folders) = Collections::flatten(collection);
        self.resync_folders(root, &name, folders)
    }

    /// [`Collections::resync`] with the newer import already flattened (`Collections::flatten`: `name` and
    /// its `folders`), as the library receives it from the worker that read it.
    pub fn resync_folders(&mut self, root: &str, name: &str, folders: Vec<Folder>) -> Resync {
        let mut report = Resync {
            root: root.to_string(),
            ..Resync::default()
        };
        let incoming = incoming_folders(root, name, folders);
        let mut old = self.imported_under(root);
        let mut placed: Vec<(String, Vec<Placed>)> = incoming
            .into_iter()
            .map(|folder| (folder.name, place(folder.requests, &mut old, &mut report)))
            .collect();
        // What the new version no longer makes, in the order the library showed it.
        let mut gone: Vec<Saved> = old.into_values().flatten().collect();
        gone.sort_by_key(|s| self.find(s.id));
        report.removed = gone.into_iter().map(|s| s.name).collect();

        let from_import = self.folders_from_import(root);
        self.make_folders(root, placed.iter().map(|(name, _)| name.as_str()));
        let mut additions = Vec::new();
        for f in 0..self.folders.len() {
            if !in_scope(&self.folders[f].name, root) {
                continue;
            }
            let name = &self.folders[f].name;
            let requests = placed
                .iter_mut()
                .find(|(n, _)| n == name)
                .map(|(_, requests)| std::mem::take(requests))
                .unwrap_or_default();
            additions.extend(self.fill(f, requests));
        }
        for (f, at, saved) in additions {
            self.add_at(f, at, saved);
        }
        self.folders
            .retain(|folder| !(folder.requests.is_empty() && from_import.contains(&folder.name)));
        report
    }

    /// The imported requests (those with an origin) of the folders under `root`, by origin key, each key's
    /// requests in order.
    fn imported_under(&self, root: &str) -> HashMap<String, VecDeque<Saved>> {
        let mut old: HashMap<String, VecDeque<Saved>> = HashMap::new();
        let scope = self.folders.iter().filter(|f| in_scope(&f.name, root));
        for saved in scope.flat_map(|f| &f.requests) {
            if let Some(origin) = &saved.origin {
                old.entry(origin.key.clone())
                    .or_default()
                    .push_back(saved.clone());
            }
        }
        old
    }

    /// Names of the folders under `root` an import made: they hold imported requests. Only these are deleted
    /// when a re-sync leaves them empty; an empty folder the user made stays.
    fn folders_from_import(&self, root: &str) -> Vec<String> {
        self.folders
            .iter()
            .filter(|f| in_scope(&f.name, root) && f.requests.iter().any(|s| s.origin.is_some()))
            .map(|f| f.name.clone())
            .collect()
    }

    /// Adds the folders among `names` that do not exist yet, right after the collection's last folder (at the
    /// end when it has none), in the new import's order.
    fn make_folders<'a>(&mut self, root: &str, names: impl Iterator<Item = &'a str>) {
        let mut at = self
            .folders
            .iter()
            .rposition(|f| in_scope(&f.name, root))
            .map_or(self.folders.len(), |last| last + 1);
        for name in names {
            if !self.folders.iter().any(|f| f.name == name) {
                let folder = Folder {
                    name: name.to_string(),
                    requests: Vec::new(),
                };
                self.folders.insert(at, folder);
                at += 1;
            }
        }
    }

    /// Lays out folder `f`: its user's own requests stay where they were, the places its imported requests
    /// had take `placed` in order, and what is left of `placed` follows. The kept requests are put in now;
    /// the added ones are returned with the index each must get, in increasing order, for [`Self::add_at`].
    fn fill(&mut self, f: usize, placed: Vec<Placed>) -> Vec<(usize, usize, Saved)> {
        let before = std::mem::take(&mut self.folders[f].requests);
        let mut placed = placed.into_iter();
        let mut laid_out = Vec::new();
        for saved in before {
            match saved.origin {
                None => laid_out.push(Placed::Kept(saved)),
                Some(_) => laid_out.extend(placed.next()),
            }
        }
        laid_out.extend(placed);
        let mut additions = Vec::new();
        for (at, slot) in laid_out.into_iter().enumerate() {
            match slot {
                Placed::Kept(saved) => self.folders[f].requests.push(saved),
                Placed::Added(saved) => additions.push((f, at, saved)),
            }
        }
        additions
    }

    /// Saves a new imported request as request `at` of folder `f`, through `save` so that it gets a fresh id
    /// and a name not taken in the folder.
    fn add_at(&mut self, f: usize, at: usize, saved: Saved) {
        let Ok(id) = self.save(f, &saved.name, saved.request) else {
            return;
        };
        let requests = &mut self.folders[f].requests;
        if let Some(mut added) = requests.pop() {
            debug_assert_eq!(added.id, id);
            added.origin = saved.origin;
            requests.insert(at.min(requests.len()), added);
        }
    }
}

/// The new import flattened as the library holds it, its folders named under `root` (the user's name for
/// the collection, whatever the new version calls itself). A request the importer gave no origin gets one
/// keyed by its path, so that the next re-sync matches it instead of adding it again.
fn incoming_folders(root: &str, name: &str, mut folders: Vec<Folder>) -> Vec<Folder> {
    for folder in &mut folders {
        if let Some(rest) = folder.name.strip_prefix(name) {
            folder.name = format!("{root}{rest}");
        }
        for saved in &mut folder.requests {
            if saved.origin.is_none() {
                let path = format!("{}/{}", folder.name, saved.name);
                saved.origin = Some(Origin::of(path, &saved.request));
            }
        }
    }
    folders
}

/// Matches each new request with the user's request of the same key, and counts what happened to it.
fn place(
    new: Vec<Saved>,
    old: &mut HashMap<String, VecDeque<Saved>>,
    report: &mut Resync,
) -> Vec<Placed> {
    new.into_iter()
        .map(|new| {
            let origin = new.origin.clone().unwrap_or_default();
            let Some(mut mine) = old.get_mut(&origin.key).and_then(VecDeque::pop_front) else {
                report.added.push(new.name.clone());
                return Placed::Added(new);
            };
            if mine.origin.as_ref() == Some(&origin) {
                report.unchanged += 1;
            } else {
                // The operation changed: its new request wins, under the user's id (open editors keep
                // saving to it) and name (a rename is the user's work too).
                report.changed.push(mine.name.clone());
                mine.request = new.request;
                mine.origin = Some(origin);
            }
            Placed::Kept(mine)
        })
        .collect()
}

/// Whether the folder `name` belongs to the collection imported under `root`.
fn in_scope(name: &str, root: &str) -> bool {
    name == root
        || name
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with(" / "))
}

/// The collection a folder named by `flatten` belongs to: its name up to the first " / ".
fn root_of(name: &str) -> &str {
    name.split(" / ").next().unwrap_or(name)
}

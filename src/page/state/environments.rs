//! Variables: named environments of `{{name}}` values, one of them active.

use super::rows::{next_id, Rows};
use leptos::prelude::*;
use reqlab_core::{Environment, KeyValue, Variables};

#[derive(Clone, Copy)]
pub struct EnvironmentEntry {
    pub id: u32,
    pub name: RwSignal<String>,
    pub variables: Rows,
}

impl EnvironmentEntry {
    fn new(name: &str, variables: &[KeyValue]) -> EnvironmentEntry {
        EnvironmentEntry {
            id: next_id(),
            name: RwSignal::new(name.to_string()),
            variables: Rows::new(variables),
        }
    }

    /// An environment as it is made in the editor: one empty row to type the first variable in.
    fn empty(name: &str) -> EnvironmentEntry {
        EnvironmentEntry::new(name, &[Default::default()])
    }
}

#[derive(Clone, Copy)]
pub struct Environments {
    pub list: RwSignal<Vec<EnvironmentEntry>>,
    /// The id of the environment whose variables apply; `None` resolves nothing.
    pub active: RwSignal<Option<u32>>,
}

impl Environments {
    pub fn new() -> Environments {
        let first = EnvironmentEntry::empty("Default");
        Environments {
            list: RwSignal::new(vec![first]),
            active: RwSignal::new(Some(first.id)),
        }
    }

    /// Every environment and which one is active (tracked).
    pub fn variables(&self) -> Variables {
        let active = self.active.get();
        self.list.with(|list| Variables {
            environments: list
                .iter()
                .map(|entry| Environment {
                    name: entry.name.get(),
                    variables: entry.variables.get(),
                })
                .collect(),
            active: list.iter().position(|entry| Some(entry.id) == active),
        })
    }

    /// The active environment's variables (tracked).
    pub fn active(&self) -> Environment {
        self.variables().active()
    }

    /// Adds an empty environment, makes it active and returns its id.
    pub fn add(&self, name: &str) -> u32 {
        let entry = EnvironmentEntry::empty(name);
        self.list.update(|list| list.push(entry));
        self.active.set(Some(entry.id));
        entry.id
    }

    /// Puts `environment`'s variables in the environment of that name (made if there is none) and makes it
    /// the active one, so an imported request's `{{name}}`s resolve; a repeated import replaces its values.
    pub fn load(&self, environment: &Environment) {
        let existing = self.list.with_untracked(|list| {
            list.iter()
                .find(|e| e.name.get_untracked() == environment.name)
                .copied()
        });
        let entry = existing.unwrap_or_else(|| {
            let entry = EnvironmentEntry::new(&environment.name, &[]);
            self.list.update(|list| list.push(entry));
            entry
        });
        entry.variables.set(&environment.variables);
        self.active.set(Some(entry.id));
    }

    /// Makes the environments `variables`' (a restored draft). Entries already there are reused in order,
    /// so a draft followed from another tab at every edit does not pile up signals.
    pub fn replace(&self, variables: &Variables) {
        let mut list = self.list.get_untracked();
        list.truncate(variables.environments.len());
        for (i, environment) in variables.environments.iter().enumerate() {
            match list.get(i) {
                Some(entry) => {
                    entry.name.set(environment.name.clone());
                    entry.variables.set(&environment.variables);
                }
                None => list.push(EnvironmentEntry::new(
                    &environment.name,
                    &environment.variables,
                )),
            }
        }
        self.active
            .set(variables.active.and_then(|i| list.get(i)).map(|e| e.id));
        self.list.set(list);
    }
}

impl Default for Environments {
    fn default() -> Self {
        Environments::new()
    }
}

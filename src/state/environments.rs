//! Variables: named environments of `{{name}}` values, one of them active.

use super::rows::{next_id, Rows};
use leptos::prelude::*;
use reqlab_core::Environment;

#[derive(Clone, Copy)]
pub struct EnvironmentEntry {
    pub id: u32,
    pub name: RwSignal<String>,
    pub variables: Rows,
}

#[derive(Clone, Copy)]
pub struct Environments {
    pub list: RwSignal<Vec<EnvironmentEntry>>,
    /// The id of the environment whose variables apply; `None` resolves nothing.
    pub active: RwSignal<Option<u32>>,
}

impl Environments {
    pub fn new() -> Environments {
        let first = EnvironmentEntry {
            id: next_id(),
            name: RwSignal::new("Default".to_string()),
            variables: Rows::new(&[Default::default()]),
        };
        Environments {
            list: RwSignal::new(vec![first]),
            active: RwSignal::new(Some(first.id)),
        }
    }

    /// The active environment's variables (tracked).
    pub fn active(&self) -> Environment {
        let active = self.active.get();
        self.list.with(|list| {
            list.iter()
                .find(|entry| Some(entry.id) == active)
                .map(|entry| Environment {
                    name: entry.name.get(),
                    variables: entry.variables.get(),
                })
                .unwrap_or_default()
        })
    }

    /// Adds an empty environment, makes it active and returns its id.
    pub fn add(&self, name: &str) -> u32 {
        let entry = EnvironmentEntry {
            id: next_id(),
            name: RwSignal::new(name.to_string()),
            variables: Rows::new(&[Default::default()]),
        };
        self.list.update(|list| list.push(entry));
        self.active.set(Some(entry.id));
        entry.id
    }
}

impl Default for Environments {
    fn default() -> Self {
        Environments::new()
    }
}

//! Editable key/value rows: each field is its own signal, so typing re-renders only that input.

use leptos::prelude::*;
use reqlab_core::KeyValue;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_ROW_ID: AtomicU32 = AtomicU32::new(1);

/// A fresh id for keyed lists; unique for the life of the page.
pub fn next_id() -> u32 {
    NEXT_ROW_ID.fetch_add(1, Ordering::Relaxed)
}

#[derive(Clone, Copy)]
pub struct Row {
    pub id: u32,
    pub enabled: RwSignal<bool>,
    pub key: RwSignal<String>,
    pub value: RwSignal<String>,
}

impl Row {
    pub fn new(kv: &KeyValue) -> Row {
        Row {
            id: next_id(),
            enabled: RwSignal::new(kv.enabled),
            key: RwSignal::new(kv.key.clone()),
            value: RwSignal::new(kv.value.clone()),
        }
    }

    /// The row's current value (tracked).
    pub fn get(&self) -> KeyValue {
        KeyValue {
            enabled: self.enabled.get(),
            key: self.key.get(),
            value: self.value.get(),
        }
    }
}

/// A table of rows, the unit the key/value table component edits.
#[derive(Clone, Copy)]
pub struct Rows(pub RwSignal<Vec<Row>>);

impl Rows {
    pub fn new(rows: &[KeyValue]) -> Rows {
        Rows(RwSignal::new(rows.iter().map(Row::new).collect()))
    }

    /// Every row's value (tracked).
    pub fn get(&self) -> Vec<KeyValue> {
        self.0.with(|rows| rows.iter().map(Row::get).collect())
    }

    /// Same, without subscribing: for event handlers.
    pub fn get_untracked(&self) -> Vec<KeyValue> {
        self.0.with_untracked(|rows| {
            rows.iter()
                .map(|row| KeyValue {
                    enabled: row.enabled.get_untracked(),
                    key: row.key.get_untracked(),
                    value: row.value.get_untracked(),
                })
                .collect()
        })
    }

    /// Replaces every row (new ids: the table re-renders).
    pub fn set(&self, rows: &[KeyValue]) {
        self.0.set(rows.iter().map(Row::new).collect());
    }

    pub fn push(&self, kv: &KeyValue) {
        self.0.update(|rows| rows.push(Row::new(kv)));
    }

    pub fn remove(&self, id: u32) {
        self.0.update(|rows| rows.retain(|row| row.id != id));
    }
}

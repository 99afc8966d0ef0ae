//! A signal holding one value of a `vocabulary!` enum (a body mode, a fetch option, a tab), kept as its
//! index in the enum's `ALL`. Every signal's generic code (get, set, subscribe) is compiled once per held
//! type, about 1.4 KB of the page's wasm each; kept as indices, every choice shares the page's
//! `RwSignal<usize>`, and the typed face here is a few inlined lines.

use leptos::prelude::*;
use reqlab_core::edit::vocabulary::Vocabulary;
use std::marker::PhantomData;

/// One value of `T`, reactive.
pub struct Choice<T: 'static> {
    index: RwSignal<usize>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Choice<T> {}

impl<T: Vocabulary> Choice<T> {
    pub fn new(value: T) -> Self {
        Choice {
            index: RwSignal::new(Self::index_of(value)),
            kind: PhantomData,
        }
    }

    fn index_of(value: T) -> usize {
        T::ALL.iter().position(|v| *v == value).unwrap_or(0)
    }

    fn value_at(index: usize) -> T {
        T::ALL.get(index).copied().unwrap_or(T::ALL[0])
    }

    /// The value (tracked).
    pub fn get(&self) -> T {
        Self::value_at(self.index.get())
    }

    pub fn get_untracked(&self) -> T {
        Self::value_at(self.index.get_untracked())
    }

    pub fn set(&self, value: T) {
        self.index.set(Self::index_of(value));
    }

    /// The value's index in `T::ALL` (tracked): what a select shows.
    pub fn index(&self) -> usize {
        self.index.get()
    }

    /// Chooses `T::ALL[index]`; an index past the end changes nothing.
    pub fn set_index(&self, index: usize) {
        if index < T::ALL.len() {
            self.index.set(index);
        }
    }
}

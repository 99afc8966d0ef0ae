//! Helpers for the integration tests of this crate.

pub mod fixtures;

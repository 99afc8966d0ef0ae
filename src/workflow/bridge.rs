//! The workflow bundle's end of the page bridge (`window.reqlab`, see `crate::page::bridge`): the draft the
//! editor holds, the latest answer index.html keeps (`answer`), and the edits handed back to the page.

use crate::dom::bridge::draft;
use crate::protocol::library::{Draft, BUNDLE_EDIT_EVENT};
use crate::protocol::workflow::{ChecksEdit, VariablesEdit};
use reqlab_core::{KeyValue, Variables};
use serde::Serialize;

/// What the editor holds now.
pub fn edited() -> Option<Draft> {
    draft("last")
}

pub use crate::dom::answer::{latest, Latest};

/// Hands the page the Tests tab's rows.
pub fn hand_over_checks(checks: Vec<KeyValue>) {
    hand_over(&ChecksEdit { checks });
}

/// Hands the page every environment, as captured values left them.
pub fn hand_over_variables(variables: Variables) {
    hand_over(&VariablesEdit { variables });
}

fn hand_over(edit: &impl Serialize) {
    if let Ok(text) = serde_json::to_string(edit) {
        crate::dom::bridge::hand_over(&text, BUNDLE_EDIT_EVENT);
    }
}

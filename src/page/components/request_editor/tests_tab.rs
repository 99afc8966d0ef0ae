//! Edit stage UI: the request's checks (assertions on the answer, values captured from it). The form is the
//! workflow bundle's (`src/workflow`, which index.html loads when this tab's button first takes the focus):
//! it fills the `<reqlab-checks>` element and hands the rows back as a `ToPage::Checks`, so the operators'
//! form and the help beside it do not weigh on the page. The bundle also evaluates the rows on each answer.

use crate::page::components::bound_form::form;
use leptos::prelude::*;

const MARKUP: &str =
    r#"<reqlab-checks class="checks-form"><p class="hint">Loading the tests…</p></reqlab-checks>"#;

/// Where the workflow bundle's checks form goes.
#[component]
pub fn TestsTab() -> impl IntoView {
    form("static-form", MARKUP, Vec::new())
}

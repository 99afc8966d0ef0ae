//! Edit stage UI: authentication. The form is the auth bundle's (`src/auth`, which index.html loads when
//! this tab's button first takes the focus, by click or by arrow key): it fills the `<reqlab-auth>`
//! element and hands the settings back as a `ToPage::Auth`, so none of the auth kinds' fields, nor the
//! OAuth 2.0 flows behind them, weigh on the page. The header, query
//! parameter or signature is made in `prepare` and at send time (`net::authorize`), never here.

use super::problem_for;
use crate::dom::form::set_text_of;
use crate::page::components::bound_form::{form, Binding};
use crate::page::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::Field;

crate::controls! {
    /// The Auth tab's ids, as `MARKUP` spells them.
    mod id {
        PROBLEM = "auth-problem",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<reqlab-auth class="auth-form"><p class="hint">Loading the auth settings…</p></reqlab-auth>"#,
    r#"<p class="problem" id="auth-problem" aria-live="polite"></p>"#,
);

/// The auth bundle's form, and the problem `prepare` found with the settings.
#[component]
pub fn AuthTab() -> impl IntoView {
    let state = use_app_state();
    let problem = problem_for(state, Field::Auth);
    let bindings = vec![(
        id::PROBLEM,
        Binding::show(move |text| set_text_of(text, &problem().unwrap_or_default())),
    )];
    form("static-form", MARKUP, bindings)
}

//! Edit stage UI: authentication. The form is the auth bundle's (`src/auth`, which index.html loads when
//! this tab's button first takes the focus, by click or by arrow key): it fills the `<reqlab-auth>`
//! element, shows what `prepare` finds wrong with the settings, and hands them back as a `ToPage::Auth`, so
//! none of the auth kinds' fields, nor the OAuth 2.0 flows behind them, weigh on the page. The header,
//! query parameter or signature is made in `prepare` and at send time (`net::authorize`), never here.

use crate::page::components::bound_form::form;
use leptos::prelude::*;

const MARKUP: &str = r#"<reqlab-auth class="auth-form"><p class="hint">Loading the auth settings…</p></reqlab-auth>"#;

/// Where the auth bundle's form goes.
#[component]
pub fn AuthTab() -> impl IntoView {
    form("static-form", MARKUP, Vec::new())
}

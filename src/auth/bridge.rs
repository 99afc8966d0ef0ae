//! The auth bundle's end of the page bridge (`window.reqlab`, see `crate::page::bridge`): the drafts the
//! page announces (`last` while editing, `asked` for the send under way), and the edited settings handed
//! back as a `ToPage::Auth`.

use crate::dom::bridge::draft;
use crate::protocol::auth::AuthEdit;
use crate::protocol::library::Draft;
use crate::protocol::library::BUNDLE_EDIT_EVENT;
use reqlab_core::Auth;

/// What the editor holds now.
pub fn edited() -> Option<Draft> {
    draft("last")
}

/// The request of the send under way, as it was when the send started.
pub fn asked() -> Option<Draft> {
    draft("asked").or_else(edited)
}

/// Hands the page the Auth tab's settings, as the library hands it a request, announced by its own event:
/// they open no request, so the live view (which steps aside for an opened one) does not hear it.
pub fn hand_over(auth: &Auth) {
    if let Ok(text) = serde_json::to_string(&AuthEdit { auth: auth.clone() }) {
        crate::dom::bridge::hand_over(&text, BUNDLE_EDIT_EVENT);
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// `n` random bytes from the browser's CSPRNG (state, PKCE verifier, Digest client nonce); `None` where
/// the browser has none, which no flow proceeds without.
pub fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// Waits `ms` milliseconds without blocking the page.
pub use crate::dom::document::sleep;

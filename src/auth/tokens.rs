//! OAuth 2.0 tokens, kept apart from requests: in this browser's storage, one per environment, provider,
//! client and scope (`OAuth2::token_key`), so a request never carries one into a share link, the history
//! or an export. Storage that refuses (private mode, quota) leaves them in memory for the visit.

use reqlab_core::edit::signed_auth::OAuthToken;
use std::cell::RefCell;
use std::collections::BTreeMap;

const KEY: &str = "reqlab.oauth-tokens";

thread_local! {
    static TOKENS: RefCell<Option<BTreeMap<String, OAuthToken>>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn with<R>(f: impl FnOnce(&mut BTreeMap<String, OAuthToken>) -> R) -> R {
    TOKENS.with(|tokens| {
        let mut tokens = tokens.borrow_mut();
        let map = tokens.get_or_insert_with(|| {
            storage()
                .and_then(|s| s.get_item(KEY).ok().flatten())
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default()
        });
        f(map)
    })
}

fn save(map: &BTreeMap<String, OAuthToken>) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(map)) {
        let _ = storage.set_item(KEY, &text);
    }
}

pub fn get(key: &str) -> Option<OAuthToken> {
    with(|map| map.get(key).cloned())
}

pub fn keep(key: &str, token: OAuthToken) {
    with(|map| {
        map.insert(key.to_string(), token);
        save(map);
    });
}

pub fn forget(key: &str) {
    with(|map| {
        map.remove(key);
        save(map);
    });
}

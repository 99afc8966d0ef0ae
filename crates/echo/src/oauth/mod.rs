//! The opt-in OAuth 2.0 test authorization server (`--oauth-test`): two fixed, published clients; the
//! authorization code (with PKCE), implicit, client credentials, password, refresh token and device grants; a
//! protected resource; and RFC 8414 metadata, all kept in a bounded in-memory store. It exists so OAuth flows
//! can run end to end on one machine and so people can learn OAuth against it: its tokens protect nothing.
//! `app` routes its endpoints, sharing one store, only when `--oauth-test` is on.

mod authorize;
mod clients;
mod device;
mod error;
mod metadata;
mod page;
mod params;
mod pkce;
mod protected;
mod scope;
mod store;
mod token;
mod urls;

pub use authorize::authorize;
pub use device::{device_authorization, page as device_page};
pub use metadata::{metadata, PATH as METADATA_PATH};
pub use protected::protected;
pub use store::Store;
pub use token::token;

/// The realm named in every challenge the test server sends.
const REALM: &str = "reqlab-echo";

/// Largest form body the OAuth endpoints read: their forms are a few short fields.
const FORM_LIMIT: usize = 64 * 1024;

//! Page <-> auth bundle (`src/auth`): Digest, AWS Signature and OAuth 2.0, which need more than a header
//! made from fields. The page asks through `window.reqlab.authorize(ask, body)` (index.html), which imports
//! the bundle on first use and answers with a Promise of an `Authorized` in JSON. The bundle hands edited
//! settings back as a `protocol::library::ToPage::Auth`, the way the library hands over a request.

use serde::{Deserialize, Serialize};

/// Page -> auth bundle: make the auth of the request about to be sent. The settings are the draft's the
/// page announced with the send (`reqlab.asked`, read by the bundle with the environments, which resolve
/// them and name where OAuth tokens are kept); the request as it goes out is here, and its body's bytes
/// travel beside it (a `Uint8Array`): signatures and Digest's `auth-int` hash them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ask {
    pub method: String,
    pub url: String,
    /// The headers as they will be sent (a multipart body's Content-Type with its boundary included).
    pub headers: Vec<(String, String)>,
    /// The `WWW-Authenticate` of the server's 401, when answering a Digest challenge.
    pub challenge: Option<String>,
}

/// Auth bundle -> page. Only types the page already decodes (strings and string pairs).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Authorized {
    /// Headers to set, each replacing any of the same name.
    pub headers: Vec<(String, String)>,
    /// The query to send instead, encoded, without its `?` (a presigned URL's); empty to keep the request's.
    pub query: String,
    /// Why the request cannot be sent (no token and the flow was cancelled, a setting missing): shown as
    /// the send's failure.
    pub error: String,
}

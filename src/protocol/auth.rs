//! Page <-> auth bundle (`src/auth`): Digest, AWS Signature and OAuth 2.0, which need more than a header
//! made from fields. The page asks through `window.reqlab.authorize(via_echo, body, content_type)`
//! (index.html), which imports the bundle on first use and answers with a Promise of an `Authorized` in
//! JSON. The request is the draft the page announced with the send (`reqlab.asked`): the bundle prepares
//! it again (prepare is deterministic), so only what the draft lacks travels: the body's bytes (a file's
//! are not in request JSON), a multipart body's Content-Type with its boundary, and whether the send goes
//! through reqlab-echo (Digest's first, unanswered request must go the same way). The bundle hands edited
//! settings back as a `protocol::library::ToPage::Auth`, the way the library hands over a request, announced
//! by `protocol::library::BUNDLE_EDIT_EVENT`.

use reqlab_core::Auth;
use serde::{Deserialize, Serialize};

/// Auth bundle -> page. Only types the page already decodes (strings and string pairs).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Authorized {
    /// Every header to send, the auth's included, in order (a multipart body's Content-Type aside: the
    /// page adds it as it sends, as ever).
    pub headers: Vec<(String, String)>,
    /// The query to send instead, encoded, without its `?` (a presigned URL's); empty to keep the request's.
    pub query: String,
    /// Why the request cannot be sent (no token and the flow was cancelled, a setting missing): shown as
    /// the send's failure.
    pub error: String,
}

/// Auth bundle -> page, the Auth tab's settings: read by the page as `protocol::library::ToPage::Auth` (the
/// test below holds the two to the same JSON).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename = "auth")]
pub struct AuthEdit {
    pub auth: Auth,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::library::ToPage;

    #[test]
    fn an_auth_edit_is_written_as_the_page_reads_a_to_page() {
        let auth = Auth::Digest {
            username: "ann".into(),
            password: "p".into(),
        };
        let written = serde_json::to_value(AuthEdit { auth: auth.clone() }).expect("JSON");
        assert_eq!(written["kind"], "auth");
        let read: ToPage = serde_json::from_value(written).expect("a ToPage");
        assert_eq!(read, ToPage::Auth { auth });
    }
}

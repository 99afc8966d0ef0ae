//! Page or auth bundle -> reqlab-echo's forward mode (`POST /forward`, see crates/echo/README.md): a request
//! for the server to send, past the browser's CORS rules. The answer is read where it arrives (the page with
//! its small JSON readers, the auth bundle with serde).

use serde::Serialize;

#[derive(Serialize)]
pub struct ForwardRequest<'a> {
    pub method: &'a str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body_base64: Option<String>,
    pub follow_redirects: bool,
}

//! Start-up configuration: every limit and switch the server has, with safe values by default.

use std::path::PathBuf;
use std::time::Duration;

/// Everything the server can be told at start-up. `Default` is the safe configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// A directory (the built app, `dist/`) to serve beside the echo routes.
    pub static_dir: Option<PathBuf>,
    /// Where the static directory appears: `/` or a prefix such as `/reqlab/` (as GitHub Pages would).
    pub static_mount: String,
    /// Largest request body read, in bytes; bigger ones get 413, whether announced or chunked.
    pub max_body_bytes: usize,
    /// Most request header fields accepted; more get 431.
    pub max_header_count: usize,
    /// Largest request head (all header names and values), in bytes; bigger ones get 431.
    pub max_header_bytes: usize,
    /// How long a client may take to send its request head before the connection is closed.
    pub header_read_timeout: Duration,
    /// How long one request may take from its head to the handler's answer (body upload included): 408.
    pub request_timeout: Duration,
    /// Connections open at once; the next one gets 503 and is closed.
    pub max_connections: usize,
    /// Longest wait `/delay` and `/drip` may be asked for.
    pub max_delay: Duration,
    /// Largest generated body (`/bytes`, `/stream-bytes`, `/range`, `/drip`), in bytes.
    pub max_generated_bytes: usize,
    /// Hosts `/redirect-to` may send a client to (relative URLs and the server's own host are always fine).
    pub allowed_redirect_hosts: Vec<String>,
    /// Request headers left out of every echo (lower-case names), e.g. ones a hosting platform adds.
    pub exclude_headers: Vec<String>,
    /// How long `/websocket/echo` and `/websocket/bearer` wait for a message before closing (1001).
    pub websocket_idle_timeout: Duration,
    /// The opt-in forwarding proxy; `None` leaves `/forward` answering 404.
    pub forward: Option<ForwardConfig>,
    /// The OAuth 2.0 test authorization server under `/oauth/` (fixed test clients, in-memory tokens);
    /// off leaves every `/oauth/...` path and its metadata document answering 404.
    pub oauth_test: bool,
}

/// Forward mode: the app asks reqlab-echo to send a request for it, past the browser's CORS rules.
#[derive(Clone, Debug)]
pub struct ForwardConfig {
    /// Let forwarded requests reach loopback, private, link-local and unique-local addresses.
    pub allow_private: bool,
    /// Single addresses reachable even though they are private (say, one internal API); nothing else is.
    pub allow_addresses: Vec<std::net::IpAddr>,
    /// Page origins allowed to use the proxy; empty means only the server's own pages.
    pub allowed_origins: Vec<String>,
    /// When set, callers must send `X-Reqlab-Token` with this value.
    pub token: Option<String>,
    /// Forwarded requests per minute per calling origin.
    pub per_origin_per_minute: u32,
    /// Longest a forwarded exchange may take, redirects included.
    pub timeout: Duration,
    /// Largest forwarded response body relayed, in bytes.
    pub max_response_bytes: usize,
    /// Most redirects followed when the caller asks for them to be followed.
    pub max_redirects: usize,
    /// Largest WebSocket message relayed by `/forward/websocket`, either way (1009 above it).
    pub relay_max_message_bytes: usize,
    /// How long a relayed WebSocket may carry no frame, either way, before both sides are closed (1001).
    pub relay_idle_timeout: Duration,
    /// Relayed WebSocket connections open at once; the next one is refused (1013).
    pub relay_max_connections: usize,
}

impl Default for ForwardConfig {
    fn default() -> Self {
        ForwardConfig {
            allow_private: false,
            allow_addresses: Vec::new(),
            allowed_origins: Vec::new(),
            token: None,
            per_origin_per_minute: 60,
            timeout: Duration::from_secs(15),
            max_response_bytes: 10 * 1024 * 1024,
            max_redirects: 10,
            relay_max_message_bytes: 1024 * 1024,
            relay_idle_timeout: Duration::from_secs(60),
            relay_max_connections: 64,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            static_dir: None,
            static_mount: "/".to_string(),
            max_body_bytes: 10 * 1024 * 1024,
            max_header_count: 100,
            max_header_bytes: 32 * 1024,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            max_connections: 512,
            max_delay: Duration::from_secs(10),
            max_generated_bytes: 10 * 1024 * 1024,
            allowed_redirect_hosts: Vec::new(),
            exclude_headers: Vec::new(),
            websocket_idle_timeout: Duration::from_secs(60),
            forward: None,
            oauth_test: false,
        }
    }
}

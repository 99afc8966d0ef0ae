//! reqlab-echo: an httpbin-compatible echo server. `app` holds the one route table; handlers live in modules
//! grouped by theme, and `cors` makes every response fully readable by the browser app.

mod cors;
mod echo;

use axum::{middleware, routing::any, Router};
use std::path::PathBuf;
use tower_http::services::ServeDir;

/// Everything the server can be told at start-up. `Default` is the safe configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// A directory (the built app, `dist/`) to serve beside the echo routes.
    pub static_dir: Option<PathBuf>,
    /// Where the static directory appears: `/` or a prefix such as `/reqlab/` (as GitHub Pages would).
    pub static_mount: String,
    /// Largest request body read, in bytes; bigger ones get 413.
    pub max_body_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            static_dir: None,
            static_mount: "/".to_string(),
            max_body_bytes: 10 * 1024 * 1024,
        }
    }
}

/// The route table: every endpoint the server answers, in one place.
pub fn app(config: Config) -> Router {
    let echo_state = echo::EchoState {
        max_body_bytes: config.max_body_bytes,
    };
    let mut router = Router::new()
        .route("/anything", any(echo::anything))
        .route("/anything/{*path}", any(echo::anything))
        .with_state(echo_state);
    if let Some(dir) = &config.static_dir {
        let files = ServeDir::new(dir).append_index_html_on_directories(true);
        let mount = config.static_mount.trim_end_matches('/');
        router = if mount.is_empty() {
            router.fallback_service(files)
        } else {
            router.nest_service(mount, files)
        };
    }
    router.layer(middleware::from_fn(cors::cors))
}

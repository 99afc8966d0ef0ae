//! reqlab-echo: an httpbin-compatible echo server. `app` holds the one route table, each route naming its
//! methods through `methods` (which also answers a plain OPTIONS from that same declaration); handlers live in
//! modules grouped by theme, `limits` and `safety` guard every route, and `cors` makes every response fully
//! readable by the browser app (all but the OAuth test server's no-CORS token endpoint). `oauth` is the
//! opt-in OAuth 2.0 test authorization server. `serve` runs the router on a socket with the connection-level
//! limits.

mod auth;
mod body;
mod caching;
mod chat;
mod config;
mod cookies;
mod cors;
mod description;
mod dump;
mod echo;
mod formats;
mod forward;
mod forward_client;
mod forward_stream;
mod graphql;
mod large_json;
mod limits;
mod methods;
mod oauth;
mod paced;
mod raw;
mod records;
mod redirect;
mod relay;
mod reply;
mod reqbin;
mod response_headers;
mod rng;
mod safety;
mod serve;
mod sse;
mod ssrf;
mod status;
mod stream;
mod upload;
mod websocket;

pub use config::{Config, ForwardConfig};
pub use graphql::sdl as graphql_sdl;
pub use redirect::check_target as check_redirect_target;
pub use serve::serve;

use axum::{
    extract::{Request, State},
    http::Method,
    middleware, Router,
};
use formats::Encoding;
use methods::{any, delete, get, on, patch, post, put};
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The route table: every endpoint the server answers and the methods it accepts, in one place. Routes are
/// built with `methods`' functions, not axum's, so each one also answers a plain OPTIONS with its `Allow`.
pub fn app(config: Config) -> Router {
    let config = Arc::new(config);
    let encoded = |encoding: Encoding| {
        move |state: State<Arc<Config>>, request: Request| {
            formats::compressed(state, encoding, request)
        }
    };
    let mut router = Router::new()
        // Echoes, httpbin's shape.
        .route("/anything", any(echo::anything))
        .route("/anything/{*path}", any(echo::anything))
        .route("/get", get(echo::get))
        .route("/post", post(echo::with_body))
        .route("/put", put(echo::with_body))
        .route("/patch", patch(echo::with_body))
        .route("/delete", delete(echo::with_body))
        .route("/headers", get(echo::headers))
        .route("/ip", get(echo::ip))
        .route("/user-agent", get(echo::user_agent))
        .route("/uuid", get(echo::uuid))
        // This server's own OpenAPI description.
        .route("/openapi.json", get(description::json))
        .route("/openapi.yaml", get(description::yaml))
        // ReqBin's echo URLs and the raw request.
        .route("/echo", any(reqbin::echo))
        .route("/echo/get/json", get(reqbin::success))
        .route("/echo/post/json", post(reqbin::success))
        .route("/dump/request", any(dump::dump))
        .route("/upload", on(&[Method::POST, Method::PUT], upload::upload))
        // Statuses and chosen headers.
        .route("/status/{codes}", any(status::status))
        .route(
            "/response-headers",
            on(
                &[Method::GET, Method::POST],
                response_headers::response_headers,
            ),
        )
        // Redirects.
        .route("/redirect/{n}", get(redirect::redirect))
        .route("/relative-redirect/{n}", get(redirect::relative_redirect))
        .route("/absolute-redirect/{n}", get(redirect::absolute_redirect))
        .route("/redirect-to", any(redirect::redirect_to))
        // Cookies.
        .route("/cookies", get(cookies::list))
        .route("/cookies/set", get(cookies::set))
        .route("/cookies/set/{name}/{value}", get(cookies::set_one))
        .route("/cookies/delete", get(cookies::delete))
        // Authentication.
        .route("/basic-auth/{user}/{pass}", get(auth::basic))
        .route("/hidden-basic-auth/{user}/{pass}", get(auth::hidden_basic))
        .route("/bearer", get(auth::bearer))
        // POST too, so `qop=auth-int`, which covers the body, can be tried with one from a browser.
        .route(
            "/digest-auth/{qop}/{user}/{pass}",
            on(&[Method::GET, Method::POST], auth::digest),
        )
        .route(
            "/digest-auth/{qop}/{user}/{pass}/{algorithm}",
            on(&[Method::GET, Method::POST], auth::digest_algorithm),
        )
        // Timed and generated bodies.
        .route("/delay/{secs}", any(stream::delay))
        .route("/drip", get(stream::drip))
        .route("/stream/{n}", get(stream::lines))
        .route("/stream-bytes/{n}", get(stream::stream_bytes))
        .route("/bytes/{n}", get(stream::bytes))
        .route("/range/{n}", get(stream::range))
        .route("/json/large", get(large_json::large_json))
        // Live streams and WebSocket.
        .route("/sse", get(sse::sse))
        .route("/sse/chat", post(chat::chat))
        .route("/ndjson", get(records::ndjson))
        .route("/jsonl", get(records::jsonl))
        .route("/json-seq", get(records::json_seq))
        .route("/websocket/echo", get(websocket::echo))
        .route("/websocket/bearer", get(websocket::bearer))
        // GraphQL over HTTP, and over a WebSocket on the same path.
        .route(
            "/graphql",
            on(&[Method::GET, Method::POST], graphql::endpoint),
        )
        // Encodings, caching and fixed documents.
        .route("/gzip", get(encoded(Encoding::Gzip)))
        .route("/deflate", get(encoded(Encoding::Deflate)))
        .route("/brotli", get(encoded(Encoding::Brotli)))
        .route("/cache", get(caching::cache))
        .route("/cache/{n}", get(caching::cache_for))
        .route("/etag/{etag}", get(caching::etag))
        .route("/base64/{value}", get(formats::base64))
        .route("/html", get(formats::html))
        .route("/json", get(formats::json_doc))
        .route("/xml", get(formats::xml))
        .route("/robots.txt", get(formats::robots))
        .route("/deny", get(formats::deny))
        .route("/encoding/utf8", get(formats::utf8))
        .route("/forms/post", get(formats::form))
        .route("/links/{n}", get(formats::links_first))
        .route("/links/{n}/{offset}", get(formats::links))
        .route("/image", get(formats::image))
        .route("/image/{kind}", get(formats::image_kind))
        .with_state(config.clone());
    // Forward mode exists only when switched on: otherwise /forward is an unknown path (404).
    if let Some(forward) = &config.forward {
        let forwarder = Arc::new(forward::Forwarder::new(forward.clone()));
        router = router.merge(
            Router::new()
                .route("/forward", post(forward::forward))
                .route("/forward/websocket", get(relay::relay))
                .with_state(forwarder),
        );
    }
    // So does the OAuth test server: without --oauth-test every /oauth/ path and its metadata are 404.
    if config.oauth_test {
        router = router.merge(
            Router::new()
                .route(
                    "/oauth/authorize",
                    on(&[Method::GET, Method::POST], oauth::authorize),
                )
                .route("/oauth/token", post(oauth::token))
                // The same token endpoint, answered without any CORS header (see `cors::NO_CORS_PATH`).
                .route(cors::NO_CORS_PATH, post(oauth::token))
                .route(
                    "/oauth/device_authorization",
                    post(oauth::device_authorization),
                )
                .route(
                    "/oauth/device",
                    on(&[Method::GET, Method::POST], oauth::device_page),
                )
                .route("/oauth/protected", any(oauth::protected))
                .route(oauth::METADATA_PATH, get(oauth::metadata))
                .with_state(Arc::new(oauth::Store::default())),
        );
    }
    // httpbin answers `/` with a page; keep that unless the app itself is mounted there.
    let app_at_root =
        config.static_dir.is_some() && config.static_mount.trim_end_matches('/').is_empty();
    if !app_at_root {
        router = router.route("/", get(formats::index));
    }
    if let Some(dir) = &config.static_dir {
        let files = ServeDir::new(dir).append_index_html_on_directories(true);
        let mount = config.static_mount.trim_end_matches('/');
        router = if mount.is_empty() {
            router.fallback_service(files)
        } else {
            router.nest_service(mount, files)
        };
    }
    // Outermost last: CORS sees every answer, limits included, so a browser can read why it was refused.
    router
        .layer(middleware::from_fn_with_state(config, limits::limits))
        .layer(middleware::from_fn(safety::harden))
        .layer(middleware::from_fn(cors::cors))
}

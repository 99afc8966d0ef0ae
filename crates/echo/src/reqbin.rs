//! ReqBin-style echo URLs, so snippets copied from ReqBin's examples run here unchanged.

use crate::echo::anything;
use crate::Config;
use axum::{
    extract::{Request, State},
    http::header,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// `/echo`: any method, the full echo document.
pub async fn echo(state: State<Arc<Config>>, request: Request) -> Response {
    anything(state, request).await
}

/// `/echo/get/json` and `/echo/post/json`: ReqBin's fixed success answer.
pub async fn success() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        "{\"success\":\"true\"}\n",
    )
        .into_response()
}

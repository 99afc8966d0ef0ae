//! `/graphql`: a small GraphQL server for trying GraphQL clients and learning the protocol. GET and POST
//! follow the GraphQL over HTTP specification (`over_http`), a WebSocket handshake on the same path speaks
//! `graphql-transport-ws` or `graphql-ws` (`over_websocket`), and `schema` is what both execute.

mod over_http;
mod over_websocket;
mod request_info;
mod schema;

use crate::Config;
use axum::{
    extract::{ws::WebSocketUpgrade, FromRequestParts, Request, State},
    response::Response,
};
use schema::EchoSchema;
use std::sync::{Arc, LazyLock};

/// Built once: the schema is the same for every request.
static SCHEMA: LazyLock<EchoSchema> = LazyLock::new(schema::build);

/// The schema in GraphQL's schema definition language.
pub fn sdl() -> String {
    SCHEMA.sdl()
}

/// GET and POST on `/graphql`: a WebSocket handshake becomes a GraphQL socket, anything else an HTTP query.
pub async fn endpoint(State(config): State<Arc<Config>>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => over_websocket::upgrade(SCHEMA.clone(), &config, &parts, upgrade),
        Err(_) => over_http::answer(&SCHEMA, &config, Request::from_parts(parts, body)).await,
    }
}

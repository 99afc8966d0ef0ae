//! Send stage: why fetch rejected. fetch only says `TypeError`; a second, `no-cors` request to the same URL
//! tells a server that answered but did not allow this page (CORS) from one that could not be reached.

use gloo_net::http::RequestBuilder;
use reqlab_core::http::cors::preflight_triggers;
use reqlab_core::PreparedRequest;
use web_sys::RequestMode;

/// What stopped a request that got no response.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// An https page may not call an http URL (except on loopback).
    MixedContent,
    /// The server answered, but its CORS headers do not admit this page. Lists what needed a preflight.
    Cors { preflight: Vec<String> },
    /// No answer at all: DNS, refused connection, TLS failure, or the network is down.
    Network(String),
}

pub async fn diagnose(prepared: &PreparedRequest, browser_message: String) -> Failure {
    let page_is_https = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:");
    let loopback = matches!(
        prepared.url.host.as_str(),
        "localhost" | "127.0.0.1" | "[::1]"
    );
    if page_is_https && prepared.url.scheme == "http" && !loopback {
        return Failure::MixedContent;
    }
    // An opaque answer proves the host is reachable; only a simple GET can be sent without CORS.
    let probe = RequestBuilder::new(&prepared.url.to_string())
        .mode(RequestMode::NoCors)
        .send()
        .await;
    match probe {
        Ok(_) => Failure::Cors {
            preflight: preflight_triggers(prepared),
        },
        Err(_) => Failure::Network(browser_message),
    }
}

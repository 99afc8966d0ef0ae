//! CORS for every route: any origin may call, send any method and header, and read every response header and
//! the timing breakdown. This is what lets the browser app show a response as completely as curl would.
//! One path is left out on purpose: the OAuth test server's `/oauth/no-cors/token` (see `NO_CORS_PATH`).

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};

/// The OAuth test server's second token endpoint. Many real identity providers send no CORS headers from
/// their token endpoint, since only server-side clients are meant to call it; this path behaves the same way,
/// preflight included, so the app's handling of a token request the browser refuses can be tested.
pub const NO_CORS_PATH: &str = "/oauth/no-cors/token";

pub async fn cors(request: Request, next: Next) -> Response {
    if request.uri().path() == NO_CORS_PATH {
        // Not even the preflight is answered here: the route (or the 404) answers as it would without CORS.
        return next.run(request).await;
    }
    let origin = request.headers().get(header::ORIGIN).cloned();
    let is_preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if is_preflight {
        return preflight(request.headers(), origin);
    }
    let mut response = next.run(request).await;
    allow_origin(response.headers_mut(), origin);
    expose_every_header(response.headers_mut());
    response
}

fn preflight(request_headers: &HeaderMap, origin: Option<HeaderValue>) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    let headers = response.headers_mut();
    allow_origin(headers, origin);
    // Echoing what was asked for allows it, whatever it is: an echo server has nothing to protect.
    for (asked, allowed) in [
        (
            header::ACCESS_CONTROL_REQUEST_METHOD,
            header::ACCESS_CONTROL_ALLOW_METHODS,
        ),
        (
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            header::ACCESS_CONTROL_ALLOW_HEADERS,
        ),
    ] {
        if let Some(value) = request_headers.get(asked) {
            headers.insert(allowed, value.clone());
        }
    }
    // Chrome asks before a public page may reach a loopback or private address (Private Network Access).
    if request_headers.contains_key("access-control-request-private-network") {
        headers.insert(
            HeaderName::from_static("access-control-allow-private-network"),
            HeaderValue::from_static("true"),
        );
    }
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    response
}

/// Reflects the caller's origin (so credentialed requests work too), or `*` when there is none.
fn allow_origin(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    match origin {
        Some(origin) => {
            headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            );
            headers.insert("timing-allow-origin", origin);
        }
        None => {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            headers.insert("timing-allow-origin", HeaderValue::from_static("*"));
        }
    }
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

/// Headers the HTTP layer adds after this middleware has run, which must be exposed all the same.
const ADDED_LATER: [&str; 2] = ["content-length", "date"];

/// Browsers hide every response header but a safelisted few unless it is named here; `*` does not work
/// for credentialed requests, so each name is listed.
fn expose_every_header(headers: &mut HeaderMap) {
    let mut names: Vec<&str> = headers.keys().map(HeaderName::as_str).collect();
    for name in ADDED_LATER {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if let Ok(value) = HeaderValue::from_str(&names.join(", ")) {
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, value);
    }
}

//! The methods a route accepts, declared once: the same declaration routes those methods and answers a plain
//! `OPTIONS` (RFC 9110 §9.3.7) with 200, an `Allow` naming them and an empty body, so the two cannot drift.
//!
//! The route table uses these in place of axum's `get`, `post`, `any`, …, whose routes answer a plain `OPTIONS`
//! with 405 (or hand it to the handler, for `any`). A CORS preflight never reaches this answer: the `cors`
//! layer, which wraps every route, answers it first.

// The one place allowed to call axum's method routers: everything else goes through the wrappers below.
#![allow(clippy::disallowed_methods)]

use axum::{
    handler::Handler,
    http::{header, HeaderValue, Method, StatusCode},
    routing::{self, MethodFilter, MethodRouter},
};

/// The methods axum can route by name, in the order `Allow` lists them (RFC 9110's order, then PATCH).
const STANDARD: [Method; 9] = [
    Method::GET,
    Method::HEAD,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::CONNECT,
    Method::OPTIONS,
    Method::TRACE,
    Method::PATCH,
];

/// A route accepting exactly `methods` with one handler. HEAD comes with GET (axum answers HEAD with the GET
/// handler, body dropped), and OPTIONS is added here, so neither is declared.
pub fn on<H, T, S>(methods: &[Method], handler: H) -> MethodRouter<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    let filter = methods
        .iter()
        .map(|method| {
            MethodFilter::try_from(method.clone()).expect("a route declares standard methods only")
        })
        .reduce(MethodFilter::or)
        .expect("a route declares at least one method");
    let accepts = |method: &Method| {
        methods.contains(method)
            || *method == Method::OPTIONS
            || (*method == Method::HEAD && methods.contains(&Method::GET))
    };
    with_options(routing::on(filter, handler), allow(accepts))
}

/// A route accepting every method, extension methods such as PROPFIND included (the echoes). `Allow` can only
/// name the standard ones.
pub fn any<H, T, S>(handler: H) -> MethodRouter<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    with_options(routing::any(handler), allow(|_| true))
}

/// The single-method routes, named as axum names them so the route table reads the same.
macro_rules! single {
    ($($name:ident => $method:ident),* $(,)?) => {$(
        #[doc = concat!("A route accepting `", stringify!($method), "` only (see [`on`]).")]
        pub fn $name<H, T, S>(handler: H) -> MethodRouter<S>
        where
            H: Handler<T, S>,
            T: 'static,
            S: Clone + Send + Sync + 'static,
        {
            on(&[Method::$method], handler)
        }
    )*};
}

single!(get => GET, post => POST, put => PUT, patch => PATCH, delete => DELETE);

/// The `Allow` value for the standard methods `accepts` says yes to.
fn allow(accepts: impl Fn(&Method) -> bool) -> HeaderValue {
    let names: Vec<&str> = STANDARD
        .iter()
        .filter(|method| accepts(method))
        .map(Method::as_str)
        .collect();
    HeaderValue::from_str(&names.join(", ")).expect("method names are header-safe")
}

/// Adds the plain OPTIONS answer. On an `any` route it takes OPTIONS from the handler (axum prefers a named
/// method over the fallback): OPTIONS asks what the resource allows, not for an echo, as in httpbin.
fn with_options<S>(router: MethodRouter<S>, allow: HeaderValue) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    // An empty body: axum then sets `Content-Length: 0` itself.
    router.options(move || {
        let allow = allow.clone();
        async move { (StatusCode::OK, [(header::ALLOW, allow)]) }
    })
}

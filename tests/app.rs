//! App layer, in headless Chromium: the mounted app exposes its controls by accessible name, the snippet
//! follows the edited URL, and `net::send` reports real fetch results and failures.
#![cfg(target_arch = "wasm32")]

use reqlab_core::prepare::url::Url;
use reqlab_core::{Method, PreparedAuth, PreparedBody, PreparedRequest, RequestOptions};
use reqlab_web::page::net;
use reqlab_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh app into its own container and returns the container.
fn mount_app() -> HtmlElement {
    let container: HtmlElement = document()
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    leptos::mount::mount_to(container.clone(), App).forget();
    container
}

fn find(container: &HtmlElement, selector: &str) -> Element {
    container
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The text of the `<label>` that names a control, as a screen reader would announce it.
fn label_of(container: &HtmlElement, control: &Element) -> String {
    let selector = format!("label[for=\"{}\"]", control.id());
    find(container, &selector)
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn controls_have_the_accessible_names_tests_and_people_use() {
    let app = mount_app();
    leptos::task::tick().await;
    let method = find(&app, "select#method");
    assert_eq!(label_of(&app, &method), "Method");
    let url = find(&app, "input#url");
    assert_eq!(label_of(&app, &url), "URL");
    let send = find(&app, "button[type=submit]");
    assert_eq!(send.text_content().as_deref(), Some("Send"));
    let response = find(&app, "section[aria-label=Response]");
    assert!(response
        .text_content()
        .unwrap_or_default()
        .contains("Send a request"));
    let methods = method
        .query_selector_all("option")
        .expect("options")
        .length();
    assert_eq!(
        methods as usize,
        Method::STANDARD.len() + 1,
        "standard methods plus Custom"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn the_raw_message_follows_the_url_as_it_is_typed() {
    let app = mount_app();
    let url: HtmlInputElement = find(&app, "input#url").unchecked_into();
    url.set_value("https://api.example.com/typed?q=1");
    // Bubbling, as the browser's own input events are: the tables handle their rows' events on the list.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    url.dispatch_event(&input).expect("dispatch");
    leptos::task::tick().await;
    let raw = find(&app, ".raw-message")
        .text_content()
        .unwrap_or_default();
    assert!(
        raw.starts_with("GET /typed?q=1 HTTP/1.1\r\nHost: api.example.com\r\n"),
        "raw message was {raw:?}"
    );

    url.set_value("no scheme here");
    url.dispatch_event(&input).expect("dispatch");
    leptos::task::tick().await;
    let problem = find(&app, "#url-problem")
        .text_content()
        .unwrap_or_default();
    assert!(problem.contains("no scheme"), "problem was {problem:?}");
    app.remove();
}

fn prepared_get(url: &str) -> PreparedRequest {
    PreparedRequest {
        method: Method::Get,
        url: Url::parse(url).expect("valid test URL"),
        headers: vec![("X-Test".into(), "1".into()), ("X-Test".into(), "2".into())],
        body: PreparedBody::None,
        auth: PreparedAuth::None,
        options: RequestOptions::default(),
    }
}

fn abort_signal() -> web_sys::AbortSignal {
    web_sys::AbortController::new()
        .expect("AbortController")
        .signal()
}

#[wasm_bindgen_test]
async fn send_returns_status_headers_body_and_time_from_a_real_fetch() {
    // The test runner's own server is the one origin this page can always reach.
    let origin = web_sys::window()
        .expect("window")
        .location()
        .origin()
        .expect("origin");
    let response = net::send(
        &prepared_get(&format!("{origin}/")),
        &abort_signal(),
        net::DEFAULT_BODY_CAP,
        &|_| {},
    )
    .await
    .expect("the runner's page answers");
    assert_eq!(response.status, 200);
    assert!(!response.body.is_empty());
    assert!(response.elapsed_ms >= 0.0);
    assert!(
        response
            .headers
            .iter()
            .any(|(name, _)| name == "content-type"),
        "headers were {:?}",
        response.headers
    );
}

#[wasm_bindgen_test]
async fn send_reports_an_unreachable_server_as_a_network_error() {
    // Port 9 (discard) is closed on loopback: fetch rejects, and the no-cors probe fails too.
    let err = net::send(
        &prepared_get("http://127.0.0.1:9/"),
        &abort_signal(),
        net::DEFAULT_BODY_CAP,
        &|_| {},
    )
    .await
    .expect_err("nothing listens there");
    assert!(matches!(err, net::SendError::Network(_)), "got {err:?}");
    assert!(err.to_string().starts_with("Network error"));
}

#[wasm_bindgen_test]
async fn an_aborted_send_reports_aborted_not_a_network_error() {
    let controller = web_sys::AbortController::new().expect("AbortController");
    controller.abort();
    let origin = web_sys::window()
        .expect("window")
        .location()
        .origin()
        .expect("origin");
    let err = net::send(
        &prepared_get(&format!("{origin}/")),
        &controller.signal(),
        net::DEFAULT_BODY_CAP,
        &|_| {},
    )
    .await
    .expect_err("aborted before it started");
    assert_eq!(err, net::SendError::Aborted);
}

#[wasm_bindgen_test]
async fn editing_a_query_row_rewrites_the_url_and_the_url_refills_the_table() {
    let app = mount_app();
    let url: HtmlInputElement = find(&app, "input#url").unchecked_into();
    // Bubbling, as the browser's own input events are: the tables handle their rows' events on the list.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    url.set_value("https://h.example/p?a=1&b=x%20y");
    url.dispatch_event(&input).expect("dispatch");
    leptos::task::tick().await;
    let values: Vec<String> = (0..2)
        .map(|i| {
            let selector = format!(
                "#panel-query li:nth-child({}) input[aria-label=Value]",
                i + 1
            );
            find(&app, &selector)
                .unchecked_into::<HtmlInputElement>()
                .value()
        })
        .collect();
    assert_eq!(values, ["1", "x y"]);

    let first_value: HtmlInputElement =
        find(&app, "#panel-query li:nth-child(1) input[aria-label=Value]").unchecked_into();
    first_value.set_value("1&2");
    first_value.dispatch_event(&input).expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(url.value(), "https://h.example/p?a=1%262&b=x%20y");
    app.remove();
}

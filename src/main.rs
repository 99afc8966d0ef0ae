//! Entry point of the browser app: install the panic hook, mount `<App/>`. Nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(reqlab_web::App);
    // The benchmark reads this mark as "app ready" (PRODUCT.md budget: 250 ms after navigation start).
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("reqlab:mounted");
    }
}

//! Entry point of the browser app: install the panic hook, mount `<App/>`. Nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(reqlab_web::App);
}

//! Snippet stage: one module per target; the registry in `snippet/mod.rs` lists them.

pub mod c_libcurl;
pub mod cmd_curl;
pub mod go_native;
pub mod http_raw;
pub mod java_httpclient;
pub mod java_okhttp;
pub mod js_fetch;
pub mod kotlin_okhttp;
pub mod node_axios;
pub mod node_fetch;
pub mod node_http;
pub mod php_curl;
pub mod php_guzzle;
pub mod powershell_curl;
pub mod powershell_restmethod;
pub mod python_http_client;
pub mod python_httpx;
pub mod python_requests;
pub mod python_urllib3;
pub mod ruby_net_http;
pub mod shell_curl;
pub mod shell_httpie;
pub mod shell_wget;

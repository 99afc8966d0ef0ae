//! A real reqlab-echo for the CLI's tests: served on a free loopback port, in a runtime of its own.

use std::net::SocketAddr;

/// Starts reqlab-echo with `config` on a free loopback port; it lives as long as the test process.
pub fn start_echo(config: reqlab_echo::Config) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).expect("non-blocking");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            reqlab_echo::serve(listener, config, std::future::pending()).await
        })
    });
    address
}

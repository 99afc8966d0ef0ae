//! reqlab-echo's command line: reads flags and environment, binds, serves until Ctrl-C or SIGTERM.

use reqlab_echo::{app, Config};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: reqlab-echo [--listen ADDR] [--static DIR] [--mount PATH]

  --listen ADDR   address to bind (env REQLAB_LISTEN, default 127.0.0.1:8080; port 0 picks a free one)
  --static DIR    serve the built app from DIR beside the echo routes (env REQLAB_STATIC)
  --mount PATH    URL path the app is served under (env REQLAB_MOUNT, default /)
";

struct Args {
    listen: String,
    config: Config,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut args = Args {
        listen: env("REQLAB_LISTEN").unwrap_or_else(|| "127.0.0.1:8080".to_string()),
        config: Config {
            static_dir: env("REQLAB_STATIC").map(PathBuf::from),
            static_mount: env("REQLAB_MOUNT").unwrap_or_else(|| "/".to_string()),
            ..Config::default()
        },
    };
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--listen" => args.listen = value()?,
            "--static" => args.config.static_dir = Some(PathBuf::from(value()?)),
            "--mount" => args.config.static_mount = value()?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if !args.config.static_mount.starts_with('/') {
        return Err(format!(
            "--mount must start with '/', got {:?}",
            args.config.static_mount
        ));
    }
    if let Some(dir) = &args.config.static_dir {
        if !dir.join("index.html").is_file() {
            return Err(format!(
                "--static {}: no index.html there (build the app first)",
                dir.display()
            ));
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("reqlab-echo: {message}");
            }
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&args.listen).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("reqlab-echo: cannot listen on {}: {err}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!("reqlab-echo: {err}");
            return ExitCode::FAILURE;
        }
    };
    // Scripts and tests read these lines to learn the port that was picked.
    println!("reqlab-echo listening on http://{addr}/");
    if args.config.static_dir.is_some() {
        println!("reqlab app: http://{addr}{}", args.config.static_mount);
    }
    let service = app(args.config).into_make_service_with_connect_info::<SocketAddr>();
    if let Err(err) = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("reqlab-echo: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

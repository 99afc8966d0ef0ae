//! reqlab-echo's command line: reads flags and environment, binds, serves until Ctrl-C or SIGTERM.

use reqlab_echo::{serve, Config, ForwardConfig};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Every flag: name, value placeholder, environment twin, default shown in --help, meaning.
#[rustfmt::skip]
const FLAGS: &[(&str, &str, &str, &str, &str)] = &[
    ("--listen", "ADDR", "REQLAB_LISTEN", "127.0.0.1:8080", "address to bind; port 0 picks a free one"),
    ("--static", "DIR", "REQLAB_STATIC", "none", "serve the built app from DIR beside the echo routes"),
    ("--mount", "PATH", "REQLAB_MOUNT", "/", "URL path the app is served under"),
    ("--max-body-bytes", "N", "REQLAB_MAX_BODY_BYTES", "10M", "largest request body (413 above; K/M/G suffixes)"),
    ("--max-header-count", "N", "REQLAB_MAX_HEADER_COUNT", "100", "most request header fields (431 above)"),
    ("--max-header-bytes", "N", "REQLAB_MAX_HEADER_BYTES", "32K", "largest request head (431 above)"),
    ("--header-read-timeout", "SECS", "REQLAB_HEADER_READ_TIMEOUT", "10", "close connections that take longer to send a request head"),
    ("--request-timeout", "SECS", "REQLAB_REQUEST_TIMEOUT", "60", "longest a request may take, body upload included (408)"),
    ("--max-connections", "N", "REQLAB_MAX_CONNECTIONS", "512", "connections open at once (503 above)"),
    ("--max-delay", "SECS", "REQLAB_MAX_DELAY", "10", "longest /delay and /drip wait"),
    ("--max-generated-bytes", "N", "REQLAB_MAX_GENERATED_BYTES", "10M", "largest /bytes, /stream-bytes, /range, /drip body"),
    ("--allow-redirect-host", "HOSTS", "REQLAB_ALLOW_REDIRECT_HOSTS", "none", "comma list of hosts /redirect-to may send to (relative URLs and this host always); repeatable"),
    ("--exclude-headers", "NAMES", "REQLAB_EXCLUDE_HEADERS", "none", "comma list of request headers left out of echoes (e.g. platform headers)"),
    ("--websocket-idle-timeout", "SECS", "REQLAB_WEBSOCKET_IDLE_TIMEOUT", "60", "close /websocket/echo and /websocket/bearer after this long without a message (1001)"),
    ("--log", "FILTER", "REQLAB_LOG", "info", "log filter, tracing EnvFilter syntax (info, debug, reqlab_echo=debug); logs go to stderr"),
    ("--forward", "", "REQLAB_FORWARD", "off", "enable the forwarding proxy, POST /forward and the WebSocket relay /forward/websocket"),
    ("--allow-private", "", "REQLAB_ALLOW_PRIVATE", "off", "let /forward and /forward/websocket reach loopback, private, link-local and unique-local addresses"),
    ("--forward-allow-address", "IPS", "REQLAB_FORWARD_ALLOW_ADDRESSES", "none", "comma list of single private addresses /forward may reach all the same"),
    ("--forward-origins", "ORIGINS", "REQLAB_FORWARD_ORIGINS", "this server's own pages", "comma list of page origins allowed to use /forward"),
    ("--forward-token", "TOKEN", "REQLAB_FORWARD_TOKEN", "none", "require X-Reqlab-Token: TOKEN on /forward (or ?token= on /forward/websocket; needed off loopback, or --forward-origins)"),
    ("--relay-max-message-bytes", "N", "REQLAB_RELAY_MAX_MESSAGE_BYTES", "1M", "largest WebSocket message /forward/websocket relays, either way (1009 above)"),
    ("--relay-idle-timeout", "SECS", "REQLAB_RELAY_IDLE_TIMEOUT", "60", "close a relayed WebSocket after this long without a frame either way (1001)"),
    ("--relay-max-connections", "N", "REQLAB_RELAY_MAX_CONNECTIONS", "64", "relayed WebSockets open at once (1013 above)"),
    ("--oauth-test", "", "REQLAB_OAUTH_TEST", "off", "enable the OAuth 2.0 test authorization server under /oauth/ (fixed, published test clients: for tests and learning only)"),
];

fn usage() -> String {
    let mut text = String::from(
        "Usage: reqlab-echo [FLAGS]\n\nEvery flag also reads its environment variable.\n\n",
    );
    for (name, value, env, default, help) in FLAGS {
        let flag = format!("{name} {value}");
        text.push_str(&format!(
            "  {flag:<28} {help}\n  {:<28} env {env}, default {default}\n",
            ""
        ));
    }
    text.push_str("  -h, --help                   this text\n");
    text
}

struct Args {
    listen: String,
    log: String,
    config: Config,
}

/// `10M`, `32K`, `1G` or a plain number of bytes.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, factor) = match text.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&text[..text.len() - 1], 1024),
        Some('M') => (&text[..text.len() - 1], 1024 * 1024),
        Some('G') => (&text[..text.len() - 1], 1024 * 1024 * 1024),
        _ => (text, 1),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or(format!("{text:?} is not a size (e.g. 1048576, 64K, 10M)"))
}

fn parse_secs(text: &str) -> Result<Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or(format!("{text:?} is not a number of seconds"))
}

fn parse_count(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(format!("{text:?} is not a positive whole number"))
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

fn truthy(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

/// Applies one setting, from a flag or its environment twin.
fn apply(args: &mut Args, name: &str, value: &str) -> Result<(), String> {
    let config = &mut args.config;
    let forward = |config: &mut Config| {
        config
            .forward
            .get_or_insert_with(ForwardConfig::default)
            .clone()
    };
    match name {
        "--listen" => args.listen = value.to_string(),
        "--static" => config.static_dir = Some(PathBuf::from(value)),
        "--mount" => config.static_mount = value.to_string(),
        "--max-body-bytes" => config.max_body_bytes = parse_size(value)?,
        "--max-header-count" => config.max_header_count = parse_count(value)?,
        "--max-header-bytes" => config.max_header_bytes = parse_size(value)?,
        "--header-read-timeout" => config.header_read_timeout = parse_secs(value)?,
        "--request-timeout" => config.request_timeout = parse_secs(value)?,
        "--max-connections" => config.max_connections = parse_count(value)?,
        "--max-delay" => config.max_delay = parse_secs(value)?,
        "--max-generated-bytes" => config.max_generated_bytes = parse_size(value)?,
        "--allow-redirect-host" => config.allowed_redirect_hosts.extend(list(value)),
        "--exclude-headers" => config.exclude_headers.extend(list(value)),
        "--websocket-idle-timeout" => config.websocket_idle_timeout = parse_secs(value)?,
        "--log" => args.log = value.to_string(),
        "--forward" => {
            if truthy(value) {
                forward(config);
            } else {
                config.forward = None;
            }
        }
        "--allow-private" => {
            let mut f = forward(config);
            f.allow_private = truthy(value);
            config.forward = Some(f);
        }
        "--forward-origins" => {
            let mut f = forward(config);
            f.allowed_origins.extend(list(value));
            config.forward = Some(f);
        }
        "--forward-allow-address" => {
            let mut f = forward(config);
            for ip in list(value) {
                f.allow_addresses.push(
                    ip.parse()
                        .map_err(|_| format!("{ip:?} is not an IP address"))?,
                );
            }
            config.forward = Some(f);
        }
        "--forward-token" => {
            let mut f = forward(config);
            f.token = Some(value.to_string());
            config.forward = Some(f);
        }
        "--relay-max-message-bytes" => {
            let mut f = forward(config);
            f.relay_max_message_bytes = parse_size(value)?;
            config.forward = Some(f);
        }
        "--relay-idle-timeout" => {
            let mut f = forward(config);
            f.relay_idle_timeout = parse_secs(value)?;
            config.forward = Some(f);
        }
        "--relay-max-connections" => {
            let mut f = forward(config);
            f.relay_max_connections = parse_count(value)?;
            config.forward = Some(f);
        }
        "--oauth-test" => config.oauth_test = truthy(value),
        other => return Err(format!("unknown argument {other:?}")),
    }
    Ok(())
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        listen: "127.0.0.1:8080".to_string(),
        log: "info".to_string(),
        config: Config::default(),
    };
    // Environment first, so flags win.
    for (name, _, env, _, _) in FLAGS {
        if let Some(value) = std::env::var(env).ok().filter(|v| !v.is_empty()) {
            apply(&mut args, name, &value).map_err(|e| format!("{env}: {e}"))?;
        }
    }
    while let Some(flag) = argv.next() {
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let Some((name, placeholder, ..)) = FLAGS.iter().find(|f| f.0 == flag) else {
            return Err(format!("unknown argument {flag:?}"));
        };
        let value = if placeholder.is_empty() {
            "true".to_string()
        } else {
            argv.next().ok_or(format!("{name} needs a value"))?
        };
        apply(&mut args, name, &value)?;
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
            if message.is_empty() {
                print!("{}", usage());
                return ExitCode::SUCCESS;
            }
            eprintln!("reqlab-echo: {message}");
            eprint!("{}", usage());
            return ExitCode::from(2);
        }
    };
    // Logs go to stderr: stdout carries only the lines scripts parse.
    let filter = tracing_subscriber::EnvFilter::try_new(&args.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
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
    if let Err(message) = exposure_check(&args.config, addr) {
        eprintln!("reqlab-echo: {message}");
        return ExitCode::from(2);
    }
    // Scripts and tests read these lines to learn the port that was picked.
    println!("reqlab-echo listening on http://{addr}/");
    if args.config.static_dir.is_some() {
        println!("reqlab app: http://{addr}{}", args.config.static_mount);
    }
    let c = &args.config;
    tracing::info!(
        %addr,
        max_body_bytes = c.max_body_bytes,
        max_header_count = c.max_header_count,
        max_header_bytes = c.max_header_bytes,
        header_read_timeout = ?c.header_read_timeout,
        request_timeout = ?c.request_timeout,
        max_connections = c.max_connections,
        forward = c.forward.is_some(),
        oauth_test = c.oauth_test,
        "serving"
    );
    // Its clients and secrets are published, so anyone who can reach it can get its tokens: they protect
    // nothing but its own test resource, which is why this is a warning and not a refusal.
    if c.oauth_test && !addr.ip().is_loopback() {
        tracing::warn!(%addr, "the OAuth test server's clients and secrets are public; its tokens protect nothing");
    }
    if let Err(err) = serve(listener, args.config, shutdown_signal()).await {
        eprintln!("reqlab-echo: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Forwarding is for loopback; reachable from other hosts it must at least know who may use it.
fn exposure_check(config: &Config, addr: std::net::SocketAddr) -> Result<(), String> {
    match &config.forward {
        Some(f) if !addr.ip().is_loopback() && f.token.is_none() && f.allowed_origins.is_empty() => Err(
            format!(
                "--forward on {addr}, which other hosts can reach, needs --forward-token or --forward-origins"
            ),
        ),
        _ => Ok(()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_parse() {
        for (text, expected) in [
            ("10", Some(10)),
            ("64K", Some(65536)),
            ("2m", Some(2 << 20)),
            ("x", None),
        ] {
            assert_eq!(parse_size(text).ok(), expected, "{text}");
        }
        assert_eq!(parse_secs("0.5").ok(), Some(Duration::from_millis(500)));
        for bad in ["-1", "1e300", "nan", "inf", "x"] {
            assert!(parse_secs(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_set_the_config() {
        let argv = [
            "--max-body-bytes",
            "1K",
            "--exclude-headers",
            "X-Forwarded-For,Via",
            "--forward",
        ];
        let args = parse_args(argv.iter().map(|s| s.to_string())).expect("valid flags");
        assert_eq!(args.config.max_body_bytes, 1024);
        assert_eq!(args.config.exclude_headers, ["x-forwarded-for", "via"]);
        assert!(args.config.forward.is_some());
        assert!(!args.config.oauth_test);
        let args = parse_args(["--oauth-test".to_string()].into_iter()).expect("valid flag");
        assert!(args.config.oauth_test);
    }

    #[test]
    fn forwarding_off_loopback_needs_a_token_or_origins() {
        let forward = Config {
            forward: Some(ForwardConfig::default()),
            ..Config::default()
        };
        let public: std::net::SocketAddr = "0.0.0.0:8080".parse().expect("address");
        let local: std::net::SocketAddr = "127.0.0.1:8080".parse().expect("address");
        assert!(exposure_check(&forward, local).is_ok());
        assert!(exposure_check(&forward, public).is_err());
        let with_token = Config {
            forward: Some(ForwardConfig {
                token: Some("t".to_string()),
                ..ForwardConfig::default()
            }),
            ..Config::default()
        };
        assert!(exposure_check(&with_token, public).is_ok());
        assert!(exposure_check(&Config::default(), public).is_ok());
    }

    #[test]
    fn every_listed_flag_is_understood() {
        for (name, placeholder, ..) in FLAGS {
            let sample = match *placeholder {
                "" => "true",
                "N" => "5",
                "SECS" => "1.5",
                "IPS" => "10.0.0.5",
                _ => "/x",
            };
            let mut args = Args {
                listen: String::new(),
                log: String::new(),
                config: Config::default(),
            };
            assert!(apply(&mut args, name, sample).is_ok(), "{name}");
        }
        let argv = ["--forward-allow-address", "10.0.0.5, ::1"];
        let args = parse_args(argv.iter().map(|s| s.to_string())).expect("valid flags");
        let forward = args.config.forward.expect("forwarding on");
        assert_eq!(forward.allow_addresses.len(), 2);
    }

    #[test]
    fn help_names_every_flag_with_its_default() {
        let text = usage();
        for (name, _, env, default, _) in FLAGS {
            assert!(
                text.contains(name)
                    && text.contains(env)
                    && text.contains(&format!("default {default}"))
            );
        }
    }
}

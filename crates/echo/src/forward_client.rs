//! One outbound HTTP/1.1 exchange for forward mode: resolve, check every address, connect to the checked
//! address itself (so DNS cannot change its answer between check and use), TLS for https, send, read the
//! response within the size cap (or hand its body over unread, for streaming), and time each phase.
//! Resolving and connecting are shared with the WebSocket relay, so both pass the same checks.

use crate::ssrf::is_public;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;
use url::{Host, Url};

/// Why an exchange did not produce a response; `Refused` is the SSRF guard speaking.
#[derive(Debug)]
pub enum Failure {
    Refused(String),
    Upstream(String),
    TooLarge(usize),
}

pub struct Exchange {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub address: SocketAddr,
    pub dns_ms: f64,
    pub connect_ms: f64,
    pub tls_ms: f64,
    pub wait_ms: f64,
    pub download_ms: f64,
}

/// Headers that describe one connection, not the message: never passed on.
pub const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
];

/// A connection to the upstream, plain or TLS.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Which non-public addresses may be reached.
pub struct Policy<'a> {
    pub allow_private: bool,
    pub exceptions: &'a [IpAddr],
}

/// The schemes HTTP forwarding accepts: the plain one, then the TLS one.
pub const HTTP: [&str; 2] = ["http", "https"];

/// Every address `url` may mean, each checked; refused when any of them is not public, or when the URL's
/// scheme is not one of `schemes` (plain, TLS).
pub async fn resolve(
    url: &Url,
    policy: &Policy<'_>,
    schemes: [&str; 2],
) -> Result<Vec<SocketAddr>, Failure> {
    if !schemes.contains(&url.scheme()) {
        return Err(Failure::Refused(format!(
            "only {} and {} URLs are accepted here, not {}:",
            schemes[0],
            schemes[1],
            url.scheme()
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Failure::Refused(
            "put credentials in an Authorization header, not in the URL".to_string(),
        ));
    }
    let port = url
        .port_or_known_default()
        .ok_or_else(|| Failure::Refused("the URL has no port".to_string()))?;
    let addresses: Vec<SocketAddr> = match url.host() {
        Some(Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        Some(Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        Some(Host::Domain(name)) => {
            // `localhost.` is `localhost`; and `localhost` names are loopback whatever DNS says (RFC 6761).
            let name = name.trim_end_matches('.');
            let lower = name.to_ascii_lowercase();
            if !policy.allow_private && (lower == "localhost" || lower.ends_with(".localhost")) {
                return Err(Failure::Refused(format!(
                    "{name} is this machine (see --allow-private)"
                )));
            }
            tokio::net::lookup_host((name, port))
                .await
                .map_err(|e| Failure::Upstream(format!("cannot resolve {name}: {e}")))?
                .collect()
        }
        None => return Err(Failure::Refused("the URL has no host".to_string())),
    };
    if addresses.is_empty() {
        return Err(Failure::Upstream("the host has no addresses".to_string()));
    }
    if !policy.allow_private {
        let allowed = |ip: IpAddr| is_public(ip) || policy.exceptions.contains(&ip);
        if let Some(bad) = addresses.iter().find(|a| !allowed(a.ip())) {
            return Err(Failure::Refused(format!(
                "{} resolves to {}, a loopback, private or special address (see --allow-private)",
                url.host_str().unwrap_or_default(),
                bad.ip()
            )));
        }
    }
    Ok(addresses)
}

fn tls_connector() -> Result<tokio_rustls::TlsConnector, Failure> {
    static CONFIG: OnceLock<Result<Arc<rustls::ClientConfig>, String>> = OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map(|builder| Arc::new(builder.with_root_certificates(roots).with_no_client_auth()))
        .map_err(|e| e.to_string())
    });
    match config {
        Ok(config) => Ok(tokio_rustls::TlsConnector::from(config.clone())),
        Err(e) => Err(Failure::Upstream(format!("TLS is unavailable: {e}"))),
    }
}

/// A connection made to one of the checked addresses, TLS already spoken when the scheme asks for it.
pub struct Connection {
    pub stream: Box<dyn Io>,
    pub address: SocketAddr,
    pub connect_ms: f64,
    pub tls_ms: f64,
}

/// Connects to the first of `addresses` (already checked by `resolve`) that answers, never to a name that
/// could resolve again differently; TLS with the URL's host name when its scheme is `tls_scheme`.
pub async fn connect(
    url: &Url,
    addresses: &[SocketAddr],
    tls_scheme: &str,
) -> Result<Connection, Failure> {
    let connecting = Instant::now();
    let mut last_error = String::from("no address");
    let mut connected = None;
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => {
                connected = Some((stream, *address));
                break;
            }
            Err(e) => last_error = format!("{address}: {e}"),
        }
    }
    let Some((tcp, address)) = connected else {
        return Err(Failure::Upstream(format!("cannot connect: {last_error}")));
    };
    let _ = tcp.set_nodelay(true);
    let connect_ms = ms(connecting);

    let handshaking = Instant::now();
    let secure = url.scheme() == tls_scheme;
    let stream: Box<dyn Io> = if secure {
        let host = url.host_str().unwrap_or_default();
        let name = rustls::pki_types::ServerName::try_from(
            host.trim_start_matches('[')
                .trim_end_matches(']')
                .to_string(),
        )
        .map_err(|e| Failure::Upstream(format!("{host} is not a TLS server name: {e}")))?;
        let tls = tls_connector()?
            .connect(name, tcp)
            .await
            .map_err(|e| Failure::Upstream(format!("TLS handshake failed: {e}")))?;
        Box::new(tls)
    } else {
        Box::new(tcp)
    };
    Ok(Connection {
        stream,
        address,
        connect_ms,
        tls_ms: if secure { ms(handshaking) } else { 0.0 },
    })
}

/// A response whose head has arrived and whose body has not been read yet.
pub struct Started {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub incoming: Incoming,
    pub address: SocketAddr,
    pub dns_ms: f64,
    pub connect_ms: f64,
    pub tls_ms: f64,
    pub wait_ms: f64,
}

/// Sends one request to `url` and returns once the response head is in; the body is the caller's to read.
pub async fn start(
    url: &Url,
    method: &Method,
    headers: &[(String, String)],
    body: Bytes,
    policy: &Policy<'_>,
) -> Result<Started, Failure> {
    let started = Instant::now();
    let addresses = resolve(url, policy, HTTP).await?;
    let dns_ms = ms(started);
    let Connection {
        stream,
        address,
        connect_ms,
        tls_ms,
    } = connect(url, &addresses, HTTP[1]).await?;

    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| Failure::Upstream(format!("HTTP handshake failed: {e}")))?;
    tokio::spawn(connection);

    let target = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_string(),
    };
    let mut request = Request::builder().method(method.clone()).uri(target);
    let host_header = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    request = request.header("host", host_header);
    for (name, value) in headers {
        if !HOP_BY_HOP.contains(&name.to_ascii_lowercase().as_str()) {
            request = request.header(name.as_str(), value.as_str());
        }
    }
    let request = request
        .body(Full::new(body))
        .map_err(|e| Failure::Refused(format!("the request is not valid HTTP: {e}")))?;

    let waiting = Instant::now();
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| Failure::Upstream(format!("no response: {e}")))?;
    let wait_ms = ms(waiting);
    let (parts, incoming) = response.into_parts();
    Ok(Started {
        status: parts.status,
        headers: parts.headers,
        incoming,
        address,
        dns_ms,
        connect_ms,
        tls_ms,
        wait_ms,
    })
}

impl Started {
    /// Reads the whole body, at most `max_bytes` of it.
    pub async fn collect(self, max_bytes: usize) -> Result<Exchange, Failure> {
        let downloading = Instant::now();
        let body = Limited::new(self.incoming, max_bytes)
            .collect()
            .await
            .map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    Failure::TooLarge(max_bytes)
                } else {
                    Failure::Upstream(format!("the response body broke off: {e}"))
                }
            })?
            .to_bytes();
        Ok(Exchange {
            status: self.status,
            headers: self.headers,
            body,
            address: self.address,
            dns_ms: self.dns_ms,
            connect_ms: self.connect_ms,
            tls_ms: self.tls_ms,
            wait_ms: self.wait_ms,
            download_ms: ms(downloading),
        })
    }
}

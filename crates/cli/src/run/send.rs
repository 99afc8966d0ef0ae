//! `reqlab run`, the network side: a prepared request sent from the host as it stands (headers in order,
//! the body's exact bytes), its send-time auth applied as the app applies it, and the answer read whole.

use reqlab_core::auth::apply::{self, Applied, SendTime};
use reqlab_core::prepare::multipart;
use reqlab_core::run::Exchange;
use reqlab_core::{PreparedAuth, PreparedBody, PreparedRequest};
use std::path::Path;
use std::time::{Duration, Instant};
use ureq::Agent;

/// Bodies larger than this are cut (the checks read the start); runs test APIs, not downloads.
const BODY_LIMIT_BYTES: u64 = 64 * 1024 * 1024;
/// Redirects followed when the request follows them (fetch's limit).
const MAX_REDIRECTS: u32 = 20;

/// Sends requests for one run; keeps connections alive between them.
pub struct HostSender {
    agent: Agent,
    /// Where file bodies' relative names are read from: the collection's folder.
    base: std::path::PathBuf,
}

impl HostSender {
    pub fn new(base: &Path) -> HostSender {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .max_redirects_will_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        HostSender {
            agent,
            base: base.to_path_buf(),
        }
    }

    /// Sends `prepared`, with its auth applied at send time (AWS signed now; Digest answered after the
    /// server's 401 challenge, with a second request).
    pub fn send(
        &self,
        mut prepared: PreparedRequest,
        time: SendTime<'_>,
    ) -> Result<Exchange, String> {
        if matches!(prepared.auth, PreparedAuth::OAuth2 { .. }) && time.token.is_none() {
            return Err(
                "OAuth 2.0 needs a token: get one in the app, then give it with --token VALUE"
                    .into(),
            );
        }
        let waits = matches!(
            apply::apply(&mut prepared, &time).map_err(|e| e.to_string())?,
            Applied::WaitsForChallenge
        );
        let started = Instant::now();
        let mut exchange = self.exchange(&prepared)?;
        if waits && exchange.status == 401 {
            if let Some(challenge) = header(&exchange, "www-authenticate") {
                let answered = SendTime {
                    challenge: Some(&challenge),
                    ..time
                };
                apply::apply(&mut prepared, &answered).map_err(|e| e.to_string())?;
                exchange = self.exchange(&prepared)?;
            }
        }
        exchange.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(exchange)
    }

    fn exchange(&self, prepared: &PreparedRequest) -> Result<Exchange, String> {
        let mut builder = ureq::http::Request::builder()
            .method(prepared.method.as_str())
            .uri(prepared.url.to_string());
        for (name, value) in &prepared.headers {
            builder = builder.header(name, value);
        }
        let (content_type, body) = self.body(&prepared.body)?;
        if let Some(content_type) = content_type {
            builder = builder.header("content-type", content_type);
        }
        let request = builder
            .body(body)
            .map_err(|e| format!("cannot send this request: {e}"))?;
        let follow = prepared.options.redirect == reqlab_core::edit::model::RedirectMode::Follow;
        let request = self
            .agent
            .configure_request(request)
            .max_redirects(if follow { MAX_REDIRECTS } else { 0 })
            .allow_non_standard_methods(true)
            .build();
        let mut response = self.agent.run(request).map_err(describe)?;
        let status = response.status();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT_BYTES)
            .read_to_vec()
            .map_err(describe)?;
        Ok(Exchange {
            status: status.as_u16(),
            status_text: status.canonical_reason().unwrap_or_default().to_string(),
            headers,
            body,
            elapsed_ms: 0.0,
        })
    }

    /// The body's bytes, and the Content-Type a multipart body gets (with the boundary it was written with).
    fn body(&self, body: &PreparedBody) -> Result<(Option<String>, Vec<u8>), String> {
        Ok(match body {
            PreparedBody::None => (None, Vec::new()),
            PreparedBody::Text(text) => (None, text.clone().into_bytes()),
            PreparedBody::UrlEncoded(fields) => {
                (None, PreparedBody::url_encoded(fields).into_bytes())
            }
            PreparedBody::File(file) => (None, self.file_bytes(file)?),
            PreparedBody::Multipart(parts) => {
                let mut parts = parts.clone();
                for part in &mut parts {
                    if let reqlab_core::PreparedPartValue::File(file) = &mut part.value {
                        let bytes = self.file_bytes(file)?;
                        file.data = Some(bytes.into());
                    }
                }
                let (content_type, bytes) = multipart::encode(&parts);
                (Some(content_type), bytes)
            }
        })
    }

    /// A file body's bytes: those the request carries, or the file its name gives, next to the collection.
    fn file_bytes(&self, file: &reqlab_core::FileRef) -> Result<Vec<u8>, String> {
        if let Some(data) = &file.data {
            return Ok(data.to_vec());
        }
        let path = self.base.join(&file.name);
        std::fs::read(&path)
            .map_err(|e| format!("cannot read the body's file {}: {e}", path.display()))
    }
}

fn header(exchange: &Exchange, name: &str) -> Option<String> {
    exchange
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// A transport error as a sentence: what failed and where.
fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Io(e) => format!("no answer: {e}"),
        ureq::Error::HostNotFound => "no answer: the host name does not resolve".to_string(),
        ureq::Error::Timeout(what) => format!("no answer: timed out ({what:?})"),
        other => format!("no answer: {other}"),
    }
}

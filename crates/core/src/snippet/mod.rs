//! Snippet stage: turns a `PreparedRequest` into source code for one target (language + client).
//!
//! Each target lives in its own file under `targets/<language>/`, which declares the target's registry entry
//! beside its generator; `TARGETS` below lists them in picker order. What the targets of one language share
//! lives in that language's `mod.rs`, what several languages share in a helper module here (`curl_args`,
//! `invisible_note`, `written_multipart`); no target file imports another. Targets quote user data only
//! through `quote`, never by hand.

mod code_builder;
mod curl_args;
pub mod headers;
pub mod highlight;
mod invisible_note;
pub mod option_use;
pub mod quote;
mod send_time_auth;
mod targets;
mod websocket;
mod written_multipart;

use crate::prepare::PreparedRequest;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use thiserror::Error;

/// Generated source code, plus sentences saying where it cannot send exactly what the app sends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub code: String,
    pub warnings: Vec<String>,
}

/// How the user likes their code laid out. Serializable because the app remembers it between visits; a
/// field missing from what was stored takes its default, so older saved choices still load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Spaces per indentation level.
    pub indent: usize,
    /// `--header` rather than `-H` for command-line targets.
    pub long_flags: bool,
    /// One argument per line with `\` continuations, or everything on one line.
    pub multiline: bool,
    /// python-requests: send through a `requests.Session()` (what code that sends more than once uses).
    pub python_session: bool,
    /// Write the request's timeout, when it has one. Off, every target waits as long as its client does.
    pub include_timeout: bool,
    /// The instant, in Unix seconds, an AWS Signature Version 4 snippet is signed at (the caller's clock:
    /// core has none). `None`: the targets that cannot sign themselves write the request unsigned and say it
    /// must be signed. Never stored with the other choices: a signature made at a remembered time would be
    /// stale on the next visit.
    #[serde(skip)]
    pub sign_at: Option<i64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            indent: 4,
            long_flags: true,
            multiline: true,
            python_session: false,
            include_timeout: true,
            sign_at: None,
        }
    }
}

/// One entry of the registry. The id is a public contract: the CLI, share links and embeds use it.
pub struct Target {
    pub id: &'static str,
    pub label: &'static str,
    /// The client's own name, unique within its language (what a client picker lists under the language).
    pub client: &'static str,
    /// Targets of one language are next to each other in `TARGETS`, so pickers can group them in order.
    pub language: &'static str,
    /// File extension of the generated source, without the dot.
    pub extension: &'static str,
    /// Whether the test suite executes this target's snippets against reqlab-echo on this machine.
    pub runnable_here: bool,
    /// Who tells the user how a header value outside ASCII goes out.
    pub non_ascii_headers: NonAsciiHeaders,
    /// Whether the snippet prints a streamed response as it arrives (`PreparedRequest::expects_stream`);
    /// when it cannot, `Target::generate` says that it prints the response once it has ended.
    pub reads_streams: bool,
    /// Whether the client answers a Digest challenge itself (the target then writes the credentials its way).
    pub digest: DigestSupport,
    /// Whether the client signs AWS Signature Version 4 requests itself (curl's `--aws-sigv4`): the target
    /// then writes the settings, and a signature made now only where the client cannot (see
    /// `send_time_auth`).
    pub signs_aws: bool,
    generate: fn(&PreparedRequest, &Options) -> Snippet,
    /// The generator for a WebSocket request (a `ws://` or `wss://` URL), when the target has a WebSocket
    /// client; without one, `Target::generate` writes a comment saying so, never HTTP code.
    websocket: Option<fn(&PreparedRequest, &Options) -> Snippet>,
}

/// Whether a target's client answers an HTTP Digest challenge (RFC 7616) by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestSupport {
    /// It does: the target writes the user name and password the client's way.
    Answers,
    /// It cannot: the snippet sends no credentials, and `Target::generate` warns, naming `advice` (what
    /// does answer it, such as another library).
    Cannot { advice: &'static str },
}

/// What a target's snippet says about header values outside ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonAsciiHeaders {
    /// The client sends their UTF-8 bytes, as curl does: `Target::generate` adds the common note.
    Utf8,
    /// The target says itself what happens (a browser's Latin-1, a client that refuses or rewrites them).
    OwnNote,
}

impl Target {
    /// Whether this target writes WebSocket code for a `ws://` or `wss://` URL.
    pub fn has_websocket_client(&self) -> bool {
        self.websocket.is_some()
    }

    pub fn generate(&self, request: &PreparedRequest, options: &Options) -> Snippet {
        // Leaving the timeout out is done here, once, so no target can forget it: the target sees a request
        // without one, and writes neither the timeout nor any warning about it.
        let request = match request.options.timeout_ms {
            Some(_) if !options.include_timeout => {
                let mut without = request.clone();
                without.options.timeout_ms = None;
                Cow::Owned(without)
            }
            _ => Cow::Borrowed(request),
        };
        // Digest, AWS and OAuth are made at send time; what a snippet writes in their place is decided here,
        // once: a signature made now, the token placeholder, or a warning that the client cannot answer.
        let mut auth_warnings = Vec::new();
        let request = send_time_auth::ready(self, request, options, &mut auth_warnings);
        // A WebSocket URL is decided here, once, so no target can send HTTP to it: the target's WebSocket
        // generator writes the code, or a comment says the client has none.
        let generator = match (request.url.is_websocket(), self.websocket) {
            (false, _) => self.generate,
            (true, Some(websocket)) => websocket,
            (true, None) => return websocket::without_client(self),
        };
        let mut snippet = generator(&request, options);
        snippet.warnings.extend(auth_warnings);
        if !self.reads_streams && request.expects_stream() {
            snippet.warnings.push(format!(
                "{} prints the response once it has ended, not event by event as a stream arrives.",
                self.label
            ));
        }
        if self.non_ascii_headers == NonAsciiHeaders::Utf8 {
            snippet
                .warnings
                .extend(headers::utf8_value_note(&request.headers, self.client));
        }
        snippet
    }
}

/// Every target, in the order pickers show them. Each target declares its own entry beside its generator.
pub static TARGETS: &[Target] = &[
    // Command line and the raw message.
    targets::shell::curl::TARGET,
    targets::shell::wget::TARGET,
    targets::shell::httpie::TARGET,
    targets::cmd::curl::TARGET,
    targets::powershell::curl::TARGET,
    targets::powershell::restmethod::TARGET,
    targets::http::raw::TARGET,
    // Python.
    targets::python::requests::TARGET,
    targets::python::http_client::TARGET,
    targets::python::urllib3::TARGET,
    targets::python::httpx::TARGET,
    // Only where the GraphQL language is: the snippet worker, on every first visit, goes without it; the
    // GraphQL editor offers it (`python_gql`).
    #[cfg(feature = "graphql")]
    targets::python::gql::TARGET,
    // JavaScript, in the browser and in Node.
    targets::javascript::browser_fetch::TARGET,
    targets::javascript::xhr::TARGET,
    targets::javascript::jquery::TARGET,
    targets::javascript::node_fetch::TARGET,
    targets::javascript::axios::TARGET,
    targets::javascript::node_http::TARGET,
    // Compiled and other languages.
    targets::go::net_http::TARGET,
    targets::c::libcurl::TARGET,
    targets::ruby::net_http::TARGET,
    targets::php::curl::TARGET,
    targets::php::guzzle::TARGET,
    targets::jvm::java_httpclient::TARGET,
    targets::jvm::java_okhttp::TARGET,
    targets::jvm::kotlin_okhttp::TARGET,
    targets::csharp::httpclient::TARGET,
    targets::swift::urlsession::TARGET,
    targets::dart::http::TARGET,
    targets::rust::reqwest::TARGET,
];

/// Python's `gql` client: the idiomatic GraphQL variant, which the GraphQL editor shows beside the query (its
/// generator alone: `Target::generate`'s send-time auth would bring much of the snippet worker with it).
#[cfg(feature = "graphql")]
pub use targets::python::gql::generate as python_gql;

/// Milliseconds as the decimal seconds most clients take for timeouts (`2.5`).
/// In integers: formatting an f64 would bring the float printer (some 5 KB) into the snippet worker.
pub(crate) fn seconds(ms: u32) -> String {
    let text = format!("{}.{:03}", ms / 1000, ms % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("Unknown snippet target \"{0}\". Run `reqlab targets` to list the valid ids.")]
pub struct UnknownTarget(pub String);

pub fn find_target(id: &str) -> Result<&'static Target, UnknownTarget> {
    TARGETS
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| UnknownTarget(id.to_string()))
}

/// Generates the snippet for the target with this id.
pub fn generate(
    id: &str,
    request: &PreparedRequest,
    options: &Options,
) -> Result<Snippet, UnknownTarget> {
    Ok(find_target(id)?.generate(request, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Whether the target writes code for any request: gql writes a comment for one that is no GraphQL
    /// operation sent by POST.
    pub(crate) fn writes_every_request(target: &Target) -> bool {
        target.id != "python-gql"
    }

    /// The snippet the target with this id writes, with the default options, for a request given as JSON.
    pub(crate) fn generate_from_json(id: &str, json: &str) -> Snippet {
        generate(id, &prepared_from_json(json), &Options::default()).expect("known target")
    }

    fn prepared_from_json(json: &str) -> PreparedRequest {
        let request: crate::edit::model::Request =
            serde_json::from_str(json).expect("valid request JSON");
        crate::prepare::prepare(&request, &crate::edit::model::Environment::default())
            .expect("prepares")
    }

    #[test]
    fn every_target_says_how_a_header_value_outside_ascii_goes_out() {
        let json =
            r#"{"method":"GET","url":"http://h/","headers":[{"key":"X-Note","value":"café ✓"}]}"#;
        for target in TARGETS {
            let warnings = generate_from_json(target.id, json).warnings;
            let common = warnings
                .iter()
                .filter(|w| w.contains("as UTF-8 bytes, as curl does"))
                .count();
            let expected = usize::from(target.non_ascii_headers == NonAsciiHeaders::Utf8);
            assert_eq!(common, expected, "{}: {warnings:?}", target.id);
            assert!(
                warnings.iter().any(|w| w.contains("X-Note")),
                "{} names the header: {warnings:?}",
                target.id
            );
        }
    }

    #[test]
    fn target_ids_are_unique_lowercase_digits_and_dashes() {
        let mut seen = HashSet::new();
        for target in TARGETS {
            assert!(seen.insert(target.id), "duplicate id {}", target.id);
            assert!(
                target
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "id {} must be lowercase letters, digits and dashes",
                target.id
            );
        }
    }

    #[test]
    fn without_include_timeout_no_target_writes_the_timeout() {
        let mut request = crate::Request {
            url: "https://h/x".into(),
            ..crate::Request::default()
        };
        let untimed = crate::prepare(&request, &crate::Environment::default()).expect("prepares");
        request.options.timeout_ms = Some(2500);
        let timed = crate::prepare(&request, &crate::Environment::default()).expect("prepares");
        let off = Options {
            include_timeout: false,
            ..Options::default()
        };
        for target in TARGETS {
            assert_eq!(
                target.generate(&timed, &off),
                target.generate(&untimed, &Options::default()),
                "{}",
                target.id
            );
            // The raw message has no place for a timeout; every other target writes it by default.
            if target.id != "http-raw" && writes_every_request(target) {
                assert_ne!(
                    target.generate(&timed, &Options::default()),
                    target.generate(&untimed, &Options::default()),
                    "{} ignores the timeout",
                    target.id
                );
            }
        }
    }

    #[test]
    fn options_missing_from_stored_json_take_their_defaults() {
        let options: Options = serde_json::from_str(r#"{"indent": 2}"#).expect("parses");
        assert_eq!(
            options,
            Options {
                indent: 2,
                ..Options::default()
            }
        );
    }

    #[test]
    fn each_language_is_one_run_of_targets_with_distinct_clients() {
        let mut seen: Vec<&str> = Vec::new();
        for pair in TARGETS.windows(2) {
            if pair[0].language != pair[1].language {
                seen.push(pair[0].language);
                assert!(
                    !seen.contains(&pair[1].language),
                    "{} targets are split",
                    pair[1].language
                );
            }
        }
        let mut clients = HashSet::new();
        for target in TARGETS {
            assert!(
                clients.insert((target.language, target.client)),
                "{} repeats a client name in {}",
                target.id,
                target.language
            );
        }
    }

    /// A request that expects a stream is read as one where the client can, and the targets that print the
    /// response once it has ended say so.
    #[test]
    fn a_streamed_response_is_read_as_it_arrives() {
        let streamed = r#"{"method": "POST", "url": "http://h/sse", "headers": [{"key": "Accept", "value": "text/event-stream"}], "body": {"mode": "raw", "text": "{}"}}"#;
        let plain =
            r#"{"method": "POST", "url": "http://h/sse", "body": {"mode": "raw", "text": "{}"}}"#;
        let idioms = [
            ("shell-curl", "--no-buffer"),
            ("cmd-curl", "--no-buffer"),
            ("powershell-curl", "--no-buffer"),
            ("shell-httpie", "--stream"),
            ("python-requests", "stream=True"),
            ("python-http-client", "for line in response:"),
            ("python-urllib3", "preload_content=False"),
            ("python-httpx", "httpx.stream("),
            ("js-fetch", "response.body.getReader()"),
            ("node-fetch", "response.body.getReader()"),
            ("node-axios", "responseType: \"stream\""),
            ("node-http", "process.stdout.write(chunk)"),
            ("go-native", "bufio.NewScanner(resp.Body)"),
            ("ruby-net-http", "response.read_body do |chunk|"),
            ("java-httpclient", "BodyHandlers.ofLines()"),
            ("c-libcurl", "setvbuf(stdout, NULL, _IONBF, 0);"),
        ];
        for (id, idiom) in idioms {
            assert!(
                generate_from_json(id, streamed).code.contains(idiom),
                "{id}"
            );
            assert!(!generate_from_json(id, plain).code.contains(idiom), "{id}");
        }
        for target in TARGETS {
            let warns = |json| {
                target
                    .generate(&prepared_from_json(json), &Options::default())
                    .warnings
                    .iter()
                    .filter(|w| w.contains("once it has ended"))
                    .count()
            };
            let expected = usize::from(!target.reads_streams);
            assert_eq!(warns(streamed), expected, "{}", target.id);
            assert_eq!(warns(plain), 0, "{}", target.id);
        }
    }

    #[test]
    fn unknown_targets_are_named_in_the_error() {
        let err = find_target("cobol-magic").err().expect("unknown");
        assert!(err.to_string().contains("\"cobol-magic\""));
    }
}

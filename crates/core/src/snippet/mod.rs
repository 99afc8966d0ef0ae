//! Snippet stage: turns a `PreparedRequest` into source code for one target (language + client).
//!
//! One registry table below names every target; each target lives in its own file under `targets/`, and
//! quotes user data only through `quote`, never by hand.

mod code_builder;
pub mod headers;
pub mod highlight;
pub mod option_use;
mod php_ruby_multipart;
pub mod quote;
mod targets;

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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            indent: 4,
            long_flags: true,
            multiline: true,
            python_session: false,
            include_timeout: true,
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
    generate: fn(&PreparedRequest, &Options) -> Snippet,
}

impl Target {
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
        let mut snippet = (self.generate)(&request, options);
        // Browser targets explain their own Latin-1 limit, and clients that cannot send UTF-8 bytes say what
        // they do instead; every other client sends UTF-8 bytes.
        if !self.id.starts_with("js-") && !NO_UTF8_HEADER_VALUES.contains(&self.id) {
            snippet
                .warnings
                .extend(headers::utf8_value_note(&request.headers, self.client));
        }
        snippet
    }
}

/// Targets whose client cannot send a header value's UTF-8 bytes at all: each warns in its own words.
const NO_UTF8_HEADER_VALUES: &[&str] = &["java-httpclient", "dart-http", "powershell-restmethod"];

/// Every target, in the order pickers show them.
pub static TARGETS: &[Target] = &[
    // Command line and the raw message.
    Target {
        id: "shell-curl",
        label: "curl",
        client: "curl",
        language: "Shell",
        extension: "sh",
        runnable_here: true,
        generate: targets::shell_curl::generate,
    },
    Target {
        id: "shell-wget",
        label: "Wget",
        client: "Wget",
        language: "Shell",
        extension: "sh",
        runnable_here: true,
        generate: targets::shell_wget::generate,
    },
    Target {
        id: "shell-httpie",
        label: "HTTPie",
        client: "HTTPie",
        language: "Shell",
        extension: "sh",
        runnable_here: true,
        generate: targets::shell_httpie::generate,
    },
    // Golden-only: cmd.exe and PowerShell do not install here (see TOOLCHAIN.md).
    Target {
        id: "cmd-curl",
        label: "curl (Windows cmd)",
        client: "curl",
        language: "Windows cmd",
        extension: "bat",
        runnable_here: false,
        generate: targets::cmd_curl::generate,
    },
    Target {
        id: "powershell-curl",
        label: "curl.exe (PowerShell)",
        client: "curl.exe",
        language: "PowerShell",
        extension: "ps1",
        runnable_here: false,
        generate: targets::powershell_curl::generate,
    },
    Target {
        id: "powershell-restmethod",
        label: "PowerShell Invoke-RestMethod",
        client: "Invoke-RestMethod",
        language: "PowerShell",
        extension: "ps1",
        runnable_here: false,
        generate: targets::powershell_restmethod::generate,
    },
    Target {
        id: "http-raw",
        label: "Raw HTTP/1.1 message",
        client: "HTTP/1.1 message",
        language: "HTTP",
        extension: "http",
        runnable_here: true,
        generate: targets::http_raw::generate,
    },
    // Python.
    Target {
        id: "python-requests",
        label: "Python requests",
        client: "requests",
        language: "Python",
        extension: "py",
        runnable_here: true,
        generate: targets::python_requests::generate,
    },
    Target {
        id: "python-http-client",
        label: "Python http.client",
        client: "http.client",
        language: "Python",
        extension: "py",
        runnable_here: true,
        generate: targets::python_http_client::generate,
    },
    Target {
        id: "python-urllib3",
        label: "Python urllib3",
        client: "urllib3",
        language: "Python",
        extension: "py",
        runnable_here: true,
        generate: targets::python_urllib3::generate,
    },
    Target {
        id: "python-httpx",
        label: "Python httpx",
        client: "httpx",
        language: "Python",
        extension: "py",
        runnable_here: true,
        generate: targets::python_httpx::generate,
    },
    // JavaScript, in the browser and in Node.
    Target {
        id: "js-fetch",
        label: "JavaScript fetch",
        client: "fetch",
        language: "JavaScript",
        extension: "js",
        runnable_here: true,
        generate: targets::js_fetch::generate,
    },
    Target {
        id: "js-xhr",
        label: "JavaScript XMLHttpRequest",
        client: "XMLHttpRequest",
        language: "JavaScript",
        extension: "js",
        runnable_here: true,
        generate: targets::js_xhr::generate,
    },
    Target {
        id: "js-jquery",
        label: "JavaScript jQuery",
        client: "jQuery",
        language: "JavaScript",
        extension: "js",
        runnable_here: true,
        generate: targets::js_jquery::generate,
    },
    Target {
        id: "node-fetch",
        label: "Node fetch",
        client: "fetch",
        language: "Node.js",
        extension: "mjs",
        runnable_here: true,
        generate: targets::node_fetch::generate,
    },
    Target {
        id: "node-axios",
        label: "Node axios",
        client: "axios",
        language: "Node.js",
        extension: "mjs",
        runnable_here: true,
        generate: targets::node_axios::generate,
    },
    Target {
        id: "node-http",
        label: "Node http",
        client: "http",
        language: "Node.js",
        extension: "mjs",
        runnable_here: true,
        generate: targets::node_http::generate,
    },
    // Compiled and other languages.
    Target {
        id: "go-native",
        label: "Go net/http",
        client: "net/http",
        language: "Go",
        extension: "go",
        runnable_here: true,
        generate: targets::go_native::generate,
    },
    Target {
        id: "c-libcurl",
        label: "C libcurl",
        client: "libcurl",
        language: "C",
        extension: "c",
        runnable_here: true,
        generate: targets::c_libcurl::generate,
    },
    Target {
        id: "ruby-net-http",
        label: "Ruby Net::HTTP",
        client: "Net::HTTP",
        language: "Ruby",
        extension: "rb",
        runnable_here: true,
        generate: targets::ruby_net_http::generate,
    },
    Target {
        id: "php-curl",
        label: "PHP cURL",
        client: "cURL",
        language: "PHP",
        extension: "php",
        runnable_here: true,
        generate: targets::php_curl::generate,
    },
    Target {
        id: "php-guzzle",
        label: "PHP Guzzle",
        client: "Guzzle",
        language: "PHP",
        extension: "php",
        runnable_here: true,
        generate: targets::php_guzzle::generate,
    },
    Target {
        id: "java-httpclient",
        label: "Java HttpClient",
        client: "HttpClient",
        language: "Java",
        extension: "java",
        runnable_here: true,
        generate: targets::java_httpclient::generate,
    },
    Target {
        id: "java-okhttp",
        label: "Java OkHttp",
        client: "OkHttp",
        language: "Java",
        extension: "java",
        runnable_here: true,
        generate: targets::java_okhttp::generate,
    },
    // Checked by golden files only: kotlinc 1.3 takes about 8 s per file on these machines, which would
    // double the family's executed run; java-okhttp executes the same OkHttp calls.
    Target {
        id: "kotlin-okhttp",
        label: "Kotlin OkHttp",
        client: "OkHttp",
        language: "Kotlin",
        extension: "kt",
        runnable_here: false,
        generate: targets::kotlin_okhttp::generate,
    },
    // Checked by golden files only: .NET does not install here.
    Target {
        id: "csharp-httpclient",
        label: "C# HttpClient",
        client: "HttpClient",
        language: "C#",
        extension: "cs",
        runnable_here: false,
        generate: targets::csharp_httpclient::generate,
    },
    // Checked by golden files only: Swift does not install here (Debian's swift package is something else).
    Target {
        id: "swift-urlsession",
        label: "Swift URLSession",
        client: "URLSession",
        language: "Swift",
        extension: "swift",
        runnable_here: false,
        generate: targets::swift_urlsession::generate,
    },
    // Checked by golden files only: Dart does not install here.
    Target {
        id: "dart-http",
        label: "Dart http",
        client: "http",
        language: "Dart",
        extension: "dart",
        runnable_here: false,
        generate: targets::dart_http::generate,
    },
    // Checked by golden files only: building reqwest takes minutes, too long for every test run.
    Target {
        id: "rust-reqwest",
        label: "Rust reqwest",
        client: "reqwest",
        language: "Rust",
        extension: "rs",
        runnable_here: false,
        generate: targets::rust_reqwest::generate,
    },
];

/// Milliseconds as the decimal seconds most clients take for timeouts (`2.5`).
pub(crate) fn seconds(ms: u32) -> String {
    let text = format!("{:.3}", f64::from(ms) / 1000.0);
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
            if target.id != "http-raw" {
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

    #[test]
    fn unknown_targets_are_named_in_the_error() {
        let err = find_target("cobol-magic").err().expect("unknown");
        assert!(err.to_string().contains("\"cobol-magic\""));
    }
}

//! curl import against our own curl snippets: for generated requests full of hostile text, importing the
//! `shell-curl`, `cmd-curl` and `powershell-curl` snippet gives a request that prepares to the same
//! `PreparedRequest`. 10,000 cases per target; `PROPTEST_CASES` changes that.
//!
//! What cannot survive by design, and how the comparison treats it (nothing else is excluded):
//! - Bearer and API-key auth: the snippets write them as a plain header or query parameter (curl has no
//!   API-key notion), so they come back as that header or parameter with no auth setting. The wire is
//!   compared; the auth kind only for Basic, which curl writes as `--user`.
//! - With Basic auth, `--user` carries no position among the headers, so the relative order of differently
//!   named headers is not compared (HTTP gives it no meaning); the order of same-named headers is.
//! - A raw body that is an encoded form with a form Content-Type and form fields are the same curl command:
//!   bodies are compared as the bytes they send.
//! - Files: snippets name them and carry no bytes; an empty content type and application/octet-stream are
//!   the same `;type=`. Files are compared by name and effective type. Text parts keep their own type.
//! - The import puts the URL in the URL field and derives the query table from it, as the editor does; the
//!   editor then sends the query as its table writes it, which re-encodes minimally (`?a=%3A` goes out as
//!   `?a=:`, `?0=` as `?0`). That is the editor's handling of any typed URL, not something curl-specific, so
//!   URLs are compared after that same editor normalisation on both sides.
//! - fetch's credentials and cache modes have no curl option; generated requests keep the defaults.
//! - Text the target itself warns it cannot carry is not generated: NUL anywhere, and line breaks in cmd.exe.
//! - An empty multipart form: curl has no way to send one without parts (the snippet writes no -F).
//! - A file named `-`: curl reads `@-` as standard input, so the curl targets write it as `./-`, which
//!   imports back as a file named `./-`.
//! - `--max-time 0` means "no limit" to curl: timeouts are generated from 1 ms.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reqlab_core::edit::model::{ApiKeyLocation, RedirectMode};
use reqlab_core::edit::query::{query_from_url, url_with_query};
use reqlab_core::import::curl::{self, Dialect};
use reqlab_core::prepare::url::Url;
use reqlab_core::snippet::{self, Options};
use reqlab_core::{
    prepare_for, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PreparedAuth,
    PreparedBody, PreparedPartValue, PreparedRequest, RawLanguage, Request, RequestOptions, Sender,
};

/// Hostile text: quotes of every kind, backslashes, `$`, backticks, `!`, `%`, `^`, shell operators, line
/// breaks and unicode (typographic quotes and invisible characters included).
fn hostile(line_breaks: bool) -> BoxedStrategy<String> {
    let pattern = if line_breaks {
        "[a-zA-Z0-9 '\"\\\\$`!%^&|;<>(){}\\[\\]#~*?=@,.:/+\t\r\né🦀‘’“”\u{202e}\u{200b}-]{0,16}"
    } else {
        "[a-zA-Z0-9 '\"\\\\$`!%^&|;<>(){}\\[\\]#~*?=@,.:/+\té🦀‘’“”\u{202e}\u{200b}-]{0,16}"
    };
    proptest::string::string_regex(pattern)
        .expect("valid pattern")
        .boxed()
}

/// Header values: printable ASCII and tabs, and characters beyond ASCII and beyond Latin-1 (sent as UTF-8).
fn header_value() -> BoxedStrategy<String> {
    proptest::string::string_regex("[ -~\téü✓🦀‘’]{0,16}")
        .expect("valid pattern")
        .boxed()
}

fn token() -> BoxedStrategy<String> {
    proptest::string::string_regex("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,10}")
        .expect("valid pattern")
        .boxed()
}

fn file_ref() -> BoxedStrategy<FileRef> {
    let name =
        proptest::string::string_regex("[a-zA-Z0-9 '\"\\\\$`!%;,=._é-]{1,12}").expect("pattern");
    let content_type = prop_oneof![
        Just(String::new()),
        Just("application/octet-stream".to_string()),
        Just("image/png".to_string()),
        Just("text/plain".to_string()),
    ];
    // A file named "-": curl reads `@-` as standard input, so the curl targets write `@./-`, which names the
    // same file but imports as "./-".
    (
        name.prop_filter("curl reads @- as standard input", |n| n != "-"),
        content_type,
    )
        .prop_map(|(name, content_type)| FileRef {
            name,
            content_type,
            data: None,
        })
        .boxed()
}

/// A text part's own Content-Type: none, common ones, ones with parameters, and hostile text (no line
/// breaks or NUL, which `prepare` refuses in a part's type). The hostile ones include what curl's `type=`
/// cannot carry (no `/`, a space before it, a `;filename=` inside), which the snippets send another way.
fn part_type() -> BoxedStrategy<String> {
    let hostile = proptest::string::string_regex(
        "[a-zA-Z0-9 '\"\\\\$`!%^&|;<>(){}\\[\\]#~*?=@,.:/+\té🦀‘’“”\u{202e}\u{200b}\u{a0}\u{b}-]{0,16}",
    )
    .expect("valid pattern")
    .boxed();
    let key = prop_oneof![
        Just("type="),
        Just("filename="),
        Just("Headers="),
        Just("encoder="),
        Just("charset="),
    ];
    let with_parameter =
        (key, hostile.clone()).prop_map(|(key, value)| format!("text/plain; {key}{value}"));
    prop_oneof![
        Just(String::new()),
        Just("application/json".to_string()),
        Just("text/plain; charset=utf-8".to_string()),
        with_parameter,
        (hostile.clone(), hostile.clone()).prop_map(|(major, minor)| format!("{major}/{minor}")),
        hostile,
    ]
    .boxed()
}

fn body(line_breaks: bool) -> BoxedStrategy<Body> {
    let language = prop_oneof![
        Just(RawLanguage::Text),
        Just(RawLanguage::Json),
        Just(RawLanguage::Xml),
        Just(RawLanguage::Html),
    ];
    let field = (hostile(line_breaks), hostile(line_breaks)).prop_map(|(k, v)| KeyValue::new(k, v));
    // curl's -F syntax ends a part name at "=", which the snippet says in a warning: no "=" in part names.
    let part_name = hostile(line_breaks).prop_map(|s| s.replace('=', "_"));
    let part = prop_oneof![
        (part_name.clone(), hostile(line_breaks), part_type()).prop_map(
            |(name, value, content_type)| FormPart {
                content_type,
                ..FormPart::text(name, value)
            }
        ),
        (part_name, file_ref()).prop_map(|(name, file)| FormPart::file(name, Some(file))),
    ];
    prop_oneof![
        Just(Body::None),
        (language, hostile(line_breaks)).prop_map(|(language, text)| Body::Raw { language, text }),
        proptest::collection::vec(field, 1..4).prop_map(|fields| Body::UrlEncoded { fields }),
        proptest::collection::vec(part, 1..4).prop_map(|parts| Body::Multipart { parts }),
        file_ref().prop_map(|file| Body::Binary { file: Some(file) }),
    ]
    .boxed()
}

fn auth(line_breaks: bool) -> BoxedStrategy<Auth> {
    let _ = line_breaks;
    let location = prop_oneof![Just(ApiKeyLocation::Header), Just(ApiKeyLocation::Query)];
    prop_oneof![
        Just(Auth::None),
        (header_value(), header_value())
            .prop_map(|(username, password)| Auth::Basic { username, password }),
        header_value().prop_map(|token| Auth::Bearer { token }),
        (token(), header_value(), location).prop_map(|(name, value, location)| Auth::ApiKey {
            name,
            value,
            location
        }),
    ]
    .boxed()
}

fn request(line_breaks: bool) -> BoxedStrategy<Request> {
    let method = prop_oneof![
        Just(Method::Get),
        Just(Method::Post),
        Just(Method::Put),
        Just(Method::Patch),
        Just(Method::Delete),
        Just(Method::Head),
        Just(Method::Options),
        Just(Method::Custom("PROPFIND".into())),
        Just(Method::Custom("M-SEARCH".into())),
    ];
    let base = prop_oneof![
        Just("http://localhost:8080"),
        Just("https://api.example.com"),
        Just("http://127.0.0.1:9"),
    ];
    let url = (base, hostile(false), proptest::option::of(hostile(false))).prop_map(
        |(base, path, query)| match query {
            Some(q) => format!("{base}/{path}?{q}"),
            None => format!("{base}/{path}"),
        },
    );
    let header = (token(), header_value()).prop_map(|(k, v)| KeyValue::new(k, v));
    let redirect = prop_oneof![
        Just(RedirectMode::Follow),
        Just(RedirectMode::Manual),
        Just(RedirectMode::Error),
    ];
    let options =
        (proptest::option::of(1u32..10_000_000), redirect).prop_map(|(timeout_ms, redirect)| {
            RequestOptions {
                timeout_ms,
                redirect,
                ..RequestOptions::default()
            }
        });
    (
        method,
        url,
        proptest::collection::vec(header, 0..4),
        body(line_breaks),
        auth(line_breaks),
        options,
    )
        .prop_map(|(method, url, headers, body, auth, options)| {
            // The query table as the editor derives it from the URL.
            let query = query_from_url(&url, &[]);
            Request {
                method,
                url,
                query,
                headers,
                body,
                auth,
                options,
                ..Request::default()
            }
        })
        .boxed()
}

/// The prepared request with the by-design differences listed at the top made equal.
fn comparable(mut p: PreparedRequest) -> PreparedRequest {
    let typed = p.url.to_string();
    let table = query_from_url(&typed, &[]);
    if !table.is_empty() {
        p.url = Url::parse(&url_with_query(&typed, &table)).expect("a prepared URL parses again");
    }
    let file = |f: &mut FileRef| {
        f.data = None;
        f.content_type = f.effective_content_type().to_string();
    };
    match &mut p.body {
        PreparedBody::File(f) => file(f),
        PreparedBody::Multipart(parts) => {
            for part in parts {
                if let PreparedPartValue::File(f) = &mut part.value {
                    file(f);
                }
            }
        }
        PreparedBody::UrlEncoded(fields) => {
            p.body = PreparedBody::Text(PreparedBody::url_encoded(fields))
        }
        _ => {}
    }
    if matches!(p.auth, PreparedAuth::Basic { .. }) {
        p.headers.sort_by_key(|(name, _)| name.to_ascii_lowercase());
    }
    if matches!(
        p.auth,
        PreparedAuth::Bearer { .. } | PreparedAuth::ApiKey { .. }
    ) {
        p.auth = PreparedAuth::None;
    }
    p
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn round_trip(target: &str, dialect: Dialect, line_breaks: bool) {
    let env = Environment::default();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let checked = std::cell::Cell::new(0u32);
    runner
        .run(&request(line_breaks), |original| {
            // Requests the app itself would refuse (GET with a body, `{{unknown}}`, a colon in a Basic user) have
            // no snippet to import.
            // A snippet is a program, not a page: it is prepared as a server sends (see `Sender`).
            let Ok(prepared) = prepare_for(&original, &env, Sender::Server) else {
                return Ok(());
            };
            // An empty multipart form (see the list at the top).
            if prepared.body == PreparedBody::Multipart(Vec::new()) {
                return Ok(());
            }
            let code = snippet::generate(target, &prepared, &Options::default())
                .expect("target exists")
                .code;
            // Detection may pick another shell only where that shell reads the very same words (a one-line
            // `curl --url "http://h/"` is valid bash and cmd alike).
            let detected = curl::tokenize::detect(&code);
            if detected != dialect {
                prop_assert_eq!(
                    curl::tokenize::words(&code, detected).ok(),
                    curl::tokenize::words(&code, dialect).ok(),
                    "detected {:?} for\n{}",
                    detected,
                    code
                );
            }
            let imported = curl::import(&code, None)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{code}")))?;
            let again = prepare_for(&imported.request, &env, Sender::Server)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{code}\n{:?}", imported.request)))?;
            prop_assert_eq!(
                comparable(again),
                comparable(prepared),
                "snippet:\n{}",
                code
            );
            checked.set(checked.get() + 1);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{target}: {e}"));
    // Most generated requests must be sendable, or the property says little.
    let checked = checked.get();
    assert!(
        checked * 2 > cases(),
        "{target}: only {checked} of {} cases prepared",
        cases()
    );
}

#[test]
fn shell_curl_snippets_import_back() {
    round_trip("shell-curl", Dialect::Bash, true);
}

#[test]
fn cmd_curl_snippets_import_back() {
    round_trip("cmd-curl", Dialect::Cmd, false);
}

#[test]
fn powershell_curl_snippets_import_back() {
    round_trip("powershell-curl", Dialect::PowerShell, true);
}

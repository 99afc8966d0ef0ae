//! curl import, against real curl: every bash command in `CASES` runs in this machine's curl against a real
//! reqlab-echo, and is imported by reqlab. The first request curl sent must be the request the import
//! prepares, and curl must send as many requests as the import's warnings announce (none when they say curl
//! refuses the URL). A cmd.exe case cannot run here: it must import to the same request as its bash twin.

// Shared with the other tests; this one uses the files directory and the file loader only.
#[allow(dead_code)]
#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::recorder::{self, Received};
use reqlab_conformance::{compare::differences, scratch};
use reqlab_core::import::curl::{import, Dialect, Dialect::*};
use reqlab_core::prepare::url::Url;
use reqlab_core::{prepare, Environment, Imported};
use std::path::Path;
use std::process::{Command, Output};

/// One command per line: a name, the shell it is written for, the command. `{BASE}` is the echo server's
/// `http://127.0.0.1:PORT` and `{PORT}` its port. A cmd case is checked against the bash case of its name.
#[rustfmt::skip]
const CASES: &[(&str, Dialect, &str)] = &[
    // Ordinary commands: they prove the harness on what already works.
    ("headers", Bash, r#"curl {BASE}/anything/h -H 'X-Trace: abc 123' -H 'Accept: text/plain'"#),
    ("form_data", Bash, r#"curl {BASE}/anything/f -d 'name=Ann Lee&city=Paris' -d 'tag=a'"#),
    ("json", Bash, r#"curl {BASE}/anything/j --json '{"name":"Widget","qty":3}'"#),
    ("binary_file", Bash, r#"curl {BASE}/anything/u --data-binary @bytes.bin"#),
    // Chrome's copies escape brackets and braces, which curl then sends as they are.
    ("chrome_brackets_braces", Bash, r#"curl '{BASE}/v1/issues?filter\[status\]=open&filter\[labels\]\[\]=bug&sort=\{asc\}&fields=\{id,title\}' -H 'accept: application/json'"#),
    ("chrome_brackets_braces", Cmd, r#"curl ^"{BASE}/v1/issues?filter^\[status^\]=open^&filter^\[labels^\]^\[^\]=bug^&sort=^\{asc^\}^&fields=^\{id,title^\}^" -H ^"accept: application/json^""#),
    ("chrome_ansi_c_quote", Bash, r#"curl $'{BASE}/o\'brien/items?filter\[name\]=x'"#),
    ("chrome_ansi_c_quote", Cmd, r#"curl ^"{BASE}/o'brien/items?filter^\[name^\]=x^""#),
    // Globs: one request per expansion, or none when curl refuses the pattern.
    ("range", Bash, r#"curl '{BASE}/anything/page/[1-3]'"#),
    ("range_padded_step", Bash, r#"curl '{BASE}/anything/p/[08-12:2]?x=1'"#),
    ("list_and_range", Bash, r#"curl '{BASE}/anything/{users,teams}/export?page=[1-2]'"#),
    ("range_globoff", Bash, r#"curl --globoff '{BASE}/anything/page/[1-3]'"#),
    ("range_g_keeps_backslashes", Bash, r#"curl -g '{BASE}/anything/page/[1-3]?filter\[x\]=1'"#),
    ("ipv6_host", Bash, r#"curl --connect-to ::127.0.0.1: 'http://[::1]:{PORT}/anything/v/[1-2]'"#),
    ("malformed_range", Bash, r#"curl '{BASE}/anything/items?ids=[1,2,3]'"#),
    // -F parts: a text part's own type, curl's type guessed from a file's name, quoted values.
    ("form_typed_parts", Bash, r#"curl {BASE}/anything/m -F 'meta={"k":"v"};type=application/json' -F 'title=plain' -F 'doc=@hello.txt' -F 'img=@pixel.png;type=image/x-test' -F 'note="a;b";type=text/plain;charset=utf-8' -F 'h=hi;headers="Content-Type: text/csv"'"#),
    ("form_typed_parts", Cmd, r#"curl "{BASE}/anything/m" -F "meta={\"k\":\"v\"};type=application/json" -F "title=plain" -F "doc=@hello.txt" -F "img=@pixel.png;type=image/x-test" -F "note=\"a;b\";type=text/plain;charset=utf-8" -F "h=hi;headers=\"Content-Type: text/csv\"""#),
    // Header values outside ASCII go as their UTF-8 bytes.
    ("utf8_header", Bash, r#"curl {BASE}/anything/u -H 'X-Note: café ✓' -H 'X-Latin: naïve'"#),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imports_send_what_real_curl_sends() {
    let (base, log) = recorder::start().await;
    let port = base
        .rsplit(':')
        .next()
        .expect("base has a port")
        .to_string();
    let dir = scratch::with_files(&fixtures::files_dir(), "real-curl");
    let command = |text: &str| text.replace("{BASE}", &base).replace("{PORT}", &port);
    let mut failures = Vec::new();
    for (name, _, text) in CASES.iter().filter(|(_, d, _)| *d == Bash) {
        let text = command(text);
        log.take();
        let run_dir = dir.clone();
        let script = text.clone();
        let output = tokio::task::spawn_blocking(move || run_curl(&script, &run_dir))
            .await
            .expect("join");
        let problems = check(&text, &output, &log.take());
        if problems.is_empty() {
            println!("{name:<28} passed");
        } else {
            println!("{name:<28} FAILED");
            failures.push(format!("{name}: {text}\n  {}", problems.join("\n  ")));
        }
    }
    for (name, _, text) in CASES.iter().filter(|(_, d, _)| *d == Cmd) {
        let twin = CASES
            .iter()
            .find(|(n, d, _)| n == name && *d == Bash)
            .unwrap_or_else(|| panic!("the cmd case {name} has no bash twin"));
        let from_cmd = import(&command(text), Some(Cmd)).map(|i| i.request);
        let from_bash = import(&command(twin.2), Some(Bash)).map(|i| i.request);
        if from_cmd != from_bash {
            failures.push(format!(
                "{name} (cmd): imports to\n  {from_cmd:?}\nbut its bash twin to\n  {from_bash:?}"
            ));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from real curl:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Runs a bash command line with this machine's curl in `dir`. A shell function puts curl's own flags first:
/// `-q` so no ~/.curlrc changes what is sent, and quiet output. Proxies are kept out of a loopback test.
fn run_curl(text: &str, dir: &Path) -> Output {
    let script = format!("curl() {{ command curl -q --silent --show-error \"$@\"; }}\n{text}");
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .unwrap_or_else(|e| panic!("cannot run bash with curl: {e}"))
}

/// What is wrong with the import of `text`, given what curl did with it.
fn check(text: &str, curl: &Output, sent: &[Received]) -> Vec<String> {
    let imported = match import(text, Some(Bash)) {
        Ok(imported) => imported,
        Err(e) => return vec![format!("the import fails: {e}")],
    };
    let announced = announced_requests(&imported);
    let mut problems = Vec::new();
    if sent.len() != announced {
        problems.push(format!(
            "curl sent {} requests, the import announces {announced}: {:?}",
            sent.len(),
            imported.warnings
        ));
    }
    if curl.status.success() != (announced > 0) {
        problems.push(format!(
            "curl exited with {}: {}",
            curl.status,
            String::from_utf8_lossy(&curl.stderr)
        ));
    }
    let Some(first) = sent.first() else {
        return problems;
    };
    let mut request = imported.request;
    fixtures::load_file_contents(&mut request);
    match prepare(&request, &Environment::default()) {
        Ok(prepared) => problems.extend(differences(&prepared, &as_reqlab_writes_it(first))),
        Err(e) => problems.push(format!("the imported request does not prepare: {e}")),
    }
    problems
}

/// How many requests the import's warnings say curl sends: the count of a glob, none for a URL curl
/// refuses, otherwise one.
fn announced_requests(imported: &Imported) -> usize {
    for warning in &imported.warnings {
        if let Some(rest) = warning.strip_prefix("curl requests ") {
            if let Some(count) = rest.split(' ').next().and_then(|n| n.parse().ok()) {
                return count;
            }
        }
        if warning.starts_with("curl refuses this URL") {
            return 0;
        }
    }
    1
}

/// The received request with its target percent-encoded as reqlab encodes every URL it sends. curl sends
/// `{`, `}`, `\` and a path's `[ ]` raw, where reqlab (like the snippets it writes) sends `%7B`...; both mean
/// the same to a server. Nothing is decoded, so a difference in what the characters are still shows.
fn as_reqlab_writes_it(received: &Received) -> Received {
    let target = Url::parse(&format!("http://echo{}", received.path_and_query))
        .map(|url| url.path_and_query())
        .unwrap_or_else(|_| received.path_and_query.clone());
    Received {
        path_and_query: target,
        ..received.clone()
    }
}

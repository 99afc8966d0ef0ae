//! Snippet stage, the auth kinds the app applies at send time, executed against a real reqlab-echo:
//!
//! - Digest: every runnable target's snippet for a request to `/digest-auth/auth/{user}/{pass}/{algorithm}`.
//!   A target whose client answers Digest must end on the server's 200; one that cannot must be refused with
//!   401 after exactly one request, and its snippet must say so.
//! - AWS Signature Version 4: curl (`--aws-sigv4`) and libcurl sign themselves; the signature that arrives is
//!   recomputed with `auth::sigv4::sign` from what arrived, which proves they and reqlab sign alike. The
//!   targets that carry a signature made at generation time must deliver exactly the signed headers (or the
//!   presigned URL) that `sign` computes for the same request and instant.
//! - OAuth 2.0: the placeholder token arrives as `Authorization: Bearer YOUR_ACCESS_TOKEN`.
//!
//! `REQLAB_TARGETS=id,id` runs only those targets.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::recorder::{self, Received};
use reqlab_conformance::{runners, scratch};
use reqlab_core::auth::sigv4::{sign, SigV4};
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::AwsSigV4;
use reqlab_core::prepare::url::Url;
use reqlab_core::snippet::{find_target, DigestSupport, Options, Snippet, Target};
use reqlab_core::{prepare, Auth, Environment, PreparedRequest, Request};
use std::path::Path;

/// The Digest user and password. Both stand in the URL path the echo server reads them from, so they keep
/// to characters a path carries (the password's `"` and `\` percent-encoded there), yet each snippet must
/// quote `'`, `$`, `"` and `\` in its own language.
const USER: &str = "o'neil$x";
const PASSWORD: &str = "p\"a\\s'$w";
const PASSWORD_IN_PATH: &str = "p%22a%5Cs'$w";

/// Clients that answer Digest, but not with every algorithm: (target, algorithm, why).
const ALGORITHM_GAPS: &[(&str, &str, &str)] =
    &[("shell-wget", "SHA-256", "wget answers MD5 challenges only")];

fn selected(id: &str) -> bool {
    let only = std::env::var("REQLAB_TARGETS").unwrap_or_default();
    only.is_empty() || only.split(',').any(|t| t.trim() == id)
}

/// Writes and runs the target's snippet in `dir`; returns what the server received, in order.
async fn run(
    runner: &runners::Runner,
    target: &Target,
    snippet: &Snippet,
    name: &str,
    dir: &Path,
    log: &recorder::Log,
) -> Vec<Received> {
    let command = runner.write_snippet(&snippet.code, &format!("{name}.{}", target.extension), dir);
    log.take();
    // A snippet refused with 401 may exit non-zero (wget does); what the server saw is the verdict.
    runners::output(command)
        .await
        .unwrap_or_else(|e| panic!("cannot run the {} snippet: {e}", target.id));
    log.take()
}

fn header<'a>(received: &'a Received, name: &str) -> Vec<&'a [u8]> {
    received
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_slice())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn digest_is_answered_where_the_client_can_and_warned_about_where_it_cannot() {
    let (base, log) = recorder::start().await;
    let dir = scratch::with_files(&fixtures::files_dir(), "digest-snippets");
    let mut failures = Vec::new();
    let (mut answered, mut refused) = (0, 0);
    // A client that sends one kind of request only (gql: GraphQL) has no Digest request to send.
    for runner in runners::all()
        .into_iter()
        .filter(|r| selected(r.target) && r.runs("digest"))
    {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        for (method, algorithm) in [("GET", "MD5"), ("POST", "SHA-256")] {
            let mut request = Request {
                url: format!("{base}/digest-auth/auth/{USER}/{PASSWORD_IN_PATH}/{algorithm}"),
                auth: Auth::Digest {
                    username: USER.to_string(),
                    password: PASSWORD.to_string(),
                },
                ..Request::default()
            };
            if method == "POST" {
                request = serde_json::from_value(serde_json::json!({
                    "method": "POST",
                    "url": request.url,
                    "auth": {"kind": "digest", "username": USER, "password": PASSWORD},
                    "body": {"mode": "raw", "language": "json", "text": "{\"n\": 1}"},
                }))
                .expect("request JSON");
            }
            let prepared = prepare(&request, &Environment::default()).expect("prepares");
            let snippet = target.generate(&prepared, &Options::default());
            let name = format!("digest_{}", algorithm.replace('-', "_"));
            let received = run(&runner, target, &snippet, &name, &dir, &log).await;
            let statuses: Vec<u16> = received.iter().map(|r| r.status).collect();
            let label = format!("{} / {method} {algorithm}", target.id);
            let gap = ALGORITHM_GAPS
                .iter()
                .find(|(id, alg, _)| *id == target.id && *alg == algorithm);
            let warned = snippet
                .warnings
                .iter()
                .any(|w| w.contains("does not answer Digest challenges"));
            match (target.digest, gap) {
                (DigestSupport::Answers, None) => {
                    // A challenge first, then the answer the server accepts.
                    let last = received.last();
                    let user_sent = last.is_some_and(|r| {
                        header(r, "authorization").iter().any(|v| {
                            String::from_utf8_lossy(v).contains(&format!("username=\"{USER}\""))
                        })
                    });
                    if statuses.first() != Some(&401) || statuses.last() != Some(&200) || !user_sent
                    {
                        failures.push(format!(
                            "{label}: answers Digest, but the server saw {statuses:?}"
                        ));
                    }
                    if warned {
                        failures.push(format!("{label}: answers Digest but warns it does not"));
                    }
                    answered += 1;
                }
                (DigestSupport::Answers, Some((_, _, why))) => {
                    if statuses.last() == Some(&200) {
                        failures.push(format!("{label}: declared a gap ({why}) but answered"));
                    }
                    refused += 1;
                }
                (DigestSupport::Cannot { .. }, _) => {
                    if statuses != [401] {
                        failures.push(format!(
                            "{label}: cannot answer Digest, but the server saw {statuses:?}"
                        ));
                    }
                    if !warned {
                        failures.push(format!("{label}: sends no credentials without a warning"));
                    }
                    refused += 1;
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "Digest: {answered} runs answered the challenge, {refused} were refused with a warning"
    );
    assert!(answered + refused > 0, "no snippet ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fixture request with this name, pointed at the server.
fn fixture(case: &str, base: &str) -> PreparedRequest {
    let (_, mut request) = fixtures::fixture_requests()
        .into_iter()
        .find(|(name, _)| name == case)
        .unwrap_or_else(|| panic!("no fixture {case}"));
    request.url = request.url.replace("http://localhost:8080", base);
    prepare(&request, &Environment::default()).expect("fixtures prepare")
}

fn settings_of(prepared: &PreparedRequest) -> AwsSigV4 {
    match &prepared.auth {
        reqlab_core::PreparedAuth::AwsSigV4 { params } => AwsSigV4::read(params),
        other => panic!("not an AWS fixture: {other:?}"),
    }
}

fn sigv4<'a>(settings: &'a AwsSigV4) -> SigV4<'a> {
    SigV4 {
        access_key: &settings.access_key,
        secret_key: &settings.secret_key,
        session_token: &settings.session_token,
        region: &settings.region,
        service: &settings.service,
        in_query: settings.in_query,
        unsigned_payload: settings.unsigned_payload,
        ..SigV4::default()
    }
}

/// `20150830T123600Z` as a time.
fn amz_time(text: &str) -> Option<UtcTime> {
    let t = text.get(0..15)?;
    UtcTime::parse_rfc3339(&format!(
        "{}-{}-{}T{}:{}:{}Z",
        &t[0..4],
        &t[4..6],
        &t[6..8],
        &t[9..11],
        &t[11..13],
        &t[13..15]
    ))
    .ok()
}

/// Recomputes the signature of a request a client signed itself, from what arrived: the headers it named in
/// SignedHeaders, its X-Amz-Date, the body it sent. Equal to the one it sent: the client and `sign` agree.
fn resigned_matches(received: &Received, base: &str, settings: &AwsSigV4) -> Result<(), String> {
    let text = |name: &str| {
        header(received, name)
            .first()
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .unwrap_or_default()
    };
    let authorization = text("authorization");
    let time = amz_time(&text("x-amz-date")).ok_or("no X-Amz-Date arrived")?;
    let signed_names: Vec<String> = authorization
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .ok_or("no SignedHeaders in the Authorization that arrived")?
        .split(';')
        .map(str::to_string)
        .collect();
    // `sign` adds host, the date, the token and S3's body hash itself; the rest are the request's own.
    let own = [
        "host",
        "x-amz-date",
        "x-amz-security-token",
        "x-amz-content-sha256",
    ];
    let headers: Vec<(String, String)> = received
        .headers
        .iter()
        .filter(|(n, _)| {
            signed_names.contains(&n.to_ascii_lowercase()) && !own.contains(&n.as_str())
        })
        .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
        .collect();
    let url = format!("{base}{}", received.path_and_query);
    let resigned = sign(
        &received.method,
        &url,
        &headers,
        &received.body,
        &sigv4(settings),
        time,
    )
    .map_err(|e| e.to_string())?;
    let expected = resigned
        .headers
        .iter()
        .find(|(n, _)| n == "Authorization")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    if expected == authorization {
        Ok(())
    } else {
        Err(format!(
            "arrived {authorization:?}, sign computes {expected:?} over\n{}",
            resigned.canonical_request
        ))
    }
}

/// Checks a request carrying a signature made when the snippet was: exactly the headers (or the presigned
/// URL) `sign` computes for the prepared request at that instant arrived.
fn carries_signature(
    received: &Received,
    prepared: &PreparedRequest,
    settings: &AwsSigV4,
    at: i64,
) -> Result<(), String> {
    let time = UtcTime::from_unix_seconds(at).map_err(|e| e.to_string())?;
    let (body, _) = prepared.body.wire().map_err(|f| f.name.clone())?;
    let url = prepared.url.to_string();
    let signed = sign(
        prepared.method.as_str(),
        &url,
        &prepared.headers,
        &body,
        &sigv4(settings),
        time,
    )
    .map_err(|e| e.to_string())?;
    if settings.in_query {
        let presigned = Url::parse(&signed.presigned_url(&url))
            .map_err(|e| e.to_string())?
            .path_and_query();
        return if received.path_and_query == presigned {
            Ok(())
        } else {
            Err(format!(
                "arrived at {}, presigned {presigned}",
                received.path_and_query
            ))
        };
    }
    for (name, value) in &signed.headers {
        let arrived = header(received, name);
        if arrived != [value.as_bytes()] {
            return Err(format!(
                "{name}: arrived {:?}, signed {value:?}",
                arrived
                    .iter()
                    .map(|v| String::from_utf8_lossy(v))
                    .collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aws_signatures_arrive_as_reqlab_signs_them() {
    let (base, log) = recorder::start().await;
    let dir = scratch::with_files(&fixtures::files_dir(), "aws-snippets");
    let cases = [
        "aws_sigv4_header",
        "aws_sigv4_session_token",
        "aws_sigv4_s3_put",
        "aws_sigv4_presigned",
    ];
    let targets = [
        "shell-curl",
        "c-libcurl",
        "python-requests",
        "node-fetch",
        "go-native",
    ];
    let mut failures = Vec::new();
    let (mut resigned, mut carried, mut unsorted) = (0, 0, 0);
    for runner in runners::all()
        .into_iter()
        .filter(|r| targets.contains(&r.target) && selected(r.target))
    {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        for case in cases {
            let prepared = fixture(case, &base);
            let settings = settings_of(&prepared);
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            let options = Options {
                sign_at: Some(now),
                ..Options::default()
            };
            let snippet = target.generate(&prepared, &options);
            let received = run(&runner, target, &snippet, case, &dir, &log).await;
            let label = format!("{} / {case}", target.id);
            let [one] = received.as_slice() else {
                failures.push(format!("{label}: server saw {} requests", received.len()));
                continue;
            };
            let client_signed =
                snippet.code.contains("aws-sigv4") || snippet.code.contains("AWS_SIGV4");
            let outcome = if client_signed {
                let order_warned = snippet.warnings.iter().any(|w| w.contains("in name order"));
                match resigned_matches(one, &base, &settings) {
                    Ok(()) => {
                        resigned += 1;
                        Ok(())
                    }
                    // This curl signs the query in the order written; the snippet says so.
                    Err(_) if order_warned => {
                        unsorted += 1;
                        Ok(())
                    }
                    Err(problem) => Err(problem),
                }
            } else {
                carried += 1;
                let warned = snippet.warnings.iter().any(|w| {
                    w.contains("for this exact request at")
                        && w.contains("change anything and it fails")
                });
                if warned {
                    carries_signature(one, &prepared, &settings, now)
                } else {
                    Err(format!("no signing warning: {:?}", snippet.warnings))
                }
            };
            if let Err(problem) = outcome {
                failures.push(format!("{label}: {problem}"));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "AWS: {resigned} client-signed requests re-signed identically, {unsorted} signed an unsorted query \
         as the snippet warned, {carried} carried reqlab's signature"
    );
    assert!(resigned + carried > 0, "no snippet ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oauth_snippets_send_the_placeholder_token() {
    let (base, log) = recorder::start().await;
    let dir = scratch::with_files(&fixtures::files_dir(), "oauth-snippets");
    let targets = [
        "shell-curl",
        "shell-httpie",
        "python-requests",
        "node-axios",
        "ruby-net-http",
    ];
    let mut failures = Vec::new();
    let mut runs = 0;
    for runner in runners::all()
        .into_iter()
        .filter(|r| targets.contains(&r.target) && selected(r.target))
    {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        let prepared = fixture("oauth2_client_credentials", &base);
        let snippet = target.generate(&prepared, &Options::default());
        let received = run(&runner, target, &snippet, "oauth2", &dir, &log).await;
        runs += 1;
        let sent: Vec<Vec<&[u8]>> = received
            .iter()
            .map(|r| header(r, "authorization"))
            .collect();
        if sent != [vec![b"Bearer YOUR_ACCESS_TOKEN".as_slice()]] {
            failures.push(format!("{}: Authorization sent {sent:?}", target.id));
        }
        if !snippet
            .warnings
            .iter()
            .any(|w| w.contains("https://auth.example.com/oauth/token"))
        {
            failures.push(format!(
                "{}: no OAuth warning: {:?}",
                target.id, snippet.warnings
            ));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!("OAuth 2.0: {runs} runs sent the placeholder token");
    assert!(runs > 0, "no snippet ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

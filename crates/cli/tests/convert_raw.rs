//! `reqlab convert --to http-raw`: the message as sent, its auth applied. AWS Signature is checked byte for
//! byte against AWS's published test suite (the expected values read from its files), Digest against the
//! responses RFC 7616 §3.9.1 prints and against a real reqlab-echo, which must accept the printed message.

#[path = "support/echo.rs"]
mod echo;
mod support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;
use support::reqlab;

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "reqlab failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sigv4_fixture(case: &str, file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/sigv4")
        .join(case)
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `name` in a suite file's signed request (`Name:value` lines, as AWS writes them).
fn fixture_header(signed_request: &str, name: &str) -> String {
    signed_request
        .lines()
        .find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.to_string())
        })
        .unwrap_or_else(|| panic!("no {name} in\n{signed_request}"))
}

const AWS_KEYS: &str = "AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

#[test]
fn aws_get_vanilla_prints_the_suites_signed_request() {
    let signed = sigv4_fixture("get-vanilla", "header-signed-request.txt");
    let expected = format!(
        "GET / HTTP/1.1\r\nHost: example.amazonaws.com\r\nX-Amz-Date: {}\r\nAuthorization: {}\r\n\r\n",
        fixture_header(&signed, "X-Amz-Date"),
        fixture_header(&signed, "Authorization"),
    );
    let curl = format!(
        "curl --aws-sigv4 'aws:amz:us-east-1:service' -u '{AWS_KEYS}' https://example.amazonaws.com/"
    );
    let out = reqlab(
        &[
            "convert",
            "--to",
            "http-raw",
            "--date",
            "2015-08-30T12:36:00Z",
        ],
        &curl,
    );
    assert_eq!(stdout(&out), expected);
    assert_eq!(stderr(&out), "", "nothing to warn about");

    // The same request as request JSON, the time given with an offset: the same message.
    let (access_key, secret_key) = AWS_KEYS.split_once(':').expect("two keys");
    let json = serde_json::json!({
        "method": "GET",
        "url": "https://example.amazonaws.com/",
        "auth": {"kind": "aws_sigv4", "params": [
            {"key": "access_key", "value": access_key},
            {"key": "secret_key", "value": secret_key},
            {"key": "region", "value": "us-east-1"},
            {"key": "service", "value": "service"},
        ]},
    });
    let out = reqlab(
        &[
            "convert",
            "--to",
            "http-raw",
            "--date",
            "2015-08-30T14:36:00+02:00",
            "-",
        ],
        &json.to_string(),
    );
    assert_eq!(stdout(&out), expected);
}

#[test]
fn aws_presigned_get_vanilla_prints_the_suites_request_line() {
    let signed = sigv4_fixture("get-vanilla", "query-signed-request.txt");
    let request_line = signed.lines().next().expect("a request line");
    let (access_key, secret_key) = AWS_KEYS.split_once(':').expect("two keys");
    let json = serde_json::json!({
        "method": "GET",
        "url": "https://example.amazonaws.com/",
        "auth": {"kind": "aws_sigv4", "params": [
            {"key": "access_key", "value": access_key},
            {"key": "secret_key", "value": secret_key},
            {"key": "region", "value": "us-east-1"},
            {"key": "service", "value": "service"},
            {"key": "in_query", "value": "true"},
        ]},
    });
    let out = reqlab(
        &[
            "convert",
            "--to",
            "http-raw",
            "--date",
            "2015-08-30T12:36:00Z",
        ],
        &json.to_string(),
    );
    assert_eq!(
        stdout(&out),
        format!("{request_line}\r\nHost: example.amazonaws.com\r\n\r\n")
    );
}

/// RFC 7616 §3.9.1's exchange: the challenge as the RFC prints it, for one algorithm.
fn rfc_challenge(algorithm: &str) -> String {
    format!(
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, \
         nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", \
         opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""
    )
}

const RFC_CNONCE: &str = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
const RFC_CURL: &str =
    "curl --digest -u 'Mufasa:Circle of Life' http://www.example.org/dir/index.html";

#[test]
fn digest_answers_rfc_7616s_challenge_with_its_printed_responses() {
    // The responses as RFC 7616 §3.9.1 prints them.
    for (algorithm, response) in [
        (
            "SHA-256",
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        ),
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
    ] {
        let challenge = rfc_challenge(algorithm);
        let out = reqlab(
            &[
                "convert",
                "--to",
                "http-raw",
                "--challenge",
                &challenge,
                "--cnonce",
                RFC_CNONCE,
            ],
            RFC_CURL,
        );
        let expected = format!(
            "GET /dir/index.html HTTP/1.1\r\nHost: www.example.org\r\nAuthorization: Digest username=\"Mufasa\", \
             realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm={algorithm}, \
             nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, cnonce=\"{RFC_CNONCE}\", \
             qop=auth, response=\"{response}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"\r\n\r\n"
        );
        assert_eq!(stdout(&out), expected, "{algorithm}");
        assert_eq!(stderr(&out), "", "{algorithm}");
    }
}

#[test]
fn digest_without_a_challenge_prints_the_first_request_and_says_what_is_missing() {
    let out = reqlab(&["convert", "--to", "http-raw"], RFC_CURL);
    assert_eq!(
        stdout(&out),
        "GET /dir/index.html HTTP/1.1\r\nHost: www.example.org\r\n\r\n"
    );
    let note = stderr(&out);
    assert!(
        note.starts_with("note: this is the first request, without auth")
            && note.contains("--challenge"),
        "stderr: {note}"
    );
}

#[test]
fn a_random_client_nonce_is_used_when_none_is_given() {
    let challenge = rfc_challenge("SHA-256");
    let args = ["convert", "--to", "http-raw", "--challenge", &challenge];
    let first = stdout(&reqlab(&args, RFC_CURL));
    let second = stdout(&reqlab(&args, RFC_CURL));
    assert!(first.contains("cnonce=\""), "{first}");
    assert_ne!(first, second, "two runs, two client nonces");
}

#[test]
fn oauth_adds_the_given_token_and_says_when_there_is_none() {
    let json = r#"{"method":"GET","url":"https://api.example/me","auth":{"kind":"oauth2","params":[{"key":"grant","value":"client_credentials"},{"key":"client_secret","value":"s3cret"}]}}"#;
    let out = reqlab(&["convert", "--to", "http-raw", "--token", "tok-1"], json);
    assert_eq!(
        stdout(&out),
        "GET /me HTTP/1.1\r\nHost: api.example\r\nAuthorization: Bearer tok-1\r\n\r\n"
    );
    let out = reqlab(&["convert", "--to", "http-raw"], json);
    assert_eq!(
        stdout(&out),
        "GET /me HTTP/1.1\r\nHost: api.example\r\n\r\n"
    );
    assert!(stderr(&out).contains("--token VALUE"), "{}", stderr(&out));
}

#[test]
fn send_time_options_are_checked() {
    let curl = format!(
        "curl --aws-sigv4 'aws:amz:us-east-1:service' -u '{AWS_KEYS}' https://example.amazonaws.com/"
    );
    let out = reqlab(
        &[
            "convert",
            "--to",
            "shell-curl",
            "--date",
            "2015-08-30T12:36:00Z",
        ],
        &curl,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--date applies to --to http-raw only"),
        "{}",
        stderr(&out)
    );
    let out = reqlab(
        &["convert", "--to", "http-raw", "--date", "yesterday"],
        &curl,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"yesterday\" is not a timestamp"),
        "{}",
        stderr(&out)
    );
    let out = reqlab(
        &[
            "convert",
            "--to",
            "http-raw",
            "--challenge",
            "Basic realm=\"x\"",
        ],
        RFC_CURL,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a Digest challenge"),
        "{}",
        stderr(&out)
    );
    // An option the request's auth has no use for is named, and the message printed all the same.
    let out = reqlab(
        &["convert", "--to", "http-raw", "--token", "t"],
        "curl http://h/",
    );
    assert_eq!(stdout(&out), "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    assert!(
        stderr(&out).contains("--token is not used: the request has no auth."),
        "{}",
        stderr(&out)
    );
}

/// A response's status, headers and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

/// Writes `message` as it stands to a new connection and reads one response (its Content-Length long).
fn exchange(address: SocketAddr, message: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(address).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream.write_all(message).expect("sends");
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut buffer).expect("reads the head");
        assert!(n > 0, "the connection closed before a response");
        received.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&received[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = received[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buffer).expect("reads the body");
        assert!(n > 0, "the connection closed mid-body");
        body.extend_from_slice(&buffer[..n]);
    }
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

#[test]
fn the_printed_digest_answer_is_accepted_by_reqlab_echo() {
    let echo = echo::start_echo(reqlab_echo::Config::default());
    for (curl_options, path) in [
        ("", "/digest-auth/auth/user/passwd/MD5"),
        ("", "/digest-auth/auth/user/passwd/SHA-256"),
        // The server offers auth-int only: the answer hashes the body too.
        ("-d 'a=1&b=2' ", "/digest-auth/auth-int/user/passwd/SHA-256"),
    ] {
        let curl = format!("curl --digest -u user:passwd {curl_options}http://{echo}{path}");
        let first = stdout(&reqlab(&["convert", "--to", "http-raw"], &curl));
        let refused = exchange(echo, first.as_bytes());
        assert_eq!(refused.status, 401, "{path}: {}", refused.body);
        let (_, challenge) = refused
            .headers
            .iter()
            .find(|(n, _)| n == "www-authenticate")
            .expect("a challenge");
        let answered = stdout(&reqlab(
            &["convert", "--to", "http-raw", "--challenge", challenge],
            &curl,
        ));
        let accepted = exchange(echo, answered.as_bytes());
        assert_eq!(
            accepted.status, 200,
            "{path}: {}\n{answered}",
            accepted.body
        );
        assert!(
            accepted.body.contains("\"authenticated\": true"),
            "{path}: {}",
            accepted.body
        );
    }
}

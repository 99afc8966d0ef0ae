//! AWS Signature Version 4 (`reqlab_core::auth::sigv4`) against AWS's published test suite, every case both
//! as header signing and as a presigned URL, compared byte for byte: canonical request, string to sign,
//! signature and the signed request. Then S3 against the worked examples of AWS's S3 documentation.
//! Where each expected value comes from: `fixtures/sigv4/SOURCES.md`.
#![cfg(feature = "auth")]

use reqlab_core::auth::sigv4::{sign, SigV4, Signed};
use reqlab_core::auth::time::UtcTime;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The cases the suite must at least hold: a lost fixture must not pass silently.
const REQUIRED: &[&str] = &[
    "get-vanilla",
    "get-vanilla-query-order-key-case",
    "get-utf8",
    "get-header-key-duplicate",
    "get-header-value-order",
    "post-x-www-form-urlencoded",
    "post-vanilla-query",
    "post-sts-header-after",
    "post-sts-header-before",
    "get-vanilla-with-session-token",
    "get-relative-normalized",
    "get-relative-unnormalized",
    "get-slash-dot-slash-normalized",
    "get-slashes-normalized",
];

/// A `request.txt`: an HTTP/1.1 request as text.
struct SuiteRequest {
    method: String,
    target: String,
    /// The header lines as written, folded continuation lines included, for rebuilding the signed request.
    header_lines: Vec<String>,
    /// The headers as name and value, a folded value's lines joined with a line feed.
    headers: Vec<(String, String)>,
    body: String,
}

impl SuiteRequest {
    fn parse(text: &str) -> SuiteRequest {
        let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let request_line = lines.next().expect("a request line");
        // The target may hold spaces (get-space-*): method up to the first space, version after the last.
        let (method, rest) = request_line.split_once(' ').expect("a method");
        let (target, version) = rest.rsplit_once(' ').expect("a version");
        assert_eq!(version, "HTTP/1.1");
        let header_lines: Vec<String> = lines.map(str::to_string).collect();
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in &header_lines {
            if line.starts_with([' ', '\t']) {
                let (_, value) = headers.last_mut().expect("a header before a folded line");
                value.push('\n');
                value.push_str(line);
            } else {
                let (name, value) = line.split_once(':').expect("name:value");
                headers.push((name.to_string(), value.to_string()));
            }
        }
        SuiteRequest {
            method: method.to_string(),
            target: target.to_string(),
            header_lines,
            headers,
            body: body.to_string(),
        }
    }

    fn host(&self) -> &str {
        self.headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("host"))
            .map(|(_, value)| value.trim())
            .expect("a Host header")
    }

    /// The request as the suite writes a signed one: `target` in the request line, `added` after the headers.
    fn render(&self, target: &str, added: &[(String, String)]) -> String {
        let mut out = format!("{} {target} HTTP/1.1\n", self.method);
        for line in &self.header_lines {
            out.push_str(line);
            out.push('\n');
        }
        for (name, value) in added {
            out.push_str(&format!("{name}:{value}\n"));
        }
        out.push('\n');
        out.push_str(&self.body);
        out
    }
}

/// Header names are case-insensitive, and the suite writes the ones it adds in mixed cases
/// (`X-Amz-Date`, `x-amz-content-sha256`): lower-case every name in the header block, nothing else.
fn header_names_lowered(request: &str) -> String {
    let (head, body) = request.split_once("\n\n").unwrap_or((request, ""));
    let mut lines = head.split('\n');
    let mut out = vec![lines.next().unwrap_or_default().to_string()];
    for line in lines {
        out.push(match line.split_once(':') {
            Some((name, value)) if !line.starts_with([' ', '\t']) => {
                format!("{}:{value}", name.to_ascii_lowercase())
            }
            _ => line.to_string(),
        });
    }
    format!("{}\n\n{body}", out.join("\n"))
}

struct Case {
    name: String,
    dir: PathBuf,
    request: SuiteRequest,
    context: Value,
}

impl Case {
    fn load(dir: &Path) -> Case {
        let read = |file: &str| fs::read_to_string(dir.join(file)).expect("fixture file");
        Case {
            name: dir
                .file_name()
                .expect("a directory name")
                .to_string_lossy()
                .into_owned(),
            dir: dir.to_path_buf(),
            request: SuiteRequest::parse(&read("request.txt")),
            context: serde_json::from_str(&read("context.json")).expect("context.json"),
        }
    }

    fn expected(&self, file: &str) -> String {
        fs::read_to_string(self.dir.join(file)).expect("expected file")
    }

    fn text(&self, path: &[&str]) -> &str {
        let value = path.iter().fold(&self.context, |v, key| &v[*key]);
        value.as_str().unwrap_or_default()
    }

    fn flag(&self, key: &str) -> bool {
        self.context[key].as_bool().unwrap_or(false)
    }

    fn settings(&self, in_query: bool) -> SigV4<'_> {
        SigV4 {
            session_token: self.text(&["credentials", "token"]),
            in_query,
            expires_seconds: self.context["expiration_in_seconds"]
                .as_u64()
                .and_then(|s| u32::try_from(s).ok())
                .expect("expiration_in_seconds"),
            path_as_sent: !self.flag("normalize"),
            content_sha256_header: self.flag("sign_body"),
            unsigned_session_token: self.flag("omit_session_token"),
            ..SigV4::new(
                self.text(&["credentials", "access_key_id"]),
                self.text(&["credentials", "secret_access_key"]),
                self.text(&["region"]),
                self.text(&["service"]),
            )
        }
    }

    fn sign(&self, in_query: bool) -> Signed {
        let time = UtcTime::parse_rfc3339(self.text(&["timestamp"])).expect("timestamp");
        let url = format!("https://{}{}", self.request.host(), self.request.target);
        sign(
            &self.request.method,
            &url,
            &self.request.headers,
            self.request.body.as_bytes(),
            &self.settings(in_query),
            time,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    /// Every mismatch of one form (`header` or `query`), as messages.
    fn check(&self, form: &str) -> Vec<String> {
        let signed = self.sign(form == "query");
        let mut failures = Vec::new();
        let mut compare = |what: &str, actual: &str, expected: &str| {
            if actual != expected {
                failures.push(format!(
                    "{} ({form}) {what}:\n--- expected\n{expected}\n--- actual\n{actual}",
                    self.name
                ));
            }
        };
        let file = |part: &str| self.expected(&format!("{form}-{part}.txt"));
        compare(
            "canonical request",
            &signed.canonical_request,
            &file("canonical-request"),
        );
        compare(
            "string to sign",
            &signed.string_to_sign,
            &file("string-to-sign"),
        );
        compare("signature", &signed.signature, &file("signature"));
        let rendered = if form == "query" {
            let target = signed.presigned_url(&self.request.target);
            self.request.render(&target, &[])
        } else {
            self.request.render(&self.request.target, &signed.headers)
        };
        let expected_request = file("signed-request");
        compare(
            "signed request",
            &header_names_lowered(&rendered),
            &header_names_lowered(&expected_request),
        );
        if form == "header" {
            let authorization = |request: &str| {
                request
                    .lines()
                    .find_map(|line| line.strip_prefix("Authorization:"))
                    .map(str::to_string)
            };
            let expected = authorization(&expected_request).expect("an Authorization line");
            let actual = signed
                .headers
                .iter()
                .find(|(name, _)| name == "Authorization")
                .map(|(_, value)| value.clone());
            compare(
                "Authorization",
                actual.as_deref().unwrap_or_default(),
                &expected,
            );
        }
        failures
    }
}

fn suite_cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sigv4");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures/sigv4")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs.iter().map(|dir| Case::load(dir)).collect()
}

#[test]
fn aws_signature_v4_test_suite() {
    let cases = suite_cases();
    let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    for required in REQUIRED {
        assert!(names.contains(required), "fixture {required} is missing");
    }
    let failures: Vec<String> = cases
        .iter()
        .flat_map(|case| {
            let mut failures = case.check("header");
            failures.extend(case.check("query"));
            failures
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} mismatches across {} signings:\n\n{}",
        failures.len(),
        cases.len() * 2,
        failures.join("\n\n")
    );
}

// AWS's S3 documentation, "Examples: Signature Calculations in AWS Signature Version 4" (header signing) and
// "Example: Signature Calculation for Presigned URL"; the expected texts below are copied from those pages.
const S3_ACCESS_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const S3_SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn may_24_2013() -> UtcTime {
    UtcTime::parse_rfc3339("2013-05-24T00:00:00Z").expect("timestamp")
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// The documentation writes the Authorization header without spaces after the commas; AWS accepts both, and
/// the SDKs (and the suite above) write them with a space.
fn documented_authorization(signed_headers: &str, signature: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={S3_ACCESS_KEY}/20130524/us-east-1/s3/aws4_request, \
         SignedHeaders={signed_headers}, Signature={signature}"
    )
}

#[test]
fn s3_get_object_example() {
    let settings = SigV4::new(S3_ACCESS_KEY, S3_SECRET_KEY, "us-east-1", "s3");
    let signed = sign(
        "GET",
        "https://examplebucket.s3.amazonaws.com/test.txt",
        &headers(&[("Range", "bytes=0-9")]),
        b"",
        &settings,
        may_24_2013(),
    )
    .expect("signed");
    assert_eq!(
        signed.canonical_request,
        "GET\n/test.txt\n\n\
         host:examplebucket.s3.amazonaws.com\n\
         range:bytes=0-9\n\
         x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\
         x-amz-date:20130524T000000Z\n\n\
         host;range;x-amz-content-sha256;x-amz-date\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        signed.string_to_sign,
        "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n\
         7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"
    );
    let signature = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    assert_eq!(signed.signature, signature);
    assert_eq!(
        signed.headers,
        headers(&[
            ("X-Amz-Date", "20130524T000000Z"),
            (
                "X-Amz-Content-Sha256",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            ),
            (
                "Authorization",
                &documented_authorization("host;range;x-amz-content-sha256;x-amz-date", signature)
            ),
        ])
    );
}

#[test]
fn s3_put_object_example_encodes_the_key_once() {
    let settings = SigV4::new(S3_ACCESS_KEY, S3_SECRET_KEY, "us-east-1", "s3");
    let signed = sign(
        "PUT",
        "https://examplebucket.s3.amazonaws.com/test$file.text",
        &headers(&[
            ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
        ]),
        b"Welcome to Amazon S3.",
        &settings,
        may_24_2013(),
    )
    .expect("signed");
    let body_hash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
    assert_eq!(
        signed.canonical_request,
        format!(
            "PUT\n/test%24file.text\n\n\
             date:Fri, 24 May 2013 00:00:00 GMT\n\
             host:examplebucket.s3.amazonaws.com\n\
             x-amz-content-sha256:{body_hash}\n\
             x-amz-date:20130524T000000Z\n\
             x-amz-storage-class:REDUCED_REDUNDANCY\n\n\
             date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n\
             {body_hash}"
        )
    );
    assert!(signed
        .string_to_sign
        .ends_with("\n9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"));
    assert_eq!(
        signed.signature,
        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
    );
    // The same key already percent-encoded, as reqlab's prepare sends it, signs the same.
    let encoded = sign(
        "PUT",
        "https://examplebucket.s3.amazonaws.com/test%24file.text",
        &headers(&[
            ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
        ]),
        b"Welcome to Amazon S3.",
        &settings,
        may_24_2013(),
    )
    .expect("signed");
    assert_eq!(encoded.signature, signed.signature);
}

#[test]
fn s3_presigned_url_example() {
    let settings = SigV4 {
        in_query: true,
        expires_seconds: 86_400,
        ..SigV4::new(S3_ACCESS_KEY, S3_SECRET_KEY, "us-east-1", "s3")
    };
    let url = "https://examplebucket.s3.amazonaws.com/test.txt";
    let signed = sign("GET", url, &[], b"", &settings, may_24_2013()).expect("signed");
    assert_eq!(
        signed.canonical_request,
        "GET\n/test.txt\n\
         X-Amz-Algorithm=AWS4-HMAC-SHA256\
         &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
         &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n\
         host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD"
    );
    let signature = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    assert_eq!(signed.signature, signature);
    assert!(signed.headers.is_empty());
    // The documented URL lists the parameters sorted; any order is valid, so compare them as a set.
    let documented = "X-Amz-Algorithm=AWS4-HMAC-SHA256\
        &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
        &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
        &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    let presigned = signed.presigned_url(url);
    let (base, query) = presigned.split_once('?').expect("a query");
    assert_eq!(base, url);
    let sorted = |q: &str| {
        let mut pairs: Vec<String> = q.split('&').map(str::to_string).collect();
        pairs.sort();
        pairs
    };
    assert_eq!(sorted(query), sorted(documented));
}

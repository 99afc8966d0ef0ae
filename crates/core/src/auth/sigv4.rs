//! Sign stage, AWS Signature Version 4: signs a prepared request (method, URL as sent, headers, body bytes)
//! the way the AWS SDKs do, either with an `Authorization` header or as a presigned URL (`X-Amz-*` query
//! parameters). Runs after `prepare` and before the send: the signature covers the exact bytes that go out.
//!
//! Besides the headers and query parameters to add, [`Signed`] keeps the canonical request and the string to
//! sign, so that a user whose signature AWS rejects can compare them with the ones in AWS's error message.

use super::hash::{hex, hmac_sha256, sha256};
use super::time::UtcTime;
use crate::prepare::url::{Url, UrlError};
use thiserror::Error;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
const DEFAULT_EXPIRES_SECONDS: u32 = 3600;

/// What signing needs besides the request. [`SigV4::new`] fills in the usual choices; change the fields that
/// differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigV4<'a> {
    pub access_key: &'a str,
    pub secret_key: &'a str,
    /// The session token of temporary credentials; `""` when there is none.
    pub session_token: &'a str,
    pub region: &'a str,
    /// The service's signing name (`s3`, `execute-api`, `sts`, ...). `s3` changes the rules: see [`sign`].
    pub service: &'a str,
    /// Presigned URL: the signature goes into `X-Amz-*` query parameters instead of headers.
    pub in_query: bool,
    /// The body hash is the literal `UNSIGNED-PAYLOAD` rather than the body's SHA-256.
    pub unsigned_payload: bool,
    /// How long a presigned URL stays valid (`X-Amz-Expires`); only read when `in_query`.
    pub expires_seconds: u32,
    /// Signs the path exactly as sent, without removing `.`/`..` segments and repeated slashes. S3 never
    /// normalises, whatever this says.
    pub path_as_sent: bool,
    /// Sends the body hash as `X-Amz-Content-Sha256` for services other than `s3` too (Glacier requires it);
    /// `s3` always gets it. Only read for header signing: a presigned URL carries no headers of its own.
    pub content_sha256_header: bool,
    /// Sends the session token without signing it, as AWS IoT's presigned WebSocket URLs expect: the
    /// `X-Amz-Security-Token` header or query parameter is added after the signature is computed.
    pub unsigned_session_token: bool,
}

impl<'a> SigV4<'a> {
    /// Header signing with the body's hash, without a session token.
    pub fn new(
        access_key: &'a str,
        secret_key: &'a str,
        region: &'a str,
        service: &'a str,
    ) -> Self {
        SigV4 {
            access_key,
            secret_key,
            region,
            service,
            ..SigV4::default()
        }
    }

    fn is_s3(&self) -> bool {
        self.service == "s3"
    }
}

impl Default for SigV4<'_> {
    fn default() -> Self {
        SigV4 {
            access_key: "",
            secret_key: "",
            session_token: "",
            region: "",
            service: "",
            in_query: false,
            unsigned_payload: false,
            expires_seconds: DEFAULT_EXPIRES_SECONDS,
            path_as_sent: false,
            content_sha256_header: false,
            unsigned_session_token: false,
        }
    }
}

/// The outcome of signing: what to add to the request, and the intermediate texts for troubleshooting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// Headers to add, in this order: `X-Amz-Security-Token`, `X-Amz-Date`, `X-Amz-Content-Sha256`,
    /// `Authorization`, each only when it applies. Each replaces a header of the same name the request has.
    /// Empty for a presigned URL.
    pub headers: Vec<(String, String)>,
    /// Query parameters to append for a presigned URL, not yet percent-encoded: [`Signed::presigned_url`]
    /// appends them encoded. Empty for header signing.
    pub query: Vec<(String, String)>,
    pub canonical_request: String,
    pub string_to_sign: String,
    /// The signature in lower-case hex.
    pub signature: String,
}

impl Signed {
    /// `url` with [`Signed::query`] appended, each name and value encoded as the canonical query encodes it, and
    /// the fragment, if any, kept last.
    pub fn presigned_url(&self, url: &str) -> String {
        let (before_fragment, fragment) = match url.find('#') {
            Some(i) => url.split_at(i),
            None => (url, ""),
        };
        let added = self
            .query
            .iter()
            .map(|(name, value)| {
                format!("{}={}", uri_encode(name, false), uri_encode(value, false))
            })
            .collect::<Vec<_>>()
            .join("&");
        if added.is_empty() {
            return url.to_string();
        }
        let separator = match before_fragment.find('?') {
            None => "?",
            Some(i) if i + 1 == before_fragment.len() || before_fragment.ends_with('&') => "",
            Some(_) => "&",
        };
        format!("{before_fragment}{separator}{added}{fragment}")
    }
}

/// Why a request cannot be signed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SigV4Error {
    #[error("AWS signing needs an access key ID: fill in the access key.")]
    MissingAccessKey,
    #[error("AWS signing needs a secret access key: fill in the secret key.")]
    MissingSecretKey,
    #[error("AWS signing needs a region, such as us-east-1: fill in the region.")]
    MissingRegion,
    #[error("AWS signing needs the service's signing name, such as s3 or execute-api: fill in the service.")]
    MissingService,
    #[error("The request's URL cannot be signed: {0}")]
    Url(#[from] UrlError),
}

/// Signs a request with AWS Signature Version 4.
///
/// `url` is the absolute URL exactly as it is sent (a [`Url`]'s `to_string()`): its path and query are signed as
/// they stand, not re-encoded first. `headers` are the request's own headers as sent (a multipart body's
/// Content-Type included), and `body` the bytes that go out.
///
/// What is signed, as the AWS SDKs sign it:
/// - Headers: `host` (from the URL, with a non-default port), the `X-Amz-*` headers this adds, and the
///   request's own headers except `Host` (the URL's is the one sent), `User-Agent` (browsers replace it),
///   `Authorization` (replaced) and `Content-Length` unless it states the body's actual length (the sender sets
///   the real one). Names are lower-cased and sorted; values trimmed, inner runs of white space collapsed to
///   one space; a repeated name becomes one line, its values joined with `,` in their order.
/// - Path: for `s3`, percent-decoded then encoded once; for other services normalised (see
///   [`SigV4::path_as_sent`]) then encoded once more, as the services decode it once before checking.
/// - Query: every name and value decoded (`+` is a space), then encoded with RFC 3986's unreserved set kept,
///   sorted by name then value.
/// - Body: its SHA-256 in hex, or `UNSIGNED-PAYLOAD` when asked, and always for an `s3` presigned URL.
pub fn sign(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
    settings: &SigV4,
    time: UtcTime,
) -> Result<Signed, SigV4Error> {
    check_settings(settings)?;
    let target = Target::read(url)?;
    let amz_date = time.amz_date();
    let scope = format!(
        "{}/{}/{}/aws4_request",
        time.date_stamp(),
        settings.region,
        settings.service
    );
    let payload_hash = payload_hash(body, settings);
    let added = added_headers(settings, &amz_date, &payload_hash);
    let canonical_headers = canonical_headers(&target.host, headers, &added, body.len());
    let signed_names = signed_header_names(&canonical_headers);

    let mut auth_query = if settings.in_query {
        presign_parameters(settings, &scope, &amz_date, &signed_names)
    } else {
        Vec::new()
    };
    let canonical_request = [
        method.to_string(),
        canonical_path(target.path, settings),
        canonical_query(target.query_pairs(), &auth_query, settings),
        canonical_headers
            .iter()
            .map(|(name, value)| format!("{name}:{value}\n"))
            .collect(),
        signed_names.clone(),
        payload_hash,
    ]
    .join("\n");
    let string_to_sign = [
        ALGORITHM,
        &amz_date,
        &scope,
        &hex(&sha256(canonical_request.as_bytes())),
    ]
    .join("\n");
    let key = signing_key(settings, &time.date_stamp());
    let signature = hex(&hmac_sha256(&key, string_to_sign.as_bytes()));

    let (headers, query) = if settings.in_query {
        auth_query.push(("X-Amz-Signature".to_string(), signature.clone()));
        (Vec::new(), auth_query)
    } else {
        let authorization = format!(
            "{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_names}, Signature={signature}",
            settings.access_key
        );
        let mut headers: Vec<(String, String)> = added
            .into_iter()
            .map(|h| (h.name.to_string(), h.value))
            .collect();
        headers.push(("Authorization".to_string(), authorization));
        (headers, Vec::new())
    };
    Ok(Signed {
        headers,
        query,
        canonical_request,
        string_to_sign,
        signature,
    })
}

fn check_settings(settings: &SigV4) -> Result<(), SigV4Error> {
    let missing = [
        (settings.access_key, SigV4Error::MissingAccessKey),
        (settings.secret_key, SigV4Error::MissingSecretKey),
        (settings.region, SigV4Error::MissingRegion),
        (settings.service, SigV4Error::MissingService),
    ];
    match missing
        .into_iter()
        .find(|(value, _)| value.trim().is_empty())
    {
        Some((_, error)) => Err(error),
        None => Ok(()),
    }
}

/// The parts of the URL the signature covers, path and query as sent.
struct Target<'u> {
    /// The Host header's value: lower-cased as browsers send it, the port only when it is not the scheme's.
    host: String,
    path: &'u str,
    query: &'u str,
}

impl<'u> Target<'u> {
    fn read(url: &'u str) -> Result<Target<'u>, SigV4Error> {
        // The core parser checks the URL and reads the host and port; path and query are taken from the text
        // itself, because the parser's own encoding would sign other bytes than the ones given.
        let parsed = Url::parse(url)?;
        let text = url.trim();
        let after_scheme = text.find("://").map_or(text, |i| &text[i + 3..]);
        let tail = after_scheme
            .find(['/', '?', '#'])
            .map_or("", |i| &after_scheme[i..]);
        let tail = tail.split('#').next().unwrap_or_default();
        let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
        let default_port = if parsed.is_secure() { 443 } else { 80 };
        let host = match parsed.port {
            Some(port) if port != default_port => format!("{}:{port}", parsed.host),
            _ => parsed.host.clone(),
        };
        Ok(Target {
            host: host.to_ascii_lowercase(),
            path,
            query,
        })
    }

    /// The URL's own query parameters, each decoded then encoded canonically.
    fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                let encode = |part: &str| uri_encode_bytes(&percent_decode(part, true), false);
                (encode(name), encode(value))
            })
            .collect()
    }
}

fn payload_hash(body: &[u8], settings: &SigV4) -> String {
    // A presigned S3 URL is made before anyone knows what will be uploaded with it.
    if settings.unsigned_payload || (settings.in_query && settings.is_s3()) {
        UNSIGNED_PAYLOAD.to_string()
    } else {
        hex(&sha256(body))
    }
}

/// A header the signer adds; `signed` is false for a session token sent but left out of the signature.
struct AddedHeader {
    name: &'static str,
    value: String,
    signed: bool,
}

/// The headers header signing adds, in the order they are sent (none for a presigned URL).
fn added_headers(settings: &SigV4, amz_date: &str, payload_hash: &str) -> Vec<AddedHeader> {
    if settings.in_query {
        return Vec::new();
    }
    let mut added = Vec::new();
    if !settings.session_token.is_empty() {
        added.push(AddedHeader {
            name: "X-Amz-Security-Token",
            value: settings.session_token.to_string(),
            signed: !settings.unsigned_session_token,
        });
    }
    added.push(AddedHeader {
        name: "X-Amz-Date",
        value: amz_date.to_string(),
        signed: true,
    });
    if settings.is_s3() || settings.content_sha256_header {
        added.push(AddedHeader {
            name: "X-Amz-Content-Sha256",
            value: payload_hash.to_string(),
            signed: true,
        });
    }
    added
}

/// The signed headers as `(lower-case name, canonical value)`, sorted by name, one entry per name.
fn canonical_headers(
    host: &str,
    headers: &[(String, String)],
    added: &[AddedHeader],
    body_length: usize,
) -> Vec<(String, String)> {
    let replaced = |name: &str| {
        matches!(name, "host" | "authorization" | "user-agent")
            || added.iter().any(|h| h.name.eq_ignore_ascii_case(name))
    };
    let mut lines: Vec<(String, String)> = vec![("host".to_string(), host.to_string())];
    for (name, value) in headers {
        let name = name.trim().to_ascii_lowercase();
        let stale_length = name == "content-length" && value.trim() != body_length.to_string();
        if !replaced(&name) && !stale_length {
            lines.push((name, canonical_value(value)));
        }
    }
    lines.extend(
        added
            .iter()
            .filter(|h| h.signed)
            .map(|h| (h.name.to_ascii_lowercase(), canonical_value(&h.value))),
    );
    // Stable: the values of a repeated name keep the order they are sent in.
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut merged: Vec<(String, String)> = Vec::with_capacity(lines.len());
    for (name, value) in lines {
        match merged.last_mut() {
            Some((last, joined)) if *last == name => {
                joined.push(',');
                joined.push_str(&value);
            }
            _ => merged.push((name, value)),
        }
    }
    merged
}

/// Trimmed, with every run of white space (folded lines included) made one space.
fn canonical_value(value: &str) -> String {
    value.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn signed_header_names(canonical_headers: &[(String, String)]) -> String {
    canonical_headers
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// The `X-Amz-*` parameters of a presigned URL, in the order AWS's tools append them; the signature comes
/// last, once known.
fn presign_parameters(
    settings: &SigV4,
    scope: &str,
    amz_date: &str,
    signed_names: &str,
) -> Vec<(String, String)> {
    let mut parameters = vec![
        ("X-Amz-Algorithm", ALGORITHM.to_string()),
        (
            "X-Amz-Credential",
            format!("{}/{scope}", settings.access_key),
        ),
        ("X-Amz-Date", amz_date.to_string()),
        ("X-Amz-SignedHeaders", signed_names.to_string()),
        ("X-Amz-Expires", settings.expires_seconds.to_string()),
    ];
    if !settings.session_token.is_empty() {
        parameters.push(("X-Amz-Security-Token", settings.session_token.to_string()));
    }
    parameters
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect()
}

/// The URL's own parameters and the presigned URL's, encoded and sorted; a session token sent unsigned is left
/// out.
fn canonical_query(
    mut pairs: Vec<(String, String)>,
    auth_query: &[(String, String)],
    settings: &SigV4,
) -> String {
    pairs.extend(
        auth_query
            .iter()
            .filter(|(name, _)| name != "X-Amz-Security-Token" || !settings.unsigned_session_token)
            .map(|(name, value)| (uri_encode(name, false), uri_encode(value, false))),
    );
    pairs.sort();
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn canonical_path(path: &str, settings: &SigV4) -> String {
    let path = if path.is_empty() { "/" } else { path };
    if settings.is_s3() {
        // S3 object keys are taken literally: `a/../b` and `a//b` name objects of their own.
        return uri_encode_bytes(&percent_decode(path, false), true);
    }
    if settings.path_as_sent {
        uri_encode(path, true)
    } else {
        uri_encode(&normalized_path(path), true)
    }
}

/// The path without `.` and `..` segments nor empty ones (repeated slashes), keeping a final slash.
fn normalized_path(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            _ => kept.push(segment),
        }
    }
    let last = path.rsplit('/').next().unwrap_or_default();
    let ends_as_directory = matches!(last, "" | "." | "..");
    let mut out = format!("/{}", kept.join("/"));
    if ends_as_directory && !kept.is_empty() {
        out.push('/');
    }
    out
}

/// Percent-encodes every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`), upper-case hex; `/` is
/// kept when `keep_slash`.
fn uri_encode(text: &str, keep_slash: bool) -> String {
    uri_encode_bytes(text.as_bytes(), keep_slash)
}

fn uri_encode_bytes(bytes: &[u8], keep_slash: bool) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes `%XX` escapes stand for; `+` is a space when `plus_is_space` (a query). A `%` that starts no valid
/// escape stays as it is.
fn percent_decode(text: &str, plus_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some([high, low]) if bytes[i] == b'%' => hex_value(*high).zip(hex_value(*low)),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((high, low)), _) => {
                out.push(high << 4 | low);
                i += 3;
            }
            (None, b'+') if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn hex_value(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// The key that signs for one day, region and service: the HMAC chain starting from `AWS4` + secret.
fn signing_key(settings: &SigV4, date_stamp: &str) -> [u8; 32] {
    let secret = format!("AWS4{}", settings.secret_key);
    let mut key = hmac_sha256(secret.as_bytes(), date_stamp.as_bytes());
    for part in [settings.region, settings.service, "aws4_request"] {
        key = hmac_sha256(&key, part.as_bytes());
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_paths_as_the_suite_does() {
        let cases = [
            ("/", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/example/..", "/"),
            ("/example1/example2/../..", "/"),
            ("/./example", "/example"),
            ("//example//", "/example/"),
            ("/a/b/..", "/a/"),
            ("/a/./b/.", "/a/b/"),
            ("/../a", "/a"),
        ];
        for (path, expected) in cases {
            assert_eq!(normalized_path(path), expected, "{path}");
        }
    }

    #[test]
    fn encodes_all_but_unreserved_in_upper_case_hex() {
        assert_eq!(uri_encode("a b/ü~*", true), "a%20b/%C3%BC~%2A");
        assert_eq!(uri_encode("a/b+c=", false), "a%2Fb%2Bc%3D");
    }

    #[test]
    fn decodes_escapes_and_leaves_broken_ones() {
        assert_eq!(percent_decode("a%20b%2fc%zz%4", false), b"a b/c%zz%4");
        assert_eq!(percent_decode("a+b%2B", true), b"a b+");
        assert_eq!(percent_decode("a+b", false), b"a+b");
        assert_eq!(percent_decode("%FF", false), [0xFF]);
    }

    #[test]
    fn s3_encodes_the_path_once_and_keeps_dot_segments() {
        let settings = SigV4::new("AK", "SK", "us-east-1", "s3");
        assert_eq!(
            canonical_path("/a%20b/../c$d//e", &settings),
            "/a%20b/../c%24d//e"
        );
        let other = SigV4::new("AK", "SK", "us-east-1", "execute-api");
        assert_eq!(canonical_path("/a%20b/../c", &other), "/c");
        assert_eq!(canonical_path("/a%20b/c", &other), "/a%2520b/c");
        assert_eq!(canonical_path("", &other), "/");
    }

    #[test]
    fn query_parameters_are_re_encoded_and_sorted() {
        let target = Target::read("http://h/p?b=2&a=z+y&a=%41&c&=e&&").expect("valid");
        assert_eq!(
            canonical_query(target.query_pairs(), &[], &SigV4::default()),
            "=e&a=A&a=z%20y&b=2&c="
        );
    }

    #[test]
    fn host_drops_the_default_port_and_keeps_others() {
        let host = |url| Target::read(url).expect("valid").host;
        assert_eq!(host("https://Example.com:443/"), "example.com");
        assert_eq!(host("http://example.com:80"), "example.com");
        assert_eq!(host("http://example.com:443/"), "example.com:443");
        assert_eq!(host("https://[::1]:8443/x"), "[::1]:8443");
    }

    #[test]
    fn reads_path_and_query_as_given() {
        let target = Target::read(" http://h/a b/%7E?q=1#frag ").expect("valid");
        assert_eq!((target.path, target.query), ("/a b/%7E", "q=1"));
        let bare = Target::read("http://h?x").expect("valid");
        assert_eq!((bare.path, bare.query), ("", "x"));
    }

    #[test]
    fn refuses_missing_settings_and_unreadable_urls() {
        let time = UtcTime::from_unix_seconds(0).expect("in range");
        let sign_with = |settings: &SigV4, url: &str| sign("GET", url, &[], b"", settings, time);
        let full = SigV4::new("AK", "SK", "us-east-1", "s3");
        let cases = [
            (
                SigV4 {
                    access_key: "",
                    ..full.clone()
                },
                SigV4Error::MissingAccessKey,
            ),
            (
                SigV4 {
                    secret_key: " ",
                    ..full.clone()
                },
                SigV4Error::MissingSecretKey,
            ),
            (
                SigV4 {
                    region: "",
                    ..full.clone()
                },
                SigV4Error::MissingRegion,
            ),
            (
                SigV4 {
                    service: "",
                    ..full.clone()
                },
                SigV4Error::MissingService,
            ),
        ];
        for (settings, error) in cases {
            assert_eq!(sign_with(&settings, "https://h/"), Err(error));
        }
        assert_eq!(
            sign_with(&full, "h/x"),
            Err(SigV4Error::Url(UrlError::MissingScheme))
        );
    }

    #[test]
    fn leaves_out_headers_the_sender_replaces() {
        let time = UtcTime::from_unix_seconds(0).expect("in range");
        let headers: Vec<(String, String)> = [
            ("User-Agent", "reqlab"),
            ("Authorization", "Bearer old"),
            ("Content-Length", "99"),
            ("X-Amz-Date", "19990101T000000Z"),
            ("Accept", " a  b "),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        let settings = SigV4::new("AK", "SK", "us-east-1", "execute-api");
        let signed =
            sign("GET", "https://h:8443/", &headers, b"abc", &settings, time).expect("signed");
        assert!(signed.canonical_request.contains(
            "\naccept:a b\nhost:h:8443\nx-amz-date:19700101T000000Z\n\naccept;host;x-amz-date\n"
        ));
        let names: Vec<&str> = signed.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["X-Amz-Date", "Authorization"]);

        let exact = [("content-length".to_string(), "3".to_string())];
        let signed = sign("PUT", "https://h/", &exact, b"abc", &settings, time).expect("signed");
        assert!(signed
            .canonical_request
            .contains("\ncontent-length;host;x-amz-date\n"));
    }

    #[test]
    fn presigned_url_appends_before_the_fragment() {
        let signed = Signed {
            headers: Vec::new(),
            query: vec![("X-Amz-Credential".into(), "AK/a b".into())],
            canonical_request: String::new(),
            string_to_sign: String::new(),
            signature: String::new(),
        };
        assert_eq!(
            signed.presigned_url("http://h/p#f"),
            "http://h/p?X-Amz-Credential=AK%2Fa%20b#f"
        );
        assert_eq!(
            signed.presigned_url("http://h/p?x=1"),
            "http://h/p?x=1&X-Amz-Credential=AK%2Fa%20b"
        );
        assert_eq!(
            signed.presigned_url("http://h/p?"),
            "http://h/p?X-Amz-Credential=AK%2Fa%20b"
        );
    }
}

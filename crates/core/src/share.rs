//! Share links: the whole request in the URL's fragment (never sent to any server), compressed, so a link
//! opens a pre-filled request from static hosting with no backend. Secrets are left out unless asked for.
//!
//! The fragment is `r=1.` followed by the request JSON, deflated (raw DEFLATE, which browsers read with
//! `DecompressionStream("deflate-raw")`) and written in unpadded base64url. `1` is the format's version.

use crate::base64;
use crate::model::{Auth, KeyValue, Request};

/// The fragment's key and the format version it carries.
const PREFIX: &str = "r=1.";
/// Longest fragment read: far more than any hand-made request, well under what browsers keep in a URL.
pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;
/// Largest request JSON a link may inflate to (a small link must not expand to gigabytes).
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// Why a link holds no request; each says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    NoRequest,
    UnknownVersion(String),
    TooLarge,
    Corrupt(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NoRequest => f.write_str("The link holds no request (its fragment has no r=1. part)."),
            ShareError::UnknownVersion(v) => write!(
                f,
                "The link was made by a newer reqlab (format {v}): open it with that version."
            ),
            ShareError::TooLarge => f.write_str(
                "The link is too large to be a reqlab request (over 64 KiB, or over 1 MiB unpacked).",
            ),
            ShareError::Corrupt(why) => {
                write!(f, "The link is damaged ({why}): ask for it again, or copy it whole.")
            }
        }
    }
}

/// Header names whose values are secrets.
const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "cookie",
    "proxy-authorization",
    "x-api-key",
];
/// Words that make a query parameter's value a secret when its name contains one.
const SECRET_WORDS: [&str; 8] = [
    "token", "secret", "password", "passwd", "key", "auth", "sig", "session",
];

fn is_secret_query(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|word| name.contains(word))
}

/// `request` without its secrets (Authorization, Cookie and API-key headers, auth passwords and tokens,
/// API-key values, query values named like secrets): values are emptied, names kept, so the person who
/// opens the link sees what to fill in. Also returns what was left out, one line each.
pub fn without_secrets(request: &Request) -> (Request, Vec<String>) {
    let mut request = request.clone();
    let mut left_out = Vec::new();
    let mut blank = |row: &mut KeyValue, what: &str| {
        if !row.value.is_empty() {
            row.value.clear();
            left_out.push(format!("{what} {}", row.key));
        }
    };
    for header in &mut request.headers {
        if SECRET_HEADERS.contains(&header.key.to_ascii_lowercase().as_str()) {
            blank(header, "header");
        }
    }
    for param in &mut request.query {
        if is_secret_query(&param.key) {
            blank(param, "query parameter");
        }
    }
    if !request.query.is_empty() {
        // The URL text repeats the query: rewrite it from the table so no secret stays in it.
        request.url = crate::query::url_with_query(&request.url, &request.query);
    }
    match &mut request.auth {
        Auth::None => {}
        Auth::Basic { password, .. } if !password.is_empty() => {
            password.clear();
            left_out.push("Basic auth password".into());
        }
        Auth::Bearer { token } if !token.is_empty() => {
            token.clear();
            left_out.push("Bearer token".into());
        }
        Auth::ApiKey { value, .. } if !value.is_empty() => {
            value.clear();
            left_out.push("API key value".into());
        }
        _ => {}
    }
    (request, left_out)
}

/// The fragment (without `#`) for `request`. File bodies travel by name only (their bytes are not in
/// the request JSON).
pub fn encode(request: &Request) -> String {
    let json = serde_json::to_vec(request).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", base64::encode_url(packed))
}

/// The request a fragment (with or without `#`, other `&`-separated parts ignored) holds.
pub fn decode(fragment: &str) -> Result<Request, ShareError> {
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLarge);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let part = fragment
        .split('&')
        .find(|part| part.starts_with("r="))
        .ok_or(ShareError::NoRequest)?;
    let Some(data) = part.strip_prefix(PREFIX) else {
        let version = part[2..].split('.').next().unwrap_or_default();
        return Err(ShareError::UnknownVersion(
            version.chars().take(12).collect(),
        ));
    };
    let packed = base64::decode_url(data.trim_end_matches('='))
        .map_err(|_| ShareError::Corrupt("not base64url".into()))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupt("not compressed as reqlab writes it".into()),
        })?;
    serde_json::from_slice(&json).map_err(|e| ShareError::Corrupt(format!("not a request: {e}")))
}

/// A full link: `base` (the app's address) with the request in its fragment; `embed` asks for the compact
/// embedded view.
pub fn link(base: &str, request: &Request, embed: bool) -> String {
    let base = base.split('#').next().unwrap_or_default();
    let embed = if embed { "&embed=1" } else { "" };
    format!("{base}#{}{embed}", encode(request))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ApiKeyLocation, Body, Method, RawLanguage};
    use proptest::prelude::*;

    fn sample() -> Request {
        Request {
            method: Method::Post,
            url: "https://api.example.com/v1/items?page=2&api_key=s3cr3t".into(),
            query: vec![
                KeyValue::new("page", "2"),
                KeyValue::new("api_key", "s3cr3t"),
            ],
            headers: vec![
                KeyValue::new("Authorization", "Bearer abc"),
                KeyValue::new("X-Trace", "7f3a"),
                KeyValue::new("Cookie", "sid=1"),
            ],
            body: Body::Raw {
                language: RawLanguage::Json,
                text: "{\"name\": \"Widget ✓\"}".into(),
            },
            auth: Auth::ApiKey {
                name: "X-Key".into(),
                value: "k-123".into(),
                location: ApiKeyLocation::Header,
            },
            ..Request::default()
        }
    }

    #[test]
    fn a_link_gives_the_same_request_back() {
        let request = sample();
        let url = link("https://user.github.io/reqlab/#old", &request, true);
        assert!(
            url.starts_with("https://user.github.io/reqlab/#r=1."),
            "{url}"
        );
        assert!(url.ends_with("&embed=1"));
        let fragment = url.split_once('#').map(|(_, f)| f).unwrap_or_default();
        assert_eq!(decode(fragment), Ok(request));
    }

    #[test]
    fn secrets_are_left_out_and_named() {
        let (shared, left_out) = without_secrets(&sample());
        assert_eq!(shared.headers[0].value, "");
        assert_eq!(shared.headers[1].value, "7f3a");
        assert_eq!(shared.headers[2].value, "");
        assert_eq!(shared.query[1].value, "");
        assert!(!shared.url.contains("s3cr3t"), "{}", shared.url);
        assert!(shared.url.contains("page=2"));
        assert!(matches!(&shared.auth, Auth::ApiKey { value, .. } if value.is_empty()));
        assert_eq!(
            left_out,
            [
                "header Authorization",
                "header Cookie",
                "query parameter api_key",
                "API key value"
            ]
        );
        let encoded = encode(&shared);
        let json = String::from_utf8(
            miniz_oxide::inflate::decompress_to_vec(
                &base64::decode_url(&encoded[4..]).expect("b64"),
            )
            .expect("inflates"),
        )
        .expect("utf-8");
        for secret in ["s3cr3t", "Bearer abc", "sid=1", "k-123"] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        assert_eq!(decode("#x=1"), Err(ShareError::NoRequest));
        assert_eq!(
            decode("#r=2.abc"),
            Err(ShareError::UnknownVersion("2".into()))
        );
        assert!(matches!(decode("#r=1.!!!"), Err(ShareError::Corrupt(_))));
        assert!(matches!(decode("#r=1.AAAA"), Err(ShareError::Corrupt(_))));
        assert_eq!(
            decode(&"r".repeat(MAX_FRAGMENT_BYTES + 1)),
            Err(ShareError::TooLarge)
        );
        // A small link that would inflate to more than 1 MiB.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 * MAX_JSON_BYTES], 9);
        let fragment = format!("r=1.{}", base64::encode_url(bomb));
        assert!(fragment.len() < MAX_FRAGMENT_BYTES);
        assert_eq!(decode(&fragment), Err(ShareError::TooLarge));
        // Valid compression of something that is not a request.
        let not_request = miniz_oxide::deflate::compress_to_vec(b"[1, 2]", 9);
        let error = decode(&format!("r=1.{}", base64::encode_url(not_request))).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("The link is damaged (not a request"),
            "{error}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// 10,000 random or damaged links decode to a request or a clear error, never a panic.
        #[test]
        fn random_and_damaged_links_never_panic(
            noise in proptest::collection::vec(any::<u8>(), 0..200),
            cut in 0usize..400,
            flip in 0usize..400,
            random in "[A-Za-z0-9_\\-=&#.]{0,120}",
        ) {
            let good = encode(&sample());
            let mut damaged = good.clone().into_bytes();
            damaged.truncate(cut.max(4).min(damaged.len()));
            let at = flip % damaged.len().max(1);
            if let Some(b) = damaged.get_mut(at) {
                *b = b'A' + (*b % 26);
            }
            let damaged = String::from_utf8_lossy(&damaged).into_owned();
            let noisy = format!("r=1.{}", base64::encode_url(&noise));
            for fragment in [damaged.as_str(), noisy.as_str(), random.as_str()] {
                if let Err(error) = decode(fragment) {
                    prop_assert!(!error.to_string().is_empty());
                }
            }
        }
    }
}

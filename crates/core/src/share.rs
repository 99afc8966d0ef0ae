//! Share links: the whole request in the URL's fragment (never sent to any server), compressed, so a link
//! opens a pre-filled request from static hosting with no backend. Secrets are left out unless asked for.
//!
//! The fragment is `r=1.` followed by the request JSON, deflated (raw DEFLATE, which browsers read with
//! `DecompressionStream("deflate-raw")`) and written in unpadded base64url; `1` is the format's version.
//! When the request uses `{{variables}}`, `&v=1.` follows with their values (a JSON list of rows, packed
//! the same way): a separate part, so links without variables are as before, and a reqlab that predates
//! it still opens the request.
//! What counts as a secret is decided here once, for links and for every export (HAR, Postman, the history's
//! record): [`Secrets`] says whether they leave.
//! About 710 lines, 270 of them tests (round trips, damaged and hostile links, secrets left out and named).

use crate::base64;
use crate::edit::model::{Auth, Environment, KeyValue, Request};
use crate::edit::signed_auth::SECRET_PARAMS;

/// The request part's key and the format version it carries.
const PREFIX: &str = "r=1.";
/// The variables part's key and version.
const VARIABLES_PREFIX: &str = "v=1.";
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

/// Whether an export, link or embed carries the request's secrets: left out unless the user includes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Secrets {
    #[default]
    LeaveOut,
    Include,
}

impl Secrets {
    pub fn from_include(include: bool) -> Secrets {
        if include {
            Secrets::Include
        } else {
            Secrets::LeaveOut
        }
    }
}

/// Header names whose values are secrets.
const SECRET_HEADERS: [&str; 5] = [
    "authorization",
    "cookie",
    "proxy-authorization",
    "x-api-key",
    "x-amz-security-token",
];
/// Words that make a query parameter's or a variable's value a secret when its name contains one
/// (`credential`: a presigned AWS URL's `X-Amz-Credential` names the access key).
const SECRET_WORDS: [&str; 9] = [
    "token",
    "secret",
    "password",
    "passwd",
    "key",
    "auth",
    "sig",
    "session",
    "credential",
];

/// True for a query parameter or variable named like a secret (`api_key`, `X-Amz-Signature`, `token`).
pub fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|word| name.contains(word))
}

/// True for a header whose value is a secret wherever it is sent: credentials, cookies, session tokens.
pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.contains(&name.trim().to_ascii_lowercase().as_str())
}

/// The request's secret values, each with what it is ("header Authorization", "Bearer token"): the values
/// of Authorization, Cookie and API-key headers, of query parameters named like secrets, and the auth's
/// (see `auth_secrets`).
fn secrets_of(request: &mut Request) -> Vec<(String, &mut String)> {
    let mut secrets = Vec::new();
    for header in &mut request.headers {
        if is_secret_header(&header.key) {
            secrets.push((format!("header {}", header.key), &mut header.value));
        }
    }
    for param in &mut request.query {
        if is_secret_name(&param.key) {
            secrets.push((format!("query parameter {}", param.key), &mut param.value));
        }
    }
    secrets.extend(auth_secrets(&mut request.auth));
    secrets
}

/// The auth settings' secret values: the password, token or API-key value, and the secret parameters of
/// AWS Signature and OAuth 2.0 (`SECRET_PARAMS`: secret key, session token, client secret, password).
fn auth_secrets(auth: &mut Auth) -> Vec<(String, &mut String)> {
    let mut secrets = Vec::new();
    match auth {
        Auth::None => {}
        Auth::Basic { password, .. } => secrets.push(("Basic auth password".into(), password)),
        Auth::Bearer { token } => secrets.push(("Bearer token".into(), token)),
        Auth::ApiKey { value, .. } => secrets.push(("API key value".into(), value)),
        Auth::Digest { password, .. } => secrets.push(("Digest auth password".into(), password)),
        Auth::AwsSigV4 { params } | Auth::OAuth2 { params } => {
            for param in params {
                if SECRET_PARAMS.contains(&param.key.as_str()) {
                    secrets.push((format!("auth setting {}", param.key), &mut param.value));
                }
            }
        }
    }
    secrets
}

/// Empties every secret value that is not empty already; returns what was emptied.
fn clear(secrets: Vec<(String, &mut String)>) -> Vec<String> {
    let mut left_out = Vec::new();
    for (what, value) in secrets {
        if !value.is_empty() {
            value.clear();
            left_out.push(what);
        }
    }
    left_out
}

/// `request` without its secrets (see `secrets_of`): values are emptied, names kept, so the person who
/// opens the link sees what to fill in. Also returns what was left out, one line each.
pub fn without_secrets(request: &Request) -> (Request, Vec<String>) {
    let mut request = request.clone();
    let left_out = clear(secrets_of(&mut request));
    if !request.query.is_empty() {
        // The URL text repeats the query: rewrite it from the table so no secret stays in it.
        request.url = crate::edit::query::url_with_query(&request.url, &request.query);
    }
    (request, left_out)
}

/// Auth settings without their secret values (see `auth_secrets`), and what was left out.
pub fn auth_without_secrets(auth: &Auth) -> (Auth, Vec<String>) {
    let mut auth = auth.clone();
    let left_out = clear(auth_secrets(&mut auth));
    (auth, left_out)
}

/// `request` with the secrets of the auth kinds that are made at send time (Digest's password; AWS
/// Signature's secret key and session token; OAuth 2.0's client secret and password) emptied, the rest as it
/// is. What the history keeps of a send: those credentials sign or obtain what is sent and are never part of
/// it, so the history has no need of them (a replay asks for them again), while the headers Basic and Bearer
/// make are what was sent.
pub fn without_send_time_secrets(request: &Request) -> (Request, Vec<String>) {
    let mut request = request.clone();
    let left_out = match &request.auth {
        Auth::Digest { .. } | Auth::AwsSigV4 { .. } | Auth::OAuth2 { .. } => {
            clear(auth_secrets(&mut request.auth))
        }
        _ => Vec::new(),
    };
    (request, left_out)
}

/// The headers and URL of a request as sent without their secrets: values emptied (names kept, so a reader
/// sees what was there) for the headers `is_secret_header` names and the API key's own header, and for the
/// query parameters named like secrets (a presigned URL's `X-Amz-Signature`, `X-Amz-Credential` and
/// `X-Amz-Security-Token` among them) and the API key's own parameter. Returns what was left out.
pub fn sent_without_secrets(
    headers: &mut [(String, String)],
    url: &mut crate::prepare::url::Url,
    auth: &crate::prepare::PreparedAuth,
) -> Vec<String> {
    use crate::edit::model::ApiKeyLocation;
    use crate::prepare::PreparedAuth;
    let api_key = |location: ApiKeyLocation| match auth {
        PreparedAuth::ApiKey {
            name, location: at, ..
        } if *at == location => Some(name.trim().to_string()),
        _ => None,
    };
    let header_key = api_key(ApiKeyLocation::Header);
    let query_key = api_key(ApiKeyLocation::Query);
    let mut secrets: Vec<(String, &mut String)> = Vec::new();
    for (name, value) in headers.iter_mut() {
        let is_key = header_key
            .as_deref()
            .is_some_and(|key| key.eq_ignore_ascii_case(name.trim()));
        if is_secret_header(name) || is_key {
            secrets.push((format!("header {name}"), value));
        }
    }
    let mut left_out = clear(secrets);
    if let Some(query) = url.query.take() {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| {
                let (raw_name, value) = pair.split_once('=').unwrap_or((pair, ""));
                let name = crate::edit::query::decode(raw_name);
                let is_key = query_key.as_deref() == Some(name.as_str());
                if (is_secret_name(&name) || is_key) && !value.is_empty() {
                    left_out.push(format!("query parameter {name}"));
                    format!("{raw_name}=")
                } else {
                    pair.to_string()
                }
            })
            .collect();
        url.query = Some(pairs.join("&"));
    }
    left_out
}

/// A collection without its secrets: every request's (see [`without_secrets`]) and the values of its
/// variables named like secrets. What was left out comes back prefixed with the request's path.
pub fn collection_without_secrets(
    collection: &crate::import::collection::Collection,
) -> (crate::import::collection::Collection, Vec<String>) {
    use crate::import::collection::CollectionItem;
    fn items(list: &mut [CollectionItem], path: &str, left_out: &mut Vec<String>) {
        for item in list {
            match item {
                CollectionItem::Folder { name, items: inner } => {
                    items(inner, &format!("{path}{name}/"), left_out)
                }
                CollectionItem::Request { name, request } => {
                    let (safe, what) = without_secrets(request);
                    *request = safe;
                    left_out.extend(what.into_iter().map(|w| format!("{path}{name}: {w}")));
                }
            }
        }
    }
    let mut collection = collection.clone();
    let mut left_out = Vec::new();
    items(&mut collection.items, "", &mut left_out);
    for variable in &mut collection.variables {
        if is_secret_name(&variable.key) && !variable.value.is_empty() {
            variable.value.clear();
            left_out.push(format!("variable {}", variable.key));
        }
    }
    (collection, left_out)
}

/// What an opened link most likely had left out: its empty secret values (see `secrets_of`) and the empty
/// values of variables named like secrets, one line each, for the note that asks to fill them in.
pub fn left_out(shared: &Shared) -> Vec<String> {
    let mut request = shared.request.clone();
    let mut empty: Vec<String> = secrets_of(&mut request)
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(what, _)| what)
        .collect();
    for variable in &shared.variables {
        if is_secret_name(&variable.key) && variable.value.is_empty() {
            empty.push(format!("variable {}", variable.key));
        }
    }
    empty
}

/// What a link opens: a request, and the sharer's values of the `{{variables}}` it uses.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Shared {
    pub request: Request,
    /// One row per variable the request uses that `environment` had a value for, in order of use.
    pub variables: Vec<KeyValue>,
}

/// What a link made of `request`, resolved in `environment`, holds. Unless `include_secrets`, the secrets
/// are left out: those of [`without_secrets`], and the values of variables named like secrets; a variable
/// only a left-out secret used is not in the link at all. Also returns the secrets, one line each (left out,
/// or with `include_secrets` included).
pub fn to_share(
    request: &Request,
    environment: &Environment,
    include_secrets: bool,
) -> (Shared, Vec<String>) {
    let (safe, mut secrets) = without_secrets(request);
    let request = if include_secrets {
        request.clone()
    } else {
        safe
    };
    let mut variables: Vec<KeyValue> = crate::prepare::variables_used(&request)
        .into_iter()
        .filter_map(|name| {
            let value = environment.lookup(&name)?.to_string();
            Some(KeyValue::new(name, value))
        })
        .collect();
    for variable in &mut variables {
        if is_secret_name(&variable.key) && !variable.value.is_empty() {
            secrets.push(format!("variable {}", variable.key));
            if !include_secrets {
                variable.value.clear();
            }
        }
    }
    (Shared { request, variables }, secrets)
}

/// The fragment (without `#`) for `shared`. File bodies travel by name only (their bytes are not in
/// the request JSON).
pub fn encode(shared: &Shared) -> String {
    let mut fragment = format!("{PREFIX}{}", pack(&shared.request));
    if !shared.variables.is_empty() {
        fragment += &format!("&{VARIABLES_PREFIX}{}", pack(&shared.variables));
    }
    fragment
}

fn pack(value: &impl serde::Serialize) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    base64::encode_url(miniz_oxide::deflate::compress_to_vec(&json, 9))
}

/// What a fragment (with or without `#`, other `&`-separated parts ignored) holds.
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    let packed = packed(fragment)?;
    let variables = packed.variables.as_deref().map(inflate).transpose()?;
    from_json(&inflate(&packed.request)?, variables.as_deref())
}

/// A link's parts as the fragment carries them: deflated JSON, base64url decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    pub request: Vec<u8>,
    pub variables: Option<Vec<u8>>,
}

/// The first half of [`decode`]: the fragment's parts, still deflated. The app's library inflates them with
/// the browser's own `DecompressionStream("deflate-raw")`, which reads what `encode` writes, so that it
/// carries no inflater of its own (8 KB of its first load); it must hold them to [`MAX_JSON_BYTES`] too.
pub fn packed(fragment: &str) -> Result<Packed, ShareError> {
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLarge);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let request = part(fragment, PREFIX)?.ok_or(ShareError::NoRequest)?;
    Ok(Packed {
        request: unbase64(request)?,
        variables: part(fragment, VARIABLES_PREFIX)?
            .map(unbase64)
            .transpose()?,
    })
}

/// The second half of [`decode`]: the shared request from its parts' JSON.
pub fn from_json(request: &str, variables: Option<&str>) -> Result<Shared, ShareError> {
    let request = serde_json::from_str(request)
        .map_err(|e| ShareError::Corrupt(format!("not a request: {e}")))?;
    let variables = match variables {
        None => Vec::new(),
        Some(json) => serde_json::from_str(json)
            .map_err(|e| ShareError::Corrupt(format!("its variables are not readable: {e}")))?,
    };
    Ok(Shared { request, variables })
}

/// The data of the part `prefix` names (`r=1.`: key `r`, version 1), if the fragment has that key.
fn part<'a>(fragment: &'a str, prefix: &str) -> Result<Option<&'a str>, ShareError> {
    let key = &prefix[..2];
    let Some(part) = fragment.split('&').find(|part| part.starts_with(key)) else {
        return Ok(None);
    };
    match part.strip_prefix(prefix) {
        Some(data) => Ok(Some(data)),
        None => {
            let version = part[2..].split('.').next().unwrap_or_default();
            Err(ShareError::UnknownVersion(
                version.chars().take(12).collect(),
            ))
        }
    }
}

fn unbase64(data: &str) -> Result<Vec<u8>, ShareError> {
    base64::decode_url(data.trim_end_matches('='))
        .map_err(|_| ShareError::Corrupt("not base64url".into()))
}

/// The JSON text a part packs. Text, not bytes: the JSON reader is then the one every bundle already
/// carries for strings, rather than a second one for byte slices.
fn inflate(packed: &[u8]) -> Result<String, ShareError> {
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_JSON_BYTES).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupt("not compressed as reqlab writes it".into()),
        },
    )?;
    String::from_utf8(json).map_err(|_| ShareError::Corrupt("not UTF-8 text".into()))
}

/// A full link: `base` (the app's address) with `shared` in its fragment; `embed` asks for the compact
/// embedded view.
pub fn link(base: &str, shared: &Shared, embed: bool) -> String {
    link_to(base, &encode(shared), embed)
}

/// A full link from a fragment [`encode`] made (the library has the import worker encode it: the
/// compressor would weigh on every first visit).
pub fn link_to(base: &str, fragment: &str, embed: bool) -> String {
    let base = base.split('#').next().unwrap_or_default();
    let embed = if embed { "&embed=1" } else { "" };
    format!("{base}#{fragment}{embed}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::{ApiKeyLocation, Body, Method, RawLanguage};
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

    fn alone(request: Request) -> Shared {
        Shared {
            request,
            variables: Vec::new(),
        }
    }

    fn fragment_of(url: &str) -> &str {
        url.split_once('#').map(|(_, f)| f).unwrap_or_default()
    }

    #[test]
    fn an_opened_link_names_what_it_left_out_and_nothing_it_kept() {
        let environment = Environment {
            variables: vec![
                KeyValue::new("session_id", "s-1"),
                KeyValue::new("host", "h"),
            ],
            ..Environment::default()
        };
        let mut request = sample();
        request.url = "https://{{host}}/v1/items?page=2&api_key=s3cr3t&s={{session_id}}".into();
        request.query.push(KeyValue::new("s", "{{session_id}}"));
        let (plain, _) = to_share(&request, &environment, false);
        let opened = decode(&encode(&plain)).expect("opens");
        assert_eq!(
            left_out(&opened),
            [
                "header Authorization",
                "header Cookie",
                "query parameter api_key",
                "API key value",
                "variable session_id",
            ]
        );
        let (with_secrets, _) = to_share(&request, &environment, true);
        assert_eq!(
            left_out(&decode(&encode(&with_secrets)).expect("opens")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_link_gives_the_same_request_back() {
        let shared = alone(sample());
        let url = link("https://user.github.io/reqlab/#old", &shared, true);
        assert!(
            url.starts_with("https://user.github.io/reqlab/#r=1."),
            "{url}"
        );
        assert!(url.ends_with("&embed=1"));
        assert!(
            !url.contains("&v="),
            "no variables, no variables part: {url}"
        );
        assert_eq!(decode(fragment_of(&url)), Ok(shared));
    }

    /// A request using `{{host}}` (known), `{{name}}` (known), `{{token}}` (named like a secret),
    /// `{{key}}` (only in a secret query value), `{{missing}}` (not in the environment) and `{{off}}` (only
    /// in a switched-off header).
    fn with_variables() -> (Request, Environment) {
        let request = Request {
            url: "https://{{host}}/items?api_key={{key}}&q={{missing}}".into(),
            query: vec![
                KeyValue::new("api_key", "{{key}}"),
                KeyValue::new("q", "{{missing}}"),
            ],
            headers: vec![
                KeyValue::new("X-Token", "{{token}}"),
                KeyValue {
                    enabled: false,
                    ..KeyValue::new("X-Off", "{{off}}")
                },
            ],
            body: Body::Raw {
                language: RawLanguage::Json,
                text: "{\"name\": \"{{name}}\"}".into(),
            },
            ..Request::default()
        };
        let environment = Environment {
            name: "dev".into(),
            variables: ["host", "name", "token", "key", "off", "unused"]
                .into_iter()
                .map(|k| KeyValue::new(k, format!("{k}-value")))
                .collect(),
        };
        (request, environment)
    }

    #[test]
    fn a_link_carries_the_values_of_the_variables_its_request_uses() {
        let (request, environment) = with_variables();
        let (shared, secrets) = to_share(&request, &environment, false);
        assert_eq!(
            shared.variables,
            [
                KeyValue::new("host", "host-value"),
                KeyValue::new("token", ""),
                KeyValue::new("name", "name-value"),
            ]
        );
        assert_eq!(shared.request.query[0].value, "");
        assert_eq!(secrets, ["query parameter api_key", "variable token"]);
        let url = link("https://h/", &shared, false);
        assert!(url.contains("&v=1."), "{url}");
        assert_eq!(decode(fragment_of(&url)), Ok(shared));

        let (shared, secrets) = to_share(&request, &environment, true);
        assert_eq!(shared.request, request);
        assert_eq!(
            shared.variables,
            [
                KeyValue::new("host", "host-value"),
                KeyValue::new("key", "key-value"),
                KeyValue::new("token", "token-value"),
                KeyValue::new("name", "name-value"),
            ]
        );
        assert_eq!(
            secrets,
            ["query parameter api_key", "variable key", "variable token"]
        );
    }

    #[test]
    fn a_damaged_or_newer_variables_part_is_an_error_not_a_half_request() {
        let (request, environment) = with_variables();
        let fragment = encode(&to_share(&request, &environment, false).0);
        let (request_part, _) = fragment.split_once("&v=").expect("a variables part");
        assert!(matches!(
            decode(&format!("{request_part}&v=1.AAAA")),
            Err(ShareError::Corrupt(_))
        ));
        let error = decode(&format!("{request_part}&v=1.{}", pack(&"not rows"))).unwrap_err();
        assert!(
            error.to_string().contains("its variables are not readable"),
            "{error}"
        );
        assert_eq!(
            decode(&format!("{request_part}&v=3.abc")),
            Err(ShareError::UnknownVersion("3".into()))
        );
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
        let encoded = encode(&alone(shared));
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
            let (request, environment) = with_variables();
            let good = if cut % 2 == 0 {
                encode(&alone(sample()))
            } else {
                encode(&to_share(&request, &environment, true).0)
            };
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

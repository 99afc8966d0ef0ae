//! Command line, send-time auth for `convert --to http-raw`: what the app adds to a prepared request just
//! before (or, for Digest, after the first) send, made here from the command's options so the printed message
//! is the one that goes out. The work is core's `auth::apply`, the app's own.

use crate::args::Parsed;
use reqlab_core::auth::apply::{self, Applied, SendTime};
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::OAuthToken;
use reqlab_core::{PreparedAuth, PreparedRequest};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

/// The target whose output is the message as sent.
pub const RAW_TARGET: &str = "http-raw";
/// The options that only that target reads.
pub const FLAGS: [&str; 4] = ["--date", "--challenge", "--cnonce", "--token"];

/// Applies the request's send-time auth from the options; returns notes for stderr: what the message still
/// lacks, and options the request's auth does not use.
pub fn apply(prepared: &mut PreparedRequest, parsed: &Parsed) -> Result<Vec<String>, String> {
    let time = match parsed.value("--date") {
        Some(text) => UtcTime::parse_rfc3339(text).map_err(|e| format!("--date: {e}"))?,
        None => now()?,
    };
    let cnonce = match parsed.value("--cnonce") {
        Some(cnonce) if cnonce.is_empty() || cnonce.contains('"') => {
            return Err(format!(
                "--cnonce takes a client nonce without quotes, such as {}, not {cnonce:?}",
                random_cnonce()
            ))
        }
        Some(cnonce) => cnonce.to_string(),
        None => random_cnonce(),
    };
    let token = parsed.value("--token").map(|value| OAuthToken {
        access_token: value.to_string(),
        token_type: "Bearer".to_string(),
        ..OAuthToken::default()
    });
    let at = SendTime {
        time,
        challenge: parsed.value("--challenge"),
        cnonce: &cnonce,
        nc: 1,
        token: token.as_ref(),
    };
    let mut notes = unused_options(&prepared.auth, parsed);
    match apply::apply(prepared, &at).map_err(|e| e.to_string())? {
        Applied::Done | Applied::Nothing => {}
        Applied::WaitsForChallenge => notes.push(
            "this is the first request, without auth: Digest answers the challenge in the server's 401. \
             Send it, then give the 401's WWW-Authenticate value with --challenge 'Digest realm=\"…\", \
             nonce=\"…\", …' for the answered request."
                .to_string(),
        ),
        Applied::WaitsForToken => notes.push(
            "the message has no Authorization header: OAuth 2.0 sends the token the provider issued. Get \
             one (the app's Auth tab does), then give it with --token VALUE."
                .to_string(),
        ),
    }
    // What send time adds is in the message now (or said missing above): the snippet writes it as it is,
    // rather than as a target that cannot sign or answer would.
    prepared.auth = PreparedAuth::None;
    Ok(notes)
}

/// Options given for an auth the request does not have: named, since they change nothing.
fn unused_options(auth: &PreparedAuth, parsed: &Parsed) -> Vec<String> {
    let used: &[&str] = match auth {
        PreparedAuth::AwsSigV4 { .. } => &["--date"],
        PreparedAuth::Digest { .. } => &["--challenge", "--cnonce"],
        PreparedAuth::OAuth2 { .. } => &["--token"],
        _ => &[],
    };
    let kind = match auth {
        PreparedAuth::None => "no auth",
        PreparedAuth::Basic { .. } => "Basic auth",
        PreparedAuth::Bearer { .. } => "Bearer auth",
        PreparedAuth::ApiKey { .. } => "an API key",
        PreparedAuth::Digest { .. } => "Digest auth",
        PreparedAuth::AwsSigV4 { .. } => "AWS Signature auth",
        PreparedAuth::OAuth2 { .. } => "OAuth 2.0",
    };
    FLAGS
        .iter()
        .filter(|flag| parsed.value(flag).is_some() && !used.contains(flag))
        .map(|flag| format!("{flag} is not used: the request has {kind}."))
        .collect()
}

pub fn now() -> Result<UtcTime, String> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "the system clock is set before 1970: give the time with --date".to_string())?
        .as_secs();
    i64::try_from(seconds)
        .ok()
        .and_then(|s| UtcTime::from_unix_seconds(s).ok())
        .ok_or_else(|| "the system clock is out of range: give the time with --date".to_string())
}

/// 128 bits in hex from [`random_u64`]: a client nonce need only be unpredictable, not secret.
pub fn random_cnonce() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
}

/// 64 bits from the standard library's randomly keyed hasher (seeded by the operating system, its keys
/// different at each call), mixed with the clock: for client nonces and the dynamic variables' ids and test
/// data, never for secrets.
pub fn random_u64() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(nanos);
    hasher.finish()
}

//! Snippet stage helper: the auth kinds the app applies only at send time (Digest, AWS Signature Version 4,
//! OAuth 2.0), made ready for one target before it writes code. `prepare` adds no header for them, so a
//! target left alone would write a request without auth and no word about it.
//!
//! - Digest: a target whose client answers the challenge writes the credentials itself; for the others the
//!   request goes out without credentials and the warning names what does answer it.
//! - AWS: a client that signs itself (curl's `--aws-sigv4`) gets the settings; every other target gets the
//!   headers (or presigned URL) `auth::sigv4` computes at `Options::sign_at`, over the bytes it sends.
//! - OAuth 2.0: tokens never leave the app's token store, so every target writes a placeholder token.

use super::{DigestSupport, Options, Target};
use crate::edit::signed_auth::{AwsSigV4, OAuth2};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use std::borrow::Cow;

/// What every target writes in place of the OAuth 2.0 access token.
pub(crate) const TOKEN_PLACEHOLDER: &str = "YOUR_ACCESS_TOKEN";

/// The request as `target` should write it, with the warnings the send-time auth calls for.
pub(super) fn ready<'a>(
    target: &Target,
    request: Cow<'a, PreparedRequest>,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Cow<'a, PreparedRequest> {
    match &request.auth {
        PreparedAuth::Digest { .. } => {
            if let DigestSupport::Cannot { advice } = target.digest {
                warnings.push(format!(
                    "{} does not answer Digest challenges: this sends no credentials, and the server \
                     answers 401; {advice}.",
                    target.label
                ));
            }
            request
        }
        PreparedAuth::OAuth2 { params } => {
            let settings = OAuth2::read(params);
            let source = if settings.token_url.trim().is_empty() {
                "the provider".to_string()
            } else {
                settings.token_url.clone()
            };
            warnings.push(format!(
                "OAuth 2.0: reqlab keeps tokens out of snippets: put the access token in place of \
                 {TOKEN_PLACEHOLDER} (the Auth tab's Copy token), or get one from {source} with the {} \
                 grant.",
                settings.grant.as_str()
            ));
            let mut request = request.into_owned();
            // prepare removed a hand-typed Authorization already; the token's header takes its place.
            request
                .headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
            request.headers.push((
                "Authorization".to_string(),
                format!("Bearer {TOKEN_PLACEHOLDER}"),
            ));
            Cow::Owned(request)
        }
        PreparedAuth::AwsSigV4 { params } => {
            let settings = AwsSigV4::read(params);
            if client_signs(target, &request, &settings) {
                return request;
            }
            let mut request = request.into_owned();
            match options.sign_at {
                Some(at) => aws_signed(&mut request, &settings, at, warnings),
                None => warnings.push(unsigned(
                    "the snippet was made without a signing time, so it is not signed",
                )),
            }
            // Whatever happened, the target must not try to sign it again.
            request.auth = PreparedAuth::None;
            Cow::Owned(request)
        }
        _ => request,
    }
}

/// Whether the target's client signs this request itself. curl signs with `--aws-sigv4` but cannot presign
/// a URL, sign `UNSIGNED-PAYLOAD` without sending it as a header (only S3 takes that header), or hash a
/// multipart body it writes as it sends: those get a signature made here instead.
fn client_signs(target: &Target, request: &PreparedRequest, settings: &AwsSigV4) -> bool {
    let payload_fits = if settings.service == "s3" {
        s3_payload_hash(request, settings).is_some()
    } else {
        !settings.unsigned_payload
    };
    target.signs_aws
        && payload_fits
        && !settings.in_query
        && !matches!(request.body, PreparedBody::Multipart(_))
}

/// The `X-Amz-Content-Sha256` value a client that signs itself is given for S3, which requires the header:
/// curl before 8 does not add it, and signs with the value it is given. `None` when it cannot be known here
/// (a file not loaded, or no hasher in this build).
pub(crate) fn s3_payload_hash(request: &PreparedRequest, settings: &AwsSigV4) -> Option<String> {
    if settings.service != "s3" {
        return None;
    }
    if settings.unsigned_payload {
        return Some("UNSIGNED-PAYLOAD".to_string());
    }
    #[cfg(feature = "auth")]
    {
        use crate::auth::hash::{hex, sha256};
        request
            .body
            .wire()
            .ok()
            .map(|(bytes, _)| hex(&sha256(&bytes)))
    }
    #[cfg(not(feature = "auth"))]
    {
        let _ = request;
        None
    }
}

/// The warning a curl that signs itself needs when the URL's query is not in name order: curl 7.88 (Debian
/// 12's, among others) signs the parameters in the order written, where AWS sorts them, so AWS refuses that
/// signature.
pub(crate) fn curl_query_order_warning(request: &PreparedRequest) -> Option<String> {
    let path_and_query = request.url.path_and_query();
    let query = path_and_query.split_once('?').map_or("", |(_, q)| q);
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    // Whether they are in order, not a sorted copy: a sort would add ~4 KB to the snippet worker.
    let in_order = pairs.windows(2).all(|w| w[0] <= w[1]);
    (!in_order).then(|| {
        "Some curl versions (7.88 among them) sign the query parameters in the order written, while AWS \
         sorts them by name: put them in name order, or AWS refuses the signature those versions make."
            .to_string()
    })
}

/// The warning for a request written without its signature.
fn unsigned(why: &str) -> String {
    format!(
        "AWS Signature Version 4: {why}: AWS refuses the request as written. reqlab signs it when it sends \
         it; in code, sign it with an AWS SDK or curl --aws-sigv4."
    )
}

/// `YYYY-MM-DDTHH:MM:SSZ` from SigV4's `YYYYMMDDTHHMMSSZ`.
#[cfg(feature = "auth")]
fn readable(amz_date: &str) -> String {
    match (amz_date.get(0..4), amz_date.get(4..6), amz_date.get(6..8)) {
        (Some(year), Some(month), Some(day)) => format!(
            "{year}-{month}-{day}T{}:{}:{}Z",
            amz_date.get(9..11).unwrap_or("00"),
            amz_date.get(11..13).unwrap_or("00"),
            amz_date.get(13..15).unwrap_or("00"),
        ),
        _ => amz_date.to_string(),
    }
}

/// Adds the signature made at `at` (Unix seconds): the signed headers, or the presigned URL.
#[cfg(feature = "auth")]
fn aws_signed(
    request: &mut PreparedRequest,
    settings: &AwsSigV4,
    at: i64,
    warnings: &mut Vec<String>,
) {
    use crate::auth::apply::{apply, ApplyError, SendTime};
    use crate::auth::time::UtcTime;

    let time = match UtcTime::from_unix_seconds(at) {
        Ok(time) => time,
        Err(e) => return warnings.push(unsigned(&e.to_string())),
    };
    // Signed as the app signs at send time (`auth::apply`), over the exact bytes the target sends. A
    // multipart body's boundary is the client's own choice, so its bytes cannot be matched (said below).
    let at = SendTime {
        time,
        challenge: None,
        cnonce: "",
        nc: 0,
        token: None,
    };
    match apply(request, &at) {
        Ok(_) => {}
        Err(ApplyError::FileNotLoaded(name)) => {
            return warnings.push(unsigned(&format!(
                "the bytes of {name} are not loaded, and the signature covers them"
            )))
        }
        Err(e) => return warnings.push(unsigned(&e.to_string())),
    }
    let when = readable(&time.amz_date());
    if settings.in_query {
        warnings.push(format!(
            "AWS Signature Version 4: the URL is presigned for this exact request at {when}: AWS accepts it \
             for an hour after that (X-Amz-Expires); change anything and it fails."
        ));
    } else {
        warnings.push(format!(
            "Signed for this exact request at {when}: AWS accepts the signature for about 15 minutes; \
             change anything and it fails."
        ));
    }
    if matches!(request.body, PreparedBody::Multipart(_)) && !settings.unsigned_payload {
        warnings.push(
            "AWS Signature Version 4: the client writes the multipart body with a boundary of its own, so \
             the body it sends is not the one signed and AWS refuses it: sign it as UNSIGNED-PAYLOAD where \
             the service allows (S3), or send a body of fixed bytes."
                .to_string(),
        );
    }
}

/// Without core's `auth` feature there is no signer: the request is written unsigned.
#[cfg(not(feature = "auth"))]
fn aws_signed(
    _request: &mut PreparedRequest,
    _settings: &AwsSigV4,
    _at: i64,
    warnings: &mut Vec<String>,
) {
    warnings.push(unsigned("this build of reqlab has no signer"));
}

#[cfg(test)]
mod tests {
    use crate::snippet::tests::writes_every_request;
    use crate::snippet::{DigestSupport, Options, TARGETS};

    fn prepared(json: &str) -> crate::prepare::PreparedRequest {
        let request: crate::edit::model::Request =
            serde_json::from_str(json).expect("valid request JSON");
        crate::prepare::prepare(&request, &crate::edit::model::Environment::default())
            .expect("prepares")
    }

    const AWS: &str = r#"{"method": "POST", "url": "https://h.example/x", "body": {"mode": "raw", "text": "{}"}, "auth": {"kind": "aws_sigv4", "params": [{"key": "access_key", "value": "AK"}, {"key": "secret_key", "value": "SK"}, {"key": "region", "value": "eu-west-1"}, {"key": "service", "value": "execute-api"}]}}"#;

    #[test]
    fn every_target_that_cannot_answer_digest_says_so_and_sends_no_credentials() {
        let request = prepared(
            r#"{"url": "http://h/d", "auth": {"kind": "digest", "username": "u'1", "password": "p$2"}}"#,
        );
        for target in TARGETS {
            let snippet = target.generate(&request, &Options::default());
            let warned = snippet
                .warnings
                .iter()
                .any(|w| w.contains("does not answer Digest challenges"));
            match target.digest {
                DigestSupport::Answers => assert!(!warned, "{}", target.id),
                DigestSupport::Cannot { advice } => {
                    assert!(warned, "{}: {:?}", target.id, snippet.warnings);
                    assert!(
                        snippet.warnings.iter().any(|w| w.contains(advice)),
                        "{}",
                        target.id
                    );
                    assert!(!snippet.code.contains("u'1"), "{}", target.id);
                }
            }
        }
    }

    #[test]
    fn oauth_writes_the_placeholder_and_names_the_token_url_and_grant() {
        let request = prepared(
            r#"{"url": "http://h/o", "auth": {"kind": "oauth2", "params": [{"key": "grant", "value": "client_credentials"}, {"key": "token_url", "value": "https://idp/token"}]}}"#,
        );
        for target in TARGETS.iter().filter(|t| writes_every_request(t)) {
            let snippet = target.generate(&request, &Options::default());
            assert!(snippet.code.contains("YOUR_ACCESS_TOKEN"), "{}", target.id);
            assert!(
                snippet
                    .warnings
                    .iter()
                    .any(|w| w.contains("https://idp/token")
                        && w.contains("client_credentials grant")),
                "{}: {:?}",
                target.id,
                snippet.warnings
            );
        }
    }

    #[test]
    fn without_a_signing_time_aws_is_written_unsigned_with_a_warning() {
        let request = prepared(AWS);
        for target in TARGETS {
            let snippet = target.generate(&request, &Options::default());
            if target.signs_aws {
                assert!(snippet.code.to_lowercase().contains("aws"), "{}", target.id);
                continue;
            }
            assert!(!snippet.code.contains("AWS4-HMAC-SHA256"), "{}", target.id);
            assert!(
                snippet
                    .warnings
                    .iter()
                    .any(|w| w.contains("without a signing time")),
                "{}: {:?}",
                target.id,
                snippet.warnings
            );
        }
    }

    #[cfg(feature = "auth")]
    #[test]
    fn with_a_signing_time_aws_carries_the_signature_and_says_when() {
        let request = prepared(AWS);
        let options = Options {
            sign_at: Some(1_440_938_160),
            ..Options::default()
        };
        for target in TARGETS
            .iter()
            .filter(|t| !t.signs_aws && writes_every_request(t))
        {
            let snippet = target.generate(&request, &options);
            assert!(
                snippet
                    .code
                    .contains("AWS4-HMAC-SHA256 Credential=AK/20150830/"),
                "{}",
                target.id
            );
            assert!(
                snippet.warnings.iter().any(|w| w.starts_with(
                    "Signed for this exact request at 2015-08-30T12:36:00Z: AWS accepts the signature"
                )),
                "{}: {:?}",
                target.id,
                snippet.warnings
            );
        }
    }

    #[cfg(feature = "auth")]
    #[test]
    fn a_client_that_signs_itself_gets_a_signature_where_it_cannot() {
        let presigned = AWS.replace(
            r#"{"key": "service", "value": "execute-api"}"#,
            r#"{"key": "service", "value": "s3"}, {"key": "in_query", "value": "true"}"#,
        );
        let options = Options {
            sign_at: Some(1_440_938_160),
            ..Options::default()
        };
        let snippet = crate::snippet::generate("shell-curl", &prepared(&presigned), &options)
            .expect("known target");
        assert!(!snippet.code.contains("--aws-sigv4"));
        assert!(snippet.code.contains("X-Amz-Signature="));
    }

    #[test]
    fn a_query_out_of_name_order_warns_curl_users() {
        let unsorted = AWS.replace("https://h.example/x", "https://h.example/x?b=1&a=2");
        let snippet =
            crate::snippet::generate("shell-curl", &prepared(&unsorted), &Options::default())
                .expect("known target");
        assert!(snippet.warnings.iter().any(|w| w.contains("in name order")));
        let snippet = crate::snippet::generate("shell-curl", &prepared(AWS), &Options::default())
            .expect("known target");
        assert!(!snippet.warnings.iter().any(|w| w.contains("in name order")));
    }

    /// Signing adds microseconds: every target for a typical signed request stays well inside the budget.
    /// The fastest of several rounds, so a busy machine does not fail it.
    #[cfg(feature = "auth")]
    #[test]
    fn signing_keeps_generation_fast() {
        let request = prepared(AWS);
        let options = Options {
            sign_at: Some(1_440_938_160),
            ..Options::default()
        };
        let fastest = (0..20)
            .map(|_| {
                let start = std::time::Instant::now();
                for target in TARGETS {
                    target.generate(&request, &options);
                }
                start.elapsed()
            })
            .min()
            .unwrap_or_default();
        println!("every target, signed: {fastest:?}");
        // Generous for unoptimised test builds; optimised builds take a fraction of it.
        assert!(
            fastest < std::time::Duration::from_millis(20),
            "{fastest:?}"
        );
    }
}

//! `auth::apply`: the send-time auth put into a prepared request as the app sends it. AWS Signature against
//! AWS's published test suite (expected values read from its files), Digest's choice of protection and its
//! body hash, OAuth 2.0's token replacing a typed Authorization header, and what waits for the server or the
//! provider.
#![cfg(feature = "auth")]

use reqlab_core::auth::apply::{apply, Applied, ApplyError, SendTime};
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::{AwsSigV4, OAuthToken};
use reqlab_core::{
    prepare, Auth, Body, Environment, FileRef, KeyValue, Method, PreparedRequest, Request,
};
use std::path::PathBuf;

fn fixture(case: &str, file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sigv4")
        .join(case)
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(name, value)` of the `Name:value` lines after the request line of a suite's signed request.
fn fixture_headers(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn at(time: &str) -> SendTime<'static> {
    SendTime {
        time: UtcTime::parse_rfc3339(time).expect("a time"),
        challenge: None,
        cnonce: "0a4f113b",
        nc: 1,
        token: None,
    }
}

fn prepared(request: Request) -> PreparedRequest {
    prepare(&request, &Environment::default()).expect("prepares")
}

fn suite_request(session_token: &str) -> Request {
    Request {
        url: "https://example.amazonaws.com/".into(),
        auth: Auth::AwsSigV4 {
            params: AwsSigV4 {
                access_key: "AKIDEXAMPLE".into(),
                secret_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
                session_token: session_token.into(),
                region: "us-east-1".into(),
                service: "service".into(),
                ..AwsSigV4::default()
            }
            .to_params(),
        },
        ..Request::default()
    }
}

#[test]
fn aws_adds_the_suites_headers() {
    for (case, token) in [
        ("get-vanilla", ""),
        (
            "get-vanilla-with-session-token",
            "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
        ),
    ] {
        let mut request = prepared(suite_request(token));
        // A hand-typed Authorization header is replaced by the signature's.
        request
            .headers
            .push(("authorization".into(), "typed".into()));
        let applied = apply(&mut request, &at("2015-08-30T12:36:00Z")).expect("signs");
        assert_eq!(applied, Applied::Done);
        let expected: Vec<(String, String)> =
            fixture_headers(&fixture(case, "header-signed-request.txt"))
                .into_iter()
                .filter(|(n, _)| n != "Host")
                .collect();
        assert_eq!(request.headers, expected, "{case}");
    }
}

#[test]
fn aws_signs_the_multipart_content_type_and_the_bodys_bytes() {
    let mut request = suite_request("");
    request.method = Method::Post;
    request.body = Body::Multipart {
        parts: vec![reqlab_core::FormPart::text("a", "1")],
    };
    let mut with_body = prepared(request);
    apply(&mut with_body, &at("2015-08-30T12:36:00Z")).expect("signs");
    let authorization = &with_body.headers.last().expect("a header").1;
    assert!(
        authorization.contains("SignedHeaders=content-type;host;x-amz-date"),
        "{authorization}"
    );
}

#[test]
fn digest_waits_for_the_challenge_then_answers_it() {
    let request = Request {
        method: Method::Post,
        url: "http://h/dir?x=1".into(),
        body: Body::Raw {
            language: reqlab_core::RawLanguage::Text,
            text: "body".into(),
        },
        auth: Auth::Digest {
            username: "u".into(),
            password: "p".into(),
        },
        ..Request::default()
    };
    let mut first = prepared(request.clone());
    let before = first.clone();
    assert_eq!(
        apply(&mut first, &at("2020-01-01T00:00:00Z")),
        Ok(Applied::WaitsForChallenge)
    );
    assert_eq!(first, before, "the first request goes without auth");

    // Offered only auth-int, the answer covers the body; offered both, auth is enough.
    for (qop, chosen) in [
        ("auth-int", "qop=auth-int"),
        ("auth-int, auth", "qop=auth,"),
    ] {
        let challenge = format!("Digest realm=\"r\", nonce=\"n\", qop=\"{qop}\"");
        let mut answered = prepared(request.clone());
        let send = SendTime {
            challenge: Some(&challenge),
            ..at("2020-01-01T00:00:00Z")
        };
        assert_eq!(apply(&mut answered, &send), Ok(Applied::Done));
        let (name, value) = answered.headers.last().expect("a header");
        assert_eq!(name, "Authorization");
        assert!(
            value.contains("uri=\"/dir?x=1\"") && value.contains(chosen),
            "{value}"
        );
    }
}

#[test]
fn oauth_adds_the_token_or_waits_for_one() {
    let request = Request {
        url: "http://h/".into(),
        headers: vec![KeyValue::new("Authorization", "typed")],
        auth: Auth::OAuth2 { params: Vec::new() },
        ..Request::default()
    };
    let mut without = prepared(request.clone());
    assert_eq!(
        apply(&mut without, &at("2020-01-01T00:00:00Z")),
        Ok(Applied::WaitsForToken)
    );
    let token = OAuthToken {
        access_token: "abc".into(),
        token_type: "bearer".into(),
        ..OAuthToken::default()
    };
    let mut with = prepared(request);
    let send = SendTime {
        token: Some(&token),
        ..at("2020-01-01T00:00:00Z")
    };
    assert_eq!(apply(&mut with, &send), Ok(Applied::Done));
    assert_eq!(
        with.headers,
        [("Authorization".to_string(), "Bearer abc".to_string())]
    );
}

#[test]
fn a_file_whose_bytes_are_not_loaded_cannot_be_signed() {
    let mut request = suite_request("");
    request.method = Method::Put;
    request.body = Body::Binary {
        file: Some(FileRef {
            name: "photo.png".into(),
            content_type: "image/png".into(),
            data: None,
        }),
    };
    let mut unloaded = prepared(request);
    let error = apply(&mut unloaded, &at("2015-08-30T12:36:00Z")).expect_err("no bytes to sign");
    assert_eq!(error, ApplyError::FileNotLoaded("photo.png".into()));
    assert!(error.to_string().contains("choose the file again"));
}

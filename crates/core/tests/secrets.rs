//! Secrets never leave unless the user includes them: for requests with OAuth 2.0 (client secret, password),
//! AWS Signature (secret key, session token) and Digest auth, the share link, the HAR export (sent headers and
//! presigned URLs included), the Postman export and the history record hold none of the secret values, and
//! hold every one when secrets are included. Postman's digest, awsv4 and oauth2 auth export and import back to
//! the same settings.
#![cfg(feature = "auth")]

use reqlab_core::auth::apply::{self, SendTime};
use reqlab_core::auth::time::UtcTime;
use reqlab_core::edit::signed_auth::{AwsSigV4, ClientAuth, OAuth2, OAuthGrant};
use reqlab_core::import::collection::{Collection, CollectionItem};
use reqlab_core::import::{har, postman};
use reqlab_core::library::collections::Collections;
use reqlab_core::library::history::{self, History, HistoryEntry};
use reqlab_core::share::{self, Secrets};
use reqlab_core::{prepare, Auth, Environment, KeyValue, Method, PreparedRequest, Request};

const OAUTH_CLIENT_SECRET: &str = "oauth-client-s3cret-91";
const OAUTH_PASSWORD: &str = "oauth-user-pa55-27";
const AWS_SECRET_KEY: &str = "wJalrXUtnFEMI-aws-secret-44";
const AWS_SESSION_TOKEN: &str = "FwoGZXIvYXdzE-session-token-63";
const DIGEST_PASSWORD: &str = "Circle of Life 85";

fn oauth() -> OAuth2 {
    OAuth2 {
        grant: OAuthGrant::Password,
        token_url: "https://id.example/token".into(),
        client_id: "reqlab-app".into(),
        client_secret: OAUTH_CLIENT_SECRET.into(),
        client_auth: ClientAuth::Body,
        scope: "read write".into(),
        username: "alice".into(),
        password: OAUTH_PASSWORD.into(),
        ..OAuth2::default()
    }
}

fn aws(in_query: bool) -> AwsSigV4 {
    AwsSigV4 {
        access_key: "AKIDEXAMPLE".into(),
        secret_key: AWS_SECRET_KEY.into(),
        session_token: AWS_SESSION_TOKEN.into(),
        region: "us-east-1".into(),
        service: "execute-api".into(),
        in_query,
        unsigned_payload: false,
    }
}

fn request(url: &str, auth: Auth) -> Request {
    Request {
        method: Method::Post,
        url: url.into(),
        headers: vec![KeyValue::new("Content-Type", "application/json")],
        body: reqlab_core::Body::Raw {
            language: reqlab_core::RawLanguage::Json,
            text: "{\"n\": 1}".into(),
        },
        auth,
        ..Request::default()
    }
}

/// Each request with the secrets it carries.
fn cases() -> Vec<(&'static str, Request, Vec<&'static str>)> {
    vec![
        (
            "OAuth 2.0",
            request(
                "https://api.example/items",
                Auth::OAuth2 {
                    params: oauth().to_params(),
                },
            ),
            vec![OAUTH_CLIENT_SECRET, OAUTH_PASSWORD],
        ),
        (
            "AWS Signature",
            request(
                "https://abc.execute-api.us-east-1.amazonaws.com/prod/items",
                Auth::AwsSigV4 {
                    params: aws(false).to_params(),
                },
            ),
            vec![AWS_SECRET_KEY, AWS_SESSION_TOKEN],
        ),
        (
            "AWS Signature, presigned",
            request(
                "https://abc.execute-api.us-east-1.amazonaws.com/prod/items?page=2",
                Auth::AwsSigV4 {
                    params: aws(true).to_params(),
                },
            ),
            vec![AWS_SECRET_KEY, AWS_SESSION_TOKEN],
        ),
        (
            "Digest",
            request(
                "http://www.example.org/dir/index.html",
                Auth::Digest {
                    username: "Mufasa".into(),
                    password: DIGEST_PASSWORD.into(),
                },
            ),
            vec![DIGEST_PASSWORD],
        ),
    ]
}

fn assert_none(what: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            !text.contains(secret),
            "{what} holds the secret {secret:?}:\n{text}"
        );
    }
}

fn assert_all(what: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            text.contains(secret),
            "{what} lacks the included secret {secret:?}:\n{text}"
        );
    }
}

/// The request prepared and its send-time auth applied, as it went out (a Digest answer included).
fn as_sent(request: &Request) -> PreparedRequest {
    let mut prepared = prepare(request, &Environment::default()).expect("prepares");
    let time = UtcTime::parse_rfc3339("2015-08-30T12:36:00Z").expect("a time");
    let token = reqlab_core::edit::signed_auth::OAuthToken {
        access_token: "access-token-from-the-provider".into(),
        ..Default::default()
    };
    let at = SendTime {
        time,
        challenge: Some("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256"),
        cnonce: "c",
        nc: 1,
        token: Some(&token),
    };
    apply::apply(&mut prepared, &at).expect("auth applies");
    prepared
}

#[test]
fn share_links_hold_the_secrets_only_when_included() {
    for (name, request, secrets) in cases() {
        for include in [false, true] {
            let (shared, named) = share::to_share(&request, &Environment::default(), include);
            let link = share::link("http://127.0.0.1:8080/", &shared, false);
            let fragment = link.split_once('#').expect("a fragment").1;
            let opened = share::decode(fragment).expect("the link opens");
            let text = serde_json::to_string(&opened).expect("serializes");
            if include {
                assert_all(name, &text, &secrets);
            } else {
                assert_none(name, &text, &secrets);
            }
            assert!(
                named
                    .iter()
                    .any(|n| n.starts_with("auth setting") || n.starts_with("Digest")),
                "{name}: {named:?}"
            );
        }
    }
}

#[test]
fn har_exports_hold_the_secrets_only_when_included() {
    for (name, request, mut secrets) in cases() {
        let prepared = as_sent(&request);
        // What signing and answering put on the wire is secret too: the signature, the Digest response.
        let sent_auth: Vec<String> = prepared
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("authorization"))
            .map(|(_, v)| v.clone())
            .chain(
                prepared
                    .url
                    .query
                    .iter()
                    .flat_map(|q| q.split('&'))
                    .filter(|p| {
                        p.starts_with("X-Amz-Signature=") || p.starts_with("X-Amz-Credential=")
                    })
                    .map(|p| {
                        p.split_once('=')
                            .map(|(_, v)| v.to_string())
                            .unwrap_or_default()
                    }),
            )
            .collect();
        assert!(!sent_auth.is_empty(), "{name}: no auth was sent");
        // As JSON writes them (a Digest answer has quotes).
        let sent: Vec<String> = sent_auth
            .iter()
            .map(|value| {
                let json = serde_json::to_string(value).expect("JSON");
                json[1..json.len() - 1].to_string()
            })
            .collect();
        secrets.extend(sent.iter().map(String::as_str));

        let left_out = har::export_log(vec![har::export_entry_with(
            &prepared,
            None,
            Secrets::LeaveOut,
        )])
        .to_string();
        assert_none(name, &left_out, &secrets);
        assert!(left_out.contains("\"left_out\""), "{name}: {left_out}");
        let included = har::export_entry_with(&prepared, None, Secrets::Include).to_string();
        assert_all(name, &included, &secrets);
        assert_eq!(
            har::export_entry(&prepared, None).to_string(),
            included,
            "{name}: the old export keeps its meaning"
        );
    }
}

#[test]
fn har_leaves_out_credential_and_cookie_headers_and_secret_query_values_keeping_their_names() {
    let mut request = Request {
        url: "https://h/x?api_key=k-1&page=2".into(),
        headers: vec![
            KeyValue::new("Cookie", "sid=cookie-value"),
            KeyValue::new("Proxy-Authorization", "Basic cHJveHk6cGFzcw=="),
            KeyValue::new("X-Api-Key", "api-key-value"),
            KeyValue::new("X-Amz-Security-Token", "typed-session-token"),
            KeyValue::new("X-Trace", "kept-7f3a"),
        ],
        auth: Auth::Basic {
            username: "u".into(),
            password: "basic-pass".into(),
        },
        ..Request::default()
    };
    request.query = reqlab_core::edit::query::query_from_url(&request.url, &[]);
    let prepared = prepare(&request, &Environment::default()).expect("prepares");
    let exported = har::export_request_with(&prepared, Secrets::LeaveOut);
    let text = exported.to_string();
    assert_none(
        "HAR",
        &text,
        &[
            "cookie-value",
            "cHJveHk6cGFzcw==",
            "api-key-value",
            "typed-session-token",
            "k-1",
            "basic-pass",
            "dTpiYXNpYy1wYXNz",
        ],
    );
    assert!(
        text.contains("kept-7f3a") && text.contains("page=2"),
        "{text}"
    );
    let headers = exported["headers"].as_array().expect("headers");
    let value = |name: &str| {
        headers
            .iter()
            .find(|h| h["name"] == name)
            .map(|h| h["value"].clone())
    };
    assert_eq!(value("Authorization"), Some(serde_json::json!("")));
    assert_eq!(value("Cookie"), Some(serde_json::json!("")));
    assert_eq!(exported["url"], "https://h/x?api_key=&page=2");
    // Importing it back gives the request's shape, its secrets to fill in.
    let imported = har::import(&text, None).expect("imports");
    assert_eq!(
        imported.request.auth,
        Auth::Basic {
            username: "u".into(),
            password: String::new()
        }
    );
}

fn collection() -> Collection {
    Collection {
        name: "Signed".into(),
        variables: vec![
            KeyValue::new("base", "https://api.example"),
            KeyValue::new("client_secret", OAUTH_CLIENT_SECRET),
        ],
        items: vec![CollectionItem::Folder {
            name: "Auth".into(),
            items: cases()
                .into_iter()
                .map(|(name, request, _)| CollectionItem::Request {
                    name: name.into(),
                    request,
                })
                .collect(),
        }],
        origins: Vec::new(),
    }
}

fn all_secrets() -> Vec<&'static str> {
    cases()
        .into_iter()
        .flat_map(|(_, _, secrets)| secrets)
        .collect()
}

#[test]
fn postman_exports_hold_the_secrets_only_when_included() {
    let collection = collection();
    let left_out = postman::export_with(&collection, Secrets::LeaveOut).to_string();
    assert_none("Postman", &left_out, &all_secrets());
    let included = postman::export_with(&collection, Secrets::Include).to_string();
    assert_all("Postman", &included, &all_secrets());
    assert_eq!(postman::export(&collection).to_string(), included);

    let (collections, variables) = {
        let mut collections = Collections::default();
        collections.add_folder("Auth");
        for (name, request, _) in cases() {
            collections.save(0, name, request).expect("saves");
        }
        (collections, collection.variables.clone())
    };
    let file = collections.to_postman_with("Mine", &variables, Secrets::LeaveOut);
    assert_none("the library's Postman file", &file, &all_secrets());
    let file = collections.to_postman_with("Mine", &variables, Secrets::Include);
    assert_all("the library's Postman file", &file, &all_secrets());
}

#[test]
fn history_records_no_send_time_auth_secrets() {
    for (name, request, secrets) in cases() {
        let kept = history::without_auth_secrets(&request);
        assert_none(name, &serde_json::to_string(&kept).expect("JSON"), &secrets);
        assert_eq!(kept.url, request.url, "{name}: the rest is kept");
        let mut history = History::default();
        history.record(HistoryEntry {
            status: 200,
            ..HistoryEntry::recorded(&request)
        });
        assert_none(name, &history.to_json(), &secrets);
    }
    // What the other kinds send is the send itself: a Basic password stays, for a replay.
    let basic = Request {
        auth: Auth::Basic {
            username: "u".into(),
            password: "p".into(),
        },
        ..Request::default()
    };
    assert_eq!(history::without_auth_secrets(&basic), basic);
}

#[test]
fn postman_digest_awsv4_and_oauth2_export_and_import_to_the_same_settings() {
    let mut collection = collection();
    // PKCE belongs to the authorization code grant, which Postman names apart with and without it.
    for pkce in [true, false] {
        let settings = OAuth2 {
            grant: OAuthGrant::AuthorizationCode,
            auth_url: "https://id.example/authorize".into(),
            redirect_uri: "https://app.example/callback".into(),
            pkce,
            ..oauth()
        };
        collection.items.push(CollectionItem::Request {
            name: format!("Authorization code, PKCE {pkce}"),
            request: request(
                "https://api.example/me",
                Auth::OAuth2 {
                    params: settings.to_params(),
                },
            ),
        });
    }
    let exported = postman::export(&collection).to_string();
    let imported = postman::import(&exported).unwrap_or_else(|e| panic!("{e}\n{exported}"));
    let before = collection.requests();
    let after = imported.collection.requests();
    assert_eq!(after.len(), before.len());
    for ((path, original), (_, back)) in before.iter().zip(&after) {
        match (&original.auth, &back.auth) {
            (Auth::AwsSigV4 { params: a }, Auth::AwsSigV4 { params: b }) => {
                assert_eq!(AwsSigV4::read(b), AwsSigV4::read(a), "{path}")
            }
            (Auth::OAuth2 { params: a }, Auth::OAuth2 { params: b }) => {
                assert_eq!(OAuth2::read(b), OAuth2::read(a), "{path}")
            }
            (a, b) => assert_eq!(b, a, "{path}"),
        }
    }
}

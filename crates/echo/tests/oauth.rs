//! The OAuth 2.0 test authorization server (`--oauth-test`), in process: every flow end to end through one
//! router (so they share its store), the errors RFC 6749, 6750, 7636 and 8628 name, the no-CORS token
//! endpoint, and 404 everywhere without the flag. Time-dependent cases run on tokio's paused clock.

mod support;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use base64::Engine;
use reqlab_echo::{app, Config};
use serde_json::Value;
use std::time::Duration;
use support::Answer;
use url::Url;

/// RFC 7636 appendix B's verifier and its S256 challenge.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const REDIRECT: &str = "http://localhost:5173/callback?from=test";
const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

struct Server(Router);

impl Server {
    fn new() -> Self {
        Server(app(Config {
            oauth_test: true,
            ..Config::default()
        }))
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        support::send_to(self.0.clone(), request).await
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(
            Request::get(uri)
                .header("Host", "echo.test")
                .body(Body::empty())
                .expect("valid request"),
        )
        .await
    }

    /// A form POST, with HTTP Basic credentials when `basic` is given.
    async fn post(
        &self,
        uri: &str,
        fields: &[(&str, &str)],
        basic: Option<(&str, &str)>,
    ) -> Answer {
        let mut builder = Request::post(uri)
            .header("Host", "echo.test")
            .header("Content-Type", "application/x-www-form-urlencoded");
        if let Some((id, secret)) = basic {
            let encoded =
                base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
            builder = builder.header("Authorization", format!("Basic {encoded}"));
        }
        self.send(
            builder
                .body(Body::from(form(fields)))
                .expect("valid request"),
        )
        .await
    }

    async fn token(&self, fields: &[(&str, &str)], basic: Option<(&str, &str)>) -> Answer {
        self.post("/oauth/token", fields, basic).await
    }

    async fn protected(&self, token: &str) -> Answer {
        self.send(
            Request::get("/oauth/protected")
                .header("Authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .expect("valid request"),
        )
        .await
    }

    /// Approves a code-flow request for `reqlab-spa` with PKCE and returns the code from the redirect.
    async fn spa_code(&self, state: &str) -> String {
        let approved = self
            .post(
                "/oauth/authorize",
                &[
                    ("response_type", "code"),
                    ("client_id", "reqlab-spa"),
                    ("redirect_uri", REDIRECT),
                    ("scope", "read write"),
                    ("state", state),
                    ("code_challenge", CHALLENGE),
                    ("code_challenge_method", "S256"),
                    ("decision", "approve"),
                ],
                None,
            )
            .await;
        assert_eq!(approved.status, 303, "{}", approved.text());
        query_of(&approved)["code"].clone()
    }

    async fn service_token(&self, extra: &[(&str, &str)]) -> Answer {
        let mut fields = vec![("grant_type", "client_credentials")];
        fields.extend_from_slice(extra);
        self.token(&fields, Some(("reqlab-service", "reqlab-secret")))
            .await
    }
}

fn form(fields: &[(&str, &str)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

fn location(answer: &Answer) -> Url {
    Url::parse(answer.header("location")).expect("an absolute Location")
}

fn query_of(answer: &Answer) -> std::collections::HashMap<String, String> {
    location(answer).query_pairs().into_owned().collect()
}

fn fragment_of(answer: &Answer) -> std::collections::HashMap<String, String> {
    let url = location(answer);
    form_urlencoded::parse(url.fragment().unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

fn assert_error(answer: &Answer, status: u16, error: &str) {
    assert_eq!(answer.status, status, "{}", answer.text());
    assert_eq!(answer.json()["error"], error, "{}", answer.text());
    assert!(answer.json()["error_description"].is_string());
    assert_eq!(answer.header("cache-control"), "no-store");
}

#[tokio::test]
async fn code_flow_with_pkce_from_consent_page_to_protected_resource() {
    let server = Server::new();
    let state = "s<1>&\"x\"";
    let query = form(&[
        ("response_type", "code"),
        ("client_id", "reqlab-spa"),
        ("redirect_uri", REDIRECT),
        ("scope", "read write"),
        ("state", state),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
    ]);
    let page = server.get(&format!("/oauth/authorize?{query}")).await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    let html = page.text();
    for expected in [
        "reqlab-spa",
        "read write",
        "http://localhost:5173/callback?from=test",
        "<form method=\"post\" action=\"authorize\">",
        "value=\"approve\">Approve</button>",
        "value=\"deny\">Deny</button>",
        "name=\"state\" value=\"s&lt;1&gt;&amp;&quot;x&quot;\"",
        &format!("name=\"code_challenge\" value=\"{CHALLENGE}\""),
    ] {
        assert!(html.contains(expected), "{expected} not in {html}");
    }
    assert!(!html.contains(state), "the state is echoed unescaped");
    assert!(!html.contains("<script"));

    // The page's form, submitted with Approve.
    let code = server.spa_code(state).await;
    let approved_again = server
        .post(
            "/oauth/authorize",
            &[
                ("response_type", "code"),
                ("client_id", "reqlab-spa"),
                ("redirect_uri", REDIRECT),
                ("state", state),
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", "S256"),
                ("decision", "approve"),
            ],
            None,
        )
        .await;
    let redirected = query_of(&approved_again);
    assert_eq!(redirected["state"], state);
    assert_eq!(
        redirected["from"], "test",
        "the redirect URI's own query is kept"
    );
    assert!(location(&approved_again)
        .as_str()
        .starts_with("http://localhost:5173/callback?from=test&code="));

    let tokens = server
        .token(
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("client_id", "reqlab-spa"),
                ("code_verifier", VERIFIER),
            ],
            None,
        )
        .await;
    assert_eq!(tokens.status, 200, "{}", tokens.text());
    assert_eq!(tokens.header("cache-control"), "no-store");
    let body = tokens.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["scope"], "read write");
    assert!(body["refresh_token"].is_string());

    let access_token = body["access_token"].as_str().expect("a token");
    let resource = server.protected(access_token).await;
    assert_eq!(resource.status, 200, "{}", resource.text());
    let who = resource.json();
    assert_eq!(who["authenticated"], true);
    assert_eq!(who["client_id"], "reqlab-spa");
    assert_eq!(who["scope"], "read write");
    assert_eq!(who["user"], "alice");
    assert_eq!(who["expires_in"], 3600);
}

#[tokio::test]
async fn a_wrong_verifier_or_a_reused_code_is_invalid_grant() {
    let server = Server::new();
    let exchange = |code: String, verifier: &'static str| {
        let server = &server;
        async move {
            server
                .token(
                    &[
                        ("grant_type", "authorization_code"),
                        ("code", &code),
                        ("redirect_uri", REDIRECT),
                        ("client_id", "reqlab-spa"),
                        ("code_verifier", verifier),
                    ],
                    None,
                )
                .await
        }
    };
    let code = server.spa_code("a").await;
    let wrong = exchange(
        code.clone(),
        "wrong-verifier-wrong-verifier-wrong-verifier-x",
    )
    .await;
    assert_error(&wrong, 400, "invalid_grant");
    assert!(wrong.json()["error_description"]
        .as_str()
        .unwrap_or_default()
        .contains("code_verifier"));
    // A code presented once is spent, even when that attempt failed.
    assert_error(&exchange(code, VERIFIER).await, 400, "invalid_grant");

    let code = server.spa_code("b").await;
    assert_eq!(exchange(code.clone(), VERIFIER).await.status, 200);
    assert_error(&exchange(code, VERIFIER).await, 400, "invalid_grant");

    // The redirect_uri must be the one authorized, exactly.
    let code = server.spa_code("c").await;
    let moved = server
        .token(
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", "http://localhost:5173/callback"),
                ("client_id", "reqlab-spa"),
                ("code_verifier", VERIFIER),
            ],
            None,
        )
        .await;
    assert_error(&moved, 400, "invalid_grant");
}

#[tokio::test(start_paused = true)]
async fn codes_expire_after_60_seconds() {
    let server = Server::new();
    let code = server.spa_code("late").await;
    tokio::time::advance(Duration::from_secs(61)).await;
    let late = server
        .token(
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("client_id", "reqlab-spa"),
                ("code_verifier", VERIFIER),
            ],
            None,
        )
        .await;
    assert_error(&late, 400, "invalid_grant");
    assert!(late.text().contains("expired"));
}

#[tokio::test]
async fn the_public_client_must_use_pkce_and_bad_requests_get_a_page() {
    let server = Server::new();
    let no_pkce = form(&[
        ("response_type", "code"),
        ("client_id", "reqlab-spa"),
        ("redirect_uri", REDIRECT),
        ("state", "st"),
    ]);
    let refused = server.get(&format!("/oauth/authorize?{no_pkce}")).await;
    assert_eq!(refused.status, 303);
    let answer = query_of(&refused);
    assert_eq!(answer["error"], "invalid_request");
    assert!(answer["error_description"].contains("PKCE"));
    assert_eq!(answer["state"], "st");

    // The confidential client may go without PKCE.
    let service = form(&[
        ("response_type", "code"),
        ("client_id", "reqlab-service"),
        ("redirect_uri", REDIRECT),
    ]);
    assert_eq!(
        server
            .get(&format!("/oauth/authorize?{service}"))
            .await
            .status,
        200
    );

    // Unknown client, missing or unusable redirect URI: an error page, never a redirect.
    for query in [
        form(&[
            ("response_type", "code"),
            ("client_id", "nobody"),
            ("redirect_uri", REDIRECT),
        ]),
        form(&[("response_type", "code"), ("client_id", "reqlab-spa")]),
        form(&[
            ("response_type", "code"),
            ("client_id", "reqlab-spa"),
            ("redirect_uri", "javascript:alert(1)"),
        ]),
        form(&[
            ("response_type", "code"),
            ("client_id", "reqlab-spa"),
            ("redirect_uri", "https://app.test/cb#x"),
        ]),
    ] {
        let page = server.get(&format!("/oauth/authorize?{query}")).await;
        assert_eq!(page.status, 400, "{query}");
        assert!(page.headers.get("location").is_none(), "{query}");
        assert!(page.header("content-type").starts_with("text/html"));
    }
    let unknown = server
        .get("/oauth/authorize?response_type=code&client_id=%3Cb%3E&redirect_uri=http://a/")
        .await;
    assert!(unknown.text().contains("&quot;&lt;b&gt;&quot;"));

    // A sound redirect URI hears about the rest.
    let unsupported = form(&[
        ("response_type", "id_token"),
        ("client_id", "reqlab-service"),
        ("redirect_uri", REDIRECT),
    ]);
    let answer = server.get(&format!("/oauth/authorize?{unsupported}")).await;
    assert_eq!(query_of(&answer)["error"], "unsupported_response_type");
    let implicit_service = form(&[
        ("response_type", "token"),
        ("client_id", "reqlab-service"),
        ("redirect_uri", REDIRECT),
    ]);
    let answer = server
        .get(&format!("/oauth/authorize?{implicit_service}"))
        .await;
    assert_eq!(fragment_of(&answer)["error"], "unauthorized_client");
}

#[tokio::test]
async fn deny_sends_access_denied_with_the_state() {
    let server = Server::new();
    let denied = server
        .post(
            "/oauth/authorize",
            &[
                ("response_type", "code"),
                ("client_id", "reqlab-spa"),
                ("redirect_uri", REDIRECT),
                ("state", "keep me"),
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", "S256"),
                ("decision", "deny"),
            ],
            None,
        )
        .await;
    assert_eq!(denied.status, 303);
    let answer = query_of(&denied);
    assert_eq!(answer["error"], "access_denied");
    assert_eq!(answer["state"], "keep me");
    assert!(!answer.contains_key("code"));
}

#[tokio::test]
async fn implicit_flow_puts_the_token_in_the_fragment() {
    let server = Server::new();
    let approved = server
        .post(
            "/oauth/authorize",
            &[
                ("response_type", "token"),
                ("client_id", "reqlab-spa"),
                ("redirect_uri", "https://app.test/cb"),
                ("scope", "profile"),
                ("state", "imp"),
                ("decision", "approve"),
            ],
            None,
        )
        .await;
    assert_eq!(approved.status, 303, "{}", approved.text());
    assert_eq!(location(&approved).query(), None);
    let answer = fragment_of(&approved);
    assert_eq!(answer["token_type"], "Bearer");
    assert_eq!(answer["expires_in"], "3600");
    assert_eq!(answer["scope"], "profile");
    assert_eq!(answer["state"], "imp");
    assert!(!answer.contains_key("refresh_token"));
    let who = server.protected(&answer["access_token"]).await;
    assert_eq!(who.status, 200);
    assert_eq!(who.json()["user"], "alice");
}

#[tokio::test]
async fn client_credentials_with_basic_or_with_the_body() {
    let server = Server::new();
    let basic = server.service_token(&[("scope", "read write")]).await;
    assert_eq!(basic.status, 200, "{}", basic.text());
    let body = basic.json();
    assert_eq!(body["scope"], "read write");
    assert!(body.get("refresh_token").is_none());
    let who = server
        .protected(body["access_token"].as_str().expect("a token"))
        .await
        .json();
    assert_eq!(who["client_id"], "reqlab-service");
    assert_eq!(who["user"], Value::Null);

    let in_body = server
        .token(
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "reqlab-service"),
                ("client_secret", "reqlab-secret"),
            ],
            None,
        )
        .await;
    assert_eq!(in_body.status, 200, "{}", in_body.text());
    assert_eq!(in_body.json()["scope"], "read");

    // The public client has no credentials of its own to use.
    let spa = server
        .token(
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "reqlab-spa"),
            ],
            None,
        )
        .await;
    assert_error(&spa, 400, "unauthorized_client");
}

#[tokio::test]
async fn invalid_client_is_401_and_challenges_basic() {
    let server = Server::new();
    let wrong = server
        .token(
            &[("grant_type", "client_credentials")],
            Some(("reqlab-service", "nope")),
        )
        .await;
    assert_error(&wrong, 401, "invalid_client");
    assert_eq!(
        wrong.header("www-authenticate"),
        "Basic realm=\"reqlab-echo\""
    );

    let unknown = server
        .token(&[("grant_type", "client_credentials")], Some(("who", "x")))
        .await;
    assert_error(&unknown, 401, "invalid_client");
    assert_eq!(
        unknown.header("www-authenticate"),
        "Basic realm=\"reqlab-echo\""
    );

    let in_body = server
        .token(
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "reqlab-service"),
                ("client_secret", "nope"),
            ],
            None,
        )
        .await;
    assert_error(&in_body, 401, "invalid_client");
    assert!(in_body.headers.get("www-authenticate").is_none());

    let anonymous = server
        .token(&[("grant_type", "client_credentials")], None)
        .await;
    assert_error(&anonymous, 401, "invalid_client");
}

#[tokio::test]
async fn malformed_token_requests_say_what_is_wrong() {
    let server = Server::new();
    let service = Some(("reqlab-service", "reqlab-secret"));
    assert_error(
        &server.token(&[("grant_type", "magic")], service).await,
        400,
        "unsupported_grant_type",
    );
    assert_error(&server.token(&[], service).await, 400, "invalid_request");
    assert_error(
        &server.service_token(&[("scope", "bad\"scope")]).await,
        400,
        "invalid_scope",
    );
    assert_error(
        &server.service_token(&[("expires_in", "soon")]).await,
        400,
        "invalid_request",
    );
    let repeated = server
        .post(
            "/oauth/token",
            &[
                ("grant_type", "client_credentials"),
                ("grant_type", "password"),
            ],
            service,
        )
        .await;
    assert_error(&repeated, 400, "invalid_request");
    let json = server
        .send(
            Request::post("/oauth/token")
                .header("Content-Type", "application/json")
                .body(Body::from("{\"grant_type\":\"client_credentials\"}"))
                .expect("valid request"),
        )
        .await;
    assert_error(&json, 400, "invalid_request");
}

#[tokio::test]
async fn password_grant_checks_the_test_user() {
    let server = Server::new();
    let service = Some(("reqlab-service", "reqlab-secret"));
    let ok = server
        .token(
            &[
                ("grant_type", "password"),
                ("username", "alice"),
                ("password", "wonderland"),
                ("scope", "email"),
            ],
            service,
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let body = ok.json();
    assert!(body["refresh_token"].is_string());
    let who = server
        .protected(body["access_token"].as_str().expect("a token"))
        .await
        .json();
    assert_eq!(who["user"], "alice");
    assert_eq!(who["scope"], "email");

    let wrong = server
        .token(
            &[
                ("grant_type", "password"),
                ("username", "alice"),
                ("password", "looking-glass"),
            ],
            service,
        )
        .await;
    assert_error(&wrong, 400, "invalid_grant");
}

#[tokio::test]
async fn refresh_rotates_the_refresh_token() {
    let server = Server::new();
    let service = Some(("reqlab-service", "reqlab-secret"));
    let first = server
        .token(
            &[
                ("grant_type", "password"),
                ("username", "alice"),
                ("password", "wonderland"),
                ("scope", "read write"),
            ],
            service,
        )
        .await
        .json();
    let old = first["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_string();

    let refreshed = server
        .token(
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", &old),
                ("scope", "read"),
            ],
            service,
        )
        .await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.text());
    let body = refreshed.json();
    let new = body["refresh_token"]
        .as_str()
        .expect("a new refresh token")
        .to_string();
    assert_ne!(new, old);
    assert_ne!(body["access_token"], first["access_token"]);
    assert_eq!(body["scope"], "read", "a refresh may narrow the scope");

    // The old one is spent; the new one keeps the original scope and cannot widen it.
    let reused = server
        .token(
            &[("grant_type", "refresh_token"), ("refresh_token", &old)],
            service,
        )
        .await;
    assert_error(&reused, 400, "invalid_grant");
    let wider = server
        .token(
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", &new),
                ("scope", "read admin"),
            ],
            service,
        )
        .await;
    assert_error(&wider, 400, "invalid_scope");
    let again = server
        .token(
            &[("grant_type", "refresh_token"), ("refresh_token", &new)],
            service,
        )
        .await;
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["scope"], "read write");

    // Another client cannot use it.
    let newest = again.json()["refresh_token"]
        .as_str()
        .expect("token")
        .to_string();
    let stolen = server
        .token(
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", &newest),
                ("client_id", "reqlab-spa"),
            ],
            None,
        )
        .await;
    assert_error(&stolen, 400, "invalid_grant");
}

async fn start_device(server: &Server) -> Value {
    let started = server
        .post(
            "/oauth/device_authorization",
            &[("client_id", "reqlab-spa"), ("scope", "read")],
            None,
        )
        .await;
    assert_eq!(started.status, 200, "{}", started.text());
    assert_eq!(started.header("cache-control"), "no-store");
    started.json()
}

async fn poll(server: &Server, device_code: &str) -> Answer {
    server
        .token(
            &[
                ("grant_type", DEVICE_GRANT),
                ("device_code", device_code),
                ("client_id", "reqlab-spa"),
            ],
            None,
        )
        .await
}

#[tokio::test(start_paused = true)]
async fn device_flow_pending_then_approved_then_token() {
    let server = Server::new();
    let started = start_device(&server).await;
    let user_code = started["user_code"]
        .as_str()
        .expect("a user code")
        .to_string();
    assert_eq!(user_code.len(), 9);
    assert_eq!(&user_code[4..5], "-");
    assert_eq!(started["verification_uri"], "http://echo.test/oauth/device");
    assert_eq!(
        started["verification_uri_complete"],
        format!("http://echo.test/oauth/device?user_code={user_code}")
    );
    assert_eq!(started["expires_in"], 600);
    assert_eq!(started["interval"], 1);
    let device_code = started["device_code"].as_str().expect("a device code");

    assert_error(
        &poll(&server, device_code).await,
        400,
        "authorization_pending",
    );

    let page = server
        .get(&format!("/oauth/device?user_code={user_code}"))
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains(&format!("value=\"{user_code}\"")));
    assert!(html.contains("reqlab-spa"));
    assert!(html.contains("<form method=\"post\" action=\"device\">"));
    assert!(html.contains("Approve") && html.contains("Deny"));

    // Typed in lower case without the dash, as people do.
    let typed = user_code.replace('-', "").to_lowercase();
    let approved = server
        .post(
            "/oauth/device",
            &[("user_code", &typed), ("decision", "approve")],
            None,
        )
        .await;
    assert_eq!(approved.status, 200, "{}", approved.text());
    assert!(approved.text().contains("Device approved"));

    tokio::time::advance(Duration::from_secs(1)).await;
    let tokens = poll(&server, device_code).await;
    assert_eq!(tokens.status, 200, "{}", tokens.text());
    let body = tokens.json();
    assert_eq!(body["scope"], "read");
    assert!(body["refresh_token"].is_string());
    let who = server
        .protected(body["access_token"].as_str().expect("a token"))
        .await
        .json();
    assert_eq!(who["user"], "alice");
    assert_eq!(who["client_id"], "reqlab-spa");

    // The device code is spent, and the user code no longer waits.
    assert_error(&poll(&server, device_code).await, 400, "invalid_grant");
    let late = server
        .post(
            "/oauth/device",
            &[("user_code", &user_code), ("decision", "approve")],
            None,
        )
        .await;
    assert_eq!(late.status, 400);
}

#[tokio::test(start_paused = true)]
async fn device_polling_too_fast_is_slow_down() {
    let server = Server::new();
    let started = start_device(&server).await;
    let device_code = started["device_code"].as_str().expect("a device code");
    assert_error(
        &poll(&server, device_code).await,
        400,
        "authorization_pending",
    );
    assert_error(&poll(&server, device_code).await, 400, "slow_down");
    tokio::time::advance(Duration::from_millis(1000)).await;
    assert_error(
        &poll(&server, device_code).await,
        400,
        "authorization_pending",
    );
}

#[tokio::test(start_paused = true)]
async fn device_denied_or_expired() {
    let server = Server::new();
    let started = start_device(&server).await;
    let denied = server
        .post(
            "/oauth/device",
            &[
                ("user_code", started["user_code"].as_str().expect("code")),
                ("decision", "deny"),
            ],
            None,
        )
        .await;
    assert_eq!(denied.status, 200);
    let device_code = started["device_code"].as_str().expect("a device code");
    assert_error(&poll(&server, device_code).await, 400, "access_denied");

    let started = start_device(&server).await;
    tokio::time::advance(Duration::from_secs(601)).await;
    let device_code = started["device_code"].as_str().expect("a device code");
    assert_error(&poll(&server, device_code).await, 400, "expired_token");

    let unknown = server
        .post(
            "/oauth/device",
            &[("user_code", "BCDF-GHJK"), ("decision", "approve")],
            None,
        )
        .await;
    assert_eq!(unknown.status, 400);
    assert!(unknown.text().contains("No device is waiting"));
}

#[tokio::test(start_paused = true)]
async fn an_expired_token_is_refused_as_expired() {
    let server = Server::new();
    let issued = server.service_token(&[("expires_in", "1")]).await.json();
    assert_eq!(issued["expires_in"], 1);
    let token = issued["access_token"].as_str().expect("a token");
    assert_eq!(server.protected(token).await.json()["expires_in"], 1);

    tokio::time::advance(Duration::from_millis(1100)).await;
    let expired = server.protected(token).await;
    assert_eq!(expired.status, 401);
    assert_eq!(
        expired.header("www-authenticate"),
        "Bearer realm=\"reqlab-echo\", error=\"invalid_token\", error_description=\"The access token expired\""
    );

    // The knob is clamped to 1 s .. 1 day.
    assert_eq!(
        server.service_token(&[("expires_in", "0")]).await.json()["expires_in"],
        1
    );
    assert_eq!(
        server
            .service_token(&[("expires_in", "999999")])
            .await
            .json()["expires_in"],
        86400
    );
}

#[tokio::test]
async fn the_protected_resource_challenges_as_rfc_6750_says() {
    let server = Server::new();
    let none = server
        .send(
            Request::post("/oauth/protected")
                .body(Body::empty())
                .expect("valid request"),
        )
        .await;
    assert_eq!(none.status, 401);
    assert_eq!(
        none.header("www-authenticate"),
        "Bearer realm=\"reqlab-echo\""
    );

    let unknown = server.protected("not-a-token").await;
    assert_eq!(unknown.status, 401);
    let challenge = unknown.header("www-authenticate");
    assert!(challenge.starts_with(
        "Bearer realm=\"reqlab-echo\", error=\"invalid_token\", error_description=\""
    ));
    assert!(!challenge.contains("not-a-token"));
}

fn access_control_headers(answer: &Answer) -> Vec<String> {
    answer
        .headers
        .keys()
        .map(|name| name.as_str().to_string())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn the_no_cors_token_endpoint_sends_no_cors_headers() {
    let server = Server::new();
    let body = form(&[("grant_type", "client_credentials")]);
    let basic = base64::engine::general_purpose::STANDARD.encode("reqlab-service:reqlab-secret");
    for (path, cors) in [("/oauth/token", true), ("/oauth/no-cors/token", false)] {
        let answer = server
            .send(
                Request::post(path)
                    .header("Origin", "https://app.test")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", format!("Basic {basic}"))
                    .body(Body::from(body.clone()))
                    .expect("valid request"),
            )
            .await;
        assert_eq!(answer.status, 200, "{path}: {}", answer.text());
        assert!(answer.json()["access_token"].is_string());
        let preflight = server
            .send(
                Request::options(path)
                    .header("Origin", "https://app.test")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization")
                    .body(Body::empty())
                    .expect("valid request"),
            )
            .await;
        if cors {
            assert_eq!(
                answer.header("access-control-allow-origin"),
                "https://app.test"
            );
            assert_eq!(preflight.status, 204);
            assert_eq!(
                preflight.header("access-control-allow-origin"),
                "https://app.test"
            );
        } else {
            assert_eq!(
                access_control_headers(&answer),
                Vec::<String>::new(),
                "{path}"
            );
            assert_eq!(
                access_control_headers(&preflight),
                Vec::<String>::new(),
                "{path}"
            );
            assert_eq!(preflight.status, 200, "the route's own OPTIONS answer");
        }
    }
}

#[tokio::test]
async fn the_metadata_document_names_every_endpoint() {
    let server = Server::new();
    let answer = server
        .send(
            Request::get("/.well-known/oauth-authorization-server")
                .header("Host", "echo.test:8080")
                .body(Body::empty())
                .expect("valid request"),
        )
        .await;
    assert_eq!(answer.status, 200);
    let metadata = answer.json();
    assert_eq!(metadata["issuer"], "http://echo.test:8080");
    assert_eq!(
        metadata["authorization_endpoint"],
        "http://echo.test:8080/oauth/authorize"
    );
    assert_eq!(
        metadata["token_endpoint"],
        "http://echo.test:8080/oauth/token"
    );
    assert_eq!(
        metadata["device_authorization_endpoint"],
        "http://echo.test:8080/oauth/device_authorization"
    );
    let grants = metadata["grant_types_supported"]
        .as_array()
        .expect("a list");
    for grant in [
        "authorization_code",
        "client_credentials",
        "password",
        "refresh_token",
        DEVICE_GRANT,
    ] {
        assert!(grants.contains(&Value::from(grant)), "{grant}");
    }
    assert_eq!(
        metadata["code_challenge_methods_supported"],
        serde_json::json!(["S256", "plain"])
    );
    assert_eq!(
        metadata["response_types_supported"],
        serde_json::json!(["code", "token"])
    );
}

#[tokio::test]
async fn without_the_flag_every_oauth_path_is_404() {
    for (method, path) in [
        (
            "GET",
            "/oauth/authorize?response_type=code&client_id=reqlab-spa",
        ),
        ("POST", "/oauth/authorize"),
        ("POST", "/oauth/token"),
        ("POST", "/oauth/no-cors/token"),
        ("POST", "/oauth/device_authorization"),
        ("GET", "/oauth/device"),
        ("GET", "/oauth/protected"),
        ("GET", "/.well-known/oauth-authorization-server"),
    ] {
        let answer = support::send(
            support::request(method, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(Body::from("grant_type=client_credentials"))
                .expect("valid request"),
        )
        .await;
        assert_eq!(answer.status, 404, "{method} {path}");
    }
}

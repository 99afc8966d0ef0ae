//! Digest authentication's `-sess` variants (RFC 7616 §3.4.2) and `qop=auth-int`, in process. Each expected
//! response is worked out here step by step with the hash crates, independently of the server's code; and
//! RFC 7616 §3.9.1's example is checked against the RFC's own printed answers.

mod support;

use axum::body::Body;
use md5::Md5;
use sha2::{Digest, Sha256, Sha512};
use support::{request, send, Answer};

fn md5_hex(data: &[u8]) -> String {
    format!("{:x}", Md5::digest(data))
}

fn sha256_hex(data: &[u8]) -> String {
    format!("{:x}", Sha256::digest(data))
}

fn sha512_hex(data: &[u8]) -> String {
    format!("{:x}", Sha512::digest(data))
}

/// The hash function an algorithm name stands for, `-sess` or not.
fn hash_for(algorithm: &str) -> fn(&[u8]) -> String {
    match algorithm.trim_end_matches("-sess") {
        "MD5" => md5_hex,
        "SHA-256" => sha256_hex,
        "SHA-512" => sha512_hex,
        other => panic!("no hash for {other}"),
    }
}

/// A quoted parameter of the challenge, or an unquoted one (`algorithm=MD5-sess`).
fn challenge_field(answer: &Answer, name: &str) -> String {
    let header = answer.header("www-authenticate");
    let rest = header
        .split(&format!("{name}="))
        .nth(1)
        .unwrap_or_else(|| panic!("no {name} in {header}"));
    match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next().unwrap_or_default().to_string(),
        None => rest
            .split(',')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

struct Attempt<'a> {
    method: &'a str,
    uri: &'a str,
    realm: &'a str,
    nonce: &'a str,
    cnonce: &'a str,
    nc: &'a str,
    qop: &'a str,
    algorithm: &'a str,
    user: &'a str,
    response: &'a str,
}

/// Sends `attempt`'s Authorization, which signs `attempt.uri`, to `target` with `body`.
async fn send_attempt(attempt: &Attempt<'_>, target: &str, body: &'static [u8]) -> Answer {
    let authorization = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={}, qop={}, nc={}, cnonce=\"{}\", response=\"{}\"",
        attempt.user,
        attempt.realm,
        attempt.nonce,
        attempt.uri,
        attempt.algorithm,
        attempt.qop,
        attempt.nc,
        attempt.cnonce,
        attempt.response
    );
    send(
        request(attempt.method, target)
            .header("Authorization", authorization)
            .body(Body::from(body))
            .expect("valid request"),
    )
    .await
}

#[tokio::test]
async fn rfc_7616_example_gets_the_rfc_answers() {
    // RFC 7616 §3.9.1: user Mufasa, password "Circle of Life", realm http-auth@example.org, GET
    // /dir/index.html, and the nonce and cnonce below; the responses are the ones the RFC prints. The server
    // takes the realm, nonce and uri the client signed, so the RFC's exchange can be replayed as it is.
    for (algorithm, suffix, response) in [
        ("MD5", "", "8ca523f5e9506fed4657c9700eebdbec"),
        (
            "SHA-256",
            "/SHA-256",
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        ),
    ] {
        let attempt = Attempt {
            method: "GET",
            uri: "/dir/index.html",
            realm: "http-auth@example.org",
            nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            nc: "00000001",
            qop: "auth",
            algorithm,
            user: "Mufasa",
            response,
        };
        let target = format!("/digest-auth/auth/Mufasa/Circle%20of%20Life{suffix}");
        let answer = send_attempt(&attempt, &target, b"").await;
        assert_eq!(answer.status, 200, "{algorithm}: {}", answer.text());
        assert_eq!(answer.json()["user"], "Mufasa");
    }
}

#[tokio::test]
async fn sess_variants_fold_the_nonces_into_ha1() {
    for algorithm in ["MD5-sess", "SHA-256-sess", "SHA-512-sess"] {
        let uri = format!("/digest-auth/auth/user/passwd/{algorithm}");
        let challenge = support::get(&uri).await;
        assert_eq!(challenge.status, 401);
        assert_eq!(challenge_field(&challenge, "algorithm"), algorithm);
        let realm = challenge_field(&challenge, "realm");
        let nonce = challenge_field(&challenge, "nonce");
        let h = hash_for(algorithm);
        let cnonce = "0a4f113b";
        let nc = "00000001";
        // RFC 7616 §3.4.2: A1 = H(user:realm:pass):nonce:cnonce for the -sess algorithms.
        let inner = h(format!("user:{realm}:passwd").as_bytes());
        let ha1 = h(format!("{inner}:{nonce}:{cnonce}").as_bytes());
        // §3.4.3: A2 = method:uri for qop=auth.
        let ha2 = h(format!("GET:{uri}").as_bytes());
        // §3.4.1: response = H(HA1:nonce:nc:cnonce:qop:HA2).
        let response = h(format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}").as_bytes());
        let attempt = Attempt {
            method: "GET",
            uri: &uri,
            realm: &realm,
            nonce: &nonce,
            cnonce,
            nc,
            qop: "auth",
            algorithm,
            user: "user",
            response: &response,
        };
        let ok = send_attempt(&attempt, &uri, b"").await;
        assert_eq!(ok.status, 200, "{algorithm}: {}", ok.text());
        assert_eq!(ok.json()["authenticated"], true);

        // The same exchange answered as if the algorithm had no -sess is refused.
        let plain_response = h(format!("{inner}:{nonce}:{nc}:{cnonce}:auth:{ha2}").as_bytes());
        let without_sess = Attempt {
            response: &plain_response,
            ..attempt
        };
        assert_eq!(
            send_attempt(&without_sess, &uri, b"").await.status,
            401,
            "{algorithm}"
        );
    }
}

#[tokio::test]
async fn auth_int_covers_the_body() {
    const BODY: &[u8] = b"{\"hello\":\"digest\"}";
    for algorithm in ["MD5", "SHA-256-sess", "SHA-512"] {
        let uri = format!("/digest-auth/auth-int/user/passwd/{algorithm}");
        let challenge = support::get(&uri).await;
        assert_eq!(challenge_field(&challenge, "qop"), "auth-int");
        let realm = challenge_field(&challenge, "realm");
        let nonce = challenge_field(&challenge, "nonce");
        let h = hash_for(algorithm);
        let (cnonce, nc) = ("c0ffee", "00000002");
        let mut ha1 = h(format!("user:{realm}:passwd").as_bytes());
        if algorithm.ends_with("-sess") {
            ha1 = h(format!("{ha1}:{nonce}:{cnonce}").as_bytes());
        }
        // §3.4.3: A2 = method:uri:H(entity-body) for qop=auth-int.
        let body_hash = h(BODY);
        let ha2 = h(format!("POST:{uri}:{body_hash}").as_bytes());
        let response = h(format!("{ha1}:{nonce}:{nc}:{cnonce}:auth-int:{ha2}").as_bytes());
        let attempt = Attempt {
            method: "POST",
            uri: &uri,
            realm: &realm,
            nonce: &nonce,
            cnonce,
            nc,
            qop: "auth-int",
            algorithm,
            user: "user",
            response: &response,
        };
        let ok = send_attempt(&attempt, &uri, BODY).await;
        assert_eq!(ok.status, 200, "{algorithm}: {}", ok.text());
        let tampered = send_attempt(&attempt, &uri, b"{\"hello\":\"changed\"}").await;
        assert_eq!(tampered.status, 401, "{algorithm}");
    }
}

#[tokio::test]
async fn unknown_algorithms_are_refused() {
    for name in ["SHA-1-sess", "sess", "MD5-session"] {
        let answer = support::get(&format!("/digest-auth/auth/u/p/{name}")).await;
        assert_eq!(answer.status, 400, "{name}");
    }
}

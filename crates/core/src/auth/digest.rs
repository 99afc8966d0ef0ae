//! Auth stage, HTTP Digest (RFC 7616): a server's `WWW-Authenticate: Digest` challenge read, and the
//! `Authorization` header that answers it, for MD5, SHA-256 and their `-sess` variants with `qop=auth` or
//! `auth-int` (the body's hash), or no qop (RFC 2069's form, which old servers still send).

use super::hash::{hex, md5, sha256};

/// A Digest challenge's parameters (the ones an answer uses).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Challenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: Option<String>,
    /// As the server wrote it: MD5 when absent.
    pub algorithm: String,
    /// The protections the server offers, in its order (`auth`, `auth-int`).
    pub qop: Vec<String>,
    /// Whether the server asks for the user name hashed (RFC 7616 `userhash=true`).
    pub userhash: bool,
}

/// Why a challenge cannot be answered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DigestError {
    #[error("The server's WWW-Authenticate is not a Digest challenge.")]
    NotDigest,
    #[error("The Digest challenge has no {0}.")]
    Missing(&'static str),
    #[error("The Digest challenge asks for the algorithm {0}, which reqlab does not compute (MD5, SHA-256 and their -sess variants are).")]
    Algorithm(String),
}

/// Reads `Digest realm="…", nonce="…", …` (the value of one `WWW-Authenticate` header).
pub fn parse_challenge(header: &str) -> Result<Challenge, DigestError> {
    let rest = header.trim_start();
    let scheme_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    if !rest[..scheme_end].eq_ignore_ascii_case("digest") {
        return Err(DigestError::NotDigest);
    }
    let mut challenge = Challenge {
        algorithm: "MD5".into(),
        ..Challenge::default()
    };
    let (mut realm, mut nonce) = (None, None);
    for (name, value) in parameters(&rest[scheme_end..]) {
        match name.to_ascii_lowercase().as_str() {
            "realm" => realm = Some(value),
            "nonce" => nonce = Some(value),
            "opaque" => challenge.opaque = Some(value),
            "algorithm" => challenge.algorithm = value,
            "qop" => {
                challenge.qop = value
                    .split(',')
                    .map(|q| q.trim().to_ascii_lowercase())
                    .filter(|q| !q.is_empty())
                    .collect()
            }
            "userhash" => challenge.userhash = value.eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    challenge.realm = realm.ok_or(DigestError::Missing("realm"))?;
    challenge.nonce = nonce.ok_or(DigestError::Missing("nonce"))?;
    Ok(challenge)
}

/// `name=value` and `name="quoted \" value"` pairs, comma-separated.
fn parameters(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let name: String = chars
            .by_ref()
            .take_while(|c| *c != '=')
            .collect::<String>()
            .trim()
            .to_string();
        if name.is_empty() {
            return out;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| *c != ',') {
                value.push(c);
            }
            value = value.trim().to_string();
        }
        out.push((name, value));
    }
}

/// What the answer is computed from besides the challenge: the client nonce and count are the caller's
/// (random, and counted per nonce), so that tests and `--fixed-nonce` can pin them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub method: &'a str,
    /// The request target as sent: path and query.
    pub uri: &'a str,
    /// The body, for `qop=auth-int`; without it `auth` is chosen.
    pub body: Option<&'a [u8]>,
    pub cnonce: &'a str,
    pub nc: u32,
}

/// The `Authorization` header's value answering `challenge`.
pub fn authorization(challenge: &Challenge, answer: &Answer) -> Result<String, DigestError> {
    let algorithm = challenge.algorithm.to_ascii_uppercase();
    let (base, session) = match algorithm.strip_suffix("-SESS") {
        Some(base) => (base, true),
        None => (algorithm.as_str(), false),
    };
    let h: fn(&[u8]) -> String = match base {
        "MD5" => |data| hex(&md5(data)),
        "SHA-256" => |data| hex(&sha256(data)),
        _ => return Err(DigestError::Algorithm(challenge.algorithm.clone())),
    };
    let qop = if challenge.qop.iter().any(|q| q == "auth") || answer.body.is_none() {
        challenge.qop.iter().find(|q| *q == "auth")
    } else {
        challenge.qop.iter().find(|q| *q == "auth-int")
    }
    .or_else(|| challenge.qop.first())
    .cloned();
    let nc = format!("{:08x}", answer.nc);
    let mut ha1 = h(format!(
        "{}:{}:{}",
        answer.username, challenge.realm, answer.password
    )
    .as_bytes());
    if session {
        ha1 = h(format!("{ha1}:{}:{}", challenge.nonce, answer.cnonce).as_bytes());
    }
    let ha2 = match qop.as_deref() {
        Some("auth-int") => h(format!(
            "{}:{}:{}",
            answer.method,
            answer.uri,
            h(answer.body.unwrap_or_default())
        )
        .as_bytes()),
        _ => h(format!("{}:{}", answer.method, answer.uri).as_bytes()),
    };
    let response = match &qop {
        Some(qop) => h(format!(
            "{ha1}:{}:{nc}:{}:{qop}:{ha2}",
            challenge.nonce, answer.cnonce
        )
        .as_bytes()),
        None => h(format!("{ha1}:{}:{ha2}", challenge.nonce).as_bytes()),
    };
    let username = if challenge.userhash {
        h(format!("{}:{}", answer.username, challenge.realm).as_bytes())
    } else {
        answer.username.to_string()
    };
    let mut header = format!(
        "Digest username=\"{}\", realm=\"{}\", uri=\"{}\", algorithm={}, nonce=\"{}\"",
        quote(&username),
        quote(&challenge.realm),
        quote(answer.uri),
        challenge.algorithm,
        quote(&challenge.nonce)
    );
    if let Some(qop) = &qop {
        header.push_str(&format!(
            ", nc={nc}, cnonce=\"{}\", qop={qop}",
            quote(answer.cnonce)
        ));
    }
    header.push_str(&format!(", response=\"{response}\""));
    if let Some(opaque) = &challenge.opaque {
        header.push_str(&format!(", opaque=\"{}\"", quote(opaque)));
    }
    if challenge.userhash {
        header.push_str(", userhash=true");
    }
    Ok(header)
}

/// A quoted-string's content: `"` and `\` escaped.
fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7616 section 3.9.1: the challenge, once with SHA-256 and once with MD5.
    fn rfc_challenge(algorithm: &str) -> String {
        format!(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, \
             nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", \
             opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""
        )
    }

    fn rfc_answer() -> Answer<'static> {
        Answer {
            username: "Mufasa",
            password: "Circle of Life",
            method: "GET",
            uri: "/dir/index.html",
            body: None,
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            nc: 1,
        }
    }

    #[test]
    fn the_responses_of_rfc_7616_section_3_9_1() {
        for (algorithm, response) in [
            (
                "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            ),
            ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        ] {
            let challenge = parse_challenge(&rfc_challenge(algorithm)).expect("a challenge");
            assert_eq!(challenge.qop, ["auth", "auth-int"]);
            let header = authorization(&challenge, &rfc_answer()).expect("answered");
            assert!(
                header.contains(&format!("response=\"{response}\"")),
                "{algorithm}: {header}"
            );
            for part in [
                "username=\"Mufasa\"",
                "nc=00000001",
                "qop=auth,",
                "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            ] {
                assert!(header.contains(part), "{part} in {header}");
            }
        }
    }

    #[test]
    fn rfc_2617s_md5_example_without_the_session_variant() {
        // RFC 2617 section 3.5 (qop=auth, MD5).
        let challenge = parse_challenge(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", \
             nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        )
        .expect("a challenge");
        let header = authorization(
            &challenge,
            &Answer {
                username: "Mufasa",
                password: "Circle Of Life",
                method: "GET",
                uri: "/dir/index.html",
                body: None,
                cnonce: "0a4f113b",
                nc: 1,
            },
        )
        .expect("answered");
        assert!(
            header.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{header}"
        );
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        assert_eq!(
            parse_challenge("Basic realm=\"x\""),
            Err(DigestError::NotDigest)
        );
        assert_eq!(
            parse_challenge("Digest nonce=\"n\""),
            Err(DigestError::Missing("realm"))
        );
        let challenge = parse_challenge("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")
            .expect("read");
        assert_eq!(
            authorization(&challenge, &rfc_answer()),
            Err(DigestError::Algorithm("SHA-512-256".into()))
        );
    }

    #[test]
    fn session_and_auth_int_variants_hash_what_the_rfc_says() {
        let session = parse_challenge(&rfc_challenge("MD5-sess")).expect("read");
        let sess = authorization(&session, &rfc_answer()).expect("answered");
        let plain = authorization(
            &parse_challenge(&rfc_challenge("MD5")).expect("read"),
            &rfc_answer(),
        )
        .expect("answered");
        assert_ne!(sess, plain);
        // The -sess HA1 by hand: MD5(MD5(user:realm:pass):nonce:cnonce).
        let a = rfc_answer();
        let ha1 = hex(&md5(format!(
            "{}:{}:{}",
            hex(&md5(b"Mufasa:http-auth@example.org:Circle of Life")),
            session.nonce,
            a.cnonce
        )
        .as_bytes()));
        let ha2 = hex(&md5(b"GET:/dir/index.html"));
        let expected = hex(&md5(format!(
            "{ha1}:{}:00000001:{}:auth:{ha2}",
            session.nonce, a.cnonce
        )
        .as_bytes()));
        assert!(sess.contains(&expected), "{sess}");
        // Only auth-int offered: the body's hash goes into HA2.
        let int_only = Challenge {
            qop: vec!["auth-int".into()],
            ..parse_challenge(&rfc_challenge("MD5")).expect("read")
        };
        let with_body = Answer {
            body: Some(b"hello"),
            ..rfc_answer()
        };
        let header = authorization(&int_only, &with_body).expect("answered");
        assert!(header.contains("qop=auth-int"), "{header}");
        let ha2 = hex(&md5(
            format!("GET:/dir/index.html:{}", hex(&md5(b"hello"))).as_bytes()
        ));
        let ha1 = hex(&md5(b"Mufasa:http-auth@example.org:Circle of Life"));
        let expected = hex(&md5(format!(
            "{ha1}:{}:00000001:{}:auth-int:{ha2}",
            int_only.nonce, a.cnonce
        )
        .as_bytes()));
        assert!(header.contains(&expected), "{header}");
    }
}

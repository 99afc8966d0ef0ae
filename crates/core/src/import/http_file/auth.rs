//! `.http` reader, auth headers: REST Client's `Authorization: Basic user password` (or `user:password`) and
//! `Authorization: Digest user password` are credentials for the client to use, not header values to send
//! as written: they become the request's Basic or Digest auth. A Basic header holding base64 stays a header.

use crate::edit::model::{Auth, KeyValue};

/// Takes the first enabled `Authorization` header that is REST Client's credential form out of `headers`,
/// as the auth it stands for.
pub(super) fn take_auth(headers: &mut Vec<KeyValue>) -> Auth {
    let found = headers.iter().enumerate().find_map(|(i, h)| {
        let is_auth = h.enabled && h.key.eq_ignore_ascii_case("authorization");
        is_auth.then(|| credentials(&h.value).map(|auth| (i, auth)))?
    });
    match found {
        Some((at, auth)) => {
            headers.remove(at);
            auth
        }
        None => Auth::None,
    }
}

fn credentials(value: &str) -> Option<Auth> {
    let mut words = value.split_whitespace();
    let scheme = words.next()?;
    let rest: Vec<&str> = words.collect();
    let (username, password) = match rest.as_slice() {
        [user, password] => (user.to_string(), password.to_string()),
        [pair] if scheme.eq_ignore_ascii_case("basic") && pair.contains(':') => {
            let (user, password) = pair.split_once(':')?;
            (user.to_string(), password.to_string())
        }
        _ => return None,
    };
    if scheme.eq_ignore_ascii_case("basic") {
        Some(Auth::Basic { username, password })
    } else if scheme.eq_ignore_ascii_case("digest") {
        Some(Auth::Digest { username, password })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth_of(value: &str) -> (Auth, usize) {
        let mut headers = vec![
            KeyValue::new("Authorization", value),
            KeyValue::new("X", "y"),
        ];
        let auth = take_auth(&mut headers);
        (auth, headers.len())
    }

    #[test]
    fn rest_client_credential_forms_become_auth() {
        let basic = |u: &str, p: &str| Auth::Basic {
            username: u.into(),
            password: p.into(),
        };
        assert_eq!(auth_of("Basic ada s3cret"), (basic("ada", "s3cret"), 1));
        assert_eq!(auth_of("basic ada:s3:cret"), (basic("ada", "s3:cret"), 1));
        assert_eq!(
            auth_of("Digest {{user}} {{password}}"),
            (
                Auth::Digest {
                    username: "{{user}}".into(),
                    password: "{{password}}".into()
                },
                1
            )
        );
        // base64 credentials and other schemes are headers as written.
        assert_eq!(auth_of("Basic YWRhOnMzY3JldA=="), (Auth::None, 2));
        assert_eq!(auth_of("Bearer a b"), (Auth::None, 2));
    }
}

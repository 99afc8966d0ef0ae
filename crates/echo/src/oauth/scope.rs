//! Scopes (RFC 6749 §3.3): any space-separated list of well-formed tokens is granted, since this server has
//! nothing to protect; `read` when none is asked for. A refreshed token may only narrow its scope (§6).

/// The scope granted when a request names none.
pub const DEFAULT: &str = "read";
const MAX_TOKENS: usize = 20;
const MAX_TOKEN_LENGTH: usize = 64;

/// The scope to grant for `asked`, normalised (single spaces, no repeats), or why it cannot be granted.
pub fn requested(asked: Option<&str>) -> Result<String, String> {
    let Some(asked) = asked else {
        return Ok(DEFAULT.to_string());
    };
    let mut tokens: Vec<&str> = Vec::new();
    for token in asked.split(' ').filter(|token| !token.is_empty()) {
        if !token.chars().all(scope_char) {
            return Err(
                "A scope token may only hold printable ASCII other than space, '\"' and '\\'."
                    .to_string(),
            );
        }
        if token.len() > MAX_TOKEN_LENGTH {
            return Err(format!(
                "A scope token may be at most {MAX_TOKEN_LENGTH} characters long."
            ));
        }
        if !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    if tokens.len() > MAX_TOKENS {
        return Err(format!(
            "At most {MAX_TOKENS} scope tokens may be asked for."
        ));
    }
    if tokens.is_empty() {
        return Ok(DEFAULT.to_string());
    }
    Ok(tokens.join(" "))
}

/// Whether every token of `asked` is one of `granted`.
pub fn within(asked: &str, granted: &str) -> bool {
    asked
        .split(' ')
        .all(|token| granted.split(' ').any(|have| have == token))
}

/// RFC 6749 §3.3: `%x21 / %x23-5B / %x5D-7E`.
fn scope_char(c: char) -> bool {
    matches!(c, '\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_normalised_checked_and_narrowed() {
        assert_eq!(requested(None).as_deref(), Ok("read"));
        assert_eq!(
            requested(Some("read  write read")).as_deref(),
            Ok("read write")
        );
        assert!(requested(Some("a\"b")).is_err());
        assert!(requested(Some("caf\u{e9}")).is_err());
        assert!(within("read", "read write"));
        assert!(!within("admin", "read write"));
    }
}

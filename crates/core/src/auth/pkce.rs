//! Auth stage, OAuth 2.0 PKCE (RFC 7636): the S256 code challenge of a code verifier, and whether a
//! verifier is one the RFC allows.

use super::hash::sha256;

/// Why a code verifier cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifierError {
    #[error("A PKCE code verifier is 43 to 128 characters long; this one has {0}.")]
    Length(usize),
    #[error("A PKCE code verifier holds only letters, digits and - . _ ~; this one has {0:?}.")]
    Character(char),
}

/// Checks `verifier` against RFC 7636 section 4.1: 43 to 128 unreserved characters.
pub fn check_verifier(verifier: &str) -> Result<(), VerifierError> {
    if let Some(bad) = verifier
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
    {
        return Err(VerifierError::Character(bad));
    }
    match verifier.len() {
        43..=128 => Ok(()),
        n => Err(VerifierError::Length(n)),
    }
}

/// `BASE64URL(SHA256(verifier))`, unpadded: the `code_challenge` for `code_challenge_method=S256`.
pub fn s256_challenge(verifier: &str) -> String {
    crate::base64::encode_url(sha256(verifier.as_bytes()))
}

/// A code verifier made from 32 random bytes (the caller's: the browser's `crypto.getRandomValues`, the
/// CLI's OS randomness), base64url: 43 characters, as RFC 7636 recommends.
pub fn verifier_from(random: &[u8; 32]) -> String {
    crate::base64::encode_url(random)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_of_rfc_7636_appendix_b() {
        // The octets of appendix B, their verifier, and its S256 challenge.
        let octets: [u8; 32] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let verifier = verifier_from(&octets);
        assert_eq!(verifier, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(check_verifier(&verifier), Ok(()));
        assert_eq!(
            s256_challenge(&verifier),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifiers_outside_the_rfc_are_refused_with_why() {
        assert_eq!(check_verifier("short"), Err(VerifierError::Length(5)));
        assert_eq!(
            check_verifier(&"a".repeat(129)),
            Err(VerifierError::Length(129))
        );
        assert_eq!(
            check_verifier(&format!("{}+", "a".repeat(50))),
            Err(VerifierError::Character('+'))
        );
        assert_eq!(check_verifier(&"a-._~".repeat(9)), Ok(()));
    }
}

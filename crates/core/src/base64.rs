//! Base64 (RFC 4648): padded standard for Basic credentials and reqlab-echo's forwarded bodies, unpadded
//! base64url for share links. Written here rather than taken from the `base64` crate because its general
//! engine cost the page 1.6 KB (gzip) of its 200 KB budget for these fixed uses; the tests hold this to that
//! crate's output.

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as padded standard base64 (Basic credentials, reqlab-echo's forwarded bodies).
pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    encode_with(bytes.as_ref(), STANDARD, true)
}

/// `bytes` as unpadded base64url (share links: safe in a URL fragment as it is).
pub fn encode_url(bytes: impl AsRef<[u8]>) -> String {
    encode_with(bytes.as_ref(), URL_SAFE, false)
}

/// The bytes padded standard base64 `text` encodes; nothing else is accepted (no line breaks, no spaces).
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    decode_with(text, STANDARD, true)
}

/// The bytes unpadded base64url `text` encodes.
pub fn decode_url(text: &str) -> Result<Vec<u8>, DecodeError> {
    decode_with(text, URL_SAFE, false)
}

/// Why a text is not base64 of the kind asked for. Written with `Display` only: `{:?}` of a `char` would
/// bring core's Unicode tables (2 KB gzip) into the page.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("its length, {0}, is not that of base64")]
    Length(usize),
    #[error("it has \"{0}\" at offset {1}")]
    Symbol(char, usize),
}

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], padded: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        // A chunk of n bytes fills n + 1 sextets; padding makes it four characters.
        for i in 0..=chunk.len() {
            out.push(char::from(alphabet[(group >> (18 - 6 * i) & 63) as usize]));
        }
        if padded {
            out.extend(std::iter::repeat_n('=', 3 - chunk.len()));
        }
    }
    out
}

fn decode_with(text: &str, alphabet: &[u8; 64], padded: bool) -> Result<Vec<u8>, DecodeError> {
    let bytes = text.as_bytes();
    let length_error = || DecodeError::Length(bytes.len());
    let data = if padded {
        if !bytes.len().is_multiple_of(4) {
            return Err(length_error());
        }
        // One `=` ends a text of two last bytes, two of one; anywhere else `=` is refused below.
        let padding = bytes
            .iter()
            .rev()
            .take(2)
            .take_while(|&&b| b == b'=')
            .count();
        &bytes[..bytes.len() - padding]
    } else {
        bytes
    };
    if data.len() % 4 == 1 {
        return Err(length_error());
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for (n, chunk) in data.chunks(4).enumerate() {
        let mut group = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            let Some(value) = alphabet.iter().position(|&a| a == b) else {
                let at = n * 4 + i;
                // The first byte that is not base64 starts a character: every earlier byte was ASCII.
                let symbol = text
                    .get(at..)
                    .and_then(|t| t.chars().next())
                    .unwrap_or('\u{fffd}');
                return Err(DecodeError::Symbol(symbol, at));
            };
            group |= (value as u32) << (18 - 6 * i);
        }
        out.extend_from_slice(&group.to_be_bytes()[1..chunk.len()]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::base64::Engine;
    use proptest::prelude::*;

    use ::base64::engine::general_purpose::{
        STANDARD as REFERENCE, URL_SAFE_NO_PAD as URL_REFERENCE,
    };

    #[test]
    fn rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(encode(plain), encoded);
            assert_eq!(decode(encoded).as_deref(), Ok(plain.as_bytes()));
        }
    }

    #[test]
    fn malformed_text_is_refused_with_where() {
        let cases = [
            ("Zm9", DecodeError::Length(3)),
            ("Zm9v\nYg==", DecodeError::Length(9)),
            ("Zm 9", DecodeError::Symbol(' ', 2)),
            ("Zg==Zm9v", DecodeError::Symbol('=', 2)),
            ("Z===", DecodeError::Symbol('=', 1)),
            ("Zm9-", DecodeError::Symbol('-', 3)),
            ("Zm9é", DecodeError::Length(5)),
            ("Zé=", DecodeError::Symbol('é', 1)),
        ];
        for (text, expected) in cases {
            assert_eq!(decode(text), Err(expected), "{text:?}");
        }
        let url_cases = [
            ("Zm9vY", DecodeError::Length(5)),
            ("Zg==", DecodeError::Symbol('=', 2)),
            ("a+b/", DecodeError::Symbol('+', 1)),
        ];
        for (text, expected) in url_cases {
            assert_eq!(decode_url(text), Err(expected), "{text:?}");
        }
        assert_eq!(decode_url("-_8"), Ok(vec![0xfb, 0xff]));
    }

    proptest! {
        #[test]
        fn encoding_matches_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(encode(&bytes), REFERENCE.encode(&bytes));
        }

        #[test]
        fn url_encoding_matches_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(encode_url(&bytes), URL_REFERENCE.encode(&bytes));
        }

        #[test]
        fn decoding_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(decode(&REFERENCE.encode(&bytes)), Ok(bytes.clone()));
            prop_assert_eq!(decode_url(&URL_REFERENCE.encode(&bytes)), Ok(bytes));
        }

        /// Any text: accepted exactly when the crate accepts it (ignoring its stricter rule on the unused
        /// bits of the last character), with the same bytes.
        #[test]
        fn decoding_agrees_with_the_base64_crate(text in "[A-Za-z0-9+/_=-]{0,16}|[ -~]{0,12}") {
            let pairs = [
                (decode(&text), REFERENCE.decode(&text)),
                (decode_url(&text), URL_REFERENCE.decode(&text)),
            ];
            for (ours, theirs) in pairs {
                match (&ours, &theirs) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                    (Ok(_), Err(::base64::DecodeError::InvalidLastSymbol(..))) => {}
                    _ => prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?} vs {:?}", ours, theirs),
                }
            }
        }
    }
}

//! The own hashes (`reqlab_core::auth::hash`) against the RustCrypto crates on random input: every length
//! around the 64-byte block and its padding boundary, and random keys for HMAC.

use hmac::{Hmac, Mac};
use md5::{Digest as _, Md5};
use proptest::prelude::*;
use reqlab_core::auth::hash::{hmac_sha256, md5, sha256};
use sha2::Sha256;

proptest! {
    #[test]
    fn md5_and_sha256_equal_the_reference(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(md5(&data).to_vec(), Md5::digest(&data).to_vec());
        prop_assert_eq!(sha256(&data).to_vec(), Sha256::digest(&data).to_vec());
    }

    #[test]
    fn hmac_sha256_equals_the_reference(
        key in proptest::collection::vec(any::<u8>(), 0..150),
        data in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut reference = Hmac::<Sha256>::new_from_slice(&key).expect("any key length");
        reference.update(&data);
        prop_assert_eq!(hmac_sha256(&key, &data).to_vec(), reference.finalize().into_bytes().to_vec());
    }
}

//! Helpers for the cache tests: the header's size, hashes made right again after a part is
//! changed, and the hash of what an entry stores.

use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use super::{HEADER, MAGIC, Stored, parts};
use crate::catalog::Loaded;

/// The header's size, for tests that cut a file inside or just past it.
pub(in crate::catalog::cache) fn tests_header() -> usize {
    HEADER
}

/// A cache file's bytes with its hashes made right again, for tests that change a part and
/// want only what the part says to decide.
pub(in crate::catalog::cache) fn tests_rehash(bytes: &[u8]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let at = MAGIC.len() + 4;
    let number = |bytes: &[u8], i: usize| {
        let start = at + i * 8;
        u64::from_le_bytes(bytes[start..start + 8].try_into().expect("8 bytes")) as usize
    };
    let key_len = number(&bytes, 0);
    let key_hash = xxh3_64(&bytes[HEADER..HEADER + key_len]);
    let stored_hash = xxh3_64(&bytes[HEADER + key_len..]);
    bytes[at + 8..at + 16].copy_from_slice(&key_hash.to_le_bytes());
    bytes[at + 24..at + 32].copy_from_slice(&stored_hash.to_le_bytes());
    bytes
}

/// The hash of what an entry stores for `loaded`.
pub(in crate::catalog::cache) fn tests_stored_hash(loaded: &mut Loaded) -> u64 {
    let encoded = parts::encode(&mut loaded.catalog).expect("encodes");
    let stored = Stored {
        catalog: encoded.parts(),
        problems: &loaded.problems,
        left_out: &loaded.left_out,
    };
    xxh3_64(&postcard::to_allocvec(&stored).expect("encodes"))
}

/// The hash of what an entry stores for `stored`.
pub(in crate::catalog::cache) fn tests_stored_hash_of(stored: &impl Serialize) -> u64 {
    xxh3_64(&postcard::to_allocvec(stored).expect("encodes"))
}

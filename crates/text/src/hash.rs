//! FNV-1a, 64 bits: a fixed, tiny hash for ids and keys that must be the
//! same on every platform, run and build (unlike the standard library's
//! randomised hasher).
//!
//! ```
//! use isnad_text::hash::{fnv1a, fnv1a_fields};
//! assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
//! // Fields are joined by a 0x1F unit separator, so ("ab", "c") ≠ ("a", "bc").
//! assert_eq!(fnv1a_fields(&["ab", "c"]), fnv1a(b"ab\x1fc"));
//! assert_ne!(fnv1a_fields(&["ab", "c"]), fnv1a_fields(&["a", "bc"]));
//! ```

/// The FNV-1a 64 offset basis (the hash of no bytes).
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV 64 prime.
const PRIME: u64 = 0x0100_0000_01b3;
/// The byte between two fields in [`fnv1a_fields`] (ASCII unit separator).
pub const FIELD_SEPARATOR: u8 = 0x1f;

/// FNV-1a 64 of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    feed(OFFSET, bytes)
}

/// FNV-1a 64 of the fields joined by [`FIELD_SEPARATOR`]: the same as
/// hashing the joined bytes, without building them.
pub fn fnv1a_fields(fields: &[&str]) -> u64 {
    let mut h = OFFSET;
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            h = feed(h, &[FIELD_SEPARATOR]);
        }
        h = feed(h, f.as_bytes());
    }
    h
}

/// Continues the hash `h` over `bytes`.
fn feed(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fields_hash_as_their_joined_bytes() {
        assert_eq!(fnv1a_fields(&[]), fnv1a(b""));
        assert_eq!(fnv1a_fields(&["doc-1"]), fnv1a(b"doc-1"));
        assert_eq!(fnv1a_fields(&["doc-1", "E2"]), fnv1a("doc-1\u{1f}E2".as_bytes()));
        assert_eq!(fnv1a_fields(&["صنعاء", ""]), fnv1a("صنعاء\u{1f}".as_bytes()));
    }

    #[test]
    fn field_boundaries_change_the_hash() {
        assert_ne!(fnv1a_fields(&["ab", "c"]), fnv1a_fields(&["a", "bc"]));
        assert_ne!(fnv1a_fields(&["ab", ""]), fnv1a_fields(&["ab"]));
    }
}

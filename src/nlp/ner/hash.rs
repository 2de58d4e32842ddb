//! Feature hashing: 64-bit hashes of byte strings and of (template, value) pairs.
//!
//! Features are never materialised as strings: a word's hashes are computed once per
//! token, and a feature is one mix of a template id with one or two such hashes.
//! The functions are fixed (not seeded per process) because trained models store them.

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// The MurmurHash3 finaliser: spreads every input bit over the output.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Hash of a byte string.
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = K2 ^ (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(23) ^ tail_word(rest)).wrapping_mul(K1);
    }
    fmix(h)
}

/// The 1 to 7 bytes of `rest` as a little-endian number, zero-padded: what
/// copying them into a zeroed `[u8; 8]` gives, read as two overlapping loads
/// instead (the copy of a variable length was a call to `memcpy` for nearly
/// every token the tagger looks up).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    // The first `k` bytes and the last `k` bytes, the last shifted into place:
    // where they overlap they hold the same bytes, so `or` joins them.
    let four = |b: &[u8]| {
        b.first_chunk::<4>()
            .map_or(0, |c| u64::from(u32::from_le_bytes(*c)))
    };
    let two = |b: &[u8]| {
        b.first_chunk::<2>()
            .map_or(0, |c| u64::from(u16::from_le_bytes(*c)))
    };
    match n {
        4.. => four(rest) | four(rest.get(n - 4..).unwrap_or_default()) << (8 * (n - 4)),
        2.. => two(rest) | two(rest.get(n - 2..).unwrap_or_default()) << (8 * (n - 2)),
        _ => rest.first().map_or(0, |&b| u64::from(b)),
    }
}

/// A feature: a template id with one value hash.
#[inline]
pub fn feature(template: u32, value: u64) -> u64 {
    fmix(value ^ (u64::from(template) + 1).wrapping_mul(K2))
}

/// A feature over two values (a conjunction), order-sensitive.
#[inline]
pub fn feature2(template: u32, a: u64, b: u64) -> u64 {
    feature(template, a.rotate_left(29).wrapping_mul(K1) ^ b)
}

/// A hasher for keys that are already well-mixed 64-bit hashes (feature and word
/// hashes): it passes them through instead of hashing them again.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).rotate_left(5);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a 64-bit hash.
pub type KeyMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_distinct() {
        // Models store these hashes: they must never change silently.
        assert_eq!(bytes(b"London"), bytes(b"London"));
        assert_ne!(bytes(b"London"), bytes(b"london"));
        assert_ne!(bytes(b""), bytes(b"\0"));
        assert_ne!(bytes(b"abcdefgh"), bytes(b"abcdefgh\0"));
        assert_ne!(feature(1, 7), feature(2, 7));
        assert_ne!(feature2(3, 1, 2), feature2(3, 2, 1));
    }

    #[test]
    fn tails_read_as_the_bytes_copied_into_a_zeroed_word() {
        let text = b"Abcdefg\xff\x80 xyz";
        for start in 0..text.len() {
            for end in start + 1..=(start + 7).min(text.len()) {
                let rest = &text[start..end];
                let mut word = [0u8; 8];
                word[..rest.len()].copy_from_slice(rest);
                assert_eq!(tail_word(rest), u64::from_le_bytes(word), "{rest:?}");
            }
        }
        // Hashes as the shipped model was trained with them (every tail length).
        assert_eq!(bytes(b"I"), 0xb03e_0387_f28b_83e7);
        assert_eq!(bytes(b"of"), 0x024b_6247_920c_e3ea);
        assert_eq!(bytes(b"London"), 0xa406_9947_cffb_0a48);
        assert_eq!(bytes(b"Commission"), 0xb3c0_fdd1_91b7_a105);
    }
}

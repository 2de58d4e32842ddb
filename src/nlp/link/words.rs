//! Fixed word lists asked of nearly every token: titles, head nouns, openers.
//!
//! Linking's rules ask their lists at every capitalised word of an article,
//! and almost every answer is no. A hash set answers that after hashing the
//! word and comparing it with a candidate (some seventy instructions); a
//! bitmap of the lists' (length, first byte, last byte) answers it for most
//! words in a few, and the set is asked only when the bitmap cannot tell.

use rustc_hash::FxHashSet;

/// Bits in the filter: a few hundred words set well under a tenth of them.
const FILTER_BITS: usize = 4096;

/// A fixed set of words (or names) with a cheap test for words it lacks.
pub struct WordSet {
    /// Bit `slot(w)` is set for every word `w` of the set.
    filter: [u64; FILTER_BITS / 64],
    words: FxHashSet<&'static str>,
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut set = WordSet {
            filter: [0; FILTER_BITS / 64],
            words: FxHashSet::default(),
        };
        for w in words {
            let slot = slot(w);
            if let Some(bits) = set.filter.get_mut(slot / 64) {
                *bits |= 1 << (slot % 64);
            }
            set.words.insert(w);
        }
        set
    }

    /// Whether `w` is one of the words, exactly (case-sensitive).
    pub fn contains(&self, w: &str) -> bool {
        let slot = slot(w);
        self.filter
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0)
            && self.words.contains(w)
    }
}

/// The filter bit of a word: its length, first and last byte, mixed.
fn slot(w: &str) -> usize {
    let bytes = w.as_bytes();
    let first = u32::from(bytes.first().copied().unwrap_or(0));
    let last = u32::from(bytes.last().copied().unwrap_or(0));
    // Lengths past 255 share their low byte: the set still decides.
    let key = first | last << 8 | (bytes.len() as u32 & 0xff) << 16;
    // Multiplicative hashing: the top bits of the product mix all three.
    (key.wrapping_mul(0x9E37_79B9) >> (32 - FILTER_BITS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_exactly_its_words() {
        let set = WordSet::new(["Ministry", "Council", "of", "", "Al Jazeera"]);
        for w in ["Ministry", "Council", "of", "", "Al Jazeera"] {
            assert!(set.contains(w), "{w}");
        }
        // Same length, first and last byte as a member, or a member's case
        // changed: the set decides, not the filter.
        for w in [
            "Mystery",
            "Cancil",
            "council",
            "Of",
            "Al  Jazeera",
            "Minister",
        ] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn the_filter_rejects_most_other_words() {
        let set = WordSet::new(["Ministry", "Council", "Agency", "Bank", "Union"]);
        let others = [
            "President",
            "Biden",
            "Beijing",
            "said",
            "the",
            "Monday",
            "Lebanon",
            "Paris",
            "United",
            "States",
            "talks",
            "China",
            "Xi",
            "Jinping",
            "met",
            "on",
        ];
        let passed = others
            .iter()
            .filter(|w| {
                let s = slot(w);
                set.filter[s / 64] & (1 << (s % 64)) != 0
            })
            .count();
        assert!(passed <= 1, "{passed}");
    }
}

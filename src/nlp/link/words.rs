//! Fixed word lists asked of nearly every token: titles, head nouns, openers.
//!
//! Linking's rules ask their lists at every capitalised word of an article,
//! and almost every answer is no. A hash set answers that after hashing the
//! word and comparing it with a candidate (some seventy instructions); a
//! bitmap of the lists' (length, first byte, last byte), computed at compile
//! time, answers it for most words in a few, and the set is asked only when
//! the bitmap cannot tell.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Bits in the filter: a few hundred words set well under a tenth of them.
const FILTER_BITS: usize = 4096;

/// A fixed set of words (or names) with a cheap test for words it lacks.
/// Build it in a `static` with [`WordSet::new`].
pub struct WordSet {
    /// Bit `slot(w)` is set for every word `w` of the lists.
    filter: [u64; FILTER_BITS / 64],
    lists: &'static [&'static [&'static str]],
    /// The lists' words by hash, built on the first word the filter passes.
    words: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// The set of the words of `lists`.
    pub const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        let mut filter = [0u64; FILTER_BITS / 64];
        let mut i = 0;
        while i < lists.len() {
            let list = lists[i];
            let mut j = 0;
            while j < list.len() {
                let slot = slot(list[j]);
                filter[slot / 64] |= 1 << (slot % 64);
                j += 1;
            }
            i += 1;
        }
        WordSet {
            filter,
            lists,
            words: OnceLock::new(),
        }
    }

    /// Whether `w` is one of the words, exactly (case-sensitive).
    pub fn contains(&self, w: &str) -> bool {
        let slot = slot(w);
        self.filter
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0)
            && self
                .words
                .get_or_init(|| self.lists.iter().flat_map(|l| l.iter().copied()).collect())
                .contains(w)
    }
}

/// The filter bit of a word: its length, first and last byte, mixed.
const fn slot(w: &str) -> usize {
    let bytes = w.as_bytes();
    let (first, last) = match bytes {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    // Lengths past 255 share their low byte: the set still decides.
    let key = first as u32 | (last as u32) << 8 | (bytes.len() as u32 & 0xff) << 16;
    // Multiplicative hashing: the top bits of the product mix all three.
    (key.wrapping_mul(0x9E37_79B9) >> (32 - FILTER_BITS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&[&["Ministry", "Council", "of"], &["", "Al Jazeera"]]);

    #[test]
    fn holds_exactly_its_words() {
        for w in ["Ministry", "Council", "of", "", "Al Jazeera"] {
            assert!(SET.contains(w), "{w}");
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
            assert!(!SET.contains(w), "{w}");
        }
    }

    #[test]
    fn the_filter_rejects_most_other_words() {
        static HEADS: WordSet =
            WordSet::new(&[&["Ministry", "Council", "Agency", "Bank", "Union"]]);
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
                HEADS.filter[s / 64] & (1 << (s % 64)) != 0
            })
            .count();
        assert!(passed <= 1, "{passed}");
    }
}

//! A light word view of one sentence, for matching commitment cues.
//!
//! The commitment patterns need words as a reader sees them ("China", "'s",
//! "U.S.", "people-to-people", ",") whatever conventions the tokenizer follows,
//! so this stage scans the sentence itself. Linear, allocation-light, and every
//! span is a byte range on char boundaries of the text it was given.

use crate::nlp::Span;
use crate::nlp::ascii::alnum_run;
use rustc_hash::FxHashSet;

/// One word or punctuation mark of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span into the whole text (not the sentence).
    pub span: Span,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// A single punctuation or symbol character.
    pub punct: bool,
    /// The word ASCII-lower-cased and packed into one number ([`packed`]),
    /// for look-ups by hash without slicing the text again; 0 for punctuation
    /// and for words longer than [`PACKED`] bytes.
    pub key: u128,
}

/// Words up to this many bytes get a [`Word::key`].
pub const PACKED: usize = 16;

/// `bytes` (at most [`PACKED`] of them) packed little-endian into one number,
/// zero-padded: one-to-one on strings without NUL bytes, which no word and no
/// listed pattern holds.
pub fn packed(bytes: &[u8]) -> Option<u128> {
    let mut buf = [0u8; PACKED];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

/// A word's [`Word::key`]: its bytes ASCII-lower-cased, packed.
fn key_of(word: &[u8]) -> u128 {
    packed(word).map_or(0, fold_capitals)
}

/// [`key_of`] the word `bytes[start..end]`, read with one 16-byte load masked
/// to the word where `bytes` holds 16 bytes from `start`: every word of every
/// sentence is keyed, and packing a word of any length copies it through a
/// call to `memcpy`. Inlined: a call per word cost more than the masking.
#[inline]
fn key_at(bytes: &[u8], start: usize, end: usize) -> u128 {
    let len = end.saturating_sub(start);
    match bytes.get(start..).and_then(<[u8]>::first_chunk::<PACKED>) {
        Some(chunk) if len <= PACKED => {
            // The word's bytes and zeros above them, as `packed` gives.
            let mask = u128::MAX
                .checked_shr(8 * (PACKED - len) as u32)
                .unwrap_or(0);
            fold_capitals(u128::from_le_bytes(*chunk) & mask)
        }
        _ => bytes.get(start..end).map_or(0, key_of),
    }
}

/// A packed word with its ASCII capitals lower-cased, all sixteen bytes at
/// once: a byte is an ASCII capital when its low seven bits are at least 'A'
/// and below 'Z' + 1 and its high bit is clear; such a byte gets 0x20.
fn fold_capitals(key: u128) -> u128 {
    let (low, high) = (key as u64, (key >> 64) as u64);
    // Most words fit the low eight bytes: the high ones are zero then.
    let high = if high == 0 { 0 } else { fold_eight(high) };
    u128::from(fold_eight(low)) | u128::from(high) << 64
}

/// [`fold_capitals`] of eight bytes.
fn fold_eight(bytes: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const LOW7: u64 = 0x7f * ONES;
    const HIGH: u64 = !LOW7;
    let low = bytes & LOW7;
    let at_least_a = low + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = at_least_a & !past_z & !bytes & HIGH;
    bytes | (capital >> 2)
}

/// Scans `text[range]` into words. Possessive "'s" (and a bare trailing "'"
/// after "s") becomes its own word, so "China's" is "China" + "'s".
#[cfg(test)]
pub fn scan(text: &str, range: Span) -> Vec<Word> {
    let mut words = Vec::new();
    scan_into(text, range, &mut words);
    words
}

/// [`scan`] into `words` (cleared first): one buffer serves every sentence
/// of an article.
pub fn scan_into(text: &str, range: Span, words: &mut Vec<Word>) {
    words.clear();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    // About one word per five bytes of English: the buffer grows once, if at all.
    words.reserve(slice.len() / 5 + 1);
    let base = range.start;
    let bytes = slice.as_bytes();
    // The text from the sentence on: keys are read 16 bytes at a time, past
    // the sentence's end where the text goes on (see `key_at`).
    let tail = text.as_bytes().get(base..).unwrap_or_default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Spaces first, before decoding or classifying: about one byte in six
        // is one, and this scan runs over every byte of every sentence.
        if b == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = char_at(slice, i) else {
            break;
        };
        let next = i + c.len_utf8();
        if c.is_whitespace() {
            i = next;
            continue;
        }
        if !c.is_alphanumeric() {
            words.push(Word {
                span: base + i..base + next,
                capital: false,
                punct: true,
                key: 0,
            });
            i = next;
            continue;
        }
        // A word: alphanumerics joined by inner hyphens, apostrophes and dots.
        let mut end = next;
        loop {
            // Most of a word is ASCII letters and digits: skip them at once.
            end += bytes.get(end..).map_or(0, alnum_run);
            // Most words end at a space: nothing below joins one.
            if bytes.get(end) == Some(&b' ') {
                break;
            }
            let Some(d) = char_at(slice, end) else {
                break;
            };
            let after = end + d.len_utf8();
            if d.is_alphanumeric() {
                end = after;
                continue;
            }
            let joiner = matches!(d, '-' | '\'' | '\u{2019}' | '.' | '&');
            // (Asked only after a joiner: most words end at a space.)
            let next_alnum = || char_at(slice, after).is_some_and(char::is_alphanumeric);
            // "U.S." keeps its final dot: a dot right after a lone capital letter.
            let abbrev_dot = || d == '.' && is_single_capital(&slice[i..end]);
            if joiner && (next_alnum() || abbrev_dot()) {
                end = after;
                continue;
            }
            break;
        }
        push_word(words, tail, base, i, end, c.is_uppercase());
        i = end;
    }
}

/// The char at byte `i` of `s` (on a char boundary), decoding only non-ASCII:
/// this scan runs over every byte of every sentence, and an ASCII byte is its char.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// True when the last dot-separated piece of `w` is one capital letter ("U", "U.S").
fn is_single_capital(w: &str) -> bool {
    let last = w.rsplit('.').next().unwrap_or(w);
    let mut chars = last.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Pushes the word `tail[start..end]` (`tail` is the text from the sentence
/// on, `base` where the sentence starts in the text).
fn push_word(words: &mut Vec<Word>, tail: &[u8], base: usize, start: usize, end: usize, cap: bool) {
    let w = tail.get(start..end).unwrap_or_default();
    // Every possessive ends in "s" or "S": most words need no suffix test.
    let possessive = matches!(w.last(), Some(b's' | b'S'));
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if possessive && w.len() > suffix.len() && w.ends_with(suffix.as_bytes()) {
            let cut = end - suffix.len();
            words.push(Word {
                span: base + start..base + cut,
                capital: cap,
                punct: false,
                key: key_at(tail, start, cut),
            });
            words.push(Word {
                span: base + cut..base + end,
                capital: false,
                punct: false,
                key: key_at(tail, cut, end),
            });
            return;
        }
    }
    // A trailing apostrophe after s ("States’") is left as punctuation: see `is_possessive`.
    words.push(Word {
        span: base + start..base + end,
        capital: cap,
        punct: false,
        key: key_at(tail, start, end),
    });
}

/// A fixed list of words, matched like `triggers::word_in` (ASCII case
/// folded, punctuation never) but by one hash look-up of the word's key: for
/// lists tested against every word of every sentence, where a linear scan over
/// a few dozen entries was most of the stage's time.
pub struct WordSet {
    list: &'static [&'static str],
    keys: Keys,
    /// The keys' [`Signature`]: a key whose bit is not set in it is in no
    /// list entry, which one `and` tells before the keys are compared or
    /// hashed (most words asked are in no list).
    bits: Signature,
    /// Some entry is longer than [`PACKED`] bytes (then long words are
    /// compared the slow way).
    long: bool,
}

impl WordSet {
    pub fn new(list: &'static [&'static str]) -> Self {
        // `word_in` compares a pattern's first byte with the word's lower-cased
        // one: a pattern opening in upper case (or empty) never matches there.
        let keys: Vec<u128> = list
            .iter()
            .filter(|p| p.bytes().next().is_some_and(|b| !b.is_ascii_uppercase()))
            .filter_map(|p| packed(p.to_ascii_lowercase().as_bytes()))
            .collect();
        let mut bits = Signature::default();
        keys.iter().for_each(|&k| bits.add(k));
        let keys = if keys.len() <= FEW {
            Keys::Few(keys)
        } else {
            Keys::Many(keys.into_iter().collect())
        };
        let long = list.iter().any(|p| p.len() > PACKED);
        WordSet {
            list,
            keys,
            bits,
            long,
        }
    }

    /// Whether `w` is one of the list's words.
    pub fn contains(&self, text: &str, w: &Word) -> bool {
        if w.punct {
            false
        } else if w.key == 0 {
            self.long && super::triggers::word_in(text, w, self.list)
        } else {
            self.has_key(w.key)
        }
    }

    /// The [`Signature`] of the list's keys, or None when some word of the
    /// list is too long for a key (then only the slow comparison finds it).
    pub fn signature(&self) -> Option<Signature> {
        (!self.long).then_some(self.bits)
    }

    /// Whether a word with this non-zero key (at most [`PACKED`] bytes) is in the list.
    pub fn has_key(&self, key: u128) -> bool {
        if !self.bits.may_hold(key) {
            return false;
        }
        match &self.keys {
            Keys::Few(keys) => keys.contains(&key),
            Keys::Many(keys) => keys.contains(&key),
        }
    }
}

/// Which word keys a sentence holds, as 256 bits (each key sets one bit
/// chosen by its hash): a list none of whose keys' bits are set has no word
/// in the sentence, which a few `and`s tell (a set bit may be another word's:
/// the test never says no wrongly, only yes).
#[derive(Clone, Copy, Default)]
pub struct Signature([u64; 4]);

impl Signature {
    /// The signature of the keyed words of `words`.
    pub fn of(words: &[Word]) -> Self {
        let mut sig = Signature::default();
        for w in words.iter().filter(|w| w.key != 0) {
            sig.add(w.key);
        }
        sig
    }

    /// The bit a key sets: both halves of the key folded and mixed, the top
    /// 8 bits pick it.
    fn bit(key: u128) -> u64 {
        let folded = (key as u64) ^ ((key >> 64) as u64);
        folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56
    }

    fn add(&mut self, key: u128) {
        let bit = Self::bit(key);
        if let Some(word) = self.0.get_mut((bit >> 6) as usize) {
            *word |= 1 << (bit & 63);
        }
    }

    /// Whether a list with this signature may hold the word with this key
    /// (no: it surely does not).
    fn may_hold(&self, key: u128) -> bool {
        let bit = Self::bit(key);
        self.0
            .get((bit >> 6) as usize)
            .is_some_and(|word| word & (1 << (bit & 63)) != 0)
    }

    /// Whether the two share a bit: some word may be in both.
    pub fn meets(&self, other: &Signature) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    /// The signature of both lists' words: a sentence meets it when it may
    /// hold a word of either.
    pub fn with(mut self, other: &Signature) -> Self {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
        self
    }
}

/// Which keys a large set holds, as one bit of 4096 per key (chosen by its
/// hash, as [`Signature`] chooses one of 256): a key whose bit is clear is
/// not in the set, which one load tells before the set is hashed and probed.
/// For sets asked at every word of every sentence, most of whose words are
/// in none (the cue starters).
pub struct KeyFilter(Box<[u64; 64]>);

impl KeyFilter {
    pub fn of(keys: impl IntoIterator<Item = u128>) -> Self {
        let mut bits = Box::new([0u64; 64]);
        for key in keys {
            let bit = Self::bit(key);
            if let Some(word) = bits.get_mut(bit >> 6) {
                *word |= 1 << (bit & 63);
            }
        }
        KeyFilter(bits)
    }

    /// The bit of a key: its halves folded and mixed, the top 12 bits.
    fn bit(key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
    }

    /// Whether the set may hold this key (no: it surely does not).
    pub fn may_hold(&self, key: u128) -> bool {
        let bit = Self::bit(key);
        self.0
            .get(bit >> 6)
            .is_some_and(|word| word & (1 << (bit & 63)) != 0)
    }
}

/// Lists up to this many words are compared key by key: cheaper than hashing.
const FEW: usize = 8;

/// A [`WordSet`]'s keys: a short list, or a hash set.
enum Keys {
    Few(Vec<u128>),
    Many(FxHashSet<u128>),
}

/// True for the possessive marker word ("'s", "’s") or a bare apostrophe.
pub fn is_possessive(text: &str, w: &Word) -> bool {
    matches!(
        text.get(w.span.clone()).unwrap_or(""),
        "'s" | "\u{2019}s" | "'S" | "\u{2019}S" | "'" | "\u{2019}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        scan(s, 0..s.len())
            .iter()
            .map(|w| &s[w.span.clone()])
            .collect()
    }

    #[test]
    fn splits_words_punctuation_and_possessives() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("possessive", "China's role", &["China", "'s", "role"]),
            ("curly possessive", "China’s role", &["China", "’s", "role"]),
            ("abbreviation", "the U.S. said", &["the", "U.S.", "said"]),
            (
                "sentence-final abbreviation",
                "in the U.S.",
                &["in", "the", "U.S."],
            ),
            (
                "hyphen",
                "people-to-people exchanges,",
                &["people-to-people", "exchanges", ","],
            ),
            (
                "quotes",
                "\"Taiwan independence,\"",
                &["\"", "Taiwan", "independence", ",", "\""],
            ),
            (
                "plural possessive",
                "the States’ role",
                &["the", "States", "’", "role"],
            ),
            ("final dot", "the end.", &["the", "end", "."]),
            ("decimal", "3.5 percent", &["3.5", "percent"]),
        ];
        for (name, input, expected) in cases {
            assert_eq!(texts(input), *expected, "{name}");
        }
    }

    #[test]
    fn keys_fold_ascii_capitals_only() {
        // '@' and '[' sit just outside 'A'..='Z'; 'É' and 'Ü' are two bytes
        // each with the high bit set, which the folding must leave alone.
        for word in [
            "Said",
            "NATO",
            "@[AZ]`{",
            "ÉTATS-ÜNIS",
            "x",
            "SIXTEEN-LETTERS!",
        ] {
            let expected = packed(word.to_ascii_lowercase().as_bytes()).unwrap_or(0);
            assert_eq!(key_of(word.as_bytes()), expected, "{word}");
            // Read in place, with the text going on after the word or not.
            let text = format!("{word} and more text after it");
            assert_eq!(key_at(text.as_bytes(), 0, word.len()), expected, "{word}");
            assert_eq!(key_at(word.as_bytes(), 0, word.len()), expected, "{word}");
        }
        assert_eq!(key_of(b"seventeen-letters"), 0);
        assert_eq!(key_at(b"seventeen-letters and more", 0, 17), 0);
    }

    #[test]
    fn key_filter_holds_every_key_it_was_given() {
        let keys: Vec<u128> = ["will", "would", "pledged", "vowed"]
            .iter()
            .filter_map(|w| packed(w.as_bytes()))
            .collect();
        let filter = KeyFilter::of(keys.iter().copied());
        assert!(keys.iter().all(|&k| filter.may_hold(k)));
        // Four bits of 4096: most other words are told apart.
        let others = ["the", "a", "of", "said", "and", "in", "to", "government"];
        let passed = others
            .iter()
            .filter_map(|w| packed(w.as_bytes()))
            .filter(|&k| filter.may_hold(k))
            .count();
        assert!(passed <= 1, "{passed}");
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Xx. China will act.";
        let words = scan(text, 4..text.len());
        assert_eq!(&text[words[0].span.clone()], "China");
        assert!(words[0].capital);
    }
}

//! A cheap test for names a table lacks.
//!
//! Linking asks the region table about thousands of names and words per
//! article (every capitalised word opens a possible name), and almost every
//! answer is no. A hash look-up answers that after hashing the name and
//! comparing it with a candidate; a bitmap of the table's (length, first
//! byte, last byte) answers it for most names in a few instructions, and the
//! table is asked only when the bitmap cannot tell.

/// Bits in a filter: a few thousand names set a few in a hundred of them.
const BITS: usize = 1 << 16;

/// The (length, first byte, last byte) bitmap of a table's names.
pub struct NameFilter {
    bits: Box<[u64]>,
}

impl NameFilter {
    /// The filter of `names`.
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = vec![0u64; BITS / 64].into_boxed_slice();
        for name in names {
            let slot = slot(name);
            if let Some(word) = bits.get_mut(slot / 64) {
                *word |= 1 << (slot % 64);
            }
        }
        NameFilter { bits }
    }

    /// False when no name of the table is `name`; true when one may be.
    pub fn may_hold(&self, name: &str) -> bool {
        let slot = slot(name);
        self.bits
            .get(slot / 64)
            .is_some_and(|word| word & (1 << (slot % 64)) != 0)
    }
}

/// The filter bit of a name: its length, first and last byte, mixed.
fn slot(name: &str) -> usize {
    let (first, last) = match name.as_bytes() {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    // Lengths past 255 share their low byte: the table still decides.
    let key = u32::from(first) | u32::from(last) << 8 | (name.len() as u32 & 0xff) << 16;
    // Multiplicative hashing: the top bits of the product mix all three.
    (key.wrapping_mul(0x9E37_79B9) >> (32 - BITS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_name_it_was_given() {
        let names = ["Tigray", "", "X", "Île-de-France", "Western Balkans"];
        let filter = NameFilter::of(names);
        for n in names {
            assert!(filter.may_hold(n), "{n}");
        }
    }

    #[test]
    fn rejects_most_other_names() {
        let filter = NameFilter::of(["Texas", "Tigray", "Ontario"]);
        let others = [
            "Biden", "Beijing", "Monday", "Paris", "Xi", "Jinping", "Ministry", "Council",
            "Agency", "Reuters", "Lebanon", "States", "Hamas", "Gaza", "texas", "TEXAS",
        ];
        let passed = others.iter().filter(|n| filter.may_hold(n)).count();
        assert!(passed <= 1, "{passed}");
    }
}

//! Byte tests for the scanners that walk every byte of every article (the
//! tokenizer, the gazetteer matcher, the commitment word scan).

/// Which bytes are ASCII letters or digits, by value: one load and one test
/// per byte, where `u8::is_ascii_alphanumeric` takes two range tests (these
/// scanners spend most of their time in runs of letters).
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The length of the run of ASCII letters and digits that `bytes` opens with.
#[inline]
pub fn alnum_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// The ASCII capitals among eight bytes, tested all at once, as the high bit
/// of each such byte (bit `8 * k + 7` for byte `k`): a scanner looking for
/// capitalised names skips eight bytes of lower-case text in a few
/// instructions, and visits just the capitals of the others. (A byte
/// is an ASCII capital when its high bit is clear and its low seven bits are
/// at least 'A' and below 'Z' + 1.)
pub fn capitals(eight: [u8; 8]) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    let bytes = u64::from_le_bytes(eight);
    let low = bytes & !HIGH;
    let at_least_a = low + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low + (0x80 - u64::from(b'Z') - 1) * ONES;
    at_least_a & !past_z & !bytes & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_marked_at_their_bytes() {
        // Every byte value alone, and beside a capital and a lower-case byte.
        for b in 0..=255u8 {
            let mut eight = *b"aZ\xC3b  c ";
            eight[3] = b;
            let marked: Vec<usize> = (0..8)
                .filter(|k| capitals(eight) & (0x80 << (8 * k)) != 0)
                .collect();
            let expected: Vec<usize> = (0..8).filter(|&k| eight[k].is_ascii_uppercase()).collect();
            assert_eq!(marked, expected, "{b}");
            assert_eq!(capitals(eight) & !(0x8080_8080_8080_8080), 0, "{b}");
        }
    }

    #[test]
    fn capitals_among_eight_bytes() {
        let holds_capital = |eight: [u8; 8]| capitals(eight) != 0;
        assert!(!holds_capital(*b"said the"));
        // The bytes around the capitals: '@' before 'A', '[' after 'Z'.
        assert!(!holds_capital([
            b'@', b'[', b'`', b'{', b' ', b'0', b'9', 0xff
        ]));
        for (k, capital) in [b'A', b'M', b'Z'].into_iter().enumerate() {
            let mut eight = *b"lower-ca";
            eight[k * 3] = capital;
            assert!(holds_capital(eight), "{k}");
        }
        // Bytes of UTF-8 sequences are no ASCII capitals ("É" is C3 89).
        assert!(!holds_capital([
            0xC3, 0x89, 0xC1, 0xDA, 0xE2, 0x80, 0x93, b' '
        ]));
    }

    #[test]
    fn runs_of_ascii_letters_and_digits() {
        assert_eq!(alnum_run(b"Beijing, 2021"), 7);
        assert_eq!(alnum_run(b"2021"), 4);
        assert_eq!(alnum_run(b" x"), 0);
        assert_eq!(alnum_run(b""), 0);
        // Non-ASCII letters end the run: the scanners decode them themselves.
        assert_eq!(alnum_run("Bogot\u{e1}".as_bytes()), 5);
        for b in 0..=255u8 {
            assert_eq!(alnum_run(&[b]) == 1, b.is_ascii_alphanumeric(), "{b}");
        }
    }
}

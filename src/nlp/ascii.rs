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

#[cfg(test)]
mod tests {
    use super::*;

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

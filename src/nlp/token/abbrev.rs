//! Abbreviations that keep their final period ("Mr.", "Gen.", "Jan.", "Inc.").
//!
//! The tokenizer uses this table to keep the period inside the token (as the
//! Penn Treebank and CoNLL-2003 do), and the sentence splitter uses the kind to
//! decide whether such a token may end a sentence.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// A title or name part that always precedes what it belongs to
    /// ("Mr.", "Dr.", "Gen.", "St."): never ends a sentence.
    Title,
    /// Precedes a number ("No. 5", "Art. 3"); only an abbreviation before a digit.
    BeforeNumber,
    /// Anything else ("Inc.", "Jan.", "etc.", "Calif."): may end a sentence
    /// when what follows clearly starts a new one.
    Ordinary,
}

/// Titles and honorifics: they introduce a name, so they never end a sentence.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Comdr", "Cpl", "Dr", "Fr", "Gen", "Gov",
    "Hon", "Insp", "Lt", "Maj", "Messrs", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof",
    "Pvt", "Rep", "Rev", "Sen", "Sgt", "Sr", "Sra", "Srta", "St", "Supt",
];

/// Abbreviations that stand before a number.
const BEFORE_NUMBER: &[&str] = &["No", "Nos", "Art", "Fig", "Vol", "pp", "p", "Ch", "Sec"];

/// Other abbreviations written with a final period in English news.
const ORDINARY: &[&str] = &[
    // months (May, June and July are not abbreviated)
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // companies and organisations
    "Inc", "Corp", "Co", "Ltd", "Bros", "Assn", "Dept", "Univ", "Govt", // name suffixes
    "Jr", "Esq", // Latin and general
    "etc", "vs", "approx", "est", "cf", "al", "ca", // streets and places
    "Ave", "Blvd", "Rd", "Ft", "Sq", "Hwy",
    // US states in AP style (only forms that are not everyday words in lower case)
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Every form [`kind`] accepts -> its kind: each listed abbreviation as
/// written, and all in capitals ("ST") when longer than one letter; a form in
/// two tables keeps the first table's kind (titles, then before numbers, then
/// the rest). The tokenizer asks at every word before a period, and a scan of
/// the three tables there was most of its string comparisons.
static FORMS: LazyLock<FxHashMap<Cow<'static, str>, AbbrevKind>> = LazyLock::new(|| {
    let mut forms = FxHashMap::default();
    let tables = [
        (TITLES, AbbrevKind::Title),
        (BEFORE_NUMBER, AbbrevKind::BeforeNumber),
        (ORDINARY, AbbrevKind::Ordinary),
    ];
    for (table, kind) in tables {
        for &a in table {
            forms.entry(Cow::Borrowed(a)).or_insert(kind);
            if a.len() > 1 {
                forms
                    .entry(Cow::Owned(a.to_ascii_uppercase()))
                    .or_insert(kind);
            }
        }
    }
    forms
});

/// Looks `word` (without its period) up, in its own case or all in capitals
/// ("St" and "ST", but not "st": lower-case forms are mostly ordinary words).
pub fn kind(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > 7 {
        return None;
    }
    FORMS.get(word).copied()
}

/// True for a token made of single letters joined by periods: "U.S.", "e.g.",
/// "J.", "U.S.A." (with or without the final period).
pub fn is_initials(token: &str) -> bool {
    let body = token.strip_suffix('.').unwrap_or(token);
    !body.is_empty()
        && body.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_titles_and_months() {
        assert_eq!(kind("Mr"), Some(AbbrevKind::Title));
        assert_eq!(kind("GEN"), Some(AbbrevKind::Title));
        assert_eq!(kind("Jan"), Some(AbbrevKind::Ordinary));
        assert_eq!(kind("No"), Some(AbbrevKind::BeforeNumber));
        assert_eq!(kind("ill"), None);
        assert_eq!(kind("dog"), None);
        // One-letter forms only as written; longer ones in capitals too.
        assert_eq!(kind("p"), Some(AbbrevKind::BeforeNumber));
        assert_eq!(kind("P"), None);
        assert_eq!(kind("PP"), Some(AbbrevKind::BeforeNumber));
        assert_eq!(kind("sT"), None);
    }

    #[test]
    fn recognises_initials() {
        assert!(is_initials("U.S."));
        assert!(is_initials("U.S"));
        assert!(is_initials("J."));
        assert!(is_initials("e.g."));
        assert!(!is_initials("Mr."));
        assert!(!is_initials("."));
        assert!(!is_initials("U..S."));
    }
}

//! Grouping mentions into referents: "Li Qiang" ... "Li", "Joe Biden" ...
//! "Biden", "United Nations" ... "UN", "U.S." ... "United States".

use super::fix::tokens_in;
use super::geo::Geo;
use crate::nlp::CountryCode;
use crate::nlp::ner::Mention;
use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{Entity, EntityKind, Referent};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// Groups sorted, non-overlapping mentions into entities and referents.
/// Referent countries are filled in later (`link::country`).
pub fn group(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    geo: &dyn Geo,
) -> (Vec<Entity>, Vec<Referent>) {
    // Each mention's lower-cased surface and (for people) name words, computed
    // once: the majority vote, the ordering and the grouping all use them.
    // All of them in one buffer, each a range of it: one string for the
    // article instead of one per mention (most of grouping's allocations).
    let mut lower_buf = String::with_capacity(mentions.iter().map(|m| m.span.len()).sum());
    let ranges: Vec<std::ops::Range<usize>> = mentions
        .iter()
        .map(|m| {
            let start = lower_buf.len();
            push_lower(&mut lower_buf, text.get(m.span.clone()).unwrap_or(""));
            start..lower_buf.len()
        })
        .collect();
    let lowered: Vec<&str> = ranges
        .iter()
        .map(|r| lower_buf.get(r.clone()).unwrap_or(""))
        .collect();
    let kinds = majority_kinds(mentions, &lowered);
    // Each mention's majority kind, looked up once for the two uses below.
    let kind_of: Vec<EntityKind> = mentions
        .iter()
        .zip(&lowered)
        .map(|(m, l)| kinds.get(l).copied().unwrap_or(m.kind))
        .collect();
    // A mention takes its surface's majority kind: "Putin" tagged a place once
    // and a person twice has a person's name words each time. All the words
    // in one buffer, each a range of it, and each mention's a run of those:
    // the people index below borrows them instead of a string per word and
    // copies of each for its maps (most of grouping's allocations).
    let mut word_buf = String::new();
    let mut word_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let runs: Vec<std::ops::Range<usize>> = mentions
        .iter()
        .zip(&kind_of)
        .map(|(m, &kind)| {
            let first = word_ranges.len();
            name_words(text, tokens, m, kind, &mut word_buf, &mut word_ranges);
            first..word_ranges.len()
        })
        .collect();
    let all_words: Vec<&str> = word_ranges
        .iter()
        .map(|r| word_buf.get(r.clone()).unwrap_or(""))
        .collect();
    let words: Vec<&[&str]> = runs
        .iter()
        .map(|r| all_words.get(r.clone()).unwrap_or(&[]))
        .collect();
    let mut referents: Vec<Referent> = Vec::with_capacity(mentions.len());
    let mut entities: Vec<Entity> = Vec::with_capacity(mentions.len());
    let mut by_key: FxHashMap<Key, usize> =
        FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    // Person names as word lists, per referent, for surname and given-name matches.
    let mut people = People::default();
    // Places grouped so far, by surface: a place's key costs two gazetteer
    // look-ups, and most places are named again and again.
    let mut place_by_surface: FxHashMap<&str, usize> = FxHashMap::default();

    // Longest person names first so that "Li" finds "Li Qiang" even when it comes first.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| {
        let n = words.get(i).map_or(0, |w| w.len());
        (std::cmp::Reverse(n), mentions[i].span.start)
    });
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    for &i in &order {
        let m = &mentions[i];
        let surface = text.get(m.span.clone()).unwrap_or("");
        let lowered = lowered.get(i).copied().unwrap_or("");
        let kind = kind_of.get(i).copied().unwrap_or(m.kind);
        let r = match kind {
            EntityKind::Person => {
                let words = words.get(i).copied().unwrap_or(&[]);
                match people.find(words) {
                    Some(r) => r,
                    None => {
                        let r = new_referent(&mut referents, surface, kind);
                        people.add(r, words);
                        r
                    }
                }
            }
            EntityKind::Place => match place_by_surface.get(surface) {
                Some(&r) => r,
                None => {
                    // "Gaza" and "the West Bank" both name Palestine in the country
                    // table, yet are two places: a region keeps its own name.
                    let country = || {
                        geo.country_named(surface)
                            .or_else(|| geo.country_named(&title_if_caps(surface)))
                    };
                    let key = match geo.region(surface).is_none().then(country).flatten() {
                        Some(code) => Key::Country(code),
                        None => Key::Place(lowered),
                    };
                    let r = *by_key
                        .entry(key)
                        .or_insert_with(|| new_referent(&mut referents, surface, kind));
                    place_by_surface.insert(surface, r);
                    r
                }
            },
            EntityKind::Org | EntityKind::Misc => {
                let key = Key::Named(kind, org_key(lowered));
                *by_key
                    .entry(key)
                    .or_insert_with(|| new_referent(&mut referents, surface, kind))
            }
        };
        assigned[i] = Some(r);
    }
    merge_acronyms(text, mentions, &mut assigned, &mut referents);
    merge_qualified_places(text, mentions, &mut assigned);
    merge_short_names(text, mentions, &mut assigned, geo);
    for (i, m) in mentions.iter().enumerate() {
        let Some(r) = assigned[i] else { continue };
        let kind = referents.get(r).map_or(m.kind, |x| x.kind);
        entities.push(Entity {
            span: m.span.clone(),
            kind,
            referent: r,
        });
    }
    renumber(text, entities, referents)
}

/// What place and organisation mentions are grouped by (people are grouped
/// by their name words instead). Borrowed from the lower-cased surfaces: no
/// string is built per mention.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    /// A place that is a country, however it is written.
    Country(CountryCode),
    /// Any other place, by its lower-cased name.
    Place(&'a str),
    /// An organisation or other name, by [`org_key`].
    Named(EntityKind, Cow<'a, str>),
}

fn new_referent(referents: &mut Vec<Referent>, surface: &str, kind: EntityKind) -> usize {
    referents.push(Referent {
        name: surface.to_string(),
        kind,
        country: None,
        mentions: Vec::new(),
    });
    referents.len() - 1
}

/// Appends `s` lower-cased, without a string of its own when it is ASCII
/// (most names: the same string without Unicode case mapping).
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// A name word without its accents, so that one name transliterated with and
/// without them is one ("Erdoğan" ... "Erdogan", "José" ... "Jose"): Latin
/// letters with diacritics fold to their base letter. ASCII words, most of
/// them, come back as they are.
fn without_accents(word: String) -> String {
    if word.is_ascii() {
        return word;
    }
    word.chars().map(base_letter).collect()
}

/// The base letter of a lower-case Latin letter with a diacritic; any other
/// character unchanged.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// "BEIJING" -> "Beijing"; other strings unchanged.
fn title_if_caps(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        s.to_string()
    } else {
        super::fix::title_case(s)
    }
}

/// Organisation names compare without case, a leading "the" or "U.S.", and
/// word order of "Department of State" / "State Department"; "the Treasury"
/// and "State" are their departments, "Islamic State" is ISIS, a one-word
/// group is the same in the plural, "the Group of Seven" the G7, and "Rapid Support
/// Force" its "Forces".
fn org_key(lowered: &str) -> Cow<'_, str> {
    let mut k = lowered.strip_prefix("the ").unwrap_or(lowered);
    for prefix in ["u.s. ", "us ", "united states "] {
        if let Some(rest) = k.strip_prefix(prefix)
            && rest.contains(' ')
        {
            k = rest;
        }
    }
    // "G7, or the Group of Seven".
    let named = match k {
        "treasury" => Some("treasury department"),
        "state" => Some("state department"),
        "islamic state"
        | "isil"
        | "daesh"
        | "islamic state of iraq and syria"
        | "islamic state of iraq and the levant" => Some("isis"),
        "group of seven" => Some("g7"),
        "group of eight" => Some("g8"),
        "group of twenty" => Some("g20"),
        _ => None,
    };
    if let Some(named) = named {
        return Cow::Borrowed(named);
    }
    for head in ["department", "ministry"] {
        if let Some(rest) = k.strip_prefix(head).and_then(|r| r.strip_prefix(" of "))
            && !rest.is_empty()
        {
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            return Cow::Owned(format!("{rest} {head}"));
        }
    }
    if let Some(stem) = k.strip_suffix(" forces") {
        return Cow::Owned(format!("{stem} force"));
    }
    // "the Houthis" ... "the Houthi": one group, named in the plural or not.
    if let Some(stem) = k.strip_suffix('s')
        && stem.len() > 3
        && !stem.contains(' ')
    {
        return Cow::Borrowed(stem);
    }
    Cow::Borrowed(k)
}

/// The kind most mentions of a surface form have (ties: first seen).
/// `lowered` holds each mention's lower-cased surface.
fn majority_kinds<'a>(mentions: &[Mention], lowered: &[&'a str]) -> FxHashMap<&'a str, EntityKind> {
    // Per surface, its kinds in the order first seen, with their counts: a
    // small array (a slot per kind), not a list allocated per surface.
    let mut counts: FxHashMap<&str, [(EntityKind, usize); EntityKind::ALL.len()]> =
        FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for (m, key) in mentions.iter().zip(lowered) {
        let list = counts
            .entry(*key)
            .or_insert([(EntityKind::Misc, 0); EntityKind::ALL.len()]);
        let seen = list.iter().position(|&(k, n)| n > 0 && k == m.kind);
        let slot = seen.or_else(|| list.iter().position(|&(_, n)| n == 0));
        if let Some((k, n)) = slot.and_then(|i| list.get_mut(i)) {
            *k = m.kind;
            *n += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, list)| {
            let best = list.iter().filter(|(_, n)| *n > 0).fold(
                None::<(EntityKind, usize)>,
                |acc, &(kind, n)| match acc {
                    Some((_, m)) if m >= n => acc,
                    _ => Some((kind, n)),
                },
            )?;
            Some((k, best.0))
        })
        .collect()
}

/// A person's name as lower-case words, without accents, suffixes ("Jr.")
/// and punctuation: the words appended to `buf`, their ranges in it to
/// `words`.
fn name_words(
    text: &str,
    tokens: &[Token],
    m: &Mention,
    kind: EntityKind,
    buf: &mut String,
    words: &mut Vec<std::ops::Range<usize>>,
) {
    if kind != EntityKind::Person {
        return;
    }
    let first = words.len();
    for t in tokens_in(tokens, &m.span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
    {
        let start = buf.len();
        push_name_word(buf, t.text(text));
        words.push(start..buf.len());
    }
    let word = |r: &std::ops::Range<usize>| buf.get(r.clone()).unwrap_or("");
    // "Abdullah II", "Charles III": a monarch's name keeps its number, so that
    // it is not read as the surname "Abdullah" of "Rania Al Abdullah".
    if let [_, number] = words.get(first..).unwrap_or(&[])
        && is_regnal_number(word(number))
    {
        return;
    }
    let mut kept = first;
    for k in first..words.len() {
        let w = words.get(k).map_or("", word);
        if !matches!(w, "jr." | "sr." | "jr" | "sr") && !is_regnal_number(w) {
            words.swap(kept, k);
            kept += 1;
        }
    }
    words.truncate(kept);
}

/// Appends a name word lower-cased and without its accents.
fn push_name_word(buf: &mut String, w: &str) {
    let start = buf.len();
    push_lower(buf, w);
    if !w.is_ascii() {
        let folded = buf.split_off(start);
        buf.push_str(&without_accents(folded));
    }
}

fn is_regnal_number(w: &str) -> bool {
    matches!(w, "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii")
}

/// Known person names, indexed so that each lookup is cheap (a text may hold
/// a hundred thousand name-like mentions).
#[derive(Default)]
struct People<'a> {
    exact: FxHashMap<&'a [&'a str], usize>,
    /// Referents of multi-word names by their last word, first seen first.
    by_last: FxHashMap<&'a str, Vec<(usize, &'a [&'a str])>>,
    /// The first multi-word name holding a word anywhere.
    by_word: FxHashMap<&'a str, usize>,
    /// People called by their given name, not a surname: monarchs ("abdullah"
    /// -> "Abdullah II") and Arabic names with a patronymic ("hussein" ->
    /// "Hussein bin Abdullah II").
    by_given: FxHashMap<&'a str, usize>,
    /// The words of each multi-word name, by referent.
    words_of: FxHashMap<usize, &'a [&'a str]>,
}

impl<'a> People<'a> {
    fn add(&mut self, r: usize, words: &'a [&'a str]) {
        let patronymic = words.iter().any(|w| matches!(*w, "bin" | "bint" | "ibn"));
        let regnal = matches!(words, [_, number] if is_regnal_number(number));
        if (patronymic || regnal)
            && let Some(given) = words.first()
        {
            self.by_given.entry(given).or_insert(r);
        }
        if words.len() > 1 {
            for w in words {
                self.by_word.entry(w).or_insert(r);
            }
            if let Some(last) = words.last() {
                self.by_last.entry(last).or_default().push((r, words));
            }
            self.words_of.entry(r).or_insert(words);
        }
        self.exact.entry(words).or_insert(r);
    }

    /// The referent a person name belongs to: the same words, a single word
    /// that is one of a known name's words (surname first), or the same
    /// surname with a compatible given name ("Joe Biden" ~ "Joseph R. Biden").
    fn find(&self, words: &[&'a str]) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        if let Some(r) = self.exact.get(words) {
            return Some(*r);
        }
        let last = words.last()?;
        let same_last = self.by_last.get(last).map_or(&[][..], Vec::as_slice);
        if let [single] = words {
            // "King Abdullah" is "Abdullah II" before any Abdullah by surname.
            return self
                .by_given
                .get(single)
                .or_else(|| same_last.first().map(|(r, _)| r))
                .or_else(|| self.by_word.get(single))
                .copied();
        }
        same_last
            .iter()
            .find(|(_, k)| {
                let compatible_first = match (k.first(), words.first()) {
                    (Some(a), Some(b)) => same_given_name(a, b),
                    _ => false,
                };
                is_subsequence(words, k) || compatible_first
            })
            .map(|(r, _)| *r)
            .or_else(|| self.cut_short(words))
            .or_else(|| self.spelled_otherwise(words))
    }

    /// "John Luk" after "John Luk Jok": a name of two words or more that
    /// opens a longer known name, word for word, is that person's (names of
    /// three parts are cut at their last).
    fn cut_short(&self, words: &[&'a str]) -> Option<usize> {
        let r = *self.by_word.get(words.first()?)?;
        let known = self.words_of.get(&r)?;
        (words.len() >= 2 && known.len() > words.len() && known.starts_with(words)).then_some(r)
    }

    /// "Hamza bin Ladin" after "Hamza bin Laden": the first name holding the
    /// same first word, when the names differ in one vowel of one word only
    /// (a transliteration's spelling).
    fn spelled_otherwise(&self, words: &[&'a str]) -> Option<usize> {
        let r = *self.by_word.get(words.first()?)?;
        let known = self.words_of.get(&r)?;
        let mut differing = known.iter().zip(words).filter(|(a, b)| a != b);
        (known.len() == words.len()
            && differing.next().is_some_and(|(a, b)| one_vowel_apart(a, b))
            && differing.next().is_none())
        .then_some(r)
    }
}

/// Whether two words differ in one vowel only ("laden", "ladin").
fn one_vowel_apart(a: &str, b: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut apart = a.chars().zip(b.chars()).filter(|(x, y)| x != y);
    a.chars().count() == b.chars().count()
        && a.chars().count() > 3
        && apart.next().is_some_and(|(x, y)| vowel(x) && vowel(y))
        && apart.next().is_none()
}

/// Whether two given names can be one person's: an initial and a name ("J."
/// and "Joseph"), a short form of four letters at most sharing the first two
/// ("Joe" and "Joseph"), or a known short form ("Tom" and "Thomas"); "Jill"
/// and "Joseph" Biden are two people.
fn same_given_name(a: &str, b: &str) -> bool {
    /// Short forms whose second letter differs from the full name's.
    const SHORT_FORMS: &[(&str, &str)] = &[
        ("tom", "thomas"),
        ("tommy", "thomas"),
        ("jim", "james"),
        ("jimmy", "james"),
        ("jack", "john"),
        ("ted", "theodore"),
        ("hank", "henry"),
    ];
    let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
    let short = |w: &str| w.chars().count() <= 4;
    let mut ca = a.chars();
    let mut cb = b.chars();
    let first_same = ca.next() == cb.next();
    // "Saumu" and "Salma" Mbuvi, two sisters, also share two letters: only a
    // short form ("Joe", "Mike") is read as the longer name.
    first_same
        && (initial(a)
            || initial(b)
            || (ca.next() == cb.next() && (short(a) != short(b)))
            || SHORT_FORMS
                .iter()
                .any(|&(s, l)| (s, l) == (a, b) || (s, l) == (b, a)))
}

fn is_subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Joins acronyms to the names they abbreviate: "UN" -> "United Nations",
/// and "Syrian Democratic Forces (SDF)" defines "SDF".
fn merge_acronyms(
    text: &str,
    mentions: &[Mention],
    assigned: &mut [Option<usize>],
    referents: &mut [Referent],
) {
    // Only the acronyms that are looked up below need a definition: most
    // texts have few or none, and building every mention's initials (a
    // String each) cost more than the rest of grouping.
    let wanted: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Person)
        .map(|m| text.get(m.span.clone()).unwrap_or(""))
        .filter(|s| is_acronym(s))
        .map(|s| s.trim_end_matches('.'))
        .collect();
    if wanted.is_empty()
        && !mentions.iter().any(|m| {
            m.kind != EntityKind::Person && is_caps_alias(text.get(m.span.clone()).unwrap_or(""))
        })
    {
        return;
    }
    let mut defined: FxHashMap<String, usize> = FxHashMap::default();
    let mut own = String::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(r) = assigned[i] else { continue };
        let surface = text.get(m.span.clone()).unwrap_or("");
        if !is_acronym(surface) {
            // A name of one word has one initial, and every acronym looked
            // up has two letters or more: no initials to build for it.
            if several_words(surface) {
                initials(surface, &mut own);
                if wanted.contains(own.as_str()) {
                    defined.entry(own.clone()).or_insert(r);
                }
            }
            // "Name (ACR)": the bracketed acronym right after the name.
            let rest = text.get(m.span.end..).unwrap_or("");
            if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.split(')').next())
                && (is_acronym(inner) || is_caps_alias(inner))
            {
                defined.insert(inner.to_string(), r);
            }
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        let surface = text.get(m.span.clone()).unwrap_or("");
        if m.kind == EntityKind::Person || !(is_acronym(surface) || is_caps_alias(surface)) {
            continue;
        }
        if let (Some(&target), Some(own)) =
            (defined.get(surface.trim_end_matches('.')), assigned[i])
            && target != own
            && referents
                .get(target)
                .is_some_and(|t| t.kind != EntityKind::Person)
        {
            assigned[i] = Some(target);
        }
    }
    let _ = referents;
}

/// "Washington, D.C." ... "Washington": a place named once with its state or
/// country after a comma, then by its own name, is one place.
fn merge_qualified_places(text: &str, mentions: &[Mention], assigned: &mut [Option<usize>]) {
    let mut heads: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        let surface = text.get(m.span.clone()).unwrap_or("");
        // Most places hold no comma: one byte scan before the search.
        if m.kind == EntityKind::Place
            && surface.contains(',')
            && let Some((head, _)) = surface.split_once(", ")
            && let Some(r) = assigned[i]
        {
            heads.entry(head).or_insert(r);
        }
    }
    if heads.is_empty() {
        return;
    }
    for (i, m) in mentions.iter().enumerate() {
        let surface = text.get(m.span.clone()).unwrap_or("");
        if m.kind == EntityKind::Place
            && let Some(&r) = heads.get(surface)
        {
            assigned[i] = Some(r);
        }
    }
}

/// "Hagia Sophia Museum" ... "Hagia Sophia": a place named with its head word
/// and then without it is one place (see `named_places::short_name`).
fn merge_short_names(
    text: &str,
    mentions: &[Mention],
    assigned: &mut [Option<usize>],
    geo: &dyn Geo,
) {
    let mut full: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Place {
            continue;
        }
        let surface = text.get(m.span.clone()).unwrap_or("");
        // Most places are one word, or close with no head: no lookups for them.
        let headed = surface
            .rsplit(' ')
            .next()
            .is_some_and(|w| w != surface && super::named_places::is_head(w));
        if headed
            && let Some(short) = super::named_places::short_name(surface, geo)
            && let Some(r) = assigned.get(i).copied().flatten()
        {
            full.entry(short).or_insert(r);
        }
    }
    if full.is_empty() {
        return;
    }
    for (i, m) in mentions.iter().enumerate() {
        let surface = text.get(m.span.clone()).unwrap_or("");
        if m.kind == EntityKind::Place
            && let Some(&r) = full.get(surface)
            && let Some(slot) = assigned.get_mut(i)
        {
            *slot = Some(r);
        }
    }
}

/// A short form in capitals longer than an acronym, defined in brackets
/// after a name: "(TECNOSUR)", "(AZUL SA)" (up to four words).
fn is_caps_alias(s: &str) -> bool {
    // The character test first: it fails on the second letter of most names.
    (2..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '&'))
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.split(' ').count() <= 4
}

fn is_acronym(s: &str) -> bool {
    // The character test first: it fails on the second letter of most names.
    s.chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
        && (2..=6).contains(&s.chars().filter(|c| c.is_alphabetic()).count())
}

/// Whether `s` may hold two words as [`initials`] splits them: true unless
/// it is ASCII with no whitespace or hyphen (a name of one word, most of
/// them, answered by one byte scan).
fn several_words(s: &str) -> bool {
    // `char::is_whitespace` in ASCII: tab to carriage return, and space.
    s.bytes()
        .any(|b| matches!(b, b'-' | b' ' | b'\t'..=b'\r') || !b.is_ascii())
}

/// Initials of the capitalised words, into `out` (cleared first, so that one
/// buffer serves every mention): "United Nations" -> "UN".
fn initials(s: &str, out: &mut String) {
    out.clear();
    out.extend(
        s.split(|c: char| c.is_whitespace() || c == '-')
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase()),
    );
}

/// Drops referents left without mentions, fills mention lists in text order,
/// and names each referent by its fullest form.
fn renumber(
    text: &str,
    entities: Vec<Entity>,
    mut referents: Vec<Referent>,
) -> (Vec<Entity>, Vec<Referent>) {
    let mut map: Vec<Option<usize>> = vec![None; referents.len()];
    let mut out: Vec<Referent> = Vec::with_capacity(referents.len());
    // What `NameForm::fuller_than` compares of each new referent's name so far, kept beside
    // it: each mention's surface is measured once, the name not again.
    let mut forms: Vec<NameForm> = Vec::with_capacity(referents.len());
    let mut ents = entities;
    for (ei, e) in ents.iter_mut().enumerate() {
        let Some(old) = referents.get_mut(e.referent) else {
            continue;
        };
        let new = *map[e.referent].get_or_insert_with(|| {
            forms.push(NameForm::of(&old.name));
            out.push(Referent {
                // Each old referent is copied once: its name can move.
                name: std::mem::take(&mut old.name),
                kind: old.kind,
                country: None,
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        e.referent = new;
        if let (Some(r), Some(best)) = (out.get_mut(new), forms.get_mut(new)) {
            r.mentions.push(ei);
            let surface = text.get(e.span.clone()).unwrap_or("");
            // A name written again as the referent's is no fuller than
            // itself: only another surface is measured.
            let form = (surface != r.name).then(|| NameForm::of(surface));
            if let Some(form) = form.filter(|f| f.fuller_than(*best)) {
                r.name = surface.to_string();
                *best = form;
            }
        }
    }
    (ents, out)
}

/// What makes one name fuller than another: its case and its length.
#[derive(Clone, Copy)]
struct NameForm {
    /// No lower-case letter ("UNITED NATIONS", "UN").
    caps: bool,
    /// Length in characters.
    chars: usize,
}

impl NameForm {
    fn of(name: &str) -> Self {
        NameForm {
            caps: !name.chars().any(char::is_lowercase),
            chars: name.chars().count(),
        }
    }

    /// Whether a name of this form is fuller than one of `other`'s: mixed
    /// case beats all caps, then more characters.
    fn fuller_than(self, other: NameForm) -> bool {
        match (self.caps, other.caps) {
            (false, true) => true,
            (true, false) => false,
            _ => self.chars > other.chars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name `several_words` passes over has at most one initial.
    #[test]
    fn one_word_names_have_one_initial() {
        let mut own = String::new();
        for s in [
            "Biden",
            "NATO",
            "U.S.",
            "Kyiv",
            "A\u{b}B",
            "al-Qaeda",
            "Red Cross",
            "Bosnia\tand",
            "Côte",
            "Bank\u{a0}Group",
            "",
        ] {
            initials(s, &mut own);
            assert!(several_words(s) || own.chars().count() <= 1, "{s:?}");
        }
        assert!(several_words("Red Cross") && several_words("al-Qaeda"));
        assert!(!several_words("Biden") && !several_words("U.S."));
    }
}

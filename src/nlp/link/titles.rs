//! Titles and offices: words that precede a name without being part of it
//! ("President", "Prime Minister", "Secretary"), used to strip them from
//! person mentions and to read a person's country from the words around them.

/// Words that make up titles and offices, case-sensitive (as written before a name).
const TITLE_WORDS: &[&str] = &[
    "President", "Vice", "Premier", "Prime", "Minister", "Secretary", "General", "Foreign",
    "Affairs", "Defense", "Defence", "State", "King", "Queen", "Prince", "Princess", "Crown",
    "Sheikh", "Emir", "Sultan", "Chancellor", "Deputy", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.",
    "Senator", "Rep.", "Representative", "Gov.", "Governor", "Ambassador", "Pope", "Emperor",
    "Gen.", "Col.", "Lt.", "Maj.", "Capt.", "Adm.", "Sir", "Dame", "Lord", "Chairman",
    "Chairwoman", "Chair", "Mayor", "Judge", "Justice", "Spokesperson", "Spokesman",
    "Spokeswoman", "Commissioner", "Director", "Envoy", "Special", "Under", "Assistant",
    "First", "Lady", "Party", "Speaker", "Leader", "Chief", "Executive", "Officer", "Finance",
    "Trade", "Interior", "Attorney", "Acting", "Former", "former", "Senior", "Counselor",
    "Administrator", "Commander", "Marshal", "Field", "Supreme", "Ayatollah", "Grand", "Archbishop",
    "Cardinal", "Bishop", "Rev.", "Father", "Brother", "Sister", "Saint", "St.", "Minister-President",
    "Taoiseach", "Tánaiste", "Chief-of-Staff", "Mrs", "Mr", "Ms", "Dr", "of", "the", "for",
];

/// Whether a word is part of a title ("President", "Prime", "Minister").
pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w)
}

/// Head nouns of offices, in any case: "the foreign affairs minister of Cuba".
const OFFICE_NOUNS: &[&str] = &[
    "president", "premier", "minister", "secretary", "king", "queen", "prince", "chancellor",
    "ambassador", "leader", "emir", "sultan", "sheikh", "governor", "spokesperson", "spokesman",
    "spokeswoman", "envoy", "general", "monarch", "ruler", "counterpart", "head", "chief",
    "mayor", "senator", "lawmaker", "diplomat", "official", "officials", "delegation",
    "prime", "foreign", "deputy", "vice", "affairs", "defense", "defence", "state", "trade",
];

/// Whether a word names an office, case-insensitively.
pub fn is_office_word(w: &str) -> bool {
    OFFICE_NOUNS.iter().any(|o| o.eq_ignore_ascii_case(w))
}

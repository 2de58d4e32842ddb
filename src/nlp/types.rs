//! The analysis, in data: what `nlp::analyze` returns.
//!
//! Span guarantees (property-tested): every `Span` is a byte range into the
//! article body, `start <= end <= body.len()`, both ends on char boundaries,
//! and `&body[span]` is the surface form. Lists of spans are sorted by start.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range into the analysed text.
pub type Span = Range<usize>;

/// An ISO 3166-1 alpha-2 country code ("CN", "AZ"), always upper case ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses a two-letter code, case-insensitively. `None` for anything else.
    pub fn new(code: &str) -> Option<Self> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s).ok_or_else(|| format!("not a country code: {s:?}"))
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

/// The kinds of named entity the tagger finds (CoNLL-2003's four types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Place,
    Org,
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [Self::Person, Self::Place, Self::Org, Self::Misc];

    /// The CoNLL label: PER, LOC, ORG, MISC.
    pub fn conll(self) -> &'static str {
        match self {
            Self::Person => "PER",
            Self::Place => "LOC",
            Self::Org => "ORG",
            Self::Misc => "MISC",
        }
    }

    /// A human label: "person", "place", "organisation", "other".
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Place => "place",
            Self::Org => "organisation",
            Self::Misc => "other",
        }
    }
}

/// One mention of a named entity in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
    /// Index into `Analysis::referents`.
    pub referent: usize,
}

/// The thing several mentions refer to: "Li Qiang" and "Li" are one referent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Referent {
    /// Canonical name: the fullest form used in the text.
    pub name: String,
    pub kind: EntityKind,
    /// The country this person, place or organisation belongs to, if known.
    pub country: Option<CountryCode>,
    /// Indices into `Analysis::entities`, in text order.
    pub mentions: Vec<usize>,
}

/// Where the headline names a referent the body does not (see
/// [`crate::nlp::headline`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineMention {
    /// Index into `Analysis::referents`.
    pub referent: usize,
    /// Byte range into the title.
    pub span: Span,
}

/// A country and how much the story is about it, with the mentions that say so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryScore {
    pub code: CountryCode,
    /// 0.0 ..= 1.0.
    pub score: f32,
    /// The spans that gave this country its score, in text order.
    pub evidence: Vec<Span>,
}

/// What kind of promise a commitment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommitmentKind {
    /// will, pledged, vowed, promised, committed to
    Pledge,
    /// is willing/ready to, stands ready, looks forward to
    Willingness,
    /// agreed to, signed, announced the establishment of, decided to
    Agreement,
    /// supports, adheres to, opposes, backs
    Support,
    /// the two sides should, calls on, urged
    Proposal,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 5] = [
        Self::Pledge,
        Self::Willingness,
        Self::Agreement,
        Self::Support,
        Self::Proposal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Pledge => "pledge",
            Self::Willingness => "willingness",
            Self::Agreement => "agreement",
            Self::Support => "support",
            Self::Proposal => "proposal",
        }
    }
}

/// A statement in which an actor binds itself, or declares readiness, to act.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Who commits ("China", "the two sides").
    pub actor: String,
    /// The referent of the actor, when it is a named entity.
    pub actor_referent: Option<usize>,
    /// The members of a group actor, when the text names them ("Donald J.
    /// Trump", "Ishiba Shigeru" for "The two leaders"); empty otherwise.
    pub actor_members: Vec<String>,
    /// Who said so ("Li Qiang"), when reported.
    pub speaker: Option<String>,
    pub kind: CommitmentKind,
    pub sentence: Span,
    pub trigger: Span,
    pub action: Span,
}

/// Everything readout knows about one article body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Entity mentions, sorted by span start, non-overlapping.
    pub entities: Vec<Entity>,
    pub referents: Vec<Referent>,
    /// The countries the story is about, best first.
    pub focus: Vec<CountryScore>,
    /// Every country the story refers to, best first (a superset of `focus`).
    pub mentioned: Vec<CountryScore>,
    /// Commitments in text order.
    pub commitments: Vec<Commitment>,
    /// Mentions in the title of referents the body never names (a country
    /// only the headline names), in title order; their referents have no
    /// body mentions.
    pub headline: Vec<HeadlineMention>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_code_parses_two_letters_only() {
        assert_eq!(
            CountryCode::new("cn").map(|c| c.to_string()),
            Some("CN".into())
        );
        assert_eq!(CountryCode::new("CHN"), None);
        assert_eq!(CountryCode::new("C1"), None);
        assert_eq!(CountryCode::new("é"), None);
    }
}

//! The tag set: BIO (IOB2) tags over CoNLL-2003's four entity types.
//!
//! Tags are small integers so that score tables are plain arrays:
//! 0 is `O`, 1..=4 are `B-PER`, `B-LOC`, `B-ORG`, `B-MISC`, 5..=8 the `I-` tags.

use crate::nlp::EntityKind;

/// Number of tags.
pub const N_TAGS: usize = 9;

/// One BIO tag, as its index (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(u8);

/// The four types in tag order.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Org,
    EntityKind::Misc,
];

const NAMES: [&str; N_TAGS] = [
    "O", "B-PER", "B-LOC", "B-ORG", "B-MISC", "I-PER", "I-LOC", "I-ORG", "I-MISC",
];

impl Tag {
    pub const O: Tag = Tag(0);

    /// The tag with this index; `None` past the last tag.
    pub fn from_index(i: usize) -> Option<Tag> {
        (i < N_TAGS).then_some(Tag(i as u8))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The beginning tag of a kind.
    pub fn begin(kind: EntityKind) -> Tag {
        Tag(1 + kind_index(kind) as u8)
    }

    /// The inside tag of a kind.
    pub fn inside(kind: EntityKind) -> Tag {
        Tag(5 + kind_index(kind) as u8)
    }

    /// Parses a CoNLL tag; IOB1/IOBES spellings are not accepted.
    pub fn parse(s: &str) -> Option<Tag> {
        NAMES.iter().position(|n| *n == s).map(|i| Tag(i as u8))
    }

    pub fn as_str(self) -> &'static str {
        NAMES.get(self.index()).copied().unwrap_or("O")
    }

    pub fn is_begin(self) -> bool {
        (1..=4).contains(&self.0)
    }

    pub fn is_inside(self) -> bool {
        (5..=8).contains(&self.0)
    }

    /// The entity type, `None` for `O`.
    pub fn kind(self) -> Option<EntityKind> {
        match self.0 {
            1..=4 => KINDS.get(self.index() - 1).copied(),
            5..=8 => KINDS.get(self.index() - 5).copied(),
            _ => None,
        }
    }

    /// Whether `self` may follow `prev` in valid BIO (`None` = sentence start):
    /// an `I-X` only continues a `B-X` or an `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        if !self.is_inside() {
            return true;
        }
        match prev {
            Some(p) if p != Tag::O => p.kind() == self.kind(),
            _ => false,
        }
    }

    /// All tags in index order.
    pub fn all() -> impl Iterator<Item = Tag> {
        (0..N_TAGS as u8).map(Tag)
    }
}

fn kind_index(kind: EntityKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Repairs a tag sequence into valid BIO: an `I-X` that cannot continue becomes `B-X`
/// (conlleval reads it that way too).
pub fn repair(tags: &mut [Tag]) {
    let mut prev = None;
    for tag in tags.iter_mut() {
        if !tag.may_follow(prev)
            && let Some(kind) = tag.kind()
        {
            *tag = Tag::begin(kind);
        }
        prev = Some(*tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Tag::all() {
            assert_eq!(Tag::parse(t.as_str()), Some(t));
        }
        assert_eq!(Tag::parse("S-PER"), None);
        assert_eq!(Tag::parse(""), None);
    }

    #[test]
    fn kinds_and_prefixes() {
        let b = Tag::parse("B-ORG").unwrap();
        let i = Tag::parse("I-ORG").unwrap();
        assert_eq!(b.kind(), Some(EntityKind::Org));
        assert_eq!(i.kind(), Some(EntityKind::Org));
        assert!(b.is_begin() && !b.is_inside());
        assert!(i.is_inside() && !i.is_begin());
        assert_eq!(Tag::O.kind(), None);
        assert_eq!(Tag::begin(EntityKind::Misc).as_str(), "B-MISC");
        assert_eq!(Tag::inside(EntityKind::Place).as_str(), "I-LOC");
    }

    #[test]
    fn inside_only_continues_its_own_kind() {
        let bper = Tag::parse("B-PER");
        let iper = Tag::parse("I-PER").unwrap();
        let iloc = Tag::parse("I-LOC").unwrap();
        assert!(iper.may_follow(bper));
        assert!(iper.may_follow(Some(iper)));
        assert!(!iloc.may_follow(bper));
        assert!(!iper.may_follow(Some(Tag::O)));
        assert!(!iper.may_follow(None));
        assert!(Tag::O.may_follow(None));
    }

    #[test]
    fn repair_turns_orphan_inside_into_begin() {
        let mut tags: Vec<Tag> = ["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]
            .iter()
            .map(|s| Tag::parse(s).unwrap())
            .collect();
        repair(&mut tags);
        let names: Vec<&str> = tags.iter().map(|t| t.as_str()).collect();
        assert_eq!(names, ["B-PER", "I-PER", "O", "B-LOC", "B-ORG"]);
    }
}

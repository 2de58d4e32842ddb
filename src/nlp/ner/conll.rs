//! CoNLL reading: `token ... TAG` lines, blank lines between sentences,
//! `-DOCSTART-` lines between documents. Parsing only; the caller reads the file.

use super::tags::Tag;
use std::ops::Range;

/// A line that separates documents.
const DOCSTART: &str = "-DOCSTART-";

/// One document: its tokens, flat, with sentence ranges over them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document<'a> {
    /// The first column of each token line.
    pub words: Vec<&'a str>,
    /// The tag in the last column, when there is one (a line with one column has none).
    pub gold: Vec<Option<Tag>>,
    /// The 0-based line number of each token.
    pub lines: Vec<usize>,
    /// Token ranges of the sentences, in order, never empty.
    pub sentences: Vec<Range<usize>>,
}

impl Document<'_> {
    /// Gold tags for every token, or the 0-based line of the first token without one.
    pub fn gold_tags(&self) -> Result<Vec<Tag>, usize> {
        self.gold
            .iter()
            .zip(&self.lines)
            .map(|(g, line)| g.ok_or(*line))
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A parsed CoNLL file: its lines (for re-printing) and its documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conll<'a> {
    pub lines: Vec<&'a str>,
    pub documents: Vec<Document<'a>>,
}

impl Conll<'_> {
    pub fn token_count(&self) -> usize {
        self.documents.iter().map(|d| d.words.len()).sum()
    }
}

/// Whether a line is a document boundary (`-DOCSTART-` or conlleval's `-X-`).
pub fn is_docstart(line: &str) -> bool {
    matches!(line.split_whitespace().next(), Some(DOCSTART | "-X-"))
}

/// Parses CoNLL text. Never fails: a token line whose last column is not a BIO tag
/// (or that has one column) simply has no gold tag.
pub fn parse(text: &str) -> Conll<'_> {
    let lines = lines(text);
    let mut documents = Vec::new();
    let mut doc = Document::default();
    let mut sentence_start = 0;
    for (n, line) in lines.iter().enumerate() {
        let Some((word, last)) = first_and_last_columns(line) else {
            close_sentence(&mut doc, &mut sentence_start);
            continue;
        };
        if matches!(word, DOCSTART | "-X-") {
            close_sentence(&mut doc, &mut sentence_start);
            if !doc.is_empty() {
                documents.push(std::mem::take(&mut doc));
                sentence_start = 0;
            }
            continue;
        }
        let gold = last.and_then(Tag::parse);
        doc.words.push(word);
        doc.gold.push(gold);
        doc.lines.push(n);
    }
    close_sentence(&mut doc, &mut sentence_start);
    if !doc.is_empty() {
        documents.push(doc);
    }
    Conll { lines, documents }
}

/// `text.lines()`, collected: split at `\n`, a `\r` before it dropped.
fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 16);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = bytes.get(start..end).unwrap_or_default();
        let cut = end - usize::from(line.ends_with(b"\r"));
        // Cut at ASCII bytes, so on char boundaries.
        out.push(text.get(start..cut).unwrap_or_default());
        start = end + 1;
    }
    if start < bytes.len() {
        out.push(text.get(start..).unwrap_or_default());
    }
    out
}

/// The first whitespace-separated column of a line and, when there are two or
/// more, the last (as `split_whitespace`); `None` for a blank line.
fn first_and_last_columns(line: &str) -> Option<(&str, Option<&str>)> {
    if !line.is_ascii() {
        let mut columns = line.split_whitespace();
        let first = columns.next()?;
        return Some((first, columns.last()));
    }
    // ASCII: the whitespace of `char::is_whitespace`, vertical tab included.
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    let bytes = line.as_bytes();
    let start = bytes.iter().position(|b| !space(b))?;
    let end = start
        + bytes
            .get(start..)
            .and_then(|r| r.iter().position(space))
            .unwrap_or(bytes.len() - start);
    let last_end = bytes.iter().rposition(|b| !space(b)).map_or(end, |e| e + 1);
    let last_start = bytes
        .get(..last_end)
        .and_then(|r| r.iter().rposition(space))
        .map_or(0, |s| s + 1);
    let first = line.get(start..end)?;
    let last = (last_start > start)
        .then(|| line.get(last_start..last_end))
        .flatten();
    Some((first, last))
}

fn close_sentence(doc: &mut Document<'_>, start: &mut usize) {
    if doc.words.len() > *start {
        doc.sentences.push(*start..doc.words.len());
    }
    *start = doc.words.len();
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER \n\n-DOCSTART- O\n\nLondon B-LOC\nbare\n";

    #[test]
    fn documents_sentences_and_tags() {
        let c = parse(SAMPLE);
        assert_eq!(c.documents.len(), 2);
        let d = &c.documents[0];
        assert_eq!(d.words, ["EU", "rejects", "Peter", "Blackburn"]);
        assert_eq!(d.sentences, [0..2, 2..4]);
        assert_eq!(d.gold[3], Tag::parse("I-PER"));
        assert_eq!(d.lines, [2, 3, 5, 6]);
        let d2 = &c.documents[1];
        assert_eq!(d2.words, ["London", "bare"]);
        assert_eq!(d2.sentences, [0..2]);
        assert_eq!(d2.gold, [Tag::parse("B-LOC"), None]);
        assert_eq!(d2.gold_tags(), Err(11));
        assert_eq!(c.token_count(), 6);
    }

    #[test]
    fn lines_and_columns_as_the_standard_library_splits_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r",
            "a\r\r\nb",
            "\r\n\r\n",
            "x\n\ny\n",
            "\u{e9}\r\n",
        ] {
            assert_eq!(lines(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
        for line in [
            "",
            " ",
            "a",
            " a ",
            "a b",
            "a  b\tc",
            "\u{b}a\u{c}b\u{b}",
            "a\rb",
            "Peter NNP B-NP B-PER ",
            "\u{a0}a\u{a0}b",
            "\u{2028}x y\u{3000}z",
            "\u{e9}t\u{e9} B-LOC",
        ] {
            let mut columns = line.split_whitespace();
            let expected = columns.next().map(|first| (first, columns.last()));
            assert_eq!(first_and_last_columns(line), expected, "{line:?}");
        }
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(parse("").documents.is_empty());
        assert!(parse("\n\n-DOCSTART- O\n\n").documents.is_empty());
        let c = parse("a\n\n\n\nb");
        assert_eq!(c.documents[0].sentences, [0..1, 1..2]);
    }
}

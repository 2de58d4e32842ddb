//! The open article laid out in screen rows for one pane width: the title,
//! the metadata lines, then the body wrapped by display width with textwrap.
//!
//! Every body row keeps its byte range into the body, so highlights (which are
//! byte spans from the analysis) map onto rows, and a mention can be scrolled
//! into view, without ever searching the text again.

use crate::article::Article;
use std::ops::Range;
use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

/// At most this many rows are laid out: a hostile single-line article at a
/// one-column width must not cost unbounded memory.
pub const MAX_ROWS: usize = 200_000;

/// A row above the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderRow {
    /// A wrapped piece of the title (byte range into the title).
    Title(Range<usize>),
    /// Source, date and link.
    Meta,
    /// The focus countries (filled in when the analysis arrives).
    Countries,
    /// An empty separator row.
    Gap,
}

/// An article laid out for one width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLayout {
    /// Library position of the article laid out.
    pub article: usize,
    /// The text width the rows were wrapped to.
    pub width: u16,
    pub header: Vec<HeaderRow>,
    /// Body rows: byte ranges into the body, in order. A blank line is an
    /// empty range at its position, so starts never decrease.
    pub body: Vec<Range<usize>>,
    /// Whether the body was cut at [`MAX_ROWS`].
    pub truncated: bool,
}

impl BodyLayout {
    /// Lays out `article` (library position `index`) for `width` columns.
    pub fn new(index: usize, article: &Article, width: u16) -> Self {
        let width_cols = usize::from(width);
        let mut header = Vec::new();
        let mut title_rows = Vec::new();
        wrap_into(&article.title, width_cols, 64, &mut title_rows);
        header.extend(
            title_rows
                .into_iter()
                .filter(|r| !r.is_empty())
                .map(HeaderRow::Title),
        );
        header.extend([HeaderRow::Meta, HeaderRow::Countries, HeaderRow::Gap]);
        let mut body = Vec::new();
        let truncated = !wrap_into(&article.body, width_cols, MAX_ROWS, &mut body);
        Self {
            article: index,
            width,
            header,
            body,
            truncated,
        }
    }

    /// How many rows the article takes.
    pub fn len(&self) -> usize {
        self.header.len() + self.body.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row (counting header rows) that shows body byte `offset`.
    pub fn row_of(&self, offset: usize) -> usize {
        let after = self.body.partition_point(|r| r.start <= offset);
        self.header.len() + after.saturating_sub(1)
    }
}

/// Wraps `text` line by line into `out` as byte ranges, at most `max_rows`.
/// Returns false if it stopped at the limit.
fn wrap_into(text: &str, width: usize, max_rows: usize, out: &mut Vec<Range<usize>>) -> bool {
    if width == 0 {
        return true;
    }
    let mut line_start = 0;
    for line in text.split('\n') {
        if out.len() >= max_rows {
            return false;
        }
        if line.trim().is_empty() {
            out.push(line_start..line_start);
        } else {
            wrap_line(line, line_start, width, max_rows, out);
        }
        line_start += line.len() + 1;
    }
    out.len() < max_rows || text.is_empty()
}

/// Wraps one line (starting at byte `base` of the text) with textwrap's
/// first-fit algorithm over Unicode line-break opportunities; words wider
/// than the pane are broken by display width.
fn wrap_line(line: &str, base: usize, width: usize, max_rows: usize, out: &mut Vec<Range<usize>>) {
    let words: Vec<Word<'_>> = break_words(
        WordSeparator::UnicodeBreakProperties.find_words(line),
        width,
    );
    // Where each word starts in `line`: words come in order and cover it.
    let mut starts = Vec::with_capacity(words.len());
    let mut cursor = 0;
    for word in &words {
        let start = line
            .get(cursor..)
            .and_then(|rest| rest.find(word.word))
            .map_or(cursor, |i| cursor + i);
        starts.push(start);
        cursor = start + word.word.len();
    }
    let mut first = 0;
    for row in wrap_first_fit(&words, &[width as f64]) {
        if out.len() >= max_rows {
            return;
        }
        let count = row.len();
        let (Some(start), Some(last)) = (
            starts.get(first),
            count.checked_sub(1).and_then(|l| starts.get(first + l)),
        ) else {
            first += count;
            continue;
        };
        let end = last + row.last().map_or(0, |w| w.word.len());
        out.push(base + start..base + end.max(*start));
        first += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};
    use unicode_width::UnicodeWidthStr;

    fn article(body: &str) -> Article {
        Article {
            id: ArticleId("t".into()),
            title: "A title".into(),
            source: "Test".into(),
            date: None,
            url: None,
            licence: None,
            body: body.into(),
            origin: Origin::Bundled,
        }
    }

    fn rows(body: &str, width: u16) -> Vec<String> {
        let layout = BodyLayout::new(0, &article(body), width);
        layout
            .body
            .iter()
            .map(|r| body[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn wraps_by_display_width_and_keeps_paragraphs() {
        let body = "The quick brown fox jumps over the lazy dog.\n\nSecond paragraph here.";
        assert_eq!(
            rows(body, 16),
            vec![
                "The quick brown",
                "fox jumps over",
                "the lazy dog.",
                "",
                "Second paragraph",
                "here."
            ]
        );
    }

    #[test]
    fn wide_characters_fit_the_width() {
        let body = "中国总理李强会见阿塞拜疆总统阿利耶夫 😀😀 and e\u{301}e\u{301} accents";
        for width in [1u16, 2, 5, 9, 20] {
            for row in rows(body, width) {
                assert!(
                    row.width() <= usize::from(width).max(2),
                    "{row:?} > {width}"
                );
            }
        }
        assert_eq!(rows(body, 200).concat(), body);
    }

    #[test]
    fn rows_cover_the_text_in_order() {
        let body = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.";
        let layout = BodyLayout::new(0, &article(body), 12);
        let mut last = 0;
        for row in &layout.body {
            assert!(row.start >= last && row.end <= body.len());
            assert!(body.is_char_boundary(row.start) && body.is_char_boundary(row.end));
            last = row.end;
        }
        let joined: String = layout
            .body
            .iter()
            .map(|r| &body[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, body);
    }

    #[test]
    fn finds_the_row_of_an_offset() {
        let body = "one two three four five six seven eight";
        let layout = BodyLayout::new(0, &article(body), 10);
        let header = layout.header.len();
        let six = body.find("six").unwrap();
        let row = layout.row_of(six) - header;
        assert!(body[layout.body[row].clone()].contains("six"));
        assert_eq!(layout.row_of(0), header);
    }

    #[test]
    fn zero_width_and_huge_inputs_are_bounded() {
        assert!(BodyLayout::new(0, &article("text"), 0).body.is_empty());
        let long = "x".repeat(MAX_ROWS + 10);
        let layout = BodyLayout::new(0, &article(&long), 1);
        assert!(layout.body.len() <= MAX_ROWS);
        assert!(layout.truncated);
    }
}

//! The NLP core: from an article body to an [`Analysis`].
//!
//! Pure code: no I/O (the model and gazetteers are embedded), no UI, store or
//! ingest imports, deterministic, and never panics on any input.
//!
//! The pipeline, stage by stage:
//! 1. [`token::tokenize`]: tokens with byte spans.
//! 2. [`sentence::split`]: sentence spans.
//! 3. [`ner`]: entity mentions (PER, LOC, ORG, MISC) from the trained tagger.
//! 4. [`link`]: mentions grouped into referents, each with a country.
//! 5. [`countries`]: focus countries and mentioned countries, with evidence.
//! 6. [`commitments`]: who pledged, is willing, agreed, supports, proposes what.
//! 7. [`headline`]: countries only the title names, as places of the story.

mod ascii;
pub mod commitments;
pub mod countries;
pub mod gazetteer;
pub mod headline;
pub mod link;
pub mod ner;
pub mod sentence;
pub mod token;
pub mod types;

pub use types::*;

use crate::article::Article;

/// Analyses one article's body (the title informs country focus, and adds
/// the countries only it names).
pub fn analyze(article: &Article) -> Analysis {
    analyze_text(&article.title, &article.body)
}

/// [`analyze_batch`] of articles: their analyses in the same order.
pub fn analyze_articles(articles: &[&Article]) -> Vec<Analysis> {
    let texts: Vec<(&str, &str)> = articles
        .iter()
        .map(|a| (a.title.as_str(), a.body.as_str()))
        .collect();
    analyze_batch(&texts)
}

/// Analyses `body`; every span in the result is a byte range into `body`.
pub fn analyze_text(title: &str, body: &str) -> Analysis {
    analyze_batch(&[(title, body)]).pop().unwrap_or_default()
}

/// How many articles [`analyze_batch`] should be given at a time for its
/// stage-by-stage order to pay off: the L2 misses of a corpus pass fall from
/// 554k article by article to 278k with 16 (269k with 56), as simulated by
/// cachegrind with a 512 KB L2.
pub const BATCH: usize = 16;

/// Analyses several articles, given as (title, body): the same analyses, in the
/// same order, as [`analyze_text`] gives one by one.
///
/// The stages run one after another over the whole batch (every article's
/// tokens, then every article's sentences, ...) rather than article after
/// article: each stage's code and tables (the tagger's 2 MB feature table,
/// linking's and the commitments' rules) then stay in the CPU caches for the
/// batch instead of being evicted by the other stages at every article, which
/// makes the analysis 8-14% faster (CPU time per corpus pass, batches of 16
/// to 56). See [`BATCH`].
pub fn analyze_batch(articles: &[(&str, &str)]) -> Vec<Analysis> {
    let geo = link::geo::world();
    let mut work: Vec<InProgress> = articles
        .iter()
        .map(|&(title, body)| InProgress {
            title,
            body,
            tokens: token::tokenize(body),
            ..InProgress::default()
        })
        .collect();
    for a in &mut work {
        a.sentences = sentence::split(a.body, &a.tokens);
    }
    for a in &mut work {
        a.mentions = ner::find_mentions(a.body, &a.tokens, &a.sentences);
    }
    for a in &mut work {
        a.hits = geo.find(a.body);
        // The headline's finds serve both country focus and the countries
        // only the headline names: one search, not one per reader.
        a.title_hits = geo.find(a.title);
    }
    for a in &mut work {
        a.sentence_spans = a.sentences.iter().map(|s| s.span.clone()).collect();
        (a.entities, a.referents) = link::link(
            a.body,
            &a.tokens,
            &a.sentence_spans,
            &a.mentions,
            &a.hits,
            geo,
        );
    }
    for a in &mut work {
        a.commitments =
            commitments::extract_titled(a.title, a.body, &a.sentences, &a.entities, &a.referents);
    }
    for a in &mut work {
        let story = countries::Story {
            title: a.title,
            text: a.body,
            sentences: &a.sentences,
            entities: &a.entities,
            referents: &a.referents,
            hits: &a.hits,
            title_hits: &a.title_hits,
            commitments: &a.commitments,
        };
        (a.focus, a.mentioned) = countries::score(&story);
    }
    work.into_iter()
        .map(|a| {
            let (only_in_title, headline) = headline::countries_named_only_there(
                a.title,
                &a.title_hits,
                a.body,
                &a.entities,
                &a.referents,
                geo,
            );
            let mut referents = a.referents;
            referents.extend(only_in_title);
            Analysis {
                sentences: a.sentence_spans,
                entities: a.entities,
                referents,
                focus: a.focus,
                mentioned: a.mentioned,
                commitments: a.commitments,
                headline,
            }
        })
        .collect()
}

/// One article of a batch between stages: each stage fills its part.
#[derive(Default)]
struct InProgress<'a> {
    title: &'a str,
    body: &'a str,
    tokens: Vec<token::Token>,
    sentences: Vec<sentence::Sentence>,
    mentions: Vec<ner::Mention>,
    hits: Vec<link::geo::GeoHit>,
    title_hits: Vec<link::geo::GeoHit>,
    sentence_spans: Vec<Span>,
    entities: Vec<Entity>,
    referents: Vec<Referent>,
    commitments: Vec<Commitment>,
    focus: Vec<CountryScore>,
    mentioned: Vec<CountryScore>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bundled articles' files as (headline, the rest): real news text
    /// (the NLP core reads no article format).
    fn bundled() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|text| match text.split_once('\n') {
                Some((title, body)) => (title.to_string(), body.to_string()),
                None => (String::new(), text),
            })
            .collect()
    }

    /// Bundled articles, whole or cut short (at a char boundary), and made-up
    /// texts: what a batch may hold.
    fn texts() -> impl Strategy<Value = Vec<(String, String)>> {
        let bundled = bundled();
        assert!(bundled.len() > 10, "{} bundled articles", bundled.len());
        let from_corpus = (0..bundled.len(), 0.0..1.0f64).prop_map(move |(i, keep)| {
            let (title, body) = bundled.get(i).cloned().unwrap_or_default();
            let mut cut = (body.len() as f64 * keep) as usize;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            (title, body[..cut].to_string())
        });
        let made_up = (
            "[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8})?",
            "[A-Za-z .,\"'\n]{0,300}",
        );
        prop::collection::vec(prop_oneof![3 => from_corpus, 1 => made_up], 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// An article's analysis does not depend on the articles analysed with it,
        /// nor on their order: a batch gives what `analyze_text` gives one by one.
        #[test]
        fn a_batch_is_its_articles_analysed_one_by_one(articles in texts()) {
            let pairs: Vec<(&str, &str)> = articles
                .iter()
                .map(|(t, b)| (t.as_str(), b.as_str()))
                .collect();
            let batch = analyze_batch(&pairs);
            let one_by_one: Vec<Analysis> =
                pairs.iter().map(|&(t, b)| analyze_text(t, b)).collect();
            prop_assert_eq!(batch, one_by_one);
        }
    }
}

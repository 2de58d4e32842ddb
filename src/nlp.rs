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

/// Analyses `body`; every span in the result is a byte range into `body`.
pub fn analyze_text(title: &str, body: &str) -> Analysis {
    let geo = link::geo::world();
    let tokens = token::tokenize(body);
    let sentences = sentence::split(body, &tokens);
    let mentions = ner::find_mentions(body, &tokens, &sentences);
    let hits = geo.find(body);
    let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span.clone()).collect();
    let (entities, referents) = link::link(body, &tokens, &sentence_spans, &mentions, &hits, geo);
    let commitments = commitments::extract(body, &sentences, &entities, &referents);
    let story = countries::Story {
        title,
        text: body,
        sentences: &sentences,
        entities: &entities,
        referents: &referents,
        hits: &hits,
        commitments: &commitments,
    };
    let (focus, mentioned) = countries::score(&story, geo);
    let (only_in_title, headline) =
        headline::countries_named_only_there(title, body, &entities, &referents, geo);
    let mut referents = referents;
    referents.extend(only_in_title);
    Analysis {
        sentences: sentence_spans,
        entities,
        referents,
        focus,
        mentioned,
        commitments,
        headline,
    }
}

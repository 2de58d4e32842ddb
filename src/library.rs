//! The library: articles in memory with their analyses, read/starred state, and
//! the indexes the front ends need (country -> articles, referent -> articles).
//!
//! Analyses arrive one by one (they are computed off the UI thread), so every
//! index is updated incrementally by [`Library::set_analysis`].

use crate::article::{Article, ArticleId, Origin};
use crate::nlp::{Analysis, CountryCode, EntityKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub mod cached;
pub mod countries;

pub use countries::{country_name, resolve_country};

/// One article in the library, with what readout knows about it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub article: Article,
    /// `None` until the analysis has arrived.
    pub analysis: Option<Analysis>,
    pub read: bool,
    pub starred: bool,
    /// Bumped each time the article's text is replaced (a feed re-published
    /// it), so that an analysis of the old text can be told apart and dropped.
    pub revision: u32,
}

/// Which countries of a story a filter looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CountryScope {
    /// The countries the story is about.
    #[default]
    Focus,
    /// Every country the story refers to.
    AnyMention,
}

impl CountryScope {
    pub fn label(self) -> &'static str {
        match self {
            Self::Focus => "focus",
            Self::AnyMention => "any mention",
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Self::Focus => Self::AnyMention,
            Self::AnyMention => Self::Focus,
        }
    }
}

/// A country filter: the country and which of a story's countries count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryFilter {
    pub code: CountryCode,
    pub scope: CountryScope,
}

/// A country the user named that readout does not know.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown country {0:?}: give an ISO code (AZ) or a country name")]
pub struct UnknownCountry(pub String);

impl CountryFilter {
    /// The filter for a user's `--country` (a code or a name).
    pub fn parse(query: &str, scope: CountryScope) -> Result<Self, UnknownCountry> {
        match resolve_country(query) {
            Some(code) => Ok(Self { code, scope }),
            None => Err(UnknownCountry(
                query.chars().filter(|c| !c.is_control()).take(60).collect(),
            )),
        }
    }
}

/// How a referent is found across articles: its kind and case-folded canonical name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ReferentKey {
    kind: EntityKind,
    name: String,
}

impl ReferentKey {
    fn new(kind: EntityKind, name: &str) -> Self {
        Self {
            kind,
            name: name.to_lowercase(),
        }
    }
}

/// The articles, their analyses and indexes over them. Article positions
/// (`usize`) are stable for the life of the library.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<Entry>,
    by_focus: BTreeMap<CountryCode, BTreeSet<usize>>,
    by_mention: BTreeMap<CountryCode, BTreeSet<usize>>,
    by_referent: HashMap<ReferentKey, BTreeSet<usize>>,
    by_id: HashMap<ArticleId, usize>,
    /// Display order: lower first. Positions for articles added at the end,
    /// negative (decreasing) for those added on top ([`Library::push_front`]).
    ranks: Vec<i64>,
    /// The rank the last article added on top got (0: none yet).
    top_rank: i64,
    analysed: usize,
}

/// Unread and total articles of one source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub unread: usize,
    pub total: usize,
}

/// Article counts by where the articles came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceCounts {
    /// By feed URL (as in `Origin::Feed`).
    pub feeds: HashMap<String, Counts>,
    /// The bundled corpus.
    pub bundled: Counts,
}

impl Library {
    /// A library over `articles`, in the order given, none analysed yet.
    pub fn new(articles: Vec<Article>) -> Self {
        let mut library = Self::default();
        for article in articles {
            library.push(article, false, false);
        }
        library
    }

    /// Adds an article at the end (not analysed yet); returns its position.
    pub fn push(&mut self, article: Article, read: bool, starred: bool) -> usize {
        let index = self.entries.len();
        self.ranks.push(i64::try_from(index).unwrap_or(i64::MAX));
        self.by_id.entry(article.id.clone()).or_insert(index);
        self.entries.push(Entry {
            article,
            analysis: None,
            read,
            starred,
            revision: 0,
        });
        index
    }

    /// Adds an article shown above all others (a new item from a refresh);
    /// its position is still the next one, so positions stay stable.
    pub fn push_front(&mut self, article: Article, read: bool, starred: bool) -> usize {
        let index = self.push(article, read, starred);
        self.top_rank -= 1;
        if let Some(rank) = self.ranks.get_mut(index) {
            *rank = self.top_rank;
        }
        index
    }

    /// Where article `index` comes in display order (lower first).
    pub fn rank(&self, index: usize) -> i64 {
        self.ranks.get(index).copied().unwrap_or(i64::MAX)
    }

    /// Sorts positions into display order (a no-op until something was added on top).
    fn in_display_order(&self, mut positions: Vec<usize>) -> Vec<usize> {
        if self.top_rank < 0 {
            positions.sort_by_key(|i| self.rank(*i));
        }
        positions
    }

    /// The position of the article with this id.
    pub fn position(&self, id: &ArticleId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Replaces the text of article `index` (a feed re-published it): its old
    /// analysis is dropped from every index and its revision bumped. Reading
    /// state is kept. Returns false when there is no such article.
    pub fn replace_article(&mut self, index: usize, article: Article) -> bool {
        self.drop_analysis(index);
        let Some(entry) = self.entries.get_mut(index) else {
            return false;
        };
        entry.article = article;
        entry.revision = entry.revision.wrapping_add(1);
        true
    }

    /// Unread and total counts per feed and for the bundled corpus.
    pub fn source_counts(&self) -> SourceCounts {
        let mut counts = SourceCounts::default();
        for entry in &self.entries {
            let slot = match &entry.article.origin {
                Origin::Feed(url) => {
                    if let Some(slot) = counts.feeds.get_mut(url.as_str()) {
                        slot
                    } else {
                        counts.feeds.entry(url.clone()).or_default()
                    }
                }
                Origin::Bundled => &mut counts.bundled,
                Origin::File(_) => continue,
            };
            slot.total += 1;
            if !entry.read {
                slot.unread += 1;
            }
        }
        counts
    }

    /// The library for `sources` (files, folders, feeds), or the bundled
    /// corpus when there are none; with one line per source that failed.
    pub fn load<S: AsRef<std::ffi::OsStr>>(sources: &[S]) -> (Self, Vec<String>) {
        if sources.is_empty() {
            (Self::new(crate::ingest::bundled()), Vec::new())
        } else {
            let loaded = crate::ingest::load(sources);
            (Self::new(loaded.articles), loaded.problems)
        }
    }

    /// Analyses every article not analysed yet, in parallel, and waits.
    /// (The reader instead streams analyses in from its workers.) Each
    /// thread takes a batch of articles at a time (see `nlp::analyze_batch`).
    pub fn analyse_all(&mut self) {
        use rayon::prelude::*;
        let pending: Vec<(usize, &Article)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.analysis.is_none())
            .map(|(i, e)| (i, &e.article))
            .collect();
        let results: Vec<(usize, Analysis)> = pending
            .par_chunks(crate::nlp::BATCH)
            .flat_map_iter(|batch| {
                let articles: Vec<&Article> = batch.iter().map(|&(_, a)| a).collect();
                let analyses = crate::nlp::analyze_articles(&articles);
                batch.iter().map(|&(i, _)| i).zip(analyses)
            })
            .collect();
        for (index, analysis) in results {
            self.set_analysis(index, analysis);
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The articles, in library order (for handing to the analysis workers).
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.entries.iter().map(|e| &e.article)
    }

    /// How many articles have their analysis.
    pub fn analysed(&self) -> usize {
        self.analysed
    }

    pub fn unread(&self) -> usize {
        self.entries.iter().filter(|e| !e.read).count()
    }

    /// Stores the analysis of article `index` and indexes it. Returns false
    /// when there is no such article.
    pub fn set_analysis(&mut self, index: usize, analysis: Analysis) -> bool {
        if index >= self.entries.len() {
            return false;
        }
        self.drop_analysis(index);
        self.analysed += 1;
        for score in &analysis.focus {
            self.by_focus.entry(score.code).or_default().insert(index);
        }
        for score in analysis.focus.iter().chain(&analysis.mentioned) {
            self.by_mention.entry(score.code).or_default().insert(index);
        }
        for referent in &analysis.referents {
            self.by_referent
                .entry(ReferentKey::new(referent.kind, &referent.name))
                .or_default()
                .insert(index);
        }
        if let Some(entry) = self.entries.get_mut(index) {
            entry.analysis = Some(analysis);
        }
        true
    }

    /// Removes the analysis of article `index`, if it has one, from the
    /// article and from every index.
    fn drop_analysis(&mut self, index: usize) {
        let Some(old) = self
            .entries
            .get_mut(index)
            .and_then(|entry| entry.analysis.take())
        else {
            return;
        };
        unindex(
            &mut self.by_focus,
            &mut self.by_mention,
            &mut self.by_referent,
            index,
            &old,
        );
        self.analysed = self.analysed.saturating_sub(1);
    }

    /// Whether article `index` passes `filter` (every article passes no filter).
    pub fn matches(&self, index: usize, filter: Option<CountryFilter>) -> bool {
        match filter {
            None => index < self.entries.len(),
            Some(f) => self
                .index_for(f.scope)
                .get(&f.code)
                .is_some_and(|set| set.contains(&index)),
        }
    }

    /// The positions of the articles that pass `filter`, in display order
    /// (library order, after any added on top).
    pub fn matching(&self, filter: Option<CountryFilter>) -> Vec<usize> {
        let positions = match filter {
            None => (0..self.entries.len()).collect(),
            Some(f) => self
                .index_for(f.scope)
                .get(&f.code)
                .map(|set| set.iter().copied().collect())
                .unwrap_or_default(),
        };
        self.in_display_order(positions)
    }

    /// Every country with the number of stories about it (or mentioning it),
    /// most stories first, then by code.
    pub fn country_counts(&self, scope: CountryScope) -> Vec<(CountryCode, usize)> {
        let mut counts: Vec<(CountryCode, usize)> = self
            .index_for(scope)
            .iter()
            .filter(|(_, set)| !set.is_empty())
            .map(|(code, set)| (*code, set.len()))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }

    /// The articles whose analysis has a referent of this kind and canonical
    /// name (case-insensitive), in display order.
    pub fn articles_mentioning(&self, kind: EntityKind, name: &str) -> Vec<usize> {
        let positions = self
            .by_referent
            .get(&ReferentKey::new(kind, name))
            .map(|set| set.iter().copied().collect())
            .unwrap_or_default();
        self.in_display_order(positions)
    }

    /// The focus countries of article `index`, best first (empty until analysed).
    pub fn focus_codes(&self, index: usize) -> Vec<CountryCode> {
        self.entries
            .get(index)
            .and_then(|e| e.analysis.as_ref())
            .map(|a| a.focus.iter().map(|s| s.code).collect())
            .unwrap_or_default()
    }

    /// Marks article `index` read or unread; returns whether anything changed.
    pub fn set_read(&mut self, index: usize, read: bool) -> bool {
        match self.entries.get_mut(index) {
            Some(e) if e.read != read => {
                e.read = read;
                true
            }
            _ => false,
        }
    }

    /// Stars or unstars article `index`; returns whether anything changed.
    pub fn set_starred(&mut self, index: usize, starred: bool) -> bool {
        match self.entries.get_mut(index) {
            Some(e) if e.starred != starred => {
                e.starred = starred;
                true
            }
            _ => false,
        }
    }

    fn index_for(&self, scope: CountryScope) -> &BTreeMap<CountryCode, BTreeSet<usize>> {
        match scope {
            CountryScope::Focus => &self.by_focus,
            CountryScope::AnyMention => &self.by_mention,
        }
    }
}

/// Removes article `index` from every index entry that `old` put it in.
fn unindex(
    by_focus: &mut BTreeMap<CountryCode, BTreeSet<usize>>,
    by_mention: &mut BTreeMap<CountryCode, BTreeSet<usize>>,
    by_referent: &mut HashMap<ReferentKey, BTreeSet<usize>>,
    index: usize,
    old: &Analysis,
) {
    for score in &old.focus {
        if let Some(set) = by_focus.get_mut(&score.code) {
            set.remove(&index);
        }
    }
    for score in old.focus.iter().chain(&old.mentioned) {
        if let Some(set) = by_mention.get_mut(&score.code) {
            set.remove(&index);
        }
    }
    for referent in &old.referents {
        if let Some(set) = by_referent.get_mut(&ReferentKey::new(referent.kind, &referent.name)) {
            set.remove(&index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};
    use crate::nlp::{CountryScore, Referent};

    fn article(id: &str) -> Article {
        Article {
            id: ArticleId(id.into()),
            title: format!("Title {id}"),
            source: "Test".into(),
            date: None,
            url: None,
            licence: None,
            body: String::new(),
            origin: Origin::Bundled,
        }
    }

    fn code(c: &str) -> CountryCode {
        CountryCode::new(c).unwrap()
    }

    fn score(c: &str) -> CountryScore {
        CountryScore {
            code: code(c),
            score: 0.5,
            evidence: vec![],
        }
    }

    fn analysis(focus: &[&str], mentioned: &[&str], people: &[&str]) -> Analysis {
        Analysis {
            focus: focus.iter().map(|c| score(c)).collect(),
            mentioned: mentioned.iter().map(|c| score(c)).collect(),
            referents: people
                .iter()
                .map(|n| Referent {
                    name: n.to_string(),
                    kind: EntityKind::Person,
                    country: None,
                    mentions: vec![],
                })
                .collect(),
            ..Analysis::default()
        }
    }

    fn library() -> Library {
        let mut lib = Library::new(vec![article("a"), article("b"), article("c")]);
        lib.set_analysis(0, analysis(&["AZ", "CN"], &["TW"], &["Ilham Aliyev"]));
        lib.set_analysis(2, analysis(&["AZ"], &["CN"], &["ilham aliyev"]));
        lib
    }

    #[test]
    fn filters_by_focus_or_any_mention() {
        let lib = library();
        let az = |scope| {
            Some(CountryFilter {
                code: code("AZ"),
                scope,
            })
        };
        let cn = |scope| {
            Some(CountryFilter {
                code: code("CN"),
                scope,
            })
        };
        assert_eq!(lib.matching(az(CountryScope::Focus)), vec![0, 2]);
        assert_eq!(lib.matching(cn(CountryScope::Focus)), vec![0]);
        assert_eq!(lib.matching(cn(CountryScope::AnyMention)), vec![0, 2]);
        assert_eq!(lib.matching(None), vec![0, 1, 2]);
        assert!(lib.matches(2, cn(CountryScope::AnyMention)));
        assert!(!lib.matches(1, cn(CountryScope::AnyMention)));
        assert_eq!(lib.analysed(), 2);
    }

    #[test]
    fn counts_countries_most_stories_first() {
        let lib = library();
        assert_eq!(
            lib.country_counts(CountryScope::Focus),
            vec![(code("AZ"), 2), (code("CN"), 1)]
        );
        assert_eq!(
            lib.country_counts(CountryScope::AnyMention),
            vec![(code("AZ"), 2), (code("CN"), 2), (code("TW"), 1)]
        );
    }

    #[test]
    fn finds_referents_across_articles_case_insensitively() {
        let lib = library();
        assert_eq!(
            lib.articles_mentioning(EntityKind::Person, "ILHAM ALIYEV"),
            vec![0, 2]
        );
        assert!(
            lib.articles_mentioning(EntityKind::Place, "Ilham Aliyev")
                .is_empty()
        );
    }

    #[test]
    fn reanalysis_replaces_index_entries() {
        let mut lib = library();
        lib.set_analysis(0, analysis(&["FR"], &[], &[]));
        assert_eq!(
            lib.matching(Some(CountryFilter {
                code: code("AZ"),
                scope: CountryScope::Focus
            })),
            vec![2]
        );
        assert_eq!(
            lib.articles_mentioning(EntityKind::Person, "Ilham Aliyev"),
            vec![2]
        );
        assert_eq!(lib.analysed(), 2);
        assert!(!lib.set_analysis(9, Analysis::default()));
    }

    #[test]
    fn replacing_an_article_drops_its_old_analysis_and_keeps_its_state() {
        let mut lib = library();
        lib.set_read(0, true);
        lib.set_starred(0, true);
        assert_eq!(lib.position(&ArticleId("a".into())), Some(0));
        let mut new = article("a");
        new.body = "New text.".into();
        assert!(lib.replace_article(0, new.clone()));
        let entry = lib.get(0).unwrap();
        assert_eq!(entry.article, new);
        assert!(entry.read && entry.starred && entry.analysis.is_none());
        assert_eq!(entry.revision, 1);
        assert_eq!(lib.analysed(), 1);
        assert_eq!(
            lib.articles_mentioning(EntityKind::Person, "Ilham Aliyev"),
            vec![2]
        );
        assert!(!lib.replace_article(9, article("z")));
    }

    #[test]
    fn counts_unread_by_source() {
        let mut lib = library();
        let mut feed = article("f1");
        feed.origin = Origin::Feed("https://f.example/rss".into());
        let index = lib.push(feed, true, false);
        let mut feed = article("f2");
        feed.origin = Origin::Feed("https://f.example/rss".into());
        lib.push(feed, false, true);
        let mut file = article("file");
        file.origin = Origin::File("/tmp/x.txt".into());
        lib.push(file, false, false);
        assert_eq!(lib.position(&ArticleId("f1".into())), Some(index));
        let counts = lib.source_counts();
        assert_eq!(
            counts.feeds.get("https://f.example/rss"),
            Some(&Counts {
                unread: 1,
                total: 2
            })
        );
        assert_eq!(
            counts.bundled,
            Counts {
                unread: 3,
                total: 3
            }
        );
    }

    #[test]
    fn read_and_starred_state() {
        let mut lib = library();
        assert_eq!(lib.unread(), 3);
        assert!(lib.set_read(1, true));
        assert!(!lib.set_read(1, true));
        assert_eq!(lib.unread(), 2);
        assert!(lib.set_starred(1, true));
        assert!(lib.get(1).is_some_and(|e| e.starred));
        assert!(!lib.set_read(7, true));
    }
}

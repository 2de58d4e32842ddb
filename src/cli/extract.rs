//! `readout extract`: the analysis of articles as JSON or text.
//!
//! One JSON object per input (an array when there are several). Offsets are
//! byte offsets into `text`, the article body the analysis ran on.

use crate::article::Article;
use crate::nlp::link::geo::world;
use crate::nlp::{self, Analysis, CountryScore, EntityKind};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
}

pub fn run(inputs: &[OsString], format: Format) -> anyhow::Result<ExitCode> {
    let inputs: Vec<OsString> = if inputs.is_empty() {
        vec!["-".into()]
    } else {
        inputs.to_vec()
    };
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for input in &inputs {
        if input == "-" {
            articles.push(read_stdin()?);
        } else {
            let loaded = crate::ingest::load(std::slice::from_ref(input));
            if loaded.articles.is_empty() && loaded.problems.is_empty() {
                problems.push(format!(
                    "{}: no article found",
                    crate::ingest::sanitize::visible_os(input)
                ));
            }
            articles.extend(loaded.articles);
            problems.extend(loaded.problems);
        }
    }
    for p in &problems {
        eprintln!("readout: {p}");
    }
    let mut extracts: Vec<Extract> = Vec::with_capacity(articles.len());
    for batch in articles.chunks(nlp::BATCH) {
        let batch: Vec<&Article> = batch.iter().collect();
        let analyses = nlp::analyze_articles(&batch);
        extracts.extend(batch.iter().zip(&analyses).map(|(a, x)| Extract::new(a, x)));
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json = match extracts.as_slice() {
                [one] => serde_json::to_string_pretty(one)?,
                many => serde_json::to_string_pretty(many)?,
            };
            writeln!(out, "{json}")?;
        }
        Format::Text => {
            for e in &extracts {
                write!(out, "{}", e.to_text())?;
            }
        }
    }
    Ok(if problems.is_empty() || !extracts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// An article from standard input, in the article file format.
fn read_stdin() -> anyhow::Result<Article> {
    use crate::article::{ArticleId, Origin};
    use crate::ingest::file::{Kind, article_from_text, decode_text, sniff};
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut raw)
        .map_err(|e| anyhow::anyhow!("reading standard input: {e}"))?;
    let text = decode_text(&raw).map_err(|why| anyhow::anyhow!("standard input: {why}"))?;
    let kind = match sniff(&raw) {
        Kind::Html => Kind::Html,
        _ => Kind::Plain,
    };
    article_from_text(
        &text,
        kind,
        ArticleId("stdin".into()),
        Origin::File("-".into()),
    )
    .ok_or_else(|| anyhow::anyhow!("standard input: no article (no headline)"))
}

/// One mention in the output: byte offsets and the surface form.
#[derive(Serialize)]
pub struct MentionOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize)]
pub struct ReferentOut {
    pub name: String,
    pub country: Option<String>,
    pub mentions: Vec<MentionOut>,
    /// Mentions in the title (offsets into `title`) of a referent the body
    /// never names; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title_mentions: Vec<MentionOut>,
}

#[derive(Serialize)]
pub struct CountryOut {
    pub code: String,
    pub name: Option<String>,
    pub score: f32,
    pub evidence: Vec<String>,
}

#[derive(Serialize)]
pub struct CommitmentOut {
    pub actor: String,
    /// The members of a group actor ("The two leaders"), when the text names
    /// them; left out otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actor_members: Vec<String>,
    pub speaker: String,
    pub kind: &'static str,
    pub sentence: String,
    pub trigger: String,
    pub action: String,
    /// The sentence's byte range in `text`.
    pub start: usize,
    pub end: usize,
    pub trigger_start: usize,
    pub trigger_end: usize,
    pub action_start: usize,
    pub action_end: usize,
}

/// The whole extract of one article.
#[derive(Serialize)]
pub struct Extract {
    pub title: String,
    pub text: String,
    pub people: Vec<ReferentOut>,
    pub places: Vec<ReferentOut>,
    pub organizations: Vec<ReferentOut>,
    pub countries: Vec<CountryOut>,
    pub mentioned_countries: Vec<CountryOut>,
    pub commitments: Vec<CommitmentOut>,
}

impl Extract {
    pub fn new(article: &Article, analysis: &Analysis) -> Self {
        let text = &article.body;
        let slice = |s: &std::ops::Range<usize>| text.get(s.clone()).unwrap_or("").to_string();
        let title = &article.title;
        let referents = |kind: EntityKind| {
            analysis
                .referents
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == kind)
                .map(|(index, r)| ReferentOut {
                    name: r.name.clone(),
                    country: r.country.map(|c| c.to_string()),
                    mentions: r
                        .mentions
                        .iter()
                        .filter_map(|&i| analysis.entities.get(i))
                        .map(|e| MentionOut {
                            start: e.span.start,
                            end: e.span.end,
                            text: slice(&e.span),
                        })
                        .collect(),
                    title_mentions: analysis
                        .headline
                        .iter()
                        .filter(|m| m.referent == index)
                        .map(|m| MentionOut {
                            start: m.span.start,
                            end: m.span.end,
                            text: title.get(m.span.clone()).unwrap_or("").to_string(),
                        })
                        .collect(),
                })
                .collect()
        };
        let countries = |list: &[CountryScore]| {
            list.iter()
                .map(|c| {
                    let mut evidence: Vec<String> = Vec::new();
                    for s in &c.evidence {
                        let t = slice(s);
                        if !evidence.contains(&t) {
                            evidence.push(t);
                        }
                    }
                    CountryOut {
                        code: c.code.to_string(),
                        name: world().country_name(c.code),
                        score: c.score,
                        evidence,
                    }
                })
                .collect()
        };
        Extract {
            title: article.title.clone(),
            text: text.clone(),
            people: referents(EntityKind::Person),
            places: referents(EntityKind::Place),
            organizations: referents(EntityKind::Org),
            countries: countries(&analysis.focus),
            mentioned_countries: countries(&analysis.mentioned),
            commitments: analysis
                .commitments
                .iter()
                .map(|c| CommitmentOut {
                    actor: c.actor.clone(),
                    actor_members: c.actor_members.clone(),
                    speaker: c.speaker.clone().unwrap_or_default(),
                    kind: c.kind.label(),
                    sentence: slice(&c.sentence),
                    trigger: slice(&c.trigger),
                    action: slice(&c.action),
                    start: c.sentence.start,
                    end: c.sentence.end,
                    trigger_start: c.trigger.start,
                    trigger_end: c.trigger.end,
                    action_start: c.action.start,
                    action_end: c.action.end,
                })
                .collect(),
        }
    }

    /// The same, as lines for a reader.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title);
        for (label, list) in [
            ("People", &self.people),
            ("Places", &self.places),
            ("Organisations", &self.organizations),
        ] {
            let _ = writeln!(s, "{label}:");
            for r in list.iter() {
                if r.mentions.is_empty() && !r.title_mentions.is_empty() {
                    let code = r.country.as_deref().unwrap_or("-");
                    let _ = writeln!(s, "  {} [{code}] in the headline only", r.name);
                    continue;
                }
                let forms: Vec<&str> = r.mentions.iter().map(|m| m.text.as_str()).collect();
                let mut distinct = forms.clone();
                distinct.sort_unstable();
                distinct.dedup();
                let _ = writeln!(
                    s,
                    "  {} [{}] {} mention(s): {}",
                    r.name,
                    r.country.as_deref().unwrap_or("-"),
                    forms.len(),
                    distinct.join(", ")
                );
            }
        }
        for (label, list) in [
            ("Countries (focus)", &self.countries),
            ("Mentioned countries", &self.mentioned_countries),
        ] {
            let _ = writeln!(s, "{label}:");
            for c in list.iter() {
                let _ = writeln!(
                    s,
                    "  {} {} {:.2}: {}",
                    c.code,
                    c.name.as_deref().unwrap_or(""),
                    c.score,
                    c.evidence.join(", ")
                );
            }
        }
        let _ = writeln!(s, "Commitments:");
        for c in &self.commitments {
            let speaker = if c.speaker.is_empty() {
                String::new()
            } else {
                format!(" (said {})", c.speaker)
            };
            let _ = writeln!(s, "  [{}] {} -> {}{speaker}", c.kind, c.actor, c.action);
        }
        s.push('\n');
        s
    }
}

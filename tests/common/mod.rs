//! Test data for the reader: a few short articles written for the tests and
//! their analyses built by hand (what the NLP pipeline would report), plus
//! helpers to drive the app and render it on a `TestBackend`.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::single_range_in_vec_init
)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use readout::article::{Article, ArticleId, Origin};
use readout::library::{CountryFilter, Library};
use readout::nlp::{
    Analysis, Commitment, CommitmentKind, CountryCode, CountryScore, Entity, EntityKind, Referent,
};
use readout::tui::action::Action;
use readout::tui::app::App;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;
use readout::tui::view::view;

pub fn article(id: &str, title: &str, source: &str, date: &str, body: &str) -> Article {
    Article {
        id: ArticleId(id.into()),
        title: title.into(),
        source: source.into(),
        date: Some(date.into()),
        url: Some(format!("https://news.example/{id}")),
        licence: None,
        body: body.into(),
        origin: Origin::Bundled,
    }
}

/// A mention to find in the body: surface form, kind, canonical name, country.
pub struct M(
    pub &'static str,
    pub EntityKind,
    pub &'static str,
    pub Option<&'static str>,
);

/// A commitment: sentence, trigger and action as text; actor; speaker; kind.
pub struct C(
    pub &'static str,
    pub &'static str,
    pub &'static str,
    pub &'static str,
    pub Option<&'static str>,
    pub CommitmentKind,
);

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).expect("test country code")
}

fn span_of(body: &str, needle: &str, from: usize) -> std::ops::Range<usize> {
    let start = body[from..].find(needle).expect("text in body") + from;
    start..start + needle.len()
}

/// The analysis of `body` with every occurrence of each mention (longest
/// surface forms first, never overlapping), and the given commitments.
pub fn analysis(
    body: &str,
    mentions: &[M],
    commitments: &[C],
    focus: &[&str],
    mentioned: &[&str],
) -> Analysis {
    let mut order: Vec<&M> = mentions.iter().collect();
    order.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
    let mut found: Vec<(std::ops::Range<usize>, &M)> = Vec::new();
    for m in order {
        for (start, _) in body.match_indices(m.0) {
            let span = start..start + m.0.len();
            if !found
                .iter()
                .any(|(s, _)| s.start < span.end && span.start < s.end)
            {
                found.push((span, m));
            }
        }
    }
    found.sort_by_key(|(s, _)| s.start);
    let mut referents: Vec<Referent> = Vec::new();
    let mut entities = Vec::new();
    for (span, m) in found {
        let r = match referents
            .iter()
            .position(|r| r.name == m.2 && r.kind == m.1)
        {
            Some(r) => r,
            None => {
                referents.push(Referent {
                    name: m.2.into(),
                    kind: m.1,
                    country: m.3.map(code),
                    mentions: vec![],
                });
                referents.len() - 1
            }
        };
        referents[r].mentions.push(entities.len());
        entities.push(Entity {
            span,
            kind: m.1,
            referent: r,
        });
    }
    let commitments = commitments
        .iter()
        .map(|c| {
            let sentence = span_of(body, c.0, 0);
            let trigger = span_of(body, c.1, sentence.start);
            let action = span_of(body, c.2, trigger.end);
            Commitment {
                actor: c.3.into(),
                actor_referent: None,
                actor_members: Vec::new(),
                speaker: c.4.map(String::from),
                kind: c.5,
                sentence,
                trigger,
                action,
            }
        })
        .collect();
    let score = |c: &&str, s: f32| CountryScore {
        code: code(c),
        score: s,
        evidence: vec![],
    };
    Analysis {
        sentences: vec![0..body.len()],
        entities,
        referents,
        focus: focus.iter().map(|c| score(c, 0.8)).collect(),
        mentioned: focus
            .iter()
            .chain(mentioned)
            .map(|c| score(c, 0.3))
            .collect(),
        commitments,
        headline: Vec::new(),
    }
}

pub const TREATY: &str = "Portuguese Environment Minister Maria Santos met her Spanish counterpart Luis Ortega in Lisbon on Monday to discuss the shared Tagus river.\n\nSantos said Portugal is willing to work with Spain to restore the river's flow before the summer. Ortega said the two sides agreed to set up a joint monitoring commission.\n\nThe European Commission welcomed the talks. A spokesperson said the Commission will fund half of the new gauges along the river, from Madrid to Lisbon.\n\nLast year's drought left farmers on both banks short of water.";

pub const HARBOUR: &str = "The harbour of Lisbon reopened on Tuesday after a storm closed it for three days.\n\nMaria Santos visited the docks and pledged to repair the breakwater within a year.";

pub const BAKU: &str = "Talks in Baku between Azerbaijani and Georgian officials ended without a deal on Wednesday.\n\nThe two delegations said they support a new round of negotiations in Tbilisi next month. Observers from Turkey attended.";

pub const WIDE: &str = "东京 and 北京 hosted a summit 🌏🤝 on trade. Café owners in Zürich said naïve forecasts were wrong.\n\nمرحبا بالعالم is Arabic for hello world.";

/// Four articles and their analyses (the fourth, wide-character one, left
/// unanalysed so the pending state shows).
pub fn library() -> Library {
    let mut lib = Library::new(vec![
        article(
            "treaty",
            "Portugal and Spain agree to watch over the Tagus",
            "Test Wire",
            "2026-03-02",
            TREATY,
        ),
        article(
            "harbour",
            "Lisbon harbour reopens after storm",
            "Coast Daily",
            "2026-03-03",
            HARBOUR,
        ),
        article(
            "baku",
            "Azerbaijani and Georgian officials meet in Baku",
            "Caucasus Post",
            "2026-02-27",
            BAKU,
        ),
        article(
            "wide",
            "東京 summit 🌏 draws crowds in Zürich",
            "Wide Times",
            "2026-01-15",
            WIDE,
        ),
    ]);
    lib.set_analysis(0, treaty_analysis());
    lib.set_analysis(
        1,
        analysis(
            HARBOUR,
            &[
                M("Lisbon", EntityKind::Place, "Lisbon", Some("PT")),
                M("Maria Santos", EntityKind::Person, "Maria Santos", Some("PT")),
            ],
            &[C(
                "Maria Santos visited the docks and pledged to repair the breakwater within a year.",
                "pledged to",
                "repair the breakwater within a year",
                "Maria Santos",
                None,
                CommitmentKind::Pledge,
            )],
            &["PT"],
            &[],
        ),
    );
    lib.set_analysis(
        2,
        analysis(
            BAKU,
            &[
                M("Baku", EntityKind::Place, "Baku", Some("AZ")),
                M("Tbilisi", EntityKind::Place, "Tbilisi", Some("GE")),
                M("Azerbaijani", EntityKind::Misc, "Azerbaijani", Some("AZ")),
                M("Georgian", EntityKind::Misc, "Georgian", Some("GE")),
                M("Turkey", EntityKind::Place, "Turkey", Some("TR")),
            ],
            &[C(
                "The two delegations said they support a new round of negotiations in Tbilisi next month.",
                "support",
                "a new round of negotiations in Tbilisi next month",
                "the two delegations",
                None,
                CommitmentKind::Support,
            )],
            &["AZ", "GE"],
            &["TR"],
        ),
    );
    lib
}

pub fn treaty_analysis() -> Analysis {
    analysis(
        TREATY,
        &[
            M(
                "Maria Santos",
                EntityKind::Person,
                "Maria Santos",
                Some("PT"),
            ),
            M("Santos", EntityKind::Person, "Maria Santos", Some("PT")),
            M("Luis Ortega", EntityKind::Person, "Luis Ortega", Some("ES")),
            M("Ortega", EntityKind::Person, "Luis Ortega", Some("ES")),
            M("Lisbon", EntityKind::Place, "Lisbon", Some("PT")),
            M("Madrid", EntityKind::Place, "Madrid", Some("ES")),
            M("Portugal", EntityKind::Place, "Portugal", Some("PT")),
            M("Spain", EntityKind::Place, "Spain", Some("ES")),
            M("Tagus", EntityKind::Place, "Tagus", None),
            M(
                "European Commission",
                EntityKind::Org,
                "European Commission",
                None,
            ),
            M("Commission", EntityKind::Org, "European Commission", None),
            M("Portuguese", EntityKind::Misc, "Portuguese", Some("PT")),
            M("Spanish", EntityKind::Misc, "Spanish", Some("ES")),
        ],
        &[
            C(
                "Santos said Portugal is willing to work with Spain to restore the river's flow before the summer.",
                "is willing to",
                "work with Spain to restore the river's flow before the summer",
                "Portugal",
                Some("Maria Santos"),
                CommitmentKind::Willingness,
            ),
            C(
                "Ortega said the two sides agreed to set up a joint monitoring commission.",
                "agreed to",
                "set up a joint monitoring commission",
                "the two sides",
                Some("Luis Ortega"),
                CommitmentKind::Agreement,
            ),
            C(
                "A spokesperson said the Commission will fund half of the new gauges along the river, from Madrid to Lisbon.",
                "will",
                "fund half of the new gauges along the river, from Madrid to Lisbon",
                "European Commission",
                Some("a spokesperson"),
                CommitmentKind::Pledge,
            ),
        ],
        &["PT", "ES"],
        &[],
    )
}

/// The app over the test library at a terminal size.
pub fn app(width: u16, height: u16, filter: Option<CountryFilter>) -> App {
    let mut app = App::new(library(), Keymap::default(), filter);
    update(&mut app, Action::Resize(width, height));
    app
}

/// Applies actions in order.
pub fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

/// The screen as text (one line per row), for snapshots.
pub fn render(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view(app, f)).expect("draw");
    terminal.backend().to_string()
}

/// The screen as a `Buffer`, to check styles.
pub fn buffer(app: &App) -> ratatui::buffer::Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

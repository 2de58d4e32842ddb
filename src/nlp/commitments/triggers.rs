//! The commitment cues: one table, each pattern with its own positive and
//! negative examples (run by one table-driven test in `commitments.rs`).
//!
//! A pattern is a short sequence of steps over lower-cased words. The first
//! word's form matters: a base form ("support", "agree") only counts with its
//! own subject right before it, because after "to", a modal or a comma it is
//! part of another commitment's action ("is willing to ... firmly support").

use super::words::{KeyFilter, Signature, Word, WordSet, is_possessive, packed};
use crate::nlp::CommitmentKind;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::cell::RefCell;
use std::sync::LazyLock;

/// One step of a pattern.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    /// One of these words.
    Word(&'static [&'static str]),
    /// One of these words, or nothing.
    Opt(&'static [&'static str]),
    /// Zero or more manner adverbs ("firmly", "also", "further").
    Adverbs,
    /// An optional possessor: "China's", "the United States'", "its", "a".
    Possessor,
    /// Up to this many ordinary words (not punctuation), as few as possible.
    Gap(usize),
    /// "of" and a name: "the determination of the United States" (the name is the possessor).
    OfName,
    /// Up to this many modifiers of one noun: like `Gap`, but no preposition
    /// ("the Paris climate agreement", not "the talks on the treaty").
    Mods(usize),
    /// Nothing, or an aside between commas of up to this many words: "its
    /// commitment, as formalized during the visit, to participate".
    Aside(usize),
}

/// Prepositions and clause words that end a run of modifiers: "demanded
/// that Serbia withdraw from Kosovo" has no object before its "from".
const MOD_STOPS: &[&str] = &[
    "on", "of", "in", "at", "for", "with", "by", "from", "to", "about", "over", "under", "between",
    "that", "which", "who",
];

/// A commitment cue and the examples that pin down what it means.
#[derive(Debug)]
pub struct Trigger {
    pub name: &'static str,
    pub kind: CommitmentKind,
    pub steps: &'static [Step],
    /// Sentences holding exactly this commitment (with a named actor).
    #[cfg_attr(not(test), allow(dead_code))]
    pub positive: &'static [&'static str],
    /// Sentences with the cue words that hold no commitment of this kind.
    #[cfg_attr(not(test), allow(dead_code))]
    pub negative: &'static [&'static str],
}

/// A match of a trigger over a sentence's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerMatch {
    pub trigger: usize,
    /// Word indices `start..end` of the cue.
    pub start: usize,
    pub end: usize,
    /// Word indices of a named possessor inside the cue ("China" in "China's willingness").
    pub possessor: Option<(usize, usize)>,
}

const BE: &[&str] = &[
    "is", "are", "am", "was", "were", "be", "been", "remain", "remains", "remained", "stays",
];

/// Manner and focus adverbs that may sit between a subject and its cue.
pub const ADVERBS: &[&str] = &[
    "also",
    "further",
    "firmly",
    "fully",
    "strongly",
    "still",
    "always",
    "resolutely",
    "again",
    "jointly",
    "both",
    "all",
    "each",
    "actively",
    "consistently",
    "unswervingly",
    "steadfastly",
    "unequivocally",
    "wholeheartedly",
    "readily",
    "now",
    "hereby",
    "therefore",
    "thus",
    "certainly",
    "definitely",
    "truly",
    "sincerely",
    "greatly",
    "deeply",
    "together",
    "once",
    "repeatedly",
    "publicly",
    "formally",
    "officially",
    "likewise",
    "equally",
    "very",
];

/// Modal verbs: a cue right after one of these is part of the modal's action.
pub const MODALS: &[&str] = &[
    "will", "shall", "should", "must", "can", "could", "would", "may", "might", "to", "not",
    "never", "did", "does", "do",
];

/// First words that are base forms: they need their own subject right before.
pub const BASE_FORMS: &[&str] = &[
    "support",
    "oppose",
    "back",
    "adhere",
    "hope",
    "agree",
    "sign",
    "decide",
    "opt",
    "pledge",
    "vow",
    "promise",
    "commit",
    "look",
    "call",
    "urge",
    "resolve",
    "stand",
    "express",
    "reaffirm",
    "reiterate",
    "underscore",
    "emphasize",
    "emphasise",
    "stress",
    "affirm",
    "announce",
    "reach",
    "renew",
    "reinforce",
    "need",
    "count",
    "enter",
    "plan",
    "intend",
    "ask",
    "offer",
    "conclude",
    "recommit",
    "request",
    "invite",
    "encourage",
    "demand",
    "appeal",
    "press",
    "propose",
    "recommend",
    "tell",
    "vote",
    "join",
    "ratify",
    "endorse",
    "condemn",
    "denounce",
    "reject",
    "adopt",
    "undertake",
    "strike",
    "ink",
    "warn",
    "advise",
    "push",
    "maintain",
];

use CommitmentKind::*;
use Step::*;

/// Verbs that state or restate a stance: "reaffirmed its commitment".
pub const REAFFIRM: &[&str] = &[
    "emphasized",
    "emphasised",
    "emphasizes",
    "stressed",
    "stresses",
    "highlighted",
    "underlined",
    "reaffirmed",
    "reaffirms",
    "reaffirm",
    "underscore",
    "emphasize",
    "emphasise",
    "stress",
    "affirm",
    "reiterated",
    "reiterates",
    "reiterate",
    "reinforced",
    "reinforces",
    "renewed",
    "renews",
    "underscored",
    "underscores",
    "affirmed",
    "affirms",
    "expressed",
    "expresses",
    "restated",
    "restates",
    "communicated",
    "conveyed",
    "conveys",
    "declared",
    "declare",
    "declares",
    "express",
    "confirm",
    "confirms",
    "reconfirmed",
    "confirmed",
    "noted",
    // Participles of clauses that restate the subject's stance: "..., underscoring
    // the U.S. commitment to ...".
    "reaffirming",
    "reiterating",
    "underscoring",
    "emphasizing",
    "emphasising",
    "stressing",
    "highlighting",
    "affirming",
    "renewing",
    "confirming",
    "expressing",
    "conveying",
];

/// The table. Order matters only for ties: the longest match at a word wins.
pub static TRIGGERS: &[Trigger] = &[
    Trigger {
        name: "will",
        kind: Pledge,
        steps: &[Word(&[
            "will",
            "shall",
            "we'll",
            "we\u{2019}ll",
            "i'll",
            "i\u{2019}ll",
        ])],
        positive: &[
            "Japan will provide 10 billion yen in aid to Ukraine.",
            "\"We'll rebuild every bridge,\" Ruto said.",
            "The two countries will hold talks in May, Li said.",
            "Kenya shall respect the ceasefire.",
        ],
        negative: &[
            "It reflects the political will of both peoples.",
            "The summit will be held in Geneva next week.",
            "Talks fail if Uganda will not budge.",
            "Will China join the agreement?",
            "Prices will rise next year.",
            "Hurricane Lorenzo will bring high waves to Portugal.",
            "What will stop the virus is trust in Kinshasa.",
            "Peace in Kenya will depend on the talks.",
        ],
    },
    Trigger {
        name: "going to",
        kind: Pledge,
        // Only with "we" or "I" (or carried by "we're", "I'm").
        steps: &[
            Word(&["am", "are", "we're", "we\u{2019}re", "i'm", "i\u{2019}m"]),
            Adverbs,
            Word(&["going"]),
            Word(&["to"]),
        ],
        positive: &[
            "\"We are going to rebuild the port,\" Ruto said.",
            "\"We're going to deliver swift justice,\" Biden said.",
        ],
        negative: &[
            "Prices are going to rise next year.",
            "The ministers are going to Geneva.",
        ],
    },
    Trigger {
        name: "pledged/vowed/promised",
        kind: Pledge,
        steps: &[
            Word(&[
                "pledge",
                "pledges",
                "pledged",
                "pledging",
                "vow",
                "vows",
                "vowed",
                "vowing",
                "promise",
                "promises",
                "promised",
                "promising",
                "undertake",
                "undertakes",
                "undertook",
            ]),
            Word(&["to", "that"]),
        ],
        positive: &[
            "Germany pledged to double its aid to Jordan.",
            "Erdogan vowed to continue the offensive.",
            "Biden promised that Washington would stand by Kyiv.",
        ],
        negative: &[
            "The promising talks ended early.",
            "Canada had promised nothing in return.",
            "Critics say Germany did not pledge to help.",
        ],
    },
    Trigger {
        name: "committed/determined to",
        kind: Pledge,
        steps: &[
            Opt(BE),
            Adverbs,
            Word(&["committed", "determined", "dedicated"]),
            Opt(&["themselves", "itself", "ourselves", "himself", "herself"]),
            Word(&["to"]),
        ],
        positive: &[
            "Canada is committed to supporting Haiti's recovery.",
            "Chile and Peru committed themselves to a joint census.",
            "Vietnam remains determined to deepen ties with Laos.",
        ],
        negative: &[
            "The crimes were committed to intimidate voters.",
            "The committee is determined.",
        ],
    },
    Trigger {
        name: "commit(s) to",
        kind: Pledge,
        steps: &[
            Word(&["commit", "commits", "committing"]),
            // "We further commit, consistent with our obligations, to ...".
            Aside(12),
            Word(&["to", "itself", "themselves"]),
        ],
        positive: &[
            "Both countries commit to a joint review of the pact.",
            "Chile and Peru commit, as their laws allow, to share the data.",
        ],
        negative: &["They urged others not to commit crimes."],
    },
    Trigger {
        name: "resolved to",
        kind: Pledge,
        // "We are together resolved to": the state as well as the act.
        steps: &[
            Opt(BE),
            Adverbs,
            Word(&["resolved", "resolve", "resolves"]),
            Word(&["to"]),
        ],
        positive: &[
            "Japan resolved to strengthen the alliance.",
            "Japan is firmly resolved to strengthen the alliance.",
        ],
        negative: &["The dispute was resolved to everyone's relief."],
    },
    Trigger {
        name: "reaffirmed commitment",
        kind: Pledge,
        steps: &[
            Word(REAFFIRM),
            Possessor,
            Gap(3),
            Word(&[
                "commitment",
                "commitments",
                "dedication",
                "resolve",
                "determination",
                "pledge",
                "intent",
                "intention",
            ]),
            Aside(16),
            Word(&["to"]),
        ],
        positive: &[
            "Japan reaffirmed its resolve to help Ukraine rebuild.",
            "Chile reiterated its intention to ratify the treaty.",
            "Chile reiterated its intention, as agreed during the last visit, to take part in the fair.",
            "Chile and Peru underscore their shared determination to end the drought.",
        ],
        negative: &["Analysts doubted the commitment to reform."],
    },
    Trigger {
        name: "intends to",
        kind: Pledge,
        steps: &[Word(&["intend", "intends", "intended"]), Word(&["to"])],
        positive: &[
            "Chile intends to ratify the treaty this year.",
            "Li announced that China intended to reopen the border.",
        ],
        negative: &["The law was intended to protect workers."],
    },
    Trigger {
        name: "willing/ready to",
        kind: Willingness,
        steps: &[
            Word(BE),
            Adverbs,
            Word(&["willing", "ready", "prepared", "eager", "keen"]),
            Word(&["to"]),
        ],
        positive: &[
            "Mongolia is willing to work with Kazakhstan on energy.",
            "Peru is ready to host the next round of talks.",
        ],
        negative: &[
            "The report was ready to print.",
            "Is Brazil willing to compromise?",
            "Nobody knows whether France is willing to help.",
        ],
    },
    Trigger {
        name: "stands ready to",
        kind: Willingness,
        steps: &[
            Word(&["stand", "stands", "stood", "standing"]),
            Adverbs,
            Word(&["ready", "prepared"]),
            Word(&["to"]),
        ],
        positive: &["The United States stands ready to assist Ecuador."],
        negative: &["The crowd was standing near the stage ready for the parade."],
    },
    Trigger {
        name: "looks forward to",
        kind: Willingness,
        steps: &[
            Word(&["look", "looks", "looked", "looking"]),
            Word(&["forward"]),
            Word(&["to"]),
        ],
        positive: &["Ghana looks forward to working with Togo."],
        negative: &["Investors are looking forward to lower rates, analysts said."],
    },
    Trigger {
        name: "expressed willingness",
        kind: Willingness,
        steps: &[
            Word(&[
                "express",
                "expresses",
                "expressed",
                "expressing",
                "voiced",
                "voices",
                "conveyed",
                "conveys",
                "reaffirmed",
                "reiterated",
                "confirmed",
                "confirms",
                "affirmed",
                "declared",
                "signaled",
                "signalled",
                "indicated",
                "underscored",
                "emphasized",
                "stressed",
            ]),
            Possessor,
            Gap(2),
            Word(&[
                "willingness",
                "readiness",
                "hope",
                "desire",
                "wish",
                "interest",
            ]),
            Word(&["to", "in"]),
        ],
        positive: &[
            "He also expressed Peru's willingness to deepen cooperation with Chile.",
            "Ruto said Kenya agrees, expressing a willingness to continue talks.",
            "Peru confirmed its readiness to host the summit.",
        ],
        negative: &[
            "Observers expressed hope for a quick end to the war.",
            "Investors expressed interest in the bonds.",
        ],
    },
    Trigger {
        name: "hopes to",
        kind: Willingness,
        steps: &[Word(&["hope", "hopes"]), Word(&["to"])],
        positive: &["Mongolia hopes to expand trade with Japan."],
        negative: &["There is little hope to speak of."],
    },
    Trigger {
        name: "agreed to",
        kind: Agreement,
        steps: &[
            // Not "agreed that": the clause after it commits through its own
            // modal ("agreed that their governments will ..."), or states a view.
            Word(&["agree", "agrees", "agreed"]),
            Word(&["to", "on", "upon"]),
        ],
        positive: &[
            "The two sides agreed to resume flights between Moscow and Kyiv.",
            "Iran and Iraq agreed on a new border crossing.",
        ],
        negative: &[
            "Analysts do not agree on the figures.",
            "Most experts agree that growth slowed.",
            "Biden and Ghani agreed that the offensive contradicts the talks.",
        ],
    },
    Trigger {
        name: "agreed with",
        kind: Agreement,
        // "agreed with Airbus to open a plant": both sides agreed (the partner joins the actor).
        steps: &[
            Word(&["agree", "agrees", "agreed"]),
            Word(&["with"]),
            Gap(6),
            Word(&["to"]),
        ],
        positive: &["Peru agreed with Chile to open a border crossing."],
        negative: &["Most experts agreed with the ruling on Tuesday."],
    },
    Trigger {
        name: "reached agreement",
        kind: Agreement,
        steps: &[
            Word(&[
                "reach",
                "reached",
                "reaches",
                "struck",
                "strike",
                "strikes",
                "clinched",
                "sealed",
                "finalized",
                "finalised",
            ]),
            Opt(&["an", "a", "the"]),
            Gap(1),
            Word(&["agreement", "consensus", "deal", "accord", "pact"]),
        ],
        positive: &[
            "Armenia and Azerbaijan reached an agreement on the border.",
            "Chile and Peru struck a deal on fishing rights.",
        ],
        negative: &["Talks never reached an agreement stage, critics said."],
    },
    Trigger {
        name: "signed",
        kind: Agreement,
        steps: &[Word(&["sign", "signs", "signed", "inked", "inks"])],
        positive: &[
            "India and Japan signed a memorandum on rail cooperation.",
            "Chile and Peru inked a fishing accord.",
        ],
        negative: &[
            "The signed copy was lost.",
            "A road sign fell on the car.",
            "The network signed off at midnight.",
        ],
    },
    Trigger {
        name: "announced the establishment of",
        kind: Agreement,
        steps: &[
            Word(&["announce", "announces", "announced"]),
            Word(&["the"]),
            Word(&["establishment", "launch", "creation", "formation"]),
            Word(&["of"]),
        ],
        positive: &[
            "The presidents of the two countries announced the establishment of a joint fund.",
        ],
        negative: &["The establishment of the fund was announced last year."],
    },
    Trigger {
        name: "launched",
        kind: Agreement,
        // "India and Japan launched a joint initiative": two parties starting
        // something together decided it together, like "announced the
        // establishment of". One party's launch (a programme, a missile) is no
        // agreement, and neither is a joint strike (see `judge`).
        steps: &[Word(&["launch", "launches", "launched"])],
        positive: &[
            "India and Japan launched a joint initiative on clean energy.",
            "The two leaders launched the Pacific Skills Partnership.",
        ],
        negative: &[
            "Hungary launched an export programme in 2017.",
            "Chile and Peru launched strikes on the rebels.",
            "The launched satellite failed.",
            "Since then, eleven joint teams have launched, bringing scientists together.",
        ],
    },
    Trigger {
        name: "was tasked to",
        kind: Proposal,
        // "The ministries were tasked to produce a plan": a body given a task
        // is asked to act, the passive of "instructed X to".
        steps: &[
            Word(BE),
            Adverbs,
            Word(&["tasked", "mandated"]),
            Word(&["to", "with"]),
        ],
        positive: &["The Ministry of Health was tasked to produce a recovery plan."],
        negative: &["The tasked team left early."],
    },
    Trigger {
        name: "decided to",
        kind: Agreement,
        // "opted (not) to": a decision too.
        steps: &[
            Word(&["decide", "decides", "decided", "opt", "opts", "opted"]),
            Opt(&["not"]),
            Word(&["to"]),
        ],
        positive: &[
            "The two governments decided to open consulates in each other's capitals.",
            "The league opted not to hold the final this year.",
        ],
        negative: &[
            "It is not yet decided to whom the prize goes.",
            "We are disappointed the council has decided to close the library.",
        ],
    },
    Trigger {
        name: "supports",
        kind: Support,
        steps: &[Adverbs, Word(&["support", "supports"])],
        positive: &[
            "Norway firmly supports the peace process.",
            "Both countries support a two-state solution.",
        ],
        negative: &[
            "Japan has the support of most voters.",
            "Germany supported the plan in 2015.",
            "Ghana is willing to support the mission.",
            "Chile and Peru discussed trade and support for farmers.",
        ],
    },
    Trigger {
        name: "reaffirmed support for",
        kind: Support,
        steps: &[
            Word(REAFFIRM),
            Possessor,
            Gap(3),
            Word(&["support", "solidarity"]),
            Word(&["for", "with"]),
        ],
        positive: &[
            "Blinken reaffirmed the United States' strong support for Ukraine's sovereignty.",
            "Peru expressed its solidarity with the people of Chile.",
        ],
        negative: &["Polls showed falling support for the war."],
    },
    Trigger {
        name: "reaffirmed a text",
        kind: Support,
        // Only before a document noun (checked in `commitments`): the stance is
        // the text itself, "the U.S.-Japan-ROK joint statement of September 22".
        steps: &[Word(&[
            "reaffirmed",
            "reaffirm",
            "reaffirms",
            "reaffirming",
            "reiterated",
            "reiterate",
            "reiterates",
            "upheld",
            "uphold",
            "upholds",
        ])],
        positive: &["Peru and Chile reaffirmed the Lima Declaration of 2019."],
        negative: &[
            "Peru and Chile reaffirmed the strength of their ties.",
            "Peru reaffirmed that the treaty stands.",
        ],
    },
    Trigger {
        name: "reaffirmed opposition to",
        kind: Support,
        steps: &[
            Word(REAFFIRM),
            Possessor,
            Gap(3),
            Word(&["opposition"]),
            Word(&["to"]),
        ],
        positive: &["The ministers reiterated their opposition to economic coercion."],
        negative: &["The opposition to the plan grew."],
    },
    Trigger {
        name: "endorses",
        kind: Support,
        // Endorsing a candidate or a plan is a stance taken, not a past event.
        steps: &[Adverbs, Word(&["endorse", "endorses", "endorsed"])],
        positive: &[
            "Senator Sanders endorsed Biden for president.",
            "Norway endorses the peace plan.",
        ],
        negative: &["The plan was endorsed by the council."],
    },
    Trigger {
        name: "adheres to",
        kind: Support,
        steps: &[Word(&["adhere", "adheres"]), Word(&["to"])],
        positive: &["Austria firmly adheres to its neutrality."],
        negative: &["Companies that fail to adhere to the rules are fined."],
    },
    Trigger {
        name: "opposes",
        kind: Support,
        steps: &[
            Word(&["oppose", "opposes"]),
            Opt(&["and"]),
            Opt(&["condemns", "condemn", "rejects", "reject"]),
        ],
        positive: &[
            "Serbia resolutely opposes and condemns \"Kosovo independence.\"",
            "Norway opposes the resumption of whaling.",
        ],
        negative: &[
            "Lawmakers who oppose the bill walked out.",
            "It is hard to oppose the plan.",
        ],
    },
    Trigger {
        name: "maintains a policy of",
        kind: Support,
        // "The ministry maintains a policy of not paying ransoms": a policy
        // kept is a stance the body keeps, as "adheres to" is.
        steps: &[
            Adverbs,
            Word(&["maintain", "maintains"]),
            Possessor,
            Opt(&["long-standing", "longstanding", "strict", "firm"]),
            Word(&["policy", "position", "stance"]),
            Word(&["of", "that", "on", "against"]),
        ],
        positive: &["Norway maintains a policy of not paying ransoms."],
        negative: &["Norway maintains a register of ships."],
    },
    Trigger {
        name: "opposed any",
        kind: Support,
        // A past "opposed" usually reports a past reaction ("opposed the
        // statement"); opposing "any" attempt or change is a standing position.
        steps: &[Word(&["opposed"]), Word(&["any"])],
        positive: &["Japan and Korea opposed any attempt to change the border by force."],
        negative: &[
            "Japan opposed the resolution in the vote.",
            "Nobody opposed any of it.",
        ],
    },
    Trigger {
        name: "united in determination to",
        kind: Pledge,
        steps: &[
            // "are united in", "stand united in".
            Word(&["is", "are", "am", "remain", "remains", "stand", "stands"]),
            Adverbs,
            Word(&["united"]),
            Word(&["in"]),
            Possessor,
            Opt(&["shared", "common", "firm", "unwavering"]),
            Word(&["determination", "resolve", "commitment"]),
            Word(&["to"]),
        ],
        positive: &[
            "Chile and Peru are united in their determination to end the drought.",
            "Chile and Peru stand united in their determination to protect their people.",
        ],
        negative: &["The party is united in its opposition to the plan."],
    },
    Trigger {
        name: "stands in support of",
        kind: Support,
        steps: &[
            Word(&["stand", "stands"]),
            Adverbs,
            Word(&["in"]),
            Word(&["support", "solidarity"]),
            Word(&["of", "with"]),
        ],
        positive: &["Chile stands in support of Peru's right to decide its future."],
        negative: &["The old tower stands in support of the bridge."],
    },
    Trigger {
        name: "is opposed to",
        kind: Support,
        steps: &[Word(BE), Adverbs, Word(&["opposed"]), Word(&["to"])],
        positive: &["Mexico is firmly opposed to the wall."],
        negative: &["The opposed parties met in court."],
    },
    Trigger {
        name: "backs",
        kind: Support,
        steps: &[Adverbs, Word(&["backs"])],
        positive: &["Canada backs the peace plan for Sudan."],
        negative: &["The dog lay on its backs of the sofa."],
    },
    Trigger {
        name: "should/must",
        kind: Proposal,
        steps: &[Word(&["should", "must"])],
        positive: &[
            "The two sides should further strengthen trade links, Rutte added.",
            "Both countries must respect the ceasefire.",
        ],
        negative: &[
            "It should be noted that turnout was low.",
            "Should Chile sign the treaty?",
            "Peru must know that the count is fair.",
        ],
    },
    Trigger {
        name: "calls on",
        kind: Proposal,
        steps: &[
            Word(&["call", "calls", "called", "calling"]),
            Word(&["on", "upon", "for"]),
        ],
        positive: &["Turkey called on Sweden to extradite the suspects."],
        negative: &["The ship called at the port of Aden."],
    },
    Trigger {
        name: "reaffirmed call",
        kind: Proposal,
        // "We reiterate our call for ...": a call renewed is a call made.
        steps: &[
            Word(REAFFIRM),
            Possessor,
            Gap(2),
            Word(&["call", "calls", "appeal"]),
            Word(&["on", "upon", "for"]),
        ],
        positive: &[
            "Chile reiterated its call for the release of the prisoners.",
            "Japan renewed its urgent call on all parties to cease hostilities.",
        ],
        negative: &["Peru reiterated that it had answered the call."],
    },
    Trigger {
        name: "call to",
        kind: Proposal,
        // The noun: "We issue a firm call to all authorities to act".
        steps: &[Word(&["call", "calls"]), Word(&["to"])],
        positive: &["Chile issued a call to all parties to respect the truce."],
        negative: &[
            "Peru ignored calls to resign.",
            "The call to prayer sounded.",
        ],
    },
    Trigger {
        name: "counts on",
        kind: Proposal,
        steps: &[
            Word(&["count", "counts", "counted", "counting"]),
            Word(&["on", "upon"]),
        ],
        positive: &["Stoltenberg said, \"I count on Turkey to act with restraint.\""],
        negative: &["Votes were still being counted on Monday."],
    },
    Trigger {
        name: "need to",
        kind: Proposal,
        steps: &[Word(&["need", "needs"]), Word(&["to"])],
        positive: &["Both countries need to reduce emissions, Rutte said."],
        negative: &[
            "There is no need to panic.",
            "All Peru needs to do is ask.",
            "Li said every society needs to respect the choices of its members to decide freely.",
        ],
    },
    Trigger {
        name: "stressed the need for",
        kind: Proposal,
        steps: &[
            Word(&[
                "stressed",
                "stresses",
                "emphasized",
                "emphasised",
                "emphasizes",
                "underscored",
                "underlined",
                "highlighted",
                "reiterated",
                "noted",
            ]),
            Word(&["the"]),
            Opt(&["urgent", "pressing"]),
            Word(&["need"]),
            Word(&["for"]),
        ],
        positive: &[
            "Blinken stressed the need for all parties to the conflict to agree a ceasefire.",
        ],
        negative: &["Analysts stressed the need for caution."],
    },
    Trigger {
        name: "entered into an agreement",
        kind: Agreement,
        steps: &[
            Word(&["enter", "enters", "entered", "entering"]),
            Word(&["into"]),
            Opt(&["an", "a"]),
            Gap(2),
            Word(&["agreement", "deal", "accord", "pact", "partnership"]),
        ],
        positive: &["The SDF said it had entered into an agreement with Damascus."],
        negative: &["The law entered into force in May."],
    },
    Trigger {
        name: "urged",
        kind: Proposal,
        // "an open letter urging Republican officials to ...": news reports a
        // call by the document or person making it, in the participle.
        steps: &[Word(&["urge", "urges", "urged", "urging"])],
        positive: &[
            "Britain urged the United States to waive immunity.",
            "Ruto signed a letter urging the Kenyan officials to reopen the border.",
            "\"We would urge anyone who saw the fire to call the police,\" Ruto said.",
        ],
        negative: &[
            "Despite the urge to leave, the crew stayed.",
            "Despite the urging of friends, the crew stayed.",
        ],
    },
    Trigger {
        name: "reaffirmed commitment of",
        kind: Pledge,
        steps: &[
            Word(REAFFIRM),
            Opt(&["the", "a"]),
            Gap(2),
            Word(&["commitment", "determination", "resolve", "pledge"]),
            OfName,
            Word(&["to"]),
        ],
        positive: &[
            "Blinken conveyed the continued determination of the United States to defend Japan.",
        ],
        negative: &["Observers noted the determination of the protesters."],
    },
    Trigger {
        name: "pledged support",
        kind: Pledge,
        steps: &[
            Word(&[
                "pledge", "pledges", "pledged", "pledging", "promised", "promises",
            ]),
            Possessor,
            Gap(3),
            Word(&[
                "support",
                "assistance",
                "aid",
                "backing",
                "solidarity",
                "help",
            ]),
            Opt(&["for", "to"]),
        ],
        positive: &["Blinken pledged the United States' continued support for Jordan."],
        negative: &["Donors cut the pledged aid for Yemen."],
    },
    Trigger {
        name: "plans to",
        kind: Pledge,
        steps: &[
            Word(&["plan", "plans", "planned", "intend", "intends", "intended"]),
            // "plans on leaving": the same intention with a gerund.
            Word(&["to", "on"]),
        ],
        positive: &[
            "Kenya plans to open an embassy in Lima.",
            "Johnson plans on leaving the union in October.",
        ],
        negative: &[
            "The plans to build a dam were shelved.",
            "The plans on the table were shelved.",
        ],
    },
    Trigger {
        name: "is planning to",
        kind: Pledge,
        // News reports a plan in the progressive: "Widodo was planning to visit".
        steps: &[
            Word(BE),
            Adverbs,
            Word(&["planning", "intending"]),
            Word(&["to", "on"]),
        ],
        positive: &["Ruto was planning to visit Lima in May."],
        negative: &[
            "Planning to build a dam took years.",
            "The dam is planned to open in May.",
        ],
    },
    Trigger {
        name: "does not plan to",
        kind: Pledge,
        // "O'Rourke does not plan to run": a plan not to act is an intention,
        // as "will not" is ("plans to" after "not" is another cue's action).
        // "did not plan to" tells the past, not what the party means to do.
        steps: &[
            Word(&[
                "does",
                "do",
                "doesn't",
                "don't",
                "doesn\u{2019}t",
                "don\u{2019}t",
            ]),
            Opt(&["not"]),
            Word(&["plan", "intend"]),
            Word(&["to", "on"]),
        ],
        positive: &["Kenya does not plan to open an embassy in Lima."],
        negative: &["Kenya did not plan to open an embassy in Lima."],
    },
    Trigger {
        name: "aims to",
        kind: Pledge,
        // A party's stated aim is its intention: "Argentina aims to strengthen
        // its regulatory environment". A thing's aim ("the law aims to") names
        // no party and is dropped with its actor.
        steps: &[Word(&["aim", "aims"]), Word(&["to"])],
        positive: &["Peru aims to double its exports to Chile."],
        negative: &[
            "The aim to double exports was dropped.",
            "The law aims to protect workers.",
        ],
    },
    Trigger {
        name: "seeks to",
        kind: Willingness,
        // "We seek to restore peace": what a party wants to do, as "hopes to".
        steps: &[Word(&["seek", "seeks"]), Word(&["to"])],
        positive: &["Chile seeks to deepen its ties with Peru."],
        negative: &[
            "Nobody would seek to deny it.",
            "Terrorists seek to divide us.",
        ],
    },
    Trigger {
        name: "announced plans to",
        kind: Pledge,
        steps: &[
            Word(&["announced", "announces", "unveiled", "unveils"]),
            Possessor,
            Gap(1),
            Word(&["plans", "plan", "intention", "intent"]),
            Word(&["to"]),
        ],
        positive: &[
            "Norway announced plans to double its aid to Sudan.",
            "Chile announced its intent to open a consulate in Lima.",
        ],
        negative: &["Nobody announced anything about plans."],
    },
    Trigger {
        name: "would",
        kind: Pledge,
        steps: &[Word(&["would"])],
        positive: &["Biden said the United States would stand by Ukraine."],
        negative: &[
            "Peru would sign the deal if Chile agreed.",
            "Analysts said prices would have risen.",
            "Ghana said the talks would be held in May.",
            "\"We would urge anyone who saw the fire to call the police,\" Ruto said.",
        ],
    },
    Trigger {
        name: "would like to",
        kind: Willingness,
        steps: &[
            Word(&["would"]),
            Opt(&["be"]),
            Adverbs,
            Word(&["like", "love", "happy", "glad", "pleased"]),
            Word(&["to"]),
        ],
        positive: &["Chile would like to deepen ties with Peru, Li said."],
        negative: &["Would Chile like to join?"],
    },
    Trigger {
        name: "asked to",
        kind: Proposal,
        steps: &[
            Word(&[
                "ask",
                "asks",
                "asked",
                "asking",
                "request",
                "requests",
                "requested",
                "requesting",
                "invite",
                "invites",
                "invited",
                "inviting",
                "encourage",
                "encourages",
                "encouraged",
                "encouraging",
                "demand",
                "demands",
                "demanded",
                "demanding",
                "appeal",
                "appeals",
                "appealed",
                "appealing",
                "press",
                "presses",
                "pressed",
                "pressing",
                "implored",
                "exhorted",
                "warned",
                "warns",
                "advised",
                "advises",
                "challenged",
                // A directive to a body under the speaker asks it to act.
                "instruct",
                "instructs",
                "instructed",
                "instructing",
                "directed",
                "directs",
                "directing",
                "ordered",
                "orders",
                "ordering",
            ]),
            Opt(&["on", "to", "upon"]),
        ],
        positive: &[
            "Britain asked the United States to waive immunity.",
            "President Ruto instructed the Interior Ministry to investigate the attack.",
            // News reports a directive by the order that carries it.
            "Ruto issued an order directing the Kenyan Navy to search the coast.",
        ],
        negative: &[
            "Reporters asked about the case.",
            "Japan encouraged investment in 2015.",
            "The film was directed by a Chilean.",
            "Peru ordered ten aircraft from Brazil.",
            "Police press officer Anna Nowak said police believe him to be 25.",
            "An appeal by Peru and the prosecutors secured the chance to present evidence.",
        ],
    },
    Trigger {
        name: "let's",
        kind: Proposal,
        steps: &[Word(&["let"]), Word(&["us", "'s", "\u{2019}s"])],
        positive: &["Members of the G7 Summit, let's discuss this emergency first."],
        negative: &["They let us in."],
    },
    Trigger {
        name: "offered to",
        kind: Willingness,
        steps: &[
            Word(&["offer", "offers", "offered", "offering"]),
            Word(&["to"]),
        ],
        positive: &["Norway offered to host the next round of talks."],
        negative: &["The offer to host the talks was rejected."],
    },
    Trigger {
        name: "stands with",
        kind: Support,
        steps: &[
            Word(&["stand", "stands"]),
            Adverbs,
            Word(&["with", "by", "behind"]),
        ],
        positive: &["Canada stands with the people of Ukraine."],
        negative: &["A statue stands by the river."],
    },
    Trigger {
        name: "stand together to",
        kind: Pledge,
        steps: &[
            Word(&["stand", "stands", "remain", "remains"]),
            Word(&["together", "united"]),
            Word(&["to"]),
        ],
        positive: &["Chile and Peru stand together to defend the treaty."],
        negative: &["Reporters stand together in the hall to watch."],
    },
    Trigger {
        name: "concluded an agreement",
        kind: Agreement,
        steps: &[
            Word(&["conclude", "concludes", "concluded"]),
            Opt(&["an", "a", "the"]),
            Gap(4),
            Word(&[
                "agreement",
                "deal",
                "accord",
                "pact",
                "treaty",
                "memorandum",
                "arrangement",
            ]),
        ],
        positive: &["India and Japan concluded an Investment Incentive Agreement."],
        negative: &["The talks concluded without a deal."],
    },
    Trigger {
        name: "recommitted to",
        kind: Pledge,
        steps: &[
            Word(&["recommit", "recommits", "recommitted", "rededicated"]),
            Opt(&["themselves", "itself", "ourselves"]),
            Word(&["to"]),
        ],
        positive: &["The leaders recommitted to a free and open Indo-Pacific."],
        negative: &["Critics asked whether to recommit to the plan."],
    },
    Trigger {
        name: "agreement was reached",
        kind: Agreement,
        steps: &[
            Word(&["agreement", "deal", "accord", "consensus", "understanding"]),
            Opt(&["has", "have", "had"]),
            Word(&["was", "were", "is", "been"]),
            Adverbs,
            Word(&[
                "reached",
                "struck",
                "concluded",
                "signed",
                "finalized",
                "finalised",
            ]),
        ],
        positive: &["Peru said an agreement has been reached with Chile on the border."],
        negative: &[
            "No agreement was reached at the talks.",
            "Critics asked whether a deal was reached.",
        ],
    },
    Trigger {
        name: "was agreed",
        kind: Agreement,
        steps: &[
            Opt(&["has", "have", "had"]),
            Word(&["was", "were", "is", "are", "been"]),
            Adverbs,
            Word(&["agreed", "signed", "decided"]),
        ],
        positive: &["The ceasefire was signed by Chile and Peru on Monday."],
        negative: &[
            "It was agreed that talks would resume.",
            "Nothing has been agreed yet.",
            "The letter was signed in 1990.",
        ],
    },
    Trigger {
        name: "agreed a",
        kind: Agreement,
        steps: &[
            // Not "agreed the": "agreed the military must ..." is "agreed that".
            Word(&["agree", "agrees", "agreed"]),
            Word(&["a", "an", "new", "joint"]),
        ],
        positive: &["Chile and Peru agreed a new border crossing."],
        negative: &["Chile and Peru agreed the junta must step down, Li said."],
    },
    Trigger {
        name: "is open to",
        kind: Willingness,
        steps: &[Word(BE), Adverbs, Word(&["open"]), Word(&["to"])],
        positive: &["Chile is open to talks with Bolivia on sea access."],
        negative: &["The border is open to trucks again."],
    },
    Trigger {
        name: "pledged",
        kind: Pledge,
        steps: &[Word(&[
            "pledge", "pledges", "pledged", "promise", "promises", "promised", "vow", "vows",
            "vowed",
        ])],
        positive: &[
            "Japan pledged $50 million to the fund.",
            "Iran vowed revenge for the attack.",
        ],
        negative: &[
            "Donors cut the pledged aid for Yemen.",
            "Japan's pledge was welcomed.",
        ],
    },
    Trigger {
        name: "proposed",
        kind: Proposal,
        // Present tense only: "Harris proposed this dialogue in January" tells
        // a past event.
        steps: &[Word(&["propose", "proposes", "recommend", "recommends"])],
        positive: &["Mexico proposes a joint task force to curb trafficking."],
        negative: &[
            "Harris proposed the dialogue in January.",
            "Chile proposes that talks resume, Li said.",
        ],
    },
    Trigger {
        name: "seconded",
        kind: Support,
        steps: &[
            Adverbs,
            Word(&["seconded", "seconds", "endorses", "endorsed", "endorse"]),
        ],
        positive: &["Norway seconded the Dutch proposal to ban whaling."],
        negative: &["The endorsed candidate lost."],
    },
    Trigger {
        name: "condemns",
        kind: Support,
        steps: &[
            Adverbs,
            Word(&[
                "condemn",
                "condemns",
                "denounce",
                "denounces",
                "reject",
                "rejects",
            ]),
        ],
        positive: &["Peru strongly condemns the attack on the embassy."],
        negative: &[
            "Germany condemned the attack in 2015.",
            "Critics who condemn the plan marched.",
        ],
    },
    Trigger {
        name: "is to",
        kind: Pledge,
        // "The Working Groups are to meet regularly": a plan the subject binds itself to.
        // News reports the plan in the past: "they were to form six working groups".
        steps: &[Word(&["is", "are", "was", "were"]), Word(&["to"])],
        positive: &[
            "The Joint Commission is to meet twice a year in Lima.",
            "The Kenyan delegation was to sign the pact in Lima.",
        ],
        negative: &[
            "The aim is to cut tariffs.",
            "The challenge for Chile is to grow.",
            "The idea was to cut tariffs.",
            "The vote was to be held in May.",
            "Ruto was to us a father.",
        ],
    },
    Trigger {
        name: "is scheduled to",
        kind: Pledge,
        // "The commission is scheduled to meet on Monday", "the crew are slated
        // to dock today": news reports a party's fixed plan by its schedule.
        steps: &[
            Word(&["is", "are", "was", "were"]),
            Word(&["scheduled", "slated", "set"]),
            Word(&["to"]),
        ],
        positive: &[
            "The Joint Commission is scheduled to meet in Lima on Monday.",
            "The Kenyan delegation was set to sign the pact in Lima.",
        ],
        negative: &[
            "The summit is scheduled to open on Monday.",
            "The vote is set to be held in May.",
        ],
    },
    Trigger {
        name: "emphasized continued support",
        kind: Support,
        steps: &[
            Word(REAFFIRM),
            Word(&[
                "continued",
                "unwavering",
                "steadfast",
                "enduring",
                "ongoing",
            ]),
            Gap(2),
            Word(&[
                "support",
                "engagement",
                "assistance",
                "backing",
                "solidarity",
            ]),
        ],
        positive: &["Biden emphasized continued Canadian support, including aid, for Haiti."],
        negative: &["Analysts noted continued support for the rebels among villagers."],
    },
    Trigger {
        name: "importance of",
        kind: Support,
        // Marked unsure by the annotators' convention: a stance, weakly bound.
        steps: &[
            Word(REAFFIRM),
            Word(&["the"]),
            Opt(&["critical", "vital", "great", "utmost"]),
            Word(&["importance"]),
            Word(&["of"]),
        ],
        positive: &["Peru reaffirmed the importance of free trade with Chile."],
        negative: &[
            "Analysts doubted the importance of the vote.",
            "Peru met Chile, underscoring the importance of trade.",
        ],
    },
    Trigger {
        name: "has the support of",
        kind: Support,
        steps: &[
            Word(&["has", "have", "enjoys", "enjoy"]),
            Opt(&["the"]),
            Adverbs,
            Opt(&["full", "strong", "unwavering", "continued"]),
            Word(&["support", "backing"]),
            OfName,
            Opt(&["to", "in", "for"]),
        ],
        positive: &[
            "Biden said Japan has the full support of the United States to host the summit.",
        ],
        negative: &["The plan has the support of most voters."],
    },
    Trigger {
        name: "told to",
        kind: Proposal,
        // "Rouhani told foreign powers to leave": the addressee should act.
        steps: &[Word(&["told", "tells", "telling", "tell"])],
        positive: &["Rouhani told the United States to leave the Gulf."],
        negative: &[
            "Li told reporters that the talks went well.",
            "Li told reporters to expect delays.",
            "An aide told the Lima Times the convoy left at noon.",
        ],
    },
    Trigger {
        name: "appealed for",
        kind: Proposal,
        steps: &[
            Word(&[
                "appeal", "appeals", "appealed", "press", "presses", "pressed", "push", "pushes",
                "pushed",
            ]),
            Word(&["for"]),
        ],
        positive: &["Peru appealed for calm in the border towns."],
        negative: &["Critics who push for reform marched."],
    },
    Trigger {
        name: "joined the agreement",
        kind: Agreement,
        steps: &[
            Word(&["join", "joins", "joined", "ratify", "ratifies", "ratified"]),
            Opt(&["the", "a", "an"]),
            Mods(4),
            Word(PACTS),
        ],
        positive: &["Chile and Peru joined the Paris climate agreement."],
        negative: &[
            "Chile joined the talks on the treaty late.",
            "Ruto promised protests every week until Uganda joined the treaty.",
        ],
    },
    Trigger {
        name: "voiced support",
        kind: Support,
        steps: &[
            Word(&[
                "voiced",
                "voices",
                "offered",
                "offers",
                "extended",
                "extends",
                "signaled",
                "signalled",
            ]),
            Possessor,
            Gap(2),
            Word(&["support", "backing", "solidarity"]),
            Word(&["for", "to", "with"]),
        ],
        positive: &["Norway voiced strong support for the ceasefire talks."],
        negative: &["Polls signaled waning support for the war."],
    },
    Trigger {
        name: "voted to",
        kind: Agreement,
        // A body's vote to act is its decision, like "decided to".
        steps: &[Word(&["vote", "votes", "voted"]), Word(&["to"])],
        positive: &["The Iraqi parliament voted to expel foreign troops."],
        negative: &["Lawmakers who voted to expel them were threatened."],
    },
    Trigger {
        name: "reaffirmed commitment of both",
        kind: Support,
        // "reaffirmed the commitment of both countries to ...": the group's stance.
        steps: &[
            Word(REAFFIRM),
            Opt(&["the", "a"]),
            Gap(2),
            Word(&["commitment", "commitments", "determination", "resolve"]),
            Word(&["of"]),
            Opt(&["the", "both", "all"]),
            Opt(&["two", "three"]),
            Word(&[
                "countries",
                "sides",
                "nations",
                "governments",
                "leaders",
                "partners",
                "parties",
                "allies",
            ]),
            Word(&["to"]),
        ],
        positive: &["The ministers reaffirmed the commitment of both countries to free trade."],
        negative: &["Analysts doubted the commitment of both countries to free trade."],
    },
    Trigger {
        name: "remains steadfast in support",
        kind: Support,
        // "remains steadfast in its support for", "is united in its opposition to".
        steps: &[
            Word(BE),
            Adverbs,
            Word(&[
                "steadfast",
                "firm",
                "resolute",
                "unwavering",
                "united",
                "unified",
            ]),
            Word(&["in"]),
            Possessor,
            Gap(1),
            Word(&[
                "support",
                "commitment",
                "opposition",
                "solidarity",
                "backing",
            ]),
            Word(&["for", "to", "with", "of"]),
        ],
        positive: &["Canada remains steadfast in its support for Ukraine."],
        negative: &["The coalition was united in name only."],
    },
    Trigger {
        name: "adopted a declaration",
        kind: Agreement,
        // A text adopted together is a joint decision.
        steps: &[
            Word(&["adopted", "adopt", "adopts"]),
            Opt(&["a", "an", "the"]),
            Mods(3),
            Word(&[
                "declaration",
                "resolution",
                "communique",
                "roadmap",
                "charter",
                "agreement",
            ]),
        ],
        positive: &["The foreign ministers adopted a joint declaration on maritime security."],
        negative: &["The adopted declaration was never published."],
    },
    Trigger {
        name: "voted on a resolution to",
        kind: Agreement,
        // A vote on a motion to act is the body's decision to act.
        steps: &[
            Word(&["vote", "votes", "voted"]),
            Word(&["on", "for"]),
            Opt(&["a", "an", "the"]),
            Mods(2),
            Word(&["resolution", "motion", "bill", "measure", "proposal"]),
            Word(&["to"]),
        ],
        positive: &["The Kenyan senate voted for a motion to dissolve the electoral board."],
        negative: &["Lawmakers who voted on a bill to cut taxes were ousted."],
    },
    Trigger {
        name: "recommended",
        kind: Proposal,
        // Only with a party and a bare verb after it (the mandative subjunctive
        // without "that"): "recommended the troops withdraw", not
        // "recommended a budget" or "proposed the dialogue in January".
        steps: &[Word(&[
            "recommended",
            "suggested",
            "suggests",
            "suggest",
            "insisted",
            "insists",
            "insist",
            "proposed",
        ])],
        positive: &["Li recommended the Nepali authorities postpone the vote."],
        negative: &[
            "Li recommended the new budget to parliament.",
            "Li insisted the Nepali authorities remains calm.",
            "Harris proposed the dialogue in January.",
            "The senate shelved a proposed bill that allowed Peru to tax exports.",
        ],
    },
    Trigger {
        name: "demanded from",
        kind: Proposal,
        // "demanded an explanation from Russia", "we expect from Iran
        // assurances": the party the demand is made of should act.
        steps: &[
            Word(&[
                "demand",
                "demands",
                "demanded",
                "demanding",
                "request",
                "requests",
                "requested",
                "requesting",
                "seek",
                "seeks",
                "sought",
                "seeking",
                "expect",
                "expects",
            ]),
            Mods(5),
            Word(&["from"]),
        ],
        positive: &[
            "Merkel demanded a full account from Serbia.",
            "We expect from Serbia a full account of the attack, Merkel said.",
        ],
        negative: &[
            "Analysts expect growth from exports.",
            "Investors expect higher returns from Serbia.",
            "Merkel demanded answers from the report.",
        ],
    },
    Trigger {
        name: "asked for help",
        kind: Proposal,
        // "asked for the King's assistance in": the one whose help is sought should act.
        steps: &[
            Word(&[
                "ask",
                "asks",
                "asked",
                "asking",
                "request",
                "requests",
                "requested",
                "requesting",
                "seek",
                "seeks",
                "sought",
                "seeking",
                "enlisted",
            ]),
            Opt(&["for"]),
            Possessor,
            Gap(1),
            Word(&[
                "assistance",
                "help",
                "support",
                "cooperation",
                "backing",
                "mediation",
            ]),
            Opt(&["in", "to", "with", "on", "for"]),
        ],
        positive: &["Biden asked for Serbia's help in securing the border."],
        negative: &["Biden asked for help with the border."],
    },
];

/// Head nouns of pacts an actor can join or ratify.
const PACTS: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "pact",
    "convention",
    "protocol",
    "deal",
    "alliance",
    "coalition",
];

/// Lower-case ASCII equality of a word with a pattern word.
pub fn word_is(text: &str, w: &Word, pat: &str) -> bool {
    // Most words asked have another length: no slicing for them (this runs
    // for every word against several patterns).
    w.span.end.checked_sub(w.span.start) == Some(pat.len())
        && text
            .get(w.span.clone())
            .is_some_and(|s| s.eq_ignore_ascii_case(pat))
}

/// Whether `w` is one of the words of `set`, ignoring ASCII case.
pub fn word_in(text: &str, w: &Word, set: &'static [&'static str]) -> bool {
    if w.punct {
        return false;
    }
    // A long list is asked by hash (the linear scan below costs a few
    // instructions per entry, for every word against several lists).
    if set.len() > LINEAR && w.key != 0 {
        return in_key_set(set, w.key);
    }
    // The cheapest test first, before the word is even sliced: most words
    // have none of the set's lengths (this runs for every word against
    // several lists).
    let len = w.span.end.saturating_sub(w.span.start);
    let mut same_len = set.iter().filter(|p| p.len() == len).peekable();
    if same_len.peek().is_none() {
        return false;
    }
    let Some(s) = text.get(w.span.clone()) else {
        return false;
    };
    let Some(first) = s.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    same_len.any(|p| p.as_bytes().first() == Some(&first) && s.eq_ignore_ascii_case(p))
}

/// Lists up to this long are scanned; longer ones go through [`in_key_set`].
const LINEAR: usize = 6;

thread_local! {
    /// Each long list's words as a [`WordSet`], built on first use, keyed by
    /// the list's address and length: a `'static` list never changes, so its
    /// address names it (one list used from several places may get several
    /// entries, all equal).
    // A `const` start: no first-use check on every access.
    static KEY_SETS: RefCell<FxHashMap<(usize, usize), WordSet>> =
        const { RefCell::new(FxHashMap::with_hasher(FxBuildHasher)) };
}

/// Whether a word with this (non-zero) key is in `set`.
fn in_key_set(set: &'static [&'static str], key: u128) -> bool {
    let id = (set.as_ptr() as usize, set.len());
    KEY_SETS.with(|sets| {
        // Nearly every list asked is known by then: a plain look-up, with
        // no entry to build (and no mutable borrow) on that path.
        if let Some(known) = sets.borrow().get(&id) {
            return known.has_key(key);
        }
        let new = WordSet::new(set);
        let found = new.has_key(key);
        sets.borrow_mut().insert(id, new);
        found
    })
}

/// For each lower-case word, packed as a [`Word::key`] (one hash look-up per
/// word of every sentence, with no slicing or lower-casing), the triggers that
/// can start with it. Words a look-up can never find are left out, as before
/// keys: ones not in lower case, not ASCII, or longer than the packing holds.
static STARTERS: LazyLock<FxHashMap<u128, Vec<usize>>> = LazyLock::new(|| {
    let mut map: FxHashMap<u128, Vec<usize>> = FxHashMap::default();
    for (t, trig) in TRIGGERS.iter().enumerate() {
        for w in first_words(trig.steps) {
            // Keys fold ASCII capitals only, so a pattern with one is never
            // found; a curly apostrophe ("we\u{2019}ll") is found like any byte.
            let findable = !w.bytes().any(|b| b.is_ascii_uppercase());
            let Some(key) = packed(w.as_bytes()).filter(|_| findable) else {
                continue;
            };
            let list = map.entry(key).or_default();
            if !list.contains(&t) {
                list.push(t);
            }
        }
    }
    map
});

/// The words a sequence of steps can start with.
fn first_words(steps: &[Step]) -> Vec<&'static str> {
    let Some((step, rest)) = steps.split_first() else {
        return Vec::new();
    };
    match *step {
        Word(set) => set.to_vec(),
        Opt(set) => set.iter().copied().chain(first_words(rest)).collect(),
        Adverbs => ADVERBS.iter().copied().chain(first_words(rest)).collect(),
        Possessor | Gap(_) | OfName | Mods(_) | Aside(_) => Vec::new(),
    }
}

/// The keys of [`STARTERS`], as a [`KeyFilter`]: most words start no trigger,
/// and the filter tells most of them so before the map is probed.
static STARTER_KEYS: LazyLock<KeyFilter> =
    LazyLock::new(|| KeyFilter::of(STARTERS.keys().copied()));

/// The triggers that may start at this word (a cheap filter before matching).
fn candidates(w: &Word) -> &'static [usize] {
    // Punctuation and long words have key 0, which no starter has.
    if w.key == 0 || !STARTER_KEYS.may_hold(w.key) {
        return &[];
    }
    STARTERS.get(&w.key).map(Vec::as_slice).unwrap_or(&[])
}

/// Each trigger's steps' word lists (`Word` and `Opt`; `None` for the other
/// steps) as [`WordSet`]s, index for index with `TRIGGERS` and their steps:
/// matching tests each candidate word against a step's list, and a ready set
/// answers by the word's key, where `word_in` first had to find the list's
/// set by its address (a thread-local table) or scan it. Same answers as `word_in`.
struct Ready {
    sets: Vec<Option<WordSet>>,
    /// The signatures of the trigger's `Word` steps' lists: each step takes
    /// one word of its list, so the trigger cannot match a sentence whose
    /// signature misses one of them. Common starters ("is", "has", "would")
    /// open several triggers each, and most of those are ruled out so,
    /// before any matching. (A list with a word too long for a key has none.)
    needs: Vec<Signature>,
}

static READY: LazyLock<Vec<Ready>> = LazyLock::new(|| {
    TRIGGERS
        .iter()
        .map(|t| {
            let sets: Vec<Option<WordSet>> = t
                .steps
                .iter()
                .map(|step| match *step {
                    Word(set) | Opt(set) => Some(WordSet::new(set)),
                    _ => None,
                })
                .collect();
            let needs = t
                .steps
                .iter()
                .zip(&sets)
                .filter(|(step, _)| matches!(step, Word(_)))
                .filter_map(|(_, set)| set.as_ref()?.signature())
                .collect();
            Ready { sets, needs }
        })
        .collect()
});

/// The fixed lists matching reads at every candidate word, ready the same way.
static ADVERB_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ADVERBS));
static MOD_STOP_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MOD_STOPS));
/// Words opening a possessor: "its", "their", "a" ... (see `Possessor`).
static POSSESSOR_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["its", "their", "his", "her", "our", "a", "an", "the"]));

/// Every trigger match in `words`, left to right, non-overlapping (longest
/// first at each word). `signature` is the sentence's (`Signature::of` its
/// words, or of more words): which words it holds, to rule out triggers
/// before matching.
pub fn find(text: &str, words: &[Word], signature: &Signature) -> Vec<TriggerMatch> {
    let mut out = Vec::new();
    let ready: &[Ready] = &READY;
    let mut i = 0;
    while i < words.len() {
        let mut best: Option<TriggerMatch> = None;
        for &t in candidates(&words[i]) {
            if let Some(trig) = TRIGGERS.get(t)
                && let Some(r) = ready.get(t)
                && r.needs.iter().all(|n| n.meets(signature))
                && let Some(m) = match_steps(text, words, i, trig.steps, &r.sets, t)
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        }
        match best {
            Some(m) => {
                i = m.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn match_steps(
    text: &str,
    words: &[Word],
    start: usize,
    steps: &[Step],
    sets: &[Option<WordSet>],
    trigger: usize,
) -> Option<TriggerMatch> {
    let mut possessor = None;
    let end = match_from(text, words, start, steps, sets, &mut possessor)?;
    // A match must consume at least one cue word (not only adverbs).
    if end == start {
        return None;
    }
    // Leading adverbs belong to the cue only when the cue itself follows them.
    Some(TriggerMatch {
        trigger,
        start,
        end,
        possessor,
    })
}

fn match_from(
    text: &str,
    words: &[Word],
    i: usize,
    steps: &[Step],
    sets: &[Option<WordSet>],
    possessor: &mut Option<(usize, usize)>,
) -> Option<usize> {
    let Some((step, rest)) = steps.split_first() else {
        return Some(i);
    };
    // The step's own list, ready for look-up by key (see `READY`), and the
    // lists of the steps after it.
    let (set_here, sets) = sets
        .split_first()
        .map_or((None, sets), |(s, r)| (s.as_ref(), r));
    // `word_in(text, w, set)` for this step's `set`, by the ready list when there is one.
    let in_set =
        |w: &Word, set| set_here.map_or_else(|| word_in(text, w, set), |s| s.contains(text, w));
    match *step {
        Word(set) => {
            let w = words.get(i)?;
            if in_set(w, set) {
                match_from(text, words, i + 1, rest, sets, possessor)
            } else {
                None
            }
        }
        Aside(max) => {
            if let Some(e) = match_from(text, words, i, rest, sets, possessor) {
                return Some(e);
            }
            let is = |j: usize, p: &str| {
                words
                    .get(j)
                    .is_some_and(|w| text.get(w.span.clone()) == Some(p))
            };
            if !is(i, ",") {
                return None;
            }
            // The aside closes at the next comma, and holds no other punctuation.
            let close = (i + 2..=i + max + 1).find(|&j| is(j, ","))?;
            if words[i + 1..close].iter().any(|w| w.punct) {
                return None;
            }
            match_from(text, words, close + 1, rest, sets, possessor)
        }
        Opt(set) => {
            if let Some(w) = words.get(i)
                && in_set(w, set)
                && let Some(e) = match_from(text, words, i + 1, rest, sets, possessor)
            {
                return Some(e);
            }
            match_from(text, words, i, rest, sets, possessor)
        }
        Adverbs => {
            let mut j = i;
            while words.get(j).is_some_and(|w| ADVERB_SET.contains(text, w)) {
                j += 1;
            }
            // Try the longest run of adverbs first, then shorter ones.
            loop {
                if let Some(e) = match_from(text, words, j, rest, sets, possessor) {
                    return Some(e);
                }
                if j == i {
                    return None;
                }
                j -= 1;
            }
        }
        Possessor => {
            // "its", "their", "a" ... or capitalised words ending in a possessive.
            if let Some(w) = words.get(i)
                && POSSESSOR_SET.contains(text, w)
            {
                // "the United States'": a determiner may open a named possessor.
                if let Some(end) = named_possessor(text, words, i + 1) {
                    let saved = *possessor;
                    *possessor = Some((i + 1, end));
                    if let Some(e) = match_from(text, words, end + 1, rest, sets, possessor) {
                        return Some(e);
                    }
                    *possessor = saved;
                }
                if let Some(e) = match_from(text, words, i + 1, rest, sets, possessor) {
                    return Some(e);
                }
            }
            if let Some(end) = named_possessor(text, words, i) {
                let saved = *possessor;
                *possessor = Some((i, end));
                if let Some(e) = match_from(text, words, end + 1, rest, sets, possessor) {
                    return Some(e);
                }
                *possessor = saved;
            }
            match_from(text, words, i, rest, sets, possessor)
        }
        OfName => {
            let w = words.get(i)?;
            if !word_is(text, w, "of") {
                return None;
            }
            let mut j = i + 1;
            if words.get(j).is_some_and(|w| word_is(text, w, "the")) {
                j += 1;
            }
            let first = j;
            while words.get(j).is_some_and(|w| w.capital) && j < first + 5 {
                j += 1;
            }
            if j == first {
                return None;
            }
            let saved = *possessor;
            *possessor = Some((first, j));
            let end = match_from(text, words, j, rest, sets, possessor);
            if end.is_none() {
                *possessor = saved;
            }
            end
        }
        Gap(max) | Mods(max) => {
            let mods = matches!(*step, Mods(_));
            for n in 0..=max {
                if n > 0
                    && words.get(i + n - 1).is_none_or(|w| {
                        (w.punct && !is_possessive(text, w))
                            || (mods && MOD_STOP_SET.contains(text, w))
                    })
                {
                    return None;
                }
                if let Some(e) = match_from(text, words, i + n, rest, sets, possessor) {
                    return Some(e);
                }
            }
            None
        }
    }
}

/// Capitalised words from `i` followed by a possessive marker: returns the
/// index of the marker ("China" "'s" -> index of "'s").
fn named_possessor(text: &str, words: &[Word], i: usize) -> Option<usize> {
    let mut j = i;
    while words.get(j).is_some_and(|w| w.capital) && j < i + 5 {
        j += 1;
    }
    if j > i && words.get(j).is_some_and(|w| is_possessive(text, w)) {
        Some(j)
    } else {
        None
    }
}

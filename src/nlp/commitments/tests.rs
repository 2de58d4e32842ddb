//! Tests of commitment extraction over hand-made entities (no tagger needed).

use super::triggers::TRIGGERS;
use super::*;
use crate::nlp::{CommitmentKind, Referent};

/// Words that open example sentences without naming anything.
const COMMON: &[&str] = &[
    "The",
    "If",
    "It",
    "He",
    "She",
    "They",
    "We",
    "We'll",
    "We're",
    "Will",
    "Should",
    "Is",
    "Nobody",
    "Most",
    "Despite",
    "Critics",
    "Analysts",
    "Investors",
    "Lawmakers",
    "Voters",
    "Companies",
    "Polls",
    "Observers",
    "Prices",
    "There",
    "A",
    "Talks",
    "Both",
    "In",
    "Noting",
    "Japan's",
    "President",
];
const PEOPLE: &[&str] = &[
    "Li", "Biden", "Erdogan", "Blinken", "Aliyev", "Rutte", "Ruto", "Li Wei",
];

/// Marks runs of capitalised words as entities (people from `PEOPLE`, else places).
fn hand_entities(text: &str) -> (Vec<Entity>, Vec<Referent>) {
    let mut entities = Vec::new();
    let mut referents: Vec<Referent> = Vec::new();
    let ws = words::scan(text, 0..text.len());
    let mut i = 0;
    while i < ws.len() {
        let s = &text[ws[i].span.clone()];
        if !ws[i].capital || COMMON.contains(&s) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && ws[j].capital {
            j += 1;
        }
        let span = ws[i].span.start..ws[j - 1].span.end;
        let name = text[span.clone()].to_string();
        let kind = if PEOPLE.contains(&name.as_str()) {
            EntityKind::Person
        } else if name.ends_with("Court") {
            EntityKind::Org
        } else {
            EntityKind::Place
        };
        let r = referents
            .iter()
            .position(|r| r.name == name)
            .unwrap_or_else(|| {
                referents.push(Referent {
                    name: name.clone(),
                    kind,
                    country: None,
                    mentions: vec![],
                });
                referents.len() - 1
            });
        referents[r].mentions.push(entities.len());
        entities.push(Entity {
            span,
            kind,
            referent: r,
        });
        i = j;
    }
    (entities, referents)
}

/// Splits at ". " for tests: the real splitter is another stage.
fn hand_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Sentence {
            span: start..i + 1,
            tokens: 0..0,
        });
        start = i + 2;
    }
    if start < text.len() {
        out.push(Sentence {
            span: start..text.len(),
            tokens: 0..0,
        });
    }
    out
}

fn run(text: &str) -> Vec<Commitment> {
    let (entities, referents) = hand_entities(text);
    extract(text, &hand_sentences(text), &entities, &referents)
}

#[test]
fn every_pattern_has_examples_and_they_hold() {
    let mut failures = Vec::new();
    for trig in TRIGGERS {
        assert!(
            !trig.positive.is_empty() && !trig.negative.is_empty(),
            "{}: needs examples",
            trig.name
        );
        for ex in trig.positive {
            let found = run(ex);
            if !found
                .iter()
                .any(|c| c.kind == trig.kind && !c.actor.is_empty() && !c.action.is_empty())
            {
                failures.push(format!(
                    "{}: expected a {:?} in {ex:?}, got {found:?}",
                    trig.name, trig.kind
                ));
            }
        }
        for ex in trig.negative {
            let found = run(ex);
            if found.iter().any(|c| c.kind == trig.kind) {
                failures.push(format!(
                    "{}: expected no {:?} in {ex:?}, got {found:?}",
                    trig.name, trig.kind
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn summary(text: &str) -> Vec<(String, String, CommitmentKind, String)> {
    run(text)
        .into_iter()
        .map(|c| {
            (
                c.actor,
                c.speaker.unwrap_or_default(),
                c.kind,
                text[c.action].to_string(),
            )
        })
        .collect()
}

/// (actor, speaker, kind, action) expected of one commitment.
type Expected<'a> = (&'a str, &'a str, CommitmentKind, &'a str);

#[test]
fn actors_speakers_and_actions() {
    use CommitmentKind::*;
    let cases: &[(&str, &str, &[Expected])] = &[
        (
            "reported speech, actor after said",
            "Rutte said the Netherlands is willing to train pilots in Denmark.",
            &[(
                "Netherlands",
                "Rutte",
                Willingness,
                "train pilots in Denmark",
            )],
        ),
        (
            "he after a reporting verb is the one person named before it",
            "Biden met Ruto in Nairobi. Erdogan announced he will not seek a third term.",
            &[("Erdogan", "", Pledge, "not seek a third term")],
        ),
        (
            "a verb with its content after it leads, though a comma comes before it",
            "In a statement, the ministry said it would reopen the bridge.",
            &[("the ministry", "the ministry", Pledge, "reopen the bridge")],
        ),
        (
            "\"it\" after a reporting verb and a time phrase is the verb's subject",
            "The agency said on Friday that it would review the rules.",
            &[("The agency", "The agency", Pledge, "review the rules")],
        ),
        (
            "a speech verb's subject across an auxiliary, an adverb or a time phrase",
            "The ministry has also said it will reopen the bridge. The agency on Friday said it would review the rules.",
            &[
                ("The ministry", "The ministry", Pledge, "reopen the bridge"),
                ("The agency", "The agency", Pledge, "review the rules"),
            ],
        ),
        (
            "an object pronoun is the one person named before it, not the subject",
            "Aliyev met Rutte in Baku. Critics have broken with Biden and urged him to resign.",
            &[("Biden", "", Proposal, "resign")],
        ),
        (
            "a call's verb may open a quotation after its addressee",
            "The Peru ministry called on drivers to \"slow down near schools.\"",
            &[("drivers", "", Proposal, "\"slow down near schools.\"")],
        ),
        (
            "a country acting beside a person is who a later \"we\" means",
            "The United States and President Biden stand ready to help Sudan. We will raise the cost of the war.",
            &[
                (
                    "The United States and President Biden",
                    "",
                    Willingness,
                    "help Sudan",
                ),
                ("United States", "", Pledge, "raise the cost of the war"),
            ],
        ),
        (
            "we in an unsigned statement is the countries that acted together last",
            "Chile, Peru, and Kenya commit to sharing data. We will open a joint office.",
            &[
                ("Chile, Peru, and Kenya", "", Pledge, "sharing data"),
                ("Chile, Peru, and Kenya", "", Pledge, "open a joint office"),
            ],
        ),
        (
            "a list of countries opening with a plural name is who a later \"we\" means",
            "The United States, Chile, and Kenya commit to sharing data. We will open a joint office.",
            &[
                (
                    "The United States, Chile, and Kenya",
                    "",
                    Pledge,
                    "sharing data",
                ),
                (
                    "The United States, Chile, and Kenya",
                    "",
                    Pledge,
                    "open a joint office",
                ),
            ],
        ),
        (
            "\"both countries\" points back to the countries a later \"we\" means",
            "Chile and Kenya will open a joint office. Both countries committed to sharing data. We will train customs officers.",
            &[
                ("Chile and Kenya", "", Pledge, "open a joint office"),
                ("Both countries", "", Pledge, "sharing data"),
                ("Chile and Kenya", "", Pledge, "train customs officers"),
            ],
        ),
        (
            "a group the text names anew is who a later \"we\" means",
            "Chile and Kenya will open a joint office. The undersigned nations condemn the attacks. We will train customs officers.",
            &[
                ("Chile and Kenya", "", Pledge, "open a joint office"),
                ("The undersigned nations", "", Support, "the attacks"),
                (
                    "The undersigned nations",
                    "",
                    Pledge,
                    "train customs officers",
                ),
            ],
        ),
        (
            "a pronoun joined to a named person is both people",
            "Blinken arrived in Nairobi on Monday. He and President Ruto look forward to visiting the new port.",
            &[("Blinken and Ruto", "", Willingness, "visiting the new port")],
        ),
        (
            "a speaker's pronoun joined to a named person is the speaker and that person",
            "Aliyev noted that he and President Biden will visit the new port.",
            &[("Aliyev and Biden", "Aliyev", Pledge, "visit the new port")],
        ),
        (
            "two office-holders are named by their names, without titles",
            "President Biden and President Ruto signed a trade pact. Biden and Ruto signed a second pact.",
            &[
                ("Biden and Ruto", "", Agreement, "a trade pact"),
                ("Biden and Ruto", "", Agreement, "a second pact"),
            ],
        ),
        (
            "a third party's proxies are part of the party a proposal addresses",
            "Iran and its proxies must halt these attacks.",
            &[("Iran and its proxies", "", Proposal, "halt these attacks")],
        ),
        (
            "we names itself after an opening phrase, with an acronym and a participle",
            "In Lima, we, the Pacific Forum (PF)-endorsing States listed above, affirm our commitment to free trade. Our countries will cut tariffs.",
            &[
                (
                    "the Pacific Forum (PF)-endorsing States",
                    "",
                    Support,
                    "free trade",
                ),
                (
                    "the Pacific Forum (PF)-endorsing States",
                    "",
                    Pledge,
                    "cut tariffs",
                ),
            ],
        ),
        (
            "we with no speaker and no country acting is the nations that spoke",
            "The undersigned nations condemn the attacks. We stand united in our determination to protect our people.",
            &[
                ("The undersigned nations", "", Support, "the attacks"),
                ("The undersigned nations", "", Pledge, "protect our people"),
            ],
        ),
        (
            "a group named again with other articles takes its plainest name",
            "The Secretary and the Foreign Ministers signed the accord. The Secretary and \
             Foreign Ministers committed to meet again.",
            &[
                (
                    "The Secretary and Foreign Ministers",
                    "",
                    Agreement,
                    "the accord",
                ),
                (
                    "The Secretary and Foreign Ministers",
                    "",
                    Pledge,
                    "meet again",
                ),
            ],
        ),
        (
            "a participle continues the apposition of an opening \"We,\"",
            "We, the Heads of State of Peru and Chile meeting in Lima, declare our \
             intention to open a border crossing.",
            &[(
                "the Heads of State of Peru and Chile meeting in Lima",
                "",
                Pledge,
                "open a border crossing",
            )],
        ),
        (
            "a clause of time between commas leaves the subject before it",
            "Biden and Ruto, when they meet in Lima, plan to sign a treaty.",
            &[("Biden and Ruto", "", Pledge, "sign a treaty")],
        ),
        (
            "a base form after \"and\" with nothing to govern it is a second predicate",
            "Kenya and Peru recognized the value of trade and intend to open a border crossing.",
            &[("Kenya and Peru", "", Pledge, "open a border crossing")],
        ),
        (
            "a people's government is its country",
            "Li said the Peruvian government would open a border crossing.",
            &[("Peru", "Li", Pledge, "open a border crossing")],
        ),
        (
            "agreeing with a named partner binds both",
            "Peru agreed with Chile to open a border crossing.",
            &[("Peru and Chile", "", Agreement, "open a border crossing")],
        ),
        (
            "a place's office is the person holding it, named before or after",
            "The deputy governor Biden spoke. Nairobi's governor has promised to rebuild the \
             market. Regional governor Li Wei visited it.",
            &[("Li Wei", "", Pledge, "rebuild the market")],
        ),
        (
            "them is no one person named before it",
            "Peru and Chile met Biden. Biden thanked Ruto and urged them to sign the accord.",
            &[("Peru and Chile", "", Proposal, "sign the accord")],
        ),
        (
            "a weak cue asks the public named by a plural noun",
            "The Peru ministry asked passengers to stay home.",
            &[("passengers", "", Proposal, "stay home")],
        ),
        (
            "trailing speech tag cuts the action",
            "Kenya will send 1,000 police officers to Haiti, Ruto said.",
            &[(
                "Kenya",
                "Ruto",
                Pledge,
                "send 1,000 police officers to Haiti",
            )],
        ),
        (
            "shared subject across coordinated cues",
            "Peru firmly adheres to the treaty and resolutely opposes any delay, expressing a willingness to host talks.",
            &[
                ("Peru", "", Support, "the treaty"),
                ("Peru", "", Support, "any delay"),
                ("Peru", "", Willingness, "host talks"),
            ],
        ),
        (
            "possessor is the actor, pronoun speaker",
            "Li said talks went well. He also expressed Vietnam's willingness to expand trade.",
            &[("Vietnam", "", Willingness, "expand trade")],
        ),
        (
            "infinitive list stays one commitment",
            "Chile is willing to work with Peru to promote trade, firmly support each other and deepen ties.",
            &[(
                "Chile",
                "",
                Willingness,
                "work with Peru to promote trade, firmly support each other and deepen ties",
            )],
        ),
        (
            "group actor with a proposal",
            "The two sides should expand cultural exchanges, Li added.",
            &[("The two sides", "Li", Proposal, "expand cultural exchanges")],
        ),
        (
            "group actor after a fronted clause",
            "Li noted that earlier today, the presidents of the two countries announced the establishment of a joint fund, thereby opening a new chapter.",
            &[(
                "the presidents of the two countries",
                "Li",
                Agreement,
                "a joint fund",
            )],
        ),
        (
            "pronoun resolved to the last speaker",
            "Blinken said the talks were useful. Canada will reopen its embassy, he added.",
            &[("Canada", "Blinken", Pledge, "reopen its embassy")],
        ),
        (
            "the addressee of a call is who should act",
            "Turkey called on Sweden to extradite the suspects.",
            &[("Sweden", "", Proposal, "extradite the suspects")],
        ),
        (
            "past fact",
            "Germany and Poland have always respected each other.",
            &[],
        ),
        (
            "evaluation",
            "Cooperation between Chile and Peru has continually deepened.",
            &[],
        ),
        ("question", "Will Norway support the plan?", &[]),
        ("hypothetical", "If Iran signs the deal, talks resume.", &[]),
        (
            "a wish about another party is no pledge",
            "Li said, I hope that Japan will come back and will engage properly.",
            &[],
        ),
        (
            "a concessive clause states background",
            "While Chile signed the treaty, Peru did not.",
            &[],
        ),
        (
            "a forecast with will be is no pledge",
            "The success of the pact will be the real test of growth.",
            &[],
        ),
        (
            "will be with an action is a pledge",
            "Canada will be raising the issue with Peru.",
            &[("Canada", "", Pledge, "be raising the issue with Peru")],
        ),
        (
            "we in a statement means its authors",
            "The statement was released by the Governments of Chile and Peru. We are committed to support free trade.",
            &[(
                "the Governments of Chile and Peru",
                "",
                Pledge,
                "support free trade",
            )],
        ),
        (
            "a statement's authors may be a long list",
            "The statement was released by the Governments of Chile, Peru, Bolivia, Ecuador, Colombia, Panama, Paraguay, Uruguay, Guyana, Honduras, Guatemala, Belize, Jamaica, Haiti, and Trinidad and Tobago. We are committed to support free trade.",
            &[(
                "the Governments of Chile, Peru, Bolivia, Ecuador, Colombia, Panama, Paraguay, Uruguay, Guyana, Honduras, Guatemala, Belize, Jamaica, Haiti, and Trinidad and Tobago",
                "",
                Pledge,
                "support free trade",
            )],
        ),
        (
            "we names itself in an apposition, over who released the statement",
            "The statement was released by the Governments of Chile and Peru. We, the Trade Ministers of Chile, Peru and Canada, and the Secretary General of the Pacific Forum reaffirm our support for open markets. We remain committed to cutting tariffs.",
            &[
                (
                    "the Trade Ministers of Chile, Peru and Canada, and the Secretary General of the Pacific Forum",
                    "",
                    Support,
                    "open markets",
                ),
                (
                    "the Trade Ministers of Chile, Peru and Canada, and the Secretary General of the Pacific Forum",
                    "",
                    Pledge,
                    "cutting tariffs",
                ),
            ],
        ),
        (
            "a listed addressee with commas acts",
            "We urge the Chilean Navy, the Peruvian Navy and all fishing fleets to respect the ceasefire.",
            &[(
                "the Chilean Navy, the Peruvian Navy and all fishing fleets",
                "",
                Proposal,
                "respect the ceasefire",
            )],
        ),
        (
            "as well as joins the addressee",
            "We urge the Chilean Navy, as well as the fishing fleets, to respect the ceasefire.",
            &[(
                "the Chilean Navy, as well as the fishing fleets",
                "",
                Proposal,
                "respect the ceasefire",
            )],
        ),
        (
            "an aside closed before to is no part of the addressee",
            "We call upon all external actors, as agreed in Lima, to stop arming the parties.",
            &[(
                "all external actors",
                "",
                Proposal,
                "stop arming the parties",
            )],
        ),
        (
            "a comma ending the clause: no addressee before it",
            "Biden urged restraint, saying it was important to avoid a war.",
            &[(
                "Biden",
                "",
                Proposal,
                "restraint, saying it was important to avoid a war",
            )],
        ),
        (
            "a quotation reopened after an interrupting tag keeps its speaker",
            "\"I thank Peru. I salute Chile,\" wrote Biden in a post, \"and I salute Peru. I will send aid next week.\"",
            &[("Biden", "Biden", Pledge, "send aid next week")],
        ),
        (
            "a pact signed with a named party binds both",
            "Chile signed a fishing accord on Monday with Peru.",
            &[(
                "Chile and Peru",
                "",
                Agreement,
                "a fishing accord on Monday with Peru",
            )],
        ),
        (
            "a call with no subject: the addressee acts",
            "We are united in calling for the regime to end its repression.",
            &[("the regime", "", Proposal, "end its repression")],
        ),
        (
            "would after a reporting verb",
            "Biden reaffirmed the United States would continue its aid to Chile.",
            &[("United States", "", Pledge, "continue its aid to Chile")],
        ),
        (
            "a vague need is no proposal",
            "Biden noted the need for guardrails to ensure that competition does not veer into conflict.",
            &[],
        ),
        (
            "a commitment to a stance is support",
            "Biden reaffirmed the United States' ironclad commitment to the defense of Japan.",
            &[("United States", "", Support, "the defense of Japan")],
        ),
        (
            "a speech tag splitting the quotation",
            "Ruto spoke in Nairobi. \"We stand ready,\" he said, \"to send police to Haiti.\"",
            &[("Ruto", "Ruto", Willingness, "send police to Haiti")],
        ),
        (
            "a speech tag without commas",
            "\"Kenya stands ready\" tweeted Ruto \"to send police to Haiti.\"",
            &[("Kenya", "Ruto", Willingness, "send police to Haiti")],
        ),
        (
            "a passive agreement: the speaker agreed",
            "Peru said an agreement has been reached with Chile on the border.",
            &[("Peru", "Peru", Agreement, "with Chile on the border")],
        ),
        (
            "a passive agreement: the agent agreed",
            "The ceasefire was signed by Chile and Peru on Monday.",
            &[(
                "Chile and Peru",
                "",
                Agreement,
                "by Chile and Peru on Monday",
            )],
        ),
        (
            "a passive with no agent is a bare fact",
            "The treaty, which was signed in 1990, expired.",
            &[],
        ),
        (
            "they after two people are named means both",
            "Biden met Aliyev in Baku. They agreed to expand trade.",
            &[("Biden and Aliyev", "", Agreement, "expand trade")],
        ),
        (
            "a person as subject is who he means",
            "Rutte visited Kenya. He pledged to train its police.",
            &[("Rutte", "", Pledge, "train its police")],
        ),
        (
            "two leaders who resolved to act agreed",
            "The two leaders resolved to deepen trade ties.",
            &[("The two leaders", "", Agreement, "deepen trade ties")],
        ),
        (
            "a reaffirmed resolve to act is a pledge",
            "Chile reaffirmed its resolve to cut emissions.",
            &[("Chile", "", Pledge, "cut emissions")],
        ),
        (
            "a country is named without article and in full",
            "The United States government is committed to rebuilding Haiti.",
            &[("United States", "", Pledge, "rebuilding Haiti")],
        ),
        (
            "the title names the person last so titled",
            "President Aliyev met Li in Baku. The President looked forward to visiting Beijing.",
            &[("Aliyev", "", Willingness, "visiting Beijing")],
        ),
        (
            "a passive decision in a joint statement: its authors decided",
            "The statement was released by the Governments of Chile and Peru. At the summit it was decided to form a joint council.",
            &[(
                "the Governments of Chile and Peru",
                "",
                Agreement,
                "to form a joint council",
            )],
        ),
        (
            "a plan the subject is to carry out",
            "The Working Groups are to meet twice a year.",
            &[("The Working Groups", "", Pledge, "meet twice a year")],
        ),
        (
            "a duty described is no plan",
            "Chile asked Peru, whose duty it is to patrol the coast, for help.",
            &[],
        ),
        (
            "the support of a country is its support",
            "Biden said Japan has the full support of the United States to host the summit.",
            &[("United States", "Biden", Support, "host the summit")],
        ),
        (
            "a negated pledge is still a pledge",
            "Italy will not send troops to Libya.",
            &[("Italy", "", Pledge, "not send troops to Libya")],
        ),
        (
            "two actors, two commitments in one sentence",
            "Peru and Chile agreed to resume talks, and Bolivia pledged to join them.",
            &[
                ("Peru and Chile", "", Agreement, "resume talks"),
                ("Bolivia", "", Pledge, "join them"),
            ],
        ),
        (
            "it is the speaker when nothing is named before",
            "The ministry said it would send a delegation to Lima.",
            &[(
                "The ministry",
                "The ministry",
                Pledge,
                "send a delegation to Lima",
            )],
        ),
        (
            "we in a statement is the country acting as subject",
            "Today, the United States is imposing sanctions on the junta. We will continue to support the people of Burma.",
            &[(
                "United States",
                "",
                Pledge,
                "continue to support the people of Burma",
            )],
        ),
        (
            "agreeing on the importance of something is a view",
            "The leaders agreed on the importance of free trade.",
            &[],
        ),
        (
            "a cue word inside a name is no cue",
            "The army entered Tell Tamer yesterday.",
            &[],
        ),
        (
            "is to blame is no plan",
            "Chile is to blame for the delay, Li said.",
            &[],
        ),
        (
            "a ratified pact is the action",
            "Chile ratified the Escazu treaty in 2018.",
            &[("Chile", "", Agreement, "the Escazu treaty in 2018")],
        ),
        (
            "dedication to a cause is support",
            "Both leaders expressed firm dedication to the sovereignty of Ukraine.",
            &[("Both leaders", "", Support, "the sovereignty of Ukraine")],
        ),
        (
            "both alone means the group before",
            "The two leaders met in Lima. Both noted their commitment to free trade.",
            &[("The two leaders", "The two leaders", Support, "free trade")],
        ),
        (
            "a participle restates the subject's stance",
            "Biden spoke to the press, underscoring the Canadian commitment to free trade.",
            &[("Canadian", "", Support, "free trade")],
        ),
        (
            "a demand that a party act: the party should act",
            "Iraq demanded that the United States withdraw its troops.",
            &[("United States", "", Proposal, "withdraw its troops")],
        ),
        (
            "a demand with a modal: the modal is the cue",
            "Iraq demanded that the United States must withdraw its troops.",
            &[("United States", "", Proposal, "withdraw its troops")],
        ),
        (
            "a proposal keeps its proposer",
            "Mexico proposes a joint task force to curb trafficking.",
            &[(
                "Mexico",
                "",
                Proposal,
                "a joint task force to curb trafficking",
            )],
        ),
        (
            "a past proposal is a past event",
            "Harris proposed this dialogue during her visit in January.",
            &[],
        ),
        (
            "a participle after while shares the main subject",
            "Chile and Peru condemned the coup, while reaffirming their firm support for Bolivia.",
            &[("Chile and Peru", "", Support, "Bolivia")],
        ),
        (
            "a participle after thereby shares the main subject",
            "Norway raised its aid, thereby renewing its pledge to help Sudan.",
            &[("Norway", "", Pledge, "help Sudan")],
        ),
        (
            "list markers between the modal and its verbs",
            "Ghana will (i) cut tariffs on cocoa and (ii) open its ports.",
            &[(
                "Ghana",
                "",
                Pledge,
                "(i) cut tariffs on cocoa and (ii) open its ports",
            )],
        ),
        (
            "a negated announcement across a parenthetical",
            "Norway had not, as of Monday, announced any plans to withdraw its troops.",
            &[],
        ),
        (
            "a negated signature after yet",
            "Chile has not yet signed the accord with Peru.",
            &[],
        ),
        (
            "a contracted negation",
            "Bolivia hasn't agreed to the new border crossing.",
            &[],
        ),
        (
            "a relative clause describes the thing, not the party",
            "Chile reaffirmed its commitment to the pact, which protects fishermen and supports coastal towns.",
            &[("Chile", "", Support, "the pact")],
        ),
        (
            "a closed relative clause leaves the subject's cues",
            "Chile adheres to the pact, which it drafted, and supports its renewal.",
            &[
                ("Chile", "", Support, "the pact"),
                ("Chile", "", Support, "its renewal"),
            ],
        ),
        (
            "counterparts are a party",
            "Peruvian officials and their Bolivian counterparts signed a memorandum on trade.",
            &[(
                "Peruvian officials and their Bolivian counterparts",
                "",
                Agreement,
                "a memorandum on trade",
            )],
        ),
        (
            "a vote on a motion to act is the body's decision",
            "The Senate of Kenya voted on a resolution to expel the envoy.",
            &[("The Senate of Kenya", "", Agreement, "expel the envoy")],
        ),
        (
            "a recommendation that a party act, without that",
            "Li recommended the Nepali authorities postpone the vote.",
            &[("the Nepali authorities", "", Proposal, "postpone the vote")],
        ),
        (
            "an urging without to: the party where it is",
            "Li urged the Chilean troops in Bolivia withdraw.",
            &[("the Chilean troops in Bolivia", "", Proposal, "withdraw")],
        ),
        (
            "a recommendation of a thing is no proposal",
            "Li recommended the new budget to parliament.",
            &[],
        ),
        (
            "a demand made of a party",
            "Merkel demanded a full account from Serbia.",
            &[("Serbia", "", Proposal, "a full account from Serbia")],
        ),
        (
            "what a speaker expects from a party",
            "Merkel said, \"We expect from Serbia a full account of the attack.\"",
            &[("Serbia", "Merkel", Proposal, "a full account of the attack")],
        ),
        (
            "a demand from a party to act",
            "Serbia demanded from Interpol to publish a notice.",
            &[("Interpol", "", Proposal, "publish a notice")],
        ),
        (
            "a demand that a party act, with from in the action",
            "Merkel demanded that Serbia withdraw from Kosovo.",
            &[("Serbia", "", Proposal, "withdraw from Kosovo")],
        ),
        (
            "a forecast of gains from a party is no demand",
            "Analysts expect growth from Serbia.",
            &[],
        ),
        (
            "help asked of a party",
            "Biden asked for Serbia's help in securing the border.",
            &[("Serbia", "", Proposal, "securing the border")],
        ),
        (
            "help asked of a titled person",
            "President Aliyev met Li in Baku. Li asked for the President's help in opening the border.",
            &[("Aliyev", "", Proposal, "opening the border")],
        ),
        (
            "an inverted tag after a quotation names the speaker",
            "\"Kenya will send police to Haiti,\" said Ruto.",
            &[("Kenya", "Ruto", Pledge, "send police to Haiti")],
        ),
        (
            "an inverted tag may go on with a time",
            "Kenya will send police to Haiti, said Ruto on Monday.",
            &[("Kenya", "Ruto", Pledge, "send police to Haiti")],
        ),
        (
            "a verb after an appositive opens the content, not a tag",
            "Ruto, the president of Kenya, said his government will send police to Haiti.",
            &[("Kenya", "Ruto", Pledge, "send police to Haiti")],
        ),
        (
            "documents signed with a party sign nothing themselves",
            "Peru remains committed to the Charters and Memoranda of Understanding signed with Chile.",
            &[(
                "Peru",
                "",
                Pledge,
                "the Charters and Memoranda of Understanding signed with Chile",
            )],
        ),
        (
            "one call addresses two parties, each with its own action",
            "We call for the Sudanese Armed Forces to cease their attacks and for the Rapid Support Forces to withdraw from El Fasher.",
            &[
                (
                    "the Sudanese Armed Forces",
                    "",
                    Proposal,
                    "cease their attacks",
                ),
                (
                    "the Rapid Support Forces",
                    "",
                    Proposal,
                    "withdraw from El Fasher",
                ),
            ],
        ),
        (
            "a call whose action goes on with and for is one call",
            "Chile called on Peru to push for peace and for justice.",
            &[("Peru", "", Proposal, "push for peace and for justice")],
        ),
        (
            "the same verb again after and is a second commitment",
            "Chile and Peru support the efforts of the envoy to advance peace in Haiti and support broader efforts by the Quad.",
            &[
                (
                    "Chile and Peru",
                    "",
                    Support,
                    "the efforts of the envoy to advance peace in Haiti",
                ),
                ("Chile and Peru", "", Support, "broader efforts by the Quad"),
            ],
        ),
        (
            "a noun after and is no second verb",
            "Chile and Peru support the talks and support for them grows.",
            &[(
                "Chile and Peru",
                "",
                Support,
                "the talks and support for them grows",
            )],
        ),
        (
            "a lone head word names the one organisation it heads",
            "The Supreme Court ruled on Monday. The Court will hear the appeal in May.",
            &[("Supreme Court", "", Pledge, "hear the appeal in May")],
        ),
        (
            "a directive to a body under the speaker",
            "Ruto instructed security agencies to investigate the leak.",
            &[("security agencies", "", Proposal, "investigate the leak")],
        ),
        (
            "a call on the public by a common noun",
            "Li spoke at a rally, asking voters to turn out early.",
            &[("voters", "", Proposal, "turn out early")],
        ),
        (
            "a common noun asked about something is no party",
            "Li asked reporters about the leak.",
            &[],
        ),
        (
            "voters as a subject commit nobody",
            "Voters will choose a new parliament on Sunday.",
            &[],
        ),
        (
            "a modal of speaking is no commitment",
            "Li said, \"I must say, the talks were hard.\"",
            &[],
        ),
        (
            "an open quotation keeps its speaker into the next sentence",
            "Ruto, the president of Kenya, said: \"The talks were hard. We will send police to Haiti.\"",
            &[("Kenya", "Ruto", Pledge, "send police to Haiti")],
        ),
        (
            "a closed quotation does not",
            "Ruto said: \"The talks were hard\". We will send police to Haiti.",
            &[],
        ),
        (
            "an appositive between the subject and its cue",
            "Ruto, the president of Kenya, pledged to send police to Haiti.",
            &[("Ruto", "", Pledge, "send police to Haiti")],
        ),
        (
            "agreeing that the governments will act is a joint decision",
            "Biden and Aliyev agreed that their governments will resume talks.",
            &[("Biden and Aliyev", "", Agreement, "resume talks")],
        ),
        (
            "a call after an urging addresses the same party",
            "Biden urged Aliyev to free the journalists. He also called for the release of the activists.",
            &[
                ("Aliyev", "", Proposal, "free the journalists"),
                ("Aliyev", "", Proposal, "the release of the activists"),
            ],
        ),
        (
            "asking to act after writing to a party",
            "Li wrote to the Mayor of Lima asking to reopen the market.",
            &[("the Mayor of Lima", "Li", Proposal, "reopen the market")],
        ),
        (
            "a phrase after a preposition is no subject",
            "Chile recalled the accord between Peru and Bolivia signed in 2023.",
            &[],
        ),
        (
            "a promise that nothing bad will happen is a pledge",
            "Ruto visited Lamu and promised that no family would be left behind.",
            &[("Ruto", "", Pledge, "no family would be left behind")],
        ),
        (
            "a day before the subject is no part of it",
            "At the summit on Sunday Presidents Ruto and Li Wei signed the accord.",
            &[("Presidents Ruto and Li Wei", "", Agreement, "the accord")],
        ),
        (
            "her country is the country of the one she means",
            "Li Wei, the president of Chile, said talks went well. Li Wei said her country would sign the accord.",
            &[("Chile", "Li Wei", Pledge, "sign the accord")],
        ),
        (
            "a warning to a party to act",
            "Chile warned Peru to withdraw its ships.",
            &[("Peru", "Chile", Proposal, "withdraw its ships")],
        ),
        (
            "an adopted declaration is the action",
            "The foreign ministers adopted a joint declaration on maritime security.",
            &[(
                "The foreign ministers",
                "",
                Agreement,
                "a joint declaration on maritime security",
            )],
        ),
        (
            "a reflexive commitment",
            "Chile committed itself to free trade.",
            &[("Chile", "", Pledge, "free trade")],
        ),
        (
            "a stance held steadfastly",
            "Canada remains steadfast in its support for Ukraine.",
            &[("Canada", "", Support, "Ukraine")],
        ),
        (
            "a day between the subject and its verb",
            "Chile and Peru on Tuesday agreed to reopen the border.",
            &[("Chile and Peru", "", Agreement, "reopen the border")],
        ),
        (
            "a week between the subject and its verb",
            "Chile last week pledged to cut emissions.",
            &[("Chile", "", Pledge, "cut emissions")],
        ),
        (
            "a party noun with a plain complement",
            "The ministers of trade signed a memorandum on tariffs.",
            &[(
                "The ministers of trade",
                "",
                Agreement,
                "a memorandum on tariffs",
            )],
        ),
        (
            "a party noun with where it comes from",
            "Officials from both countries will meet in Lima.",
            &[("Officials from both countries", "", Pledge, "meet in Lima")],
        ),
        (
            "a passive agent with a title",
            "The deal was signed by Chile's defence minister Li Wei.",
            &[(
                "Li Wei",
                "",
                Agreement,
                "by Chile's defence minister Li Wei",
            )],
        ),
        (
            "a passive agent after a place",
            "The deal was signed in Lima by Chile and Peru.",
            &[("Chile and Peru", "", Agreement, "in Lima by Chile and Peru")],
        ),
        (
            "what analysts say a party will do is a forecast",
            "Analysts say Chile will raise taxes.",
            &[],
        ),
        (
            "a hedged will is a forecast",
            "Chile will likely raise taxes.",
            &[],
        ),
        (
            "a phrase ending in a name is that person",
            "Chile's president Li Wei said the talks went well. He pledged to visit Peru.",
            &[("Li Wei", "", Pledge, "visit Peru")],
        ),
        (
            "a phrase ending in a name after of is not that person",
            "Li called for the killers of Rutte to be punished.",
            &[("the killers of Rutte", "", Proposal, "be punished")],
        ),
        (
            "a government that speaks is no he",
            "The government said the talks went well. He pledged to visit Peru.",
            &[],
        ),
        (
            "the commitment of both countries",
            "The ministers reaffirmed the commitment of both countries to free trade.",
            &[("The ministers", "", Support, "free trade")],
        ),
        (
            "an office in lower case names the person last so titled",
            "President Aliyev met Li in Baku. Later the president vowed to visit Beijing.",
            &[("Aliyev", "", Pledge, "visit Beijing")],
        ),
        (
            "an object pronoun addressed is the one it refers to",
            "Aliyev spoke in Baku on Monday. Critics urged him to free the prisoners.",
            &[("Aliyev", "", Proposal, "free the prisoners")],
        ),
        (
            "an object pronoun is not the speaker: it stays unresolved",
            "Aliyev said: \"We urged him to free the prisoners.\"",
            &[("him", "Aliyev", Proposal, "free the prisoners")],
        ),
        (
            "a quotation's tag closed by a semicolon names the speaker",
            "\"We will rebuild the bridge,\" said Li Wei, the deputy prime minister; he also urged Chile to help.",
            &[
                ("Li Wei", "Li Wei", Pledge, "rebuild the bridge"),
                ("Chile", "", Proposal, "help"),
            ],
        ),
        (
            "a list of named parties commits together",
            "Chile, Peru, and Bolivia have pledged funds for the dam.",
            &[("Chile, Peru, and Bolivia", "", Pledge, "funds for the dam")],
        ),
        (
            "a list of named parties without the last comma",
            "The United States, Peru and Bolivia will build the dam.",
            &[(
                "The United States, Peru and Bolivia",
                "",
                Pledge,
                "build the dam",
            )],
        ),
        (
            "a place before the comma that hangs on a preposition is no party",
            "In Lima, Chile and Peru agreed to build the dam.",
            &[("Chile and Peru", "", Agreement, "build the dam")],
        ),
        (
            "\"they\" after a reporting verb is its plural subject, not the last group",
            "Kenya urged Japan and Korea to act. Chile and Peru announced they would build the dam.",
            &[
                ("Japan and Korea", "", Proposal, "act"),
                ("Chile and Peru", "", Pledge, "build the dam"),
            ],
        ),
        (
            "a second act after \"then\" shares the subject",
            "Chile recalled its envoy, then pledged to reopen the embassy in May.",
            &[("Chile", "", Pledge, "reopen the embassy in May")],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, expected) in cases {
        let got = summary(text);
        let want: Vec<_> = expected
            .iter()
            .map(|(a, s, k, act)| (a.to_string(), s.to_string(), *k, act.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{name}: got {got:?}\n    want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_lie_in_the_sentence() {
    let text = "Kenya will send police, Ruto said. Japan supports the plan and is ready to help.";
    for c in run(text) {
        assert!(c.sentence.start <= c.trigger.start && c.trigger.end <= c.action.start);
        assert!(c.action.end <= c.sentence.end && c.sentence.end <= text.len());
    }
}

#[test]
fn countries_are_named_without_article_and_abbreviations_in_full() {
    let us = crate::nlp::CountryCode::new("US").unwrap();
    let cases = [
        ("the U.S.", "United States"),
        ("US", "United States"),
        ("The United States", "United States"),
        ("Turkey", "Turkey"),
    ];
    for (surface, want) in cases {
        assert_eq!(actors::country_name(surface, us), want, "{surface}");
    }
}

#[test]
fn a_person_keeps_the_suffix_of_their_name() {
    let cases = [
        ("Joseph R. Biden, Jr. met Li.", "Joseph R. Biden, Jr."),
        ("Martin Luther King Jr. spoke.", "Martin Luther King Jr."),
        ("Joseph R. Biden met Li.", "Joseph R. Biden"),
    ];
    for (text, want) in cases {
        let name = if text.starts_with("Martin") {
            "Martin Luther King"
        } else {
            "Joseph R. Biden"
        };
        let entities = vec![Entity {
            span: 0..name.len(),
            kind: EntityKind::Person,
            referent: 0,
        }];
        let referents = vec![Referent {
            name: name.to_string(),
            kind: EntityKind::Person,
            country: None,
            mentions: vec![0],
        }];
        let index = phrases::EntityIndex {
            text,
            title: "",
            entities: &entities,
            referents: &referents,
            sentences: &[],
            members: Default::default(),
        };
        assert_eq!(phrases::person_name(text, &index, &referents[0]), want);
    }
}

#[test]
fn an_organisation_named_by_its_acronym_is_named_in_full() {
    let text = "TFC will host the cup.";
    let entities = vec![Entity {
        span: 0..3,
        kind: EntityKind::Org,
        referent: 0,
    }];
    let referents = vec![Referent {
        name: "Tennis Federation of Chile".to_string(),
        kind: EntityKind::Org,
        country: None,
        mentions: vec![0],
    }];
    let index = phrases::EntityIndex {
        text,
        title: "",
        entities: &entities,
        referents: &referents,
        sentences: &[],
        members: Default::default(),
    };
    let ws = words::scan(text, 0..text.len());
    let party = phrases::party(text, &ws, (0, 1), &index).map(|p| p.name);
    assert_eq!(party.as_deref(), Some("Tennis Federation of Chile"));
}

/// A party from one organisation mention over hand-made referents.
fn org_party(text: &str, mention: std::ops::Range<usize>, names: &[&str]) -> Option<String> {
    let entities = vec![Entity {
        span: mention,
        kind: EntityKind::Org,
        referent: 0,
    }];
    let referents: Vec<Referent> = names
        .iter()
        .map(|name| Referent {
            name: name.to_string(),
            kind: EntityKind::Org,
            country: None,
            mentions: vec![0],
        })
        .collect();
    let index = phrases::EntityIndex {
        text,
        title: "",
        entities: &entities,
        referents: &referents,
        sentences: &[],
        members: Default::default(),
    };
    let ws = words::scan(text, 0..text.len());
    phrases::party(text, &ws, (0, 2), &index).map(|p| p.name)
}

#[test]
fn an_organisation_named_by_the_head_before_of_is_named_in_full() {
    let text = "The Chamber will vote.";
    let party = org_party(text, 4..11, &["Chamber", "Kenya Chamber of Deputies"]);
    assert_eq!(party.as_deref(), Some("Kenya Chamber of Deputies"));
}

#[test]
fn an_organisation_named_short_is_named_by_the_full_name_holding_it() {
    let text = "Acme Motors will build the plant.";
    let party = org_party(text, 0..11, &["Acme Motors Company"]);
    assert_eq!(party.as_deref(), Some("Acme Motors Company"));
}

#[test]
fn we_said_by_a_leader_is_their_country_not_its_most_named_city() {
    let text =
        "Erdogan spoke in Istanbul. Istanbul cheered. Erdogan said we will build the bridge.";
    let (entities, mut referents) = hand_entities(text);
    let tr = crate::nlp::CountryCode::new("TR");
    for r in &mut referents {
        r.country = tr;
    }
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let actors: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(actors, ["Türkiye"]);
    // The city still stands for the country as the actor's referent.
    let referent = found[0].actor_referent.map(|r| referents[r].name.as_str());
    assert_eq!(referent, Some("Istanbul"));
}

#[test]
fn a_country_named_only_inside_another_name_is_written_as_the_text_writes_it() {
    let text =
        "Erdogan spoke to Turkey Diyanet in Istanbul. Erdogan said we will build the bridge.";
    let (entities, mut referents) = hand_entities(text);
    let tr = crate::nlp::CountryCode::new("TR");
    for r in &mut referents {
        r.country = tr;
        // As if the tagger read "Turkey Diyanet" as an organisation.
        if r.name == "Turkey Diyanet" {
            r.kind = EntityKind::Org;
        }
    }
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let actors: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(actors, ["Turkey"]);
}

#[test]
fn a_titles_preposition_does_not_hide_the_name_after_it() {
    let text = "On Monday, Senator from Vermont Biden endorsed Ruto for president.";
    let (mut entities, mut referents) = hand_entities(text);
    // As the tagger reads it: the place "Vermont", then the person "Biden".
    let at = text.find("Vermont Biden").expect("in text");
    let run = entities
        .iter()
        .position(|e| e.span.start == at)
        .expect("a run of capitals");
    let biden = at + "Vermont ".len();
    entities[run].span = at..at + "Vermont".len();
    referents[entities[run].referent].name = "Vermont".to_string();
    referents.push(Referent {
        name: "Biden".to_string(),
        kind: EntityKind::Person,
        country: None,
        mentions: vec![run + 1],
    });
    entities.insert(
        run + 1,
        Entity {
            span: biden..biden + "Biden".len(),
            kind: EntityKind::Person,
            referent: referents.len() - 1,
        },
    );
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.actor.as_str(), &text[c.action.clone()]))
        .collect();
    assert_eq!(got, [("Biden", "Ruto for president")]);
}

#[test]
fn a_places_office_is_held_by_a_person_of_that_country() {
    let text = "President Biden spoke in Nairobi. Kenya's president has promised to open the \
                market. President Ruto agreed.";
    let (entities, mut referents) = hand_entities(text);
    for r in &mut referents {
        let code = if r.name == "Biden" { "US" } else { "KE" };
        r.country = crate::nlp::CountryCode::new(code);
    }
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let actors: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(actors, ["Ruto"]);
}

#[test]
fn an_article_opens_its_noun_phrase_unless_of_or_and_joins_it() {
    // (sentence, the subject expected before "will")
    let cases = [
        // A relative clause without "that": "a singer" is no part of the subject.
        (
            "He is a singer the whole nation will remember.",
            "the whole nation",
        ),
        (
            "The leaders of the two nations will meet.",
            "The leaders of the two nations",
        ),
        (
            "The leaders and the ministers will meet.",
            "The leaders and the ministers",
        ),
    ];
    for (text, want) in cases {
        let (entities, referents) = hand_entities(text);
        let index = phrases::EntityIndex {
            text,
            title: "",
            entities: &entities,
            referents: &referents,
            sentences: &[],
            members: Default::default(),
        };
        let ws = words::scan(text, 0..text.len());
        let will = ws.iter().position(|w| &text[w.span.clone()] == "will");
        let np = will.and_then(|end| phrases::np_before(text, &ws, end, &index));
        let got = np.map(|(a, b)| &text[ws[a].span.start..ws[b - 1].span.end]);
        assert_eq!(got, Some(want), "{text}");
    }
}

/// Entities for the given names wherever they occur, as (name, kind, country).
fn named_entities(text: &str, names: &[(&str, EntityKind, &str)]) -> (Vec<Entity>, Vec<Referent>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (r, (name, _, _)) in names.iter().enumerate() {
        for (at, _) in text.match_indices(name) {
            found.push((at, r));
        }
    }
    found.sort();
    let mut referents: Vec<Referent> = names
        .iter()
        .map(|(name, kind, code)| Referent {
            name: name.to_string(),
            kind: *kind,
            country: crate::nlp::CountryCode::new(code),
            mentions: vec![],
        })
        .collect();
    let entities = found
        .iter()
        .enumerate()
        .map(|(i, &(at, r))| {
            referents[r].mentions.push(i);
            Entity {
                span: at..at + names[r].0.len(),
                kind: names[r].1,
                referent: r,
            }
        })
        .collect();
    (entities, referents)
}

fn actors_of(text: &str, names: &[(&str, EntityKind, &str)]) -> Vec<String> {
    let (entities, referents) = named_entities(text, names);
    extract(text, &hand_sentences(text), &entities, &referents)
        .into_iter()
        .map(|c| c.actor)
        .collect()
}

#[test]
fn a_ranked_title_names_only_a_person_of_that_rank() {
    // "The Vice President" is Ruto, not the President named last.
    let text = "Vice President Ruto met President Biden in Nairobi. The Vice President \
                reiterated support for the peace talks.";
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    assert_eq!(actors_of(text, &names), ["Kenya"]);
}

#[test]
fn a_stance_made_personal_stays_the_persons() {
    let names = [
        ("Biden", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    // A stated stance is the country's ...
    let text = "Biden spoke in Nairobi. Biden stressed support for the peace talks.";
    assert_eq!(actors_of(text, &names), ["United States"]);
    // ... unless the cue says whose it is.
    let text = "Biden spoke in Nairobi. Biden stressed his support for the peace talks.";
    assert_eq!(actors_of(text, &names), ["Biden"]);
}

#[test]
fn a_leaders_administration_is_the_government_and_an_agency_is_not() {
    let names = [
        ("Biden", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    let text = "Biden spoke in Nairobi. The Biden Administration will fund the clinic.";
    assert_eq!(actors_of(text, &names), ["United States"]);
    let text = "Biden said the Administration is committed to funding the clinic.";
    assert_eq!(actors_of(text, &names), ["United States"]);
    let text = "Biden spoke in Nairobi. The Federal Aviation Administration will review the crash.";
    assert_eq!(
        actors_of(text, &names),
        ["The Federal Aviation Administration"]
    );
}

#[test]
fn both_opening_a_clause_is_its_subject() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Ruto", EntityKind::Person, "KE"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    let text = "Rubio met Ruto in Nairobi. The two leaders agreed to meet again. Rubio welcomed \
                the new port and both expressed commitment to deepening trade.";
    assert_eq!(
        actors_of(text, &names),
        [
            "The two leaders (Rubio and Ruto)",
            "The two leaders (Rubio and Ruto)"
        ]
    );
}

#[test]
fn a_renewed_call_is_a_proposal() {
    let names = [("Chile", EntityKind::Place, "CL")];
    let text = "Chile reiterated its call for the release of the prisoners.";
    let (entities, referents) = named_entities(text, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<(&str, CommitmentKind)> =
        found.iter().map(|c| (c.actor.as_str(), c.kind)).collect();
    assert_eq!(got, [("Chile", CommitmentKind::Proposal)]);
}

#[test]
fn a_restated_commitment_to_act_is_a_pledge_and_to_a_goal_support() {
    let names = [
        ("Chile", EntityKind::Place, "CL"),
        ("Peru", EntityKind::Place, "PE"),
    ];
    let kinds = |text: &str| -> Vec<CommitmentKind> {
        let (entities, referents) = named_entities(text, &names);
        extract(text, &hand_sentences(text), &entities, &referents)
            .into_iter()
            .map(|c| c.kind)
            .collect()
    };
    assert_eq!(
        kinds("Chile and Peru reaffirmed their commitment to further strengthening trade."),
        [CommitmentKind::Pledge]
    );
    assert_eq!(
        kinds("Chile reaffirmed its commitment to build a new port."),
        [CommitmentKind::Pledge]
    );
    assert_eq!(
        kinds("Chile reaffirmed its commitment to the alliance with Peru."),
        [CommitmentKind::Support]
    );
}

#[test]
fn a_body_named_by_its_head_noun_is_a_party_unless_indefinite() {
    let names = [("Lima", EntityKind::Place, "PE")];
    // News commits police, companies, organisers: bodies named by a common noun.
    let text = "Police will reopen the road to Lima on Friday.";
    assert_eq!(actors_of(text, &names), ["Police"]);
    let text = "The regional airline plans to resume flights to Lima in May.";
    assert_eq!(actors_of(text, &names), ["The regional airline"]);
    let text = "Organisers said they would move the fair to Lima.";
    assert_eq!(actors_of(text, &names), ["Organisers"]);
    // "A company" is anyone's, a bare singular no one in particular, and a
    // class told what it should do is an opinion: no party.
    let text = "A company will open a plant in Lima.";
    assert!(actors_of(text, &names).is_empty());
    let text = "By law no bank or insurer shall trade in Lima.";
    assert!(actors_of(text, &names).is_empty());
    let text = "Critics said banks should lend more in Lima.";
    assert!(actors_of(text, &names).is_empty());
}

#[test]
fn an_obligation_foreseen_is_no_pledge() {
    let names = [("Chile", EntityKind::Place, "CL")];
    let text = "Chile will have to repay the loan by May.";
    assert!(actors_of(text, &names).is_empty());
    let text = "Chile will repay the loan by May.";
    assert_eq!(actors_of(text, &names), ["Chile"]);
}

#[test]
fn it_after_a_reporting_verb_is_the_verbs_subject_before_a_place_named() {
    let names = [("Lima", EntityKind::Place, "PE")];
    let text = "In Lima, the ministry announced it will close the border.";
    assert_eq!(actors_of(text, &names), ["the ministry"]);
}

#[test]
fn a_title_with_of_before_a_name_still_names_the_person() {
    let text = "Deputy Secretary Christopher Landau and Argentine Minister of Foreign Affairs \
                Pablo Quirno will open the new corridor.";
    let names = [
        ("Christopher Landau", EntityKind::Person, "US"),
        ("Pablo Quirno", EntityKind::Person, "AR"),
    ];
    assert_eq!(
        actors_of(text, &names),
        ["Christopher Landau and Pablo Quirno"]
    );
}

#[test]
fn a_predicate_joined_to_a_possessors_commitment_is_the_subjects() {
    // The possessor holds the first commitment; "looks forward" is Ruto's own.
    let text = "President Ruto reaffirmed Kenya's commitment to the peace talks and looks \
                forward to visiting Addis Ababa.";
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Kenya", EntityKind::Place, "KE"),
        ("Addis Ababa", EntityKind::Place, "ET"),
    ];
    assert_eq!(actors_of(text, &names), ["Kenya", "Ruto"]);
}

#[test]
fn a_long_subject_opens_where_its_first_name_does() {
    let text = "The National Telecommunications and Information Administration and Kenya's \
                Ministry of Internal Affairs and Communications committed to sharing data.";
    let names = [
        (
            "National Telecommunications and Information Administration",
            EntityKind::Org,
            "",
        ),
        ("Kenya", EntityKind::Place, "KE"),
        (
            "Ministry of Internal Affairs and Communications",
            EntityKind::Org,
            "KE",
        ),
    ];
    assert_eq!(
        actors_of(text, &names),
        [
            "The National Telecommunications and Information Administration and Kenya's \
          Ministry of Internal Affairs and Communications"
        ]
    );
}

#[test]
fn a_person_who_committed_is_whom_a_later_he_means() {
    // The first sentence's subject hides behind "Later, on May 4,"; its
    // commitment still tells who "he" is.
    let text = "Later, on May 4, Ruto announced he would close the border. The ministry \
                said he would reopen it in June.";
    let names = [("Ruto", EntityKind::Person, "KE")];
    assert_eq!(actors_of(text, &names), ["Ruto", "Ruto"]);
}

/// (actor, action) of each commitment of `text` over `names`.
fn actors_and_actions(text: &str, names: &[(&str, EntityKind, &str)]) -> Vec<(String, String)> {
    let (entities, referents) = named_entities(text, names);
    extract(text, &hand_sentences(text), &entities, &referents)
        .into_iter()
        .map(|c| (c.actor, text[c.action].to_string()))
        .collect()
}

#[test]
fn what_an_announcement_says_a_thing_will_do_is_the_announcers_pledge() {
    let names = [("Nairobi", EntityKind::Place, "KE")];
    let text = "In Nairobi, the ministry announced that, for the safety of all, the summit \
                would be held online.";
    assert_eq!(
        actors_and_actions(text, &names),
        [(
            "the ministry".to_string(),
            "for the safety of all, the summit would be held online".to_string()
        )]
    );
    let text = "In Nairobi, the ministry announced that from June the toll road will reopen.";
    assert_eq!(actors_of(text, &names), ["the ministry"]);
    // "said" reports forecasts as well; a party's passive befalls it.
    let text = "In Nairobi, the ministry said that the summit would be held online.";
    assert!(actors_of(text, &names).is_empty());
    let text = "In Nairobi, the ministry announced that it will be held to account.";
    assert!(actors_of(text, &names).is_empty());
}

#[test]
fn the_call_stressed_is_one_made_before() {
    let names = [("Kenya", EntityKind::Place, "KE")];
    assert!(actors_of("Kenya stressed the call for calm.", &names).is_empty());
    assert_eq!(
        actors_of("Kenya stressed its call for calm.", &names),
        ["Kenya"]
    );
}

#[test]
fn a_title_written_short_stays_in_its_phrase() {
    let text = "President Ruto received Ambassador Lee in Nairobi. The President and Mr. Lee \
                agreed to expand trade.";
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Lee", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    let (entities, referents) = named_entities(text, &names);
    // Two sentences: the period after "Mr" ends none.
    let cut = text.find(". ").map_or(0, |i| i + 1);
    let sentences = [
        Sentence {
            span: 0..cut,
            tokens: 0..0,
        },
        Sentence {
            span: cut + 1..text.len(),
            tokens: 0..0,
        },
    ];
    let actors: Vec<String> = extract(text, &sentences, &entities, &referents)
        .into_iter()
        .map(|c| c.actor)
        .collect();
    assert_eq!(actors, ["The President and Mr. Lee (Ruto and Lee)"]);
}

#[test]
fn a_partnership_named_by_hyphens_owns_no_commitment() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Ruto", EntityKind::Person, "KE"),
        ("U.S.", EntityKind::Place, "US"),
        ("Kenya", EntityKind::Place, "KE"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    // The pair who met reaffirmed it, not the first country of the compound ...
    let text = "Rubio met Ruto in Nairobi. They reaffirmed the shared U.S.-Kenya commitment to \
                deepening trade.";
    assert_eq!(actors_of(text, &names), ["Rubio and Ruto"]);
    // ... while one country named before the noun still owns it.
    let text =
        "Rubio met Ruto in Nairobi. They reaffirmed the Kenya commitment to deepening trade.";
    assert_eq!(actors_of(text, &names), ["Kenya"]);
}

#[test]
fn a_contraction_with_a_curly_apostrophe_carries_its_subject() {
    let names = [("Ruto", EntityKind::Person, "KE")];
    let text = "Ruto said, \"I\u{2019}m going to end my campaign.\"";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
    let text = "Ruto said, \"I\u{2019}ll end my campaign.\"";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
}

#[test]
fn a_bill_signed_into_law_is_no_pact() {
    let names = [("Ruto", EntityKind::Person, "KE")];
    assert!(actors_of("Ruto signed the finance bill into law on Monday.", &names).is_empty());
    assert_eq!(
        actors_of("Ruto signed the trade pact on Monday.", &names),
        ["Ruto"]
    );
}

#[test]
fn they_after_three_people_named_together_is_all_three() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Motegi", EntityKind::Person, "JP"),
        ("Cho", EntityKind::Person, "KR"),
    ];
    let text = "Secretary Rubio, Foreign Minister Motegi, and Foreign Minister Cho met in New \
                York. They committed to expand trilateral cooperation.";
    assert_eq!(actors_of(text, &names), ["Rubio, Motegi and Cho"]);
}

#[test]
fn we_after_both_sides_is_the_states_that_held_the_dialogue() {
    let names = [
        ("Chile", EntityKind::Place, "CL"),
        ("Peru", EntityKind::Place, "PE"),
        ("Lima", EntityKind::Place, "PE"),
    ];
    let text = "Chile and Peru held their dialogue in Lima. Both sides reviewed the progress \
                made. We will deepen cooperation on trade.";
    assert_eq!(actors_of(text, &names), ["Chile and Peru"]);
}

#[test]
fn the_parties_a_call_addresses_are_the_two_named_together_before() {
    let names = [
        ("Northern Front", EntityKind::Org, ""),
        ("Southern League", EntityKind::Org, ""),
        ("Kenya", EntityKind::Place, "KE"),
    ];
    let text = "Kenya regrets that neither the Northern Front nor the Southern League has stopped \
                the fighting. We urge the two parties to return to the talks.";
    assert_eq!(
        actors_of(text, &names),
        ["the Northern Front and the Southern League"]
    );
    // Named with a complement, they stay as written.
    let text = "Kenya regrets that neither the Northern Front nor the Southern League has stopped \
                the fighting. We urge the parties to the conflict to return to the talks.";
    assert_eq!(actors_of(text, &names), ["the parties to the conflict"]);
}

#[test]
fn a_pronouns_country_in_a_cue_is_the_actor() {
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
        ("Kenya", EntityKind::Place, "KE"),
    ];
    // "his" is the subject's, not the person named last before.
    let text = "Biden met Ruto in Nairobi. Ruto reaffirmed his government's determination to \
                end the drought.";
    assert_eq!(actors_of(text, &names), ["Kenya"]);
    // With no country known for the person, the person stays the actor.
    let names = [
        ("Ruto", EntityKind::Person, ""),
        ("Nairobi", EntityKind::Place, ""),
    ];
    let text = "Ruto spoke in Nairobi. Ruto reaffirmed his government's determination to end \
                the drought.";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
}

#[test]
fn one_article_before_two_titles_names_both_people() {
    let names = [
        ("Blinken", EntityKind::Person, "US"),
        ("Li Wei", EntityKind::Person, "KE"),
    ];
    // "The" serves "Foreign Minister" too: both office-holders, by name.
    let text = "Secretary Blinken met Foreign Minister Li Wei. The Secretary and Foreign \
                Minister signed a trade pact.";
    assert_eq!(
        actors_of(text, &names),
        ["The Secretary and Foreign Minister (Blinken and Li Wei)"]
    );
    // A title held by no one named stays as written.
    let text = "Secretary Blinken met Li Wei. The Secretary and Foreign Minister signed a \
                trade pact.";
    assert_eq!(
        actors_of(text, &names),
        ["The Secretary and Foreign Minister"]
    );
}

#[test]
fn a_quotation_led_in_by_a_colon_or_saying_is_the_clause_subjects() {
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
    ];
    let text = "Ruto spoke on the radio when he made the announcement: \"I\u{2019}m going to end \
                my campaign.\"";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
    // The object of the clause's verb is no speaker.
    let text = "Biden congratulated Ruto, saying \"I will visit Nairobi in May.\"";
    assert_eq!(actors_of(text, &names), ["Biden"]);
    // A quotation no colon or "saying" leads in names no speaker.
    let text = "Biden congratulated Ruto on the \"I will visit Nairobi\" pledge.";
    assert!(actors_of(text, &names).is_empty());
}

#[test]
fn a_passive_announced_without_that_is_the_announcers_pledge() {
    let names = [("Ruto", EntityKind::Person, "KE")];
    let text = "Ruto announced classes for pupils in public and private schools would be \
                cancelled.";
    assert_eq!(
        actors_and_actions(text, &names),
        [(
            "Ruto".to_string(),
            "classes for pupils in public and private schools would be cancelled".to_string()
        )]
    );
    // A clause of its own between the verb and the modal is not what was announced.
    let text = "Ruto announced a plan which would be debated in May.";
    assert!(actors_of(text, &names).is_empty());
}

#[test]
fn a_party_along_with_another_acts_with_it() {
    let names = [
        ("Greenpeace", EntityKind::Org, ""),
        ("Oxfam", EntityKind::Org, ""),
    ];
    let text = "Greenpeace, along with Oxfam have announced their plans to challenge the bill.";
    assert_eq!(actors_of(text, &names), ["Greenpeace and Oxfam"]);
    let text = "Greenpeace, together with Oxfam, will challenge the bill.";
    assert_eq!(actors_of(text, &names), ["Greenpeace and Oxfam"]);
}

#[test]
fn a_long_appositive_or_one_naming_a_place_with_its_region_keeps_the_subject() {
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Kisumu", EntityKind::Place, "KE"),
        ("Nyanza", EntityKind::Place, "KE"),
        ("Odinga", EntityKind::Person, "KE"),
    ];
    let text = "Reports said Ruto, a former deputy president who gained national fame during his \
                2013 run for office against Odinga, does not plan to run in 2027.";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
    let text = "Ruto, the mayor of Kisumu, Nyanza, announced that the schools would be closed.";
    assert_eq!(actors_of(text, &names), ["Ruto"]);
}

#[test]
fn a_call_coordinated_inside_an_infinitive_is_its_action() {
    let names = [
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
    ];
    let text = "Ruto wrote, \"Congratulations to Biden on running a campaign to lift up workers \
                and push for bold solutions.\"";
    assert!(actors_of(text, &names).is_empty());
}

#[test]
fn an_acronym_left_unlinked_is_the_organisation_it_abbreviates() {
    let names = [
        ("Kenya Commission on Rail Safety", EntityKind::Org, "KE"),
        ("CRS", EntityKind::Org, ""),
    ];
    let text = "The Kenya Commission on Rail Safety met on Monday. CRS will publish its report \
                in May.";
    assert_eq!(actors_of(text, &names), ["Kenya Commission on Rail Safety"]);
    // Two letters match too many names: the acronym stays as written.
    let names = [
        ("Kenya Commission on Rail Safety", EntityKind::Org, "KE"),
        ("RS", EntityKind::Org, ""),
    ];
    let text = "The Kenya Commission on Rail Safety met on Monday. RS will publish its report \
                in May.";
    assert_eq!(actors_of(text, &names), ["RS"]);
}

/// Entities for `mentions` (surface, referent), found in order in `text`, of
/// the referents `names` (canonical name, kind, country).
fn mentioned(
    text: &str,
    mentions: &[(&str, usize)],
    names: &[(&str, EntityKind, &str)],
) -> (Vec<Entity>, Vec<Referent>) {
    let mut referents: Vec<Referent> = names
        .iter()
        .map(|(name, kind, code)| Referent {
            name: name.to_string(),
            kind: *kind,
            country: crate::nlp::CountryCode::new(code),
            mentions: vec![],
        })
        .collect();
    let mut entities = Vec::new();
    let mut from = 0;
    for &(surface, r) in mentions {
        let at = from + text[from..].find(surface).expect("mention in the text");
        referents[r].mentions.push(entities.len());
        entities.push(Entity {
            span: at..at + surface.len(),
            kind: names[r].1,
            referent: r,
        });
        from = at + surface.len();
    }
    (entities, referents)
}

fn actors_and_members(
    text: &str,
    names: &[(&str, EntityKind, &str)],
) -> Vec<(String, Vec<String>)> {
    let (entities, referents) = named_entities(text, names);
    extract(text, &hand_sentences(text), &entities, &referents)
        .into_iter()
        .map(|c| (c.actor, c.actor_members))
        .collect()
}

#[test]
fn a_group_of_leaders_is_named_with_the_people_of_the_meeting() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
        ("Nairobi", EntityKind::Place, "KE"),
    ];
    let text = "Ruto met Rubio in Nairobi. The two leaders agreed to expand trade.";
    assert_eq!(
        actors_and_members(text, &names),
        [(
            "The two leaders (Ruto and Rubio)".to_string(),
            vec!["Ruto".to_string(), "Rubio".to_string()]
        )]
    );
    // Three people met: "the two leaders" are not clear and stay as written,
    // "the leaders" are all three.
    let text = "Ruto met Rubio and Biden in Nairobi. The two leaders agreed to expand trade.";
    assert_eq!(actors_of(text, &names), ["The two leaders"]);
    let text = "Ruto met Rubio and Biden in Nairobi. The leaders agreed to expand trade.";
    assert_eq!(
        actors_of(text, &names),
        ["The leaders (Ruto, Rubio and Biden)"]
    );
    // Offices joined by "and", one of them plural: three or more people.
    let text = "Rubio met Ruto and Biden in Nairobi. The Secretary and Presidents committed to \
                expanding trade.";
    assert_eq!(
        actors_of(text, &names),
        ["The Secretary and Presidents (Rubio, Ruto and Biden)"]
    );
    // With no meeting, no members.
    let text = "Ruto visited Nairobi. The two leaders agreed to expand trade.";
    assert_eq!(actors_of(text, &names), ["The two leaders"]);
}

#[test]
fn a_meeting_clause_ends_before_a_participle_naming_another_meeting() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Ruto", EntityKind::Person, "KE"),
        ("Biden", EntityKind::Person, "US"),
        ("Erdogan", EntityKind::Person, "TR"),
    ];
    let text = "Rubio met Ruto today, recalling the meeting of Biden with Erdogan. The leaders \
                agreed to expand trade.";
    assert_eq!(actors_of(text, &names), ["The leaders (Rubio and Ruto)"]);
}

#[test]
fn the_two_sides_are_the_countries_of_the_people_met() {
    let names = [
        ("Rubio", EntityKind::Person, "US"),
        ("Ruto", EntityKind::Person, "KE"),
        ("Kenya", EntityKind::Place, "KE"),
    ];
    let text = "Rubio met Ruto in Kenya. Both sides pledged to expand trade.";
    assert_eq!(
        actors_and_members(text, &names),
        [(
            "Both sides (United States and Kenya)".to_string(),
            vec!["United States".to_string(), "Kenya".to_string()]
        )]
    );
    // Two people of one country are not two sides.
    let names = [
        ("Rubio", EntityKind::Person, "KE"),
        ("Ruto", EntityKind::Person, "KE"),
    ];
    let text = "Rubio met Ruto in Kenya. Both sides pledged to expand trade.";
    assert_eq!(actors_of(text, &names), ["Both sides"]);
}

#[test]
fn office_holders_keep_their_titles_and_list_their_full_names() {
    let names = [
        ("Marco Rubio", EntityKind::Person, "US"),
        ("William Ruto", EntityKind::Person, "KE"),
    ];
    let mentions = [
        ("Marco Rubio", 0),
        ("William Ruto", 1),
        ("Rubio", 0),
        ("Ruto", 1),
    ];
    let text = "Secretary Marco Rubio met President William Ruto. Secretary Rubio and President \
                Ruto signed a trade pact.";
    let (entities, referents) = mentioned(text, &mentions, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<(&str, &[String])> = found
        .iter()
        .map(|c| (c.actor.as_str(), c.actor_members.as_slice()))
        .collect();
    let members = ["Marco Rubio".to_string(), "William Ruto".to_string()];
    assert_eq!(
        got,
        [(
            "Secretary Rubio and President Ruto (Marco Rubio and William Ruto)",
            &members[..]
        )]
    );
}

#[test]
fn they_naming_two_people_is_written_as_the_group_the_text_names_them_by() {
    let names = [
        ("Marco Rubio", EntityKind::Person, "US"),
        ("William Ruto", EntityKind::Person, "KE"),
    ];
    let mentions = [
        ("Marco Rubio", 0),
        ("William Ruto", 1),
        ("Rubio", 0),
        ("Ruto", 1),
    ];
    let text = "Marco Rubio spoke in Nairobi. William Ruto spoke too. They agreed to expand \
                trade. Secretary Rubio and President Ruto signed a pact.";
    let (entities, referents) = mentioned(text, &mentions, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    let group = "Secretary Rubio and President Ruto (Marco Rubio and William Ruto)";
    assert_eq!(got, [group, group]);
}

#[test]
fn a_country_the_body_names_only_by_its_people_is_written_as_the_title_writes_it() {
    let names = [("Erdogan", EntityKind::Person, "TR")];
    let text = "Erdogan said, \"We will open the bridge in May.\"";
    let (entities, referents) = named_entities(text, &names);
    let sentences = hand_sentences(text);
    let actors = |title: &str| -> Vec<String> {
        extract_titled(title, text, &sentences, &entities, &referents)
            .into_iter()
            .map(|c| c.actor)
            .collect()
    };
    assert_eq!(actors("Turkey's leader opens a bridge"), ["Turkey"]);
    // With no name in the title, the gazetteer's.
    assert_eq!(actors("A bridge opens"), ["Türkiye"]);
}

#[test]
fn an_organisation_named_short_is_the_one_whose_name_holds_its_words() {
    let names = [
        ("Kenya Railways Corporation", EntityKind::Org, "KE"),
        ("Kenya Railways", EntityKind::Org, "KE"),
    ];
    let mentions = [("Kenya Railways Corporation", 0), ("Kenya Railways", 1)];
    let text = "Kenya Railways Corporation cut fares on Monday. Kenya Railways will open a new \
                line in May.";
    let (entities, referents) = mentioned(text, &mentions, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(got, ["Kenya Railways Corporation"]);
    // Two names hold the words: it stays as written.
    let names = [
        ("Kenya Railways Corporation", EntityKind::Org, "KE"),
        ("Kenya Railways Union", EntityKind::Org, "KE"),
        ("Kenya Railways", EntityKind::Org, "KE"),
    ];
    let mentions = [
        ("Kenya Railways Corporation", 0),
        ("Kenya Railways Union", 1),
        ("Kenya Railways", 2),
    ];
    let text = "Kenya Railways Corporation and Kenya Railways Union met. Kenya Railways will \
                open a new line in May.";
    let (entities, referents) = mentioned(text, &mentions, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(got, ["Kenya Railways"]);
    // Names that hold one another: the longest.
    let names = [
        ("Kenya Railways Corporation", EntityKind::Org, "KE"),
        ("Kenya Railways", EntityKind::Org, "KE"),
        ("Railways", EntityKind::Org, "KE"),
    ];
    let mentions = [
        ("Kenya Railways Corporation", 0),
        ("Kenya Railways", 1),
        ("Railways", 2),
    ];
    let text = "Kenya Railways Corporation met. Kenya Railways cut fares. The Railways will \
                open a new line in May.";
    let (entities, referents) = mentioned(text, &mentions, &names);
    let found = extract(text, &hand_sentences(text), &entities, &referents);
    let got: Vec<&str> = found.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(got, ["Kenya Railways Corporation"]);
}

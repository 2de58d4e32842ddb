//! The government that issues a statement, read from its byline.
//!
//! A State Department release opens with a line naming who speaks for the
//! government ("Office of the Spokesperson", "Jane Doe, Spokesperson", "John
//! Doe, Secretary of State"); everything under it is that government's
//! statement, so the United States is a party to the story even when the text
//! names it once, among a dozen co-signers ("released by the Governments of
//! the United States of America, Argentina, ...").

use super::CountryCode;

/// A byline that is the office itself.
const OFFICES: &[&str] = &["Office of the Spokesman", "Office of the Spokesperson"];

/// The office after a name and a comma ("Jane Doe, Spokesperson").
const OFFICIALS: &[&str] = &[
    "Deputy Spokesperson",
    "Department Spokesperson",
    "Principal Deputy Spokesperson",
    "Secretary of State",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
];

/// A name before the office has at most this many words ("Thomas "Tommy"
/// Pigott", "Antony J. Blinken"); more is a sentence, not a byline.
const NAME_WORDS: usize = 4;

/// The country whose government issues `text`, when its first line is a
/// State Department byline.
pub fn issuer(text: &str) -> Option<CountryCode> {
    let first = text.trim_start().lines().next()?.trim();
    let byline = OFFICES.contains(&first)
        || first.rsplit_once(", ").is_some_and(|(name, office)| {
            OFFICIALS.contains(&office) && name.split_whitespace().count() <= NAME_WORDS
        });
    if byline { CountryCode::new("US") } else { None }
}

/// The country whose government issues a readout: the White House titles its
/// accounts of a leader's calls and meetings "Readout of ..." and names
/// itself in them (often only as the venue: "met ... at the White House"),
/// without a byline.
pub fn readout_issuer(title: &str, text: &str) -> Option<CountryCode> {
    let readout = title.trim_start().starts_with("Readout of ");
    if readout && text.contains("White House") {
        CountryCode::new("US")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issued(text: &str) -> Option<String> {
        issuer(text).map(|c| c.to_string())
    }

    #[test]
    fn a_spokesperson_byline_is_the_us_government() {
        let text = "Office of the Spokesperson\n\nThe ministers met in Lima.";
        assert_eq!(issued(text).as_deref(), Some("US"));
        let text = "Maria \"Mia\" Lopez, Spokesperson\n\nThe United States welcomes the vote.";
        assert_eq!(issued(text).as_deref(), Some("US"));
        let text = "Jane Q. Public, Secretary of State\n\nToday we announce new aid.";
        assert_eq!(issued(text).as_deref(), Some("US"));
    }

    #[test]
    fn a_story_opening_otherwise_has_no_issuer() {
        assert_eq!(
            issued("On Monday, the spokesperson said talks would resume."),
            None
        );
        let text = "The minister met her counterpart, the Spokesperson\n\nThey talked.";
        assert_eq!(issued(text), None);
        assert_eq!(issued(""), None);
    }

    #[test]
    fn a_white_house_readout_is_the_us_government() {
        let text = "The National Security Advisor met the Kenyan minister at the White House.";
        let of = |title| readout_issuer(title, text).map(|c| c.to_string());
        assert_eq!(
            of("Readout of the Meeting with Kenya's Minister").as_deref(),
            Some("US")
        );
        assert_eq!(of("Kenya's Minister Visits Washington"), None);
        let elsewhere = "The President met the Kenyan minister in Nairobi.";
        assert_eq!(readout_issuer("Readout of the Meeting", elsewhere), None);
    }
}

//! Country names for the front ends: code -> name, and a user's query -> code,
//! both from the gazetteer (`crate::nlp::gazetteer`).

use crate::nlp::CountryCode;
use crate::nlp::gazetteer::Gazetteer;

/// The country's common English name ("Azerbaijan"), when the gazetteer knows it.
pub fn country_name(code: CountryCode) -> Option<&'static str> {
    Gazetteer::get().country(code).map(|c| c.name)
}

/// The country a user means by `query`: an ISO code (2 or 3 letters), a name,
/// an alternate name or a demonym, case-insensitive ("az", "Azerbaijan",
/// "azerbaijani", "UK").
pub fn resolve_country(query: &str) -> Option<CountryCode> {
    let query = query.trim();
    Gazetteer::get()
        .resolve_country(query)
        .or_else(|| CountryCode::new(query).filter(|c| country_name(*c).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_codes_names_and_demonyms() {
        let az = CountryCode::new("AZ");
        for query in ["AZ", "az", " Azerbaijan ", "azerbaijani"] {
            assert_eq!(resolve_country(query), az, "{query}");
        }
        assert_eq!(resolve_country("Atlantis"), None);
        assert_eq!(resolve_country("QQ"), None);
        assert_eq!(az.and_then(country_name), Some("Azerbaijan"));
    }
}

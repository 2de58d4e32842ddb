//! Country names for the front ends: code -> name, and a user's query -> code.
//!
//! Backed by the gazetteer (`crate::nlp::gazetteer`) once its tables land;
//! until then only ISO codes are understood and no names are shown.

use crate::nlp::CountryCode;

/// The country's common English name, when the gazetteer knows it.
pub fn country_name(_code: CountryCode) -> Option<String> {
    None
}

/// The country a user means by `query`: an ISO code, or (with the gazetteer)
/// a name, alternate name or demonym. Case-insensitive.
pub fn resolve_country(query: &str) -> Option<CountryCode> {
    CountryCode::new(query.trim())
}

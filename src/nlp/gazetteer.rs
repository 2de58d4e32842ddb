//! Gazetteers: countries (names, demonyms, capitals) and cities.
//!
//! PLACEHOLDER until the generated tables land (issue 3).

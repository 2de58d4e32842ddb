//! Dates from outside (RFC 2822 feed dates, RFC 3339, plain days) to sortable ISO strings.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// A date in any common feed or header form as RFC 3339 (`2025-04-23T10:00:00+00:00`),
/// or a plain day (`2025-04-23`) when only the day is known. `None` if unparseable.
pub fn to_rfc3339(value: &str) -> Option<String> {
    let value = value.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(value) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, false));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(value) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, false));
    }
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    None
}

/// A UTC timestamp as RFC 3339 with second precision.
pub fn utc_rfc3339(date: &DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(
            to_rfc3339("Tue, 10 Jun 2003 04:00:00 GMT").as_deref(),
            Some("2003-06-10T04:00:00+00:00")
        );
        assert_eq!(
            to_rfc3339("2003-12-13T18:30:02Z").as_deref(),
            Some("2003-12-13T18:30:02+00:00")
        );
        assert_eq!(to_rfc3339("2003-12-13").as_deref(), Some("2003-12-13"));
        assert_eq!(to_rfc3339("soon"), None);
        assert_eq!(to_rfc3339(""), None);
    }
}

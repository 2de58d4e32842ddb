//! Timestamps for the cache: RFC 3339 UTC for rows, a compact form for file names.
//!
//! Computed from `SystemTime` with the civil-from-days algorithm (H. Hinnant),
//! so the crate needs no date library for this one job.

use std::time::{SystemTime, UNIX_EPOCH};

/// Broken-down UTC time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Utc {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

fn utc_from_unix(secs: i64) -> Utc {
    let days = secs.div_euclid(86_400);
    let in_day = secs.rem_euclid(86_400);
    // civil_from_days: days since 1970-01-01 to (year, month, day).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Utc {
        year,
        month: u32::try_from(month).unwrap_or(1),
        day: u32::try_from(day).unwrap_or(1),
        hour: u32::try_from(in_day / 3_600).unwrap_or(0),
        minute: u32::try_from(in_day % 3_600 / 60).unwrap_or(0),
        second: u32::try_from(in_day % 60).unwrap_or(0),
    }
}

fn now() -> Utc {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2))
        .unwrap_or(0);
    utc_from_unix(secs)
}

/// Now as `2026-11-28T12:38:23Z`.
pub(crate) fn now_rfc3339() -> String {
    let t = now();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// Now as `20261128T123823Z`, for names of files set aside.
pub(crate) fn now_compact() -> String {
    let t = now();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        let cases = [
            (0, (1970, 1, 1, 0, 0, 0)),
            (951_782_400, (2000, 2, 29, 0, 0, 0)),
            (1_745_406_245, (2025, 4, 23, 11, 4, 5)),
            (-1, (1969, 12, 31, 23, 59, 59)),
            (4_107_542_400, (2100, 3, 1, 0, 0, 0)),
        ];
        for (secs, (year, month, day, hour, minute, second)) in cases {
            assert_eq!(
                utc_from_unix(secs),
                Utc {
                    year,
                    month,
                    day,
                    hour,
                    minute,
                    second
                },
                "{secs}"
            );
        }
    }

    #[test]
    fn formats_have_fixed_shape() {
        let long = now_rfc3339();
        assert_eq!(long.len(), 20, "{long}");
        assert!(long.ends_with('Z') && long.as_bytes()[10] == b'T');
        let short = now_compact();
        assert_eq!(short.len(), 16, "{short}");
    }
}

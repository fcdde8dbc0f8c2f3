//! Dates as articles write them, read once and shown one way: `20 Nov 2019` whether the
//! article said `2019-11-20T11:06:01+05:30`, `November 20, 2019` or `Wed, 20 Nov 2019`.
//!
//! [`human_date`] is the one function that formats a date for people (the reader's list,
//! header and quote lists, and citations); [`date_key`] is the one that sorts them.
//! [`timestamp`] writes a moment in UTC (the log, export file names).

use crate::words::{MONTHS, capitalized};
use std::time::{SystemTime, UNIX_EPOCH};

/// `Nov` for month 11 (1 to 12).
fn short_month(month: u32) -> String {
    capitalized(&MONTHS[month as usize - 1][..3])
}

/// A date read from text: year, month and the day when the text gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

/// Reads a date as articles write it: ISO 8601 (`2024-03-02`, `2024-03-02T10:00Z`),
/// `March 2, 2024`, `2 March 2024`, `Mar. 2, 2024`, `Sat, 02 Mar 2024 10:00:00 +0000`,
/// `March 2024`. `None` when no month and year can be read.
pub fn parse_date(s: &str) -> Option<Ymd> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let year = s.get(0..4)?.parse().ok()?;
        let month: u32 = s.get(5..7)?.parse().ok()?;
        let day: u32 = s.get(8..10)?.parse().ok()?;
        return ((1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day)).then_some(
            Ymd {
                year,
                month,
                day: Some(day),
            },
        );
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let month = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| w.is_char_boundary(3) && w[..3] == m[..3])
            .map(|i| i as u32 + 1)
    })?;
    let nums: Vec<u32> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok())
        .collect();
    let year = *nums.iter().find(|n| (1000..=9999).contains(*n))? as i32;
    let day = nums
        .iter()
        .copied()
        .find(|n| (1..=days_in(year, month)).contains(n));
    Some(Ymd { year, month, day })
}

/// A sortable (year, month, day) of a date (day 1 when the text gives none).
pub fn date_key(s: &str) -> Option<(i32, u32, u32)> {
    parse_date(s).map(|d| (d.year, d.month, d.day.unwrap_or(1)))
}

/// The date for people: `20 Nov 2019`, `Nov 2019` without a day, else the text as written
/// (on one line, under the output policy).
pub fn human_date(s: &str) -> String {
    match parse_date(s) {
        Some(Ymd {
            year,
            month,
            day: Some(d),
        }) => format!("{d} {} {year}", short_month(month)),
        Some(Ymd { year, month, .. }) => format!("{} {year}", short_month(month)),
        None => crate::safe_text::one_line(s, 60),
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A moment as a UTC time stamp: `2026-11-24T19:05:21Z` (the log's lines, export file
/// names).
pub fn timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_dates() {
        use std::time::Duration;
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_709_251_199); // the day before 1 March 2024
        assert_eq!(timestamp(t), "2024-02-29T23:59:59Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_795_532_721);
        assert_eq!(timestamp(t), "2026-11-24T15:05:21Z");
    }

    #[test]
    fn every_written_form_reads_the_same() {
        for s in [
            "2019-11-20T11:06:01+05:30",
            "2019-11-20",
            "November 20, 2019",
            "Nov. 20, 2019",
            "20 November 2019",
            "Wed, 20 Nov 2019 11:06:01 +0530",
            "  20 nov 2019 ",
        ] {
            assert_eq!(human_date(s), "20 Nov 2019", "{s}");
        }
    }

    #[test]
    fn a_month_without_a_day_gets_no_day() {
        assert_eq!(human_date("March 2026"), "Mar 2026");
        assert_eq!(date_key("March 2026"), Some((2026, 3, 1)));
    }

    #[test]
    fn what_cannot_be_read_is_shown_as_written_and_safely() {
        assert_eq!(human_date("Tuesday"), "Tuesday");
        assert_eq!(human_date("2019-13-40"), "2019-13-40");
        assert_eq!(human_date("last\u{1b}[31m week"), "last\u{FFFD}[31m week");
        assert_eq!(date_key("Tuesday"), None);
    }

    #[test]
    fn sorts_by_the_date_not_the_text() {
        assert_eq!(date_key("2026-03-19T08:00:00Z"), Some((2026, 3, 19)));
        assert_eq!(date_key("Sept. 30, 2025"), Some((2025, 9, 30)));
        assert!(date_key("June 4, 2026") > date_key("May 30, 2026"));
        assert_eq!(date_key("29 Feb 2024"), Some((2024, 2, 29)));
    }
}

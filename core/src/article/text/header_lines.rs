//! The lines at the top of an article that are not its text: bylines (`By Ann Lee and Bo
//! Chen`), date lines (`March 3, 2024`) and wire datelines (`SEOUL (Reuters) –`). Shared by
//! the plain-text, Markdown and HTML loaders.

use crate::words::{MONTHS, WEEKDAYS};

const BYLINE_PREFIXES: &[&str] = &[
    "written by: ",
    "written by ",
    "by: ",
    "by ",
    "words by ",
    "story by ",
    "text by ",
    "posted by ",
    "author: ",
    "authors: ",
];

/// Outlets and job titles that follow a name in a byline ("By Ada Mensah, Reuters").
const BYLINE_NOISE: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "upi",
    "associated press",
    "the associated press",
    "bloomberg",
    "staff",
    "staff writer",
    "staff reporter",
];
const BYLINE_ROLE_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "staff",
];

/// Whether a part of a byline is an outlet or a job title rather than a name
/// (`Reuters`, `Staff Writer`, `CNN Editor-at-large`): a role word alone or leading a
/// hyphenated compound.
pub fn is_byline_role(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    BYLINE_NOISE.contains(&lower.as_str())
        || lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .any(|w| BYLINE_ROLE_WORDS.contains(&w))
}

/// `By Jane Doe and John Roe` / `Written by Jane Doe` → the names. Every part must look
/// like a name, so that a sentence starting with "By" is never taken for a byline.
pub fn parse_byline(line: &str) -> Option<Vec<String>> {
    parse_byline_and_date(line).map(|(names, _)| names)
}

/// Like [`parse_byline`], and also returns a date written after a separator
/// (`By Jane Doe | March 3, 2026`).
pub fn parse_byline_and_date(line: &str) -> Option<(Vec<String>, Option<String>)> {
    let line = line.trim();
    if line.chars().count() > 150 {
        return None;
    }
    let lower = line.to_lowercase();
    let rest = BYLINE_PREFIXES
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &line[p.len()..]))?;
    let mut pieces = rest.split(['|', '\u{2022}', '\u{00B7}', '\u{2014}', '\u{2013}']);
    let names_part = pieces.next().unwrap_or(rest);
    let date = pieces
        .map(str::trim)
        .find(|p| looks_like_date_line(p))
        .map(str::to_string);
    let mut names = Vec::new();
    for part in names_part
        .split([',', '&', ';'])
        .flat_map(|part| part.split(" and "))
    {
        let n = part.trim().trim_end_matches('.').trim();
        if n.is_empty() {
            continue;
        }
        if is_byline_role(n) {
            continue;
        }
        if !looks_like_name(n) {
            return None;
        }
        names.push(n.to_string());
    }
    (!names.is_empty()).then_some((names, date))
}

const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
    "bin", "bint", "al", "el", "la", "le", "y", "st.",
];

fn looks_like_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first_ok = capitalized(words[0]);
    let last_ok = words.last().is_some_and(|w| capitalized(w));
    let all_ok = words.iter().all(|w| {
        (capitalized(w) || NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    });
    let calendar = words.len() == 1 && is_calendar_word(&words[0].to_lowercase());
    first_ok && last_ok && all_ok && !calendar
}

fn is_month(w: &str) -> bool {
    MONTHS
        .iter()
        .any(|m| *m == w || (w.len() >= 3 && m.starts_with(w)) || w == "sept")
}

fn is_calendar_word(w: &str) -> bool {
    is_month(w)
        || WEEKDAYS
            .iter()
            .any(|d| *d == w || (w.len() >= 3 && d.starts_with(w)))
}

/// A line that is only a date, maybe with a time and a word such as "Published".
pub fn looks_like_date_line(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() || l.chars().count() > 80 {
        return false;
    }
    const FILLER: &[&str] = &[
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "date",
        "on",
        "at",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "et",
        "edt",
        "est",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "pt",
        "pst",
        "pdt",
        "t",
        "z",
    ];
    let mut year = false;
    let mut month = false;
    let mut iso_parts = 0;
    for tok in l
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | ':' | '-' | '|'))
        .filter(|t| !t.is_empty())
    {
        let t = tok.to_lowercase();
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[digits.len()..];
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "t" | "z") {
                return false;
            }
            if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
                year = true;
            }
            iso_parts += 1;
        } else if is_calendar_word(&t) {
            month |= is_month(&t);
        } else if !FILLER.contains(&t.as_str()) {
            return false;
        }
    }
    year && (month || iso_parts >= 3)
}

/// A dateline at the start of a paragraph: `SEOUL (Reuters) –`, `(Reuters) -`, `(CNN)`,
/// `WASHINGTON (AP) —`, or a capitalized place alone before a dash (`PORT HALDEN –`).
pub fn find_dateline(paragraph: &str) -> Option<String> {
    let head: String = paragraph.chars().take(80).collect();
    let is_dash = |c: char| matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':');
    if let Some(close) = head.find(')')
        && let Some(open) = head[..close].rfind('(')
    {
        let before = head[..open].trim();
        let agency = head[open + 1..close].trim();
        let after = head[close + 1..].trim_start();
        let agency_ok = !agency.is_empty()
            && agency.split_whitespace().count() <= 3
            && agency.chars().next().is_some_and(char::is_uppercase);
        let before_ok = before.is_empty()
            || (before.split_whitespace().count() <= 5
                && before
                    .split(',')
                    .next()
                    .is_some_and(|place| !place.chars().any(char::is_lowercase)));
        let after_ok = after.chars().next().is_some_and(is_dash)
            || (before.is_empty()
                && after.chars().next().is_some_and(char::is_uppercase)
                && !agency.chars().any(char::is_lowercase));
        if agency_ok && before_ok && after_ok {
            return Some(head[..=close].trim().to_string());
        }
    }
    // `PLACE – text`: a short run of capitals before a spaced dash, maybe followed by a
    // region or a date (`SEOUL, South Korea —`, `NEW YORK, March 3 —`).
    for dash in [" \u{2013} ", " \u{2014} ", " - ", " -- "] {
        if let Some(pos) = head.find(dash) {
            let place = head[..pos].trim();
            let mut parts = place.split(',').map(str::trim);
            let city = parts.next().unwrap_or("");
            let letters = city.chars().filter(|c| c.is_alphabetic()).count();
            let city_ok = letters >= 2
                && city.split_whitespace().count() <= 4
                && !city.chars().any(char::is_lowercase)
                && !city.chars().any(|c| c.is_ascii_digit());
            let rest_ok = parts.all(|part| {
                let words: Vec<&str> = part.split_whitespace().collect();
                !words.is_empty()
                    && words.len() <= 3
                    && words.iter().all(|w| {
                        w.chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    })
            });
            if city_ok && rest_ok && place.split_whitespace().count() <= 7 {
                return Some(place.to_string());
            }
            break;
        }
    }
    None
}

pub(super) fn is_year(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
}

//! Quoting someone without putting words in their mouth, and saying where it was read.
//!
//! [`cite`] is the one citation formatter (the reader's `y`, and any command that cites a
//! quote). Quoted words keep their quotation marks; reported speech is written as reported
//! speech (`Matt Taylor said that there are planned gatherings …`), never inside marks,
//! since the words are the writer's. The source follows: byline or outlet, title, a date
//! for people ([`crate::dates::human_date`]) and the source URL, or the file only when
//! nothing else says where the article came from. The result is one line under the
//! output policy ([`crate::safe_text`]).

use crate::article::Article;
use crate::extract::{Quote, QuoteKind};
use crate::words::capitalized;
use std::path::Path;

/// One quote as it is cited.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<'a> {
    pub kind: QuoteKind,
    /// The quote's words as the article has them (without quotation marks).
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    /// The verb or phrase of saying as written (`said`, `according to`, `told`).
    pub cue: Option<&'a str>,
    /// The article writes `that` right before reported words (`said that …`).
    pub after_that: bool,
}

impl<'a> Cited<'a> {
    /// Quote `q` of an article whose body is `body`.
    pub fn from_quote(body: &'a str, q: &'a Quote) -> Cited<'a> {
        let before = body.get(..q.span.start).unwrap_or("");
        let after_that = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("that"));
        Cited {
            kind: q.kind,
            text: body.get(q.span.clone()).unwrap_or(""),
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            after_that,
        }
    }
}

/// Where a quote was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source<'a> {
    pub title: &'a str,
    pub byline: &'a [String],
    /// A wire dateline (`SEOUL (Reuters)`): its agency is the outlet.
    pub dateline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The article's file, given only when nothing else says where it came from.
    pub path: Option<&'a Path>,
}

impl<'a> Source<'a> {
    pub fn of_article(a: &'a Article, path: Option<&'a Path>) -> Source<'a> {
        Source {
            title: &a.title,
            byline: &a.byline,
            dateline: a.dateline.as_deref(),
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            path,
        }
    }
}

/// The quote with its citation, on one line under the output policy:
/// `“We will rebuild the bridge” — Ana Ruiz; Jane Doe, “City to rebuild the river
/// bridge”, 2 Mar 2024, https://…` or `Ana Ruiz said the work would start in spring. —
/// Jane Doe, “City to …”, 2 Mar 2024, https://…`.
pub fn cite(q: &Cited, src: &Source) -> String {
    let mut out = quote_text(q);
    out.push_str(" — ");
    if q.kind != QuoteKind::Indirect {
        out.push_str(q.speaker.map_or("unattributed", str::trim));
        out.push_str("; ");
    }
    out.push_str(&source_text(src));
    crate::safe_text::clipboard(&out)
}

/// The quote alone: quoted words in quotation marks, reported speech as a sentence that
/// says who reported it.
pub fn quote_text(q: &Cited) -> String {
    let words = fold(q.text);
    if q.kind != QuoteKind::Indirect {
        // The comma that led into the attribution is not part of what was said.
        let words = words.trim_end_matches([',', ';', ':']).trim_end();
        return format!("\u{201C}{words}\u{201D}");
    }
    let mut words = words.trim_end_matches([',', ';', ':']).to_string();
    if !words.ends_with(['.', '!', '?', '…', '"', '\u{201D}']) {
        words.push('.');
    }
    let Some(speaker) = q.speaker.map(str::trim).filter(|s| !s.is_empty()) else {
        return format!("Reported, without a named source: {words}");
    };
    let cue = q.cue.map(fold).unwrap_or_default();
    let lower = cue.to_lowercase();
    if cue.is_empty() || lower.starts_with("according to") {
        return capitalized(&format!("according to {speaker}, {words}"));
    }
    let verb = past_tense(&cue);
    let that = if q.after_that { "that " } else { "" };
    capitalized(&format!("{speaker} {verb} {that}{words}"))
}

/// The source part of a citation: `Jane Doe, “Title”, 2 Mar 2024, https://…`.
pub fn source_text(src: &Source) -> String {
    let mut parts: Vec<String> = Vec::new();
    let outlet = src.dateline.and_then(agency).or_else(|| {
        src.byline
            .is_empty()
            .then(|| src.url.and_then(host))
            .flatten()
    });
    let names: Vec<String> = src
        .byline
        .iter()
        .map(|n| fold(n))
        .filter(|n| !n.is_empty())
        .collect();
    if !names.is_empty() {
        parts.push(and_list(&names));
    }
    if let Some(o) = &outlet {
        parts.push(o.clone());
    }
    let title = fold(src.title);
    if !title.is_empty() {
        parts.push(format!("\u{201C}{title}\u{201D}"));
    }
    if let Some(d) = src.date.filter(|d| !d.trim().is_empty()) {
        parts.push(crate::dates::human_date(d));
    }
    match src.url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => parts.push(u.to_string()),
        None if names.is_empty() && outlet.is_none() => {
            if let Some(p) = src.path {
                parts.push(p.display().to_string());
            }
        }
        None => {}
    }
    parts.join(", ")
}

/// Whitespace folded to single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `A`, `A and B`, `A, B and C`.
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The agency of a wire dateline: `SEOUL (Reuters)` → `Reuters`.
fn agency(dateline: &str) -> Option<String> {
    let open = dateline.rfind('(')?;
    let close = dateline[open..].find(')')? + open;
    let name = dateline[open + 1..close].trim();
    (!name.is_empty()).then(|| fold(name))
}

/// The site of a web address: `https://www.example.com/a` → `example.com`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// A cue that reads as a participle (`saying`, `adding`, `citing`) in the past tense, so the
/// reported sentence stands on its own; other cues as written.
fn past_tense(cue: &str) -> String {
    let (first, rest) = match cue.split_once(' ') {
        Some((f, r)) => (f, Some(r)),
        None => (cue, None),
    };
    let lower = first.to_lowercase();
    let verb = match lower.as_str() {
        "saying" => "said".to_string(),
        "telling" => "told".to_string(),
        "writing" => "wrote".to_string(),
        "adding" => "added".to_string(),
        w if w.len() > 5 && w.ends_with("ying") => format!("{}ied", &w[..w.len() - 4]),
        w if w.len() > 5 && w.ends_with("ing") => {
            let stem = &w[..w.len() - 3];
            if stem.ends_with('e') {
                format!("{stem}d")
            } else {
                format!("{stem}ed")
            }
        }
        _ => first.to_string(),
    };
    match rest {
        Some(r) => format!("{verb} {r}"),
        None => verb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited<'a>(kind: QuoteKind, text: &'a str, cue: Option<&'a str>) -> Cited<'a> {
        Cited {
            kind,
            text,
            speaker: Some("Matt Taylor"),
            cue,
            after_that: false,
        }
    }

    const BYLINE: &[&str] = &["Priya Nair"];

    fn source<'a>(byline: &'a [String]) -> Source<'a> {
        Source {
            title: "Climate marches planned",
            byline,
            dateline: None,
            date: Some("2019-11-20T11:06:01+05:30"),
            url: Some("https://news.example.com/climate"),
            path: Some(Path::new("/home/me/articles/a1fca19b884e.txt")),
        }
    }

    #[test]
    fn reported_speech_is_never_put_in_quotation_marks() {
        let mut q = cited(
            QuoteKind::Indirect,
            "there are planned gatherings across the country",
            Some("said"),
        );
        q.after_that = true;
        assert_eq!(
            quote_text(&q),
            "Matt Taylor said that there are planned gatherings across the country."
        );
        q.after_that = false;
        let t = quote_text(&q);
        assert_eq!(
            t,
            "Matt Taylor said there are planned gatherings across the country."
        );
        assert!(!t.contains(['\u{201C}', '\u{201D}', '"']), "{t}");
    }

    #[test]
    fn reported_speech_reads_as_a_sentence_whatever_the_cue() {
        let q = cited(
            QuoteKind::Indirect,
            "the plan was late",
            Some("according to"),
        );
        assert_eq!(
            quote_text(&q),
            "According to Matt Taylor, the plan was late."
        );
        let q = cited(QuoteKind::Indirect, "the plan was late", None);
        assert_eq!(
            quote_text(&q),
            "According to Matt Taylor, the plan was late."
        );
        let q = cited(QuoteKind::Indirect, "the plan was late", Some("saying"));
        assert_eq!(quote_text(&q), "Matt Taylor said the plan was late.");
        let q = cited(QuoteKind::Indirect, "higher fares", Some("citing"));
        assert_eq!(quote_text(&q), "Matt Taylor cited higher fares.");
        let q = cited(
            QuoteKind::Indirect,
            "jurors that it was late,",
            Some("told"),
        );
        assert_eq!(quote_text(&q), "Matt Taylor told jurors that it was late.");
        let mut q = cited(QuoteKind::Indirect, "it was late", Some("said"));
        q.speaker = None;
        assert_eq!(
            quote_text(&q),
            "Reported, without a named source: it was late."
        );
    }

    #[test]
    fn quoted_words_keep_their_marks() {
        let q = cited(QuoteKind::Direct, "We will  march,", Some("said"));
        assert_eq!(quote_text(&q), "\u{201C}We will march\u{201D}");
        let q = cited(QuoteKind::Partial, "a small price", Some("called"));
        assert_eq!(quote_text(&q), "\u{201C}a small price\u{201D}");
    }

    #[test]
    fn a_citation_names_speaker_byline_title_human_date_and_url() {
        let byline: Vec<String> = BYLINE.iter().map(|s| s.to_string()).collect();
        let q = cited(QuoteKind::Direct, "We will march,", Some("said"));
        assert_eq!(
            cite(&q, &source(&byline)),
            "\u{201C}We will march\u{201D} — Matt Taylor; Priya Nair, \u{201C}Climate marches \
             planned\u{201D}, 20 Nov 2019, https://news.example.com/climate"
        );
        let q = cited(QuoteKind::Indirect, "marches are planned", Some("said"));
        assert_eq!(
            cite(&q, &source(&byline)),
            "Matt Taylor said marches are planned. — Priya Nair, \u{201C}Climate marches \
             planned\u{201D}, 20 Nov 2019, https://news.example.com/climate"
        );
    }

    #[test]
    fn the_outlet_comes_from_the_wire_dateline_or_the_site() {
        let byline = vec!["Owen Hart".to_string(), "Lena Marsh".to_string()];
        let mut src = source(&byline);
        src.dateline = Some("SEOUL (Reuters)");
        assert!(
            source_text(&src).starts_with("Owen Hart and Lena Marsh, Reuters, "),
            "{}",
            source_text(&src)
        );
        let mut src = source(&[]);
        src.url = Some("https://www.example.org/x");
        assert!(source_text(&src).starts_with("example.org, \u{201C}"));
    }

    #[test]
    fn the_file_is_named_only_when_nothing_else_says_where_it_came_from() {
        let byline = vec!["Priya Nair".to_string()];
        let mut src = source(&byline);
        src.url = None;
        assert!(
            !source_text(&src).contains("a1fca19b884e"),
            "{}",
            source_text(&src)
        );
        let mut src = source(&[]);
        src.url = None;
        assert!(source_text(&src).ends_with("/home/me/articles/a1fca19b884e.txt"));
    }

    #[test]
    fn the_citation_is_one_safe_line() {
        let byline = vec!["x\u{1b}[201~\ntouch PWNED".to_string()];
        let q = cited(QuoteKind::Direct, "a\nb\u{7}", None);
        let c = cite(&q, &source(&byline));
        assert!(!c.chars().any(crate::safe_text::is_unsafe), "{c:?}");
    }
}

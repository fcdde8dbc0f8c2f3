//! Plain-text articles.
//!
//! - The first paragraph is the title only when it looks like a headline: one line, short,
//!   not ending like a sentence. Otherwise the file has no title line and all of it is body
//!   (many saved articles start straight with the first paragraph).
//! - Header lines right after the title become metadata: `By X` / `Written by X` (byline)
//!   and a line that is only a date. Scanning stops at the first real paragraph, so nothing
//!   later in the article is ever taken for a header.
//! - A wire dateline (`SEOUL (Reuters) –`, `(CNN)`, `PORT HALDEN –`) at the start of the
//!   first paragraph is recorded; the body keeps it.
//! - Page furniture at the end (comment prompts, share and follow lines, reporting credits,
//!   copyright, reprint notes) and standalone "Advertisement" lines go to
//!   [`Article::extra`](super::Article::extra), never the body.
//! - Paragraphs are separated by blank lines; lines inside a paragraph are joined.

use super::Article;
use crate::words::{MONTHS, WEEKDAYS};

/// A paragraph of the source: its text (wrapped lines joined) and its lines as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub lines: Vec<String>,
}

impl Para {
    fn line(line: &str) -> Para {
        Para {
            text: line.to_string(),
            lines: vec![line.to_string()],
        }
    }
}

/// Parses clean text (after [`hygiene`](super::hygiene)) into an article.
pub fn parse(text: &str) -> Article {
    let mut article = Article::default();
    let mut paragraphs = split_paragraphs(text);
    split_header_lines(&mut paragraphs);
    // The page's address saved above the article.
    while let Some(first) = paragraphs.first()
        && first.lines.len() == 1
        && let Some(url) = source_url(&first.text)
    {
        article.url.get_or_insert(url);
        article.extra.push(paragraphs.remove(0).text);
    }

    if let Some(first) = paragraphs.first()
        && first.lines.len() == 1
        && paragraphs.len() > 1
        && looks_like_headline(&first.text)
    {
        article.title = paragraphs.remove(0).text;
    }
    let mut paragraphs: Vec<String> = paragraphs.into_iter().map(|p| p.text).collect();
    take_header(&mut paragraphs, &mut article);
    take_furniture(&mut paragraphs, &mut article);
    if let Some(first) = paragraphs.first() {
        article.dateline = find_dateline(first);
    }
    article.set_paragraphs(&paragraphs);
    article
}

/// Lines longer than this inside a block mean the text is not hard-wrapped: each line is
/// then a paragraph of its own (text copied from a page, one paragraph per line).
const UNWRAPPED_LINE: usize = 100;

/// Splits text into paragraphs at blank lines, joining hard-wrapped lines with a space.
/// A block whose lines are not wrapped at a fixed width (a line other than the last is
/// longer than [`UNWRAPPED_LINE`] chars) is one paragraph per line.
pub fn split_paragraphs(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if !line.is_empty() {
            block.push(line);
            continue;
        }
        if block.is_empty() {
            continue;
        }
        let unwrapped = block.len() > 1
            && block[..block.len() - 1]
                .iter()
                .any(|l| l.chars().count() > UNWRAPPED_LINE);
        if unwrapped {
            out.extend(block.iter().map(|l| Para::line(l)));
        } else {
            out.push(Para {
                text: block.join(" "),
                lines: block.iter().map(|l| (*l).to_string()).collect(),
            });
        }
        block.clear();
    }
    out
}

/// How many paragraphs at the top may hold header lines (title, standfirst, byline, date).
const HEADER_PARAGRAPHS: usize = 3;

/// A line that is only a byline, a date or the source address.
fn is_header_line(line: &str) -> bool {
    parse_byline_and_date(line).is_some()
        || looks_like_date_line(line)
        || source_url(line).is_some()
}

/// The address in a line that is only a web address, maybe labelled (`Source: https://…`).
pub fn source_url(line: &str) -> Option<String> {
    let line = line.trim();
    let lower = line.to_ascii_lowercase();
    let start = [
        "source:",
        "url:",
        "link:",
        "originally published at",
        "original:",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map_or(0, |p| p.len());
    let rest = line[start..].trim();
    let rest = rest
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(rest);
    let is_url = (rest.starts_with("http://") || rest.starts_with("https://"))
        && rest.len() > 10
        && !rest.contains(char::is_whitespace);
    is_url.then(|| rest.to_string())
}

/// Header lines written without blank lines between them (`Headline` / `By X` /
/// `March 3, 2026` on consecutive lines) become paragraphs of their own, so the title,
/// byline and date are found as when they are separated by blank lines. Only the first
/// paragraphs are looked at, and only lines that are a byline or a date on their own (plus
/// a headline line right above them) are split off.
fn split_header_lines(paragraphs: &mut Vec<Para>) {
    let mut i = 0;
    while i < paragraphs.len().min(HEADER_PARAGRAPHS + 1) {
        let lines = &paragraphs[i].lines;
        if lines.len() < 2 {
            i += 1;
            continue;
        }
        let headline_first = i == 0 && looks_like_headline(&lines[0]) && is_header_line(&lines[1]);
        let skip = usize::from(headline_first);
        let header = skip
            + lines[skip..]
                .iter()
                .take_while(|l| is_header_line(l))
                .count();
        if header == 0 {
            i += 1;
            continue;
        }
        let lines = std::mem::take(&mut paragraphs[i].lines);
        let mut split: Vec<Para> = lines[..header].iter().map(|l| Para::line(l)).collect();
        if header < lines.len() {
            let rest = &lines[header..];
            split.push(Para {
                text: rest.join(" "),
                lines: rest.to_vec(),
            });
        }
        let n = split.len();
        paragraphs.splice(i..=i, split);
        i += n;
    }
}

/// Moves byline and date lines at the top of `paragraphs` into the article, stopping at
/// the first paragraph that is neither. A short standfirst (dek) may come before the
/// byline: it stays in the body, and the byline under it is still taken.
pub fn take_header(paragraphs: &mut Vec<String>, article: &mut Article) {
    let mut start = 0;
    if let Some(k) = paragraphs
        .iter()
        .take(3)
        .position(|p| parse_byline_and_date(p).is_some())
        && paragraphs[..k]
            .iter()
            .all(|p| p.split_whitespace().count() <= 50 && !looks_like_date_line(p))
    {
        start = k;
    }
    let mut taken = 0;
    while taken < 4 && start < paragraphs.len() {
        let p = &paragraphs[start];
        if let Some((names, date)) = parse_byline_and_date(p) {
            article.byline.extend(names);
            if article.date.is_none() {
                article.date = date;
            }
        } else if article.date.is_none() && looks_like_date_line(p) {
            article.date = Some(p.trim().to_string());
        } else if let Some(url) = source_url(p) {
            article.url.get_or_insert(url);
            article.extra.push(p.clone());
        } else {
            break;
        }
        paragraphs.remove(start);
        taken += 1;
    }
}

/// Moves page furniture out of the body: trailing junk paragraphs, and standalone
/// advertisement markers anywhere.
pub fn take_furniture(paragraphs: &mut Vec<String>, article: &mut Article) {
    // A comment section and everything after it (the comments, the comment form).
    let mut trailing: Vec<String> = match comment_section_start(paragraphs) {
        Some(k) => paragraphs.split_off(k).into_iter().rev().collect(),
        None => Vec::new(),
    };
    while let Some(last) = paragraphs.last() {
        if is_trailer(last) {
            trailing.push(paragraphs.pop().unwrap_or_default());
        } else {
            break;
        }
    }
    let mut kept = Vec::with_capacity(paragraphs.len());
    for p in paragraphs.drain(..) {
        if is_ad_marker(&p) {
            article.extra.push(p);
        } else {
            kept.push(p);
        }
    }
    *paragraphs = kept;
    trailing.reverse();
    if article.url.is_none() {
        article.url = trailing.iter().find_map(|p| source_url(p));
    }
    article.extra.extend(trailing);
}

/// Where a comment section starts: a heading such as "Leave a Reply", "3 thoughts on
/// <title>" or "Comments are closed." after the article. It must follow at least three
/// paragraphs or half of the text's paragraphs, so a "Leave a comment" link near the top
/// of a page never takes the article with it.
fn comment_section_start(paragraphs: &[String]) -> Option<usize> {
    let k = paragraphs.iter().position(|p| is_comment_heading(p))?;
    (k >= 3 || (k >= 1 && k * 2 >= paragraphs.len())).then_some(k)
}

/// The heading of a comment section.
pub fn is_comment_heading(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.split_whitespace().count() > 25 {
        return false;
    }
    let lower = normalized(p);
    if [
        "leave a reply",
        "leave a comment",
        "post a comment",
        "add a comment",
        "comments are closed",
        "your email address will not be published",
        "you must be logged in to post a comment",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
    {
        return true;
    }
    // "3 thoughts on <title>", "One response to <title>", "12 comments", "Comments (4)"
    let mut words = lower.split_whitespace();
    let count = words.next().unwrap_or("");
    let counted = count.chars().all(|c| c.is_ascii_digit())
        || matches!(count, "one" | "two" | "three" | "four" | "five");
    let noun = words.next().unwrap_or("");
    let next = words.next();
    (counted
        && matches!(
            noun,
            "thought"
                | "thoughts"
                | "response"
                | "responses"
                | "reply"
                | "replies"
                | "comment"
                | "comments"
        )
        && (next.is_none() || matches!(next, Some("on") | Some("to")) && !p.ends_with('.')))
        || (count == "comments" && noun.starts_with('(') && next.is_none())
}

/// A headline is short and does not end like a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let mut rev = line.chars().rev();
    let last = rev.next().unwrap_or('.');
    let before_last = rev.next().unwrap_or(' ');
    let sentence_end = match last {
        '.' | ',' | ';' | ':' | ')' => true,
        '"' | '\u{201D}' | '\u{2019}' | '\'' => matches!(before_last, '.' | ','),
        _ => false,
    };
    words > 0
        && words <= 30
        && line.chars().count() <= 200
        && !sentence_end
        && parse_byline(line).is_none()
        && find_dateline(line).is_none()
        && !looks_like_date_line(line)
}

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
        let nl = n.to_lowercase();
        if BYLINE_NOISE.contains(&nl.as_str())
            || nl
                .split_whitespace()
                .any(|w| BYLINE_ROLE_WORDS.contains(&w))
        {
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

/// Prefixes of page furniture that may follow an article. Only paragraphs without quoted
/// speech match (so "Follow the money," she said. stays body).
const TRAILER_STARTS: &[&str] = &[
    "share this",
    "share on ",
    "share:",
    "subscribe to ",
    "subscribe now",
    "subscribe for ",
    "sign up for our",
    "sign up for the",
    "sign up to our",
    "sign up to receive",
    "follow us",
    "click here",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "read more:",
    "read more ",
    "more:",
    "see also:",
    "disclaimer:",
    "this article has been adapted",
    "this article was originally",
    "this article originally",
    "this article was reprinted",
    "this article first appeared",
    "this article appeared",
    "this story was originally",
    "this story originally",
    "this story first appeared",
    "a version of this article",
    "a version of this story",
    "originally published",
    "tags:",
    "topics:",
    "filed under",
];

/// Standalone paragraphs that are furniture wherever they are.
const FURNITURE_LINES: &[&str] = &[
    "comments",
    "disclaimer",
    "related",
    "read more",
    "share",
    "share this",
    "share this article",
    "share this story",
    "leave a reply",
    "leave a comment",
];

/// Lines of share bars, tag lists and comment forms: furniture when they trail an article.
const TRAILER_LINES: &[&str] = &[
    "like this",
    "like loading",
    "cancel reply",
    "post comment",
    "submit comment",
    "comment",
    "name",
    "name *",
    "email",
    "email *",
    "website",
    "print",
    "copy link",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "telegram",
    "tumblr",
    "pocket",
    "mastodon",
    "bluesky",
    "threads",
];

/// Starts of short trailing lines written by blog software.
const TRAILER_LINE_STARTS: &[&str] = &[
    "posted in ",
    "tagged ",
    "categories:",
    "category:",
    "save my name, email, and website",
    "notify me of ",
    "this site uses akismet",
];

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "whatsapp",
    "tiktok",
    "youtube",
    "threads",
    "social media",
    "newsletter",
];

fn normalized(p: &str) -> String {
    p.trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase()
        .replace('\u{2019}', "'")
}

fn has_quote_marks(p: &str) -> bool {
    p.contains(['"', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{00BB}'])
}

/// A standalone "Advertisement"-style paragraph.
pub fn is_ad_marker(paragraph: &str) -> bool {
    matches!(
        normalized(paragraph).as_str(),
        "advertisement"
            | "advertisements"
            | "story continues below advertisement"
            | "article continues below advertisement"
            | "continue reading below"
            | "article continues below"
            | "scroll to continue with content"
            | "sponsored content"
    )
}

/// Page furniture that follows an article: comment prompts, share, follow and subscribe
/// lines, reporting credits, copyright lines, reprint and correction notes.
pub fn is_trailer(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.split_whitespace().count() > 70 {
        return false;
    }
    if source_url(p).is_some() {
        return true;
    }
    let lower = normalized(p);
    // Credits: "(Reporting by X; Editing by Y)", "Reporting by X in Seoul".
    let credit = lower.trim_start_matches(['(', '[']);
    if [
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
    ]
    .iter()
    .any(|s| credit.starts_with(s))
    {
        return true;
    }
    // Copyright.
    if lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.contains("all rights reserved")
        || (lower.starts_with("copyright")
            && (lower.contains('©') || lower.split_whitespace().nth(1).is_some_and(is_year)))
    {
        return true;
    }
    // Comment prompts.
    if [
        "leave a reply",
        "leave a comment",
        "your email address will not be published",
        "required fields are marked",
        "comments are closed",
        "you must be logged in to post a comment",
        "join the conversation",
    ]
    .iter()
    .any(|s| lower.contains(s))
    {
        return true;
    }
    // Corrections and editor's notes appended to the story.
    if [
        "correction:",
        "correction added",
        "corrections:",
        "clarification:",
        "editor's note:",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
    {
        return true;
    }
    if has_quote_marks(p) {
        return false;
    }
    if FURNITURE_LINES.contains(&lower.as_str())
        || TRAILER_LINES.contains(&lower.as_str())
        || TRAILER_STARTS.iter().any(|s| lower.starts_with(s))
    {
        return true;
    }
    if p.split_whitespace().count() <= 25
        && TRAILER_LINE_STARTS.iter().any(|s| lower.starts_with(s))
    {
        return true;
    }
    // "Follow NBC Latino on Facebook, Twitter and Instagram."
    lower.starts_with("follow ")
        && lower.split_whitespace().count() <= 20
        && SOCIAL.iter().any(|s| lower.contains(s))
}

fn is_year(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
}

#[cfg(test)]
mod tests;

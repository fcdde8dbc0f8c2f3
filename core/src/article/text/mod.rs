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

mod header_lines;
mod trailer;

use super::Article;
pub use header_lines::{
    find_dateline, is_byline_role, looks_like_date_line, parse_byline, parse_byline_and_date,
};
use trailer::comment_section_start;
pub use trailer::{is_ad_marker, is_comment_heading, is_trailer};

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

#[cfg(test)]
mod tests;

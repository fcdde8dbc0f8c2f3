//! Plain-text articles.
//!
//! - The first non-empty line is the title when it looks like a headline (short, not a
//!   sentence); otherwise the file has no title line and the whole text is body.
//! - `By X` / `Written by X` lines near the top become the byline.
//! - A wire dateline (`SEOUL (Reuters) –`) at the start of the first paragraph is recorded.
//! - Page junk at the end (comment prompts, share lines, reporting credits, copyright)
//!   goes to [`Article::extra`](super::Article::extra), not the body.
//! - Paragraphs are separated by blank lines; lines inside a paragraph are joined.

use super::Article;

/// Parses clean text (after [`hygiene`](super::hygiene)) into an article.
pub fn parse(text: &str) -> Article {
    let mut article = Article::default();
    let mut paragraphs = split_paragraphs(text);

    if let Some(first) = paragraphs.first()
        && looks_like_headline(first)
    {
        article.title = paragraphs.remove(0);
    }

    // Byline lines in the first few paragraphs.
    let mut i = 0;
    while i < paragraphs.len().min(4) {
        if let Some(names) = parse_byline(&paragraphs[i]) {
            article.byline.extend(names);
            paragraphs.remove(i);
        } else if looks_like_date_line(&paragraphs[i]) && article.date.is_none() {
            article.date = Some(paragraphs.remove(i));
        } else {
            i += 1;
        }
    }

    // Trailing junk.
    while let Some(last) = paragraphs.last() {
        if is_trailer(last) {
            let junk = paragraphs.pop().unwrap_or_default();
            article.extra.insert(0, junk);
        } else {
            break;
        }
    }

    if let Some(first) = paragraphs.first() {
        article.dateline = find_dateline(first);
    }
    article.set_paragraphs(&paragraphs);
    article
}

/// Splits text into paragraphs at blank lines, joining wrapped lines with a space.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A headline is short and does not end like a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.trim_end().chars().last().unwrap_or('.');
    words > 0
        && words <= 30
        && line.chars().count() <= 200
        && !matches!(last, '.' | ',' | ';' | '"' | '\u{201D}' | '\u{2019}' | ')')
        && parse_byline(line).is_none()
        && find_dateline(line).is_none()
}

/// `By Jane Doe and John Roe` / `Written by Jane Doe` → the names.
pub fn parse_byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > 120 {
        return None;
    }
    let lower = line.to_lowercase();
    let rest = ["written by ", "by ", "words by ", "story by "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &line[p.len()..]))?;
    // Drop a trailing "| Reuters", ", Reuters" or date after a separator.
    let rest = rest.split(['|', '\u{2022}']).next().unwrap_or(rest);
    let names: Vec<String> = rest
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().trim_end_matches('.').trim().to_string())
        .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 5)
        .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (!names.is_empty()).then_some(names)
}

fn looks_like_date_line(line: &str) -> bool {
    let l = line.trim();
    if l.chars().count() > 60 {
        return false;
    }
    let lower = l.to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let has_month = months.iter().any(|m| lower.contains(m));
    let has_year = l
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let iso = l.len() >= 10 && l.as_bytes()[4] == b'-' && l.as_bytes()[7] == b'-';
    has_year && (has_month || iso)
}

/// `SEOUL (Reuters) –` / `WASHINGTON (AP) —` / `(Reuters) -` at the start of a paragraph.
pub fn find_dateline(paragraph: &str) -> Option<String> {
    let head: String = paragraph.chars().take(80).collect();
    let close = head.find(')')?;
    let open = head[..close].rfind('(')?;
    let before = head[..open].trim();
    let agency = head[open + 1..close].trim();
    if agency.is_empty() || agency.split_whitespace().count() > 3 {
        return None;
    }
    // The place before the agency is written in capitals (or absent).
    if !before.is_empty()
        && (before.chars().any(|c| c.is_lowercase()) || before.split_whitespace().count() > 4)
    {
        return None;
    }
    let after = head[close + 1..].trim_start();
    let dash = after.chars().next()?;
    if !matches!(dash, '-' | '\u{2013}' | '\u{2014}' | ':') {
        return None;
    }
    Some(head[..=close].trim().to_string())
}

const TRAILER_STARTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "share this",
    "share on",
    "subscribe",
    "sign up for",
    "follow us",
    "follow ",
    "click here",
    "related:",
    "read more",
    "(reporting by",
    "(additional reporting",
    "(editing by",
    "(writing by",
    "reporting by",
    "editing by",
    "©",
    "copyright",
    "all rights reserved",
    "this article has been adapted",
    "this article was originally published",
    "comments",
    "advertisement",
];

/// Page furniture that follows an article: comment prompts, share and subscribe lines,
/// reporting credits, copyright lines.
pub fn is_trailer(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.chars().count() > 300 {
        return false;
    }
    let lower = p.to_lowercase();
    TRAILER_STARTS.iter().any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Ministers weigh a new harbour tax\n\n\nBy Ada Mensah and Tom Reyes\n\nLISBON (Wirepost) \u{2013} Ministers met on Monday.\n\n\u{201C}It is fair,\u{201D} said Rui Costa.\n\n(Reporting by Ada Mensah; Editing by Li Wei)\n\nLeave A Reply\n\nYour email address will not be published.";

    #[test]
    fn title_byline_dateline_and_trailer() {
        let a = parse(SAMPLE);
        assert_eq!(a.title, "Ministers weigh a new harbour tax");
        assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
        assert_eq!(a.dateline.as_deref(), Some("LISBON (Wirepost)"));
        assert!(a.body.starts_with("LISBON (Wirepost)"));
        assert!(a.body.ends_with("said Rui Costa."));
        assert_eq!(a.extra.len(), 3);
    }

    #[test]
    fn no_title_when_first_line_is_a_sentence() {
        let a = parse("The council voted on Monday to close the bridge.\n\nIt reopens in May.");
        assert_eq!(a.title, "");
        assert!(a.body.starts_with("The council voted"));
    }

    #[test]
    fn wrapped_lines_join() {
        let a = parse("Title here\n\nOne line\nwrapped here.\n\nTwo.");
        assert_eq!(a.body, "One line wrapped here.\n\nTwo.");
    }

    #[test]
    fn written_by() {
        assert_eq!(
            parse_byline("Written by Josh Smith"),
            Some(vec!["Josh Smith".to_string()])
        );
        assert_eq!(
            parse_byline("By the way, this is a sentence that goes on"),
            None
        );
    }
}

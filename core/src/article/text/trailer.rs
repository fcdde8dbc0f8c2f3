//! Page furniture around an article's text: comment sections, share and follow lines,
//! reporting credits, copyright and reprint notes at the end, and standalone
//! "Advertisement" lines. Shared by the plain-text and Markdown loaders.

use super::header_lines::is_year;
use super::source_url;

/// Where a comment section starts: a heading such as "Leave a Reply", "3 thoughts on
/// <title>" or "Comments are closed." after the article. It must follow at least three
/// paragraphs or half of the text's paragraphs, so a "Leave a comment" link near the top
/// of a page never takes the article with it.
pub(super) fn comment_section_start(paragraphs: &[String]) -> Option<usize> {
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

//! Articles: the in-memory model and the loaders that read them from disk.
//!
//! The body is a single string of paragraphs separated by one blank line (`"\n\n"`).
//! Every span produced by extraction is a byte range into [`Article::body`]; the JSON
//! output converts them to character (Unicode scalar) offsets.

pub mod email;
pub mod epub;
pub mod feed;
pub mod html;
pub mod hygiene;
pub mod load;
pub mod markdown;
pub mod mbox;
pub mod mhtml;
pub mod newsboat;
pub mod text;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Paragraph separator inside [`Article::body`].
pub const PARAGRAPH_BREAK: &str = "\n\n";

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// A web page saved as one MIME file (`.mhtml`, `.mht`).
    Mhtml,
    /// An e-mail message (`.eml`, a Maildir's files).
    Email,
    /// Many e-mail messages in one file (`.mbox`, a file named `mbox`).
    Mbox,
    /// A saved RSS or Atom feed (`.rss`, `.atom`, `.xml`): its items with content.
    Feed,
    /// An EPUB book (`.epub`): its chapters.
    Epub,
    /// newsboat's cache (`cache.db`): its items with content.
    Newsboat,
}

impl Format {
    /// Whether a file of this format holds several articles, each named by a key.
    pub fn holds_many(self) -> bool {
        matches!(
            self,
            Format::Mbox | Format::Feed | Format::Epub | Format::Newsboat
        )
    }
}

/// One saved article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    /// Author names, without "By".
    pub byline: Vec<String>,
    /// A wire dateline such as `SEOUL (Reuters)`, when the body starts with one.
    pub dateline: Option<String>,
    /// Publication date as written or as ISO 8601, when known.
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Language tag, when known (HTML pages).
    pub language: Option<String>,
    /// The publication or sender, when the file names one apart from the byline (the
    /// mailing list or sender of a newsletter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The article body: paragraphs joined by [`PARAGRAPH_BREAK`].
    pub body: String,
    /// Lines that came with the file but are not the article (credits, comment prompts,
    /// share lines). Kept so nothing is lost, never shown as body.
    pub extra: Vec<String>,
}

impl Article {
    /// Builds the body from paragraphs (trimmed, empty ones dropped).
    pub fn set_paragraphs<I, S>(&mut self, paragraphs: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut body = String::new();
        for p in paragraphs {
            let p = p.as_ref().trim();
            if p.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str(PARAGRAPH_BREAK);
            }
            body.push_str(p);
        }
        self.body = body;
    }

    /// Gives an article without a title one: its first sentence, shortened by words to
    /// about [`TITLE_FROM_BODY_CHARS`] characters with an ellipsis; or, with no body, one
    /// made from its file name (`harbour-tax_vote.txt` -> `Harbour tax vote`), cleaned
    /// like file content. A file name such as `a1fca19b884e.txt` says nothing, so the
    /// body comes first.
    pub fn ensure_title(&mut self, path: &std::path::Path) {
        if !self.title.is_empty() {
            return;
        }
        if let Some(title) = self.title_from_body() {
            self.title = title;
            return;
        }
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        // A file name is as hostile as file content: the same hygiene, and one line.
        let name = hygiene::clean(&name);
        let stem = name.split('.').next().unwrap_or(&name);
        let words = stem.replace(['-', '_'], " ");
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        self.title = crate::words::capitalized(&words);
    }

    /// The first sentence of the body (after a wire dateline), on one line, without its
    /// final full stop; cut by words with `…` when longer than [`TITLE_FROM_BODY_CHARS`].
    fn title_from_body(&self) -> Option<String> {
        let mut first = self.body.split(PARAGRAPH_BREAK).next()?.trim();
        if let Some(d) = self.dateline.as_deref()
            && let Some(rest) = first.strip_prefix(d)
        {
            let rest = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':')
            });
            if !rest.is_empty() {
                first = rest;
            }
        }
        let mut sentence: Vec<&str> = Vec::new();
        for word in first.split_whitespace() {
            sentence.push(word);
            if ends_sentence(word) {
                break;
            }
        }
        if sentence.is_empty() {
            return None;
        }
        let whole = sentence.join(" ");
        if whole.chars().count() <= TITLE_FROM_BODY_CHARS {
            let title = match whole.strip_suffix('.') {
                Some(t) if !t.ends_with('.') && !t.is_empty() => t.to_string(),
                _ => whole,
            };
            return Some(title);
        }
        let mut title = String::new();
        for word in &sentence {
            let len = title.chars().count() + usize::from(!title.is_empty());
            if len + word.chars().count() > TITLE_FROM_BODY_CHARS - 1 {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(word);
        }
        if title.is_empty() {
            // One word longer than a title: cut it by characters.
            title = whole.chars().take(TITLE_FROM_BODY_CHARS - 1).collect();
        }
        let title = title.trim_end_matches([',', ';', ':', '-', '\u{2013}', '\u{2014}']);
        Some(format!("{title}\u{2026}"))
    }
    /// Byte ranges of the paragraphs of the body.
    pub fn paragraph_ranges(&self) -> Vec<Range<usize>> {
        paragraph_ranges(&self.body)
    }
}

/// The longest title made from a body's first sentence, in characters (with its `…`).
pub const TITLE_FROM_BODY_CHARS: usize = 80;

/// Whether a word ends a sentence: it ends with `.`, `!` or `?` (maybe inside closing
/// quotes or brackets) and is not an initial or an abbreviation (`J.`, `Mr.`, `U.S.`).
fn ends_sentence(word: &str) -> bool {
    let bare = word.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']']);
    if bare.ends_with(['!', '?']) {
        return true;
    }
    let Some(stem) = bare.strip_suffix('.') else {
        return false;
    };
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "maj",
        "sgt", "prof", "jr", "sr", "no", "inc", "co", "corp", "ltd", "vs", "etc", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres",
    ];
    let letters = stem.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', '(']);
    let initial = letters.chars().count() == 1;
    !(letters.is_empty()
        || initial
        || letters.contains('.')
        || ABBREVIATIONS.contains(&letters.to_lowercase().as_str()))
}

/// Byte ranges of the paragraphs of a body built with [`PARAGRAPH_BREAK`].
pub fn paragraph_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(pos) = body[start..].find(PARAGRAPH_BREAK) {
        out.push(start..start + pos);
        start += pos + PARAGRAPH_BREAK.len();
    }
    if start < body.len() {
        out.push(start..body.len());
    }
    out
}

/// A warning met while loading a file that did not stop it from loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadWarning(pub String);

/// The result of loading one file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub article: Article,
    pub format: Format,
    pub warnings: Vec<LoadWarning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_from_file_name_only_when_missing() {
        let mut a = Article::default();
        a.ensure_title(std::path::Path::new("dir/harbour-tax_vote.html.gz"));
        assert_eq!(a.title, "Harbour tax vote");
        a.ensure_title(std::path::Path::new("other.txt"));
        assert_eq!(a.title, "Harbour tax vote");
    }

    #[test]
    fn a_title_from_a_hostile_file_name_is_clean_text_on_one_line() {
        let mut a = Article::default();
        a.ensure_title(std::path::Path::new(
            "lib/x\u{1b}[201~\ntouch PWNED\n\u{7f}\u{9b}31m\u{202e}note.txt",
        ));
        assert!(
            !a.title.chars().any(crate::safe_text::is_unsafe),
            "{:?}",
            a.title
        );
        assert_eq!(a.title, "X touch PWNED note");
    }

    #[test]
    fn a_text_without_a_headline_takes_its_title_from_its_first_sentence() {
        let path = std::path::Path::new("lib/a1fca19b884e.txt");
        let mut a = Article::default();
        a.set_paragraphs([
            "The council voted on Monday to close the bridge. It reopens in May.",
            "More.",
        ]);
        a.ensure_title(path);
        assert_eq!(a.title, "The council voted on Monday to close the bridge");

        // Abbreviations and initials do not end the sentence; a dateline is not part of it.
        let mut a = Article {
            dateline: Some("SEOUL (Reuters)".into()),
            ..Article::default()
        };
        a.set_paragraphs([
            "SEOUL (Reuters) \u{2013} Mr. Kim met U.S. envoys on Friday. Talks went on.",
        ]);
        a.ensure_title(path);
        assert_eq!(a.title, "Mr. Kim met U.S. envoys on Friday");

        // A long sentence is shortened by words, with an ellipsis.
        let mut a = Article::default();
        a.set_paragraphs([
            "Tariffs on steel and aluminium imported from China, Canada and the European \
             Union will rise sharply next month, officials in three capitals confirmed \
             late on Tuesday night.",
        ]);
        a.ensure_title(path);
        assert!(a.title.chars().count() <= 81, "{:?}", a.title);
        assert!(a.title.ends_with('\u{2026}'), "{:?}", a.title);
        assert!(
            a.title
                .starts_with("Tariffs on steel and aluminium imported from China, Canada and"),
            "{:?}",
            a.title
        );
        let cut = a.title.trim_end_matches('\u{2026}');
        assert!(
            a.body.starts_with(cut) && a.body[cut.len()..].starts_with(' '),
            "cut at a word boundary: {:?}",
            a.title
        );

        // A question keeps its mark; a sentence over several lines becomes one line.
        let mut a = Article::default();
        a.set_paragraphs(["Who pays\nfor the bridge? Nobody knows."]);
        a.ensure_title(path);
        assert_eq!(a.title, "Who pays for the bridge?");
    }

    #[test]
    fn paragraphs_join_and_split() {
        let mut a = Article::default();
        a.set_paragraphs(["  One. ", "", "Two."]);
        assert_eq!(a.body, "One.\n\nTwo.");
        let r = a.paragraph_ranges();
        assert_eq!(r.len(), 2);
        assert_eq!(&a.body[r[1].clone()], "Two.");
    }
}

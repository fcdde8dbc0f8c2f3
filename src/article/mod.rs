//! Articles: the in-memory model and the loaders that read them from disk.
//!
//! The body is a single string of paragraphs separated by one blank line (`"\n\n"`).
//! Every span produced by extraction is a byte range into [`Article::body`]; the JSON
//! output converts them to character (Unicode scalar) offsets.

pub mod html;
pub mod hygiene;
pub mod load;
pub mod markdown;
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

    /// Gives an article without a title one made from its file name
    /// (`harbour-tax_vote.txt` -> `Harbour tax vote`), cleaned like file content.
    pub fn ensure_title(&mut self, path: &std::path::Path) {
        if !self.title.is_empty() {
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
        let mut chars = words.chars();
        self.title = match chars.next() {
            Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
            None => String::new(),
        };
    }

    /// Byte ranges of the paragraphs of the body.
    pub fn paragraph_ranges(&self) -> Vec<Range<usize>> {
        paragraph_ranges(&self.body)
    }
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
    fn paragraphs_join_and_split() {
        let mut a = Article::default();
        a.set_paragraphs(["  One. ", "", "Two."]);
        assert_eq!(a.body, "One.\n\nTwo.");
        let r = a.paragraph_ranges();
        assert_eq!(r.len(), 2);
        assert_eq!(&a.body[r[1].clone()], "Two.");
    }
}

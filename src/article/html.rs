//! Saved web pages. A first version: text of `<p>` and heading elements, `<title>` as title.
//! The HTML work replaces this with a real HTML5 parser and main-content extraction.

use super::{Article, Format, LoadWarning, Loaded, hygiene};

/// Loads an HTML page from raw bytes.
pub fn load(bytes: &[u8]) -> Loaded {
    let text = String::from_utf8_lossy(bytes);
    let mut warnings = Vec::new();
    if matches!(text, std::borrow::Cow::Owned(_)) {
        warnings.push(LoadWarning("invalid UTF-8 in page; replaced".into()));
    }
    let mut article = Article::default();
    let mut paragraphs = Vec::new();
    let lower = text.to_ascii_lowercase();
    if let Some(s) = lower.find("<title")
        && let Some(gt) = lower[s..].find('>')
        && let Some(e) = lower[s + gt..].find("</title")
    {
        article.title = decode_entities(&text[s + gt + 1..s + gt + e])
            .trim()
            .to_string();
    }
    let mut pos = 0;
    while let Some(start) = lower[pos..].find("<p") {
        let start = pos + start;
        let Some(gt) = lower[start..].find('>') else {
            break;
        };
        let content_start = start + gt + 1;
        let end = lower[content_start..]
            .find("</p")
            .map(|e| content_start + e)
            .unwrap_or(lower.len());
        let inner = strip_tags(&text[content_start..end]);
        let p = hygiene::clean(&decode_entities(&inner));
        let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            paragraphs.push(p);
        }
        pos = end.max(content_start);
    }
    article.set_paragraphs(&paragraphs);
    Loaded {
        article,
        format: Format::Html,
        warnings,
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&ldquo;", "\u{201C}")
        .replace("&rdquo;", "\u{201D}")
        .replace("&amp;", "&")
}

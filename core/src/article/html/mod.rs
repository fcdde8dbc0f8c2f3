//! Saved web pages (`.html`, `.htm`, `.html.gz`).
//!
//! - [`charset`]: the page's encoding (BOM, `<meta charset>`, http-equiv, UTF-8, windows-1252);
//! - [`prescan`]: a linear pass that leaves out script/style/SVG contents and comments and
//!   caps pathological nesting before parsing;
//! - [`dom`]: an arena DOM built by html5ever's HTML5 tree builder (iterative walks only);
//! - [`meta`]: title, byline, date, URL and language from JSON-LD, OpenGraph, `<meta>`,
//!   `<time>`, the canonical link and `<html lang>`;
//! - [`extract`] (with `classes`, the class/id vocabulary): the article's paragraphs without
//!   menus, banners, related links, comments; headings, list items and quotes as paragraphs.
//!
//! Measured on the 61 saved pages of the dev set (`../shared/eval/run html`): F1 0.984;
//! `cargo bench --bench html` gives the pages/s.

pub mod charset;
mod classes;
pub mod dom;
pub mod extract;
pub mod meta;
pub mod prescan;

use super::{Article, Format, LoadWarning, Loaded, hygiene};
use extract::BlockKind;

/// Loads an HTML page from raw bytes.
pub fn load(bytes: &[u8]) -> Loaded {
    let mut warnings = Vec::new();
    let (text, enc, _source, bad) = charset::decode(bytes);
    if bad {
        warnings.push(LoadWarning(format!(
            "malformed {} byte sequences in page; replaced",
            enc.name()
        )));
    }
    load_text(text, warnings)
}

/// Loads a page already decoded to text (its container named the charset, as MHTML
/// does), adding to the warnings met on the way.
pub fn load_text(text: String, mut warnings: Vec<LoadWarning>) -> Loaded {
    let text = super::hygiene::compose(text);
    let (text, depth) = prescan::slim(&text);
    if depth > prescan::MAX_DEPTH {
        warnings.push(LoadWarning(format!(
            "page nests deeper than {} elements; the extra tags were ignored",
            prescan::MAX_DEPTH
        )));
    }
    let dom = dom::parse(&text);
    drop(text);
    let meta = meta::read(&dom);
    let blocks = extract::extract(&dom, meta.is_article);

    let title = match (&meta.title, &meta.doc_title) {
        (Some(t), _) => t.clone(),
        (None, Some(d)) => page_title(d, &blocks),
        (None, None) => String::new(),
    };
    let title = match &meta.site_name {
        Some(site) => strip_site_name(&title, site),
        None => title,
    };
    // Metadata comes from attributes a hostile page can make megabytes long.
    let field = |s: &str, max: usize| clean_line(clip(s, max));
    let mut article = Article {
        title: field(&title, MAX_TITLE),
        byline: meta.byline.iter().take(20).map(|b| field(b, 200)).collect(),
        date: meta.date.as_deref().map(|d| field(d, 100)),
        url: meta.url.as_deref().map(|u| field(u, 4096)),
        language: meta.language.as_deref().map(|l| field(l, 64)),
        ..Article::default()
    };
    // No title in the metadata: the page's first <h1> is the title (and leaves the body).
    if article.title.is_empty()
        && let Some(h) = blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading(1)))
    {
        article.title = clean_line(clip(&h.text, MAX_TITLE));
    }
    let titles: Vec<String> = [
        meta.title.as_deref(),
        meta.doc_title.as_deref(),
        Some(article.title.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(normalize)
    .collect();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut at_top = true;
    for (i, b) in blocks.iter().enumerate() {
        // The headline repeated at the top of the body is the title, not body text.
        if matches!(b.kind, BlockKind::Heading(_)) && i < 5 && is_title(&b.text, &titles) {
            continue;
        }
        let text = clean_line(&b.text);
        // A byline or date line above the first paragraph is metadata, not body text.
        if at_top && i < 5 && b.kind == BlockKind::Paragraph {
            if let Some((names, date)) = super::text::parse_byline_and_date(&text) {
                if article.byline.is_empty() {
                    article.byline = names;
                }
                if article.date.is_none() {
                    article.date = date;
                }
                continue;
            }
            if super::text::looks_like_date_line(&text) {
                if article.date.is_none() {
                    article.date = Some(text);
                }
                continue;
            }
        }
        at_top &= matches!(b.kind, BlockKind::Heading(_));
        paragraphs.push(text);
    }
    article.set_paragraphs(&paragraphs);
    if article.body.is_empty() {
        warnings.push(LoadWarning("the page has no readable text".into()));
    }
    Loaded {
        article,
        format: Format::Html,
        warnings,
    }
}

const MAX_TITLE: usize = 1000;

/// The first `max` bytes of `s`, cut on a character boundary.
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// One line of clean text: no control characters, whitespace collapsed.
fn clean_line(s: &str) -> String {
    let c = hygiene::clean(s);
    let mut out = String::with_capacity(c.len());
    dom::push_collapsed(&mut out, &c);
    out.trim().to_string()
}

/// The headline from a `<title>`: the page's `<h1>` when the title contains it, else the
/// title without a trailing " | Site name" (or " – ", " — ", " - ") part.
fn page_title(doc_title: &str, blocks: &[extract::Block]) -> String {
    let whole = normalize(doc_title);
    if let Some(h1) = blocks
        .iter()
        .take(5)
        .find(|b| matches!(b.kind, BlockKind::Heading(1)))
    {
        let h = normalize(&h1.text);
        if !h.is_empty() && whole.contains(&h) {
            return h1.text.clone();
        }
    }
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = doc_title.rsplit_once(sep)
            && head.chars().count() > tail.chars().count()
        {
            return head.trim().to_string();
        }
    }
    doc_title.to_string()
}

const TITLE_SEPARATORS: [&str; 5] = [" | ", " \u{2013} ", " \u{2014} ", " - ", " :: "];

/// "Headline | Site" or "Site | Headline" -> "Headline", when the site's name is known.
fn strip_site_name(title: &str, site: &str) -> String {
    let site = normalize(site);
    if site.is_empty() {
        return title.to_string();
    }
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && normalize(tail) == site
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && normalize(head) == site
            && !tail.trim().is_empty()
        {
            return tail.trim().to_string();
        }
    }
    title.to_string()
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_title(heading: &str, titles: &[String]) -> bool {
    let h = normalize(heading);
    !h.is_empty()
        && titles
            .iter()
            .any(|t| !t.is_empty() && (t == &h || t.contains(&h) && h.len() * 2 >= t.len()))
}

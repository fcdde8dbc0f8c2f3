//! EPUB books (`.epub`), as read-later services and Calibre export them: each chapter of the
//! spine is an article, titled from the table of contents (EPUB 3 `nav`, else EPUB 2 NCX),
//! with the book's author, date and publisher (else title) as fallbacks for a chapter that
//! names none. Chapters are keyed by their path inside the book. The cover, the table of
//! contents itself and chapters outside the reading order (`linear="no"`) or with almost
//! no text are not articles.
//!
//! Bounded: at most `max_bytes` are decompressed in all (a zip bomb stops there) and at
//! most [`MAX_CHAPTERS`] chapters are read.

use super::hygiene::one_line;
use super::{Article, Format, hygiene};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::Read;

/// The most chapters read from one book.
pub const MAX_CHAPTERS: usize = 10_000;

/// A chapter with less text than this (in characters) is no article (a cover, a title
/// page).
const MIN_CHAPTER_CHARS: usize = 200;

/// One chapter of a book, before it is loaded.
#[derive(Debug)]
pub struct Chapter {
    /// The chapter's path inside the book.
    pub key: String,
    /// The chapter's XHTML.
    pub bytes: Vec<u8>,
    /// Its title from the table of contents.
    pub meta: Article,
    /// The book's author, date and publisher (or title), for a chapter without its own.
    pub fallback: Article,
}

type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// The chapters of a book, in reading order.
pub fn split(bytes: &[u8], max_bytes: u64) -> Result<Vec<Chapter>, hygiene::HygieneError> {
    let not = |why: String| hygiene::HygieneError::NotFormat(format!("not an EPUB ({why})"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| not(format!("not a readable zip archive: {e}")))?;
    let mut budget = max_bytes;
    let container = read(&mut zip, "META-INF/container.xml", &mut budget)?
        .ok_or_else(|| not("no META-INF/container.xml".into()))?;
    let opf_path = first_attr(&container, "rootfile", "full-path")
        .ok_or_else(|| not("no rootfile in META-INF/container.xml".into()))?;
    let opf = read(&mut zip, &opf_path, &mut budget)?
        .ok_or_else(|| not(format!("no package document {opf_path}")))?;
    let package = Package::parse(&opf);
    let base = dir_of(&opf_path);

    // Titles from the table of contents, by chapter path.
    let mut titles: HashMap<String, String> = HashMap::new();
    let nav = package
        .manifest
        .values()
        .find(|m| m.nav)
        .map(|m| m.href.clone());
    let ncx = package
        .toc
        .as_ref()
        .and_then(|id| package.manifest.get(id))
        .map(|m| m.href.clone());
    for (href, is_nav) in nav
        .map(|h| (h, true))
        .into_iter()
        .chain(ncx.map(|h| (h, false)))
    {
        let path = join(&base, &href);
        if let Some(doc) = read(&mut zip, &path, &mut budget)? {
            for (target, label) in toc_entries(&doc, is_nav) {
                let target = join(&dir_of(&path), &target);
                titles.entry(target).or_insert(label);
            }
        }
    }

    let fallback = Article {
        byline: package.creators.clone(),
        date: package.date.clone(),
        outlet: package.publisher.clone().or_else(|| package.title.clone()),
        ..Article::default()
    };
    let mut chapters = Vec::new();
    let mut paths = std::collections::HashSet::new();
    let mut keys: HashMap<String, usize> = HashMap::new();
    for idref in package.spine.iter().take(MAX_CHAPTERS) {
        let Some(item) = package.manifest.get(idref) else {
            continue;
        };
        if item.nav || !(item.media_type.contains("html") || item.media_type.is_empty()) {
            continue;
        }
        let path = join(&base, &item.href);
        // A chapter listed twice in the spine is one article.
        if !paths.insert(path.clone()) {
            continue;
        }
        let Some(xhtml) = read(&mut zip, &path, &mut budget)? else {
            continue;
        };
        if super::feed::text_chars(&String::from_utf8_lossy(&xhtml)) < MIN_CHAPTER_CHARS {
            continue;
        }
        let title = titles.get(&path).cloned().unwrap_or_default();
        // Two paths that clean to the same key ("a b", "a_b") get `~2`, `~3`, ….
        let key = clean_key(&path);
        let n = keys.entry(key.clone()).or_insert(0);
        *n += 1;
        let key = if *n == 1 { key } else { format!("{key}~{n}") };
        chapters.push(Chapter {
            key,
            bytes: xhtml,
            meta: Article {
                title: one_line(&title, 1000),
                ..Article::default()
            },
            fallback: fallback.clone(),
        });
    }
    Ok(chapters)
}

/// The format a chapter is loaded in.
pub const CHAPTER_FORMAT: Format = Format::Html;

/// Reads one entry, within what is left of the budget; `None` when the book has no such
/// entry.
fn read(
    zip: &mut Archive<'_>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, hygiene::HygieneError> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    let read = entry.take(*budget + 1).read_to_end(&mut out);
    if read.is_err() {
        return Err(hygiene::HygieneError::NotFormat(format!(
            "not an EPUB ({name} cannot be read: the archive is damaged)"
        )));
    }
    if out.len() as u64 > *budget {
        return Err(hygiene::HygieneError::NotFormat(
            "the book's decompressed size is over the limit (limits.max_file_bytes)".into(),
        ));
    }
    *budget -= out.len() as u64;
    Ok(Some(out))
}

#[derive(Debug, Default)]
struct ManifestItem {
    href: String,
    media_type: String,
    nav: bool,
}

/// What the package document (OPF) says.
#[derive(Debug, Default)]
struct Package {
    title: Option<String>,
    creators: Vec<String>,
    date: Option<String>,
    publisher: Option<String>,
    manifest: HashMap<String, ManifestItem>,
    spine: Vec<String>,
    /// The NCX's manifest id (EPUB 2).
    toc: Option<String>,
}

impl Package {
    fn parse(opf: &[u8]) -> Package {
        let text = String::from_utf8_lossy(opf);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut p = Package::default();
        let mut field: Option<(String, String)> = None;
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name().as_ref().to_ascii_lowercase();
                    let attr = |key: &str| attr(&e, key);
                    match name.as_str() {
                        "item" => {
                            if let (Some(id), Some(href)) = (attr("id"), attr("href")) {
                                let props = attr("properties").unwrap_or_default();
                                let item = ManifestItem {
                                    href: percent_decode(&href),
                                    media_type: attr("media-type").unwrap_or_default(),
                                    nav: props.split_whitespace().any(|p| p == "nav"),
                                };
                                p.manifest.insert(id, item);
                            }
                        }
                        "itemref" if attr("linear").as_deref() != Some("no") => {
                            if let Some(id) = attr("idref") {
                                p.spine.push(id);
                            }
                        }
                        "spine" => p.toc = attr("toc"),
                        "title" | "creator" | "date" | "publisher" => {
                            field = Some((name, String::new()));
                        }
                        _ => {}
                    }
                }
                Event::Text(t) => {
                    if let Some((_, v)) = field.as_mut() {
                        v.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some((_, v)) = field.as_mut() {
                        push_ref(v, &r);
                    }
                }
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_ascii_lowercase();
                    if let Some((_, value)) = field.take_if(|(f, _)| *f == name) {
                        let value = one_line(&value, 300);
                        if value.is_empty() {
                            continue;
                        }
                        match name.as_str() {
                            "title" => {
                                p.title.get_or_insert(value);
                            }
                            "creator" if p.creators.len() < 20 => p.creators.push(value),
                            "date" => {
                                p.date.get_or_insert(value);
                            }
                            "publisher" => {
                                p.publisher.get_or_insert(value);
                            }
                            _ => {}
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        p
    }
}

/// (target, label) of each entry of an EPUB 3 `nav` (its `toc` nav, else its first) or an
/// NCX `navMap`.
fn toc_entries(doc: &[u8], is_nav: bool) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(doc);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = Vec::new();
    // Nav: inside the toc <nav>, each <a href>label</a>. NCX: each navPoint's text, then
    // its <content src>.
    let mut in_toc = !is_nav;
    let mut navs = 0;
    let mut label: Option<String> = None;
    let mut target: Option<String> = None;
    let mut pending_label = String::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if is_nav && name == "nav" {
                    navs += 1;
                    let kind = attr(&e, "type").unwrap_or_default();
                    in_toc =
                        kind.split_whitespace().any(|k| k == "toc") || navs == 1 && kind.is_empty();
                }
                if in_toc && is_nav && name == "a" {
                    target = attr(&e, "href");
                    label = Some(String::new());
                }
                if in_toc && !is_nav && name == "text" {
                    label = Some(String::new());
                }
                if in_toc
                    && !is_nav
                    && name == "content"
                    && let Some(src) = attr(&e, "src")
                    && !pending_label.is_empty()
                {
                    out.push((
                        percent_decode(strip_fragment(&src)),
                        std::mem::take(&mut pending_label),
                    ));
                }
            }
            Event::Text(t) => {
                if let Some(l) = label.as_mut() {
                    l.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(l) = label.as_mut() {
                    push_ref(l, &r);
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if is_nav && name == "a" {
                    if let (Some(t), Some(l)) = (target.take(), label.take()) {
                        out.push((percent_decode(strip_fragment(&t)), one_line(&l, 1000)));
                    }
                } else if !is_nav && name == "text" {
                    if let Some(l) = label.take() {
                        pending_label = one_line(&l, 1000);
                    }
                } else if is_nav && name == "nav" {
                    in_toc = false;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if out.len() > MAX_CHAPTERS * 4 {
            break;
        }
    }
    out
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case(key))
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The first `attribute` of an element named `element` in an XML document.
fn first_attr(doc: &[u8], element: &str, attribute: &str) -> Option<String> {
    let text = String::from_utf8_lossy(doc);
    let mut reader = quick_xml::Reader::from_str(&text);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref().eq_ignore_ascii_case(element) =>
            {
                if let Some(v) = attr(&e, attribute) {
                    return Some(v);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
    None
}

fn push_ref(v: &mut String, r: &quick_xml::events::BytesRef<'_>) {
    match r.resolve_char_ref() {
        Ok(Some(c)) => v.push(c),
        _ => match quick_xml::escape::resolve_xml_entity(r) {
            Some(s) => v.push_str(s),
            None => {
                v.push('&');
                v.push_str(r);
                v.push(';');
            }
        },
    }
}

fn strip_fragment(href: &str) -> &str {
    href.split('#').next().unwrap_or(href)
}

/// `%20` and friends in an href.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = b.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(h), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The folder of a path inside the book (`OEBPS/content.opf` -> `OEBPS`).
fn dir_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// `base` + `href`, with `.` and `..` resolved (never above the book's root).
fn join(base: &str, href: &str) -> String {
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in href.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// A key from a path inside the book: printable ASCII without `#` (other characters as
/// `_`), at most 300 bytes.
fn clean_key(path: &str) -> String {
    let mut key: String = path
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '#' {
                c
            } else {
                '_'
            }
        })
        .collect();
    key.truncate(300);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_book() {
        assert_eq!(join("OEBPS", "text/ch1.xhtml"), "OEBPS/text/ch1.xhtml");
        assert_eq!(join("OEBPS/text", "../images/a.png"), "OEBPS/images/a.png");
        assert_eq!(join("", "../../etc/passwd"), "etc/passwd");
        assert_eq!(percent_decode("ch%201.xhtml"), "ch 1.xhtml");
        assert_eq!(clean_key("OEBPS/ch 1#x.xhtml"), "OEBPS/ch_1_x.xhtml");
    }
}

//! Saved RSS and Atom feeds (`.rss`, `.atom`, `.xml`): each item (RSS `<item>`, Atom
//! `<entry>`) with content (`content:encoded`, Atom `<content>`) or a summary of at least
//! [`MIN_SUMMARY_CHARS`] characters is an article; shorter items are links, not articles.
//!
//! The item's title is the title, its author (`dc:creator`, `<author>`, Atom
//! `<author><name>`) the byline, its date (`pubDate`, `published`, `dc:date`, else
//! `updated`) the date, its link the source URL and the feed's title the outlet; the content
//! goes through the HTML path. Items are keyed by `guid` / Atom `id`, else their link, else a
//! hash of the item. The XML is read with quick-xml as a stream: no DTD is read and no
//! entity other than XML's five and character references is expanded (an undefined one
//! stays as written), so an entity bomb ("billion laughs") stays the size it is.

use super::{Article, Format, hygiene};
use quick_xml::events::Event;
use std::collections::HashMap;

/// A summary shorter than this (in characters of text) makes no article.
pub const MIN_SUMMARY_CHARS: usize = 400;

/// The longest key taken from a guid, id or link, in bytes.
const MAX_KEY: usize = 300;

/// One item of a feed, before its content is loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    pub key: String,
    /// Title, byline, date, URL and outlet (the feed's title); no body.
    pub meta: Article,
    /// The content, as HTML (or text for Atom `type="text"`).
    pub content: String,
    pub format: Format,
}

/// The articles of a feed, in document order.
pub fn split(bytes: &[u8]) -> Result<Vec<FeedItem>, hygiene::HygieneError> {
    if let Some(kind) = hygiene::binary_page(bytes) {
        return Err(hygiene::HygieneError::Binary(kind));
    }
    let text = decode(bytes);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut stack: Vec<String> = Vec::new();
    let mut feed_title = String::new();
    let mut is_feed = false;
    let mut item: Option<Fields> = None;
    let mut items = Vec::new();
    // The field being read: which, the element that closes it, the text so far.
    let mut field: Option<(Field, String, String)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) if is_feed => break, // a cut or broken feed: the items read so far
            Err(e) => {
                return Err(hygiene::HygieneError::NotFormat(format!(
                    "not an RSS or Atom feed ({e})"
                )));
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e.local_name().as_ref());
                if matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel") {
                    is_feed = true;
                }
                if !empty && is_item(&name) && item.is_none() {
                    item = Some(Fields::default());
                }
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::default())
                                .ok()
                                .map(|v| v.into_owned())
                        })
                };
                let parent = stack.last().map(String::as_str);
                if let Some(f) = item.as_mut() {
                    if name == "link" && f.link.is_empty() {
                        let rel = attr("rel").unwrap_or_default();
                        if let Some(href) = attr("href")
                            && (rel.is_empty() || rel == "alternate")
                        {
                            f.link = href;
                        }
                    }
                    if !empty && name == "content" && parent.is_some_and(is_item) {
                        let kind = attr("type").unwrap_or_default();
                        if kind == "xhtml" {
                            // The content is markup: take it as it is written.
                            if let Ok(span) = reader.read_to_end(e.name()) {
                                let (s, t) = (span.start as usize, span.end as usize);
                                f.content = text.get(s..t).unwrap_or("").to_string();
                                f.content_text = false;
                            }
                            continue;
                        }
                        f.content_text = kind == "text";
                    }
                    match field.as_mut() {
                        // Atom's <author><name>: the name alone, not the e-mail after it.
                        Some((Field::Author, element, value)) if name == "name" && !empty => {
                            *element = name.clone();
                            value.clear();
                        }
                        Some(_) => {}
                        None if !empty => {
                            if let Some(which) = Field::of(&name, parent) {
                                field = Some((which, name.clone(), String::new()));
                            }
                        }
                        None => {}
                    }
                } else if !empty
                    && field.is_none()
                    && name == "title"
                    && parent.is_some_and(|p| p == "channel" || p == "feed")
                {
                    field = Some((Field::FeedTitle, name.clone(), String::new()));
                }
                if !empty && stack.len() < 256 {
                    stack.push(name);
                }
            }
            Event::End(e) => {
                let name = local(e.local_name().as_ref());
                if let Some((which, _, value)) = field.take_if(|(_, el, _)| *el == name) {
                    match which {
                        Field::FeedTitle => feed_title = value,
                        _ => {
                            if let Some(f) = item.as_mut() {
                                f.set(which, value);
                            }
                        }
                    }
                }
                if is_item(&name)
                    && let Some(f) = item.take()
                {
                    items.push(f);
                }
                if stack.last() == Some(&name) {
                    stack.pop();
                }
            }
            Event::Text(t) => {
                if let Some((_, _, v)) = field.as_mut() {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, _, v)) = field.as_mut() {
                    v.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, _, v)) = field.as_mut() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => v.push(c),
                        _ => match quick_xml::escape::resolve_xml_entity(&r) {
                            Some(s) => v.push_str(s),
                            None => {
                                v.push('&');
                                v.push_str(&r);
                                v.push(';');
                            }
                        },
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !is_feed {
        return Err(hygiene::HygieneError::NotFormat(
            "not an RSS or Atom feed (no <rss>, <feed> or <channel>)".into(),
        ));
    }
    let outlet = hygiene::one_line(&feed_title, 300);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for f in items {
        let Some(item) = f.into_item(&outlet) else {
            continue;
        };
        let n = seen.entry(item.key.clone()).or_insert(0);
        *n += 1;
        let key = if *n == 1 {
            item.key.clone()
        } else {
            format!("{}~{n}", item.key)
        };
        out.push(FeedItem { key, ..item });
    }
    Ok(out)
}

fn is_item(name: &str) -> bool {
    name == "item" || name == "entry"
}

fn local(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// The item fields read from the feed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Title,
    Link,
    Id,
    Published,
    Updated,
    Author,
    Content,
    Summary,
    FeedTitle,
}

impl Field {
    /// The field an element inside an item starts, given its parent.
    fn of(name: &str, parent: Option<&str>) -> Option<Field> {
        if !parent.is_some_and(is_item) {
            return None;
        }
        Some(match name {
            "title" => Field::Title,
            "link" => Field::Link,
            "guid" | "id" => Field::Id,
            "pubdate" | "published" | "date" | "issued" => Field::Published,
            "updated" | "modified" => Field::Updated,
            "creator" | "author" => Field::Author,
            "encoded" | "content" => Field::Content,
            "description" | "summary" => Field::Summary,
            _ => return None,
        })
    }
}

#[derive(Debug, Default)]
struct Fields {
    title: String,
    link: String,
    id: String,
    published: String,
    updated: String,
    author: String,
    content: String,
    content_text: bool,
    summary: String,
}

impl Fields {
    fn set(&mut self, which: Field, value: String) {
        let slot = match which {
            Field::Title => &mut self.title,
            Field::Link => &mut self.link,
            Field::Id => &mut self.id,
            Field::Published => &mut self.published,
            Field::Updated => &mut self.updated,
            Field::Author => &mut self.author,
            Field::Content => &mut self.content,
            Field::Summary => &mut self.summary,
            Field::FeedTitle => return,
        };
        if slot.trim().is_empty() {
            *slot = value;
        }
    }

    fn into_item(self, outlet: &str) -> Option<FeedItem> {
        let (content, text) = if !self.content.trim().is_empty() {
            (self.content, self.content_text)
        } else if text_chars(&self.summary) >= MIN_SUMMARY_CHARS {
            (self.summary, false)
        } else {
            return None;
        };
        let link = hygiene::one_line(&self.link, 4096);
        let key = clean_key(&self.id)
            .or_else(|| clean_key(&link))
            .unwrap_or_else(|| {
                let hash = blake3::hash(format!("{}\n{content}", self.title).as_bytes());
                format!("h{}", &hash.to_hex()[..16])
            });
        let date = [&self.published, &self.updated]
            .into_iter()
            .map(|d| hygiene::one_line(d, 100))
            .find(|d| !d.is_empty());
        let meta = Article {
            title: hygiene::one_line(&self.title, 1000),
            byline: author_name(&self.author).into_iter().collect(),
            date,
            url: (link.starts_with("http://") || link.starts_with("https://")).then_some(link),
            outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
            ..Article::default()
        };
        Some(FeedItem {
            key,
            meta,
            content,
            format: if text { Format::Text } else { Format::Html },
        })
    }
}

/// The characters of text in a piece of HTML (tags left out, a run of whitespace counted
/// once), roughly.
pub(crate) fn text_chars(html: &str) -> usize {
    let mut n = 0;
    let mut in_tag = false;
    let mut space = true;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                n += usize::from(!space);
                space = true;
            }
            _ => {
                n += 1;
                space = false;
            }
        }
    }
    n
}

/// A person's name from an RSS `<author>` (`jane@example.com (Jane Doe)`) or a plain name.
fn author_name(author: &str) -> Option<String> {
    let a = hygiene::one_line(author, 300);
    let name = match (a.find('('), a.rfind(')')) {
        (Some(open), Some(close)) if open < close => a[open + 1..close].trim().to_string(),
        _ => a,
    };
    (!name.is_empty() && !name.contains('@')).then_some(name)
}

/// A key from an id or link: printable ASCII without `#`, at most [`MAX_KEY`] bytes.
fn clean_key(s: &str) -> Option<String> {
    let mut key: String = s
        .trim()
        .chars()
        .filter(|c| c.is_ascii_graphic() && *c != '#')
        .collect();
    key.truncate(MAX_KEY);
    (!key.is_empty()).then_some(key)
}

/// Whether the start of a file opens an RSS, RDF or Atom feed: its first element (after
/// the declaration, comments and any DOCTYPE) is `rss`, `rdf:RDF` or `feed`. For `.xml`
/// files, a name that feeds share with sitemaps, settings and office documents.
pub fn opens_as_feed(head: &[u8]) -> bool {
    let text = decode(head);
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = local(e.local_name().as_ref());
                return matches!(name.as_str(), "rss" | "rdf" | "feed");
            }
            Ok(Event::Eof) => return false,
            // Text before the first element: not XML at all.
            Ok(Event::Text(t)) if !t.as_ref().trim().is_empty() => return false,
            // No element yet: the head may end inside the first tag (`<rss version=…`).
            Err(_) => {
                let Some(at) = text.rfind('<') else {
                    return false;
                };
                let name: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
                    .collect();
                let name = local(name.rsplit(':').next().unwrap_or(""));
                return matches!(name.as_str(), "rss" | "rdf" | "feed");
            }
            Ok(_) => {}
        }
    }
}

/// The feed's text: a byte order mark, else the XML declaration's `encoding`, else UTF-8
/// (invalid sequences replaced).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"<?xml")
        && let Some(end) = head.iter().position(|&b| b == b'>')
    {
        let decl = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
        if let Some(at) = decl.find("encoding") {
            let rest = decl[at + 8..].trim_start_matches([' ', '=', '"', '\'']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .collect();
            if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes())
                && enc != encoding_rs::UTF_16LE
                && enc != encoding_rs::UTF_16BE
            {
                return enc.decode_without_bom_handling(bytes).0.into_owned();
            }
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_whose_first_element_is_a_feed_open_as_one() {
        let feeds: [&[u8]; 5] = [
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>",
            b"<!-- exported --><feed xmlns=\"http://www.w3.org/2005/Atom\">",
            b"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss>",
            b"<rdf:RDF xmlns:rdf=\"x\"><channel>",
            b"\xef\xbb\xbf<?xml-stylesheet href=\"s.xsl\"?><rss",
        ];
        for head in feeds {
            assert!(opens_as_feed(head), "{}", String::from_utf8_lossy(head));
        }
        // A head that ends inside the root element's tag.
        assert!(opens_as_feed(
            b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3"
        ));
        let others: [&[u8]; 6] = [
            b"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/",
            b"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/\"><url>",
            b"<settings><feed>not the root</feed></settings>",
            b"<!-- <rss> in a comment --><config/>",
            b"plain text that mentions <rss",
            b"",
        ];
        for head in others {
            assert!(!opens_as_feed(head), "{}", String::from_utf8_lossy(head));
        }
    }
}

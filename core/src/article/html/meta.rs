//! Page metadata: title, byline, date, source URL and language from JSON-LD, OpenGraph,
//! `<meta>` tags, `<time>`, the canonical link and `<html lang>`.
//!
//! Precedence (first found wins): JSON-LD article object, OpenGraph / article:* properties,
//! plain `<meta name>` tags, then markup (`<time>`, `<title>`, `<html lang>`).

use super::dom::{Dom, NodeKind, is_invisible_tag, push_collapsed};
use serde_json::Value;

/// Metadata found in a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The page's `<title>` text (used to recognize the headline in the body).
    pub doc_title: Option<String>,
    pub site_name: Option<String>,
    /// The page says it is an article (JSON-LD article type or `og:type` article).
    pub is_article: bool,
}

#[derive(Default)]
struct Sources {
    ld: Meta,
    og: Meta,
    named: Meta,
    markup: Meta,
}

/// Reads every metadata source of the page.
pub fn read(dom: &Dom) -> Meta {
    let mut s = Sources::default();
    let mut time_seen = false;
    let mut times_looked_at = 0;
    let mut byline_at = None;
    for id in dom.descendants(Dom::ROOT) {
        if !dom.is_element(id) {
            continue;
        }
        if byline_at.is_none() && is_byline_element(dom, id) {
            let names = visible_names(&dom.text(id));
            if !names.is_empty() {
                byline_at = Some(id);
                s.markup.byline = names;
            }
        }
        match &**dom.tag(id) {
            "html" => {
                if let Some(l) = dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang")) {
                    set(&mut s.markup.language, l);
                }
            }
            "title" => set(&mut s.markup.doc_title, &dom.text(id)),
            "meta" => read_meta_tag(dom, id, &mut s),
            "link" => {
                let rel = dom.attr(id, "rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(h) = dom.attr(id, "href")
                    && is_absolute_url(h)
                {
                    set(&mut s.markup.url, h);
                }
            }
            "script" => {
                let ty = dom.attr(id, "type").unwrap_or("");
                if ty.trim().eq_ignore_ascii_case("application/ld+json") {
                    read_json_ld(&script_text(dom, id), &mut s.ld);
                }
            }
            "time" if !time_seen && times_looked_at < MAX_TIMES => {
                times_looked_at += 1;
                if let Some(d) = dom.attr(id, "datetime")
                    && !d.trim().is_empty()
                    && !in_other_stories(dom, id)
                {
                    time_seen = true;
                    set(&mut s.markup.date, d);
                }
            }
            _ => {
                if dom.attr(id, "itemprop") == Some("datePublished")
                    && let Some(d) = dom.attr(id, "datetime").or_else(|| dom.attr(id, "content"))
                {
                    set(&mut s.named.date, d);
                }
            }
        }
    }
    let mut m = Meta::default();
    for src in [s.ld, s.og, s.named, s.markup] {
        merge(&mut m, src);
    }
    drop_roles_beside_names(&mut m.byline);
    if m.date.is_none()
        && let Some(at) = byline_at
    {
        m.date = date_beside(dom, at);
    }
    m
}

/// A date written beside the byline, for pages that give it nowhere else: the text of an
/// element in the byline or next to it (the byline's siblings and their children) that is
/// a full date and little else (`March 2, 2026`, `Updated 2 March 2026, 10:04`).
fn date_beside(dom: &Dom, byline: usize) -> Option<String> {
    let near = dom.parent(byline).unwrap_or(byline);
    dom.descendants(near)
        .filter(|&id| id != near && dom.is_element(id) && !is_invisible_tag(dom.tag(id)))
        .take(64)
        .find_map(|id| {
            let text = dom.text(id);
            let text = text.trim();
            let short =
                (6..=40).contains(&text.chars().count()) && text.split_whitespace().count() <= 6;
            let dated = short
                && text.chars().filter(char::is_ascii_digit).count() >= 4
                && crate::dates::parse_date(text).is_some_and(|d| d.day.is_some());
            dated.then(|| text.to_string())
        })
}

/// How many `<time>` elements are looked at for the page's date.
const MAX_TIMES: usize = 64;

/// True when an element sits in a sidebar, navigation, footer, related-stories list or
/// comment section (and not inside an `<article>` or `<main>` below it), where dates are
/// other stories' or comments' dates.
fn in_other_stories(dom: &Dom, id: usize) -> bool {
    let mut at = dom.parent(id);
    while let Some(a) = at {
        // inside the story itself: the nearest <article> or <main> decides
        if dom.is_element(a) && matches!(&**dom.tag(a), "article" | "main") {
            return false;
        }
        if dom.is_element(a)
            && (matches!(&**dom.tag(a), "aside" | "nav" | "footer")
                || super::classes::has_word(
                    dom,
                    a,
                    &[
                        "related",
                        "sidebar",
                        "comment",
                        "comments",
                        "recommended",
                        "trending",
                    ],
                ))
        {
            return true;
        }
        at = dom.parent(a);
    }
    false
}

/// Elements that show the author: `rel=author`, `itemprop=author`, class or id words
/// `byline`/`author`, or a short line starting with "By ".
fn is_byline_element(dom: &Dom, id: usize) -> bool {
    if dom
        .attr(id, "rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || dom.attr(id, "itemprop") == Some("author")
        || super::classes::has_word(dom, id, &["byline", "author", "authors", "writer"])
    {
        return true;
    }
    // A short leaf-ish line "By Name ..." (checked on its first text only, cheaply), or
    // "By " followed by the name in a link or span (`By <a>Ann Lee</a>`).
    let Some(first) = dom.children(id).next() else {
        return false;
    };
    match &dom.node(first).kind {
        NodeKind::Text(t) => {
            let t = t.trim_start();
            if !(t.starts_with("By") || t.starts_with("BY")) || t.len() >= 120 {
                return false;
            }
            if t[2..].trim().is_empty() {
                let whole = dom.text(id);
                let rest = whole.trim_start()[2..].trim_start();
                return whole.len() < 120 && rest.starts_with(char::is_uppercase);
            }
            t[2..].starts_with(' ') && t[3..].starts_with(char::is_uppercase)
        }
        _ => false,
    }
}

/// Names in a visible byline: "By Ann Lee and Bo Chen | March 3, 2024" -> two names; a
/// name ends before the first word in lower case that is not a particle of names
/// ("Ann Lee on Monday" -> "Ann Lee", "Ludwig van Beethoven" stays).
fn visible_names(text: &str) -> Vec<String> {
    if text.chars().count() > 200 {
        return Vec::new();
    }
    let mut raw = Vec::new();
    add_names(&mut raw, text);
    raw.into_iter()
        .map(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            let end = words
                .iter()
                .position(|w| {
                    w.chars().count() >= 2
                        && w.chars().all(char::is_lowercase)
                        && !NAME_PARTICLES.contains(w)
                })
                .unwrap_or(words.len());
            words[..end].join(" ")
        })
        .filter(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            (1..=5).contains(&words.len())
                && words.len() >= 2
                && words
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3)
                && n.chars().all(|c| {
                    c.is_alphabetic()
                        || c.is_whitespace()
                        || matches!(c, '.' | '-' | '\'' | '\u{2019}')
                })
        })
        .collect()
}

/// Lower-case words inside personal names.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
];

fn merge(into: &mut Meta, from: Meta) {
    let Meta {
        title,
        byline,
        date,
        url,
        language,
        doc_title,
        site_name,
        is_article,
    } = from;
    into.is_article |= is_article;
    into.title = into.title.take().or(title);
    if into.byline.is_empty() {
        into.byline = byline;
    }
    into.date = into.date.take().or(date);
    into.url = into.url.take().or(url);
    into.language = into.language.take().or(language);
    into.doc_title = into.doc_title.take().or(doc_title);
    into.site_name = into.site_name.take().or(site_name);
}

fn set(slot: &mut Option<String>, value: &str) {
    let mut v = String::new();
    push_collapsed(&mut v, value);
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_string());
    }
}

fn script_text(dom: &Dom, id: usize) -> String {
    let mut s = String::new();
    for c in dom.children(id) {
        if let NodeKind::Text(t) = &dom.node(c).kind {
            s.push_str(t);
        }
    }
    s
}

fn read_meta_tag(dom: &Dom, id: usize, s: &mut Sources) {
    let Some(content) = dom.attr(id, "content") else {
        return;
    };
    let key = dom
        .attr(id, "property")
        .or_else(|| dom.attr(id, "name"))
        .or_else(|| dom.attr(id, "itemprop"))
        .or_else(|| dom.attr(id, "http-equiv"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match key.as_str() {
        "og:title" => set(&mut s.og.title, content),
        "og:url" if is_absolute_url(content) => set(&mut s.og.url, content),
        "og:locale" => set(&mut s.og.language, &content.replace('_', "-")),
        "og:site_name" => set(&mut s.og.site_name, content),
        "og:type" => s.og.is_article |= content.trim().eq_ignore_ascii_case("article"),
        "article:published_time" | "og:published_time" | "og:article:published_time" => {
            set(&mut s.og.date, content)
        }
        "article:author" | "og:article:author" if !is_absolute_url(content) => {
            add_names(&mut s.og.byline, content)
        }
        "author" | "dc.creator" | "dcterms.creator" | "sailthru.author" | "parsely-author" => {
            add_names(&mut s.named.byline, content)
        }
        "byl" => add_names(&mut s.named.byline, content),
        "date"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "datepublished"
        | "article.published"
        | "original-source-date" => set(&mut s.named.date, content),
        "twitter:title" | "dc.title" | "headline" => set(&mut s.named.title, content),
        "content-language" | "dc.language" | "language" => set(&mut s.named.language, content),
        _ => {}
    }
}

/// Adds author names from a byline string ("By A and B", "A, B").
fn add_names(out: &mut Vec<String>, raw: &str) {
    let mut text = String::new();
    push_collapsed(&mut text, raw);
    let mut t = text.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(r) = t.strip_prefix(prefix) {
            t = r;
        }
    }
    for part in t.split([',', ';', '|']).flat_map(|p| p.split(" and ")) {
        // "Posted by X", "Analysis by X", "Words by X": the name follows "by".
        let part = part
            .rsplit_once(" by ")
            .or_else(|| part.rsplit_once(" By "))
            .map_or(part, |(_, n)| n);
        let name = part
            .trim()
            .trim_matches(|c: char| c == '.' || c == '&')
            .trim();
        if name.is_empty()
            || name.len() > 80
            || is_absolute_url(name)
            || is_account_name(name)
            || out.iter().any(|n| n == name)
        {
            continue;
        }
        out.push(name.to_string());
    }
}

/// A job title or outlet beside a name (`Lena Marsh, Globe Editor-at-large`, or an author
/// list of a name and a title) is not a second author; alone (`Reuters`), it is all the
/// page says of who wrote it.
fn drop_roles_beside_names(names: &mut Vec<String>) {
    if names
        .iter()
        .any(|n| !crate::article::text::is_byline_role(n))
    {
        names.retain(|n| !crate::article::text::is_byline_role(n));
    }
}

/// Site accounts that publishing software names as the author: not a byline.
fn is_account_name(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "admin" | "administrator" | "webmaster" | "root" | "guest" | "user" | "wpadmin"
    )
}

fn is_absolute_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://")
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "Review",
    "Recipe",
];

/// Reads the first article-typed object of a JSON-LD block (including `@graph` members).
/// An author given as a reference (`{"@id": ...}`, as WordPress SEO plugins write it) is
/// looked up among the block's other objects.
fn read_json_ld(text: &str, out: &mut Meta) {
    let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
        return;
    };
    // Depth-first over arrays and @graph lists, bounded.
    let mut objects = Vec::new();
    let mut queue = vec![&v];
    let mut seen = 0;
    while let Some(v) = queue.pop() {
        seen += 1;
        if seen > 200 {
            break;
        }
        match v {
            Value::Array(a) => queue.extend(a.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    queue.push(g);
                }
                objects.push(o);
            }
            _ => {}
        }
    }
    if let Some(article) = objects.iter().find(|o| is_article_type(o.get("@type"))) {
        let named = |id: &str| {
            objects.iter().find_map(|o| {
                (o.get("@id").and_then(Value::as_str) == Some(id))
                    .then(|| o.get("name").and_then(Value::as_str))
                    .flatten()
            })
        };
        out.is_article = true;
        fill_from_ld(article, out, &named);
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(a)) => a.iter().any(|x| is_article_type(Some(x))),
        _ => false,
    }
}

fn fill_from_ld<'a>(
    o: &serde_json::Map<String, Value>,
    out: &mut Meta,
    named: &dyn Fn(&str) -> Option<&'a str>,
) {
    let str_of = |k: &str| o.get(k).and_then(Value::as_str);
    if let Some(t) = str_of("headline").or_else(|| str_of("name")) {
        set(&mut out.title, &decode_entities(t));
    }
    if let Some(d) = str_of("datePublished").or_else(|| str_of("dateCreated")) {
        set(&mut out.date, d);
    }
    if let Some(u) = str_of("url").filter(|u| is_absolute_url(u)) {
        set(&mut out.url, u);
    } else if let Some(m) = o.get("mainEntityOfPage") {
        let u = m
            .as_str()
            .or_else(|| m.get("@id").and_then(Value::as_str))
            .or_else(|| m.get("url").and_then(Value::as_str));
        if let Some(u) = u.filter(|u| is_absolute_url(u)) {
            set(&mut out.url, u);
        }
    }
    if let Some(l) = str_of("inLanguage") {
        set(&mut out.language, l);
    }
    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
        let items: Vec<&Value> = match a {
            Value::Array(v) => v.iter().collect(),
            other => vec![other],
        };
        for item in items.into_iter().take(20) {
            match item {
                Value::String(s) => add_names(&mut out.byline, &decode_entities(s)),
                Value::Object(p) => {
                    let name = p
                        .get("name")
                        .and_then(Value::as_str)
                        .or_else(|| p.get("@id").and_then(Value::as_str).and_then(named));
                    if let Some(n) = name {
                        add_names(&mut out.byline, &decode_entities(n));
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(p) = o.get("publisher")
        && let Some(n) = p.get("name").and_then(Value::as_str)
    {
        set(&mut out.site_name, n);
    }
}

/// JSON-LD strings sometimes carry HTML entities; decode numeric ones and the common
/// named ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[..rest.floor_char_boundary(12)].find(';');
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control());
    }
    Some(match name {
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_names_split() {
        let mut v = Vec::new();
        add_names(&mut v, "By Ann Lee and Bo Chen, Cy Dee");
        assert_eq!(v, ["Ann Lee", "Bo Chen", "Cy Dee"]);
        let mut v = Vec::new();
        add_names(&mut v, "Analysis by Chris Doe | Posted by Vortex");
        assert_eq!(v, ["Chris Doe", "Vortex"]);
        // A job title after the name is not a second author.
        let mut v = Vec::new();
        add_names(&mut v, "Lena Marsh, Globe Editor-at-large");
        add_names(
            &mut v,
            "By Tom Okafor, Senior Correspondent and Ida Pohl, Staff",
        );
        drop_roles_beside_names(&mut v);
        assert_eq!(v, ["Lena Marsh", "Tom Okafor", "Ida Pohl"]);
        let mut v = vec!["Reuters".to_string()];
        drop_roles_beside_names(&mut v);
        assert_eq!(v, ["Reuters"], "an outlet alone is kept");
        assert!(visible_names("Name *").is_empty());
        assert_eq!(
            visible_names("By Ann O\u{2019}Neil | 3 March"),
            ["Ann O\u{2019}Neil"]
        );
    }

    #[test]
    fn an_ampersand_before_wide_characters_is_kept() {
        // The look-ahead for ';' must not cut a character in two.
        for s in [
            "&ééééééé;",
            "a &\u{2026}\u{2026}\u{2026}\u{2026}x",
            "&1234567890é",
        ] {
            assert_eq!(decode_entities(s), s);
        }
    }

    #[test]
    fn entities_in_json_ld_strings() {
        assert_eq!(
            decode_entities("&#8216;Light&#8217; &amp; &#x201C;art&#x201d; &bogus; &#0; a&b"),
            "\u{2018}Light\u{2019} & \u{201C}art\u{201D} &bogus; &#0; a&b"
        );
    }
}

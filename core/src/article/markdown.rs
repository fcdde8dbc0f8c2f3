//! Markdown articles: front matter (YAML `---` or TOML `+++`) for metadata, else the first
//! `#` heading as title (or a heading of another level before any text); Markdown markup
//! removed from the body, paragraphs kept: the text of code blocks stays (as a paragraph),
//! table rows become paragraphs with their cells separated by " · ".

use super::{Article, LoadWarning};

/// Parses clean Markdown text into an article.
pub fn parse(text: &str, warnings: &mut Vec<LoadWarning>) -> Article {
    let mut article = Article::default();
    let body_text = match split_front_matter(text) {
        Some((fm, rest, toml_style)) => {
            read_front_matter(fm, toml_style, &mut article, warnings);
            rest
        }
        None => text,
    };
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_fence = false;
    let mut fence = String::new();
    let mut in_comment = false;
    for line in body_text.lines() {
        let trimmed = line.trim();
        if in_comment {
            if trimmed.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if let Some(marks) = fence_marks(trimmed)
            && (!in_fence || (marks.starts_with(fence.as_str()) && trimmed == marks))
        {
            // A code block's text is kept as one paragraph; its info string is not text.
            in_fence = !in_fence;
            fence = marks.to_string();
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if in_fence {
            if !trimmed.is_empty() {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(trimmed);
            }
            continue;
        }
        // Setext heading: a line of `=` or `-` under a one-line paragraph.
        if !current.is_empty()
            && !current.contains('\n')
            && trimmed.len() >= 2
            && (trimmed.chars().all(|c| c == '=') || trimmed.chars().all(|c| c == '-'))
        {
            let heading = std::mem::take(&mut current);
            let level = if trimmed.starts_with('=') { 1 } else { 2 };
            add_heading(&heading, level, &mut article, &mut paragraphs);
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if let Some((level, heading)) = heading_text(trimmed) {
            flush(&mut current, &mut paragraphs);
            add_heading(&strip_inline(heading), level, &mut article, &mut paragraphs);
            continue;
        }
        if let Some(cells) = table_row(trimmed) {
            flush(&mut current, &mut paragraphs);
            if !is_table_rule(&cells) {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| strip_inline(c))
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                paragraphs.push(cells.join(" \u{b7} "));
            }
            continue;
        }
        if is_link_definition(trimmed) {
            continue;
        }
        // a footnote's text is kept, without its label: `[^1]: The text.`
        let trimmed = footnote_text(trimmed).unwrap_or(trimmed);
        let (line, item) = strip_block_prefix(trimmed);
        if item {
            // each list item is a paragraph of its own
            flush(&mut current, &mut paragraphs);
        }
        if line.starts_with("![") && line.ends_with(')') {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&strip_inline(line));
    }
    flush(&mut current, &mut paragraphs);
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    super::text::take_header(&mut paragraphs, &mut article);
    super::text::take_furniture(&mut paragraphs, &mut article);
    if let Some(first) = paragraphs.first() {
        article.dateline = super::text::find_dateline(first);
    }
    article.set_paragraphs(&paragraphs);
    article
}

/// Without a title from front matter, the first `#` heading is the title, wherever it is,
/// and so is a heading of another level before any paragraph. A heading before any
/// paragraph that repeats the front matter's title is dropped; other headings stay in the
/// body as paragraphs of their own.
fn add_heading(heading: &str, level: usize, article: &mut Article, paragraphs: &mut Vec<String>) {
    let heading = heading.trim();
    if heading.is_empty() {
        return;
    }
    if level == 1 && article.title.is_empty() {
        article.title = heading.to_string();
        return;
    }
    if paragraphs.is_empty() {
        if article.title.is_empty() {
            article.title = heading.to_string();
            return;
        }
        if same_words(&article.title, heading) {
            return;
        }
    }
    paragraphs.push(heading.to_string());
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// `[id]: https://...` reference definitions are not text.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && !line.starts_with("[^")
        && line.find("]:").is_some_and(|p| {
            !line[1..p].contains(']') && line[p + 2..].trim_start().contains(['/', '.', '#'])
        })
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    if !current.trim().is_empty() {
        paragraphs.push(std::mem::take(current));
    }
    current.clear();
}

fn split_front_matter(text: &str) -> Option<(&str, &str, bool)> {
    for (fence, toml_style) in [("---", false), ("+++", true)] {
        if let Some(rest) = text.strip_prefix(fence)
            && rest.starts_with('\n')
        {
            let rest = &rest[1..];
            let mut offset = 0;
            for line in rest.split_inclusive('\n') {
                if line.trim_end() == fence {
                    return Some((&rest[..offset], &rest[offset + line.len()..], toml_style));
                }
                offset += line.len();
            }
        }
    }
    None
}

fn read_front_matter(
    fm: &str,
    toml_style: bool,
    article: &mut Article,
    warnings: &mut Vec<LoadWarning>,
) {
    if toml_style {
        match toml::from_str::<toml::Table>(fm) {
            Ok(table) => read_toml_front_matter(&table, article),
            Err(e) => warnings.push(LoadWarning(format!(
                "front matter is not valid TOML ({}); metadata not read",
                e.message()
            ))),
        }
        return;
    }
    read_yaml_front_matter(fm, article, warnings);
}

/// TOML front matter, read with a real TOML parser: strings, arrays, dates.
fn read_toml_front_matter(table: &toml::Table, article: &mut Article) {
    let text = |v: &toml::Value| match v {
        toml::Value::String(s) => Some(s.trim().to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Table(t) => t
            .get("name")
            .and_then(|n| n.as_str())
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    for (key, value) in table {
        let key = key.to_lowercase();
        match key.as_str() {
            "title" => article.title = text(value).unwrap_or_default(),
            "author" | "authors" | "byline" => match value {
                toml::Value::Array(items) => article.byline.extend(items.iter().filter_map(text)),
                v => article.byline.extend(text(v)),
            },
            "date" | "published" => article.date = text(value),
            "url" | "source" | "link" | "canonical" => article.url = text(value),
            "lang" | "language" => article.language = text(value),
            _ => {}
        }
    }
    article.byline.retain(|b| !b.is_empty());
}

/// YAML front matter: the top-level keys onrecord uses, as `key: value`, with author lists
/// written inline (`[A, B]`), as items (`- A`), or as maps with a `name`.
fn read_yaml_front_matter(fm: &str, article: &mut Article, warnings: &mut Vec<LoadWarning>) {
    let mut last_key = String::new();
    for (n, line) in fm.lines().enumerate() {
        let indented = line.starts_with([' ', '\t']);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let authors = matches!(last_key.as_str(), "author" | "authors" | "byline");
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or((trimmed == "-").then_some(""))
        {
            // a list item under the previous key: `- Ada Mensah` or `- name: Ada Mensah`
            if authors {
                let item = item.trim();
                let name = match item.split_once(':') {
                    Some((k, v)) if k.trim() == "name" => v,
                    Some(_) => continue,
                    None => item,
                };
                article.byline.push(unquote(name));
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            warnings.push(LoadWarning(format!(
                "front matter line {}: not a key: value pair",
                n + 2
            )));
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        if indented {
            // a nested key: only an author's name is of use
            if authors && key == "name" {
                article.byline.push(unquote(value));
            }
            continue;
        }
        last_key = key.clone();
        match key.as_str() {
            "title" => article.title = unquote(value),
            "author" | "authors" | "byline" => {
                let v = value.trim_start_matches('[').trim_end_matches(']');
                article
                    .byline
                    .extend(v.split(',').map(unquote).filter(|s| !s.is_empty()));
            }
            "date" | "published" => article.date = Some(unquote(value)).filter(|s| !s.is_empty()),
            "url" | "source" | "link" | "canonical" => {
                article.url = Some(unquote(value)).filter(|s| !s.is_empty())
            }
            "lang" | "language" => {
                article.language = Some(unquote(value)).filter(|s| !s.is_empty())
            }
            _ => {}
        }
    }
    article.byline.retain(|b| !b.is_empty());
}

/// A YAML scalar without its quotes: `"a \"b\""` -> `a "b"`, `'it''s'` -> `it's`.
fn unquote(s: &str) -> String {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push(' '),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out.trim().to_string();
    }
    if let Some(inner) = s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.replace("''", "'").trim().to_string();
    }
    s.trim_matches(|c| c == '"' || c == '\'').trim().to_string()
}

fn is_rule(line: &str) -> bool {
    let c: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    c.len() >= 3
        && (c.chars().all(|c| c == '-')
            || c.chars().all(|c| c == '*')
            || c.chars().all(|c| c == '_'))
}

/// The text of a footnote definition line (`[^1]: The text.`).
fn footnote_text(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[^")?;
    let close = rest.find("]:")?;
    (!rest[..close].contains(char::is_whitespace)).then(|| rest[close + 2..].trim_start())
}

/// The level and text of an ATX heading (`## Text`).
fn heading_text(line: &str) -> Option<(usize, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some((hashes, line[hashes..].trim().trim_end_matches('#').trim()))
    } else {
        None
    }
}

/// The fence of a fenced code block line: three or more backticks or tildes.
fn fence_marks(line: &str) -> Option<&str> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then(|| &line[..n])
}

/// The cells of a table row (`| a | b |`); None when the line is not one.
fn table_row(line: &str) -> Option<Vec<&str>> {
    let inner = line.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    if !line.ends_with('|') && !inner.contains('|') {
        return None;
    }
    Some(inner.split('|').map(str::trim).collect())
}

/// The line under a table's header row (`|---|:--:|`).
fn is_table_rule(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let c = c.trim_matches(':');
        !c.is_empty() && c.chars().all(|x| x == '-')
    })
}

/// Removes block quote marks and list bullets; says whether the line starts a list item.
fn strip_block_prefix(line: &str) -> (&str, bool) {
    let mut l = line;
    let mut item = false;
    loop {
        let t = l.trim_start();
        if let Some(r) = t.strip_prefix('>') {
            l = r;
        } else if let Some(r) = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
        {
            l = r;
            item = true;
        } else {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            if digits > 0
                && digits <= 3
                && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
            {
                l = &t[digits + 2..];
                item = true;
            } else {
                return (t, item);
            }
        }
    }
}

/// Removes inline markup: emphasis, code marks, links (keeping their text), images, HTML tags.
pub fn strip_inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            // a backslash ending a line is a hard line break
            '\\' if i + 1 == chars.len() => i += 1,
            // strikethrough marks
            '~' if chars.get(i + 1) == Some(&'~') => i += 2,
            // footnote reference: [^1]
            '[' if chars.get(i + 1) == Some(&'^')
                && find_char(&chars, i + 2, ']').is_some_and(|close| {
                    close > i + 2 && chars[i + 2..close].iter().all(|c| !c.is_whitespace())
                }) =>
            {
                i = find_char(&chars, i + 2, ']').map_or(i + 1, |close| close + 1);
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                // image: drop entirely
                if let Some(end) = link_end(&chars, i + 1) {
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '[' => {
                if let Some(close) = find_char(&chars, i + 1, ']')
                    && let Some(end) = link_end(&chars, i)
                {
                    out.push_str(&strip_inline(
                        &chars[i + 1..close].iter().collect::<String>(),
                    ));
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '*' | '`' => i += 1,
            '_' if (i == 0 || !chars[i - 1].is_alphanumeric())
                || (i + 1 == chars.len() || !chars[i + 1].is_alphanumeric()) =>
            {
                i += 1
            }
            '<' => {
                let close = find_char(&chars, i + 1, '>');
                let inner: String = close
                    .map(|c| chars[i + 1..c].iter().collect())
                    .unwrap_or_default();
                if let Some(close) = close
                    && is_autolink(&inner)
                {
                    // <https://example.org>: the address is the text
                    out.push_str(inner.strip_prefix("mailto:").unwrap_or(&inner));
                    i = close + 1;
                } else if let Some(close) = close
                    && chars[i + 1..close]
                        .iter()
                        .all(|c| !c.is_whitespace() || *c == ' ')
                    && chars
                        .get(i + 1)
                        .is_some_and(|c| c.is_ascii_alphabetic() || *c == '/')
                {
                    i = close + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The inside of `<...>` that is an autolink (an address), not an HTML tag.
fn is_autolink(inner: &str) -> bool {
    !inner.contains(char::is_whitespace)
        && (["http://", "https://", "mailto:", "ftp://"]
            .iter()
            .any(|p| inner.starts_with(p))
            || inner.contains('@') && !inner.contains(['"', '=', '/']))
}

fn find_char(chars: &[char], from: usize, target: char) -> Option<usize> {
    chars[from.min(chars.len())..]
        .iter()
        .take(2000)
        .position(|&c| c == target)
        .map(|p| p + from)
}

/// End (exclusive) of `[text](url)` or `[text][ref]` starting at `open`.
fn link_end(chars: &[char], open: usize) -> Option<usize> {
    let close = find_char(chars, open + 1, ']')?;
    match chars.get(close + 1) {
        Some('(') => {
            // the destination may hold balanced parentheses: (https://e.org/a_(b))
            let mut depth = 0usize;
            for (k, &c) in chars.iter().enumerate().skip(close + 2).take(2000) {
                match c {
                    '(' => depth += 1,
                    ')' if depth == 0 => return Some(k + 1),
                    ')' => depth -= 1,
                    _ => {}
                }
            }
            None
        }
        Some('[') => find_char(chars, close + 2, ']').map(|p| p + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let mut w = Vec::new();
        let a = parse(
            "---\ntitle: \"Harbour tax\"\nauthor:\n  - Ada Mensah\n  - Tom Reyes\ndate: 2024-05-01\nurl: https://example.org/a\n---\n\n# Ignored heading\n\nThe **council** met [today](https://x.y).\n",
            &mut w,
        );
        assert_eq!(a.title, "Harbour tax");
        assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert!(a.body.ends_with("The council met today."), "{}", a.body);
    }

    #[test]
    fn heading_title_and_markup() {
        let mut w = Vec::new();
        let a = parse(
            "# A *big* day\n\n> \u{201C}Yes,\u{201D} she said.\n\n- item one\n\n![pic](a.png)\n\nSnake_case stays.",
            &mut w,
        );
        assert_eq!(a.title, "A big day");
        assert_eq!(
            a.body,
            "\u{201C}Yes,\u{201D} she said.\n\nitem one\n\nSnake_case stays."
        );
    }

    #[test]
    fn toml_front_matter() {
        let mut w = Vec::new();
        let a = parse(
            "+++\ntitle = \"T\"\nauthors = [\"A B\", \"C D\"]\n+++\nBody.",
            &mut w,
        );
        assert_eq!(a.title, "T");
        assert_eq!(a.byline, vec!["A B", "C D"]);
        assert_eq!(a.body, "Body.");
    }

    #[test]
    fn repeated_title_heading_is_dropped() {
        let mut w = Vec::new();
        let a = parse(
            "---\ntitle: Harbour tax passes\n---\n\n# Harbour *tax* passes\n\nBody one.\n\n## Next steps\n\nBody two.",
            &mut w,
        );
        assert_eq!(a.title, "Harbour tax passes");
        assert_eq!(a.body, "Body one.\n\nNext steps\n\nBody two.");
    }

    #[test]
    fn list_items_are_paragraphs_and_junk_leaves() {
        let mut w = Vec::new();
        let a = parse(
            "# Title\n\n*By Ada Mensah*\n\nIntro line\nwraps here.\n\n- one\n- two\n1. three\n\n[ref]: https://example.org/x\n<!-- a comment\nover lines -->\n\n---\n\nRead more: [Other story](https://example.org/y)",
            &mut w,
        );
        assert_eq!(a.byline, vec!["Ada Mensah"]);
        assert_eq!(a.body, "Intro line wraps here.\n\none\n\ntwo\n\nthree");
        assert_eq!(a.extra, vec!["Read more: Other story"]);
    }

    #[test]
    fn setext_heading() {
        let mut w = Vec::new();
        let a = parse("Big news\n========\n\nText.", &mut w);
        assert_eq!(a.title, "Big news");
        assert_eq!(a.body, "Text.");
    }

    #[test]
    fn toml_front_matter_is_read_as_toml() {
        let mut w = Vec::new();
        let a = parse(
            "+++\ntitle = \"The \\\"Harbour\\\" tax\" # a comment\ndate = 2026-03-04T09:30:00Z\n\n[[authors]]\nname = \"Ada Mensah\"\n\n[[authors]]\nname = \"Tom Reyes\"\n+++\n\nBody.",
            &mut w,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.title, "The \"Harbour\" tax");
        assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
        assert_eq!(a.date.as_deref(), Some("2026-03-04T09:30:00Z"));
        // broken TOML: a warning, and the body is still read
        let a = parse("+++\ntitle = \"open\n+++\n\nBody.", &mut w);
        assert_eq!((a.title.as_str(), a.body.as_str()), ("", "Body."));
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn yaml_quoting_and_author_maps() {
        let mut w = Vec::new();
        let a = parse(
            "---\ntitle: 'It''s the \"harbour\" tax'\nseo:\n  title: Not this one\nauthors:\n  - name: Ada Mensah\n    email: ada@example.org\n  - \"Tom Reyes\"\nurl: \"https://example.org/a?b=1\"\n---\nBody.",
            &mut w,
        );
        assert_eq!(a.title, "It's the \"harbour\" tax");
        assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
        assert_eq!(a.url.as_deref(), Some("https://example.org/a?b=1"));
        let a = parse(
            "---\ntitle: \"Say \\\"no\\\"\"\nauthor:\n  name: Li Wei\n---\nBody.",
            &mut w,
        );
        assert_eq!(a.title, "Say \"no\"");
        assert_eq!(a.byline, vec!["Li Wei"]);
    }

    #[test]
    fn first_level_one_heading_is_the_title_wherever_it_is() {
        let mut w = Vec::new();
        let a = parse(
            "*Saved from the Harbour Courier*\n\n# Bridge to close\n\nThe council voted.\n\n# Reactions\n\nShops worried.",
            &mut w,
        );
        assert_eq!(a.title, "Bridge to close");
        assert_eq!(
            a.body,
            "Saved from the Harbour Courier\n\nThe council voted.\n\nReactions\n\nShops worried."
        );
    }

    #[test]
    fn code_blocks_keep_their_text_and_tables_lose_their_rules() {
        let mut w = Vec::new();
        let a = parse(
            "# T\n\nThe notice read:\n\n```text\nROAD CLOSED\nuntil May\n```\n\n| Ward | Votes |\n|:-----|------:|\n| North | 1,204 |\n| *South* | 987 |\n\nEnd.",
            &mut w,
        );
        assert_eq!(
            a.body,
            "The notice read:\n\nROAD CLOSED until May\n\nWard \u{b7} Votes\n\nNorth \u{b7} 1,204\n\nSouth \u{b7} 987\n\nEnd."
        );
        // a longer fence is closed only by a fence at least as long
        let a = parse("Intro.\n\n````\n```\ninner\n```\n````\n\nOut.", &mut w);
        assert_eq!(a.body, "Intro.\n\n``` inner ```\n\nOut.");
    }

    #[test]
    fn autolinks_strikethrough_breaks_footnotes_and_parenthesized_links() {
        let mut w = Vec::new();
        let a = parse(
            "# T\n\nSee <https://example.org/report> or <desk@example.org>, ~~not~~ now.\\\nSame paragraph.\n\nA [report](https://e.org/a_(b)) came out.[^n1]\n\n[^n1]: Published on Monday.",
            &mut w,
        );
        assert_eq!(
            a.body,
            "See https://example.org/report or desk@example.org, not now. Same paragraph.\n\nA report came out.\n\nPublished on Monday."
        );
        // HTML tags still go
        assert_eq!(strip_inline("H<sub>2</sub>O <a href=\"x\">y</a>"), "H2O y");
    }
}

//! Main-content extraction.
//!
//! 1. Page furniture is marked: invisible elements, `nav`/`aside`/`footer`/`header`,
//!    hidden elements, landmark roles, and class/id words such as `share`, `comments`,
//!    `related`, `cookie` (unless that subtree holds most of the page's prose).
//! 2. Prose blocks (`p`, `pre`, `td`, text directly in a `div`) score their ancestors by
//!    length and commas; the best-scoring container, discounted by its link density, is
//!    the article, together with siblings that look like more of it.
//! 3. The chosen subtrees are written out as paragraphs: headings, list items and block
//!    quotes become their own paragraphs; link lists and the repeated headline are dropped.
//!
//! Pages with no clear article (index pages, listings) give their whole readable text.

use super::classes;
use super::dom::{Dom, Edge, NodeId, NodeKind, is_block_tag, is_invisible_tag};
use html5ever::LocalName;

/// One output paragraph with what the writer saw while building it.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Characters of `text` that were inside links.
    pub link_chars: usize,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Preformatted,
}

/// Per-node text measures.
struct Measures {
    /// Visible characters under the node.
    text: Vec<u32>,
    /// Visible characters inside links under the node.
    link: Vec<u32>,
}

fn measure(dom: &Dom, root: NodeId, removed: &[bool]) -> Measures {
    let n = dom.nodes.len();
    let mut m = Measures {
        text: vec![0; n],
        link: vec![0; n],
    };
    let mut link_depth = 0u32;
    let mut w = dom.walk(root);
    while let Some(e) = w.next() {
        match e {
            Edge::Open(id) => match &dom.node(id).kind {
                NodeKind::Text(t) => {
                    let c = count_visible(t);
                    m.text[id] = c;
                    if link_depth > 0 {
                        m.link[id] = c;
                    }
                }
                NodeKind::Element => {
                    if removed[id] || is_invisible_tag(dom.tag(id)) {
                        w.skip_children(id);
                    } else if &**dom.tag(id) == "a" {
                        link_depth += 1;
                    }
                }
                _ => {}
            },
            Edge::Close(id) => {
                if matches!(dom.node(id).kind, NodeKind::Element)
                    && &**dom.tag(id) == "a"
                    && !removed[id]
                {
                    link_depth = link_depth.saturating_sub(1);
                }
                if id != root
                    && let Some(p) = dom.parent(id)
                {
                    m.text[p] += m.text[id];
                    m.link[p] += m.link[id];
                }
            }
        }
    }
    m
}

fn count_visible(t: &str) -> u32 {
    let mut n = 0u32;
    let mut space = true;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

fn is_structural_furniture(tag: &str) -> bool {
    matches!(
        tag,
        "nav" | "aside" | "footer" | "header" | "dialog" | "menu" | "figcaption"
    )
}

/// Controls: what a reader clicks or types into, never what they read.
fn is_control_tag(tag: &str) -> bool {
    matches!(
        tag,
        "button" | "label" | "input" | "select" | "option" | "textarea"
    )
}

/// A sign-up or search box made without `<form>`: a little text around a field to type
/// into (`Get the morning briefing [your email] [Sign up]`).
fn is_input_widget(dom: &Dom, id: NodeId, m: &Measures) -> bool {
    m.text[id] <= CAPTION_MAX_CHARS
        && &**dom.tag(id) != "p"
        && dom
            .descendants(id)
            .take(64)
            .any(|d| dom.is_element(d) && matches!(&**dom.tag(d), "input" | "select" | "textarea"))
}

fn has_furniture_role(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "role").is_some_and(|r| {
        matches!(
            r.trim().to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "search"
                | "toolbar"
                | "tablist"
                | "tab"
                | "button"
                | "switch"
                | "checkbox"
                | "radio"
                | "slider"
                | "menuitem"
                | "tooltip"
        )
    })
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .take(2000)
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn is_media_tag(tag: &str) -> bool {
    matches!(tag, "img" | "picture" | "video" | "svg" | "iframe")
}

/// Whether the element shows an image (or video) and nothing but media: an `<img>`, or a
/// link or wrapper around one.
fn is_media_only(dom: &Dom, id: NodeId, m: &Measures) -> bool {
    dom.is_element(id)
        && m.text[id] == 0
        && (is_media_tag(dom.tag(id))
            || dom
                .descendants(id)
                .take(32)
                .any(|d| dom.is_element(d) && is_media_tag(dom.tag(d))))
}

/// Characters a caption or credit has at most.
const CAPTION_MAX_CHARS: u32 = 300;

/// A picture with its caption or credit, made of plain elements rather than `<figure>`:
/// a wrapper holding an image and a little text (`<div><img><div>The mayor on Monday.
/// (Ana Berg/Post)</div></div>`, an author box's photo, name and one-line bio), or a short
/// text right after an image (`<img><span>Photo: Tom Reyes</span>`). Not article text.
fn is_media_card(dom: &Dom, id: NodeId, m: &Measures) -> bool {
    let tag = &**dom.tag(id);
    if matches!(
        tag,
        "p" | "blockquote" | "li" | "ul" | "ol" | "table" | "article"
    ) || heading_level(tag).is_some()
    {
        return false;
    }
    let text = m.text[id];
    if text == 0 || text > CAPTION_MAX_CHARS {
        return false;
    }
    let mut children = dom.children(id).filter(|&c| dom.is_element(c));
    let wraps_media = children.any(|c| is_media_only(dom, c, m));
    if wraps_media {
        return true;
    }
    // A short text right after an image, as its credit. (Found by stepping back over blank
    // text, not by scanning the parent's children: a parent of many children stays linear.)
    if text > 150 {
        return false;
    }
    let mut before = dom.prev_sibling(id);
    while let Some(b) = before
        && matches!(&dom.node(b).kind, NodeKind::Text(t) if t.trim().is_empty())
    {
        before = dom.prev_sibling(b);
    }
    before.is_some_and(|b| is_media_only(dom, b, m))
}

/// Marks furniture subtrees (only their roots are marked; walks skip below them).
fn mark_furniture(dom: &Dom, body: NodeId) -> Vec<bool> {
    let mut removed = vec![false; dom.nodes.len()];
    let raw = measure(dom, body, &removed);
    let total = (raw.text[body] - raw.link[body]).max(1) as f64;
    let mut w = dom.walk(body);
    while let Some(e) = w.next() {
        let Edge::Open(id) = e else { continue };
        if !dom.is_element(id) || id == body {
            continue;
        }
        let tag = &**dom.tag(id);
        if is_invisible_tag(dom.tag(id)) {
            w.skip_children(id);
            continue;
        }
        if matches!(tag, "html" | "body" | "main") {
            continue;
        }
        // A subtree holding most of the page's prose is never furniture.
        let prose = (raw.text[id] - raw.link[id]) as f64;
        let big = prose > 0.4 * total && prose > 500.0;
        let furniture = is_hidden(dom, id)
            || is_media_card(dom, id, &raw)
            || is_control_tag(tag)
            || is_input_widget(dom, id, &raw)
            || tag == "form" && !big
            || (is_structural_furniture(tag) || has_furniture_role(dom, id)) && !big
            || tag != "article"
                && !big
                && dom.attr(id, "itemprop") != Some("articleBody")
                && classes::is_negative(dom, id)
                && !classes::is_body_hint(dom, id);
        if furniture {
            removed[id] = true;
            w.skip_children(id);
        }
    }
    removed
}

/// Scores containers by the prose under them (readability-style).
fn score(dom: &Dom, body: NodeId, removed: &[bool], m: &Measures) -> Vec<f32> {
    let mut scores = vec![0f32; dom.nodes.len()];
    let mut initialized = vec![false; dom.nodes.len()];
    let mut w = dom.walk(body);
    while let Some(e) = w.next() {
        let Edge::Open(id) = e else { continue };
        if !dom.is_element(id) {
            continue;
        }
        if removed[id] || is_invisible_tag(dom.tag(id)) {
            w.skip_children(id);
            continue;
        }
        let tag = &**dom.tag(id);
        let len = match tag {
            "p" | "pre" | "td" | "blockquote" => m.text[id].saturating_sub(m.link[id]),
            "div" | "section" | "article" => {
                // Text directly in the container counts as a paragraph of it.
                let mut own = 0u32;
                for c in dom.children(id) {
                    if let NodeKind::Text(_) = dom.node(c).kind {
                        own += m.text[c];
                    } else if dom.is_element(c) && !is_block_tag(dom.tag(c)) {
                        own += m.text[c].saturating_sub(m.link[c]);
                    }
                }
                own
            }
            _ => continue,
        };
        if len < 25 {
            continue;
        }
        let commas = count_commas(dom, id, tag);
        let s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let mut anc = if matches!(tag, "div" | "section" | "article") {
            Some(id)
        } else {
            dom.parent(id)
        };
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 5 || !dom.is_element(a) {
                break;
            }
            if !initialized[a] {
                initialized[a] = true;
                scores[a] += initial_score(dom, a);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            scores[a] += s / div;
            if a == body {
                break;
            }
            anc = dom.parent(a);
            level += 1;
        }
    }
    for (id, s) in scores.iter_mut().enumerate() {
        if initialized[id] {
            let ld = if m.text[id] > 0 {
                m.link[id] as f32 / m.text[id] as f32
            } else {
                0.0
            };
            *s *= 1.0 - ld;
        }
    }
    scores
}

fn count_commas(dom: &Dom, id: NodeId, tag: &str) -> u32 {
    let mut n = 0;
    let mut w = dom.walk(id);
    while let Some(e) = w.next() {
        let Edge::Open(c) = e else { continue };
        match &dom.node(c).kind {
            NodeKind::Text(t) => {
                n += t
                    .chars()
                    .filter(|&ch| matches!(ch, ',' | '\u{FF0C}' | '\u{3001}' | '\u{060C}'))
                    .count() as u32
            }
            NodeKind::Element
                if c != id
                    && (is_invisible_tag(dom.tag(c))
                        || matches!(tag, "div" | "section" | "article")
                            && is_block_tag(dom.tag(c))) =>
            {
                w.skip_children(c)
            }
            _ => {}
        }
    }
    n
}

fn initial_score(dom: &Dom, id: NodeId) -> f32 {
    let base: f32 = match &**dom.tag(id) {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let mut w = 0.0;
    if classes::is_negative(dom, id) {
        w -= 25.0;
    }
    if classes::is_positive(dom, id) {
        w += 25.0;
    }
    if classes::is_body_hint(dom, id) {
        w += 25.0;
    }
    base + w
}

/// Extracts the article's paragraphs. `says_article`: the page's metadata calls it an
/// article; other pages keep their whole readable text unless one container clearly
/// holds most of it.
pub fn extract(dom: &Dom, says_article: bool) -> Vec<Block> {
    let body = dom
        .descendants(Dom::ROOT)
        .find(|&i| dom.is_element(i) && &**dom.tag(i) == "body")
        .unwrap_or(Dom::ROOT);
    let removed = mark_furniture(dom, body);
    let m = measure(dom, body, &removed);
    let scores = score(dom, body, &removed, &m);
    let top = scores
        .iter()
        .enumerate()
        .filter(|&(id, &s)| s != 0.0 && dom.is_element(id))
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(id, _)| id);
    let page_prose = m.text[body].saturating_sub(m.link[body]);
    if let Some(top) = top {
        let top = promote(dom, top, &scores, &m);
        let chunks = same_class_chunks(dom, body, top, &removed, &m);
        let roots = if chunks.len() > 1 {
            chunks
        } else {
            with_siblings(dom, top, &scores, &removed, &m)
        };
        let blocks = filter_blocks(write_blocks(dom, &roots, &removed));
        let got: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
        let share = got as f64 / page_prose.max(1) as f64;
        let article_like = says_article
            || dom.descendants(body).any(|i| {
                dom.is_element(i)
                    && (&**dom.tag(i) == "article"
                        || dom.attr(i, "itemprop") == Some("articleBody"))
            });
        let enough = if article_like {
            got >= 200
        } else {
            got >= 200 && share >= 0.3
        };
        if enough || share >= 0.6 {
            return blocks;
        }
    }
    // No clear article: the whole readable text, furniture removed, else everything.
    let blocks = filter_blocks(write_blocks(dom, &[body], &removed));
    if !blocks.is_empty() {
        return blocks;
    }
    write_blocks(dom, &[body], &vec![false; dom.nodes.len()])
}

/// Articles split into chunks (around ads or embeds) repeat the container's tag and
/// class: all prose-bearing elements with the top candidate's exact tag and class, in
/// document order.
fn same_class_chunks(
    dom: &Dom,
    body: NodeId,
    top: NodeId,
    removed: &[bool],
    m: &Measures,
) -> Vec<NodeId> {
    let Some(class) = dom.attr(top, "class").filter(|c| !c.trim().is_empty()) else {
        return vec![top];
    };
    let tag = dom.tag(top);
    let mut out = Vec::new();
    let mut w = dom.walk(body);
    while let Some(e) = w.next() {
        let Edge::Open(id) = e else { continue };
        if !dom.is_element(id) {
            continue;
        }
        if removed[id] || is_invisible_tag(dom.tag(id)) {
            w.skip_children(id);
            continue;
        }
        if id == top {
            out.push(id);
            w.skip_children(id);
        } else if dom.tag(id) == tag
            && dom.attr(id, "class") == Some(class)
            && !dom.is_ancestor(id, top)
        {
            // A chunk carries prose of its own, not a line or a link list.
            let text = m.text[id];
            let prose = text.saturating_sub(m.link[id]);
            if prose >= 100 && (m.link[id] as f32) < 0.33 * text as f32 {
                out.push(id);
                w.skip_children(id);
            }
        }
    }
    out
}

/// Moves up from the top candidate while its parent holds clearly more of the prose
/// (the article is split over several sibling containers).
fn promote(dom: &Dom, mut top: NodeId, scores: &[f32], m: &Measures) -> NodeId {
    let top_score = scores[top];
    let mut cur = top;
    while let Some(p) = dom.parent(cur) {
        if !dom.is_element(p) || matches!(&**dom.tag(p), "body" | "html") {
            break;
        }
        // Count children of p that score close to the top.
        let strong = dom
            .children(p)
            .filter(|&c| scores[c] >= 0.75 * top_score && m.text[c] > 0)
            .count();
        if strong >= 2 && scores[p] > 0.0 {
            top = p;
        }
        cur = p;
        if dom.depth(cur) < 3 {
            break;
        }
    }
    top
}

fn with_siblings(
    dom: &Dom,
    top: NodeId,
    scores: &[f32],
    removed: &[bool],
    m: &Measures,
) -> Vec<NodeId> {
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    let threshold = (scores[top] * 0.2).max(10.0);
    let mut out = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            out.push(s);
            continue;
        }
        if removed[s] || !dom.is_element(s) || is_invisible_tag(dom.tag(s)) {
            continue;
        }
        let bonus = if classes::is_body_hint(dom, s) {
            scores[top] * 0.2
        } else {
            0.0
        };
        let text = m.text[s];
        let ld = if text > 0 {
            m.link[s] as f32 / text as f32
        } else {
            1.0
        };
        let keep = scores[s] + bonus >= threshold
            || &**dom.tag(s) == "p"
                && (text > 80 && ld < 0.25
                    || text > 0 && ld == 0.0 && {
                        let t = dom.text(s);
                        t.ends_with('.') || t.ends_with('\u{3002}')
                    });
        if keep {
            out.push(s);
        }
    }
    out
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

struct Writer {
    blocks: Vec<Block>,
    cur: String,
    cur_link: usize,
    kind: BlockKind,
    /// Open list counters: None for `ul`, Some(n) for `ol`.
    lists: Vec<Option<u32>>,
    quote_depth: u32,
    pre_depth: u32,
}

impl Writer {
    fn flush(&mut self) {
        let t = self.cur.trim();
        if !t.is_empty() {
            self.blocks.push(Block {
                text: t.to_string(),
                link_chars: self.cur_link,
                kind: self.kind,
            });
        }
        self.cur.clear();
        self.cur_link = 0;
        self.kind = if self.pre_depth > 0 {
            BlockKind::Preformatted
        } else if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
    }

    fn push_text(&mut self, t: &str, in_link: bool) {
        let before = self.cur.len();
        for c in t.chars() {
            if c.is_whitespace() {
                if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                    self.cur.push(' ');
                }
            } else {
                self.cur.push(c);
            }
        }
        if in_link {
            self.cur_link += self.cur[before..].chars().filter(|c| *c != ' ').count();
        }
    }
}

/// Writes the subtrees as blocks.
pub fn write_blocks(dom: &Dom, roots: &[NodeId], removed: &[bool]) -> Vec<Block> {
    let mut wr = Writer {
        blocks: Vec::new(),
        cur: String::new(),
        cur_link: 0,
        kind: BlockKind::Paragraph,
        lists: Vec::new(),
        quote_depth: 0,
        pre_depth: 0,
    };
    for &root in roots {
        let mut link_depth = 0u32;
        let mut w = dom.walk(root);
        while let Some(e) = w.next() {
            match e {
                Edge::Open(id) => match &dom.node(id).kind {
                    NodeKind::Text(t) => wr.push_text(t, link_depth > 0),
                    NodeKind::Element => {
                        let tag: &LocalName = dom.tag(id);
                        if removed[id] || is_invisible_tag(tag) {
                            w.skip_children(id);
                            continue;
                        }
                        open_element(&mut wr, tag, &mut link_depth);
                    }
                    _ => {}
                },
                Edge::Close(id) => {
                    if !dom.is_element(id) || removed[id] || is_invisible_tag(dom.tag(id)) {
                        continue;
                    }
                    close_element(&mut wr, dom.tag(id), &mut link_depth);
                }
            }
        }
        wr.flush();
    }
    wr.blocks
}

fn open_element(wr: &mut Writer, tag: &str, link_depth: &mut u32) {
    if tag == "a" {
        *link_depth += 1;
        return;
    }
    if !is_block_tag(tag) {
        if matches!(tag, "img") && !wr.cur.ends_with(' ') {
            wr.cur.push(' ');
        }
        return;
    }
    wr.flush();
    match tag {
        "ul" => wr.lists.push(None),
        "ol" => wr.lists.push(Some(0)),
        "li" => {
            let prefix = match wr.lists.last_mut() {
                Some(Some(n)) => {
                    *n += 1;
                    format!("{n}. ")
                }
                _ => "\u{2022} ".to_string(),
            };
            wr.kind = BlockKind::ListItem;
            wr.cur.push_str(&prefix);
        }
        "blockquote" => {
            wr.quote_depth += 1;
            wr.kind = BlockKind::Quote;
        }
        "pre" => {
            wr.pre_depth += 1;
            wr.kind = BlockKind::Preformatted;
        }
        _ => {
            if let Some(l) = heading_level(tag) {
                wr.kind = BlockKind::Heading(l);
            }
        }
    }
}

fn close_element(wr: &mut Writer, tag: &str, link_depth: &mut u32) {
    if tag == "a" {
        *link_depth = link_depth.saturating_sub(1);
        return;
    }
    if !is_block_tag(tag) {
        return;
    }
    wr.flush();
    match tag {
        "ul" | "ol" => {
            wr.lists.pop();
        }
        "blockquote" => wr.quote_depth = wr.quote_depth.saturating_sub(1),
        "pre" => wr.pre_depth = wr.pre_depth.saturating_sub(1),
        _ => {}
    }
}

/// The standalone furniture lines of `page_labels.txt`.
const PAGE_LABELS: &str = include_str!("page_labels.txt");

/// Whether a block is a standalone furniture line ("Read more:", "Advertisement",
/// "Story continues below"), left behind by what it introduced.
fn is_page_label(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let line = text
        .trim()
        .trim_end_matches([':', '\u{bb}', '\u{203a}', '\u{2026}', '.', ' '])
        .to_lowercase();
    // A number at the start stands for any number (`5 min read`: `N min read`).
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let line = if digits > 0 {
        format!("N{}", &line[digits..])
    } else {
        line
    };
    PAGE_LABELS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l == line)
}

/// Drops link lists, standalone furniture lines and blocks with nothing readable. A
/// sentence with a long link in it stays: only blocks that are mostly link with little
/// other text go.
/// A heading left at the very end introduces something that was dropped (a link list,
/// comments), so trailing headings go too.
fn filter_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut kept: Vec<Block> = blocks
        .into_iter()
        .filter(|b| {
            let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
            if !b.text.chars().any(char::is_alphanumeric) || is_page_label(&b.text) {
                return false;
            }
            let ld = b.link_chars as f64 / chars.max(1) as f64;
            let own = chars.saturating_sub(b.link_chars);
            let prose = matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote) && own >= 40;
            let heading = matches!(b.kind, BlockKind::Heading(_));
            let link_list = ld > 0.5 && !prose && !heading;
            !link_list && ld <= 0.9
        })
        .collect();
    while kept
        .last()
        .is_some_and(|b| matches!(b.kind, BlockKind::Heading(_)))
        && kept.len() > 1
    {
        kept.pop();
    }
    kept
}

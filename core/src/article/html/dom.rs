//! A compact arena DOM built by html5ever's tree builder.
//!
//! Nodes live in one `Vec` and point at each other by index, so the tree is dropped
//! without recursion and every walk below is iterative (hostile pages nest 100k deep).

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;
const NONE: usize = usize::MAX;

/// What a node is.
#[derive(Debug)]
pub enum NodeKind {
    Document,
    Element,
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept out of every walk.
    Other,
}

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// Element name (an empty name for non-elements).
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    pub parent: usize,
    pub first_child: usize,
    pub last_child: usize,
    pub prev: usize,
    pub next: usize,
}

impl Node {
    fn new(kind: NodeKind, name: QualName, attrs: Vec<Attribute>) -> Self {
        Node {
            kind,
            name,
            attrs,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
        }
    }
}

/// A parsed document.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Parses a whole document.
pub fn parse(text: &str) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(
            NodeKind::Document,
            empty_name(),
            Vec::new(),
        )]),
    };
    html5ever::parse_document(sink, Default::default()).one(text)
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

/// One step of a document-order walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Dom {
    pub const ROOT: NodeId = 0;

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The local name of an element (empty for other nodes).
    pub fn tag(&self, id: NodeId) -> &LocalName {
        &self.nodes[id].name.local
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].kind, NodeKind::Element)
    }

    /// The value of an attribute, by its local name.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.nodes[id]
            .attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        some(self.nodes[id].parent)
    }

    /// The sibling just before `id`, if any.
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        some(self.nodes[id].prev)
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first_child,
        }
    }

    /// Document-order walk of the subtree under `root` (inclusive) as open/close edges;
    /// [`Walk::skip_children`] after an `Open` skips that node's subtree.
    pub fn walk(&self, root: NodeId) -> Walk<'_> {
        Walk {
            dom: self,
            root,
            next: Some(Edge::Open(root)),
        }
    }

    /// Elements under `root` (inclusive) in document order.
    pub fn descendants(&self, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.walk(root).filter_map(|e| match e {
            Edge::Open(id) => Some(id),
            Edge::Close(_) => None,
        })
    }

    /// All the text under `root`, whitespace collapsed, with a space between blocks (a
    /// card's `<div>Jane Doe</div><div>State Senator</div>` is `Jane Doe State Senator`).
    pub fn text(&self, root: NodeId) -> String {
        let mut out = String::new();
        let mut w = self.walk(root);
        while let Some(e) = w.next() {
            if let Edge::Open(id) = e {
                match &self.nodes[id].kind {
                    NodeKind::Text(t) => push_collapsed(&mut out, t),
                    NodeKind::Element if id != root && is_invisible_tag(self.tag(id)) => {
                        w.skip_children(id)
                    }
                    // A block's text is a word apart from what comes before it…
                    NodeKind::Element if id != root && is_block_tag(self.tag(id)) => {
                        push_collapsed(&mut out, " ")
                    }
                    _ => {}
                }
            } else if let Edge::Close(id) = e
                && id != root
                && self.is_element(id)
                && is_block_tag(self.tag(id))
            {
                // …and from what follows it.
                push_collapsed(&mut out, " ");
            }
        }
        out.trim_end().to_string()
    }

    /// Depth of a node (root = 0).
    pub fn depth(&self, mut id: NodeId) -> usize {
        let mut d = 0;
        while let Some(p) = self.parent(id) {
            d += 1;
            id = p;
        }
        d
    }

    /// True when `anc` is `id` or one of its ancestors.
    pub fn is_ancestor(&self, anc: NodeId, mut id: NodeId) -> bool {
        loop {
            if id == anc {
                return true;
            }
            match self.parent(id) {
                Some(p) => id = p,
                None => return false,
            }
        }
    }
}

/// Elements whose content is never readable text.
pub fn is_invisible_tag(tag: &LocalName) -> bool {
    matches!(
        &**tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "head"
            | "title"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "button"
            | "option"
            | "input"
    )
}

/// Elements that start a new block of text (a browser's default `display: block` and
/// line breaks): their text never runs into their neighbours'.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "br"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "caption"
            | "hgroup"
    )
}

/// Appends `t` to `out` with runs of whitespace collapsed to one space.
pub fn push_collapsed(out: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn some(i: usize) -> Option<usize> {
    (i != NONE).then_some(i)
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = some(self.next)?;
        self.next = self.dom.nodes[cur].next;
        Some(cur)
    }
}

/// Iterative document-order walk (no recursion, no stack).
pub struct Walk<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<Edge>,
}

impl Walk<'_> {
    /// After `Open(id)` was returned: do not descend into `id`; its `Close` comes next.
    pub fn skip_children(&mut self, id: NodeId) {
        if self.next.is_some() {
            self.next = Some(Edge::Close(id));
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        let cur = self.next?;
        let n = &self.dom.nodes;
        self.next = match cur {
            Edge::Open(id) => Some(match some(n[id].first_child) {
                Some(c) => Edge::Open(c),
                None => Edge::Close(id),
            }),
            Edge::Close(id) if id == self.root => None,
            Edge::Close(id) => match some(n[id].next) {
                Some(s) => Some(Edge::Open(s)),
                None => some(n[id].parent).map(Edge::Close),
            },
        };
        Some(cur)
    }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Sink {
    fn push(&self, node: Node) -> usize {
        let mut n = self.nodes.borrow_mut();
        n.push(node);
        n.len() - 1
    }

    fn detach(n: &mut [Node], id: usize) {
        let (p, prev, next) = (n[id].parent, n[id].prev, n[id].next);
        if p == NONE {
            return;
        }
        if prev != NONE {
            n[prev].next = next;
        } else {
            n[p].first_child = next;
        }
        if next != NONE {
            n[next].prev = prev;
        } else {
            n[p].last_child = prev;
        }
        n[id].parent = NONE;
        n[id].prev = NONE;
        n[id].next = NONE;
    }

    fn append_node(n: &mut [Node], parent: usize, id: usize) {
        let last = n[parent].last_child;
        n[id].parent = parent;
        n[id].prev = last;
        n[id].next = NONE;
        if last != NONE {
            n[last].next = id;
        } else {
            n[parent].first_child = id;
        }
        n[parent].last_child = id;
    }

    fn insert_before(n: &mut [Node], sibling: usize, id: usize) {
        let (p, prev) = (n[sibling].parent, n[sibling].prev);
        n[id].parent = p;
        n[id].prev = prev;
        n[id].next = sibling;
        n[sibling].prev = id;
        if prev != NONE {
            n[prev].next = id;
        } else if p != NONE {
            n[p].first_child = id;
        }
    }

    fn text_node(t: StrTendril) -> Node {
        Node::new(NodeKind::Text(t), empty_name(), Vec::new())
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        self.push(Node::new(NodeKind::Element, name, attrs))
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Node::new(NodeKind::Other, empty_name(), Vec::new()))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Node::new(NodeKind::Other, empty_name(), Vec::new()))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut n = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => Self::append_node(&mut n, *parent, id),
            NodeOrText::AppendText(t) => {
                let last = n[*parent].last_child;
                if last != NONE
                    && let NodeKind::Text(existing) = &mut n[last].kind
                {
                    existing.push_tendril(&t);
                    return;
                }
                n.push(Self::text_node(t));
                let id = n.len() - 1;
                Self::append_node(&mut n, *parent, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        // Template contents hang under the template element itself; every walk skips it.
        *target
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut n = self.nodes.borrow_mut();
        let id = match new_node {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(t) => {
                let prev = n[*sibling].prev;
                if prev != NONE
                    && let NodeKind::Text(existing) = &mut n[prev].kind
                {
                    existing.push_tendril(&t);
                    return;
                }
                n.push(Self::text_node(t));
                n.len() - 1
            }
        };
        Self::detach(&mut n, id);
        Self::insert_before(&mut n, *sibling, id);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut n = self.nodes.borrow_mut();
        let node = &mut n[*target];
        for a in attrs {
            if !node.attrs.iter().any(|b| b.name == a.name) {
                node.attrs.push(a);
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut n = self.nodes.borrow_mut();
        let mut c = n[*node].first_child;
        while c != NONE {
            let next = n[c].next;
            Self::detach(&mut n, c);
            Self::append_node(&mut n, *new_parent, c);
            c = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_blocks_a_word_apart_and_inline_text_together() {
        let dom = parse(
            "<div id=c><span>By </span><a>Jane Doe</a><div>Jane Q. Doe</div><div>State \
             Senator</div>re<b>port</b>er<br>March 2</div>",
        );
        let card = dom
            .descendants(Dom::ROOT)
            .find(|&i| dom.attr(i, "id") == Some("c"))
            .unwrap();
        assert_eq!(
            dom.text(card),
            "By Jane Doe Jane Q. Doe State Senator reporter March 2"
        );
    }

    #[test]
    fn builds_a_tree_and_walks_it() {
        let dom = parse("<p>Hello <b>big</b> world<p>Two");
        let ps: Vec<_> = dom
            .descendants(Dom::ROOT)
            .filter(|&i| &**dom.tag(i) == "p")
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text(ps[0]), "Hello big world");
        assert_eq!(dom.text(ps[1]), "Two");
    }

    #[test]
    fn misnested_tables_are_fostered() {
        let dom = parse("<table><tr><td>a</td></tr>stray<tr><td>b</td></tr></table>");
        // The stray text is moved before the table; cells are blocks, a word apart.
        assert_eq!(dom.text(Dom::ROOT), "stray a b");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Spans nest without the tree builder's scope scans (divs are capped before parsing).
        let html = "<span>".repeat(100_000) + "deep" + &"</span>".repeat(100_000);
        let dom = parse(&html);
        assert!(dom.nodes.len() > 100_000);
        assert_eq!(dom.text(Dom::ROOT), "deep");
    }
}

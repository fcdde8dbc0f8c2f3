//! The reader's state and the one function that changes it.

use super::action::{Action, Effect};
use super::body::{Nav, Wrapped};
use super::keymap::Keymap;
use super::layout::{self, Panes};
use super::theme::Theme;
use crate::article::Article;
use crate::extract::{Analysis, QuoteKind};
use crate::library::{ArticleId, ArticleSummary, QuoteHit, SearchHit, SpeakerSummary};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Reader,
    Speakers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Body,
    Sidebar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakersFocus {
    Names,
    Quotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Title,
    Quotes,
}

impl SortKey {
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Quotes => "quotes",
        }
    }
}

pub use super::prompt::{Prompt, PromptKind};

/// The article list.
#[derive(Debug, Clone)]
pub struct ArticleList {
    pub all: Vec<ArticleSummary>,
    pub loaded: bool,
    pub sort: SortKey,
    /// The sorted order upside down (`T`).
    pub reverse: bool,
    pub filter: String,
    /// Only unread articles are listed (and the selected one, once read).
    pub unread_only: bool,
    /// A library search and its hits, which replace the list until cleared.
    pub search: Option<(String, Vec<SearchHit>)>,
    /// Indexes into `all`, in display order.
    pub rows: Vec<usize>,
    pub selected: usize,
    /// Derived from `all` when it is set: sortable dates, index by id; and the filter text,
    /// made when the list is first filtered (a second copy of every title and byline, which
    /// a 100k library need not hold until someone types a filter).
    date_keys: Vec<Option<(i32, u32, u32)>>,
    haystacks: Vec<String>,
    by_id: std::collections::HashMap<ArticleId, usize>,
    /// The sorted (or searched) order before filtering, and what it was computed for.
    base: Vec<usize>,
    base_for: Option<BaseKey>,
    generation: u64,
}

/// What the unfiltered order depends on.
#[derive(Debug, Clone, PartialEq)]
struct BaseKey {
    sort: SortKey,
    reverse: bool,
    search: Option<(String, usize)>,
    generation: u64,
}

impl ArticleList {
    fn new() -> ArticleList {
        ArticleList {
            all: Vec::new(),
            loaded: false,
            sort: SortKey::Date,
            reverse: false,
            filter: String::new(),
            unread_only: false,
            search: None,
            rows: Vec::new(),
            selected: 0,
            date_keys: Vec::new(),
            haystacks: Vec::new(),
            by_id: Default::default(),
            base: Vec::new(),
            base_for: None,
            generation: 0,
        }
    }

    /// Replaces the articles (a load or a reload) and lists them again.
    pub fn set_articles(&mut self, all: Vec<ArticleSummary>) {
        self.date_keys = all
            .iter()
            .map(|a| a.date.as_deref().and_then(crate::dates::date_key))
            .collect();
        self.haystacks = Vec::new();
        self.by_id = all.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        self.all = all;
        self.generation += 1;
        self.loaded = true;
        self.refresh();
    }

    /// Appends articles that are not listed yet (by id); the rest of the list stays as is.
    pub fn add_articles(&mut self, new: Vec<ArticleSummary>) {
        let new: Vec<ArticleSummary> = new
            .into_iter()
            .filter(|a| !self.by_id.contains_key(&a.id))
            .collect();
        if new.is_empty() {
            return;
        }
        let mut all = std::mem::take(&mut self.all);
        // Exactly the room needed: a list that doubles its room holds up to twice the list.
        all.reserve_exact(new.len());
        all.extend(new);
        self.set_articles(all);
    }

    /// The article on the selected row.
    pub fn current(&self) -> Option<&ArticleSummary> {
        self.rows.get(self.selected).map(|&i| &self.all[i])
    }

    /// Selects the row of article `id` (the article shown), so the list, its footer and
    /// `Enter` follow what the body shows. An article the filter or a library search hides
    /// is listed again by clearing them (returns true then); one that is not in this list
    /// at all (another folder) leaves the selection as it is.
    pub fn select_article(&mut self, id: ArticleId) -> bool {
        if let Some(i) = self.rows.iter().position(|&i| self.all[i].id == id) {
            self.selected = i;
            return false;
        }
        if !self.by_id.contains_key(&id) {
            return false;
        }
        self.filter.clear();
        self.search = None;
        self.refresh();
        if let Some(i) = self.rows.iter().position(|&i| self.all[i].id == id) {
            self.selected = i;
        }
        true
    }

    /// Recomputes the rows (after loading, sorting, filtering, searching), keeping the
    /// selected article selected when it is still listed.
    pub fn refresh(&mut self) {
        let keep = self.current().map(|a| a.id);
        let key = BaseKey {
            sort: self.sort,
            reverse: self.reverse,
            search: self.search.as_ref().map(|(q, h)| (q.clone(), h.len())),
            generation: self.generation,
        };
        if self.base_for.as_ref() != Some(&key) {
            self.base = self.base_order();
            if self.reverse {
                self.base.reverse();
            }
            self.base_for = Some(key);
        }
        let mut rows = self.base.clone();
        if self.unread_only {
            let all = &self.all;
            rows.retain(|&i| !all[i].read || Some(all[i].id) == keep);
        }
        if !self.filter.is_empty() {
            if self.haystacks.len() != self.all.len() {
                self.haystacks = self
                    .all
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {} {}",
                            a.title,
                            a.byline.join(" "),
                            a.date.as_deref().unwrap_or("")
                        )
                    })
                    .collect();
            }
            let hay = &self.haystacks;
            rows = fuzzy_filter(&self.filter, rows, |&i| hay[i].as_str());
        }
        self.rows = rows;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|&i| self.all[i].id == id))
            .unwrap_or(0);
    }

    /// The rows before filtering: search hits in their order, else all sorted.
    fn base_order(&self) -> Vec<usize> {
        match &self.search {
            Some((_, hits)) => hits
                .iter()
                .filter_map(|h| self.by_id.get(&h.article).copied())
                .collect(),
            None => {
                let mut r: Vec<usize> = (0..self.all.len()).collect();
                let all = &self.all;
                match self.sort {
                    // Newest first; undated last.
                    SortKey::Date => {
                        let keys = &self.date_keys;
                        r.sort_by(|&a, &b| {
                            keys[b]
                                .is_some()
                                .cmp(&keys[a].is_some())
                                .then_with(|| keys[b].cmp(&keys[a]))
                                .then_with(|| all[a].title.cmp(&all[b].title))
                        })
                    }
                    SortKey::Title => {
                        r.sort_by_cached_key(|&i| (all[i].title.to_lowercase(), all[i].id))
                    }
                    SortKey::Quotes => r.sort_by(|&a, &b| {
                        all[b]
                            .quote_count
                            .cmp(&all[a].quote_count)
                            .then_with(|| all[a].title.cmp(&all[b].title))
                    }),
                }
                r
            }
        }
    }
}

pub use super::fuzzy::fuzzy_filter;

/// One row of the entity sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideItem {
    /// A speaker slot (see [`Nav::speakers`]) with its quote count.
    Speaker { slot: usize, quotes: usize },
    /// An entity (index into [`Analysis::entities`]).
    Entity { index: usize },
}

/// A search within the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSearch {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

/// The open article.
#[derive(Debug, Clone)]
pub struct Reader {
    pub id: ArticleId,
    pub article: Article,
    pub analysis: Analysis,
    pub nav: Nav,
    pub wrapped: Wrapped,
    /// First line shown.
    pub scroll: usize,
    pub height: usize,
    /// The current quote (index into `analysis.quotes`).
    pub current: Option<usize>,
    /// The speaker slot whose quotes are highlighted.
    pub selected_speaker: Option<usize>,
    pub side: Vec<SideItem>,
    pub side_selected: usize,
    /// The sidebar item Enter cycles through, and how far it got.
    pub side_cycle: Option<(usize, usize)>,
    /// A range to emphasize (the jumped-to mention).
    pub mark: Option<Range<usize>>,
    pub search: Option<ArticleSearch>,
}

impl Reader {
    pub fn new(
        id: ArticleId,
        article: Article,
        analysis: Analysis,
        include_indirect: bool,
    ) -> Reader {
        let nav = Nav::new(&analysis, include_indirect);
        let mut r = Reader {
            id,
            wrapped: Wrapped::default(),
            article,
            analysis,
            nav,
            scroll: 0,
            height: 1,
            current: None,
            selected_speaker: None,
            side: Vec::new(),
            side_selected: 0,
            side_cycle: None,
            mark: None,
            search: None,
        };
        // Every item; the state's sidebar filter narrows it (super::side_filter::apply).
        r.side = super::side_filter::side_items(&r);
        r
    }

    /// Rewraps for a new text size, keeping the top line's text in view.
    pub fn fit(&mut self, width: usize, height: usize) {
        self.height = height.max(1);
        if self.wrapped.width != width.max(1) {
            let anchor = self.top_offset();
            self.wrapped = Wrapped::new(&self.article, width);
            self.scroll = match anchor {
                Some(off) => self.wrapped.line_of(off),
                None => 0,
            };
            // Keep what the reader was looking at in view: the current quote, else the
            // current search match, else the jumped-to mention.
            let focus = self
                .current
                .map(|q| self.analysis.quotes[q].span.start)
                .or_else(|| {
                    self.search
                        .as_ref()
                        .and_then(|s| s.current.map(|c| s.matches[c].start))
                })
                .or_else(|| self.mark.as_ref().map(|m| m.start));
            if let Some(off) = focus {
                self.reveal(off);
            }
        }
        self.clamp_scroll();
    }

    /// This article with a new text and analysis (its file changed), at the same place: the
    /// text at the top of the view stays at the top, and the current quote, the selected
    /// speaker and the search stay when they are still in the new text.
    pub fn reloaded(&self, article: Article, analysis: Analysis, include_indirect: bool) -> Reader {
        let mut r = Reader::new(self.id, article, analysis, include_indirect);
        r.height = self.height;
        r.wrapped = Wrapped::new(&r.article, self.wrapped.width);
        let moved =
            |off: usize, len: usize| moved_offset(&self.article.body, &r.article.body, off, len);
        r.current = self.current.and_then(|q| {
            let old = &self.analysis.quotes[q];
            let text = self.article.body.get(old.span.clone())?;
            let at = moved(old.span.start, old.span.len())?;
            r.analysis.quotes.iter().position(|n| {
                n.span.start == at
                    && r.article.body.get(n.span.clone()) == Some(text)
                    && n.speaker == old.speaker
            })
        });
        let speaker_name =
            |rd: &Reader, slot: Option<usize>| slot.map(|s| rd.nav.speakers[s].clone());
        let wanted = speaker_name(self, self.selected_speaker);
        r.selected_speaker = wanted.and_then(|n| r.nav.speakers.iter().position(|s| *s == n));
        r.side_selected = self.side_selected.min(r.side.len().saturating_sub(1));
        if let Some(search) = &self.search {
            let matches = find_all(&r.article.body, &search.query);
            if !matches.is_empty() {
                let current = search.current.and_then(|c| {
                    let old = search.matches.get(c)?;
                    let at = moved(old.start, old.len())?;
                    matches.iter().position(|m| m.start == at)
                });
                r.search = Some(ArticleSearch {
                    query: search.query.clone(),
                    matches,
                    current,
                });
            }
        }
        r.scroll = match self.top_offset() {
            Some(off) => {
                let len = self.wrapped.lines[self.scroll].range.len().max(1);
                let at = moved(off, len).unwrap_or_else(|| {
                    let mut at = off.min(r.article.body.len());
                    while !r.article.body.is_char_boundary(at) {
                        at -= 1;
                    }
                    at
                });
                r.wrapped.line_of(at)
            }
            None => self.scroll,
        };
        r.clamp_scroll();
        r
    }

    /// Body offset of the first line shown (None in the header).
    fn top_offset(&self) -> Option<usize> {
        let l = self.wrapped.lines.get(self.scroll)?;
        (self.scroll >= self.wrapped.body_start).then_some(l.range.start)
    }

    pub fn max_scroll(&self) -> usize {
        self.wrapped.len().saturating_sub(self.height)
    }

    pub fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
    }

    /// Scrolls so that body offset `off` is in view (a third from the top when it was not).
    pub fn reveal(&mut self, off: usize) {
        let line = self.wrapped.line_of(off);
        if line < self.scroll || line >= self.scroll + self.height {
            self.scroll = line.saturating_sub(self.height / 3);
        }
        self.clamp_scroll();
    }

    /// Makes quote `q` the current one and shows it.
    pub fn go_to_quote(&mut self, q: usize) {
        self.current = Some(q);
        self.mark = None;
        let start = self.analysis.quotes[q].span.start;
        self.reveal(start);
    }

    /// Where `n`/`N` start from: the current quote, else the top of the view.
    fn cursor(&self) -> Option<usize> {
        self.current.map(|q| self.analysis.quotes[q].span.start)
    }

    /// The speaker slot of the current quote, else the selected speaker.
    pub fn current_speaker(&self) -> Option<usize> {
        self.current
            .and_then(|q| self.nav.speaker_of[q])
            .or(self.selected_speaker)
    }

    /// 1-based position of the current quote in the `n`/`N` walk, and the walk's length.
    pub fn quote_position(&self) -> (Option<usize>, usize) {
        let n = self.nav.walk.len();
        let pos = self.current.and_then(|q| {
            let start = self.analysis.quotes[q].span.start;
            let p = self.nav.walk_starts.partition_point(|&s| s < start);
            (p..n)
                .take_while(|&i| self.nav.walk_starts[i] == start)
                .find(|&i| self.nav.walk[i] == q)
                .map(|i| i + 1)
        });
        (pos, n)
    }

    fn next_quote(&mut self, forward: bool) -> Result<(), String> {
        if self.nav.walk.is_empty() {
            return Err("no quotes in this article".into());
        }
        let next = match (self.cursor(), forward) {
            (Some(start), true) => {
                let cur_pos = self.quote_position().0;
                match cur_pos {
                    Some(p) => (p < self.nav.walk.len()).then_some(p),
                    None => self.nav.walk_after(start, false),
                }
            }
            (Some(start), false) => match self.quote_position().0 {
                Some(p) => p.checked_sub(2),
                None => self.nav.walk_before(start),
            },
            (None, true) => {
                let top = self.view_offset();
                self.nav.walk_after(top, true)
            }
            (None, false) => {
                let bottom = self.view_end_offset();
                self.nav.walk_before(bottom)
            }
        };
        match next {
            Some(p) => {
                self.go_to_quote(self.nav.walk[p]);
                Ok(())
            }
            None if forward => Err("no more quotes below".into()),
            None => Err("no more quotes above".into()),
        }
    }

    /// Body offset at the top of the view.
    fn view_offset(&self) -> usize {
        self.wrapped
            .lines
            .get(self.scroll.max(self.wrapped.body_start))
            .map_or(0, |l| l.range.start)
    }

    fn view_end_offset(&self) -> usize {
        let last = (self.scroll + self.height).min(self.wrapped.len());
        self.wrapped
            .lines
            .get(last)
            .map_or(self.article.body.len(), |l| l.range.start)
    }

    fn next_speaker(&mut self, forward: bool) -> Result<(), String> {
        let n = self.nav.speakers.len();
        if n == 0 {
            return Err("no attributed quotes in this article".into());
        }
        let slot = match self.current_speaker() {
            Some(s) if forward => (s + 1) % n,
            Some(s) => (s + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        let quotes = &self.nav.by_speaker[slot];
        // Their first quote that `n` would visit (indirect ones may be skipped).
        let skip_indirect = self.nav.walk.len() < self.nav.order.len();
        let first = quotes
            .iter()
            .copied()
            .find(|q| !skip_indirect || self.analysis.quotes[*q].kind != QuoteKind::Indirect)
            .or_else(|| quotes.first().copied());
        if let Some(q) = first {
            self.selected_speaker = Some(slot);
            self.select_side_speaker(slot);
            self.go_to_quote(q);
        }
        Ok(())
    }

    fn select_side_speaker(&mut self, slot: usize) {
        if let Some(i) = self
            .side
            .iter()
            .position(|s| matches!(s, SideItem::Speaker { slot: s, .. } if *s == slot))
        {
            self.side_selected = i;
        }
    }

    fn next_same_speaker(&mut self, forward: bool) -> Result<(), String> {
        let Some(slot) = self.current_speaker() else {
            return Err("no current speaker: use n or s first".into());
        };
        let quotes = &self.nav.by_speaker[slot];
        let starts = |q: &usize| self.analysis.quotes[*q].span.start;
        let next = match self
            .current
            .filter(|q| self.nav.speaker_of[*q] == Some(slot))
        {
            Some(cur) => {
                // O(log n): the speaker's quotes are sorted by start.
                let start = self.analysis.quotes[cur].span.start;
                let mut i = quotes.partition_point(|q| starts(q) < start);
                while i + 1 < quotes.len() && quotes[i] != cur && starts(&quotes[i]) == start {
                    i += 1;
                }
                if forward {
                    quotes.get(i + 1).copied()
                } else {
                    i.checked_sub(1).map(|i| quotes[i])
                }
            }
            None => {
                let from = self.cursor().unwrap_or_else(|| self.view_offset());
                let p = quotes.partition_point(|q| starts(q) < from);
                if forward {
                    quotes.get(p).copied()
                } else {
                    p.checked_sub(1).map(|i| quotes[i])
                }
            }
        };
        match next {
            Some(q) => {
                self.selected_speaker = Some(slot);
                self.go_to_quote(q);
                Ok(())
            }
            None => Err(format!(
                "no more quotes by {}",
                crate::safe_text::one_line(&self.nav.speakers[slot], 60)
            )),
        }
    }

    /// Enter in the sidebar: the next quote or mention of the selected item.
    fn cycle_side(&mut self) -> Result<(), String> {
        let Some(item) = self.side.get(self.side_selected).cloned() else {
            return Err("nothing to jump to".into());
        };
        let k = match self.side_cycle {
            Some((i, k)) if i == self.side_selected => k + 1,
            _ => 0,
        };
        match item {
            SideItem::Speaker { slot, .. } => {
                let quotes = &self.nav.by_speaker[slot];
                let q = quotes[k % quotes.len()];
                self.selected_speaker = Some(slot);
                self.go_to_quote(q);
            }
            SideItem::Entity { index } => {
                let e = &self.analysis.entities[index];
                if e.mentions.is_empty() {
                    return Err("no mention in the body (title or byline only)".into());
                }
                let m = e.mentions[k % e.mentions.len()].clone();
                self.reveal(m.start);
                self.mark = Some(m);
            }
        }
        self.side_cycle = Some((self.side_selected, k));
        Ok(())
    }

    /// Selecting a speaker row highlights that speaker's quotes.
    fn on_side_move(&mut self) {
        self.selected_speaker = match self.side.get(self.side_selected) {
            Some(SideItem::Speaker { slot, .. }) => Some(*slot),
            _ => None,
        };
    }

    fn run_search(&mut self, query: &str) -> Result<(), String> {
        let matches = find_all(&self.article.body, query);
        if matches.is_empty() {
            self.search = None;
            return Err(format!(
                "not found: {}",
                crate::safe_text::one_line(query, 40)
            ));
        }
        let from = self.cursor().unwrap_or_else(|| self.view_offset());
        let first = matches.partition_point(|m| m.start < from) % matches.len();
        let m = matches[first].clone();
        self.search = Some(ArticleSearch {
            query: query.to_string(),
            matches,
            current: Some(first),
        });
        self.reveal(m.start);
        Ok(())
    }

    fn next_match(&mut self, forward: bool) -> Result<(), String> {
        let Some(s) = &mut self.search else {
            return Ok(());
        };
        let n = s.matches.len();
        let cur = s.current.unwrap_or(0);
        let next = if forward {
            (cur + 1) % n
        } else {
            (cur + n - 1) % n
        };
        s.current = Some(next);
        let off = s.matches[next].start;
        self.reveal(off);
        Ok(())
    }
}

/// Where the text at `old[off..off + len]` is in `new`: the occurrence nearest to `off`
/// (text put in or taken out before it moves it); `None` when it is no longer there.
fn moved_offset(old: &str, new: &str, off: usize, len: usize) -> Option<usize> {
    let end = (off + len).min(old.len());
    let text = old.get(off..end).filter(|t| !t.is_empty())?;
    new.match_indices(text)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(off))
}

/// Every case-insensitive occurrence of `needle` in `hay` (byte ranges into `hay`).
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < hay.len() {
        let mut it = hay[pos..].char_indices().flat_map(|(i, c)| {
            let len = c.len_utf8();
            c.to_lowercase().map(move |l| (i + len, l))
        });
        let mut end = None;
        for (k, want) in needle.iter().enumerate() {
            match it.next() {
                Some((e, c)) if c == *want => {
                    if k + 1 == needle.len() {
                        end = Some(e);
                    }
                }
                _ => break,
            }
        }
        let step = hay[pos..].chars().next().map_or(1, char::len_utf8);
        match end {
            Some(e) => {
                out.push(pos..pos + e);
                pos += e.max(step);
            }
            None => pos += step,
        }
    }
    out
}

/// The Speakers view.
#[derive(Debug, Clone)]
pub struct SpeakersView {
    pub all: Vec<SpeakerSummary>,
    pub loaded: bool,
    pub filter: String,
    pub rows: Vec<usize>,
    pub selected: usize,
    pub focus: SpeakersFocus,
    /// The chosen speaker's quotes across the library, as far as fetched.
    pub quotes: Option<SpeakerQuotes>,
    pub quote_selected: usize,
    /// The speaker to select once the list arrives (the view was opened on a speaker).
    pub pending_speaker: Option<String>,
    /// The quote to select once that speaker's quotes arrive: (speaker, article, quote
    /// index in the article).
    pub pending_quote: Option<(String, ArticleId, usize)>,
    /// The speaker whose quotes were asked for last.
    pub asked: Option<String>,
    /// Quotes asked for by moving in the list (they arrive without taking the focus).
    pub follow: Option<String>,
    /// The speaker being renamed (the rename prompt is open).
    pub editing: Option<String>,
    /// The speaker marked to be merged into the next one chosen (`+`).
    pub merging: Option<String>,
}

impl SpeakersView {
    fn new() -> SpeakersView {
        SpeakersView {
            all: Vec::new(),
            loaded: false,
            filter: String::new(),
            rows: Vec::new(),
            selected: 0,
            focus: SpeakersFocus::Names,
            quotes: None,
            quote_selected: 0,
            pending_speaker: None,
            pending_quote: None,
            asked: None,
            follow: None,
            editing: None,
            merging: None,
        }
    }

    pub fn refresh(&mut self) {
        let keep = self.current().map(|s| s.name.clone());
        let rows: Vec<usize> = (0..self.all.len()).collect();
        self.rows = if self.filter.is_empty() {
            rows
        } else {
            let all = &self.all;
            fuzzy_filter(&self.filter, rows, |&i| all[i].name.as_str())
        };
        self.selected = keep
            .and_then(|n| self.rows.iter().position(|&i| self.all[i].name == n))
            .unwrap_or(0);
    }

    pub fn current(&self) -> Option<&SpeakerSummary> {
        self.rows.get(self.selected).map(|&i| &self.all[i])
    }
}

/// Quotes fetched per page in the Speakers view.
pub const QUOTE_PAGE: usize = 500;
/// The next page is fetched when the selection comes this close to the last fetched quote.
pub const QUOTE_PAGE_MARGIN: usize = 100;

/// One speaker's quotes in library order, fetched a page at a time: a speaker may have
/// hundreds of thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerQuotes {
    pub speaker: String,
    /// All of the speaker's quotes in the library.
    pub total: usize,
    /// The first ones, as far as fetched.
    pub hits: Vec<QuoteHit>,
    /// A next page has been asked for.
    pub fetching: bool,
    /// Fetching a page failed: no more are asked for until the list is fetched again.
    pub stalled: bool,
}

impl SpeakerQuotes {
    fn complete(&self) -> bool {
        self.hits.len() >= self.total
    }
}

/// Walking one speaker's quotes across articles (from the Speakers view): an index into
/// [`SpeakersView::quotes`], which must still be that speaker's.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    pub speaker: String,
    pub index: usize,
}

/// Everything the views draw.
#[derive(Debug, Clone)]
pub struct State {
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub screen: Screen,
    pub focus: Focus,
    pub show_sidebar: bool,
    pub reading_mode: bool,
    /// The longest line of the reading mode (0: the whole width).
    pub reading_width: usize,
    /// The help overlay and its scroll position.
    pub help: Option<usize>,
    pub prompt: Option<Prompt>,
    pub list: ArticleList,
    pub reader: Option<Reader>,
    pub speakers: SpeakersView,
    pub walk: Option<Walk>,
    pub include_indirect: bool,
    /// What the entity sidebar is narrowed to (`c`, and `f` in the sidebar).
    pub side_filter: super::side_filter::SideFilter,
    /// An article being loaded, and the quote to show once it is.
    pub loading: Option<(ArticleId, Option<usize>)>,
    pub message: Option<String>,
    /// Background indexing progress (done, total) while it runs.
    pub index_progress: Option<(usize, usize)>,
    pub quit: bool,
}

impl State {
    pub fn new(keymap: Keymap, theme: Theme) -> State {
        State {
            keymap,
            theme,
            size: (80, 24),
            screen: Screen::Reader,
            focus: Focus::List,
            show_sidebar: true,
            reading_mode: false,
            reading_width: usize::from(crate::config::DEFAULT_READING_WIDTH),
            help: None,
            prompt: None,
            list: ArticleList::new(),
            reader: None,
            speakers: SpeakersView::new(),
            walk: None,
            include_indirect: true,
            side_filter: Default::default(),
            loading: None,
            message: None,
            index_progress: None,
            quit: false,
        }
    }

    pub fn panes(&self) -> Panes {
        layout::panes(self)
    }

    fn notify(&mut self, r: Result<(), String>) {
        if let Err(m) = r {
            self.message = Some(m);
        }
    }

    /// Keeps derived data (the body's wrapping) in step with the layout.
    fn sync(&mut self) {
        if let Some((w, h)) = layout::body_text_size(self)
            && let Some(r) = &mut self.reader
        {
            r.fit(w, h);
        }
        if self.focus == Focus::Sidebar && (self.reader.is_none() || !self.show_sidebar) {
            self.focus = if self.reader.is_some() {
                Focus::Body
            } else {
                Focus::List
            };
        }
        if self.focus == Focus::Body && self.reader.is_none() {
            self.focus = Focus::List;
        }
        let n = self.list.rows.len();
        self.list.selected = self.list.selected.min(n.saturating_sub(1));
    }

    /// The panes `Tab` cycles through, left to right.
    fn focus_order(&self) -> Vec<Focus> {
        let mut v = vec![Focus::List];
        if self.reader.is_some() {
            v.push(Focus::Body);
            if self.show_sidebar {
                v.push(Focus::Sidebar);
            }
        }
        v
    }

    fn pane_height(&self, r: Option<ratatui::layout::Rect>) -> usize {
        r.map_or(1, |r| usize::from(layout::inner(r).height).max(1))
    }

    fn open_selected(&mut self) -> Vec<Effect> {
        match self.list.current() {
            Some(a) => {
                let id = a.id;
                self.walk = None;
                self.loading = Some((id, None));
                vec![Effect::LoadArticle(id)]
            }
            None => Vec::new(),
        }
    }

    /// The current quote with its citation (`y`): see [`crate::citation`].
    fn copy_text(&self) -> Option<String> {
        let r = self.reader.as_ref()?;
        let q = &r.analysis.quotes[r.current?];
        let path = self
            .list
            .all
            .iter()
            .find(|a| a.id == r.id)
            .map(|a| a.path.as_path());
        let cited = crate::citation::Cited::from_quote(&r.article.body, q);
        // One line under the output policy: pasted into a shell, a line feed would run a
        // line and an escape could end a bracketed paste.
        Some(crate::citation::cite(
            &cited,
            &crate::citation::Source::of_article(&r.article, path),
        ))
    }

    /// The hit the walk is on, when the Speakers view still holds the walked speaker.
    pub fn walk_hit(&self) -> Option<(&Walk, &SpeakerQuotes, &QuoteHit)> {
        let w = self.walk.as_ref()?;
        let q = self
            .speakers
            .quotes
            .as_ref()
            .filter(|q| q.speaker == w.speaker)?;
        Some((w, q, q.hits.get(w.index)?))
    }

    /// Asks for the next page of the Speakers view's quotes when the selection or the walk
    /// comes near the end of what is fetched.
    fn fetch_more_quotes(&mut self) -> Option<Effect> {
        let walk_at = self
            .walk
            .as_ref()
            .filter(|w| {
                self.speakers
                    .quotes
                    .as_ref()
                    .is_some_and(|q| q.speaker == w.speaker)
            })
            .map_or(0, |w| w.index);
        let at = self.speakers.quote_selected.max(walk_at);
        let q = self.speakers.quotes.as_mut()?;
        if q.fetching || q.stalled || q.complete() || at + QUOTE_PAGE_MARGIN < q.hits.len() {
            return None;
        }
        let after = Box::new(q.hits.last()?.clone());
        q.fetching = true;
        Some(Effect::LoadMoreSpeakerQuotes {
            speaker: q.speaker.clone(),
            after,
        })
    }

    /// The speaker the reader points at: the one selected in the sidebar when it has
    /// focus, else the current quote's speaker; with the current quote when it is theirs.
    fn speaker_in_hand(&self) -> Option<(String, Option<(ArticleId, usize)>)> {
        let r = self.reader.as_ref()?;
        let slot = match (self.focus, r.side.get(r.side_selected)) {
            (Focus::Sidebar, Some(SideItem::Speaker { slot, .. })) => Some(*slot),
            (Focus::Body | Focus::Sidebar, _) => r.current.and_then(|q| r.nav.speaker_of[q]),
            _ => None,
        }?;
        let quote = r
            .current
            .filter(|&q| r.nav.speaker_of[q] == Some(slot))
            .map(|q| (r.id, q));
        Some((r.nav.speakers[slot].clone(), quote))
    }

    fn walk_step(&mut self, forward: bool) -> Option<Vec<Effect>> {
        let reader_id = self.reader.as_ref().map(|r| r.id);
        let (w, q, hit) = self.walk_hit()?;
        let (w, more) = (w.clone(), !q.complete());
        let hits = &q.hits;
        // The walk only applies while its current quote is the one shown.
        let shown = reader_id == Some(hit.article)
            && self.reader.as_ref().and_then(|r| r.current) == Some(hit.quote_index);
        if !shown {
            return None;
        }
        let next = if forward {
            w.index + 1
        } else {
            match w.index.checked_sub(1) {
                Some(i) => i,
                None => {
                    self.message = Some(format!(
                        "first quote by {}",
                        crate::safe_text::one_line(&w.speaker, 60)
                    ));
                    return Some(Vec::new());
                }
            }
        };
        let Some(hit) = hits.get(next).cloned() else {
            self.message = Some(if more {
                format!(
                    "fetching more quotes by {}…",
                    crate::safe_text::one_line(&w.speaker, 60)
                )
            } else {
                format!(
                    "last quote by {}",
                    crate::safe_text::one_line(&w.speaker, 60)
                )
            });
            return Some(Vec::new());
        };
        if let Some(w) = &mut self.walk {
            w.index = next;
        }
        if reader_id == Some(hit.article) {
            if let Some(r) = &mut self.reader
                && hit.quote_index < r.analysis.quotes.len()
            {
                r.go_to_quote(hit.quote_index);
                r.selected_speaker = r.nav.speaker_of[hit.quote_index];
            }
            Some(Vec::new())
        } else {
            self.loading = Some((hit.article, Some(hit.quote_index)));
            Some(vec![Effect::LoadArticle(hit.article)])
        }
    }
}

/// The one function that changes the state.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut effects = apply(state, action);
    state.sync();
    effects.extend(state.fetch_more_quotes());
    effects.extend(super::speakers::follow_selection(state));
    effects
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    use Action::*;
    let user_input = !matches!(
        action,
        ArticlesLoaded(_)
            | ArticlesCommitted
            | ArticlesAdded(_)
            | ArticleLoaded { .. }
            | ArticleReloaded { .. }
            | SpeakersLoaded(_)
            | SpeakerQuotesLoaded { .. }
            | SpeakerQuotesMore { .. }
            | SpeakerQuotesFailed { .. }
            | SearchResults { .. }
            | Notify(_)
            | SpeakersEdited { .. }
            | IndexProgress { .. }
            | LibraryChanged
            | IndexFinished { .. }
            | Resize(..)
    );
    if user_input {
        state.message = None;
    }
    if state.help.is_some() && user_input {
        return help_action(state, action);
    }
    let panes = state.panes();
    match action {
        Quit => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Suspend => vec![Effect::Suspend],
        ToggleHelp => {
            state.help = Some(0);
            Vec::new()
        }
        Resize(w, h) => {
            state.size = (w, h);
            Vec::new()
        }
        Notify(m) => {
            state.message = Some(m);
            Vec::new()
        }
        IndexProgress { done, total } => {
            state.index_progress = Some((done, total));
            Vec::new()
        }
        LibraryChanged => reload_lists(state),
        ArticlesCommitted => added_lists(state),
        ArticlesAdded(v) => {
            state.list.add_articles(v);
            Vec::new()
        }
        IndexFinished {
            message,
            only_added,
        } => {
            state.index_progress = None;
            if message.is_some() {
                state.message = message;
            }
            if only_added {
                added_lists(state)
            } else {
                reload_lists(state)
            }
        }
        ArticlesLoaded(v) => {
            state.list.set_articles(v);
            Vec::new()
        }
        ArticleLoaded {
            id,
            article,
            analysis,
        } => {
            let pending = match state.loading {
                Some((lid, q)) if lid == id => q,
                _ => None,
            };
            state.loading = None;
            // Wrapped to the pane by `sync` at the end of `update`.
            let mut r = Reader::new(id, *article, *analysis, state.include_indirect);
            if let Some(q) = pending.filter(|&q| q < r.analysis.quotes.len()) {
                r.selected_speaker = r.nav.speaker_of[q];
                if let Some(s) = r.selected_speaker {
                    r.select_side_speaker(s);
                }
                r.go_to_quote(q);
            } else if let Some((query, _)) = &state.list.search {
                // Opened from a library search: show where the words are (n/N walk them;
                // Esc goes back to quotes).
                let _ = r.run_search(query.trim());
            }
            state.reader = Some(r);
            super::side_filter::apply(state);
            if state.screen == Screen::Reader {
                state.focus = Focus::Body;
            }
            if state.list.select_article(id) {
                state.message = Some("filter cleared to list the article shown".into());
            }
            for a in &mut state.list.all {
                if a.id == id {
                    a.read = true;
                }
            }
            vec![Effect::SetRead(id)]
        }
        ArticleReloaded {
            id,
            article,
            analysis,
        } => {
            if let Some(old) = state.reader.take_if(|r| r.id == id) {
                let changed = old.article != *article || old.analysis != *analysis;
                state.reader = Some(if changed {
                    // (Only the speakers' names change after a rename or merge.)
                    if old.article != *article {
                        state.message = Some("the article's file changed: reloaded".into());
                    }
                    old.reloaded(*article, *analysis, state.include_indirect)
                } else {
                    old
                });
                super::side_filter::apply(state);
            }
            Vec::new()
        }
        SpeakersLoaded(v) => {
            let sv = &mut state.speakers;
            sv.all = v;
            sv.loaded = true;
            if let Some(name) = sv.pending_speaker.take()
                && let Some(i) = sv.all.iter().position(|s| s.name == name)
            {
                // Opened on a speaker: show them, even if a filter would hide them.
                if !sv.rows.contains(&i) {
                    sv.filter.clear();
                }
                sv.refresh();
                sv.selected = sv.rows.iter().position(|&r| r == i).unwrap_or(0);
            } else {
                sv.refresh();
            }
            Vec::new()
        }
        SpeakerQuotesLoaded { speaker, page } => {
            let sv = &mut state.speakers;
            let same = sv.quotes.as_ref().is_some_and(|q| q.speaker == speaker);
            let followed = sv.follow.take_if(|f| *f == speaker).is_some();
            if same {
                // A reload (the library changed): stay where the user was.
                sv.quote_selected = sv.quote_selected.min(page.hits.len().saturating_sub(1));
            } else {
                sv.quote_selected = 0;
                if !followed {
                    sv.focus = SpeakersFocus::Quotes;
                }
                // A walk follows the list it started from.
                state.walk = None;
            }
            if let Some(w) = &mut state.walk {
                w.index = w.index.min(page.hits.len().saturating_sub(1));
            }
            if let Some((_, article, quote)) = sv.pending_quote.take_if(|p| p.0 == speaker) {
                // Opened from an article: on the quote the reader was at.
                if let Some(i) = page
                    .hits
                    .iter()
                    .position(|h| h.article == article && h.quote_index == quote)
                {
                    sv.quote_selected = i;
                    sv.focus = SpeakersFocus::Quotes;
                }
            }
            sv.quotes = Some(SpeakerQuotes {
                speaker,
                total: page.total.max(page.hits.len()),
                hits: page.hits,
                fetching: false,
                stalled: false,
            });
            Vec::new()
        }
        SpeakerQuotesFailed { speaker, message } => {
            if let Some(q) = &mut state.speakers.quotes
                && q.speaker == speaker
            {
                q.fetching = false;
                q.stalled = true;
            }
            state.message = Some(crate::safe_text::one_line(&message, 300));
            Vec::new()
        }
        SpeakerQuotesMore {
            speaker,
            after,
            page,
        } => {
            if let Some(q) = &mut state.speakers.quotes
                && q.speaker == speaker
                && q.hits.last() == Some(&*after)
            {
                q.fetching = false;
                if page.hits.is_empty() {
                    // Fewer than counted (the library changed): what is here is all.
                    q.total = q.hits.len();
                } else {
                    q.hits.extend(page.hits);
                    q.total = page.total.max(q.hits.len());
                }
            }
            Vec::new()
        }
        SearchResults { query, hits } => {
            state.message = Some(format!(
                "{} article{} match “{}”",
                hits.len(),
                if hits.len() == 1 { "" } else { "s" },
                crate::safe_text::one_line(&query, 40)
            ));
            state.list.search = Some((query, hits));
            state.list.selected = 0;
            state.list.refresh();
            state.list.selected = 0;
            state.focus = Focus::List;
            Vec::new()
        }
        PromptChar(_) | PromptBackspace | PromptDelete | PromptLeft | PromptRight | PromptStart
        | PromptEnd | PromptDeleteWord | PromptDeleteToStart | PromptDeleteToEnd => {
            if let Some(p) = &mut state.prompt
                && p.edit(&action)
            {
                live_filter(state);
            }
            Vec::new()
        }
        PromptCancel => {
            if let Some(p) = state.prompt.take() {
                match p.kind {
                    PromptKind::Filter => {
                        state.list.filter.clear();
                        state.list.refresh();
                    }
                    PromptKind::SpeakerFilter => {
                        state.speakers.filter.clear();
                        state.speakers.refresh();
                    }
                    PromptKind::SidebarFilter => super::side_filter::set_text(state, String::new()),
                    _ => {}
                }
            }
            Vec::new()
        }
        PromptSubmit => {
            let Some(p) = state.prompt.take() else {
                return Vec::new();
            };
            match p.kind {
                PromptKind::Filter | PromptKind::SpeakerFilter | PromptKind::SidebarFilter => {
                    Vec::new()
                }
                PromptKind::RenameSpeaker => super::speaker_edit::submit_rename(state, p.text),
                PromptKind::LibrarySearch => {
                    if p.text.trim().is_empty() {
                        state.list.search = None;
                        state.list.refresh();
                        Vec::new()
                    } else {
                        vec![Effect::SearchLibrary(p.text)]
                    }
                }
                PromptKind::ArticleSearch => {
                    if let Some(r) = &mut state.reader {
                        let res = r.run_search(&p.text);
                        state.notify(res);
                    }
                    Vec::new()
                }
            }
        }
        SpeakersView => {
            if state.screen == Screen::Speakers {
                state.screen = Screen::Reader;
                Vec::new()
            } else {
                state.screen = Screen::Speakers;
                let mut effects = vec![Effect::LoadSpeakers];
                // From an article: the speaker in hand (selected in the sidebar, else the
                // current quote's) with all their quotes across the library.
                if let Some((name, quote)) = state.speaker_in_hand() {
                    let sv = &mut state.speakers;
                    sv.pending_speaker = Some(name.clone());
                    sv.pending_quote = quote.map(|(a, q)| (name.clone(), a, q));
                    sv.focus = SpeakersFocus::Quotes;
                    // As many as are listed already when it is the same speaker (a walk
                    // may be far down a big speaker's list).
                    let listed = sv
                        .quotes
                        .as_ref()
                        .filter(|q| q.speaker == name)
                        .map_or(0, |q| q.hits.len());
                    effects.push(super::speakers::ask_quotes(
                        sv,
                        name,
                        listed.max(QUOTE_PAGE),
                    ));
                }
                effects
            }
        }
        Click { column, row } => click(state, &panes, column, row),
        Scroll { column, row, lines } => {
            let at = |r: Option<ratatui::layout::Rect>| {
                r.is_some_and(|r| layout::contains(r, column, row))
            };
            let step = lines.clamp(-1000, 1000) as isize;
            if at(panes.body) {
                if let Some(r) = &mut state.reader {
                    r.scroll_by(step * 3);
                }
            } else if at(panes.list) {
                move_list(&mut state.list.selected, state.list.rows.len(), step);
            } else if at(panes.sidebar) {
                if let Some(r) = &mut state.reader {
                    move_list(&mut r.side_selected, r.side.len(), step);
                    r.on_side_move();
                }
            } else if at(panes.speakers) {
                move_list(
                    &mut state.speakers.selected,
                    state.speakers.rows.len(),
                    step,
                );
            } else if at(panes.speaker_quotes) {
                let n = state.speakers.quotes.as_ref().map_or(0, |q| q.hits.len());
                move_list(&mut state.speakers.quote_selected, n, step);
            }
            Vec::new()
        }
        ToggleRead | MarkAllRead | UnreadOnly | ToggleStar => super::marks::apply(state, action),
        ExportQuotes => super::export::request(state),
        SideKind => {
            super::side_filter::cycle_kind(state);
            Vec::new()
        }
        Filter if state.screen == Screen::Reader && super::side_filter::wants_prompt(state) => {
            super::side_filter::open_prompt(state);
            Vec::new()
        }
        ReverseSort => {
            super::order::reverse(state);
            Vec::new()
        }
        RenameSpeaker | MergeSpeaker | UndoSpeakerEdit => super::speaker_edit::apply(state, action),
        SpeakersEdited { message, show } => super::speaker_edit::edited(state, message, show),
        CopyUrl => super::outside::copy_url(state),
        OpenInEditor => super::outside::open_file(state, super::action::Viewer::Editor),
        OpenInPager => super::outside::open_file(state, super::action::Viewer::Pager),
        _ if state.screen == Screen::Speakers => speakers_action(state, &panes, action),
        other => reader_action(state, &panes, other),
    }
}

/// Articles were added: the new ones are fetched and appended, not the whole list again (at
/// 100k articles a full reload each second would hold the list twice); the Speakers view,
/// when shown, is fetched again.
fn added_lists(state: &State) -> Vec<Effect> {
    let mut v = match state.list.all.iter().map(|a| a.id).max() {
        Some(max) if state.list.loaded => vec![Effect::LoadArticlesAfter(max)],
        _ => vec![Effect::LoadArticles],
    };
    v.extend(speakers_reload(state));
    v
}

/// The library changed: the list (and the Speakers view when shown) are fetched again, and
/// the open article, whose file may be one that changed.
fn reload_lists(state: &State) -> Vec<Effect> {
    let mut v = vec![Effect::LoadArticles];
    if let Some(r) = &state.reader {
        v.push(Effect::ReloadArticle(r.id));
    }
    v.extend(speakers_reload(state));
    v
}

/// The Speakers view, when shown, fetched again: the speakers and as many of the chosen
/// speaker's quotes as were listed.
fn speakers_reload(state: &State) -> Vec<Effect> {
    let mut v = Vec::new();
    if state.screen == Screen::Speakers {
        v.push(Effect::LoadSpeakers);
        if let Some(q) = &state.speakers.quotes {
            v.push(Effect::LoadSpeakerQuotes {
                speaker: q.speaker.clone(),
                limit: q.hits.len().max(QUOTE_PAGE),
            });
        }
    }
    v
}

fn live_filter(state: &mut State) {
    let Some(p) = &state.prompt else { return };
    match p.kind {
        PromptKind::Filter => {
            state.list.filter = p.text.clone();
            state.list.refresh();
        }
        PromptKind::SpeakerFilter => {
            state.speakers.filter = p.text.clone();
            state.speakers.refresh();
        }
        PromptKind::SidebarFilter => {
            let text = p.text.clone();
            super::side_filter::set_text(state, text);
        }
        _ => {}
    }
}

fn move_list(selected: &mut usize, len: usize, delta: isize) {
    if len == 0 {
        *selected = 0;
        return;
    }
    *selected = selected.saturating_add_signed(delta).min(len - 1);
}

fn help_action(state: &mut State, action: Action) -> Vec<Effect> {
    use Action::*;
    let h = state.help.unwrap_or(0);
    // As far as the help scrolls on this screen, so no key press is lost past the end.
    let rows = super::help::max_scroll(state);
    state.help = match action {
        Down => Some((h + 1).min(rows)),
        Up => Some(h.saturating_sub(1)),
        PageDown => Some((h + 10).min(rows)),
        PageUp => Some(h.saturating_sub(10)),
        Top => Some(0),
        Bottom => Some(rows),
        Quit => {
            state.quit = true;
            return vec![Effect::Quit];
        }
        Suspend => return vec![Effect::Suspend],
        Scroll { lines, .. } => Some(h.saturating_add_signed(lines as isize).min(rows)),
        _ => None,
    };
    Vec::new()
}

fn click(state: &mut State, panes: &Panes, column: u16, row: u16) -> Vec<Effect> {
    let hit = |r: Option<ratatui::layout::Rect>| r.filter(|r| layout::contains(*r, column, row));
    let row_in = |r: ratatui::layout::Rect, selected: usize| -> Option<usize> {
        let inner = layout::inner(r);
        if !layout::contains(inner, column, row) {
            return None;
        }
        let h = usize::from(inner.height);
        Some(layout::list_offset(selected, h) + usize::from(row - inner.y))
    };
    if let Some(r) = hit(panes.list) {
        state.focus = Focus::List;
        if let Some(i) = row_in(r, state.list.selected)
            && i < state.list.rows.len()
        {
            let again = i == state.list.selected;
            state.list.selected = i;
            if again {
                return state.open_selected();
            }
        }
    } else if hit(panes.body).is_some() {
        state.focus = Focus::Body;
    } else if let Some(r) = hit(panes.sidebar) {
        state.focus = Focus::Sidebar;
        if let Some(rd) = &mut state.reader {
            rd.on_side_move();
        }
        if let Some(rd) = &mut state.reader {
            // Sidebar rows carry headings; map through the same rows the view draws.
            let inner = layout::inner(r);
            if layout::contains(inner, column, row) {
                let rows = sidebar_rows(rd);
                let off = super::sidebar::offset(&rows, rd.side_selected, inner.height);
                if let Some(SideRow::Item(item)) = rows.get(off + usize::from(row - inner.y)) {
                    let again = *item == rd.side_selected;
                    rd.side_selected = *item;
                    rd.on_side_move();
                    if again {
                        // A second click on a row jumps, as Enter does.
                        let res = rd.cycle_side();
                        state.notify(res);
                    }
                }
            }
        }
    } else if let Some(r) = hit(panes.speakers) {
        state.speakers.focus = SpeakersFocus::Names;
        if let Some(i) = row_in(r, state.speakers.selected)
            && i < state.speakers.rows.len()
        {
            let again = i == state.speakers.selected;
            state.speakers.selected = i;
            if again {
                return speakers_action(state, panes, Action::Enter);
            }
        }
    } else if let Some(r) = hit(panes.speaker_quotes) {
        state.speakers.focus = SpeakersFocus::Quotes;
        let n = state.speakers.quotes.as_ref().map_or(0, |q| q.hits.len());
        if let Some(i) = row_in(r, state.speakers.quote_selected)
            && i < n
        {
            let again = i == state.speakers.quote_selected;
            state.speakers.quote_selected = i;
            if again {
                return speakers_action(state, panes, Action::Enter);
            }
        }
    }
    Vec::new()
}

pub use super::sidebar::{SideRow, sidebar_rows};

fn speakers_action(state: &mut State, panes: &Panes, action: Action) -> Vec<Effect> {
    use Action::*;
    let sv = &mut state.speakers;
    let names_h = state_pane_height(panes.speakers.or(panes.speaker_quotes));
    let quotes_h = state_pane_height(panes.speaker_quotes.or(panes.speakers));
    let nq = sv.quotes.as_ref().map_or(0, |q| q.hits.len());
    let (sel, len, h) = match sv.focus {
        SpeakersFocus::Names => (&mut sv.selected, sv.rows.len(), names_h),
        SpeakersFocus::Quotes => (&mut sv.quote_selected, nq, quotes_h),
    };
    let page = h.saturating_sub(1).max(1) as isize;
    match action {
        Down => move_list(sel, len, 1),
        Up => move_list(sel, len, -1),
        PageDown => move_list(sel, len, page),
        PageUp => move_list(sel, len, -page),
        Top => *sel = 0,
        Bottom => *sel = len.saturating_sub(1),
        FocusNext | FocusPrev => {
            sv.focus = match sv.focus {
                SpeakersFocus::Names if sv.quotes.is_some() => SpeakersFocus::Quotes,
                _ => SpeakersFocus::Names,
            }
        }
        FocusLeft => sv.focus = SpeakersFocus::Names,
        FocusRight => {
            if sv.quotes.is_some() {
                sv.focus = SpeakersFocus::Quotes
            }
        }
        Filter | Search => {
            state.prompt = Some(Prompt::new(PromptKind::SpeakerFilter, sv.filter.clone()));
        }
        Back => match sv.focus {
            SpeakersFocus::Quotes => sv.focus = SpeakersFocus::Names,
            SpeakersFocus::Names if !sv.filter.is_empty() => {
                sv.filter.clear();
                sv.refresh();
            }
            SpeakersFocus::Names => state.screen = Screen::Reader,
        },
        Enter => match sv.focus {
            SpeakersFocus::Names => {
                if let Some(s) = sv.current() {
                    let name = s.name.clone();
                    if let Some(q) = sv.quotes.as_ref().filter(|q| q.speaker == name) {
                        // Already shown (the pane follows the selection): go into them,
                        // fetching them again when a page could not be.
                        let stalled = q.stalled;
                        sv.follow = None;
                        sv.focus = SpeakersFocus::Quotes;
                        if stalled {
                            let limit = q.hits.len().max(QUOTE_PAGE);
                            return vec![super::speakers::ask_quotes(sv, name, limit)];
                        }
                        return Vec::new();
                    }
                    // Asked for with Enter: they take the focus when they arrive.
                    sv.follow = None;
                    return vec![super::speakers::ask_quotes(sv, name, QUOTE_PAGE)];
                }
            }
            SpeakersFocus::Quotes => {
                if let Some(q) = &sv.quotes
                    && let Some(hit) = q.hits.get(sv.quote_selected)
                {
                    state.walk = Some(Walk {
                        speaker: q.speaker.clone(),
                        index: sv.quote_selected,
                    });
                    state.screen = Screen::Reader;
                    state.focus = Focus::Body;
                    if let Some(r) = &mut state.reader
                        && r.id == hit.article
                        && hit.quote_index < r.analysis.quotes.len()
                    {
                        r.go_to_quote(hit.quote_index);
                        r.selected_speaker = r.nav.speaker_of[hit.quote_index];
                        return Vec::new();
                    }
                    state.loading = Some((hit.article, Some(hit.quote_index)));
                    return vec![Effect::LoadArticle(hit.article)];
                }
            }
        },
        other => return reader_action(state, panes, other),
    }
    Vec::new()
}

fn state_pane_height(r: Option<ratatui::layout::Rect>) -> usize {
    r.map_or(1, |r| usize::from(layout::inner(r).height).max(1))
}

fn reader_action(state: &mut State, panes: &Panes, action: Action) -> Vec<Effect> {
    use Action::*;
    let list_h = state.pane_height(panes.list);
    let side_h = state.pane_height(panes.sidebar);
    let focus = state.focus;
    let list_len = state.list.rows.len();
    match action {
        Down | Up | PageDown | PageUp | Top | Bottom => {
            let (page_list, page_side) = (
                list_h.saturating_sub(1).max(1),
                side_h.saturating_sub(1).max(1),
            );
            match focus {
                Focus::List => {
                    let sel = &mut state.list.selected;
                    match action {
                        Down => move_list(sel, list_len, 1),
                        Up => move_list(sel, list_len, -1),
                        PageDown => move_list(sel, list_len, page_list as isize),
                        PageUp => move_list(sel, list_len, -(page_list as isize)),
                        Top => *sel = 0,
                        _ => *sel = list_len.saturating_sub(1),
                    }
                }
                Focus::Body => {
                    if let Some(r) = &mut state.reader {
                        let page = r.height.saturating_sub(1).max(1) as isize;
                        match action {
                            Down => r.scroll_by(1),
                            Up => r.scroll_by(-1),
                            PageDown => r.scroll_by(page),
                            PageUp => r.scroll_by(-page),
                            Top => r.scroll = 0,
                            _ => r.scroll = r.max_scroll(),
                        }
                    }
                }
                Focus::Sidebar => {
                    if let Some(r) = &mut state.reader {
                        let len = r.side.len();
                        let sel = &mut r.side_selected;
                        match action {
                            Down => move_list(sel, len, 1),
                            Up => move_list(sel, len, -1),
                            PageDown => move_list(sel, len, page_side as isize),
                            PageUp => move_list(sel, len, -(page_side as isize)),
                            Top => *sel = 0,
                            _ => *sel = len.saturating_sub(1),
                        }
                        r.on_side_move();
                    }
                }
            }
        }
        FocusNext | FocusPrev | FocusLeft | FocusRight => {
            let order = state.focus_order();
            let i = order.iter().position(|f| *f == focus).unwrap_or(0);
            let n = order.len();
            let j = match action {
                FocusNext => (i + 1) % n,
                FocusPrev => (i + n - 1) % n,
                FocusLeft => i.saturating_sub(1),
                _ => (i + 1).min(n - 1),
            };
            state.focus = order[j];
            if state.focus == Focus::Sidebar
                && focus != Focus::Sidebar
                && let Some(r) = &mut state.reader
            {
                r.on_side_move();
            }
        }
        Enter => match focus {
            Focus::List => return state.open_selected(),
            Focus::Sidebar => {
                if let Some(r) = &mut state.reader {
                    let res = r.cycle_side();
                    state.notify(res);
                }
            }
            Focus::Body => {}
        },
        Back => {
            if state.prompt.take().is_some() {
                return Vec::new();
            }
            if let Some(r) = &mut state.reader
                && focus != Focus::List
            {
                if r.search.is_some() || r.mark.is_some() {
                    r.search = None;
                    r.mark = None;
                } else if focus == Focus::Sidebar {
                    state.focus = Focus::Body;
                } else {
                    state.focus = Focus::List;
                }
                return Vec::new();
            }
            if state.reading_mode {
                state.reading_mode = false;
            } else if !state.list.filter.is_empty() || state.list.search.is_some() {
                state.list.filter.clear();
                state.list.search = None;
                state.list.refresh();
            } else {
                // Back never quits: a stray Esc (a prompt left without noticing) must not
                // end the session.
                let quit = state.keymap.hint(&Quit);
                if !quit.is_empty() {
                    state.message = Some(format!("nothing to go back to ({quit} quits)"));
                }
            }
        }
        ToggleSidebar => state.show_sidebar = !state.show_sidebar,
        ReadingMode => {
            state.reading_mode = !state.reading_mode;
            if state.reading_mode && state.reader.is_some() {
                state.focus = Focus::Body;
            }
        }
        NextQuote | PrevQuote => {
            let fwd = action == NextQuote;
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = if r.search.is_some() {
                r.next_match(fwd)
            } else {
                r.next_quote(fwd)
            };
            if focus == Focus::List {
                state.focus = Focus::Body;
            }
            state.notify(res);
        }
        NextSpeaker | PrevSpeaker => {
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = r.next_speaker(action == NextSpeaker);
            if focus == Focus::List {
                state.focus = Focus::Body;
            }
            state.notify(res);
        }
        NextSameSpeaker | PrevSameSpeaker => {
            let fwd = action == NextSameSpeaker;
            if let Some(effects) = state.walk_step(fwd) {
                return effects;
            }
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = r.next_same_speaker(fwd);
            state.notify(res);
        }
        ToggleIndirect => {
            state.include_indirect = !state.include_indirect;
            if let Some(r) = &mut state.reader {
                let inc = state.include_indirect;
                r.nav.set_walk(&r.analysis, inc);
            }
            state.message = Some(if state.include_indirect {
                "indirect quotes included in n/N".into()
            } else {
                "indirect quotes skipped by n/N".into()
            });
        }
        Search => {
            let kind = if focus == Focus::List || state.reader.is_none() {
                PromptKind::LibrarySearch
            } else {
                PromptKind::ArticleSearch
            };
            state.prompt = Some(Prompt::new(kind, String::new()));
        }
        Filter => {
            state.focus = Focus::List;
            state.prompt = Some(Prompt::new(PromptKind::Filter, state.list.filter.clone()));
        }
        CycleSort => {
            state.list.sort = match state.list.sort {
                SortKey::Date => SortKey::Title,
                SortKey::Title => SortKey::Quotes,
                SortKey::Quotes => SortKey::Date,
            };
            state.list.refresh();
            state.message = Some(format!(
                "sorted by {}",
                super::order::order_name(state.list.sort, state.list.reverse)
            ));
        }
        OpenUrl => {
            let url = state.reader.as_ref().and_then(|r| r.article.url.clone());
            match url {
                Some(u) if is_web_url(&u) => return vec![Effect::OpenUrl(u)],
                Some(_) => state.message = Some("the source URL is not a web address".into()),
                None => state.message = Some("this article has no source URL".into()),
            }
        }
        CopyQuote => match state.copy_text() {
            Some(t) => return vec![Effect::Copy(t)],
            None => state.message = Some("no current quote to copy (press n)".into()),
        },
        _ => {}
    }
    Vec::new()
}

/// Why a quote key does nothing without an open article.
fn no_article(state: &State) -> String {
    if state.loading.is_some() {
        "the article is still loading…".into()
    } else {
        "open an article first (Enter)".into()
    }
}

/// Only plain http(s) URLs without spaces or control characters are handed to the opener.
pub fn is_web_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && u.len() > 8
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        && !u.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively() {
        let h = "Bridge bridge BRIDGE Brücke";
        let m = find_all(h, "bridge");
        assert_eq!(m.len(), 3);
        assert_eq!(&h[m[2].clone()], "BRIDGE");
        assert_eq!(find_all(h, "BRÜCKE").len(), 1);
        assert!(find_all(h, "").is_empty());
    }

    #[test]
    fn web_urls_only() {
        assert!(is_web_url("https://example.com/a"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("https://x.com/a b"));
        assert!(!is_web_url("-https://x"));
    }
}

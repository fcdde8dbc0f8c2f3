//! The open article: its text and analysis, how it is wrapped and scrolled, the current
//! quote and speaker, the entity sidebar's items and a search within the article.

use super::text_find::{find_all, moved_offset};
use crate::article::Article;
use crate::extract::{Analysis, QuoteKind};
use crate::library::ArticleId;
use crate::tui::body::{Nav, Wrapped};
use std::ops::Range;

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
        // Every item; the state's sidebar filter narrows it (see `SideFilter`).
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
    pub(crate) fn top_offset(&self) -> Option<usize> {
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
    pub(crate) fn cursor(&self) -> Option<usize> {
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

    pub(crate) fn next_quote(&mut self, forward: bool) -> Result<(), String> {
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
    pub(crate) fn view_offset(&self) -> usize {
        self.wrapped
            .lines
            .get(self.scroll.max(self.wrapped.body_start))
            .map_or(0, |l| l.range.start)
    }

    pub(crate) fn view_end_offset(&self) -> usize {
        let last = (self.scroll + self.height).min(self.wrapped.len());
        self.wrapped
            .lines
            .get(last)
            .map_or(self.article.body.len(), |l| l.range.start)
    }

    pub(crate) fn next_speaker(&mut self, forward: bool) -> Result<(), String> {
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

    pub(crate) fn select_side_speaker(&mut self, slot: usize) {
        if let Some(i) = self
            .side
            .iter()
            .position(|s| matches!(s, SideItem::Speaker { slot: s, .. } if *s == slot))
        {
            self.side_selected = i;
        }
    }

    pub(crate) fn next_same_speaker(&mut self, forward: bool) -> Result<(), String> {
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
    pub(crate) fn cycle_side(&mut self) -> Result<(), String> {
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
    pub(crate) fn on_side_move(&mut self) {
        self.selected_speaker = match self.side.get(self.side_selected) {
            Some(SideItem::Speaker { slot, .. }) => Some(*slot),
            _ => None,
        };
    }

    pub(crate) fn run_search(&mut self, query: &str) -> Result<(), String> {
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

    pub(crate) fn next_match(&mut self, forward: bool) -> Result<(), String> {
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

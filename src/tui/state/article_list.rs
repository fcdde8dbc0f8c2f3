//! The article list: every article of the library, sorted, filtered or replaced by a
//! library search, and the selected row.

use crate::library::{ArticleId, ArticleSummary, SearchHit};
use crate::tui::fuzzy::fuzzy_filter;

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
    pub(crate) fn new() -> ArticleList {
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

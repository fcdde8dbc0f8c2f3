//! A store that keeps a whole (small) library in memory.

use super::{
    ArticleId, ArticleSummary, FileProblem, QuoteHit, QuotePage, SearchHit, SpeakerSummary, Store,
};
use crate::article::{Article, load};
use crate::extract::{self, Analysis};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

struct Entry {
    path: PathBuf,
    item: String,
    article: Article,
    analysis: Analysis,
}

/// Loads and analyzes every article up front.
pub struct MemoryStore {
    entries: Vec<Entry>,
    read: Mutex<HashSet<ArticleId>>,
    starred: Mutex<HashSet<ArticleId>>,
    problems: Vec<FileProblem>,
}

impl MemoryStore {
    /// Scans `roots`, loads and analyzes every article (in parallel).
    pub fn load(roots: &[PathBuf], max_bytes: u64) -> MemoryStore {
        let (files, scan_errors) = super::scan::scan(roots);
        // Each file gives its articles (several for an mbox), each loaded or refused.
        let results: Vec<Vec<Result<Entry, load::LoadError>>> = files
            .par_iter()
            .map(
                |path| match super::sources::load_file_items(path, max_bytes) {
                    Err(e) => vec![Err(e)],
                    Ok(items) => items
                        .into_iter()
                        .map(|(item, loaded)| {
                            loaded.map(|loaded| {
                                let mut article = loaded.article;
                                article.ensure_title(path);
                                let analysis = extract::analyze(&article);
                                Entry {
                                    path: path.clone(),
                                    item,
                                    article,
                                    analysis,
                                }
                            })
                        })
                        .collect(),
                },
            )
            .collect();
        let mut entries = Vec::new();
        let mut problems: Vec<FileProblem> = scan_errors
            .into_iter()
            .map(|message| FileProblem {
                path: PathBuf::new(),
                message,
            })
            .collect();
        for (path, items) in files.iter().zip(results) {
            for r in items {
                match r {
                    Ok(e) => entries.push(e),
                    Err(e) => problems.push(FileProblem {
                        path: path.clone(),
                        message: e.to_string(),
                    }),
                }
            }
        }
        MemoryStore::from_entries(entries, problems)
    }

    /// A store over articles already in memory (tests, benchmarks).
    pub fn from_articles(articles: Vec<(PathBuf, Article)>) -> MemoryStore {
        let entries = articles
            .into_iter()
            .map(|(path, article)| {
                let analysis = extract::analyze(&article);
                Entry {
                    path,
                    item: String::new(),
                    article,
                    analysis,
                }
            })
            .collect();
        MemoryStore::from_entries(entries, Vec::new())
    }

    fn from_entries(entries: Vec<Entry>, problems: Vec<FileProblem>) -> MemoryStore {
        MemoryStore {
            entries,
            read: Mutex::new(HashSet::new()),
            starred: Mutex::new(HashSet::new()),
            problems,
        }
    }

    fn set_mark(
        &self,
        set: &Mutex<HashSet<ArticleId>>,
        id: ArticleId,
        on: bool,
    ) -> anyhow::Result<()> {
        self.entry(id)?;
        let mut set = set.lock().map_err(|_| anyhow::anyhow!("lock poisoned"))?;
        if on {
            set.insert(id);
        } else {
            set.remove(&id);
        }
        Ok(())
    }

    fn entry(&self, id: ArticleId) -> anyhow::Result<&Entry> {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.entries.get(i))
            .ok_or_else(|| anyhow::anyhow!("no article with id {id}"))
    }
}

impl Store for MemoryStore {
    fn articles(&self) -> anyhow::Result<Vec<ArticleSummary>> {
        let read = self
            .read
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
        let starred = self
            .starred
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
        Ok(self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| ArticleSummary {
                id: i as ArticleId,
                path: e.path.clone(),
                item: e.item.clone(),
                title: e.article.title.clone(),
                byline: e.article.byline.clone(),
                date: e.article.date.clone(),
                quote_count: e.analysis.quotes.len(),
                read: read.contains(&(i as ArticleId)),
                starred: starred.contains(&(i as ArticleId)),
            })
            .collect())
    }

    fn open(&self, id: ArticleId) -> anyhow::Result<(Article, Analysis)> {
        let e = self.entry(id)?;
        Ok((e.article.clone(), e.analysis.clone()))
    }

    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>> {
        let mut map: BTreeMap<String, SpeakerSummary> = BTreeMap::new();
        for e in &self.entries {
            let mut seen = HashSet::new();
            for q in &e.analysis.quotes {
                let Some(name) = &q.speaker else { continue };
                let s = map.entry(name.clone()).or_insert_with(|| SpeakerSummary {
                    name: name.clone(),
                    kind: q.speaker_kind,
                    quotes: 0,
                    articles: 0,
                });
                s.quotes += 1;
                if seen.insert(name.clone()) {
                    s.articles += 1;
                }
            }
        }
        let mut v: Vec<_> = map.into_values().collect();
        v.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        Ok(v)
    }

    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        let mut hits = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let body = &e.article.body;
            // Quotes are sorted by start: one pass over the body, not one per quote.
            let mut offsets = crate::words::CharOffsets::new(body);
            for (qi, q) in e.analysis.quotes.iter().enumerate() {
                if q.speaker.as_deref() == Some(speaker) {
                    let char_start = offsets.at(q.span.start);
                    hits.push(QuoteHit {
                        article: i as ArticleId,
                        path: e.path.clone(),
                        item: e.item.clone(),
                        title: e.article.title.clone(),
                        date: e.article.date.clone(),
                        quote_index: qi,
                        kind: q.kind,
                        text: body[q.span.clone()].to_string(),
                        speaker: speaker.to_string(),
                        start: q.span.start,
                        end: q.span.end,
                        char_start,
                        char_end: char_start + body[q.span.clone()].chars().count(),
                    });
                }
            }
        }
        hits.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let total = hits.len();
        let from = match after {
            Some(a) => hits.partition_point(|h| h.order_key() <= a.order_key()),
            None => 0,
        };
        let hits = hits.into_iter().skip(from).take(limit).collect();
        Ok(QuotePage { total, hits })
    }

    fn search(&self, query: &str, limit: usize) -> anyhow::Result<Vec<SearchHit>> {
        let needle = query.to_lowercase();
        if needle.trim().is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let body = e.article.body.to_lowercase();
            let in_title = e.article.title.to_lowercase().contains(&needle);
            let pos = body.find(&needle);
            if in_title || pos.is_some() {
                let snippet = pos
                    .map(|p| {
                        let start = body.floor_char_boundary(p.saturating_sub(40));
                        let end = body.ceil_char_boundary((p + needle.len() + 40).min(body.len()));
                        body[start..end].to_string()
                    })
                    .unwrap_or_default();
                hits.push(SearchHit {
                    article: i as ArticleId,
                    path: e.path.clone(),
                    item: e.item.clone(),
                    title: e.article.title.clone(),
                    snippet,
                });
            }
            if hits.len() >= limit {
                break;
            }
        }
        Ok(hits)
    }

    fn set_read(&self, id: ArticleId, read: bool) -> anyhow::Result<()> {
        self.set_mark(&self.read, id, read)
    }

    fn set_starred(&self, id: ArticleId, starred: bool) -> anyhow::Result<()> {
        self.set_mark(&self.starred, id, starred)
    }

    fn problems(&self) -> Vec<FileProblem> {
        self.problems.clone()
    }
}

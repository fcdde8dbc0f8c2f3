//! [`Store`] over the SQLite index: the article list without bodies, bodies and analyses
//! loaded on demand, speakers and quotes from their tables, search through FTS5.

use super::db::{self, Flag, Index};
use super::speaker;
use super::{
    ArticleId, ArticleSummary, FileProblem, QuoteHit, QuotePage, SearchHit, SpeakerSummary, Store,
};
use crate::article::Article;
use crate::extract::Analysis;
use rusqlite::OptionalExtension;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The SQLite index as a [`Store`]. Cheap to open: nothing is read until asked.
pub struct SqliteStore {
    index: Mutex<Index>,
}

impl SqliteStore {
    /// Opens (or creates) the index at `path` for reading and reading-state updates.
    /// Corruption is handled as in [`Index::open`]; notices are returned for display.
    pub fn open(path: &Path) -> anyhow::Result<(SqliteStore, Vec<String>)> {
        let (index, notices) = Index::open(path, false)?;
        Ok((SqliteStore::from_index(index), notices))
    }

    /// Opens an index that must exist (query commands); read-only databases work.
    pub fn open_existing(path: &Path) -> anyhow::Result<SqliteStore> {
        Ok(SqliteStore::from_index(Index::open_existing(path)?))
    }

    pub fn from_index(index: Index) -> SqliteStore {
        SqliteStore {
            index: Mutex::new(index),
        }
    }

    pub(super) fn with<T>(&self, f: impl FnOnce(&Index) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let ix = self
            .index
            .lock()
            .map_err(|_| anyhow::anyhow!("index lock poisoned"))?;
        // Damage met mid-query (a page of the database is unreadable) says what to do;
        // queries never move or rebuild anything themselves.
        f(&ix).map_err(|e| {
            if db::is_corruption(&e) {
                e.context(db::damaged_hint(ix.path()))
            } else {
                db::explain_full(e, ix.path())
            }
        })
    }

    /// The key of the speaker a user-typed name means: the exact key when it has quotes,
    /// else the one speaker whose name ends with it ("Merkel", "Da Silva"). Errors name the candidates when ambiguous.
    pub fn resolve_speaker(&self, name: &str) -> anyhow::Result<Option<String>> {
        let key = speaker::key(name);
        if key.is_empty() {
            return Ok(None);
        }
        self.with(|ix| {
            let exact: Option<String> = ix
                .conn()
                .prepare_cached("SELECT key FROM speakers WHERE key = ?")?
                .query_row([&key], |r| r.get(0))
                .optional()?;
            if exact.is_some() {
                return Ok(exact);
            }
            // A name whose quotes the library moved to a fuller name of the same person.
            let moved: Option<String> = ix
                .conn()
                .prepare_cached(
                    "SELECT speaker_key FROM quotes \
                     WHERE local_key = ? AND speaker_key <> local_key LIMIT 1",
                )?
                .query_row([&key], |r| r.get(0))
                .optional()?;
            if moved.is_some() {
                return Ok(moved);
            }
            let pattern = format!("% {}", key.replace(['%', '_'], ""));
            let cands: Vec<(String, String)> = ix
                .conn()
                .prepare_cached(
                    "SELECT key, name FROM speakers WHERE key LIKE ? ORDER BY quotes DESC LIMIT 20",
                )?
                .query_map([&pattern], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let cands: Vec<_> = cands
                .into_iter()
                .filter(|(k, _)| speaker::is_suffix_of(&key, k))
                .collect();
            match cands.len() {
                0 => Ok(None),
                1 => Ok(Some(cands[0].0.clone())),
                _ => anyhow::bail!(
                    "\"{}\" could be several speakers: {}",
                    crate::safe_text::one_line(name, 100),
                    cands
                        .iter()
                        .map(|(_, n)| crate::safe_text::one_line(n, 100))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        })
    }

    /// A page of the quotes of the speaker with this key (see [`Store::quotes_page`]). Read
    /// straight off the `quotes_by_speaker` index in order, so a page costs the same for a
    /// speaker with ten quotes and one with a million.
    pub fn quotes_page_by_key(
        &self,
        key: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        self.with(|ix| {
            let row: Option<(String, i64)> = ix
                .conn()
                .prepare_cached("SELECT name, quotes FROM speakers WHERE key = ?")?
                .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let (name, total) = row.unwrap_or_else(|| (key.to_string(), 0));
            // Before every row when starting: '' is the undated key, ids and offsets are >= 0.
            let (date, article, start) = match after {
                Some(h) => {
                    let (d, a, s) = h.order_key();
                    (d.to_string(), a, s as i64)
                }
                None => (String::new(), -1, -1),
            };
            let mut stmt = ix.conn().prepare_cached(
                "SELECT q.article_id, a.path, a.title, a.date, q.idx, q.kind, q.text, \
                 q.start, q.end, q.cstart, q.cend, a.item \
                 FROM quotes q JOIN articles a ON a.id = q.article_id \
                 WHERE q.speaker_key = ?1 AND (q.adate, q.article_id, q.start) > (?2, ?3, ?4) \
                 ORDER BY q.adate, q.article_id, q.start LIMIT ?5",
            )?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = stmt
                .query_map(rusqlite::params![key, date, article, start, limit], |r| {
                    hit_from_row(r, &name)
                })?;
            let hits: Vec<QuoteHit> = rows.collect::<Result<_, _>>()?;
            Ok(QuotePage {
                total: (total.max(0) as usize).max(hits.len()),
                hits,
            })
        })
    }

    /// The list rows of the articles with an id above `after` (all of them for -1).
    fn summaries_after(&self, after: ArticleId) -> anyhow::Result<Vec<ArticleSummary>> {
        self.with(|ix| {
            // Sized up front: growing by doubling would hold two lists at the last step.
            let n: i64 = ix
                .conn()
                .prepare_cached("SELECT count(*) FROM articles WHERE id > ?")?
                .query_row([after], |r| r.get(0))?;
            let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
            let mut stmt = ix.conn().prepare_cached(
                "SELECT id, path, title, byline, date, quote_count, read, starred, item \
                 FROM articles WHERE id > ?",
            )?;
            let mut rows = stmt.query([after])?;
            while let Some(r) = rows.next()? {
                let byline = match r.get_ref(3)?.as_str()? {
                    "[]" => Vec::new(),
                    s => serde_json::from_str(s).unwrap_or_default(),
                };
                out.push(ArticleSummary {
                    id: r.get(0)?,
                    path: db::path_from_key(r.get_ref(1)?.as_blob()?),
                    item: r.get(8)?,
                    title: r.get(2)?,
                    byline,
                    date: r.get(4)?,
                    quote_count: r.get::<_, i64>(5)? as usize,
                    read: r.get::<_, i64>(6)? != 0,
                    starred: r.get::<_, i64>(7)? != 0,
                });
            }
            drop(rows);
            if out.len() > 10_000 {
                // A whole-table read fills the page cache; give it back.
                ix.release_memory();
            }
            Ok(out)
        })
    }

    /// The name shown for the speaker with this key (the key itself when unknown).
    pub fn speaker_name(&self, key: &str) -> anyhow::Result<String> {
        self.with(|ix| {
            Ok(ix
                .conn()
                .prepare_cached("SELECT name FROM speakers WHERE key = ?")?
                .query_row([key], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| key.to_string()))
        })
    }

    /// Number of indexed articles.
    pub fn article_count(&self) -> anyhow::Result<usize> {
        self.with(|ix| {
            Ok(ix
                .conn()
                .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
                as usize)
        })
    }
}

impl SqliteStore {
    /// Whether more than `n` articles match `query` (cheap: walks the match list only).
    pub fn matches_more_than(&self, query: &str, n: usize) -> anyhow::Result<bool> {
        let Some(q) = fts_query(query) else {
            return Ok(false);
        };
        self.with(|ix| {
            Ok(ix
                .conn()
                .prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1 OFFSET ?")?
                .query_row(rusqlite::params![q, n as i64], |_| Ok(()))
                .optional()?
                .is_some())
        })
    }
}

/// A quote hit from a row of `article_id, path, title, date, idx, kind, text, start, end,
/// cstart, cend`.
pub(super) fn hit_from_row(r: &rusqlite::Row<'_>, speaker: &str) -> rusqlite::Result<QuoteHit> {
    Ok(QuoteHit {
        article: r.get(0)?,
        path: db::path_from_key(&r.get::<_, Vec<u8>>(1)?),
        item: r.get(11)?,
        title: r.get(2)?,
        date: r.get(3)?,
        quote_index: r.get::<_, i64>(4)? as usize,
        kind: db::quote_kind_from(&r.get::<_, String>(5)?),
        text: r.get(6)?,
        speaker: speaker.to_string(),
        start: r.get::<_, i64>(7)? as usize,
        end: r.get::<_, i64>(8)? as usize,
        char_start: r.get::<_, i64>(9)? as usize,
        char_end: r.get::<_, i64>(10)? as usize,
    })
}

/// Full-text search ranks at most this many matches (the most recently indexed ones).
pub const RANK_WINDOW: i64 = 2000;

/// An FTS5 query that matches documents containing every word of `input`, whatever the
/// input holds: each whitespace-separated word becomes a quoted string (inner quotes
/// doubled), so operators, parentheses, colons and stray quotes are plain text. Returns
/// `None` when nothing searchable remains.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(32)
        .map(|w| {
            let w: String = w.chars().filter(|c| !c.is_control()).collect();
            format!("\"{}\"", w.replace('"', "\"\""))
        })
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

/// The lowercase words of a search, as matched for snippets.
fn search_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// About `width` bytes of `body` around the first place one of `words` starts a word, on
/// char boundaries, with ellipses where cut. The start of the body when none is found.
pub fn snippet(body: &str, words: &[String], width: usize) -> String {
    let mut at = None;
    'outer: for (i, c) in body.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        if i > 0
            && body[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        for w in words {
            let mut bc = body[i..].chars().flat_map(char::to_lowercase);
            if w.chars().all(|wc| bc.next() == Some(wc)) {
                at = Some(i);
                break 'outer;
            }
        }
    }
    let at = at.unwrap_or(0);
    let start = body.floor_char_boundary(at.saturating_sub(width / 3));
    let end = body.floor_char_boundary((start + width).min(body.len()));
    let mut out = String::new();
    if start > 0 {
        out.push('\u{2026}');
    }
    out.push_str(body[start..end].trim());
    if end < body.len() {
        out.push('\u{2026}');
    }
    out
}

impl Store for SqliteStore {
    fn articles(&self) -> anyhow::Result<Vec<ArticleSummary>> {
        self.summaries_after(-1)
    }

    fn articles_after(&self, id: ArticleId) -> anyhow::Result<Vec<ArticleSummary>> {
        self.summaries_after(id)
    }

    fn open(&self, id: ArticleId) -> anyhow::Result<(Article, Analysis)> {
        self.with(|ix| {
            let row: Option<(String, String, Vec<u8>)> = ix
                .conn()
                .prepare_cached("SELECT body, meta, analysis FROM docs WHERE id = ?")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let Some((body, meta, analysis)) = row else {
                anyhow::bail!("no article with id {id}")
            };
            let mut article: Article = serde_json::from_str(&meta)?;
            article.body = body;
            let mut analysis: Analysis = db::unpack_analysis(&analysis)?;
            // Spans come from our own writes, but never trust them to slice with.
            let len = article.body.len();
            analysis.quotes.retain(|q| {
                q.span.start <= q.span.end
                    && q.span.end <= len
                    && article.body.is_char_boundary(q.span.start)
                    && article.body.is_char_boundary(q.span.end)
            });
            Ok((article, analysis))
        })
    }

    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>> {
        self.with(|ix| {
            let mut stmt = ix.conn().prepare_cached(
                "SELECT name, kind, quotes, articles FROM speakers ORDER BY quotes DESC, name",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(SpeakerSummary {
                    name: r.get(0)?,
                    kind: db::speaker_kind_from(&r.get::<_, String>(1)?),
                    quotes: r.get::<_, i64>(2)? as usize,
                    articles: r.get::<_, i64>(3)? as usize,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        match self.resolve_speaker(speaker)? {
            Some(key) => self.quotes_page_by_key(&key, after, limit),
            None => Ok(QuotePage {
                total: 0,
                hits: Vec::new(),
            }),
        }
    }

    fn speakers_under(&self, roots: &[PathBuf]) -> anyhow::Result<Vec<SpeakerSummary>> {
        self.speakers_in(roots)
    }

    fn quotes_page_under(
        &self,
        speaker: &str,
        roots: &[PathBuf],
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        // The reader asks by the names it listed: exactly that speaker (a name the user
        // gave to a merge is not taken for a surname of someone else).
        self.quotes_page_in(&speaker::key(speaker), roots, after, limit)
    }

    fn search(&self, query: &str, limit: usize) -> anyhow::Result<Vec<SearchHit>> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        self.with(|ix| {
            // Ranking every match of a very common word is slow on a big library: rank only
            // among the most recently indexed RANK_WINDOW matches (finding the cut-off walks
            // the match list in rowid order, which is cheap).
            let cutoff: i64 = ix
                .conn()
                .prepare_cached(
                    "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                )?
                .query_row(rusqlite::params![q, RANK_WINDOW], |r| r.get(0))
                .optional()?
                .unwrap_or(i64::MIN);
            // Rank first (ids only), then make snippets for the page shown, from the body.
            let ids: Vec<i64> = ix
                .conn()
                .prepare_cached(
                    "SELECT rowid FROM fts WHERE fts MATCH ? AND rowid > ? \
                     ORDER BY bm25(fts, 4.0, 1.0) LIMIT ?",
                )?
                .query_map(rusqlite::params![q, cutoff, limit as i64], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let words = search_words(query);
            let mut stmt = ix.conn().prepare_cached(
                "SELECT a.id, a.path, a.title, d.body, a.item FROM articles a \
                 JOIN docs d ON d.id = a.id WHERE a.id = ?",
            )?;
            let mut hits = Vec::with_capacity(ids.len());
            for id in ids {
                let hit = stmt
                    .query_row([id], |r| {
                        let body: String = r.get(3)?;
                        Ok(SearchHit {
                            article: r.get(0)?,
                            path: db::path_from_key(&r.get::<_, Vec<u8>>(1)?),
                            item: r.get(4)?,
                            title: r.get(2)?,
                            snippet: snippet(&body, &words, 160),
                        })
                    })
                    .optional()?;
                hits.extend(hit);
            }
            Ok(hits)
        })
    }

    fn set_read(&self, id: ArticleId, read: bool) -> anyhow::Result<()> {
        self.with(|ix| ix.set_flag(id, Flag::Read, read))
    }

    /// One transaction: every article marked, or none.
    fn set_read_many(&self, ids: &[ArticleId], read: bool) -> anyhow::Result<()> {
        self.with(|ix| {
            let tx = ix.conn().unchecked_transaction()?;
            for &id in ids {
                ix.set_flag(id, Flag::Read, read)?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn set_starred(&self, id: ArticleId, starred: bool) -> anyhow::Result<()> {
        self.with(|ix| ix.set_flag(id, Flag::Starred, starred))
    }

    fn problems(&self) -> Vec<FileProblem> {
        self.with(|ix| {
            let mut stmt = ix
                .conn()
                .prepare_cached("SELECT path, message FROM failures ORDER BY path")?;
            let rows = stmt.query_map([], |r| {
                Ok(FileProblem {
                    path: db::path_from_key(&r.get::<_, Vec<u8>>(0)?),
                    message: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .unwrap_or_default()
    }
}

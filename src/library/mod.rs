//! The library: scanning folders of articles, and the stores that answer the reader and
//! the query commands.
//!
//! [`Store`] is what the reader and the CLI talk to. [`memory::MemoryStore`] keeps
//! everything in memory (small libraries, tests); [`sqlite::SqliteStore`] answers from the
//! SQLite index ([`db`]) that [`indexer`] builds and [`watch`] keeps up to date.
//!
//! For the reader, [`live::open`] does it all: it returns an `Arc<SqliteStore>` usable at
//! once (every article indexed so far), runs [`indexer::Indexer`] in the background and
//! starts a [`watch::LibraryWatcher`]; both report [`indexer::IndexEvent`]s:
//! - `Planned { seen, total }`: scanning done, `total` files to (re)index (0 when up to date);
//! - `Progress { done, total }`: for the status-bar gauge (at most every 50 ms);
//! - `Committed { done, total }`: a batch is in the database: reload `articles()` (throttle:
//!   100k rows take ~0.1-0.2 s);
//! - `Removed { paths }`: files left the index;
//! - `Notice(msg)`: show to the user (corrupt index moved aside, live reload off);
//! - `Finished(summary)` / `Failed(msg)`: end of the initial run and of each live round.
//!
//! The index lives at `--index`, `library.index` or `dirs::data_dir()/index.sqlite3`
//! (the command line's `index_path`) and never inside a library folder. [`query`] holds the
//! library-wide queries the command line prints.

pub mod aliases;
pub mod db;
mod delegate;
pub mod export;
pub mod indexer;
mod items;
pub mod live;
pub mod memory;
pub mod newsboat;
pub mod query;
pub mod remembered;
pub mod scan;
pub mod scoped;
pub mod sources;
pub mod speaker;
pub mod sqlite;
pub mod under;
pub mod watch;

use crate::article::Article;
use crate::extract::{Analysis, QuoteKind, SpeakerKind};
use serde::Serialize;
use std::path::PathBuf;

/// Identifies an article within a store.
pub type ArticleId = i64;

/// What the article list shows of one article, without its body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub path: PathBuf,
    /// The article's key inside its file (`PATH#KEY`), empty for a file of one article.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub item: String,
    pub title: String,
    pub byline: Vec<String>,
    pub date: Option<String>,
    pub quote_count: usize,
    pub read: bool,
    pub starred: bool,
}

/// One speaker across the library.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSummary {
    pub name: String,
    pub kind: SpeakerKind,
    pub quotes: usize,
    pub articles: usize,
}

/// One quote found by a library-wide query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    pub article: ArticleId,
    pub path: PathBuf,
    /// The article's key inside its file (`PATH#KEY`), empty for a file of one article.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub item: String,
    pub title: String,
    pub date: Option<String>,
    /// Index of the quote in the article's [`Analysis::quotes`].
    pub quote_index: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker: String,
    /// Byte offsets into the article body.
    pub start: usize,
    pub end: usize,
    /// Character offsets into the article body (what JSON output gives).
    pub char_start: usize,
    pub char_end: usize,
}

impl QuoteHit {
    /// Where the hit sits in a speaker's quote order: date (undated first), article, position.
    pub fn order_key(&self) -> (&str, ArticleId, usize) {
        (self.date.as_deref().unwrap_or(""), self.article, self.start)
    }
}

/// A stretch of one speaker's quotes in library order (see [`Store::quotes_page`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePage {
    /// All quotes of the speaker in the library, not just this page.
    pub total: usize,
    pub hits: Vec<QuoteHit>,
}

/// One article found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: ArticleId,
    pub path: PathBuf,
    /// The article's key inside its file (`PATH#KEY`), empty for a file of one article.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub item: String,
    pub title: String,
    /// A short excerpt around the match (plain text).
    pub snippet: String,
}

/// A problem with one file that did not stop the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileProblem {
    pub path: PathBuf,
    pub message: String,
}

/// Whether `path` is one of `roots` or inside one of them.
pub fn under(path: &std::path::Path, roots: &[PathBuf]) -> bool {
    roots.iter().any(|r| path.starts_with(r))
}

/// The reader's and the query commands' view of a library.
pub trait Store: Send + Sync {
    /// Every article, in no particular order.
    fn articles(&self) -> anyhow::Result<Vec<ArticleSummary>>;
    /// The articles with an id above `id` (those added since a list was fetched; ids of new
    /// articles only grow).
    fn articles_after(&self, id: ArticleId) -> anyhow::Result<Vec<ArticleSummary>> {
        let mut v = self.articles()?;
        v.retain(|a| a.id > id);
        Ok(v)
    }
    /// The full article and its analysis.
    fn open(&self, id: ArticleId) -> anyhow::Result<(Article, Analysis)>;
    /// Every speaker with counts, most quotes first.
    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>>;
    /// Up to `limit` quotes of one speaker across the library, in order (date, undated first,
    /// then article, then position), starting after `after` (from the start when `None`).
    /// Big speakers have hundreds of thousands of quotes: callers page through them.
    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage>;
    /// Every quote of one speaker, in the order of [`Store::quotes_page`] (small libraries
    /// and tests; the CLI and the reader page).
    fn quotes_by(&self, speaker: &str) -> anyhow::Result<Vec<QuoteHit>> {
        let mut all: Vec<QuoteHit> = Vec::new();
        loop {
            let page = self.quotes_page(speaker, all.last(), 1000)?;
            let done = page.hits.is_empty();
            all.extend(page.hits);
            if done || all.len() >= page.total {
                return Ok(all);
            }
        }
    }
    /// The speakers of the articles under `roots` (absolute folders or files), with the
    /// counts of those articles only, most quotes first.
    fn speakers_under(&self, roots: &[PathBuf]) -> anyhow::Result<Vec<SpeakerSummary>> {
        let mut out = Vec::new();
        for s in self.speakers()? {
            let hits = self.quotes_by(&s.name)?;
            let inside: Vec<&QuoteHit> = hits.iter().filter(|h| under(&h.path, roots)).collect();
            if inside.is_empty() {
                continue;
            }
            let articles: std::collections::HashSet<ArticleId> =
                inside.iter().map(|h| h.article).collect();
            out.push(SpeakerSummary {
                quotes: inside.len(),
                articles: articles.len(),
                ..s
            });
        }
        out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }
    /// [`Store::quotes_page`] limited to the articles under `roots`.
    fn quotes_page_under(
        &self,
        speaker: &str,
        roots: &[PathBuf],
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        let mut hits = self.quotes_by(speaker)?;
        hits.retain(|h| under(&h.path, roots));
        let total = hits.len();
        let from = match after {
            Some(a) => hits.partition_point(|h| h.order_key() <= a.order_key()),
            None => 0,
        };
        let hits = hits.into_iter().skip(from).take(limit).collect();
        Ok(QuotePage { total, hits })
    }
    /// Full-text search over titles and bodies, best first.
    fn search(&self, query: &str, limit: usize) -> anyhow::Result<Vec<SearchHit>>;
    /// Marks an article read or unread (reading state lives outside the library folders).
    fn set_read(&self, id: ArticleId, read: bool) -> anyhow::Result<()>;
    /// Marks several articles read or unread: all of them or, on an error, none.
    fn set_read_many(&self, ids: &[ArticleId], read: bool) -> anyhow::Result<()> {
        for &id in ids {
            self.set_read(id, read)?;
        }
        Ok(())
    }
    /// Stars or unstars an article.
    fn set_starred(&self, id: ArticleId, starred: bool) -> anyhow::Result<()> {
        let _ = (id, starred);
        anyhow::bail!("this library does not keep stars")
    }
    /// Shows the speaker `from` as `to` from now on: a rename, or a merge when `to` is
    /// another speaker's name (see [`aliases`]).
    fn rename_speaker(&self, from: &str, to: &str) -> anyhow::Result<()> {
        let _ = (from, to);
        anyhow::bail!("this library does not keep speaker names")
    }
    /// Undoes the latest rename or merge; the edit undone, if any.
    fn undo_speaker_edit(&self) -> anyhow::Result<Option<(String, String)>> {
        anyhow::bail!("this library does not keep speaker names")
    }
    /// Files that could not be loaded.
    fn problems(&self) -> Vec<FileProblem>;
}

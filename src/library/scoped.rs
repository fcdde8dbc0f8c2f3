//! A view of a store limited to some folders: what the reader shows when it is opened on
//! paths.
//!
//! One index serves every folder that was ever indexed (`onrecord index A`, then `B`), so
//! opening the reader on `A` must not list `B`'s articles. The article list, the library
//! search, the problems, the speakers and a speaker's quotes are limited to the folders
//! (the query commands take `--all` for everything indexed).

use super::{
    ArticleId, ArticleSummary, FileProblem, QuoteHit, QuotePage, SearchHit, SpeakerSummary, Store,
};
use std::path::{Path, PathBuf};

/// A store whose article list and search only see files under `roots`.
pub struct ScopedStore<S> {
    inner: S,
    roots: Vec<PathBuf>,
}

impl<S: Store> ScopedStore<S> {
    /// `roots` are made absolute (symlinks resolved), as the indexer stores paths.
    pub fn new(inner: S, roots: &[PathBuf]) -> ScopedStore<S> {
        let roots = roots.iter().map(|r| super::indexer::absolute(r)).collect();
        ScopedStore { inner, roots }
    }

    fn inside(&self, path: &Path) -> bool {
        super::under(path, &self.roots)
    }
}

impl<S: Store> Store for ScopedStore<S> {
    super::delegate::pass_to_inner!(
        open,
        speakers_under,
        quotes_page_under,
        set_read,
        set_read_many,
        set_starred,
    );

    fn articles(&self) -> anyhow::Result<Vec<ArticleSummary>> {
        let mut v = self.inner.articles()?;
        v.retain(|a| self.inside(&a.path));
        Ok(v)
    }

    fn articles_after(&self, id: ArticleId) -> anyhow::Result<Vec<ArticleSummary>> {
        let mut v = self.inner.articles_after(id)?;
        v.retain(|a| self.inside(&a.path));
        Ok(v)
    }

    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>> {
        self.inner.speakers_under(&self.roots)
    }

    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        self.inner
            .quotes_page_under(speaker, &self.roots, after, limit)
    }

    /// Asks for more hits than `limit` so that hits outside the folders leave room for
    /// those inside; with many more matches outside, fewer than `limit` may come back.
    fn search(&self, query: &str, limit: usize) -> anyhow::Result<Vec<SearchHit>> {
        let mut v = self.inner.search(query, limit.saturating_mul(4))?;
        v.retain(|h| self.inside(&h.path));
        v.truncate(limit);
        Ok(v)
    }

    fn problems(&self) -> Vec<FileProblem> {
        let mut v = self.inner.problems();
        v.retain(|p| p.path.as_os_str().is_empty() || self.inside(&p.path));
        v
    }
}

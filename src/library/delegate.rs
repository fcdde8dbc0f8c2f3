//! The [`Store`](super::Store) methods a wrapper store passes on to the store it wraps
//! (`self.inner`) unchanged, written once: each wrapper names the ones it does not change.

/// Writes, for each method named, a [`Store`](super::Store) method that calls the same
/// method of `self.inner` with the same arguments.
macro_rules! pass_to_inner {
    ($($method:ident),+ $(,)?) => {
        $($crate::library::delegate::pass_to_inner!(@ $method);)+
    };
    (@ articles) => {
        fn articles(&self) -> anyhow::Result<Vec<$crate::library::ArticleSummary>> {
            self.inner.articles()
        }
    };
    (@ articles_after) => {
        fn articles_after(
            &self,
            id: $crate::library::ArticleId,
        ) -> anyhow::Result<Vec<$crate::library::ArticleSummary>> {
            self.inner.articles_after(id)
        }
    };
    (@ open) => {
        fn open(
            &self,
            id: $crate::library::ArticleId,
        ) -> anyhow::Result<($crate::article::Article, $crate::extract::Analysis)> {
            self.inner.open(id)
        }
    };
    (@ speakers) => {
        fn speakers(&self) -> anyhow::Result<Vec<$crate::library::SpeakerSummary>> {
            self.inner.speakers()
        }
    };
    (@ quotes_page) => {
        fn quotes_page(
            &self,
            speaker: &str,
            after: Option<&$crate::library::QuoteHit>,
            limit: usize,
        ) -> anyhow::Result<$crate::library::QuotePage> {
            self.inner.quotes_page(speaker, after, limit)
        }
    };
    (@ speakers_under) => {
        fn speakers_under(
            &self,
            roots: &[std::path::PathBuf],
        ) -> anyhow::Result<Vec<$crate::library::SpeakerSummary>> {
            self.inner.speakers_under(roots)
        }
    };
    (@ quotes_page_under) => {
        fn quotes_page_under(
            &self,
            speaker: &str,
            roots: &[std::path::PathBuf],
            after: Option<&$crate::library::QuoteHit>,
            limit: usize,
        ) -> anyhow::Result<$crate::library::QuotePage> {
            self.inner.quotes_page_under(speaker, roots, after, limit)
        }
    };
    (@ search) => {
        fn search(
            &self,
            query: &str,
            limit: usize,
        ) -> anyhow::Result<Vec<$crate::library::SearchHit>> {
            self.inner.search(query, limit)
        }
    };
    (@ set_read) => {
        fn set_read(&self, id: $crate::library::ArticleId, read: bool) -> anyhow::Result<()> {
            self.inner.set_read(id, read)
        }
    };
    (@ set_read_many) => {
        fn set_read_many(
            &self,
            ids: &[$crate::library::ArticleId],
            read: bool,
        ) -> anyhow::Result<()> {
            self.inner.set_read_many(ids, read)
        }
    };
    (@ set_starred) => {
        fn set_starred(
            &self,
            id: $crate::library::ArticleId,
            starred: bool,
        ) -> anyhow::Result<()> {
            self.inner.set_starred(id, starred)
        }
    };
    (@ problems) => {
        fn problems(&self) -> Vec<$crate::library::FileProblem> {
            self.inner.problems()
        }
    };
}

pub(crate) use pass_to_inner;

//! Messages: what comes back to the reader from outside the event loop (the results of
//! effects run by the worker, background indexing, notices).

use crate::article::Article;
use crate::extract::Analysis;
use crate::library::{ArticleId, ArticleSummary, QuoteHit, QuotePage, SearchHit, SpeakerSummary};

/// A result or a notice sent back to the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    ArticlesLoaded(Vec<ArticleSummary>),
    ArticleLoaded {
        id: ArticleId,
        article: Box<Article>,
        analysis: Box<Analysis>,
    },
    /// The open article fetched again after the library changed.
    ArticleReloaded {
        id: ArticleId,
        article: Box<Article>,
        analysis: Box<Analysis>,
    },
    SpeakersLoaded(Vec<SpeakerSummary>),
    /// The first quotes of a speaker (or all shown so far, on a reload).
    SpeakerQuotesLoaded {
        speaker: String,
        page: QuotePage,
    },
    /// The next page of the speaker's quotes could not be fetched.
    SpeakerQuotesFailed {
        speaker: String,
        message: String,
    },
    /// The next page of the speaker's quotes, following `after`.
    SpeakerQuotesMore {
        speaker: String,
        after: Box<QuoteHit>,
        page: QuotePage,
    },
    SearchResults {
        query: String,
        hits: Vec<SearchHit>,
    },
    /// Background indexing: `done` of `total` files processed.
    IndexProgress {
        done: usize,
        total: usize,
    },
    /// The library changed on disk or in the index: lists are reloaded.
    LibraryChanged,
    /// The background indexer committed a batch: new articles are fetched and appended
    /// (the whole list is fetched again when the run ends).
    ArticlesCommitted,
    /// Articles added to the index since the list was fetched.
    ArticlesAdded(Vec<ArticleSummary>),
    /// A background indexing run ended, with a message for the user when there is one.
    IndexFinished {
        message: Option<String>,
        /// The run only added articles (none changed or left): the list needs only those.
        only_added: bool,
    },
    /// A speaker rename, merge or undo was saved (`show`: the name to select), or not.
    SpeakersEdited {
        message: String,
        show: Option<String>,
    },
    /// A message for the status bar (effect results, errors).
    Notify(String),
}

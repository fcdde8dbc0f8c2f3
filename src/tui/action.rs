//! Actions (everything that can change the reader's state) and effects (everything the
//! reader asks the outside world to do).
//!
//! Keys become actions through the keymap; results of effects come back as actions too,
//! so [`crate::tui::state::update`] is the only place where state changes.

use crate::article::Article;
use crate::extract::Analysis;
use crate::library::{ArticleId, ArticleSummary, QuoteHit, QuotePage, SearchHit, SpeakerSummary};
use serde::{Deserialize, Serialize};

/// One thing that happens to the reader.
///
/// The unit variants are commands a key can be bound to (their snake_case names are the
/// keys of the `[keys]` config section). The variants marked `serde(skip)` carry data and
/// come from the terminal (typing, mouse, resize) or from the worker thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // Moving and scrolling.
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    // Focus and panes.
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Enter,
    Back,
    Quit,
    ToggleSidebar,
    SideKind,
    ReadingMode,
    ToggleHelp,
    SpeakersView,
    // Quotes and speakers.
    NextQuote,
    PrevQuote,
    NextSpeaker,
    PrevSpeaker,
    NextSameSpeaker,
    PrevSameSpeaker,
    ToggleIndirect,
    // Finding.
    Search,
    Filter,
    CycleSort,
    ReverseSort,
    // Speakers.
    RenameSpeaker,
    MergeSpeaker,
    UndoSpeakerEdit,
    // Marks.
    ToggleRead,
    MarkAllRead,
    UnreadOnly,
    ToggleStar,
    // The outside world.
    OpenUrl,
    CopyQuote,
    CopyUrl,
    OpenInEditor,
    OpenInPager,
    ExportQuotes,
    Suspend,

    // Editing the prompt line (filter, search): keys scoped to the prompt.
    PromptSubmit,
    PromptCancel,
    PromptBackspace,
    PromptDelete,
    PromptLeft,
    PromptRight,
    PromptStart,
    PromptEnd,
    PromptDeleteWord,
    PromptDeleteToStart,
    PromptDeleteToEnd,

    // Typing into the prompt line.
    #[serde(skip)]
    PromptChar(char),
    // Terminal events.
    #[serde(skip)]
    Resize(u16, u16),
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    Scroll {
        column: u16,
        row: u16,
        lines: i32,
    },
    // Results of effects.
    #[serde(skip)]
    ArticlesLoaded(Vec<ArticleSummary>),
    #[serde(skip)]
    ArticleLoaded {
        id: ArticleId,
        article: Box<Article>,
        analysis: Box<Analysis>,
    },
    /// The open article fetched again after the library changed.
    #[serde(skip)]
    ArticleReloaded {
        id: ArticleId,
        article: Box<Article>,
        analysis: Box<Analysis>,
    },
    #[serde(skip)]
    SpeakersLoaded(Vec<SpeakerSummary>),
    #[serde(skip)]
    /// The first quotes of a speaker (or all shown so far, on a reload).
    SpeakerQuotesLoaded {
        speaker: String,
        page: QuotePage,
    },
    /// The next page of the speaker's quotes could not be fetched.
    #[serde(skip)]
    SpeakerQuotesFailed {
        speaker: String,
        message: String,
    },
    /// The next page of the speaker's quotes, following `after`.
    #[serde(skip)]
    SpeakerQuotesMore {
        speaker: String,
        after: Box<QuoteHit>,
        page: QuotePage,
    },
    #[serde(skip)]
    SearchResults {
        query: String,
        hits: Vec<SearchHit>,
    },
    /// Background indexing: `done` of `total` files processed.
    #[serde(skip)]
    IndexProgress {
        done: usize,
        total: usize,
    },
    /// The library changed on disk or in the index: lists are reloaded.
    #[serde(skip)]
    LibraryChanged,
    /// The background indexer committed a batch: new articles are fetched and appended
    /// (the whole list is fetched again when the run ends).
    #[serde(skip)]
    ArticlesCommitted,
    /// Articles added to the index since the list was fetched.
    #[serde(skip)]
    ArticlesAdded(Vec<ArticleSummary>),
    /// A background indexing run ended, with a message for the user when there is one.
    #[serde(skip)]
    IndexFinished {
        message: Option<String>,
        /// The run only added articles (none changed or left): the list needs only those.
        only_added: bool,
    },
    /// A speaker rename, merge or undo was saved (`show`: the name to select), or not.
    #[serde(skip)]
    SpeakersEdited {
        message: String,
        show: Option<String>,
    },
    /// A message for the status bar (effect results, errors).
    #[serde(skip)]
    Notify(String),
}

impl Action {
    /// The config/help name of a bindable action.
    pub fn name(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

/// A program that shows a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Editor,
    Pager,
}

/// Which quotes an export writes.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportWhat {
    /// Every quote of one article (its file, for citations that need it).
    Article {
        id: ArticleId,
        path: std::path::PathBuf,
        title: String,
    },
    /// Every quote of a speaker in the library.
    Speaker(String),
}

/// Something the reader asks to be done outside the state: run by the worker thread
/// (store access, URL opening, clipboard) or by the event loop (terminal suspend).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadArticles,
    /// Fetch the articles with an id above this one (added since the list was fetched).
    LoadArticlesAfter(ArticleId),
    LoadArticle(ArticleId),
    /// Fetch the open article again (its file may have changed).
    ReloadArticle(ArticleId),
    LoadSpeakers,
    /// Fetch the first `limit` quotes of a speaker.
    LoadSpeakerQuotes {
        speaker: String,
        limit: usize,
    },
    /// Fetch the next page of a speaker's quotes after `after`.
    LoadMoreSpeakerQuotes {
        speaker: String,
        after: Box<QuoteHit>,
    },
    SearchLibrary(String),
    SetRead(ArticleId),
    /// Save these articles as read or unread (one transaction).
    MarkRead {
        ids: Vec<ArticleId>,
        read: bool,
    },
    /// Save an article's star.
    Star {
        id: ArticleId,
        starred: bool,
    },
    /// Open a URL in the browser, without a shell.
    OpenUrl(String),
    /// Put the article's source URL on the clipboard with OSC 52.
    CopyUrl(String),
    /// Give the terminal to the editor or pager on a file, and take it back after.
    OpenFile {
        viewer: Viewer,
        path: std::path::PathBuf,
    },
    /// Show speaker `from` as `to` (a rename, or a merge into another speaker).
    RenameSpeaker {
        from: String,
        to: String,
    },
    /// Undo the latest rename or merge.
    UndoSpeakerEdit,
    /// Write quotes with their citations to a file in the data dir.
    Export(ExportWhat),
    /// Put text on the clipboard with OSC 52.
    Copy(String),
    /// Suspend the process (Ctrl-Z): restore the terminal, stop, re-init on resume.
    Suspend,
    Quit,
}

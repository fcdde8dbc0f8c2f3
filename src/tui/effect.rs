//! Effects: everything the reader asks the outside world to do (store access, URL opening,
//! clipboard, the terminal), returned by [`super::update::update`] and run by the worker or
//! the event loop.

use crate::library::{ArticleId, QuoteHit};

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

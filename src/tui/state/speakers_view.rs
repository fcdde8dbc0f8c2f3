//! The Speakers view: every speaker of the library, filtered, and the chosen speaker's
//! quotes across the library, fetched a page at a time.

use super::SpeakersFocus;
use crate::library::{ArticleId, QuoteHit, SpeakerSummary};
use crate::tui::fuzzy::fuzzy_filter;

/// The Speakers view.
#[derive(Debug, Clone)]
pub struct SpeakersView {
    pub all: Vec<SpeakerSummary>,
    pub loaded: bool,
    pub filter: String,
    pub rows: Vec<usize>,
    pub selected: usize,
    pub focus: SpeakersFocus,
    /// The chosen speaker's quotes across the library, as far as fetched.
    pub quotes: Option<SpeakerQuotes>,
    pub quote_selected: usize,
    /// The speaker to select once the list arrives (the view was opened on a speaker).
    pub pending_speaker: Option<String>,
    /// The quote to select once that speaker's quotes arrive: (speaker, article, quote
    /// index in the article).
    pub pending_quote: Option<(String, ArticleId, usize)>,
    /// The speaker whose quotes were asked for last.
    pub asked: Option<String>,
    /// Quotes asked for by moving in the list (they arrive without taking the focus).
    pub follow: Option<String>,
    /// The speaker being renamed (the rename prompt is open).
    pub editing: Option<String>,
    /// The speaker marked to be merged into the next one chosen (`+`).
    pub merging: Option<String>,
}

impl SpeakersView {
    pub(crate) fn new() -> SpeakersView {
        SpeakersView {
            all: Vec::new(),
            loaded: false,
            filter: String::new(),
            rows: Vec::new(),
            selected: 0,
            focus: SpeakersFocus::Names,
            quotes: None,
            quote_selected: 0,
            pending_speaker: None,
            pending_quote: None,
            asked: None,
            follow: None,
            editing: None,
            merging: None,
        }
    }

    pub fn refresh(&mut self) {
        let keep = self.current().map(|s| s.name.clone());
        let rows: Vec<usize> = (0..self.all.len()).collect();
        self.rows = if self.filter.is_empty() {
            rows
        } else {
            let all = &self.all;
            fuzzy_filter(&self.filter, rows, |&i| all[i].name.as_str())
        };
        self.selected = keep
            .and_then(|n| self.rows.iter().position(|&i| self.all[i].name == n))
            .unwrap_or(0);
    }

    pub fn current(&self) -> Option<&SpeakerSummary> {
        self.rows.get(self.selected).map(|&i| &self.all[i])
    }
}

/// Quotes fetched per page in the Speakers view.
pub const QUOTE_PAGE: usize = 500;
/// The next page is fetched when the selection comes this close to the last fetched quote.
pub const QUOTE_PAGE_MARGIN: usize = 100;

/// One speaker's quotes in library order, fetched a page at a time: a speaker may have
/// hundreds of thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerQuotes {
    pub speaker: String,
    /// All of the speaker's quotes in the library.
    pub total: usize,
    /// The first ones, as far as fetched.
    pub hits: Vec<QuoteHit>,
    /// A next page has been asked for.
    pub fetching: bool,
    /// Fetching a page failed: no more are asked for until the list is fetched again.
    pub stalled: bool,
}

impl SpeakerQuotes {
    pub fn complete(&self) -> bool {
        self.hits.len() >= self.total
    }
}

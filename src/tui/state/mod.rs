//! The reader's state: everything the views draw. The models live in their own files
//! (the article list, the open article, the Speakers view, the walk through a speaker's
//! quotes); [`crate::tui::update::update`] is the one function that changes them.

mod article_list;
mod reader;
pub mod side_filter;
mod speakers_view;
pub mod text_find;
mod walk;

pub use super::layout::{Focus, Screen, SpeakersFocus};
pub use super::prompt::{Prompt, PromptKind};
pub use article_list::{ArticleList, SortKey};
pub use reader::{ArticleSearch, Reader, SideItem};
pub use speakers_view::{QUOTE_PAGE, QUOTE_PAGE_MARGIN, SpeakerQuotes, SpeakersView};
pub use walk::Walk;

use super::keymap::Keymap;
use super::layout::{self, LayoutInput, Panes};
use super::theme::Theme;
use crate::library::ArticleId;

/// Everything the views draw.
#[derive(Debug, Clone)]
pub struct State {
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub screen: Screen,
    pub focus: Focus,
    pub show_sidebar: bool,
    pub reading_mode: bool,
    /// The longest line of the reading mode (0: the whole width).
    pub reading_width: usize,
    /// The help overlay and its scroll position.
    pub help: Option<usize>,
    pub prompt: Option<Prompt>,
    pub list: ArticleList,
    pub reader: Option<Reader>,
    pub speakers: SpeakersView,
    pub walk: Option<Walk>,
    pub include_indirect: bool,
    /// What the entity sidebar is narrowed to (`c`, and `f` in the sidebar).
    pub side_filter: side_filter::SideFilter,
    /// An article being loaded, and the quote to show once it is.
    pub loading: Option<(ArticleId, Option<usize>)>,
    pub message: Option<String>,
    /// Background indexing progress (done, total) while it runs.
    pub index_progress: Option<(usize, usize)>,
    pub quit: bool,
}

impl State {
    pub fn new(keymap: Keymap, theme: Theme) -> State {
        State {
            keymap,
            theme,
            size: (80, 24),
            screen: Screen::Reader,
            focus: Focus::List,
            show_sidebar: true,
            reading_mode: false,
            reading_width: usize::from(super::settings::DEFAULT_READING_WIDTH),
            help: None,
            prompt: None,
            list: ArticleList::new(),
            reader: None,
            speakers: SpeakersView::new(),
            walk: None,
            include_indirect: true,
            side_filter: Default::default(),
            loading: None,
            message: None,
            index_progress: None,
            quit: false,
        }
    }

    pub fn panes(&self) -> Panes {
        layout::panes(&self.layout_input())
    }

    /// What the layout needs to know of the state.
    pub fn layout_input(&self) -> LayoutInput {
        LayoutInput {
            size: self.size,
            screen: self.screen,
            focus: self.focus,
            speakers_focus: self.speakers.focus,
            article_open: self.reader.is_some(),
            show_sidebar: self.show_sidebar,
            reading_mode: self.reading_mode,
            reading_width: self.reading_width,
        }
    }

    pub(crate) fn notify(&mut self, r: Result<(), String>) {
        if let Err(m) = r {
            self.message = Some(m);
        }
    }

    /// Keeps derived data (the body's wrapping) in step with the layout.
    pub(crate) fn sync(&mut self) {
        if let Some((w, h)) = layout::body_text_size(&self.layout_input())
            && let Some(r) = &mut self.reader
        {
            r.fit(w, h);
        }
        if self.focus == Focus::Sidebar && (self.reader.is_none() || !self.show_sidebar) {
            self.focus = if self.reader.is_some() {
                Focus::Body
            } else {
                Focus::List
            };
        }
        if self.focus == Focus::Body && self.reader.is_none() {
            self.focus = Focus::List;
        }
        let n = self.list.rows.len();
        self.list.selected = self.list.selected.min(n.saturating_sub(1));
    }

    /// The panes `Tab` cycles through, left to right.
    pub(crate) fn focus_order(&self) -> Vec<Focus> {
        let mut v = vec![Focus::List];
        if self.reader.is_some() {
            v.push(Focus::Body);
            if self.show_sidebar {
                v.push(Focus::Sidebar);
            }
        }
        v
    }

    pub(crate) fn pane_height(&self, r: Option<ratatui::layout::Rect>) -> usize {
        r.map_or(1, |r| usize::from(layout::inner(r).height).max(1))
    }

    /// The speaker the reader points at: the one selected in the sidebar when it has
    /// focus, else the current quote's speaker; with the current quote when it is theirs.
    pub(crate) fn speaker_in_hand(&self) -> Option<(String, Option<(ArticleId, usize)>)> {
        let r = self.reader.as_ref()?;
        let slot = match (self.focus, r.side.get(r.side_selected)) {
            (Focus::Sidebar, Some(SideItem::Speaker { slot, .. })) => Some(*slot),
            (Focus::Body | Focus::Sidebar, _) => r.current.and_then(|q| r.nav.speaker_of[q]),
            _ => None,
        }?;
        let quote = r
            .current
            .filter(|&q| r.nav.speaker_of[q] == Some(slot))
            .map(|q| (r.id, q));
        Some((r.nav.speakers[slot].clone(), quote))
    }
}

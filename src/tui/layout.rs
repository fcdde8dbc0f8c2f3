//! Where each pane goes for a terminal size. Pure: the views draw into these rectangles
//! and the update function maps mouse clicks through the same ones.
//!
//! The layout reads a small [`LayoutInput`] (the size, the screen, which panes are shown
//! and focused, the reading mode), not the reader's whole state.

use ratatui::layout::Rect;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Reader,
    Speakers,
}

/// The focused pane of the reader screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Body,
    Sidebar,
}

/// The focused pane of the Speakers view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakersFocus {
    Names,
    Quotes,
}

/// What the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutInput {
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    pub screen: Screen,
    pub focus: Focus,
    pub speakers_focus: SpeakersFocus,
    /// An article is open (the body and the sidebar have something to show).
    pub article_open: bool,
    pub show_sidebar: bool,
    pub reading_mode: bool,
    /// The longest line of the reading mode (0: the whole width).
    pub reading_width: usize,
}

/// The rectangles of the visible panes (outer, with their borders).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub body: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub speakers: Option<Rect>,
    pub speaker_quotes: Option<Rect>,
    pub status: Option<Rect>,
}

/// Below this width only the focused pane is shown.
pub const NARROW: u16 = 60;

/// The panes shown for `input`, and where.
pub fn panes(input: &LayoutInput) -> Panes {
    let (w, h) = input.size;
    let mut p = Panes::default();
    if w == 0 || h == 0 {
        return p;
    }
    let main_h = if h >= 2 { h - 1 } else { h };
    if h >= 2 {
        p.status = Some(Rect::new(0, h - 1, w, 1));
    }
    let main = Rect::new(0, 0, w, main_h);
    match input.screen {
        Screen::Speakers => {
            if w < NARROW {
                match input.speakers_focus {
                    SpeakersFocus::Names => p.speakers = Some(main),
                    SpeakersFocus::Quotes => p.speaker_quotes = Some(main),
                }
            } else {
                let left = percent(w, 35).clamp(24, 48).min(w);
                p.speakers = Some(Rect::new(0, 0, left, main_h));
                p.speaker_quotes = Some(Rect::new(left, 0, w - left, main_h));
            }
        }
        Screen::Reader => {
            let open = input.article_open;
            let sidebar_on = open && input.show_sidebar;
            if input.reading_mode || w < NARROW {
                match input.focus {
                    Focus::Sidebar if sidebar_on => p.sidebar = Some(main),
                    Focus::Body | Focus::Sidebar if open => p.body = Some(main),
                    _ => p.list = Some(main),
                }
                return p;
            }
            let list_w = if open {
                (w / 4).clamp(18, 40)
            } else {
                (w / 2).clamp(18, 80)
            };
            let side_w = if sidebar_on && w >= 70 {
                percent(w, 22).clamp(18, 32)
            } else {
                0
            };
            let body_w = w.saturating_sub(list_w + side_w);
            p.list = Some(Rect::new(0, 0, list_w, main_h));
            p.body = Some(Rect::new(list_w, 0, body_w, main_h));
            if side_w > 0 {
                p.sidebar = Some(Rect::new(list_w + body_w, 0, side_w, main_h));
            }
        }
    }
    p
}

/// `pct` percent of `w`, without overflowing 16 bits on very wide terminals.
fn percent(w: u16, pct: u32) -> u16 {
    (u32::from(w) * pct / 100) as u16
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// Columns used by the body's gutter (the current-quote marker).
pub const GUTTER: u16 = 1;

/// Text width and height of the body pane, if it is shown.
pub fn body_text_size(input: &LayoutInput) -> Option<(usize, usize)> {
    let (w, h) = input.size;
    // Hidden (narrow or reading mode, another pane focused): it would take the whole
    // main area when shown.
    let main = Rect::new(0, 0, w, if h >= 2 { h - 1 } else { h });
    let r = body_text_rect(input, inner(panes(input).body.unwrap_or(main)));
    if !input.article_open {
        return None;
    }
    Some((
        usize::from(r.width.saturating_sub(GUTTER)).max(1),
        usize::from(r.height),
    ))
}

/// Where the body's lines go inside the pane (`inner`): in reading mode at most
/// `reading_width` columns of text (and the gutter), centred; else the whole pane.
pub fn body_text_rect(input: &LayoutInput, inner: Rect) -> Rect {
    if !input.reading_mode || input.reading_width == 0 {
        return inner;
    }
    let cap = u16::try_from(input.reading_width)
        .unwrap_or(u16::MAX)
        .saturating_add(GUTTER);
    let w = cap.min(inner.width);
    Rect::new(inner.x + (inner.width - w) / 2, inner.y, w, inner.height)
}

/// The first row shown of a list of `len` rows with `selected` in a window of `height`.
pub fn list_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    selected.saturating_sub(height - 1)
}

/// Whether a point is inside a rectangle.
pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x
        && row >= r.y
        && u32::from(column) < u32::from(r.x) + u32::from(r.width)
        && u32::from(row) < u32::from(r.y) + u32::from(r.height)
}

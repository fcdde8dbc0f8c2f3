//! Drawing: pure functions from the state to a frame. Nothing here changes state.
//!
//! [`draw`] draws the whole screen: each pane has its own draw function, in its own file,
//! given the pane's rectangle and the state to read (never to change). Every piece of
//! content goes through [`crate::safe_text`] or [`crate::tui::body::display`] before it
//! reaches the buffer.

mod body;
pub mod help;
mod list;
pub mod sidebar;
mod speakers;
mod status;
mod text;

pub use body::draw_body;
pub use list::draw_list;
pub use sidebar::draw_sidebar;
pub use speakers::{draw_speaker_quotes, draw_speakers};
pub use status::{draw_status, gauge, percent};
pub use text::{fit, pad};

use super::state::State;
use ratatui::Frame;

/// Draws the whole screen.
pub fn draw(f: &mut Frame, state: &State) {
    let p = state.panes();
    if let Some(r) = p.list {
        draw_list(f, r, state);
    }
    if let Some(r) = p.body {
        draw_body(f, r, state);
    }
    if let Some(r) = p.sidebar {
        draw_sidebar(f, r, state);
    }
    if let Some(r) = p.speakers {
        draw_speakers(f, r, state);
    }
    if let Some(r) = p.speaker_quotes {
        draw_speaker_quotes(f, r, state);
    }
    if let Some(r) = p.status {
        draw_status(f, r, state);
    }
    if state.help.is_some() {
        help::draw_help(f, f.area(), state);
    }
}

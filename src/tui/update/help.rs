//! Keys while the help overlay is shown.

use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::state::State;

/// A key or the wheel while the help is shown: it scrolls, quits or suspends; anything
/// else closes the help.
pub(super) fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    use Command::*;
    let h = state.help.unwrap_or(0);
    // As far as the help scrolls on this screen, so no key press is lost past the end.
    let rows = crate::tui::view::help::max_scroll(state);
    state.help = match action {
        Action::Command(Down) => Some((h + 1).min(rows)),
        Action::Command(Up) => Some(h.saturating_sub(1)),
        Action::Command(PageDown) => Some((h + 10).min(rows)),
        Action::Command(PageUp) => Some(h.saturating_sub(10)),
        Action::Command(Top) => Some(0),
        Action::Command(Bottom) => Some(rows),
        Action::Command(Quit) => {
            state.quit = true;
            return vec![Effect::Quit];
        }
        Action::Command(Suspend) => return vec![Effect::Suspend],
        Action::Scroll { lines, .. } => Some(h.saturating_add_signed(lines as isize).min(rows)),
        _ => None,
    };
    Vec::new()
}

//! The one function that changes the reader's state, [`update`], and what it hands each
//! kind of action to: a file per screen or concern.

mod help;
mod list;
mod marks;
mod mouse;
mod msg;
mod prompt;
mod reader;
pub(crate) mod side_filter;
mod speakers;
mod walk;

use super::action::Action;
use super::command::Command;
use super::effect::{Effect, Viewer};
use super::state::{Screen, State};

/// The one function that changes the state: applies an action (a command, terminal input
/// or a message from the worker) and returns what is to be done outside.
pub fn update(state: &mut State, action: impl Into<Action>) -> Vec<Effect> {
    let mut effects = apply(state, action.into());
    state.sync();
    effects.extend(speakers::fetch_more_quotes(state));
    effects.extend(speakers::follow_selection(state));
    effects
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    if action.is_user_input() {
        state.message = None;
        if state.help.is_some() {
            return help::apply(state, action);
        }
    }
    match action {
        Action::Msg(m) => msg::apply(state, m),
        Action::Resize(w, h) => {
            state.size = (w, h);
            Vec::new()
        }
        Action::PromptChar(c) => prompt::type_char(state, c),
        Action::Click { column, row } => {
            let panes = state.panes();
            mouse::click(state, &panes, column, row)
        }
        Action::Scroll { column, row, lines } => {
            let panes = state.panes();
            mouse::scroll(state, &panes, column, row, lines)
        }
        Action::Command(c) => command(state, c),
    }
}

/// A command: those that apply on every screen here, the others by screen.
fn command(state: &mut State, command: Command) -> Vec<Effect> {
    use Command::*;
    let panes = state.panes();
    match command {
        Quit => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Suspend => vec![Effect::Suspend],
        ToggleHelp => {
            state.help = Some(0);
            Vec::new()
        }
        PromptBackspace | PromptDelete | PromptLeft | PromptRight | PromptStart | PromptEnd
        | PromptDeleteWord | PromptDeleteToStart | PromptDeleteToEnd => {
            prompt::edit(state, &command)
        }
        PromptCancel => prompt::cancel(state),
        PromptSubmit => prompt::submit(state),
        SpeakersView => speakers::toggle_view(state),
        ToggleRead | MarkAllRead | UnreadOnly | ToggleStar => marks::apply(state, command),
        ExportQuotes => super::export::request(state),
        SideKind => {
            side_filter::cycle_kind(state);
            Vec::new()
        }
        Filter if state.screen == Screen::Reader && side_filter::wants_prompt(state) => {
            side_filter::open_prompt(state);
            Vec::new()
        }
        ReverseSort => {
            super::order::reverse(state);
            Vec::new()
        }
        RenameSpeaker | MergeSpeaker | UndoSpeakerEdit => {
            super::speaker_edit::apply(state, command)
        }
        CopyUrl => super::outside::copy_url(state),
        OpenInEditor => super::outside::open_file(state, Viewer::Editor),
        OpenInPager => super::outside::open_file(state, Viewer::Pager),
        _ if state.screen == Screen::Speakers => speakers::command(state, &panes, command),
        other => reader::command(state, &panes, other),
    }
}

/// Moves a selection by `delta` rows within `len` rows.
fn move_list(selected: &mut usize, len: usize, delta: isize) {
    if len == 0 {
        *selected = 0;
        return;
    }
    *selected = selected.saturating_add_signed(delta).min(len - 1);
}

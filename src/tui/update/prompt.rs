//! The prompt line (filter, search, rename): typing, editing, cancelling and submitting.

use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::state::{PromptKind, State};

/// A character typed into the prompt.
pub(super) fn type_char(state: &mut State, c: char) -> Vec<Effect> {
    if let Some(p) = &mut state.prompt
        && p.type_char(c)
    {
        live_filter(state);
    }
    Vec::new()
}

/// A prompt-editing command (cursor moves, deletions).
pub(super) fn edit(state: &mut State, command: &Command) -> Vec<Effect> {
    if let Some(p) = &mut state.prompt
        && p.edit(command)
    {
        live_filter(state);
    }
    Vec::new()
}

/// Closes the prompt; a filter typed into it is cleared.
pub(super) fn cancel(state: &mut State) -> Vec<Effect> {
    if let Some(p) = state.prompt.take() {
        match p.kind {
            PromptKind::Filter => {
                state.list.filter.clear();
                state.list.refresh();
            }
            PromptKind::SpeakerFilter => {
                state.speakers.filter.clear();
                state.speakers.refresh();
            }
            PromptKind::SidebarFilter => super::side_filter::set_text(state, String::new()),
            _ => {}
        }
    }
    Vec::new()
}

/// Closes the prompt and does what it was opened for.
pub(super) fn submit(state: &mut State) -> Vec<Effect> {
    let Some(p) = state.prompt.take() else {
        return Vec::new();
    };
    match p.kind {
        PromptKind::Filter | PromptKind::SpeakerFilter | PromptKind::SidebarFilter => Vec::new(),
        PromptKind::RenameSpeaker => crate::tui::speaker_edit::submit_rename(state, p.text),
        PromptKind::LibrarySearch => {
            if p.text.trim().is_empty() {
                state.list.search = None;
                state.list.refresh();
                Vec::new()
            } else {
                vec![Effect::SearchLibrary(p.text)]
            }
        }
        PromptKind::ArticleSearch => {
            if let Some(r) = &mut state.reader {
                let res = r.run_search(&p.text);
                state.notify(res);
            }
            Vec::new()
        }
    }
}

/// Filters as the user types.
fn live_filter(state: &mut State) {
    let Some(p) = &state.prompt else { return };
    match p.kind {
        PromptKind::Filter => {
            state.list.filter = p.text.clone();
            state.list.refresh();
        }
        PromptKind::SpeakerFilter => {
            state.speakers.filter = p.text.clone();
            state.speakers.refresh();
        }
        PromptKind::SidebarFilter => {
            let text = p.text.clone();
            super::side_filter::set_text(state, text);
        }
        _ => {}
    }
}

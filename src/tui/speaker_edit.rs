//! Merging and renaming speakers in the Speakers view: `r` renames the selected speaker,
//! `+` on one speaker then on another merges the first into the second ("Ana María Ruiz"
//! into "Ana Ruiz"), `U` undoes the latest of either. The store keeps them as the user's
//! edits in the index database (see [`crate::library::aliases`]); the lists are fetched
//! again when one is made.

use super::command::Command;
use super::effect::Effect;
use super::msg::Msg;
use super::prompt::{Prompt, PromptKind};
use super::state::{Screen, SpeakersFocus, State};
use crate::safe_text::one_line;

/// Applies `r`, `+` or `U` (see the module docs).
pub fn apply(state: &mut State, command: Command) -> Vec<Effect> {
    if state.screen != Screen::Speakers {
        state.message = Some("rename and merge speakers in the Speakers view (w)".into());
        return Vec::new();
    }
    let sv = &mut state.speakers;
    let selected = sv.current().map(|s| s.name.clone());
    match command {
        Command::RenameSpeaker => {
            let Some(name) = selected else {
                return Vec::new();
            };
            sv.editing = Some(name.clone());
            state.prompt = Some(Prompt::new(PromptKind::RenameSpeaker, name));
            Vec::new()
        }
        Command::MergeSpeaker => {
            let Some(name) = selected else {
                return Vec::new();
            };
            match sv.merging.take() {
                None => {
                    state.message = Some(format!(
                        "merge {} into…: select the speaker and press + (+ here again cancels)",
                        one_line(&name, 40)
                    ));
                    sv.merging = Some(name);
                    Vec::new()
                }
                Some(from) if from == name => {
                    state.message = Some("merge cancelled".into());
                    Vec::new()
                }
                Some(from) => {
                    state.message = Some(format!(
                        "merging {} into {}…",
                        one_line(&from, 40),
                        one_line(&name, 40)
                    ));
                    vec![Effect::RenameSpeaker { from, to: name }]
                }
            }
        }
        Command::UndoSpeakerEdit => vec![Effect::UndoSpeakerEdit],
        _ => Vec::new(),
    }
}

/// Enter in the rename prompt.
pub fn submit_rename(state: &mut State, text: String) -> Vec<Effect> {
    let Some(from) = state.speakers.editing.take() else {
        return Vec::new();
    };
    let to = text.trim().to_string();
    if to.is_empty() || to == from {
        state.message = Some("name unchanged".into());
        return Vec::new();
    }
    vec![Effect::RenameSpeaker { from, to }]
}

/// A rename, merge or undo was saved (or failed): say so, and list the speakers again on
/// `show` (the name the edit is about now).
pub fn edited(state: &mut State, message: String, show: Option<String>) -> Vec<Effect> {
    state.message = Some(message);
    let Some(show) = show else {
        return Vec::new();
    };
    let mut effects = vec![Effect::LoadArticles];
    if let Some(r) = &state.reader {
        // The open article's speakers, as they are shown now.
        effects.push(Effect::ReloadArticle(r.id));
    }
    if state.screen == Screen::Speakers {
        let sv = &mut state.speakers;
        sv.pending_speaker = Some(show);
        sv.focus = SpeakersFocus::Names;
        sv.asked = None;
        sv.quotes = None;
        effects.push(Effect::LoadSpeakers);
    }
    effects
}

/// The worker's part: the edit saved by the store, as the action that reports it.
pub fn run(store: &dyn crate::library::Store, effect: Effect) -> Option<Msg> {
    let (message, show) = match effect {
        Effect::RenameSpeaker { from, to } => match store.rename_speaker(&from, &to) {
            Ok(()) => (
                format!(
                    "{} is shown as {} (U undoes)",
                    one_line(&from, 40),
                    one_line(&to, 40)
                ),
                Some(to),
            ),
            Err(e) => (
                format!("cannot rename: {}", one_line(&format!("{e:#}"), 200)),
                None,
            ),
        },
        Effect::UndoSpeakerEdit => match store.undo_speaker_edit() {
            Ok(Some((from, to))) => (
                format!(
                    "undone: {} is no longer shown as {}",
                    one_line(&from, 40),
                    one_line(&to, 40)
                ),
                Some(from),
            ),
            Ok(None) => ("nothing to undo".to_string(), None),
            Err(e) => (
                format!("cannot undo: {}", one_line(&format!("{e:#}"), 200)),
                None,
            ),
        },
        _ => return None,
    };
    Some(Msg::SpeakersEdited { message, show })
}

//! Read and starred marks in the reader: `m` toggles read/unread, `M` marks every listed
//! article read, `u` lists the unread articles only, `*` stars. The list changes at once;
//! the store saves the marks (the index database, never a library file).

use crate::library::ArticleId;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::state::{Focus, Screen, State};

/// The article a mark applies to: the selected row in the list, else the one shown.
fn target(state: &State) -> Option<ArticleId> {
    match state.focus {
        Focus::List => state.list.current().map(|a| a.id),
        _ => state
            .reader
            .as_ref()
            .map(|r| r.id)
            .or_else(|| state.list.current().map(|a| a.id)),
    }
}

/// Applies a mark action (see the module docs).
pub(super) fn apply(state: &mut State, command: Command) -> Vec<Effect> {
    if state.screen != Screen::Reader {
        state.message = Some("marks apply to articles: leave the Speakers view first (w)".into());
        return Vec::new();
    }
    match command {
        Command::ToggleRead => {
            let Some(id) = target(state) else {
                state.message = Some("no article to mark".into());
                return Vec::new();
            };
            let Some(a) = state.list.all.iter_mut().find(|a| a.id == id) else {
                return Vec::new();
            };
            a.read = !a.read;
            let read = a.read;
            state.message = Some(if read { "marked read" } else { "marked unread" }.into());
            state.list.refresh();
            vec![Effect::MarkRead {
                ids: vec![id],
                read,
            }]
        }
        Command::MarkAllRead => {
            let l = &mut state.list;
            let ids: Vec<ArticleId> = l
                .rows
                .iter()
                .filter(|&&i| !l.all[i].read)
                .map(|&i| l.all[i].id)
                .collect();
            for &i in &l.rows {
                l.all[i].read = true;
            }
            state.message = Some(match ids.len() {
                0 => "every article listed is read already".to_string(),
                1 => "1 article marked read".to_string(),
                n => format!("{n} articles marked read"),
            });
            if ids.is_empty() {
                Vec::new()
            } else {
                vec![Effect::MarkRead { ids, read: true }]
            }
        }
        Command::UnreadOnly => {
            state.list.unread_only = !state.list.unread_only;
            state.list.refresh();
            state.message = Some(
                if state.list.unread_only {
                    "unread articles only (u lists all)"
                } else {
                    "all articles"
                }
                .into(),
            );
            Vec::new()
        }
        Command::ToggleStar => {
            let Some(id) = target(state) else {
                state.message = Some("no article to star".into());
                return Vec::new();
            };
            let Some(a) = state.list.all.iter_mut().find(|a| a.id == id) else {
                return Vec::new();
            };
            a.starred = !a.starred;
            let starred = a.starred;
            state.message = Some(if starred { "starred" } else { "star removed" }.into());
            vec![Effect::Star { id, starred }]
        }
        _ => Vec::new(),
    }
}

//! Narrowing the entity sidebar: `c` shows one kind at a time (speakers, people,
//! organizations, places, then all again), and `f` with the sidebar focused filters it by
//! text as you type (the fuzzy filter of the list). Both stay as you open other articles.

use crate::tui::state::side_filter::{kind_keeps, name_of, side_items};
use crate::tui::state::{Focus, Prompt, PromptKind, State};

/// Lists the open article's sidebar items again under the state's filter, keeping the
/// selected item selected when it is still listed.
pub fn apply(state: &mut State) {
    let filter = state.side_filter.clone();
    let Some(r) = &mut state.reader else { return };
    let keep = r.side.get(r.side_selected).cloned();
    let mut items = side_items(r);
    items.retain(|i| kind_keeps(filter.kind, r, i));
    if !filter.text.trim().is_empty() {
        let names: Vec<String> = items.iter().map(|i| name_of(r, i).to_string()).collect();
        let order: Vec<usize> = (0..items.len()).collect();
        let mut kept = crate::tui::fuzzy::fuzzy_filter(&filter.text, order, |&i| names[i].as_str());
        // The sidebar keeps its groups: matches in their usual order.
        kept.sort_unstable();
        items = kept.into_iter().map(|i| items[i].clone()).collect();
    }
    r.side_selected = keep
        .and_then(|k| items.iter().position(|i| *i == k))
        .unwrap_or(0);
    r.side = items;
    r.side_cycle = None;
}

/// `c`: the next kind.
pub fn cycle_kind(state: &mut State) {
    state.side_filter.kind = state.side_filter.kind.next();
    if !state.show_sidebar {
        state.show_sidebar = true;
    }
    apply(state);
    state.message = Some(format!("sidebar: {}", state.side_filter.kind.name()));
}

/// `f` with the sidebar focused: the text filter prompt.
pub fn open_prompt(state: &mut State) {
    state.prompt = Some(Prompt::new(
        PromptKind::SidebarFilter,
        state.side_filter.text.clone(),
    ));
}

/// The prompt's text changed (or was cleared).
pub fn set_text(state: &mut State, text: String) {
    state.side_filter.text = text;
    apply(state);
}

/// Whether `f` means the sidebar's filter.
pub fn wants_prompt(state: &State) -> bool {
    state.focus == Focus::Sidebar && state.reader.is_some()
}

//! The mouse: a click focuses the pane and selects the row under it (a second click opens
//! or jumps, as Enter does); the wheel scrolls the pane under the pointer.

use super::move_list;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::{self, Panes};
use crate::tui::state::{Focus, SpeakersFocus, State};
use crate::tui::view::sidebar::{SideRow, sidebar_rows};

/// The wheel turned `lines` over the point (`column`, `row`).
pub(super) fn scroll(
    state: &mut State,
    panes: &Panes,
    column: u16,
    row: u16,
    lines: i32,
) -> Vec<Effect> {
    let at = |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| layout::contains(r, column, row));
    let step = lines.clamp(-1000, 1000) as isize;
    if at(panes.body) {
        if let Some(r) = &mut state.reader {
            r.scroll_by(step * 3);
        }
    } else if at(panes.list) {
        move_list(&mut state.list.selected, state.list.rows.len(), step);
    } else if at(panes.sidebar) {
        if let Some(r) = &mut state.reader {
            move_list(&mut r.side_selected, r.side.len(), step);
            r.on_side_move();
        }
    } else if at(panes.speakers) {
        move_list(
            &mut state.speakers.selected,
            state.speakers.rows.len(),
            step,
        );
    } else if at(panes.speaker_quotes) {
        let n = state.speakers.quotes.as_ref().map_or(0, |q| q.hits.len());
        move_list(&mut state.speakers.quote_selected, n, step);
    }
    Vec::new()
}

pub(super) fn click(state: &mut State, panes: &Panes, column: u16, row: u16) -> Vec<Effect> {
    let hit = |r: Option<ratatui::layout::Rect>| r.filter(|r| layout::contains(*r, column, row));
    let row_in = |r: ratatui::layout::Rect, selected: usize| -> Option<usize> {
        let inner = layout::inner(r);
        if !layout::contains(inner, column, row) {
            return None;
        }
        let h = usize::from(inner.height);
        Some(layout::list_offset(selected, h) + usize::from(row - inner.y))
    };
    if let Some(r) = hit(panes.list) {
        state.focus = Focus::List;
        if let Some(i) = row_in(r, state.list.selected)
            && i < state.list.rows.len()
        {
            let again = i == state.list.selected;
            state.list.selected = i;
            if again {
                return super::list::open_selected(state);
            }
        }
    } else if hit(panes.body).is_some() {
        state.focus = Focus::Body;
    } else if let Some(r) = hit(panes.sidebar) {
        state.focus = Focus::Sidebar;
        if let Some(rd) = &mut state.reader {
            rd.on_side_move();
        }
        if let Some(rd) = &mut state.reader {
            // Sidebar rows carry headings; map through the same rows the view draws.
            let inner = layout::inner(r);
            if layout::contains(inner, column, row) {
                let rows = sidebar_rows(rd);
                let off = crate::tui::view::sidebar::offset(&rows, rd.side_selected, inner.height);
                if let Some(SideRow::Item(item)) = rows.get(off + usize::from(row - inner.y)) {
                    let again = *item == rd.side_selected;
                    rd.side_selected = *item;
                    rd.on_side_move();
                    if again {
                        // A second click on a row jumps, as Enter does.
                        let res = rd.cycle_side();
                        state.notify(res);
                    }
                }
            }
        }
    } else if let Some(r) = hit(panes.speakers) {
        state.speakers.focus = SpeakersFocus::Names;
        if let Some(i) = row_in(r, state.speakers.selected)
            && i < state.speakers.rows.len()
        {
            let again = i == state.speakers.selected;
            state.speakers.selected = i;
            if again {
                return super::speakers::command(state, panes, Command::Enter);
            }
        }
    } else if let Some(r) = hit(panes.speaker_quotes) {
        state.speakers.focus = SpeakersFocus::Quotes;
        let n = state.speakers.quotes.as_ref().map_or(0, |q| q.hits.len());
        if let Some(i) = row_in(r, state.speakers.quote_selected)
            && i < n
        {
            let again = i == state.speakers.quote_selected;
            state.speakers.quote_selected = i;
            if again {
                return super::speakers::command(state, panes, Command::Enter);
            }
        }
    }
    Vec::new()
}

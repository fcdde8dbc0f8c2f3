//! The entity sidebar ("Who & what"): speakers with their quote counts, then the people,
//! organizations and places the article names with their mention counts. Each heading
//! says what its numbers count (`quotes`, `mentions`); a role the article gives a person
//! is shown on a line of its own under the selected row, so it never crowds the names.

use super::text::{fit, pad, pane_block, spread};
use crate::extract::EntityKind;
use crate::safe_text::one_line;
use crate::tui::layout::{inner, list_offset};
use crate::tui::state::{Focus, Reader, SideItem, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// One row of the sidebar as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// A group's heading and what its numbers count.
    Heading {
        group: &'static str,
        counts: &'static str,
    },
    /// An item (index into [`Reader::side`]).
    Item(usize),
    /// The role of the selected item, under it.
    Role(usize),
}

/// The group of a sidebar item and what its number counts.
fn group_of(r: &Reader, item: &SideItem) -> (&'static str, &'static str) {
    match item {
        SideItem::Speaker { .. } => ("Speakers", "quotes"),
        SideItem::Entity { index } => match r.analysis.entities[*index].kind {
            EntityKind::Person => ("People", "mentions"),
            EntityKind::Organization => ("Organizations", "mentions"),
            EntityKind::Place => ("Places", "mentions"),
        },
    }
}

/// The role shown under item `i` when it is selected.
fn role(r: &Reader, i: usize) -> Option<&str> {
    match r.side.get(i)? {
        SideItem::Entity { index } => r.analysis.entities[*index].role.as_deref(),
        SideItem::Speaker { .. } => None,
    }
    .filter(|role| !role.trim().is_empty())
}

/// The sidebar's rows: headings, items, and the selected item's role.
pub fn sidebar_rows(r: &Reader) -> Vec<SideRow> {
    let mut out = Vec::new();
    let mut group: Option<&'static str> = None;
    for (i, item) in r.side.iter().enumerate() {
        let (g, counts) = group_of(r, item);
        if group != Some(g) {
            out.push(SideRow::Heading { group: g, counts });
            group = Some(g);
        }
        out.push(SideRow::Item(i));
        if i == r.side_selected && role(r, i).is_some() {
            out.push(SideRow::Role(i));
        }
    }
    out
}

/// The first row shown in a sidebar `height` rows tall: the selected item and its role in
/// view.
pub fn offset(rows: &[SideRow], selected: usize, height: u16) -> usize {
    let last = rows
        .iter()
        .rposition(|x| matches!(x, SideRow::Item(i) | SideRow::Role(i) if *i == selected))
        .unwrap_or(0);
    list_offset(last, usize::from(height))
}

/// The entity sidebar.
pub fn draw_sidebar(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let focused = state.focus == Focus::Sidebar;
    let block = pane_block(state, state.side_filter.title(), focused);
    let ir = inner(area);
    f.render_widget(block, area);
    let Some(r) = &state.reader else { return };
    if ir.width == 0 || ir.height == 0 {
        return;
    }
    let w = usize::from(ir.width);
    if r.side.is_empty() {
        let msg = if state.side_filter.is_active() {
            "Nothing matches (c: all kinds; f, Ctrl-U: no text)."
        } else {
            "No quotes or names found."
        };
        f.render_widget(Paragraph::new(Span::styled(fit(msg, w), t.dim())), ir);
        return;
    }
    let rows = sidebar_rows(r);
    let off = offset(&rows, r.side_selected, ir.height);
    let h = usize::from(ir.height);
    let heading = t.title().add_modifier(Modifier::UNDERLINED);
    let mut lines = Vec::new();
    for row in rows.iter().skip(off).take(h) {
        let line = match *row {
            SideRow::Heading { group, counts } => {
                // What the numbers count, over them; the group name comes first.
                let label = format!(" {counts}");
                // A narrow sidebar shortens the group's name before it drops the label.
                let short = if group == "Organizations" {
                    "Orgs"
                } else {
                    group
                };
                match [group, short]
                    .into_iter()
                    .find(|g| g.width() + label.width() <= w)
                {
                    Some(g) => spread(
                        vec![Span::styled(g, heading)],
                        vec![Span::styled(label, t.dim())],
                        w,
                    ),
                    None => Line::styled(fit(group, w), heading),
                }
            }
            SideRow::Item(i) => item_line(state, r, i, w, focused),
            SideRow::Role(i) => {
                let role = one_line(role(r, i).unwrap_or(""), 200);
                let style = t.selection(focused).patch(t.dim());
                Line::styled(pad(&format!("    {role}"), w), style)
            }
        };
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), ir);
}

fn item_line(state: &State, r: &Reader, i: usize, w: usize, focused: bool) -> Line<'static> {
    let t = &state.theme;
    let (name, count, swatch) = match &r.side[i] {
        SideItem::Speaker { slot, quotes } => {
            (one_line(&r.nav.speakers[*slot], 200), *quotes, Some(*slot))
        }
        SideItem::Entity { index } => {
            let e = &r.analysis.entities[*index];
            (one_line(&e.name, 200), e.mention_count(), None)
        }
    };
    let count = format!(" {count}");
    let mut spans = vec![match swatch {
        Some(slot) => Span::styled("■ ", t.speaker(slot)),
        None => Span::raw("  "),
    }];
    spans.push(Span::raw(fit(&name, w.saturating_sub(2 + count.width()))));
    let style = if i == r.side_selected {
        t.selection(focused)
    } else {
        Style::new()
    };
    spread(spans, vec![Span::styled(count, t.dim())], w).style(style)
}

//! The `?` help overlay, generated from the keymap. It scrolls when it is taller than the
//! screen, and then says so: a scrollbar, and where you are with the keys to move
//! (` 1–22 of 64 · j/k scroll `) on its bottom border. The update function clamps the
//! scroll with the same lines the view draws ([`max_scroll`]).

use super::text::fit;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

/// The widest the popup gets.
const MAX_W: u16 = 100;

/// The popup's rectangle on a screen of `area`, for `n` lines of text.
fn popup(area: Rect, n: usize) -> Rect {
    let w = area.width.clamp(4, MAX_W).min(area.width);
    let h = area
        .height
        .min(u16::try_from(n + 2).unwrap_or(u16::MAX))
        .max(3)
        .min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The help's lines for a popup `width` columns wide (descriptions wrap under themselves).
pub fn help_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let t = &state.theme;
    let rows = state.keymap.help_rows();
    let kw = rows
        .iter()
        .map(|r| r.keys.width())
        .max()
        .unwrap_or(0)
        .min(24);
    let text_w = usize::from(width.saturating_sub(2)).saturating_sub(kw + 4);
    let mut lines = Vec::new();
    let mut group = "";
    for r in &rows {
        if r.group != group {
            if !group.is_empty() {
                lines.push(Line::raw(""));
            }
            group = r.group;
            lines.push(Line::styled(group, t.title()));
        }
        let keys = Span::styled(format!("  {:<kw$}  ", fit(&r.keys, kw)), t.speaker(0));
        if text_w < 12 {
            lines.push(Line::from(vec![keys, Span::raw(r.help)]));
            continue;
        }
        for (i, range) in crate::tui::body::wrap_text(r.help, text_w)
            .into_iter()
            .enumerate()
        {
            let part = r.help[range].trim_end();
            lines.push(if i == 0 {
                Line::from(vec![keys.clone(), Span::raw(part)])
            } else {
                Line::from(vec![Span::raw(" ".repeat(kw + 4)), Span::raw(part)])
            });
        }
    }
    lines.push(Line::raw(""));
    for range in crate::tui::body::wrap_text(crate::tui::keymap::MOUSE_HELP, usize::from(width - 2))
    {
        let part = crate::tui::keymap::MOUSE_HELP[range].trim_end();
        lines.push(Line::styled(part, t.dim()));
    }
    lines
}

/// The popup and its lines on the state's screen.
fn layout(state: &State) -> (Rect, Vec<Line<'static>>) {
    let (w, h) = state.size;
    let area = Rect::new(0, 0, w, h);
    let lines = help_lines(state, area.width.clamp(4, MAX_W).min(w.max(4)));
    (popup(area, lines.len()), lines)
}

/// The furthest the help scrolls on the state's screen (0 when it all fits).
pub fn max_scroll(state: &State) -> usize {
    let (popup, lines) = layout(state);
    lines
        .len()
        .saturating_sub(usize::from(popup.height.saturating_sub(2)))
}

/// The help overlay.
pub fn draw_help(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    if area.width < 4 || area.height < 3 {
        return;
    }
    let lines = help_lines(state, area.width.clamp(4, MAX_W));
    let popup = popup(area, lines.len());
    let inner_h = usize::from(popup.height - 2);
    let max = lines.len().saturating_sub(inner_h);
    let scroll = state.help.unwrap_or(0).min(max);
    f.render_widget(Clear, popup);
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border(true))
        .title(" Keys — ? or esc closes ");
    if max > 0 {
        // It scrolls: say where the view is and how to move it.
        let last = (scroll + inner_h).min(lines.len());
        let at = format!(" {}–{last} of {} · j/k scroll ", scroll + 1, lines.len());
        if at.width() + 4 <= usize::from(popup.width) {
            block = block.title_bottom(Line::from(at).alignment(Alignment::Right));
        }
    }
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(inner_h).collect();
    f.render_widget(Paragraph::new(shown).block(block), popup);
    if max > 0 && popup.height >= 4 {
        let mut sb = ScrollbarState::new(max).position(scroll);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            Rect::new(popup.x, popup.y + 1, popup.width, popup.height - 2),
            &mut sb,
        );
    }
}

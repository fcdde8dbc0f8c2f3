//! Text and frame helpers shared by the panes: cutting and padding to display columns,
//! pane borders, lines with a right-aligned part, counts.

use crate::tui::state::State;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use unicode_width::UnicodeWidthStr;

/// `s` cut to `width` display columns (with `…`) and padded with spaces to exactly that
/// width: `format!("{:<w$}")` pads by characters, which misaligns wide (CJK) text.
pub fn pad(s: &str, width: usize) -> String {
    let mut out = fit(s, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Cuts `s` to at most `width` display columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

pub(crate) fn pane_block<'a>(state: &State, title: String, focused: bool) -> Block<'a> {
    let t = &state.theme;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(t.border(focused))
        .title(Span::styled(title, t.border(focused)))
}

/// A line with `left` and `right` parts, `right` flush with the end of `width`.
pub(crate) fn spread<'a>(left: Vec<Span<'a>>, right: Vec<Span<'a>>, width: usize) -> Line<'a> {
    let lw: usize = left.iter().map(|s| s.content.width()).sum();
    let rw: usize = right.iter().map(|s| s.content.width()).sum();
    let mut spans = left;
    if lw + rw <= width {
        spans.push(Span::raw(" ".repeat(width - lw - rw)));
        spans.extend(right);
    }
    Line::from(spans)
}

/// `1 quote`, `2 quotes`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Columns of a date in lists: `20 Nov 2019`.
pub(crate) const DATE_W: usize = 11;

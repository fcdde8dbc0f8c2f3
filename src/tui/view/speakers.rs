//! The Speakers view's two panes: the speakers of the library, and the chosen speaker's
//! quotes across articles.

use crate::dates::human_date;
use crate::extract::QuoteKind;
use crate::safe_text::one_line;
use crate::tui::layout::{inner, list_offset};
use crate::tui::state::{SpeakersFocus, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::{DATE_W, fit, pad, pane_block, spread};

/// The Speakers view: every speaker of the library.
pub fn draw_speakers(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let sv = &state.speakers;
    let focused = sv.focus == SpeakersFocus::Names;
    let title = if sv.filter.is_empty() {
        format!(" Speakers ({}) ", sv.rows.len())
    } else {
        format!(" Speakers ({}/{}) ", sv.rows.len(), sv.all.len())
    };
    let block = pane_block(state, title, focused);
    let ir = inner(area);
    f.render_widget(block, area);
    if ir.width == 0 || ir.height == 0 {
        return;
    }
    let w = usize::from(ir.width);
    if sv.rows.is_empty() {
        let msg = if !sv.loaded {
            "Loading…"
        } else if !sv.filter.is_empty() {
            "No match. Esc clears."
        } else {
            "No attributed quotes in the library."
        };
        f.render_widget(Paragraph::new(Span::styled(fit(msg, w), t.dim())), ir);
        return;
    }
    let h = usize::from(ir.height);
    let off = list_offset(sv.selected, h);
    let mut lines = Vec::new();
    for (row, &i) in sv.rows.iter().enumerate().skip(off).take(h) {
        let s = &sv.all[i];
        let right = format!(" {}q {}a", s.quotes, s.articles);
        let style = if row == sv.selected {
            t.selection(focused)
        } else {
            Style::new()
        };
        let name = fit(&one_line(&s.name, 200), w.saturating_sub(right.width()));
        lines.push(
            spread(vec![Span::raw(name)], vec![Span::styled(right, t.dim())], w).style(style),
        );
    }
    f.render_widget(Paragraph::new(lines), ir);
}

/// The Speakers view: the chosen speaker's quotes across the library.
pub fn draw_speaker_quotes(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let sv = &state.speakers;
    let focused = sv.focus == SpeakersFocus::Quotes;
    let title = match &sv.quotes {
        Some(q) => format!(" Quotes by {} ({}) ", one_line(&q.speaker, 60), q.total),
        None => " Quotes ".into(),
    };
    let block = pane_block(state, title, focused);
    let ir = inner(area);
    f.render_widget(block, area);
    if ir.width == 0 || ir.height == 0 {
        return;
    }
    let w = usize::from(ir.width);
    let Some(hits) = sv.quotes.as_ref().map(|q| &q.hits) else {
        f.render_widget(
            Paragraph::new(Span::styled(
                fit("Enter on a speaker lists their quotes.", w),
                t.dim(),
            )),
            ir,
        );
        return;
    };
    let h = usize::from(ir.height);
    let off = list_offset(sv.quote_selected, h);
    let mut lines = Vec::new();
    for (row, hit) in hits.iter().enumerate().skip(off).take(h) {
        let date = fit(&human_date(hit.date.as_deref().unwrap_or("—")), DATE_W);
        let title = fit(&one_line(&hit.title, 200), (w / 3).max(8));
        // Quotation marks for quoted words only: reported speech is the writer's wording.
        let quote = if hit.kind == QuoteKind::Indirect {
            one_line(&hit.text, 400)
        } else {
            format!("“{}”", one_line(&hit.text, 400))
        };
        let style = if row == sv.quote_selected {
            t.selection(focused)
        } else {
            Style::new()
        };
        let used = DATE_W + 1 + title.width() + 2;
        let kind_style = t.quote(Some(0), hit.kind);
        let line = Line::from(vec![
            Span::styled(format!("{} ", pad(&date, DATE_W)), t.dim()),
            Span::styled(title, t.title()),
            Span::raw("  "),
            Span::styled(fit(&quote, w.saturating_sub(used)), kind_style),
        ]);
        lines.push(line.style(style));
    }
    f.render_widget(Paragraph::new(lines), ir);
}

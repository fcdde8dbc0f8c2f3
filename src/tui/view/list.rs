//! The article list pane: one row per article (date, title, quote count, marks), with
//! the sort, filter or search it shows in its title.

use crate::dates::human_date;
use crate::safe_text::one_line;
use crate::tui::layout::{inner, list_offset};
use crate::tui::state::{Focus, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::{DATE_W, count, fit, pad, pane_block, spread};

/// The article list.
pub fn draw_list(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let l = &state.list;
    let focused = state.screen == crate::tui::state::Screen::Reader && state.focus == Focus::List;
    let mut title = format!(" Articles ({}) ", l.rows.len());
    if let Some((q, _)) = &l.search {
        title = format!(" Search “{}” ({}) ", one_line(q, 30), l.rows.len());
    } else if l.unread_only {
        title = format!(" Unread ({}/{}) ", l.rows.len(), l.all.len());
    } else if !l.filter.is_empty() {
        title = format!(" Articles ({}/{}) ", l.rows.len(), l.all.len());
    }
    let block = pane_block(state, title, focused);
    let ir = inner(area);
    f.render_widget(block, area);
    if ir.width == 0 || ir.height == 0 {
        return;
    }
    let w = usize::from(ir.width);
    if l.rows.is_empty() {
        let msg = if !l.loaded {
            "Loading…"
        } else if l.search.is_some() || !l.filter.is_empty() {
            "No match. Esc clears."
        } else {
            "No articles."
        };
        f.render_widget(Paragraph::new(Span::styled(fit(msg, w), t.dim())), ir);
        return;
    }
    let wide = w >= 50;
    let searching = l.search.is_some();
    let footer = if (!wide || searching) && ir.height >= 8 {
        2
    } else {
        0
    };
    let h = usize::from(ir.height) - footer;
    let off = list_offset(l.selected, h);
    let mut lines = Vec::new();
    for (row, &i) in l.rows.iter().enumerate().skip(off).take(h) {
        let a = &l.all[i];
        let mark = match (a.read, a.starred) {
            (false, false) => "● ",
            (true, false) => "  ",
            (false, true) => "●★",
            (true, true) => " ★",
        };
        let count = format!(" {:>3}", a.quote_count);
        let sel = row == l.selected;
        let style = if sel {
            t.selection(focused)
        } else {
            Style::new()
        };
        let line = if wide {
            let date = fit(&human_date(a.date.as_deref().unwrap_or("")), DATE_W);
            // A search hit shows where the words are, in a wider column.
            let passage = l.search.as_ref().and_then(|(q, hits)| {
                let h = hits.iter().find(|h| h.article == a.id)?;
                Some(crate::tui::snippet::from_match(&h.snippet, q))
            });
            let (by, by_w) = match passage {
                Some(p) => (p, w.saturating_sub(2 + DATE_W + 1 + 2 + count.width()) / 2),
                None => (one_line(&a.byline.join(", "), 40), (w / 4).min(24)),
            };
            let title_w = w.saturating_sub(2 + DATE_W + 1 + by_w + 2 + count.width());
            let left = vec![
                Span::raw(mark),
                Span::styled(format!("{} ", pad(&date, DATE_W)), t.dim()),
                Span::raw(format!("{} ", pad(&one_line(&a.title, 200), title_w))),
                Span::styled(pad(&by, by_w), t.dim()),
            ];
            spread(left, vec![Span::styled(count, t.dim())], w)
        } else {
            let title_w = w.saturating_sub(2 + count.width());
            spread(
                vec![
                    Span::raw(mark),
                    Span::raw(fit(&one_line(&a.title, 200), title_w)),
                ],
                vec![Span::styled(count, t.dim())],
                w,
            )
        };
        lines.push(line.style(style));
    }
    let list_area = Rect::new(ir.x, ir.y, ir.width, h as u16);
    f.render_widget(Paragraph::new(lines), list_area);
    if footer > 0
        && let Some(a) = l.current()
    {
        let meta = a
            .date
            .iter()
            .map(|d| human_date(d))
            .chain([count(a.quote_count, "quote")])
            .collect::<Vec<_>>()
            .join(" · ");
        let by = if a.byline.is_empty() {
            String::new()
        } else {
            format!("By {}", a.byline.join(", "))
        };
        let fr = Rect::new(ir.x, ir.y + h as u16, ir.width, footer as u16);
        // While searching, the matching passage; else the byline and date.
        let snippet = l
            .search
            .as_ref()
            .and_then(|(_, hits)| hits.iter().find(|h| h.article == a.id))
            .map(|h| format!("…{}…", one_line(&h.snippet, 400)));
        let lines = match snippet {
            Some(sn) => vec![
                Line::styled(fit(&sn, w), t.dim()),
                Line::styled(fit(&one_line(&meta, 200), w), t.dim()),
            ],
            None => vec![
                Line::styled(fit(&one_line(&by, 200), w), t.dim()),
                Line::styled(fit(&one_line(&meta, 200), w), t.dim()),
            ],
        };
        f.render_widget(Paragraph::new(lines), fr);
    }
}

//! The body pane: the open article's header and wrapped text, with quotes, the current
//! quote, the selected speaker, search matches and the jumped-to mention highlighted.

use crate::safe_text::one_line;
use crate::tui::body::{HeaderKind, LineSrc, display};
use crate::tui::layout::inner;
use crate::tui::state::{Focus, Reader, State};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::status::percent;
use super::text::{fit, pane_block};

/// The article body.
pub fn draw_body(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let focused = state.focus == Focus::Body;
    let Some(r) = &state.reader else {
        let block = pane_block(state, " Article ".into(), focused);
        let ir = inner(area);
        f.render_widget(block, area);
        let msg = if state.loading.is_some() {
            "Loading…"
        } else {
            "Select an article and press Enter."
        };
        f.render_widget(
            Paragraph::new(Span::styled(fit(msg, usize::from(ir.width)), t.dim())),
            ir,
        );
        return;
    };
    let pct = percent(r);
    let title = format!(" {} ", one_line(&r.article.title, 200));
    let block = pane_block(state, title, focused)
        .title_bottom(Line::from(format!(" {pct}% ")).alignment(Alignment::Right));
    let ir = inner(area);
    f.render_widget(block, area);
    if ir.width == 0 || ir.height == 0 {
        return;
    }
    let lines = body_lines(state, r, usize::from(ir.height));
    f.render_widget(
        Paragraph::new(lines),
        crate::tui::layout::body_text_rect(&state.layout_input(), ir),
    );
    if area.height >= 4 && r.max_scroll() > 0 {
        let mut sb = ScrollbarState::new(r.max_scroll()).position(r.scroll);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            Rect::new(area.x, area.y + 1, area.width, area.height - 2),
            &mut sb,
        );
    }
}

/// The visible lines of the body, styled.
pub fn body_lines<'a>(state: &State, r: &'a Reader, height: usize) -> Vec<Line<'a>> {
    let t = &state.theme;
    let body = &r.article.body;
    let quotes = &r.analysis.quotes;
    let cur = r.current.map(|q| quotes[q].span.clone());
    let mut out = Vec::with_capacity(height);
    for vl in r.wrapped.lines.iter().skip(r.scroll).take(height) {
        match vl.src {
            LineSrc::Header { line } => {
                let (kind, text) = &r.wrapped.header[line];
                let style = match kind {
                    HeaderKind::Title => t.title(),
                    HeaderKind::Meta | HeaderKind::Rule => t.dim(),
                };
                let s = display(&text[vl.range.clone()]).into_owned();
                out.push(Line::from(vec![Span::raw(" "), Span::styled(s, style)]));
            }
            LineSrc::Body => {
                let (ls, le) = (vl.range.start, vl.range.end);
                let on_current = cur
                    .as_ref()
                    .is_some_and(|c| c.start < le.max(ls + 1) && c.end > ls);
                // The marker (and its style) only beside the current quote's lines.
                let mut spans = vec![if on_current {
                    Span::styled("▌", t.current())
                } else {
                    Span::raw(" ")
                }];
                if ls == le {
                    out.push(Line::from(spans));
                    continue;
                }
                // Ranges that style this line: quotes, search matches, the mark.
                let mut styled: Vec<(usize, usize, Style)> = Vec::new();
                // Quotes are sorted by start: the ones starting before the line's end, looked
                // at from the nearest back (a bounded number, so nested quotes are found and
                // the cost per line stays constant).
                let p_end = r.nav.starts.partition_point(|&s| s < le);
                for k in (p_end.saturating_sub(64)..p_end).rev() {
                    let qi = r.nav.order[k];
                    let q = &quotes[qi];
                    if q.span.end <= ls {
                        continue;
                    }
                    let slot = r.nav.speaker_of[qi];
                    let mut st = t.quote(slot, q.kind);
                    if slot.is_some() && slot == r.selected_speaker {
                        st = st.patch(t.selected_speaker());
                    }
                    if r.current == Some(qi) {
                        st = st.patch(t.current());
                    }
                    styled.push((q.span.start.max(ls), q.span.end.min(le), st));
                }
                styled.reverse();
                if let Some(s) = &r.search {
                    let p = s.matches.partition_point(|m| m.end <= ls);
                    for (j, m) in s.matches.iter().enumerate().skip(p) {
                        if m.start >= le {
                            break;
                        }
                        let st = if s.current == Some(j) {
                            t.current()
                        } else {
                            Style::new().add_modifier(Modifier::REVERSED)
                        };
                        styled.push((m.start.max(ls), m.end.min(le), st));
                    }
                }
                if let Some(m) = &r.mark
                    && m.start < le
                    && m.end > ls
                {
                    styled.push((m.start.max(ls), m.end.min(le), t.current()));
                }
                let mut cuts: Vec<usize> = vec![ls, le];
                for (a, b, _) in &styled {
                    cuts.push(*a);
                    cuts.push(*b);
                }
                cuts.sort_unstable();
                cuts.dedup();
                for w in cuts.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    if a >= b || !body.is_char_boundary(a) || !body.is_char_boundary(b) {
                        continue;
                    }
                    let mut st = Style::new();
                    for (sa, sb, s) in &styled {
                        if *sa <= a && b <= *sb {
                            st = st.patch(*s);
                        }
                    }
                    spans.push(Span::styled(display(&body[a..b]), st));
                }
                out.push(Line::from(spans));
            }
        }
    }
    out
}

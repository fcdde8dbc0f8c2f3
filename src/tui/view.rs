//! Drawing: pure functions from the state to a frame. Nothing here changes state.
//!
//! Every piece of content goes through [`crate::safe_text`] or [`super::body::display`]
//! before it reaches the buffer.

use super::body::{HeaderKind, LineSrc, display};
use super::command::Command;
use super::layout::{inner, list_offset};
use super::state::{Focus, Reader, SideItem, SpeakersFocus, State};
use crate::dates::human_date;
use crate::extract::QuoteKind;
use crate::safe_text::one_line;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

pub use super::sidebar::draw_sidebar;

/// Draws the whole screen.
pub fn draw(f: &mut Frame, state: &State) {
    let p = state.panes();
    if let Some(r) = p.list {
        draw_list(f, r, state);
    }
    if let Some(r) = p.body {
        draw_body(f, r, state);
    }
    if let Some(r) = p.sidebar {
        draw_sidebar(f, r, state);
    }
    if let Some(r) = p.speakers {
        draw_speakers(f, r, state);
    }
    if let Some(r) = p.speaker_quotes {
        draw_speaker_quotes(f, r, state);
    }
    if let Some(r) = p.status {
        draw_status(f, r, state);
    }
    if state.help.is_some() {
        super::help::draw_help(f, f.area(), state);
    }
}

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

pub(super) fn pane_block<'a>(state: &State, title: String, focused: bool) -> Block<'a> {
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
pub(super) fn spread<'a>(left: Vec<Span<'a>>, right: Vec<Span<'a>>, width: usize) -> Line<'a> {
    let lw: usize = left.iter().map(|s| s.content.width()).sum();
    let rw: usize = right.iter().map(|s| s.content.width()).sum();
    let mut spans = left;
    if lw + rw <= width {
        spans.push(Span::raw(" ".repeat(width - lw - rw)));
        spans.extend(right);
    }
    Line::from(spans)
}

/// Columns of a date in lists: `20 Nov 2019`.
const DATE_W: usize = 11;

/// The article list.
pub fn draw_list(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let l = &state.list;
    let focused = state.screen == super::state::Screen::Reader && state.focus == Focus::List;
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
                Some(super::snippet::from_match(&h.snippet, q))
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
        super::layout::body_text_rect(&state.layout_input(), ir),
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

/// The status bar (or the prompt while typing).
pub fn draw_status(f: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let w = usize::from(area.width);
    if let Some(p) = &state.prompt {
        f.render_widget(Paragraph::new(prompt_line(p, w)).style(t.status()), area);
        return;
    }
    let km = &state.keymap;
    let k = |a: Command| km.hint(&a);
    // Hints in the order shown; `? help` and `q quit` are kept whatever else is cut.
    let (left, hints): (String, Vec<(String, &str)>) = match state.screen {
        super::state::Screen::Speakers => {
            let sv = &state.speakers;
            let left = match (&sv.focus, &sv.quotes) {
                (SpeakersFocus::Quotes, Some(q)) => format!(
                    "{} · quote {}/{}",
                    one_line(&q.speaker, 60),
                    (sv.quote_selected + 1).min(q.hits.len()),
                    q.total
                ),
                _ => count(sv.rows.len(), "speaker"),
            };
            (
                left,
                vec![
                    (k(Command::Enter), "open"),
                    (k(Command::Filter), "filter"),
                    (k(Command::Back), "back"),
                    (k(Command::ToggleHelp), "help"),
                    (k(Command::Quit), "quit"),
                ],
            )
        }
        super::state::Screen::Reader => match (&state.reader, state.focus) {
            (Some(r), Focus::Body | Focus::Sidebar) => (
                reader_status(state, r),
                vec![
                    (
                        format!("{}/{}", k(Command::NextQuote), k(Command::PrevQuote)),
                        "quote",
                    ),
                    (
                        format!("{}/{}", k(Command::NextSpeaker), k(Command::PrevSpeaker)),
                        "speaker",
                    ),
                    (k(Command::ToggleHelp), "help"),
                    (k(Command::Quit), "quit"),
                ],
            ),
            _ => {
                let l = &state.list;
                let mut left = format!(
                    "{} · by {}",
                    count(l.rows.len(), "article"),
                    super::order::order_name(l.sort, l.reverse)
                );
                if !l.filter.is_empty() {
                    left.push_str(&format!(" · filter “{}”", one_line(&l.filter, 30)));
                }
                (
                    left,
                    vec![
                        (k(Command::Enter), "open"),
                        (k(Command::Search), "search"),
                        (k(Command::Filter), "filter"),
                        (k(Command::CycleSort), "sort"),
                        (k(Command::SpeakersView), "speakers"),
                        (k(Command::ToggleHelp), "help"),
                        (k(Command::Quit), "quit"),
                    ],
                )
            }
        },
    };
    let left = match (&state.message, &state.loading) {
        (Some(m), _) => one_line(m, 300),
        (None, Some(_)) => "loading…".to_string(),
        (None, None) => left,
    };
    let mut right: Vec<Span> = Vec::new();
    let gauge_text = state.index_progress.map(|(done, total)| gauge(done, total));
    let parts: Vec<(String, bool)> = hints
        .into_iter()
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, what)| (format!(" {key} {what} "), matches!(what, "help" | "quit")))
        .collect();
    // The essential hints first, then the others in order while the text on the left
    // still fits; the left is cut to what is left.
    let mut rw = gauge_text.as_ref().map_or(0, |g| g.width());
    rw += parts
        .iter()
        .filter(|p| p.1)
        .map(|p| p.0.width())
        .sum::<usize>();
    let natural = left.width() + 1;
    let mut shown: Vec<bool> = parts.iter().map(|p| p.1).collect();
    if rw + MIN_STATUS_TEXT > w {
        // Too narrow for the essentials and some text: the text on the left comes first.
        rw = gauge_text.as_ref().map_or(0, |g| g.width());
        shown.iter_mut().for_each(|s| *s = false);
    }
    for (i, (part, essential)) in parts.iter().enumerate() {
        if !essential && natural + rw + part.width() + 2 <= w {
            rw += part.width();
            shown[i] = true;
        } else if !essential {
            break;
        }
    }
    let left = format!(" {}", fit(&left, w.saturating_sub(1 + rw + 1)));
    if let Some(g) = gauge_text {
        right.push(Span::styled(g, t.status().add_modifier(Modifier::BOLD)));
    }
    for ((part, _), on) in parts.into_iter().zip(shown) {
        if on {
            right.push(Span::styled(part, t.status()));
        }
    }
    let line = spread(vec![Span::raw(left)], right, w);
    f.render_widget(Paragraph::new(line).style(t.status()), area);
}

/// The prompt with its cursor: the character under it reversed (`█` at the end), the
/// cursor kept in view on a narrow line.
fn prompt_line(p: &super::prompt::Prompt, w: usize) -> Line<'static> {
    let at = p.cursor.min(p.text.len());
    let mut before = format!(
        "{}: {}",
        p.label(),
        crate::safe_text::visible(&p.text[..at])
    );
    let rest = crate::safe_text::visible(&p.text[at..]);
    let mut chars = rest.chars();
    let under = chars.next();
    let after: String = chars.collect();
    // Keep the cursor in view: cut the start when the text before it is too wide.
    if before.width() + 1 > w {
        let mut kept: Vec<char> = Vec::new();
        let mut used = 0;
        for c in before.chars().rev() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw + 2 > w {
                break;
            }
            used += cw;
            kept.push(c);
        }
        before = std::iter::once('…').chain(kept.into_iter().rev()).collect();
    }
    let cursor = match under {
        Some(c) => Span::styled(c.to_string(), Style::new().add_modifier(Modifier::REVERSED)),
        None => Span::raw("█"),
    };
    let room = w.saturating_sub(before.width() + cursor.content.width());
    Line::from(vec![
        Span::raw(before),
        cursor,
        Span::raw(fit(&after, room)),
    ])
}

/// How far down the article the view is: 0% at the top, 100% at the end (or when it all
/// fits), as the body's border and the status bar show it.
pub fn percent(r: &Reader) -> usize {
    match r.max_scroll() {
        0 => 100,
        max => r.scroll.min(max) * 100 / max,
    }
}

/// Columns the status text keeps before `? help  q quit` are given up.
const MIN_STATUS_TEXT: usize = 24;

/// `1 quote`, `2 quotes`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The indexing gauge of the status bar: ` indexing ▰▰▰▱▱▱ 120/400 `.
pub fn gauge(done: usize, total: usize) -> String {
    const CELLS: usize = 8;
    let filled = (done.min(total) * CELLS).checked_div(total).unwrap_or(0);
    format!(
        " indexing {}{} {done}/{total} ",
        "▰".repeat(filled),
        "▱".repeat(CELLS - filled)
    )
}

fn reader_status(state: &State, r: &Reader) -> String {
    let (pos, n) = r.quote_position();
    let mut parts = Vec::new();
    match (pos, r.current) {
        (Some(i), Some(q)) => {
            let quote = &r.analysis.quotes[q];
            parts.push(format!("quote {i}/{n}"));
            let mut who = one_line(quote.speaker.as_deref().unwrap_or("unattributed"), 60);
            if let Some(c) = &quote.cue {
                who.push_str(&format!(" ({})", one_line(c, 30)));
            }
            parts.push(who);
            parts.push(quote.kind.as_str().to_string());
        }
        (None, Some(q)) => {
            // The current quote is indirect and indirect quotes are skipped.
            let quote = &r.analysis.quotes[q];
            parts.push(format!("quote –/{n}"));
            parts.push(one_line(
                quote.speaker.as_deref().unwrap_or("unattributed"),
                60,
            ));
        }
        _ => parts.push(count(n, "quote")),
    }
    if let Some(m) = entity_mention(r) {
        parts.push(m);
    }
    if let Some(s) = &r.search {
        parts.push(format!(
            "match {}/{} “{}”",
            s.current.map_or(0, |c| c + 1),
            s.matches.len(),
            one_line(&s.query, 20)
        ));
    }
    if let Some((w, q, hit)) = state.walk_hit()
        && hit.article == r.id
    {
        parts.push(format!("library {}/{}", w.index + 1, q.total));
    }
    if !state.include_indirect {
        parts.push("indirect skipped".into());
    }
    parts.push(format!("{}%", percent(r)));
    parts.join(" · ")
}

/// Where Enter on a sidebar entity got to: `Victor Hale mention 2/5`, while its mention is
/// the one shown.
fn entity_mention(r: &Reader) -> Option<String> {
    let (item, k) = r.side_cycle?;
    let SideItem::Entity { index } = r.side.get(item)? else {
        return None;
    };
    let e = &r.analysis.entities[*index];
    let n = e.mentions.len();
    let shown = e.mentions.get(k % n.max(1))?;
    (r.mark.as_ref() == Some(shown))
        .then(|| format!("{} mention {}/{n}", one_line(&e.name, 40), k % n + 1))
}

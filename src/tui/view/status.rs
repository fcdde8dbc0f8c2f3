//! The status bar: the prompt line when one is open, else a message or the hints for
//! the focused pane, where the reader is in the article, and indexing progress.

use crate::safe_text::one_line;
use crate::tui::command::Command;
use crate::tui::state::{Focus, Reader, SideItem, SpeakersFocus, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::{count, fit, spread};

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
        crate::tui::state::Screen::Speakers => {
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
        crate::tui::state::Screen::Reader => match (&state.reader, state.focus) {
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
                    crate::tui::order::order_name(l.sort, l.reverse)
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
fn prompt_line(p: &crate::tui::prompt::Prompt, w: usize) -> Line<'static> {
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
pub(super) const MIN_STATUS_TEXT: usize = 24;

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

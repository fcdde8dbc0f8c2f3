//! Commands on the reader screen: the article list, the open article and its sidebar.

use super::move_list;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::Panes;
use crate::tui::state::{Focus, Prompt, PromptKind, SortKey, State};

/// A command on the reader screen: moving in the focused pane, focus, quotes and speakers,
/// finding, sorting, the source URL and the quote's citation.
pub(super) fn command(state: &mut State, panes: &Panes, command: Command) -> Vec<Effect> {
    use Command::*;
    let list_h = state.pane_height(panes.list);
    let side_h = state.pane_height(panes.sidebar);
    let focus = state.focus;
    let list_len = state.list.rows.len();
    match command {
        Down | Up | PageDown | PageUp | Top | Bottom => {
            let (page_list, page_side) = (
                list_h.saturating_sub(1).max(1),
                side_h.saturating_sub(1).max(1),
            );
            match focus {
                Focus::List => {
                    let sel = &mut state.list.selected;
                    match command {
                        Down => move_list(sel, list_len, 1),
                        Up => move_list(sel, list_len, -1),
                        PageDown => move_list(sel, list_len, page_list as isize),
                        PageUp => move_list(sel, list_len, -(page_list as isize)),
                        Top => *sel = 0,
                        _ => *sel = list_len.saturating_sub(1),
                    }
                }
                Focus::Body => {
                    if let Some(r) = &mut state.reader {
                        let page = r.height.saturating_sub(1).max(1) as isize;
                        match command {
                            Down => r.scroll_by(1),
                            Up => r.scroll_by(-1),
                            PageDown => r.scroll_by(page),
                            PageUp => r.scroll_by(-page),
                            Top => r.scroll = 0,
                            _ => r.scroll = r.max_scroll(),
                        }
                    }
                }
                Focus::Sidebar => {
                    if let Some(r) = &mut state.reader {
                        let len = r.side.len();
                        let sel = &mut r.side_selected;
                        match command {
                            Down => move_list(sel, len, 1),
                            Up => move_list(sel, len, -1),
                            PageDown => move_list(sel, len, page_side as isize),
                            PageUp => move_list(sel, len, -(page_side as isize)),
                            Top => *sel = 0,
                            _ => *sel = len.saturating_sub(1),
                        }
                        r.on_side_move();
                    }
                }
            }
        }
        FocusNext | FocusPrev | FocusLeft | FocusRight => {
            let order = state.focus_order();
            let i = order.iter().position(|f| *f == focus).unwrap_or(0);
            let n = order.len();
            let j = match command {
                FocusNext => (i + 1) % n,
                FocusPrev => (i + n - 1) % n,
                FocusLeft => i.saturating_sub(1),
                _ => (i + 1).min(n - 1),
            };
            state.focus = order[j];
            if state.focus == Focus::Sidebar
                && focus != Focus::Sidebar
                && let Some(r) = &mut state.reader
            {
                r.on_side_move();
            }
        }
        Enter => match focus {
            Focus::List => return super::list::open_selected(state),
            Focus::Sidebar => {
                if let Some(r) = &mut state.reader {
                    let res = r.cycle_side();
                    state.notify(res);
                }
            }
            Focus::Body => {}
        },
        Back => {
            if state.prompt.take().is_some() {
                return Vec::new();
            }
            if let Some(r) = &mut state.reader
                && focus != Focus::List
            {
                if r.search.is_some() || r.mark.is_some() {
                    r.search = None;
                    r.mark = None;
                } else if focus == Focus::Sidebar {
                    state.focus = Focus::Body;
                } else {
                    state.focus = Focus::List;
                }
                return Vec::new();
            }
            if state.reading_mode {
                state.reading_mode = false;
            } else if !state.list.filter.is_empty() || state.list.search.is_some() {
                state.list.filter.clear();
                state.list.search = None;
                state.list.refresh();
            } else {
                // Back never quits: a stray Esc (a prompt left without noticing) must not
                // end the session.
                let quit = state.keymap.hint(&Quit);
                if !quit.is_empty() {
                    state.message = Some(format!("nothing to go back to ({quit} quits)"));
                }
            }
        }
        ToggleSidebar => state.show_sidebar = !state.show_sidebar,
        ReadingMode => {
            state.reading_mode = !state.reading_mode;
            if state.reading_mode && state.reader.is_some() {
                state.focus = Focus::Body;
            }
        }
        NextQuote | PrevQuote => {
            let fwd = command == NextQuote;
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = if r.search.is_some() {
                r.next_match(fwd)
            } else {
                r.next_quote(fwd)
            };
            if focus == Focus::List {
                state.focus = Focus::Body;
            }
            state.notify(res);
        }
        NextSpeaker | PrevSpeaker => {
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = r.next_speaker(command == NextSpeaker);
            if focus == Focus::List {
                state.focus = Focus::Body;
            }
            state.notify(res);
        }
        NextSameSpeaker | PrevSameSpeaker => {
            let fwd = command == NextSameSpeaker;
            if let Some(effects) = super::walk::step(state, fwd) {
                return effects;
            }
            let Some(r) = &mut state.reader else {
                state.message = Some(no_article(state));
                return Vec::new();
            };
            let res = r.next_same_speaker(fwd);
            state.notify(res);
        }
        ToggleIndirect => {
            state.include_indirect = !state.include_indirect;
            if let Some(r) = &mut state.reader {
                let inc = state.include_indirect;
                r.nav.set_walk(&r.analysis, inc);
            }
            state.message = Some(if state.include_indirect {
                "indirect quotes included in n/N".into()
            } else {
                "indirect quotes skipped by n/N".into()
            });
        }
        Search => {
            let kind = if focus == Focus::List || state.reader.is_none() {
                PromptKind::LibrarySearch
            } else {
                PromptKind::ArticleSearch
            };
            state.prompt = Some(Prompt::new(kind, String::new()));
        }
        Filter => {
            state.focus = Focus::List;
            state.prompt = Some(Prompt::new(PromptKind::Filter, state.list.filter.clone()));
        }
        CycleSort => {
            state.list.sort = match state.list.sort {
                SortKey::Date => SortKey::Title,
                SortKey::Title => SortKey::Quotes,
                SortKey::Quotes => SortKey::Date,
            };
            state.list.refresh();
            state.message = Some(format!(
                "sorted by {}",
                crate::tui::order::order_name(state.list.sort, state.list.reverse)
            ));
        }
        OpenUrl => {
            let url = state.reader.as_ref().and_then(|r| r.article.url.clone());
            match url {
                Some(u) if crate::tui::outside::is_web_url(&u) => return vec![Effect::OpenUrl(u)],
                Some(_) => state.message = Some("the source URL is not a web address".into()),
                None => state.message = Some("this article has no source URL".into()),
            }
        }
        CopyQuote => match copy_text(state) {
            Some(t) => return vec![Effect::Copy(t)],
            None => state.message = Some("no current quote to copy (press n)".into()),
        },
        _ => {}
    }
    Vec::new()
}

/// Why a quote key does nothing without an open article.
fn no_article(state: &State) -> String {
    if state.loading.is_some() {
        "the article is still loading…".into()
    } else {
        "open an article first (Enter)".into()
    }
}

/// The current quote with its citation (`y`): see [`crate::citation`].
fn copy_text(state: &State) -> Option<String> {
    let r = state.reader.as_ref()?;
    let q = &r.analysis.quotes[r.current?];
    let path = state
        .list
        .all
        .iter()
        .find(|a| a.id == r.id)
        .map(|a| a.path.as_path());
    let cited = crate::citation::Cited::from_quote(&r.article.body, q);
    // One line under the output policy: pasted into a shell, a line feed would run a
    // line and an escape could end a bracketed paste.
    Some(crate::citation::cite(
        &cited,
        &crate::citation::Source::of_article(&r.article, path),
    ))
}

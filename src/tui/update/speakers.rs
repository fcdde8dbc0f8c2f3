//! The Speakers screen: opening and leaving it, moving in its two panes, choosing a
//! speaker and a quote, and fetching the chosen speaker's quotes a page at a time.
//!
//! The view follows its selection: moving in the list of speakers (keys, wheel, click,
//! filter) shows the selected speaker's quotes in the quotes pane at once, as lazygit's
//! panes do, without moving the focus; `Enter` then goes into their quotes.

use super::move_list;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::{self, Panes};
use crate::tui::state::{
    Focus, Prompt, PromptKind, QUOTE_PAGE, QUOTE_PAGE_MARGIN, Screen, SpeakersFocus, SpeakersView,
    State, Walk,
};

/// Opens the Speakers screen (on the speaker in hand, from an article), or leaves it.
pub(super) fn toggle_view(state: &mut State) -> Vec<Effect> {
    if state.screen == Screen::Speakers {
        state.screen = Screen::Reader;
        Vec::new()
    } else {
        state.screen = Screen::Speakers;
        let mut effects = vec![Effect::LoadSpeakers];
        // From an article: the speaker in hand (selected in the sidebar, else the
        // current quote's) with all their quotes across the library.
        if let Some((name, quote)) = state.speaker_in_hand() {
            let sv = &mut state.speakers;
            sv.pending_speaker = Some(name.clone());
            sv.pending_quote = quote.map(|(a, q)| (name.clone(), a, q));
            sv.focus = SpeakersFocus::Quotes;
            // As many as are listed already when it is the same speaker (a walk
            // may be far down a big speaker's list).
            let listed = sv
                .quotes
                .as_ref()
                .filter(|q| q.speaker == name)
                .map_or(0, |q| q.hits.len());
            effects.push(ask_quotes(sv, name, listed.max(QUOTE_PAGE)));
        }
        effects
    }
}

/// A command on the Speakers screen (what it does not handle goes to the reader).
pub(super) fn command(state: &mut State, panes: &Panes, command: Command) -> Vec<Effect> {
    use Command::*;
    let sv = &mut state.speakers;
    let names_h = state_pane_height(panes.speakers.or(panes.speaker_quotes));
    let quotes_h = state_pane_height(panes.speaker_quotes.or(panes.speakers));
    let nq = sv.quotes.as_ref().map_or(0, |q| q.hits.len());
    let (sel, len, h) = match sv.focus {
        SpeakersFocus::Names => (&mut sv.selected, sv.rows.len(), names_h),
        SpeakersFocus::Quotes => (&mut sv.quote_selected, nq, quotes_h),
    };
    let page = h.saturating_sub(1).max(1) as isize;
    match command {
        Down => move_list(sel, len, 1),
        Up => move_list(sel, len, -1),
        PageDown => move_list(sel, len, page),
        PageUp => move_list(sel, len, -page),
        Top => *sel = 0,
        Bottom => *sel = len.saturating_sub(1),
        FocusNext | FocusPrev => {
            sv.focus = match sv.focus {
                SpeakersFocus::Names if sv.quotes.is_some() => SpeakersFocus::Quotes,
                _ => SpeakersFocus::Names,
            }
        }
        FocusLeft => sv.focus = SpeakersFocus::Names,
        FocusRight => {
            if sv.quotes.is_some() {
                sv.focus = SpeakersFocus::Quotes
            }
        }
        Filter | Search => {
            state.prompt = Some(Prompt::new(PromptKind::SpeakerFilter, sv.filter.clone()));
        }
        Back => match sv.focus {
            SpeakersFocus::Quotes => sv.focus = SpeakersFocus::Names,
            SpeakersFocus::Names if !sv.filter.is_empty() => {
                sv.filter.clear();
                sv.refresh();
            }
            SpeakersFocus::Names => state.screen = Screen::Reader,
        },
        Enter => match sv.focus {
            SpeakersFocus::Names => {
                if let Some(s) = sv.current() {
                    let name = s.name.clone();
                    if let Some(q) = sv.quotes.as_ref().filter(|q| q.speaker == name) {
                        // Already shown (the pane follows the selection): go into them,
                        // fetching them again when a page could not be.
                        let stalled = q.stalled;
                        sv.follow = None;
                        sv.focus = SpeakersFocus::Quotes;
                        if stalled {
                            let limit = q.hits.len().max(QUOTE_PAGE);
                            return vec![ask_quotes(sv, name, limit)];
                        }
                        return Vec::new();
                    }
                    // Asked for with Enter: they take the focus when they arrive.
                    sv.follow = None;
                    return vec![ask_quotes(sv, name, QUOTE_PAGE)];
                }
            }
            SpeakersFocus::Quotes => {
                if let Some(q) = &sv.quotes
                    && let Some(hit) = q.hits.get(sv.quote_selected)
                {
                    state.walk = Some(Walk {
                        speaker: q.speaker.clone(),
                        index: sv.quote_selected,
                    });
                    state.screen = Screen::Reader;
                    state.focus = Focus::Body;
                    if let Some(r) = &mut state.reader
                        && r.id == hit.article
                        && hit.quote_index < r.analysis.quotes.len()
                    {
                        r.go_to_quote(hit.quote_index);
                        r.selected_speaker = r.nav.speaker_of[hit.quote_index];
                        return Vec::new();
                    }
                    state.loading = Some((hit.article, Some(hit.quote_index)));
                    return vec![Effect::LoadArticle(hit.article)];
                }
            }
        },
        other => return super::reader::command(state, panes, other),
    }
    Vec::new()
}

/// The text rows of a pane (at least one).
fn state_pane_height(r: Option<ratatui::layout::Rect>) -> usize {
    r.map_or(1, |r| usize::from(layout::inner(r).height).max(1))
}

/// Asks for the next page of the Speakers view's quotes when the selection or the walk
/// comes near the end of what is fetched.
pub(super) fn fetch_more_quotes(state: &mut State) -> Option<Effect> {
    let walk_at = state
        .walk
        .as_ref()
        .filter(|w| {
            state
                .speakers
                .quotes
                .as_ref()
                .is_some_and(|q| q.speaker == w.speaker)
        })
        .map_or(0, |w| w.index);
    let at = state.speakers.quote_selected.max(walk_at);
    let q = state.speakers.quotes.as_mut()?;
    if q.fetching || q.stalled || q.complete() || at + QUOTE_PAGE_MARGIN < q.hits.len() {
        return None;
    }
    let after = Box::new(q.hits.last()?.clone());
    q.fetching = true;
    Some(Effect::LoadMoreSpeakerQuotes {
        speaker: q.speaker.clone(),
        after,
    })
}

/// Asks for the first `limit` quotes of `speaker`, remembering that they were asked for.
fn ask_quotes(sv: &mut SpeakersView, speaker: String, limit: usize) -> Effect {
    sv.asked = Some(speaker.clone());
    Effect::LoadSpeakerQuotes { speaker, limit }
}

/// The quotes of the speaker selected in the list, when the quotes pane shows another's
/// and they have not been asked for yet. They arrive without taking the focus.
pub(super) fn follow_selection(state: &mut State) -> Option<Effect> {
    if state.screen != Screen::Speakers || state.speakers.focus != SpeakersFocus::Names {
        return None;
    }
    let sv = &mut state.speakers;
    let name = sv.current()?.name.clone();
    let shown = sv.quotes.as_ref().is_some_and(|q| q.speaker == name);
    if shown || sv.asked.as_deref() == Some(name.as_str()) {
        return None;
    }
    sv.follow = Some(name.clone());
    Some(ask_quotes(sv, name, QUOTE_PAGE))
}

//! What the worker sends back: loaded lists and articles, search results, indexing
//! progress, notices.

use crate::tui::effect::Effect;
use crate::tui::msg::Msg;
use crate::tui::state::{Focus, QUOTE_PAGE, Reader, Screen, SpeakerQuotes, SpeakersFocus, State};

/// Applies a message from the worker.
pub(super) fn apply(state: &mut State, msg: Msg) -> Vec<Effect> {
    use Msg::*;
    match msg {
        Notify(m) => {
            state.message = Some(m);
            Vec::new()
        }
        IndexProgress { done, total } => {
            state.index_progress = Some((done, total));
            Vec::new()
        }
        LibraryChanged => reload_lists(state),
        ArticlesCommitted => added_lists(state),
        ArticlesAdded(v) => {
            state.list.add_articles(v);
            Vec::new()
        }
        IndexFinished {
            message,
            only_added,
        } => {
            state.index_progress = None;
            if message.is_some() {
                state.message = message;
            }
            if only_added {
                added_lists(state)
            } else {
                reload_lists(state)
            }
        }
        ArticlesLoaded(v) => {
            state.list.set_articles(v);
            Vec::new()
        }
        ArticleLoaded {
            id,
            article,
            analysis,
        } => {
            let pending = match state.loading {
                Some((lid, q)) if lid == id => q,
                _ => None,
            };
            state.loading = None;
            // Wrapped to the pane by `sync` at the end of `update`.
            let mut r = Reader::new(id, *article, *analysis, state.include_indirect);
            if let Some(q) = pending.filter(|&q| q < r.analysis.quotes.len()) {
                r.selected_speaker = r.nav.speaker_of[q];
                if let Some(s) = r.selected_speaker {
                    r.select_side_speaker(s);
                }
                r.go_to_quote(q);
            } else if let Some((query, _)) = &state.list.search {
                // Opened from a library search: show where the words are (n/N walk them;
                // Esc goes back to quotes).
                let _ = r.run_search(query.trim());
            }
            state.reader = Some(r);
            super::side_filter::apply(state);
            if state.screen == Screen::Reader {
                state.focus = Focus::Body;
            }
            if state.list.select_article(id) {
                state.message = Some("filter cleared to list the article shown".into());
            }
            for a in &mut state.list.all {
                if a.id == id {
                    a.read = true;
                }
            }
            vec![Effect::SetRead(id)]
        }
        ArticleReloaded {
            id,
            article,
            analysis,
        } => {
            if let Some(old) = state.reader.take_if(|r| r.id == id) {
                let changed = old.article != *article || old.analysis != *analysis;
                state.reader = Some(if changed {
                    // (Only the speakers' names change after a rename or merge.)
                    if old.article != *article {
                        state.message = Some("the article's file changed: reloaded".into());
                    }
                    old.reloaded(*article, *analysis, state.include_indirect)
                } else {
                    old
                });
                super::side_filter::apply(state);
            }
            Vec::new()
        }
        SpeakersLoaded(v) => {
            let sv = &mut state.speakers;
            sv.all = v;
            sv.loaded = true;
            if let Some(name) = sv.pending_speaker.take()
                && let Some(i) = sv.all.iter().position(|s| s.name == name)
            {
                // Opened on a speaker: show them, even if a filter would hide them.
                if !sv.rows.contains(&i) {
                    sv.filter.clear();
                }
                sv.refresh();
                sv.selected = sv.rows.iter().position(|&r| r == i).unwrap_or(0);
            } else {
                sv.refresh();
            }
            Vec::new()
        }
        SpeakerQuotesLoaded { speaker, page } => {
            let sv = &mut state.speakers;
            let same = sv.quotes.as_ref().is_some_and(|q| q.speaker == speaker);
            let followed = sv.follow.take_if(|f| *f == speaker).is_some();
            if same {
                // A reload (the library changed): stay where the user was.
                sv.quote_selected = sv.quote_selected.min(page.hits.len().saturating_sub(1));
            } else {
                sv.quote_selected = 0;
                if !followed {
                    sv.focus = SpeakersFocus::Quotes;
                }
                // A walk follows the list it started from.
                state.walk = None;
            }
            if let Some(w) = &mut state.walk {
                w.index = w.index.min(page.hits.len().saturating_sub(1));
            }
            if let Some((_, article, quote)) = sv.pending_quote.take_if(|p| p.0 == speaker) {
                // Opened from an article: on the quote the reader was at.
                if let Some(i) = page
                    .hits
                    .iter()
                    .position(|h| h.article == article && h.quote_index == quote)
                {
                    sv.quote_selected = i;
                    sv.focus = SpeakersFocus::Quotes;
                }
            }
            sv.quotes = Some(SpeakerQuotes {
                speaker,
                total: page.total.max(page.hits.len()),
                hits: page.hits,
                fetching: false,
                stalled: false,
            });
            Vec::new()
        }
        SpeakerQuotesFailed { speaker, message } => {
            if let Some(q) = &mut state.speakers.quotes
                && q.speaker == speaker
            {
                q.fetching = false;
                q.stalled = true;
            }
            state.message = Some(crate::safe_text::one_line(&message, 300));
            Vec::new()
        }
        SpeakerQuotesMore {
            speaker,
            after,
            page,
        } => {
            if let Some(q) = &mut state.speakers.quotes
                && q.speaker == speaker
                && q.hits.last() == Some(&*after)
            {
                q.fetching = false;
                if page.hits.is_empty() {
                    // Fewer than counted (the library changed): what is here is all.
                    q.total = q.hits.len();
                } else {
                    q.hits.extend(page.hits);
                    q.total = page.total.max(q.hits.len());
                }
            }
            Vec::new()
        }
        SearchResults { query, hits } => {
            state.message = Some(format!(
                "{} article{} match “{}”",
                hits.len(),
                if hits.len() == 1 { "" } else { "s" },
                crate::safe_text::one_line(&query, 40)
            ));
            state.list.search = Some((query, hits));
            state.list.selected = 0;
            state.list.refresh();
            state.list.selected = 0;
            state.focus = Focus::List;
            Vec::new()
        }
        SpeakersEdited { message, show } => crate::tui::speaker_edit::edited(state, message, show),
    }
}

/// Articles were added: the new ones are fetched and appended, not the whole list again (at
/// 100k articles a full reload each second would hold the list twice); the Speakers view,
/// when shown, is fetched again.
fn added_lists(state: &State) -> Vec<Effect> {
    let mut v = match state.list.all.iter().map(|a| a.id).max() {
        Some(max) if state.list.loaded => vec![Effect::LoadArticlesAfter(max)],
        _ => vec![Effect::LoadArticles],
    };
    v.extend(speakers_reload(state));
    v
}

/// The library changed: the list (and the Speakers view when shown) are fetched again, and
/// the open article, whose file may be one that changed.
fn reload_lists(state: &State) -> Vec<Effect> {
    let mut v = vec![Effect::LoadArticles];
    if let Some(r) = &state.reader {
        v.push(Effect::ReloadArticle(r.id));
    }
    v.extend(speakers_reload(state));
    v
}

/// The Speakers view, when shown, fetched again: the speakers and as many of the chosen
/// speaker's quotes as were listed.
fn speakers_reload(state: &State) -> Vec<Effect> {
    let mut v = Vec::new();
    if state.screen == Screen::Speakers {
        v.push(Effect::LoadSpeakers);
        if let Some(q) = &state.speakers.quotes {
            v.push(Effect::LoadSpeakerQuotes {
                speaker: q.speaker.clone(),
                limit: q.hits.len().max(QUOTE_PAGE),
            });
        }
    }
    v
}

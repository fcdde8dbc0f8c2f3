//! Walking a speaker's quotes across articles (started from the Speakers view).

use crate::tui::effect::Effect;
use crate::tui::state::State;

/// `]`/`[` during a walk from the Speakers view: the walked speaker's next or previous
/// quote, across articles; `None` when the walk does not apply (its quote is not shown).
pub(super) fn step(state: &mut State, forward: bool) -> Option<Vec<Effect>> {
    let reader_id = state.reader.as_ref().map(|r| r.id);
    let (w, q, hit) = state.walk_hit()?;
    let (w, more) = (w.clone(), !q.complete());
    let hits = &q.hits;
    // The walk only applies while its current quote is the one shown.
    let shown = reader_id == Some(hit.article)
        && state.reader.as_ref().and_then(|r| r.current) == Some(hit.quote_index);
    if !shown {
        return None;
    }
    let next = if forward {
        w.index + 1
    } else {
        match w.index.checked_sub(1) {
            Some(i) => i,
            None => {
                state.message = Some(format!(
                    "first quote by {}",
                    crate::safe_text::one_line(&w.speaker, 60)
                ));
                return Some(Vec::new());
            }
        }
    };
    let Some(hit) = hits.get(next).cloned() else {
        state.message = Some(if more {
            format!(
                "fetching more quotes by {}…",
                crate::safe_text::one_line(&w.speaker, 60)
            )
        } else {
            format!(
                "last quote by {}",
                crate::safe_text::one_line(&w.speaker, 60)
            )
        });
        return Some(Vec::new());
    };
    if let Some(w) = &mut state.walk {
        w.index = next;
    }
    if reader_id == Some(hit.article) {
        if let Some(r) = &mut state.reader
            && hit.quote_index < r.analysis.quotes.len()
        {
            r.go_to_quote(hit.quote_index);
            r.selected_speaker = r.nav.speaker_of[hit.quote_index];
        }
        Some(Vec::new())
    } else {
        state.loading = Some((hit.article, Some(hit.quote_index)));
        Some(vec![Effect::LoadArticle(hit.article)])
    }
}

//! The article list: opening the selected article.

use crate::tui::effect::Effect;
use crate::tui::state::State;

/// Opens the article on the selected row.
pub(super) fn open_selected(state: &mut State) -> Vec<Effect> {
    match state.list.current() {
        Some(a) => {
            let id = a.id;
            state.walk = None;
            state.loading = Some((id, None));
            vec![Effect::LoadArticle(id)]
        }
        None => Vec::new(),
    }
}

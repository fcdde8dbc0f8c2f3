//! The article list's order as words (`by date, oldest first`), and `T`, which reverses it.

use super::state::{SortKey, State};

/// What the order of the list is, for the status bar and messages: the sort key, and
/// which way when reversed (the default ways need no words: newest, A to Z, most quotes).
pub fn order_name(sort: SortKey, reverse: bool) -> String {
    match (sort, reverse) {
        (s, false) => s.name().to_string(),
        (SortKey::Date, true) => "date, oldest first".into(),
        (SortKey::Title, true) => "title, Z to A".into(),
        (SortKey::Quotes, true) => "quotes, fewest first".into(),
    }
}

/// `T`: the list in the other direction (search results too: least relevant first).
pub fn reverse(state: &mut State) {
    let l = &mut state.list;
    l.reverse = !l.reverse;
    l.refresh();
    state.message = Some(format!("sorted by {}", order_name(l.sort, l.reverse)));
}

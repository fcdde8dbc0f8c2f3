//! The article list: `T` reverses its order; library search hits show, on their rows, the
//! passage where the words are.

use crate::tui_fixtures;

use onrecord::library::SearchHit;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::update::update;
use tui_fixtures::*;

fn titles(s: &State) -> Vec<String> {
    s.list
        .rows
        .iter()
        .map(|&i| s.list.all[i].title.clone())
        .collect()
}

#[test]
fn shift_t_reverses_whatever_the_sort() {
    let mut s = state(120, 40);
    let newest_first = titles(&s);
    press(&mut s, &["T"]);
    let mut oldest_first = newest_first.clone();
    oldest_first.reverse();
    assert_eq!(titles(&s), oldest_first);
    assert_eq!(s.message.as_deref(), Some("sorted by date, oldest first"));
    assert!(
        status(&s).contains("by date, oldest first"),
        "{}",
        status(&s)
    );
    // It stays reversed through the other sorts.
    press(&mut s, &["t"]);
    assert_eq!(
        titles(&s),
        [
            "The long report",
            "New school opens in Eastside",
            "City to rebuild the river bridge"
        ]
    );
    assert_eq!(s.message.as_deref(), Some("sorted by title, Z to A"));
    press(&mut s, &["T"]);
    assert_eq!(titles(&s)[0], "City to rebuild the river bridge");
    assert_eq!(s.message.as_deref(), Some("sorted by title"));
    // The selection stays on its article.
    press(&mut s, &["j"]);
    let selected = s.list.current().unwrap().id;
    press(&mut s, &["T"]);
    assert_eq!(s.list.current().unwrap().id, selected);
}

#[test]
fn search_hits_show_the_passage_that_matched_on_their_rows() {
    let mut s = state(120, 40);
    let hit = |article: i64, title: &str, snippet: &str| SearchHit {
        article,
        path: format!("/library/{article}.txt").into(),
        item: String::new(),
        title: title.into(),
        snippet: snippet.into(),
    };
    update(
        &mut s,
        Msg::SearchResults {
            query: "pupils".into(),
            hits: vec![
                hit(
                    1,
                    "New school opens in Eastside",
                    "…the new building on Harbour Road, which will take 400 Pupils from September…",
                ),
                hit(
                    0,
                    "City to rebuild the river bridge",
                    "…said pupils would walk…",
                ),
            ],
        },
    );
    let text = screen_text(&s);
    let rows: Vec<&str> = text.lines().skip(1).take(2).collect();
    assert!(rows[0].contains("…Pupils from Sept"), "{text}");
    assert!(rows[1].contains("…pupils would"), "{text}");
    // Not on a row: the byline column is back once the search is cleared.
    press(&mut s, &["esc"]);
    assert!(s.list.search.is_none());
    assert!(
        !screen_text(&s).contains("Pupils from"),
        "{}",
        screen_text(&s)
    );
}

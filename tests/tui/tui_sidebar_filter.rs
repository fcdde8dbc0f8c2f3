//! Narrowing the entity sidebar: `c` shows one kind at a time, `f` with the sidebar
//! focused filters it by text; both stay for the next article.

use crate::tui_fixtures;

use onrecord::tui::state::{Focus, PromptKind, SideItem, State};
use tui_fixtures::*;

fn names(s: &State) -> Vec<String> {
    let r = s.reader.as_ref().unwrap();
    r.side
        .iter()
        .map(|i| match i {
            SideItem::Speaker { slot, .. } => format!("speaker {}", r.nav.speakers[*slot]),
            SideItem::Entity { index } => r.analysis.entities[*index].name.clone(),
        })
        .collect()
}

fn open(s: &mut State, id: i64) {
    for _ in 0..3 {
        if s.focus != Focus::List {
            press(s, &["h"]);
        }
    }
    assert_eq!(s.focus, Focus::List);
    press(s, &["g"]);
    for _ in 0..3 {
        if s.list.current().unwrap().id != id {
            press(s, &["j"]);
        }
    }
    assert_eq!(s.list.current().unwrap().id, id);
    press(s, &["enter"]);
}

#[test]
fn c_shows_one_kind_at_a_time_and_keeps_it_for_the_next_article() {
    let mut s = state(120, 40);
    open(&mut s, 0);
    let all = names(&s);
    assert!(all.len() >= 6, "{all:?}");
    press(&mut s, &["c"]);
    assert!(
        names(&s).iter().all(|n| n.starts_with("speaker ")),
        "{:?}",
        names(&s)
    );
    assert!(screen_text(&s).contains("Who & what · speakers"));
    press(&mut s, &["c"]);
    assert_eq!(names(&s), ["Ana Ruiz", "Tom Berg"]);
    press(&mut s, &["c"]);
    assert_eq!(names(&s), ["Riverton City Council"]);
    press(&mut s, &["c"]);
    assert_eq!(names(&s), ["Riverton"]);
    assert_eq!(s.message.as_deref(), Some("sidebar: places"));
    press(&mut s, &["c", "c", "c"]); // all, speakers, people
    open(&mut s, 1);
    assert!(
        names(&s).iter().all(|n| !n.starts_with("speaker ")),
        "people only in the next article too: {:?}",
        names(&s)
    );
    press(&mut s, &["c", "c", "c"]);
    open(&mut s, 0);
    assert_eq!(names(&s), all, "all again");
}

#[test]
fn f_in_the_sidebar_filters_it_as_you_type() {
    let mut s = state(120, 40);
    open(&mut s, 0);
    press(&mut s, &["tab"]);
    assert_eq!(s.focus, Focus::Sidebar);
    press(&mut s, &["f"]);
    assert_eq!(s.prompt.as_ref().unwrap().kind, PromptKind::SidebarFilter);
    type_text(&mut s, "ruiz");
    assert_eq!(names(&s), ["speaker Ana Ruiz", "Ana Ruiz"]);
    assert!(s.list.filter.is_empty(), "the list is not filtered");
    press(&mut s, &["enter"]);
    assert!(screen_text(&s).contains("“ruiz”"), "{}", screen_text(&s));
    // Enter on the filtered speaker goes to their quote as before.
    press(&mut s, &["enter"]);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(
        r.analysis.quotes[r.current.unwrap()].speaker.as_deref(),
        Some("Ana Ruiz")
    );
    // Nothing matches: the sidebar says how to get items back.
    press(&mut s, &["f"]);
    type_text(&mut s, "zzzz");
    assert!(names(&s).is_empty());
    assert!(screen_text(&s).contains("Nothing matches"));
    // Esc in the prompt clears the text.
    press(&mut s, &["esc"]);
    assert!(names(&s).len() >= 6);
    // With the list focused, f filters the list as always.
    press(&mut s, &["h", "h", "f"]);
    assert_eq!(s.prompt.as_ref().unwrap().kind, PromptKind::Filter);
}

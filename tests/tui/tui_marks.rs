//! Read/unread and starred marks in the reader, through the keymap and the update function,
//! and on screen.

use crate::tui_fixtures;

use onrecord::tui::effect::Effect;
use onrecord::tui::state::State;
use tui_fixtures::*;

fn titles(s: &State) -> Vec<String> {
    s.list
        .rows
        .iter()
        .map(|&i| s.list.all[i].title.clone())
        .collect()
}

fn read(s: &State, id: i64) -> bool {
    s.list.all.iter().find(|a| a.id == id).unwrap().read
}

#[test]
fn m_toggles_read_on_the_selected_or_open_article_and_saves_it() {
    let mut s = state(120, 40);
    let id = s.list.current().unwrap().id;
    assert_eq!(
        press(&mut s, &["m"]),
        vec![Effect::MarkRead {
            ids: vec![id],
            read: true
        }]
    );
    assert!(read(&s, id));
    assert_eq!(s.message.as_deref(), Some("marked read"));
    assert_eq!(
        press(&mut s, &["m"]),
        vec![Effect::MarkRead {
            ids: vec![id],
            read: false
        }]
    );
    assert!(!read(&s, id));
    // In the body, `m` marks the open article even when the list selection moved.
    press(&mut s, &["enter"]);
    assert!(read(&s, id), "opening marks read");
    press(&mut s, &["h", "j", "l"]);
    assert_eq!(
        press(&mut s, &["m"]),
        vec![Effect::MarkRead {
            ids: vec![id],
            read: false
        }]
    );
}

#[test]
fn shift_m_marks_every_listed_article_read_in_one_effect() {
    let mut s = state(120, 40);
    press(&mut s, &["m"]); // the first one is read already
    let effects = press(&mut s, &["M"]);
    let [Effect::MarkRead { ids, read: true }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(ids.len(), 2, "only those still unread");
    assert!(s.list.all.iter().all(|a| a.read));
    assert_eq!(s.message.as_deref(), Some("2 articles marked read"));
    assert!(press(&mut s, &["M"]).is_empty());
    // Only what is listed: a filter narrows it.
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "school");
    press(&mut s, &["enter", "M"]);
    assert_eq!(s.list.all.iter().filter(|a| a.read).count(), 1);
}

#[test]
fn u_lists_unread_articles_only_and_keeps_the_one_being_read() {
    let mut s = state(120, 40);
    let all = titles(&s);
    press(&mut s, &["j", "m", "k"]); // the second article read
    press(&mut s, &["u"]);
    assert_eq!(titles(&s).len(), 2);
    assert!(!titles(&s).contains(&all[1]));
    assert!(
        screen_text(&s).contains("Unread (2/3)"),
        "{}",
        screen_text(&s)
    );
    // Opening an article marks it read; it stays listed while it is selected.
    press(&mut s, &["enter"]);
    assert_eq!(titles(&s).len(), 2);
    press(&mut s, &["h", "m", "m"]);
    assert_eq!(titles(&s).len(), 2);
    press(&mut s, &["u"]);
    assert_eq!(titles(&s), all, "u again lists all");
}

#[test]
fn star_toggles_and_shows_in_the_list() {
    let mut s = state(120, 40);
    let id = s.list.current().unwrap().id;
    assert_eq!(
        press(&mut s, &["*"]),
        vec![Effect::Star { id, starred: true }]
    );
    let text = screen_text(&s);
    let row = text.lines().nth(1).unwrap();
    assert!(row.contains("●★"), "{row}");
    press(&mut s, &["m"]);
    let text = screen_text(&s);
    assert!(text.lines().nth(1).unwrap().contains(" ★"), "{text}");
    assert_eq!(
        press(&mut s, &["*"]),
        vec![Effect::Star { id, starred: false }]
    );
    assert!(!screen_text(&s).contains('★'));
}

#[test]
fn marks_are_for_articles_not_the_speakers_view() {
    let mut s = state(120, 40);
    press(&mut s, &["w"]);
    assert!(press(&mut s, &["m"]).is_empty());
    assert!(s.list.all.iter().all(|a| !a.read));
}

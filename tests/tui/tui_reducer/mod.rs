//! Key sequences through the keymap and the update function, checked on the state.

use crate::tui_fixtures;

use onrecord::extract::QuoteKind;
use onrecord::library::QuotePage;
use onrecord::tui::action::Action;
use onrecord::tui::command::Command;
use onrecord::tui::effect::Effect;
use onrecord::tui::keymap::{Keymap, KeysConfig};
use onrecord::tui::msg::Msg;
use onrecord::tui::state::{
    Focus, PromptKind, QUOTE_PAGE, QUOTE_PAGE_MARGIN, Screen, SideItem, SortKey, State,
};
use onrecord::tui::theme::Theme;
use onrecord::tui::update::update;
use tui_fixtures::*;

mod paging;

fn current_text(s: &State) -> String {
    let r = s.reader.as_ref().expect("article open");
    let q = r.current.expect("a current quote");
    r.article.body[r.analysis.quotes[q].span.clone()].to_string()
}

fn current_speaker(s: &State) -> Option<String> {
    let r = s.reader.as_ref()?;
    r.analysis.quotes[r.current?].speaker.clone()
}

fn selected_title(s: &State) -> String {
    s.list
        .current()
        .map(|a| a.title.clone())
        .unwrap_or_default()
}

/// Opens the bridge article (the newest but one: the list is sorted by date).
fn open_bridge(s: &mut State) {
    press(s, &["g"]);
    while selected_title(s) != "City to rebuild the river bridge" {
        let before = s.list.selected;
        press(s, &["j"]);
        assert_ne!(before, s.list.selected, "bridge article not in the list");
    }
    press(s, &["enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
}

#[test]
fn list_moves_with_every_key() {
    let mut s = state(120, 40);
    assert_eq!(s.list.rows.len(), 3);
    // Newest first.
    assert_eq!(selected_title(&s), "New school opens in Eastside");
    press(&mut s, &["j"]);
    assert_eq!(s.list.selected, 1);
    press(&mut s, &["down", "down", "down"]);
    assert_eq!(s.list.selected, 2, "stops at the end");
    press(&mut s, &["k"]);
    assert_eq!(s.list.selected, 1);
    press(&mut s, &["up", "up"]);
    assert_eq!(s.list.selected, 0);
    press(&mut s, &["G"]);
    assert_eq!(s.list.selected, 2);
    press(&mut s, &["g"]);
    assert_eq!(s.list.selected, 0);
    press(&mut s, &["end"]);
    assert_eq!(s.list.selected, 2);
    press(&mut s, &["home"]);
    assert_eq!(s.list.selected, 0);
    press(&mut s, &["pagedown"]);
    assert_eq!(s.list.selected, 2);
    press(&mut s, &["pageup"]);
    assert_eq!(s.list.selected, 0);
}

#[test]
fn enter_opens_and_marks_read() {
    let mut s = state(120, 40);
    let effects = press(&mut s, &["enter"]);
    assert_eq!(effects, vec![Effect::SetRead(1)]);
    assert_eq!(s.focus, Focus::Body);
    assert_eq!(
        s.reader.as_ref().unwrap().article.title,
        "New school opens in Eastside"
    );
    assert!(s.list.all.iter().find(|a| a.id == 1).unwrap().read);
    assert!(!s.list.all.iter().find(|a| a.id == 0).unwrap().read);
}

#[test]
fn body_scrolls_with_every_key() {
    let mut s = state(60, 12);
    press(&mut s, &["G", "enter"]); // the long report (oldest)
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.article.title, "The long report");
    let max = r.max_scroll();
    assert!(max > 20);
    press(&mut s, &["j", "j", "down"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 3);
    press(&mut s, &["k", "up"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 1);
    let h = s.reader.as_ref().unwrap().height;
    press(&mut s, &["pagedown"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 1 + h - 1);
    press(&mut s, &["space"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 1 + 2 * (h - 1));
    press(&mut s, &["pageup"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 1 + h - 1);
    press(&mut s, &["G"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, max);
    press(&mut s, &["j"]);
    assert_eq!(
        s.reader.as_ref().unwrap().scroll,
        max,
        "no scrolling past the end"
    );
    press(&mut s, &["g"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 0);
    press(&mut s, &["k"]);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 0);
}

#[test]
fn focus_cycles_with_tab_and_moves_with_h_l() {
    let mut s = state(120, 40);
    press(&mut s, &["tab"]);
    assert_eq!(
        s.focus,
        Focus::List,
        "only the list before an article is open"
    );
    open_bridge(&mut s);
    assert_eq!(s.focus, Focus::Body);
    press(&mut s, &["tab"]);
    assert_eq!(s.focus, Focus::Sidebar);
    press(&mut s, &["tab"]);
    assert_eq!(s.focus, Focus::List);
    press(&mut s, &["shift-tab"]);
    assert_eq!(s.focus, Focus::Sidebar);
    press(&mut s, &["h"]);
    assert_eq!(s.focus, Focus::Body);
    press(&mut s, &["left", "h"]);
    assert_eq!(s.focus, Focus::List);
    press(&mut s, &["l"]);
    assert_eq!(s.focus, Focus::Body);
    press(&mut s, &["right", "l"]);
    assert_eq!(s.focus, Focus::Sidebar);
    // Hiding the sidebar takes it out of the cycle.
    press(&mut s, &["e"]);
    assert!(!s.show_sidebar);
    assert_eq!(s.focus, Focus::Body);
    press(&mut s, &["tab", "tab"]);
    assert_eq!(s.focus, Focus::Body);
    assert!(s.panes().sidebar.is_none());
    press(&mut s, &["e"]);
    assert!(s.panes().sidebar.is_some());
}

#[test]
fn n_and_shift_n_walk_the_quotes() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["n"]);
    assert_eq!(current_text(&s), "We will rebuild the bridge,");
    assert!(status(&s).contains("quote 1/8"), "{}", status(&s));
    assert!(status(&s).contains("Ana Ruiz"), "{}", status(&s));
    press(&mut s, &["n"]);
    assert_eq!(current_text(&s), "The budget is not there yet,");
    assert!(
        status(&s).contains("quote 2/8 · Tom Berg (said) · direct"),
        "{}",
        status(&s)
    );
    press(&mut s, &["N"]);
    assert_eq!(current_text(&s), "We will rebuild the bridge,");
    press(&mut s, &["N"]);
    assert_eq!(
        current_text(&s),
        "We will rebuild the bridge,",
        "stays at the first"
    );
    assert!(s.message.as_deref().unwrap().contains("no more quotes"));
    for _ in 0..7 {
        press(&mut s, &["n"]);
    }
    assert_eq!(current_text(&s), "We are ready,");
    assert!(status(&s).contains("quote 8/8"), "{}", status(&s));
    press(&mut s, &["n"]);
    assert_eq!(current_text(&s), "We are ready,");
    assert!(
        status(&s).contains("no more quotes below"),
        "{}",
        status(&s)
    );
}

#[test]
fn i_skips_indirect_quotes() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["i"]);
    assert!(!s.include_indirect);
    press(&mut s, &["n", "n", "n"]);
    // The indirect "the work would start in spring" is skipped.
    assert_eq!(current_text(&s), "We have waited long enough,");
    assert!(status(&s).contains("quote 3/6"), "{}", status(&s));
    press(&mut s, &["n"]);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(
        r.analysis.quotes[r.current.unwrap()].kind,
        QuoteKind::Partial
    );
    press(&mut s, &["i", "N"]);
    assert_eq!(
        current_text(&s),
        "the council would vote on the plan in March",
        "indirect quotes are back"
    );
}

#[test]
fn s_and_shift_s_jump_between_speakers() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["s"]);
    assert_eq!(current_speaker(&s).as_deref(), Some("Ana Ruiz"));
    press(&mut s, &["s"]);
    assert_eq!(current_speaker(&s).as_deref(), Some("Tom Berg"));
    assert_eq!(current_text(&s), "The budget is not there yet,");
    press(&mut s, &["s"]);
    assert_eq!(current_speaker(&s).as_deref(), Some("City of Riverton"));
    press(&mut s, &["s"]);
    assert_eq!(
        current_speaker(&s).as_deref(),
        Some("Ana Ruiz"),
        "wraps around"
    );
    press(&mut s, &["S"]);
    assert_eq!(current_speaker(&s).as_deref(), Some("City of Riverton"));
    press(&mut s, &["S"]);
    assert_eq!(current_speaker(&s).as_deref(), Some("Tom Berg"));
    // The sidebar follows and highlights that speaker.
    let r = s.reader.as_ref().unwrap();
    assert_eq!(
        r.selected_speaker.map(|i| r.nav.speakers[i].as_str()),
        Some("Tom Berg")
    );
}

#[test]
fn brackets_walk_one_speakers_quotes() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["]"]);
    assert!(s.message.as_deref().unwrap().contains("no current speaker"));
    press(&mut s, &["n"]);
    let mut seen = vec![current_text(&s)];
    for _ in 0..6 {
        press(&mut s, &["]"]);
        seen.push(current_text(&s));
    }
    seen.dedup();
    assert_eq!(
        seen,
        [
            "We will rebuild the bridge,",
            "the work would start in spring",
            "We have waited long enough,",
            "a small price",
            "We are ready,"
        ]
    );
    press(&mut s, &["["]);
    assert_eq!(current_text(&s), "a small price");
    press(&mut s, &["[", "[", "[", "["]);
    assert_eq!(current_text(&s), "We will rebuild the bridge,");
}

#[test]
fn search_in_article_then_n() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["/"]);
    assert_eq!(s.prompt.as_ref().unwrap().kind, PromptKind::ArticleSearch);
    type_text(&mut s, "COUNCIL");
    press(&mut s, &["enter"]);
    let r = s.reader.as_ref().unwrap();
    let search = r.search.as_ref().unwrap();
    assert_eq!(search.matches.len(), 4);
    assert_eq!(search.current, Some(0));
    press(&mut s, &["n", "n"]);
    assert_eq!(
        s.reader.as_ref().unwrap().search.as_ref().unwrap().current,
        Some(2)
    );
    press(&mut s, &["N"]);
    assert_eq!(
        s.reader.as_ref().unwrap().search.as_ref().unwrap().current,
        Some(1)
    );
    assert!(status(&s).contains("match 2/4"), "{}", status(&s));
    press(&mut s, &["esc"]);
    assert!(s.reader.as_ref().unwrap().search.is_none());
    press(&mut s, &["n"]);
    assert_eq!(
        current_text(&s),
        "We will rebuild the bridge,",
        "n is back to quotes"
    );
}

#[test]
fn library_search_from_the_list() {
    let mut s = state(120, 40);
    let effects = press(&mut s, &["/"]);
    assert!(effects.is_empty());
    assert_eq!(s.prompt.as_ref().unwrap().kind, PromptKind::LibrarySearch);
    type_text(&mut s, "bridge");
    let effects = press(&mut s, &["enter"]);
    assert_eq!(effects, vec![Effect::SearchLibrary("bridge".into())]);
    let hits = vec![onrecord::library::SearchHit {
        article: 0,
        path: "/library/0.txt".into(),
        item: String::new(),
        title: "City to rebuild the river bridge".into(),
        snippet: "rebuild the bridge".into(),
    }];
    update(
        &mut s,
        Msg::SearchResults {
            query: "bridge".into(),
            hits,
        },
    );
    assert_eq!(s.list.rows.len(), 1);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    let text = screen_text(&s);
    assert!(
        text.contains("…rebuild the bridge…"),
        "the snippet shows:\n{text}"
    );
    assert!(text.contains("Search “bridge” (1)"), "{text}");
    // Opening a hit shows the words searched for; n walks them.
    press(&mut s, &["enter"]);
    let search = s.reader.as_ref().unwrap().search.clone().unwrap();
    assert_eq!(search.query, "bridge");
    assert_eq!(search.matches.len(), 1);
    press(&mut s, &["esc", "esc"]);
    assert_eq!(s.focus, Focus::List);
    press(&mut s, &["esc"]);
    assert_eq!(s.list.rows.len(), 3, "esc clears the search");
    assert!(!s.quit);
}

#[test]
fn filter_as_you_type() {
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "scho");
    assert_eq!(s.list.rows.len(), 1, "filters while typing");
    press(
        &mut s,
        &["backspace", "backspace", "backspace", "backspace"],
    );
    assert_eq!(s.list.rows.len(), 3);
    type_text(&mut s, "rvr brdg");
    assert_eq!(s.list.rows.len(), 1, "fuzzy");
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    press(&mut s, &["enter"]);
    assert!(s.prompt.is_none());
    assert_eq!(s.list.filter, "rvr brdg");
    press(&mut s, &["esc"]);
    assert!(s.list.filter.is_empty());
    assert_eq!(s.list.rows.len(), 3);
    // Esc while typing drops the filter.
    press(&mut s, &["f"]);
    type_text(&mut s, "long");
    press(&mut s, &["esc"]);
    assert_eq!(s.list.rows.len(), 3);
}

#[test]
fn t_cycles_the_sort() {
    let mut s = state(120, 40);
    let titles = |s: &State| -> Vec<String> {
        s.list
            .rows
            .iter()
            .map(|&i| s.list.all[i].title.clone())
            .collect()
    };
    assert_eq!(s.list.sort, SortKey::Date);
    assert_eq!(titles(&s)[0], "New school opens in Eastside");
    press(&mut s, &["t"]);
    assert_eq!(s.list.sort, SortKey::Title);
    assert_eq!(
        titles(&s),
        [
            "City to rebuild the river bridge",
            "New school opens in Eastside",
            "The long report"
        ]
    );
    press(&mut s, &["t"]);
    assert_eq!(s.list.sort, SortKey::Quotes);
    assert_eq!(titles(&s)[0], "The long report");
    press(&mut s, &["t"]);
    assert_eq!(s.list.sort, SortKey::Date);
}

#[test]
fn sidebar_selects_speakers_and_cycles_mentions() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["tab"]);
    assert_eq!(s.focus, Focus::Sidebar);
    let r = s.reader.as_ref().unwrap();
    // Speakers first, most quotes first.
    assert_eq!(r.side[0], SideItem::Speaker { slot: 0, quotes: 5 });
    assert!(matches!(r.side[3], SideItem::Entity { .. }));
    // Focusing the sidebar highlights the speaker on the selected row.
    assert_eq!(
        r.selected_speaker.map(|i| r.nav.speakers[i].as_str()),
        Some("Ana Ruiz")
    );
    press(&mut s, &["j"]);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(
        r.selected_speaker.map(|i| r.nav.speakers[i].as_str()),
        Some("Tom Berg")
    );
    press(&mut s, &["enter"]);
    assert_eq!(current_text(&s), "The budget is not there yet,");
    press(&mut s, &["enter"]);
    assert_eq!(
        current_text(&s),
        "the council would vote on the plan in March"
    );
    press(&mut s, &["enter"]);
    assert_eq!(current_text(&s), "The budget is not there yet,", "cycles");
    // An entity: Enter jumps to its mentions one after another.
    press(&mut s, &["G"]);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(
        r.selected_speaker, None,
        "an entity row highlights no speaker"
    );
    let SideItem::Entity { index } = r.side[r.side_selected] else {
        panic!("last row is an entity")
    };
    let mentions = r.analysis.entities[index].mentions.clone();
    assert_eq!(r.analysis.entities[index].name, "Riverton");
    press(&mut s, &["enter"]);
    assert_eq!(s.reader.as_ref().unwrap().mark, Some(mentions[0].clone()));
    press(&mut s, &["enter"]);
    assert_eq!(s.reader.as_ref().unwrap().mark, Some(mentions[1].clone()));
    press(&mut s, &["esc"]);
    assert_eq!(s.reader.as_ref().unwrap().mark, None);
    press(&mut s, &["k", "pageup"]);
    assert_eq!(s.reader.as_ref().unwrap().side_selected, 0);
    press(&mut s, &["pagedown", "end", "home"]);
    assert_eq!(s.reader.as_ref().unwrap().side_selected, 0);
}

#[test]
fn reading_mode_and_sidebar_toggle() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["z"]);
    assert!(s.reading_mode);
    let p = s.panes();
    assert!(p.list.is_none() && p.sidebar.is_none());
    assert_eq!(p.body.unwrap().width, 120);
    press(&mut s, &["z"]);
    assert!(s.panes().list.is_some());
}

#[test]
fn help_opens_and_closes() {
    let mut s = state(120, 40);
    press(&mut s, &["?"]);
    assert_eq!(s.help, Some(0));
    let text = screen_text(&s);
    assert!(text.contains("Next quote"), "{text}");
    press(&mut s, &["j", "j"]);
    assert_eq!(s.help, Some(2));
    press(&mut s, &["esc"]);
    assert_eq!(s.help, None);
    assert!(!s.quit);
    press(&mut s, &["?", "?"]);
    assert_eq!(s.help, None);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut s = state(120, 40);
    assert_eq!(press(&mut s, &["q"]), vec![Effect::Quit]);
    let mut s = state(120, 40);
    assert_eq!(press(&mut s, &["ctrl-c"]), vec![Effect::Quit]);
}

#[test]
fn o_opens_the_url_and_y_copies_with_citation() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    assert_eq!(
        press(&mut s, &["o"]),
        vec![Effect::OpenUrl("https://news.example.com/bridge".into())]
    );
    assert!(press(&mut s, &["y"]).is_empty(), "nothing to copy yet");
    let effects = press(&mut s, &["n", "y"]);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        text,
        "“We will rebuild the bridge” — Ana Ruiz; Jane Doe, “City to rebuild the river bridge”, \
         2 Mar 2024, https://news.example.com/bridge"
    );
    // An article without a URL says so instead.
    press(&mut s, &["h", "g", "enter"]);
    assert!(press(&mut s, &["o"]).is_empty());
    assert!(s.message.as_deref().unwrap().contains("no source URL"));
}

#[test]
fn y_copies_reported_speech_as_reported_speech_never_in_quotation_marks() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["n", "n", "n"]);
    assert_eq!(current_text(&s), "the work would start in spring");
    let effects = press(&mut s, &["y"]);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        text,
        "Ana Ruiz said the work would start in spring. — Jane Doe, “City to rebuild the river \
         bridge”, 2 Mar 2024, https://news.example.com/bridge"
    );
}

#[test]
fn y_names_the_file_only_when_nothing_else_says_where_the_article_came_from() {
    let mut s = state(120, 40);
    // The long report: no byline, no URL; its citation ends with its file.
    press(&mut s, &["G", "enter", "n"]);
    let effects = press(&mut s, &["y"]);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        text.ends_with("“The long report”, 1 Jan 2023, /library/2.txt"),
        "{text}"
    );
    // The school article has a byline: no file.
    press(&mut s, &["h", "g", "enter", "n"]);
    let effects = press(&mut s, &["y"]);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        text.ends_with("Sam Lee and Kim Park, “New school opens in Eastside”, 10 May 2024"),
        "{text}"
    );
}

#[test]
fn ctrl_z_suspends() {
    let mut s = state(120, 40);
    assert_eq!(press(&mut s, &["ctrl-z"]), vec![Effect::Suspend]);
}

#[test]
fn speakers_view_walks_across_articles() {
    let mut s = state(120, 40);
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    assert_eq!(s.speakers.rows.len(), 3);
    press(&mut s, &["f"]);
    type_text(&mut s, "ruiz");
    assert_eq!(s.speakers.rows.len(), 1);
    press(&mut s, &["enter", "enter"]);
    let q = s.speakers.quotes.as_ref().unwrap();
    assert_eq!(q.speaker, "Ana Ruiz");
    assert_eq!((q.hits.len(), q.total), (6, 6));
    // The quotes list: pick the third (in the bridge article) and open it there.
    press(&mut s, &["j", "j"]);
    press(&mut s, &["enter"]);
    assert_eq!(s.screen, Screen::Reader);
    assert_eq!(s.focus, Focus::Body);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(current_text(&s), "We have waited long enough,");
    assert!(status(&s).contains("library 3/6"), "{}", status(&s));
    press(&mut s, &["]", "]"]);
    assert_eq!(current_text(&s), "We are ready,");
    // The next one is in the other article: it is loaded and shown at that quote.
    press(&mut s, &["]"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 1);
    assert_eq!(current_text(&s), "The school shows what the city can do,");
    press(&mut s, &["]"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("last quote by Ana Ruiz")
    );
    press(&mut s, &["["]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(current_text(&s), "We are ready,");
    // Back in the Speakers view, esc steps back out.
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    press(&mut s, &["esc"]);
    press(&mut s, &["esc"]);
    press(&mut s, &["esc"]);
    assert_eq!(s.screen, Screen::Reader);
    assert!(!s.quit);
}

#[test]
fn mouse_clicks_focus_and_select_and_the_wheel_scrolls() {
    let mut s = state(120, 40);
    let list = s.panes().list.unwrap();
    // Click the second row, then click it again to open it.
    update(
        &mut s,
        Action::Click {
            column: list.x + 3,
            row: list.y + 2,
        },
    );
    assert_eq!(s.list.selected, 1);
    assert!(s.reader.is_none());
    let effects = update(
        &mut s,
        Action::Click {
            column: list.x + 3,
            row: list.y + 2,
        },
    );
    assert_eq!(effects, vec![Effect::LoadArticle(0)]);
    run_effects(&mut s, effects);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    let p = s.panes();
    update(
        &mut s,
        Action::Click {
            column: p.list.unwrap().x + 1,
            row: 5,
        },
    );
    assert_eq!(s.focus, Focus::List);
    update(
        &mut s,
        Action::Click {
            column: p.body.unwrap().x + 5,
            row: 5,
        },
    );
    assert_eq!(s.focus, Focus::Body);
    let side = p.sidebar.unwrap();
    // Row 1 of the sidebar is the "Speakers" heading, row 2 the first speaker.
    update(
        &mut s,
        Action::Click {
            column: side.x + 2,
            row: side.y + 3,
        },
    );
    assert_eq!(s.focus, Focus::Sidebar);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.side_selected, 1);
    assert_eq!(
        r.selected_speaker.map(|i| r.nav.speakers[i].as_str()),
        Some("Tom Berg")
    );
    // Clicking the selected row again jumps, as Enter does (and again cycles).
    let click_berg = Action::Click {
        column: side.x + 2,
        row: side.y + 3,
    };
    update(&mut s, click_berg.clone());
    assert_eq!(current_text(&s), "The budget is not there yet,");
    update(&mut s, click_berg);
    assert_eq!(
        current_text(&s),
        "the council would vote on the plan in March"
    );
    // Wheel over the body of a long article scrolls it.
    let mut s = state(60, 12);
    press(&mut s, &["G", "enter"]);
    let body = s.panes().body.unwrap();
    update(
        &mut s,
        Action::Scroll {
            column: body.x + 2,
            row: body.y + 2,
            lines: 1,
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().scroll, 3);
    update(
        &mut s,
        Action::Scroll {
            column: body.x + 2,
            row: body.y + 2,
            lines: -1,
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().scroll, 0);
}

#[test]
fn rebound_keys_work_and_help_shows_them() {
    let cfg: KeysConfig = toml::from_str("next_quote = [\"x\"]\nquit = \"ctrl-q\"").unwrap();
    let mut s = State::new(Keymap::new(&cfg), Theme::plain());
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Msg::ArticlesLoaded(summaries()));
    press(&mut s, &["enter", "x"]);
    assert_eq!(current_text(&s), "This is a great day for our children,");
    assert!(press(&mut s, &["q"]).is_empty(), "q is no longer bound");
    assert!(!s.quit);
    press(&mut s, &["?"]);
    let text = screen_text(&s);
    assert!(text.contains("ctrl-q"), "{text}");
    assert_eq!(press(&mut s, &["ctrl-q"]), vec![Effect::Quit]);
}

#[test]
fn resize_keeps_the_current_quote_in_view() {
    let mut s = state(120, 40);
    press(&mut s, &["G", "enter"]);
    for _ in 0..40 {
        press(&mut s, &["n"]);
    }
    let q = s.reader.as_ref().unwrap().current.unwrap();
    for (w, h) in [(60, 12), (200, 50), (30, 8), (120, 40)] {
        update(&mut s, Action::Resize(w, h));
        let r = s.reader.as_ref().unwrap();
        let line = r.wrapped.line_of(r.analysis.quotes[q].span.start);
        assert!(
            line >= r.scroll && line < r.scroll + r.height,
            "{w}x{h}: line {line} not in {}..{}",
            r.scroll,
            r.scroll + r.height
        );
    }
}

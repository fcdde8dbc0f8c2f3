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

#[test]
fn background_indexing_shows_a_gauge_and_reloads_lists() {
    use onrecord::library::indexer::{IndexEvent, IndexSummary};
    use onrecord::tui::app::msg_for_index_event;
    let mut s = state(120, 40);
    let a = msg_for_index_event(IndexEvent::Planned { seen: 10, total: 4 }).unwrap();
    assert!(update(&mut s, a).is_empty());
    let a = msg_for_index_event(IndexEvent::Progress { done: 2, total: 4 }).unwrap();
    update(&mut s, a);
    assert_eq!(s.index_progress, Some((2, 4)));
    assert!(
        status(&s).contains("indexing ▰▰▰▰▱▱▱▱ 2/4"),
        "{}",
        status(&s)
    );
    // A committed batch: the articles added since the list was fetched are fetched and
    // appended, keeping the selection; the whole list is not fetched again.
    press(&mut s, &["j"]);
    let selected = s.list.current().unwrap().id;
    let a = msg_for_index_event(IndexEvent::Committed { done: 2, total: 4 }).unwrap();
    assert_eq!(update(&mut s, a), vec![Effect::LoadArticlesAfter(2)]);
    let mut added = summaries();
    added[0].id = 7;
    added[0].title = "Ferry fares rise".into();
    // The same article twice (two commits answered alike) is listed once.
    update(&mut s, Msg::ArticlesAdded(added[..1].to_vec()));
    update(&mut s, Msg::ArticlesAdded(added[..1].to_vec()));
    assert_eq!(s.list.all.len(), 4);
    assert_eq!(s.list.rows.len(), 4);
    assert_eq!(s.list.current().unwrap().id, selected, "selection kept");
    assert!(
        screen_text(&s).contains("Ferry fares rise"),
        "{}",
        screen_text(&s)
    );
    press(&mut s, &["w", "enter"]);
    let effects = update(&mut s, Msg::LibraryChanged);
    assert_eq!(
        effects,
        vec![
            Effect::LoadArticles,
            Effect::LoadSpeakers,
            Effect::LoadSpeakerQuotes {
                speaker: "Ana Ruiz".into(),
                limit: QUOTE_PAGE
            }
        ]
    );
    // Reloading the quotes of the same speaker keeps the selection.
    press(&mut s, &["j", "j"]);
    run_effects(
        &mut s,
        vec![Effect::LoadSpeakerQuotes {
            speaker: "Ana Ruiz".into(),
            limit: QUOTE_PAGE,
        }],
    );
    assert_eq!(s.speakers.quote_selected, 2);
    let summary = IndexSummary {
        seen: 4,
        new: 4,
        failed: 1,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(summary)).unwrap();
    // Only new articles: only those are fetched (the Speakers view, shown, is refreshed).
    let effects = update(&mut s, a);
    assert_eq!(effects[0], Effect::LoadArticlesAfter(7));
    assert!(effects.contains(&Effect::LoadSpeakers));
    assert_eq!(s.index_progress, None);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("1 file(s) could not be read")
    );
    // Messages of an mbox left out (over the limit) are said too, with where they are listed.
    let left_out = IndexSummary {
        seen: 1,
        new: 1,
        articles_left_out: 2,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(left_out)).unwrap();
    update(&mut s, a);
    let said = s.message.as_deref().unwrap();
    assert!(
        said.contains("2 article(s) of mailboxes or feeds left out") && said.contains(".log"),
        "{said}"
    );
    // A run that changed or removed articles fetches the whole list again.
    let changed = IndexSummary {
        seen: 4,
        changed: 1,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(changed)).unwrap();
    assert_eq!(update(&mut s, a)[0], Effect::LoadArticles);
    let a = msg_for_index_event(IndexEvent::Failed("disk full".into())).unwrap();
    assert_eq!(update(&mut s, a)[0], Effect::LoadArticles);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("indexing failed: disk full")
    );
}

#[test]
fn speakers_view_fetches_a_big_speakers_quotes_page_by_page() {
    let n = QUOTE_PAGE * 2 + 17;
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(n)));
    let mut s = ruiz_quotes_listed();
    let q = s.speakers.quotes.as_ref().unwrap();
    assert_eq!((q.hits.len(), q.total), (QUOTE_PAGE, n), "one page first");
    assert!(
        status(&s).contains(&format!("quote 1/{n}")),
        "{}",
        status(&s)
    );
    // Moving down within the page fetches nothing; coming near its end fetches the next.
    let before_margin = QUOTE_PAGE - QUOTE_PAGE_MARGIN - 1;
    s.speakers.quote_selected = before_margin - 1;
    assert!(press(&mut s, &["j"]).is_empty());
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), QUOTE_PAGE);
    press(&mut s, &["j"]);
    assert_eq!(
        s.speakers.quotes.as_ref().unwrap().hits.len(),
        QUOTE_PAGE * 2
    );
    // G goes to the last fetched quote, which fetches the rest.
    press(&mut s, &["G"]);
    let q = s.speakers.quotes.as_ref().unwrap();
    assert_eq!(q.hits.len(), n);
    assert!(!q.fetching);
    // In order and no quote twice.
    let keys: Vec<_> = q.hits.iter().map(|h| h.start).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    press(&mut s, &["G"]);
    assert_eq!(s.speakers.quote_selected, n - 1);
}

#[test]
fn a_page_for_a_list_that_was_replaced_is_dropped() {
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(QUOTE_PAGE + 50)));
    let mut s = ruiz_quotes_listed();
    let stale = s.speakers.quotes.as_ref().unwrap().hits[10].clone();
    let page = QuotePage {
        total: QUOTE_PAGE + 50,
        hits: many_hits(3),
    };
    update(
        &mut s,
        Msg::SpeakerQuotesMore {
            speaker: "Ana Ruiz".into(),
            after: Box::new(stale),
            page,
        },
    );
    assert_eq!(
        s.speakers.quotes.as_ref().unwrap().hits.len(),
        QUOTE_PAGE,
        "a page that does not follow the last fetched quote is not appended"
    );
}

#[test]
fn brackets_walk_on_past_the_first_page_of_a_big_speaker() {
    let n = QUOTE_PAGE + 40;
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(n)));
    let mut s = ruiz_quotes_listed();
    press(&mut s, &["enter"]);
    assert_eq!(s.screen, Screen::Reader);
    assert!(
        status(&s).contains(&format!("library 1/{n}")),
        "{}",
        status(&s)
    );
    for _ in 0..n - 1 {
        press(&mut s, &["]"]);
    }
    assert_eq!(s.walk.as_ref().unwrap().index, n - 1, "walked every quote");
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), n);
    assert!(
        status(&s).contains(&format!("library {n}/{n}")),
        "{}",
        status(&s)
    );
    press(&mut s, &["]"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("last quote by Ana Ruiz")
    );
    // Back to the Speakers view on her: the list is fetched again as far as it was listed,
    // and the walk stays where it got to.
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), n);
    assert_eq!(s.walk.as_ref().unwrap().index, n - 1);
}

/// The Speakers view filtered to Ana Ruiz with her quotes listed (served by the fixture
/// worker from `RUIZ_QUOTES`).
fn ruiz_quotes_listed() -> State {
    let mut s = state(120, 40);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter"]);
    s
}

#[test]
fn a_page_that_cannot_be_fetched_is_reported_and_not_asked_for_again() {
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(QUOTE_PAGE * 3)));
    let mut s = ruiz_quotes_listed();
    s.speakers.quote_selected = QUOTE_PAGE - QUOTE_PAGE_MARGIN - 1;
    // The fixture worker is not asked: the effect comes back to the test.
    let effects = update(&mut s, Command::Down);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadMoreSpeakerQuotes { .. }]),
        "{effects:?}"
    );
    update(
        &mut s,
        Msg::SpeakerQuotesFailed {
            speaker: "Ana Ruiz".into(),
            message: "cannot list more quotes: database is locked".into(),
        },
    );
    assert!(s.message.as_deref().unwrap().contains("database is locked"));
    assert!(update(&mut s, Command::Down).is_empty(), "no retry loop");
    // Fetching the list again starts over.
    let again = press(&mut s, &["esc", "enter"]);
    assert!(again.is_empty(), "{again:?}");
    assert!(!s.speakers.quotes.as_ref().unwrap().stalled);
}

#[test]
fn w_from_an_article_opens_the_speaker_in_hand_across_the_library() {
    // The current quote's speaker, on the quote the reader is at.
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["n", "n", "n"]);
    assert_eq!(current_text(&s), "the work would start in spring");
    let (id, cur) = {
        let r = s.reader.as_ref().unwrap();
        (r.id, r.current.unwrap())
    };
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    assert_eq!(s.speakers.current().unwrap().name, "Ana Ruiz");
    let q = s
        .speakers
        .quotes
        .as_ref()
        .expect("Ana Ruiz's quotes listed");
    assert_eq!(q.speaker, "Ana Ruiz");
    assert_eq!(q.total, ruiz_hits().len());
    let hit = &q.hits[s.speakers.quote_selected];
    assert_eq!((hit.article, hit.quote_index), (id, cur));
    assert_eq!(
        s.speakers.focus,
        onrecord::tui::state::SpeakersFocus::Quotes
    );
    // ] walks on from there, across articles.
    press(&mut s, &["enter", "]", "]"]);
    assert_eq!(s.screen, Screen::Reader);
    assert_eq!(current_speaker(&s).as_deref(), Some("Ana Ruiz"));

    // The speaker selected in the sidebar, even with a filter on the Speakers view.
    let mut s = state(120, 40);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "lopez");
    press(&mut s, &["enter", "w"]);
    assert_eq!(s.screen, Screen::Reader);
    assert_eq!(s.speakers.filter, "lopez");
    open_bridge(&mut s);
    press(&mut s, &["tab", "j"]);
    let effects = press(&mut s, &["w"]);
    assert_eq!(s.speakers.current().unwrap().name, "Tom Berg");
    assert!(
        effects.contains(&Effect::LoadSpeakerQuotes {
            speaker: "Tom Berg".into(),
            limit: QUOTE_PAGE
        }),
        "{effects:?}"
    );

    // Nothing in hand (the list has focus): the view opens on the list of speakers, its
    // quotes pane following the selection.
    let mut s = state(120, 40);
    let effects = press(&mut s, &["w"]);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.speakers.focus, onrecord::tui::state::SpeakersFocus::Names);
    assert_eq!(s.speakers.quotes.as_ref().unwrap().speaker, "Ana Ruiz");
}

#[test]
fn enter_on_an_entity_shows_which_mention_in_the_status_bar() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["tab", "G"]);
    let n = {
        let r = s.reader.as_ref().unwrap();
        let SideItem::Entity { index } = r.side[r.side_selected] else {
            panic!("last row is an entity")
        };
        r.analysis.entities[index].mentions.len()
    };
    assert!(n >= 2);
    press(&mut s, &["enter"]);
    assert!(
        status(&s).contains(&format!("Riverton mention 1/{n}")),
        "{}",
        status(&s)
    );
    press(&mut s, &["enter"]);
    assert!(status(&s).contains(&format!("Riverton mention 2/{n}")));
    // Gone with the mark.
    press(&mut s, &["esc"]);
    assert!(!status(&s).contains("mention"), "{}", status(&s));
}

#[test]
fn quote_keys_while_the_article_loads_say_so() {
    let mut s = state(120, 40);
    let effects = update(&mut s, Command::Enter);
    assert!(matches!(effects[..], [Effect::LoadArticle(_)]));
    update(&mut s, Command::NextQuote);
    assert_eq!(s.message.as_deref(), Some("the article is still loading…"));
}

#[test]
fn the_list_selection_follows_the_article_shown() {
    let mut s = state(120, 40);
    // The list selects the school article (the newest); a quote from the Speakers view
    // opens the bridge article.
    assert_eq!(selected_title(&s), "New school opens in Eastside");
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter", "j", "j", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    // `]` walks into the school article: the list follows again.
    press(&mut s, &["]", "]", "]"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 1);
    assert_eq!(selected_title(&s), "New school opens in Eastside");
    // Enter in the list opens what it selects: the article shown, not an older one.
    press(&mut s, &["["]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    press(&mut s, &["h", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");

    // An article the list's filter hides: the filter gives way, so the list can show it.
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "school");
    press(&mut s, &["enter"]);
    assert_eq!(s.list.rows.len(), 1);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter", "j", "j", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    assert!(s.list.filter.is_empty());
}

/// The long report with a paragraph put in at the top (every offset moves) and, when
/// `drop_quote` is given, that quote's paragraph taken out.
fn long_edited(
    drop_quote: Option<usize>,
) -> (onrecord::article::Article, onrecord::extract::Analysis) {
    let (mut a, mut an) = article(2);
    let ins = "Editor's note: this report was updated on Friday.\n\n";
    let mut paras: Vec<String> = a.body.split("\n\n").map(str::to_string).collect();
    if let Some(q) = drop_quote {
        paras.remove(q);
        an.quotes.remove(q);
    }
    a.body = format!("{ins}{}", paras.join("\n\n"));
    // Re-find each quote's words in the new body.
    for q in &mut an.quotes {
        let old = article(2).0.body[q.span.clone()].to_string();
        let start = a.body.find(&old).expect("quote kept");
        q.span = start..start + old.len();
        q.speaker_span = None;
    }
    (a, an)
}

fn top_line(s: &State) -> String {
    let r = s.reader.as_ref().unwrap();
    r.article.body[r.wrapped.lines[r.scroll].range.clone()].to_string()
}

#[test]
fn the_open_article_reloads_when_its_file_changes_keeping_the_place() {
    let mut s = state(60, 12);
    press(&mut s, &["G", "enter"]); // the long report
    let id = s.reader.as_ref().unwrap().id;
    for _ in 0..20 {
        press(&mut s, &["n"]);
    }
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    let top = top_line(&s);

    // The index saw files change: the open article is fetched again with the lists.
    let effects = update(
        &mut s,
        Msg::IndexFinished {
            message: None,
            only_added: false,
        },
    );
    assert!(effects.contains(&Effect::ReloadArticle(id)), "{effects:?}");
    // Its new text: shown, at the same place, on the same quote.
    let (article, analysis) = long_edited(None);
    update(
        &mut s,
        Msg::ArticleReloaded {
            id,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.article.body.starts_with("Editor's note"));
    assert_eq!(top_line(&s), top);
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    press(&mut s, &["n"]);
    assert_eq!(current_text(&s), "Quote number 20 is here,");
    press(&mut s, &["N"]);
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    let top = top_line(&s);

    // The current quote is gone from the file: the place is kept, no quote is current.
    let (article, analysis) = long_edited(Some(19));
    update(
        &mut s,
        Msg::ArticleReloaded {
            id,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.current.is_none());
    assert!(!r.article.body.contains("Quote number 19 is"));
    assert_eq!(top_line(&s), top);

    // Another article's reload is not shown.
    let (article, analysis) = tui_fixtures::article(0);
    update(
        &mut s,
        Msg::ArticleReloaded {
            id: 0,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().id, id);
}

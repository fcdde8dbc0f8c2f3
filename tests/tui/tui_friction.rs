//! What a terminal user expects from the reader's keys and panes, through the keymap and
//! the update function: Esc never quits, prompts edit as a shell line does, the Speakers
//! view follows the selection, the status bar and help say where you are.

use crate::tui_fixtures;

use onrecord::tui::effect::Effect;
use onrecord::tui::state::{Focus, Screen, State};
use tui_fixtures::*;

fn prompt_text(s: &State) -> (String, usize) {
    let p = s.prompt.as_ref().expect("a prompt is open");
    (p.text.clone(), p.cursor)
}

#[test]
fn esc_goes_back_and_never_quits() {
    let mut s = state(120, 40);
    open_first(&mut s);
    press(&mut s, &["tab"]);
    press(&mut s, &["esc"]);
    assert_eq!(s.focus, Focus::Body);
    press(&mut s, &["esc"]);
    assert_eq!(s.focus, Focus::List);
    for _ in 0..5 {
        let effects = press(&mut s, &["esc"]);
        assert!(effects.is_empty(), "{effects:?}");
        assert!(!s.quit, "esc at the top quit");
    }
    assert!(
        s.message.as_deref().unwrap_or("").contains("q quits"),
        "{:?}",
        s.message
    );
    assert_eq!(press(&mut s, &["q"]), vec![Effect::Quit]);
    // The same in the Speakers view: esc leaves it, and then does nothing.
    let mut s = state(120, 40);
    press(&mut s, &["w", "esc", "esc", "esc"]);
    assert_eq!(s.screen, Screen::Reader);
    assert!(!s.quit);
}

fn open_first(s: &mut State) {
    press(s, &["enter"]);
    assert!(s.reader.is_some());
}

#[test]
fn ctrl_u_in_a_prompt_deletes_the_line_and_typing_stays_typing() {
    // The lost session: Ctrl-U left the filter, the typing became commands, Esc quit.
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "bridge");
    press(&mut s, &["ctrl-u"]);
    assert_eq!(prompt_text(&s), (String::new(), 0), "the prompt stays open");
    type_text(&mut s, "quiet");
    assert!(!s.quit, "typed letters are not commands");
    assert_eq!(prompt_text(&s).0, "quiet");
    press(&mut s, &["esc", "esc", "esc"]);
    assert!(!s.quit);
}

#[test]
fn prompt_keys_edit_as_in_a_shell() {
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "brdge");
    press(&mut s, &["left", "left", "left"]);
    type_text(&mut s, "i");
    assert_eq!(prompt_text(&s), ("bridge".to_string(), 3));
    assert_eq!(s.list.filter, "bridge", "the filter follows each edit");
    press(&mut s, &["ctrl-a"]);
    assert_eq!(prompt_text(&s).1, 0);
    press(&mut s, &["delete", "right"]);
    assert_eq!(prompt_text(&s), ("ridge".to_string(), 1));
    press(&mut s, &["ctrl-e"]);
    assert_eq!(prompt_text(&s).1, 5);
    press(
        &mut s,
        &["home", "ctrl-f", "ctrl-d", "end", "ctrl-b", "backspace"],
    );
    assert_eq!(prompt_text(&s), ("rde".to_string(), 2));
    press(&mut s, &["end"]);
    type_text(&mut s, " river work");
    press(&mut s, &["ctrl-w"]);
    assert_eq!(prompt_text(&s).0, "rde river ");
    press(&mut s, &["ctrl-a", "ctrl-k"]);
    assert_eq!(prompt_text(&s), (String::new(), 0));
    assert!(s.list.filter.is_empty());
}

#[test]
fn the_prompt_shows_its_cursor() {
    let mut s = state(80, 24);
    press(&mut s, &["/"]);
    type_text(&mut s, "bridge");
    press(&mut s, &["left", "left"]);
    let text = screen_text(&s);
    let status = text.lines().last().unwrap();
    assert!(status.starts_with("search library: bridge"), "{status}");
    assert!(
        !status.contains('█'),
        "the cursor is on the g, not after the end: {status}"
    );
    press(&mut s, &["end"]);
    let text = screen_text(&s);
    assert!(text.lines().last().unwrap().contains("bridge█"), "{text}");
}

#[test]
fn the_status_bar_says_how_far_down_and_keeps_help_and_quit_at_80_columns() {
    let mut s = state(80, 24);
    press(&mut s, &["G", "enter"]); // the long report, at its top
    let st = status(&s);
    assert!(st.contains(" 0%"), "{st}");
    assert!(!st.contains("line "), "{st}");
    assert!(st.contains("? help  q quit"), "{st}");
    press(&mut s, &["G"]);
    assert!(status(&s).contains("100%"), "{}", status(&s));
    // However long the text on the left, help and quit stay.
    press(&mut s, &["n", "n", "n"]);
    s.message = Some("a very long message about the article ".repeat(4));
    let st = status(&s);
    assert!(st.trim_end().ends_with("? help  q quit"), "{st}");
    // In the list and the Speakers view too.
    let mut s = state(80, 24);
    assert!(status(&s).contains("? help  q quit"), "{}", status(&s));
    press(&mut s, &["w"]);
    assert!(status(&s).contains("? help  q quit"), "{}", status(&s));
}

#[test]
fn help_at_80x24_scrolls_and_says_so() {
    let mut s = state(80, 24);
    press(&mut s, &["?"]);
    let text = screen_text(&s);
    assert!(text.contains("j/k scroll"), "{text}");
    assert!(text.contains(" 1–22 of "), "{text}");
    assert!(!text.contains("Mouse:"), "the end is below: {text}");
    press(&mut s, &["G"]);
    let text = screen_text(&s);
    assert!(text.contains("Mouse:"), "the end is shown: {text}");
    // At the end, one key press up moves the view (no presses lost past the end).
    let end = s.help.unwrap();
    press(&mut s, &["j", "j"]);
    assert_eq!(s.help, Some(end));
    press(&mut s, &["k"]);
    assert_eq!(s.help, Some(end - 1));
    // A screen tall enough shows it all, without the note.
    let mut s = state(200, 100);
    press(&mut s, &["?"]);
    let text = screen_text(&s);
    assert!(
        text.contains("Mouse:") && !text.contains("j/k scroll"),
        "{text}"
    );
}

#[test]
fn moving_in_the_speakers_list_shows_that_speakers_quotes_without_enter() {
    use onrecord::tui::state::SpeakersFocus;
    let mut s = state(120, 40);
    press(&mut s, &["w"]);
    assert_eq!(s.speakers.current().unwrap().name, "Ana Ruiz");
    assert_eq!(s.speakers.quotes.as_ref().unwrap().speaker, "Ana Ruiz");
    // The fixture worker answers only for Ana Ruiz: the next speaker's quotes are asked
    // for as soon as the selection moves, and the focus stays in the list.
    let effects = press(&mut s, &["j"]);
    assert_eq!(
        effects,
        vec![Effect::LoadSpeakerQuotes {
            speaker: "Tom Berg".into(),
            limit: onrecord::tui::state::QUOTE_PAGE
        }]
    );
    assert_eq!(s.speakers.focus, SpeakersFocus::Names);
    // Asked once, however many updates come before the answer.
    assert!(press(&mut s, &["e"]).is_empty());
    update_loaded(&mut s, "Tom Berg");
    assert_eq!(s.speakers.quotes.as_ref().unwrap().speaker, "Tom Berg");
    assert_eq!(s.speakers.focus, SpeakersFocus::Names, "the focus stays");
    // Back up: Ana Ruiz's quotes again, then Enter goes into them.
    press(&mut s, &["k"]);
    assert_eq!(s.speakers.quotes.as_ref().unwrap().speaker, "Ana Ruiz");
    assert_eq!(s.speakers.focus, SpeakersFocus::Names);
    assert!(press(&mut s, &["enter"]).is_empty());
    assert_eq!(s.speakers.focus, SpeakersFocus::Quotes);
    assert!(screen_text(&s).contains("Quotes by Ana Ruiz"));
}

/// Plays the worker's answer for a speaker the fixture does not serve: one made-up quote.
fn update_loaded(s: &mut State, speaker: &str) {
    let mut hit = ruiz_hits().remove(0);
    hit.speaker = speaker.to_string();
    onrecord::tui::update::update(
        s,
        onrecord::tui::msg::Msg::SpeakerQuotesLoaded {
            speaker: speaker.to_string(),
            page: onrecord::library::QuotePage {
                total: 1,
                hits: vec![hit],
            },
        },
    );
}

#[test]
fn reading_mode_caps_the_line_width_and_centres_the_text() {
    let mut s = state(200, 50);
    press(&mut s, &["G", "enter", "z"]);
    assert!(s.reading_mode);
    assert_eq!(s.reader.as_ref().unwrap().wrapped.width, 80);
    let text = screen_text(&s);
    let line = text
        .lines()
        .find(|l| l.contains("Paragraph 0 of the long report"))
        .expect("the body is shown");
    // The pane's inside is 198 columns; 81 of them (gutter and text) in the middle.
    let indent = line.chars().skip(1).take_while(|c| *c == ' ').count();
    assert_eq!(indent, (198 - 81) / 2 + 1, "{line:?}");
    // Narrower than the cap: the whole width, as before.
    let mut s = state(60, 20);
    press(&mut s, &["G", "enter", "z"]);
    assert_eq!(s.reader.as_ref().unwrap().wrapped.width, 57);
    // 0 in the config: no cap.
    let mut s = state(200, 50);
    s.reading_width = 0;
    press(&mut s, &["G", "enter", "z"]);
    assert_eq!(s.reader.as_ref().unwrap().wrapped.width, 197);
}

#[test]
fn the_reading_width_is_a_config_key() {
    let c = onrecord::config::Config::parse("[reader]\nreading_width = 66\n", "c.toml").unwrap();
    assert_eq!(c.reader.reading_width, 66);
    assert_eq!(onrecord::config::Config::default().reader.reading_width, 80);
}

#[test]
fn the_list_filter_drops_letters_scattered_over_words() {
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    // l-o-r is in "The long report" and in "New school opens … Park", scattered.
    type_text(&mut s, "lor");
    assert_eq!(s.list.rows.len(), 0, "scattered letters are no match");
    press(&mut s, &["ctrl-u"]);
    type_text(&mut s, "rep");
    let titles: Vec<&str> = s
        .list
        .rows
        .iter()
        .map(|&i| s.list.all[i].title.as_str())
        .collect();
    assert_eq!(titles, ["The long report"]);
    // A whole word ranks above the start of one.
    press(&mut s, &["ctrl-u"]);
    type_text(&mut s, "the");
    let first = s.list.current().unwrap().title.clone();
    assert_eq!(s.list.rows.len(), 2);
    assert_eq!(
        first, "The long report",
        "both have the word: the earlier match first"
    );
}

#[test]
fn sidebar_numbers_say_what_they_count_and_roles_do_not_crowd_names() {
    let mut s = state(120, 40);
    press(&mut s, &["j", "enter"]); // the bridge article
    let side = |s: &State| {
        let p = s.panes().sidebar.unwrap();
        let text = screen_text(s);
        text.lines()
            .map(|l| {
                l.chars()
                    .skip(usize::from(p.x))
                    .take(usize::from(p.width))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = side(&s);
    assert!(text.contains("Speakers          quotes"), "{text}");
    assert!(text.contains("People          mentions"), "{text}");
    assert!(!text.contains("(mayor)"), "a role next to a name: {text}");
    // Selected, a person's role shows on the line under the name.
    press(&mut s, &["tab", "j", "j", "j"]);
    let text = side(&s);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("  Ana Ruiz             3"))
        .expect("Ana Ruiz among the people");
    assert!(lines[at + 1].contains("    mayor"), "{text}");
    // Only the selected one.
    assert!(!text.contains("council member"), "{text}");
    press(&mut s, &["j"]);
    assert!(side(&s).contains("council member"));
    assert!(!side(&s).contains("    mayor"));
    // At 80 columns the sidebar is narrow: the labels stay.
    let mut s = state(80, 24);
    press(&mut s, &["j", "enter"]);
    let text = screen_text(&s);
    assert!(text.contains("Speakers  quotes"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("│Orgs ") && l.contains(" mentions│")),
        "{text}"
    );
}

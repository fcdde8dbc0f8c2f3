//! Snapshots of each pane and of the whole screen at 80x24 and 120x40, plus checks of the
//! styles a text snapshot cannot show.

use crate::tui_fixtures;

use onrecord::tui::action::Action;
use onrecord::tui::keymap::Keymap;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::theme::{ColorMode, Theme, ThemeConfig};
use onrecord::tui::update::update;
use onrecord::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use tui_fixtures::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn open_bridge_at_quote(w: u16, h: u16) -> State {
    let mut s = state(w, h);
    press(&mut s, &["j", "enter", "n", "n"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    s
}

fn snap(name: &str, s: &State) {
    let text = screen_text(s);
    insta::assert_snapshot!(format!("{name}_{}x{}", s.size.0, s.size.1), text);
}

#[test]
fn whole_screen() {
    for (w, h) in SIZES {
        let s = state(w, h);
        snap("list", &s);

        let s = open_bridge_at_quote(w, h);
        snap("article", &s);

        let mut s = open_bridge_at_quote(w, h);
        press(&mut s, &["tab", "j"]);
        snap("sidebar", &s);

        let mut s = open_bridge_at_quote(w, h);
        press(&mut s, &["z"]);
        snap("reading_mode", &s);

        let mut s = open_bridge_at_quote(w, h);
        press(&mut s, &["/"]);
        type_text(&mut s, "council");
        snap("search_prompt", &s);

        let mut s = state(w, h);
        press(&mut s, &["?"]);
        snap("help", &s);

        let mut s = state(w, h);
        press(&mut s, &["w", "enter"]);
        snap("speakers", &s);
    }
}

/// Renders one pane alone, in a terminal the size of the pane as laid out.
fn pane(s: &State, rect: Rect, draw: fn(&mut ratatui::Frame, Rect, &State)) -> String {
    let mut t = Terminal::new(TestBackend::new(rect.width, rect.height)).unwrap();
    t.draw(|f| draw(f, f.area(), s)).unwrap();
    buffer_text(t.backend().buffer())
}

#[test]
fn each_pane() {
    for (w, h) in SIZES {
        let s = open_bridge_at_quote(w, h);
        let p = s.panes();
        let tag = format!("{w}x{h}");
        insta::assert_snapshot!(
            format!("pane_list_{tag}"),
            pane(&s, p.list.unwrap(), view::draw_list)
        );
        insta::assert_snapshot!(
            format!("pane_body_{tag}"),
            pane(&s, p.body.unwrap(), view::draw_body)
        );
        insta::assert_snapshot!(
            format!("pane_sidebar_{tag}"),
            pane(&s, p.sidebar.unwrap(), view::draw_sidebar)
        );
        insta::assert_snapshot!(
            format!("pane_status_{tag}"),
            pane(&s, p.status.unwrap(), view::draw_status)
        );
        let mut s = state(w, h);
        press(&mut s, &["w", "enter"]);
        let p = s.panes();
        insta::assert_snapshot!(
            format!("pane_speakers_{tag}"),
            pane(&s, p.speakers.unwrap(), view::draw_speakers)
        );
        insta::assert_snapshot!(
            format!("pane_speaker_quotes_{tag}"),
            pane(&s, p.speaker_quotes.unwrap(), view::draw_speaker_quotes)
        );
    }
}

/// Finds the screen cell where `needle` starts.
fn find(t: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    let buf = t.backend().buffer();
    let text = buffer_text(buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn quotes_are_styled_by_speaker_kind_and_current() {
    let mut s = State::new(
        Keymap::default(),
        Theme::new(&ThemeConfig::default(), ColorMode::TrueColor),
    );
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Msg::ArticlesLoaded(summaries()));
    press(&mut s, &["j", "enter", "n", "n"]);
    let t = render(&s);
    let buf = t.backend().buffer();
    let cell = |needle: &str| {
        let (x, y) = find(&t, needle);
        buf[(x, y)].clone()
    };
    let ruiz = cell("We will rebuild");
    let berg = cell("The budget is");
    let ruiz_partial = cell("a small price");
    let ruiz_indirect = cell("the work would");
    let plain = cell("council met on Monday");
    // A colour per speaker, the same for all of a speaker's quotes.
    assert_ne!(ruiz.fg, berg.fg);
    assert_eq!(ruiz.fg, ruiz_partial.fg);
    assert_eq!(ruiz.fg, ruiz_indirect.fg);
    assert_ne!(ruiz.fg, plain.fg);
    // Kinds are told apart by modifiers.
    assert!(ruiz.modifier.contains(Modifier::BOLD));
    assert!(ruiz_partial.modifier.contains(Modifier::ITALIC));
    assert!(ruiz_indirect.modifier.contains(Modifier::UNDERLINED));
    // The current quote (Berg's, after n n) stands out, and its lines carry the marker.
    assert_ne!(berg.bg, ruiz.bg);
    let (x, y) = find(&t, "“The budget is");
    assert_eq!(buf[(x - 1, y)].symbol(), "▌");
    // Selecting a speaker in the sidebar highlights all their quotes.
    press(&mut s, &["tab"]);
    let t2 = render(&s);
    let before = buf[find(&t, "We are ready")].clone();
    let after = t2.backend().buffer()[find(&t2, "We are ready")].clone();
    assert_eq!(before.bg, plain.bg);
    assert_ne!(after.bg, before.bg, "Ana Ruiz is selected in the sidebar");
}

#[test]
fn no_color_still_marks_quotes() {
    let mut s = state(120, 40);
    press(&mut s, &["j", "enter", "n"]);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find(&t, "We will rebuild");
    let c = &buf[(x, y)];
    assert_eq!(c.fg, ratatui::style::Color::Reset);
    assert!(
        c.modifier.contains(Modifier::REVERSED),
        "current quote reversed"
    );
    let (x, y) = find(&t, "a small price");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
}

#[test]
fn wide_and_combining_text_stays_in_its_pane() {
    let s = open_bridge_at_quote(80, 24);
    let text = screen_text(&s);
    assert!(text.contains("日本語"), "{text}");
    for line in text.lines() {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line), 80, "{line:?}");
    }
}

#[test]
fn only_the_current_quotes_lines_carry_the_gutter_marker() {
    for theme in [
        Theme::plain(),
        Theme::new(&ThemeConfig::default(), ColorMode::TrueColor),
    ] {
        let mut s = State::new(Keymap::default(), theme);
        update(&mut s, Action::Resize(120, 40));
        update(&mut s, Msg::ArticlesLoaded(summaries()));
        press(&mut s, &["j", "enter", "n", "n"]);
        let t = render(&s);
        let buf = t.backend().buffer();
        let body = onrecord::tui::layout::inner(s.panes().body.unwrap());
        let blank = buf[(body.x + 10, body.y + body.height - 1)].clone();
        let mut marked = 0;
        for y in body.y..body.y + body.height {
            let c = &buf[(body.x, y)];
            if c.symbol() == "▌" {
                marked += 1;
            } else {
                // Not a stripe down the whole pane: a gutter cell off the current quote
                // looks like the empty text next to it.
                assert_eq!(
                    (c.bg, c.modifier),
                    (blank.bg, blank.modifier),
                    "gutter at row {y} is styled"
                );
            }
        }
        assert!(marked >= 1, "the current quote is marked");
    }
}

#[test]
fn wide_titles_and_bylines_keep_the_list_columns() {
    let mut s = State::new(Keymap::default(), Theme::plain());
    update(&mut s, Action::Resize(120, 40));
    let mut list = summaries();
    list[0].title = "東京で新しい橋が開通する日が来た、市民は喜ぶ".into();
    list[0].byline = vec!["山田 太郎".into()];
    list[0].quote_count = 7;
    update(&mut s, Msg::ArticlesLoaded(list));
    let text = screen_text(&s);
    let row = text
        .lines()
        .find(|l| l.contains("東京"))
        .expect("the CJK article is listed");
    let list = s.panes().list.unwrap();
    // The quote count stays at the right edge of the list, as on the other rows.
    let inside: String = {
        let mut w = 0;
        row.chars()
            .take_while(|c| {
                w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                w <= usize::from(list.width)
            })
            .collect()
    };
    assert!(
        inside.trim_end_matches(['┃', '│']).ends_with("  7"),
        "{inside:?}"
    );
    assert!(inside.contains("山田"), "{inside:?}");
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(inside.as_str()),
        usize::from(list.width)
    );
}

#[test]
fn counts_of_one_are_singular() {
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "school");
    press(&mut s, &["enter"]);
    let st = status(&s);
    assert!(st.contains(" 1 article ·"), "{st}");
}

//! Nothing panics at any terminal size, whatever the reader shows, and from 20x6 up the
//! screen still makes sense.

use crate::tui_fixtures;

use onrecord::tui::action::Action;
use onrecord::tui::state::State;
use onrecord::tui::update::update;
use tui_fixtures::*;

/// Reader states worth drawing: list, article at a quote, sidebar, reading mode, search
/// prompt, help, Speakers view, an article with a search and a mark.
fn states(w: u16, h: u16) -> Vec<State> {
    let mut out = Vec::new();
    let s = state(w, h);
    out.push(s.clone());
    let mut s = state(w, h);
    press(&mut s, &["j", "enter", "n", "n", "s"]);
    out.push(s.clone());
    press(&mut s, &["tab", "G", "enter"]);
    out.push(s.clone());
    press(&mut s, &["z"]);
    out.push(s.clone());
    press(&mut s, &["z", "shift-tab", "/"]);
    type_text(&mut s, "council");
    out.push(s.clone());
    press(&mut s, &["enter", "n"]);
    out.push(s.clone());
    let mut s = state(w, h);
    press(&mut s, &["?", "G"]);
    out.push(s);
    let mut s = state(w, h);
    press(&mut s, &["w", "enter", "j"]);
    out.push(s.clone());
    press(&mut s, &["enter"]);
    out.push(s);
    let mut s = state(w, h);
    press(&mut s, &["G", "enter", "G"]);
    out.push(s);
    out
}

#[test]
fn every_size_from_1x1_to_30x10() {
    for w in 1..=30u16 {
        for h in 1..=10u16 {
            for s in states(w, h) {
                let text = screen_text(&s);
                assert_eq!(text.lines().count(), usize::from(h));
            }
        }
    }
}

#[test]
fn resizing_an_open_article_down_to_nothing_and_back() {
    let mut s = state(120, 40);
    press(&mut s, &["j", "enter", "n", "n", "tab"]);
    for (w, h) in [
        (1, 1),
        (0, 0),
        (2, 1),
        (1, 3),
        (20, 6),
        (3, 2),
        (500, 200),
        (120, 40),
    ] {
        update(&mut s, Action::Resize(w, h));
        render(&s);
        // Every key still works at this size.
        press(
            &mut s,
            &[
                "n", "N", "s", "S", "]", "[", "j", "k", "pagedown", "pageup", "G", "g",
            ],
        );
        press(
            &mut s,
            &[
                "tab",
                "shift-tab",
                "h",
                "l",
                "enter",
                "i",
                "i",
                "e",
                "e",
                "z",
                "z",
            ],
        );
        render(&s);
    }
}

#[test]
fn twenty_by_six_is_usable() {
    let mut s = state(20, 6);
    let text = screen_text(&s);
    assert!(text.contains("New school"), "{text}");
    press(&mut s, &["enter", "n"]);
    let text = screen_text(&s);
    // The body takes the screen; the quote and the status are visible.
    assert!(text.contains("This is a"), "{text}");
    assert!(status(&s).contains("quote 1/2"), "{text}");
}

#[test]
fn very_wide_and_very_tall_terminals() {
    // Layout arithmetic must not overflow at any width (a 16-bit `w * 35` does past
    // 1872 columns).
    for (w, h) in [
        (1873, 30),
        (2979, 30),
        (u16::MAX, 3),
        (3, u16::MAX),
        (u16::MAX, u16::MAX),
    ] {
        for mut s in states(80, 24) {
            update(&mut s, Action::Resize(w, h));
            let p = s.panes();
            for r in [
                p.list,
                p.body,
                p.sidebar,
                p.speakers,
                p.speaker_quotes,
                p.status,
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    u32::from(r.x) + u32::from(r.width) <= u32::from(w)
                        && u32::from(r.y) + u32::from(r.height) <= u32::from(h),
                    "{r:?} outside {w}x{h}"
                );
            }
            // Draw what fits in a test buffer (the whole screen at the smaller sizes).
            if u32::from(w) * u32::from(h) <= 200_000 {
                let text = screen_text(&s);
                assert_eq!(text.lines().count(), usize::from(h));
            }
        }
    }
}

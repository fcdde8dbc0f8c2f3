//! Renaming and merging speakers in the Speakers view (`r`, `+`, `U`), through the keymap
//! and the update function.

use crate::tui_fixtures;

use onrecord::tui::effect::Effect;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::{PromptKind, Screen};
use onrecord::tui::update::update;
use tui_fixtures::*;

#[test]
fn r_renames_the_selected_speaker_through_a_prompt() {
    let mut s = state(120, 40);
    press(&mut s, &["r"]);
    assert!(s.prompt.is_none(), "only in the Speakers view");
    assert!(s.message.as_deref().unwrap().contains("Speakers view"));
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    press(&mut s, &["g", "r"]);
    let p = s.prompt.as_ref().unwrap();
    assert_eq!(
        (p.kind, p.text.as_str()),
        (PromptKind::RenameSpeaker, "Ana Ruiz")
    );
    assert!(screen_text(&s).contains("rename speaker to: Ana Ruiz"));
    press(&mut s, &["ctrl-u"]);
    type_text(&mut s, "Ana R. Ruiz");
    assert_eq!(
        press(&mut s, &["enter"]),
        vec![Effect::RenameSpeaker {
            from: "Ana Ruiz".into(),
            to: "Ana R. Ruiz".into()
        }]
    );
    // The same name, or none, changes nothing.
    press(&mut s, &["r"]);
    assert!(press(&mut s, &["enter"]).is_empty());
    assert_eq!(s.message.as_deref(), Some("name unchanged"));
}

#[test]
fn plus_twice_merges_the_first_speaker_into_the_second_and_u_undoes() {
    let mut s = state(120, 40);
    press(&mut s, &["w", "g", "j"]); // Tom Berg
    assert!(press(&mut s, &["+"]).is_empty());
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("merge Tom Berg into")
    );
    press(&mut s, &["k"]); // Ana Ruiz
    assert_eq!(
        press(&mut s, &["+"]),
        vec![Effect::RenameSpeaker {
            from: "Tom Berg".into(),
            to: "Ana Ruiz".into()
        }]
    );
    // + twice on one speaker cancels.
    press(&mut s, &["+"]);
    assert!(press(&mut s, &["+"]).is_empty());
    assert_eq!(s.message.as_deref(), Some("merge cancelled"));
    assert_eq!(press(&mut s, &["U"]), vec![Effect::UndoSpeakerEdit]);
}

#[test]
fn a_saved_edit_lists_the_speakers_again_on_the_name_it_is_about() {
    let mut s = state(120, 40);
    press(&mut s, &["enter", "w"]);
    let effects = update(
        &mut s,
        Msg::SpeakersEdited {
            message: "Tom Berg is shown as Ana Ruiz (U undoes)".into(),
            show: Some("Ana Ruiz".into()),
        },
    );
    assert!(effects.contains(&Effect::LoadSpeakers), "{effects:?}");
    assert!(effects.contains(&Effect::LoadArticles), "{effects:?}");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ReloadArticle(_))),
        "the open article's names: {effects:?}"
    );
    assert_eq!(s.speakers.pending_speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(
        s.message.as_deref(),
        Some("Tom Berg is shown as Ana Ruiz (U undoes)")
    );
    // A failed edit only says so.
    let effects = update(
        &mut s,
        Msg::SpeakersEdited {
            message: "cannot rename: x".into(),
            show: None,
        },
    );
    assert!(effects.is_empty());
}

//! The Speakers view follows its selection: moving in the list of speakers (keys, wheel,
//! click, filter) shows the selected speaker's quotes in the quotes pane at once, as
//! lazygit's panes do, without moving the focus; `Enter` then goes into their quotes.

use super::effect::Effect;
use super::state::{QUOTE_PAGE, Screen, SpeakersFocus, SpeakersView, State};

/// Asks for the first `limit` quotes of `speaker`, remembering that they were asked for.
pub fn ask_quotes(sv: &mut SpeakersView, speaker: String, limit: usize) -> Effect {
    sv.asked = Some(speaker.clone());
    Effect::LoadSpeakerQuotes { speaker, limit }
}

/// The quotes of the speaker selected in the list, when the quotes pane shows another's
/// and they have not been asked for yet. They arrive without taking the focus.
pub fn follow_selection(state: &mut State) -> Option<Effect> {
    if state.screen != Screen::Speakers || state.speakers.focus != SpeakersFocus::Names {
        return None;
    }
    let sv = &mut state.speakers;
    let name = sv.current()?.name.clone();
    let shown = sv.quotes.as_ref().is_some_and(|q| q.speaker == name);
    if shown || sv.asked.as_deref() == Some(name.as_str()) {
        return None;
    }
    sv.follow = Some(name.clone());
    Some(ask_quotes(sv, name, QUOTE_PAGE))
}

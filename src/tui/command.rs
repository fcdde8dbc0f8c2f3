//! Commands: what a key can be bound to.
//!
//! Each variant's snake_case name is its key in the `[keys]` config section and its name
//! in the help; the keymap table ([`super::keymap::table`]) lists them all.

use serde::{Deserialize, Serialize};

/// Something the user asks for with a key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    // Moving and scrolling.
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    // Focus and panes.
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Enter,
    Back,
    Quit,
    ToggleSidebar,
    SideKind,
    ReadingMode,
    ToggleHelp,
    SpeakersView,
    // Quotes and speakers.
    NextQuote,
    PrevQuote,
    NextSpeaker,
    PrevSpeaker,
    NextSameSpeaker,
    PrevSameSpeaker,
    ToggleIndirect,
    // Finding.
    Search,
    Filter,
    CycleSort,
    ReverseSort,
    // Speakers.
    RenameSpeaker,
    MergeSpeaker,
    UndoSpeakerEdit,
    // Marks.
    ToggleRead,
    MarkAllRead,
    UnreadOnly,
    ToggleStar,
    // The outside world.
    OpenUrl,
    CopyQuote,
    CopyUrl,
    OpenInEditor,
    OpenInPager,
    ExportQuotes,
    Suspend,

    // Editing the prompt line (filter, search): keys scoped to the prompt.
    PromptSubmit,
    PromptCancel,
    PromptBackspace,
    PromptDelete,
    PromptLeft,
    PromptRight,
    PromptStart,
    PromptEnd,
    PromptDeleteWord,
    PromptDeleteToStart,
    PromptDeleteToEnd,
}

impl Command {
    /// The config/help name of the command.
    pub fn name(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

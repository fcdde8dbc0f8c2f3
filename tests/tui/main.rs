//! The reader: key sequences through the keymap and the update function, what each view
//! shows (with insta snapshots), at every terminal size and on hostile data. One test
//! binary; each file is a module.

#[path = "../support/shared_data.rs"]
mod shared_data;
mod tui_fixtures;

mod tui_config;
mod tui_corpus;
mod tui_export;
mod tui_friction;
mod tui_list;
mod tui_marks;
mod tui_outside;
mod tui_panic;
mod tui_reducer;
mod tui_safety;
mod tui_sidebar_filter;
mod tui_sizes;
mod tui_snapshots;
mod tui_speaker_edit;

//! The reader: a terminal UI over the library.
//!
//! Input events become [`action::Action`]s through one [`keymap::Keymap`] table; the one
//! function [`state::update`] changes the [`state::State`] and returns
//! [`action::Effect`]s; [`view::draw`] draws from the state only; effects run on a worker
//! thread ([`app`]) and come back as actions. The screen is redrawn when something
//! changed, never on a timer.

pub mod action;
pub mod app;
pub mod body;
pub mod export;
pub mod fuzzy;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod marks;
pub mod order;
pub mod outside;
pub mod prompt;
pub mod side_filter;
pub mod sidebar;
pub mod snippet;
pub mod speaker_edit;
pub mod speakers;
pub mod state;
pub mod theme;
pub mod view;

pub use app::{Library, run};

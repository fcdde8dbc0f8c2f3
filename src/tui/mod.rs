//! The reader: a terminal UI over the library.
//!
//! Keys become [`command::Command`]s through one [`keymap::Keymap`] table (which also makes
//! the help); with terminal events and the worker's [`msg::Msg`]s they are
//! [`action::Action`]s, and the one function [`update::update`] changes the
//! [`state::State`] and returns [`effect::Effect`]s; [`view::draw`] draws from the state
//! only; effects run on a worker thread ([`app`]) and come back as messages. The screen is
//! redrawn when something changed, never on a timer.

pub mod action;
pub mod app;
pub mod body;
pub mod command;
pub mod effect;
pub mod export;
pub mod fuzzy;
pub mod keymap;
pub mod layout;
pub mod msg;
pub mod order;
pub mod outside;
pub mod prompt;
pub mod settings;
pub mod snippet;
pub mod speaker_edit;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

pub use app::{Library, run};

//! onrecord: a terminal reader for saved news articles that knows who said what.
//!
//! Layers, each in its own folder. The bottom ones are the `onrecord-core` crate (`core/`),
//! re-exported here under the same names, which cannot see the library, the reader or the
//! command line:
//! - [`article`]: reading files from disk into an [`article::Article`] (text, Markdown, HTML),
//!   with text hygiene on the way in.
//! - [`extract`]: pure, deterministic extraction of quotes, speakers and entities
//!   (text in, analysis out, no I/O).
//! - [`safe_text`]: the output policy (no control character, escape or bidi override
//!   leaves the program), at the bottom: every layer uses it.
//! - [`dates`]: dates read and shown one way.
//! - [`safe_open`]: opening files that may be anything (FIFOs, devices) without blocking.
//! - [`words`]: small helpers every layer shares (month and weekday names, character
//!   offsets, capitals).
//!
//! This crate holds the rest, from the bottom up (a module names only modules of its own
//! layer or below; `layers::no_module_names_a_layer_above_it` checks it):
//! 1. [`dirs`], [`log`]: where onrecord keeps its own files, and its log file.
//! 2. [`citation`] (the one citation formatter: reported speech never in quotation marks)
//!    and [`output`] (the JSON and text reports of `extract`).
//! 3. [`library`]: the on-disk index of a whole library (SQLite), scanning and queries, and
//!    reading newsboat's cache, which needs SQLite ([`library::sources`]); [`sample`], the
//!    bundled sample library.
//! 4. [`tui`]: the reader: actions, state, one update function, views; its own settings
//!    ([`tui::settings`]) are given to it.
//! 5. [`config`]: the TOML configuration, made of each layer's section.
//! 6. [`cli`]: the command line (and shell completion), a thin layer over the others.

// Messages go through `message!` (a closed stderr must not panic); outputs through
// locked writers whose errors end the output quietly.
#![deny(clippy::print_stderr, clippy::print_stdout)]

pub use onrecord_core::{article, dates, extract, message, safe_open, safe_text, words};

pub mod citation;
pub mod cli;
pub mod config;
pub mod dirs;
pub mod library;
pub mod log;
pub mod output;
pub mod sample;
pub mod tui;

#[cfg(test)]
mod layers;

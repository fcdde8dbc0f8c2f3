//! onrecord: a terminal reader for saved news articles that knows who said what.
//!
//! Layers, each in its own folder:
//! - [`article`]: reading files from disk into an [`article::Article`] (text, Markdown, HTML),
//!   with text hygiene on the way in.
//! - [`extract`]: pure, deterministic extraction of quotes, speakers and entities
//!   (text in, analysis out, no I/O).
//! - [`library`]: the on-disk index of a whole library (SQLite), scanning and queries.
//! - [`tui`]: the reader: actions, state, one update function, views.
//! - [`config`]: the TOML configuration.
//! - [`cli`]: the command line, a thin layer over the others.
//! - [`safe_text`]: the output policy (no control character, escape or bidi override
//!   leaves the program), at the bottom: every layer uses it.
//! - [`dates`] and [`citation`]: dates shown one way, and the one citation formatter
//!   (reported speech never in quotation marks), for the reader and the commands.
//! - [`safe_open`]: opening files that may be anything (FIFOs, devices) without blocking.
//! - [`words`]: small helpers every layer shares (month and weekday names, character
//!   offsets, capitals).

// Messages go through `message!` (a closed stderr must not panic); outputs through
// locked writers whose errors end the output quietly.
#![deny(clippy::print_stderr, clippy::print_stdout)]

pub mod article;
pub mod citation;
pub mod cli;
pub mod completion;
pub mod config;
pub mod dates;
pub mod extract;
pub mod library;
pub mod output;
pub mod safe_open;
pub mod safe_text;
pub mod sample;
pub mod tui;
pub mod words;

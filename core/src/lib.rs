//! onrecord's core: loading articles and extracting who said what from them.
//!
//! It knows nothing of the library (the SQLite index), the reader or the command line,
//! which live in the `onrecord` crate and re-export these modules.
//! - [`article`]: reading files from disk into an [`article::Article`] (text, Markdown,
//!   HTML, e-mail, feeds, books), with text hygiene on the way in. newsboat's cache is
//!   recognised here but read by the library, which holds the SQLite reader.
//! - [`extract`]: pure, deterministic extraction of quotes, speakers and entities
//!   (text in, analysis out, no I/O).
//! - [`safe_text`]: the output policy (no control character, escape or bidi override
//!   leaves the program), at the bottom: every layer uses it.
//! - [`dates`]: dates read and shown one way.
//! - [`safe_open`]: opening files that may be anything (FIFOs, devices) without blocking.
//! - [`words`]: small helpers every layer shares (month and weekday names, character
//!   offsets, capitals).

// Messages go through `message!` (a closed stderr must not panic); outputs through
// locked writers whose errors end the output quietly.
#![deny(clippy::print_stderr, clippy::print_stdout)]

pub mod article;
pub mod dates;
pub mod extract;
pub mod safe_open;
pub mod safe_text;
pub mod words;

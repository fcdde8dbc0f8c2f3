//! The reader: a terminal UI over the library.

pub mod keymap;
pub mod sanitize;
pub mod theme;

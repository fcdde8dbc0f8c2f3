//! The command line through the real binary: `extract`, the library commands, the config
//! file, and the README's Safety promises attacked end to end. One test binary; each file
//! is a module.

#[path = "../support/shared_data.rs"]
mod shared_data;
#[path = "../support/library.rs"]
mod support;

mod cli;
mod config;
mod library_cli;
mod safety;

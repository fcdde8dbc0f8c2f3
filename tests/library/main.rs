//! The library index and store: incremental indexing, marks, merged and renamed speakers,
//! and a library that is never written. One test binary; each file is a module.

#[path = "../support/library.rs"]
mod support;

mod library_index;
mod marks;
mod nothing_lost;
mod speaker_aliases;

//! What one job of an indexing run is and what it sends the writer: the file to read, what
//! became of it, and the bytes of the budget it holds until written. Shared by the jobs of
//! files read whole ([`super::jobs`]) and of mailboxes read as a stream
//! ([`super::mbox_stream`]).

use super::budget::Permit;
use crate::library::db::{IndexedFile, Record};
use std::path::Path;

/// A file to load and analyze; the path is borrowed from the scan (a 100k library would
/// otherwise hold every path twice during a run).
pub(super) struct Job<'a> {
    pub(super) path: &'a Path,
    pub(super) size: i64,
    pub(super) mtime: i64,
    pub(super) known: Option<IndexedFile>,
}

/// What a worker sends the writer: a file's record (or a part of one), what the file did,
/// why articles of it were left out, and the bytes of the budget it holds until written.
pub(super) struct Done<'b> {
    pub(super) record: Record,
    pub(super) outcome: Outcome,
    pub(super) left_out: Vec<String>,
    pub(super) permit: Permit<'b>,
}

/// The path a record is for.
pub(super) fn record_path(record: &Record) -> std::path::PathBuf {
    match record {
        Record::Indexed { path, .. }
        | Record::Touched { path, .. }
        | Record::Items { path, .. }
        | Record::Failed { path, .. } => path.clone(),
        Record::Part { records } => records.first().map(record_path).unwrap_or_default(),
    }
}

pub(super) enum Outcome {
    New,
    Changed,
    Reextracted,
    Unchanged,
    Failed(String),
    /// A part of a file indexed as a stream (an mbox); its last record tells the rest.
    Part,
}

impl From<crate::library::items::ItemsOutcome> for Outcome {
    fn from(o: crate::library::items::ItemsOutcome) -> Outcome {
        use crate::library::items::ItemsOutcome;
        match o {
            ItemsOutcome::New => Outcome::New,
            ItemsOutcome::Changed => Outcome::Changed,
            ItemsOutcome::Unchanged => Outcome::Unchanged,
            ItemsOutcome::Failed(m) => Outcome::Failed(m),
        }
    }
}

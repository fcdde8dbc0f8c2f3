//! The SQLite index: one database file (WAL mode) outside the library folders holds, per
//! article: path, size, mtime, blake3 hash, extractor version, metadata, body, analysis,
//! quotes, entities and reading state, plus an FTS5 index over title and body and a speaker
//! table with counts. Every write happens in a transaction (`BEGIN IMMEDIATE`), so a killed
//! process leaves the index as of its last committed batch, and other processes wait for the
//! lock (`busy_timeout`) instead of failing.
//!
//! - `schema`: the schema version and its migrations;
//! - `open`: opening (with corruption recovery) and the errors SQLite reports;
//! - `write`: what the indexer reads back and the batches it writes;
//! - `prepare`: the rows of one article, computed off the writer thread.
//!
//! Nothing here prints: what a caller should tell the user comes back as notices or errors.

mod open;
mod prepare;
mod schema;
mod write;

pub use open::{BUSY_TIMEOUT, DEFAULT_CACHE_MIB};
pub(crate) use open::{damaged_hint, explain_full, is_corruption, is_inconsistent, move_aside};
pub use prepare::{Prepared, pack_analysis, prepare, unpack_analysis};
pub use schema::{MIGRATIONS, SCHEMA_VERSION};
pub use write::Batch;

use crate::article::Format;
use crate::extract::{EntityKind, QuoteKind, SpeakerKind};
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the index knows about one file, to decide whether it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedFile {
    pub id: i64,
    pub size: i64,
    pub mtime: i64,
    pub hash: [u8; 32],
    pub extractor: u32,
    /// For a file of many articles: each item's key, with the hash of its bytes and the
    /// extractor version that analysed it.
    pub items: HashMap<String, ([u8; 32], u32)>,
}

/// One file's result, ready to be written.
#[derive(Debug)]
pub enum Record {
    /// Loaded and analyzed.
    Indexed {
        path: PathBuf,
        /// The article's key inside its file ('' for a file of one article).
        item: String,
        size: i64,
        mtime: i64,
        hash: [u8; 32],
        extractor: u32,
        prepared: Box<Prepared>,
    },
    /// Same content as indexed; only size/mtime changed.
    Touched {
        path: PathBuf,
        size: i64,
        mtime: i64,
    },
    /// A file of many articles: its items' records, then every other item of the file
    /// leaves the index.
    Items {
        path: PathBuf,
        records: Vec<Record>,
        keep: std::collections::HashSet<String>,
    },
    /// A part of a file of many articles indexed as a stream: its items' records, written
    /// as they are (the file's last part is an [`Record::Items`]).
    Part { records: Vec<Record> },
    /// Could not be loaded; remembered so it is not retried until it changes.
    Failed {
        path: PathBuf,
        size: i64,
        mtime: i64,
        message: String,
    },
}

/// An open index database.
pub struct Index {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

/// The bytes a path is stored as (exact, also for non-UTF-8 names).
pub fn path_key(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().as_bytes().to_vec()
    }
}

/// The path stored as `bytes`.
pub fn path_from_key(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// A reading-state column.
#[derive(Debug, Clone, Copy)]
pub enum Flag {
    Read,
    Starred,
}

pub(crate) fn quote_kind_from(s: &str) -> QuoteKind {
    match s {
        "partial" => QuoteKind::Partial,
        "indirect" => QuoteKind::Indirect,
        _ => QuoteKind::Direct,
    }
}

pub(crate) fn speaker_kind_str(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Group => "group",
        SpeakerKind::Document => "document",
        SpeakerKind::Unknown => "unknown",
    }
}

pub(crate) fn speaker_kind_from(s: &str) -> SpeakerKind {
    match s {
        "person" => SpeakerKind::Person,
        "organization" => SpeakerKind::Organization,
        "group" => SpeakerKind::Group,
        "document" => SpeakerKind::Document,
        _ => SpeakerKind::Unknown,
    }
}

fn entity_kind_str(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn format_str(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Mhtml => "mhtml",
        Format::Email => "email",
        Format::Mbox => "mbox",
        Format::Feed => "feed",
        Format::Epub => "epub",
        Format::Newsboat => "newsboat",
    }
}

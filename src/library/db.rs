//! The SQLite index: schema, migrations, opening (with corruption recovery), and the
//! writes the indexer makes.
//!
//! One database file (WAL mode) outside the library folders holds, per article: path, size,
//! mtime, blake3 hash, extractor version, metadata, body, analysis, quotes, entities and
//! reading state, plus an FTS5 index over title and body and a speaker table with counts.
//! Every write happens in a transaction (`BEGIN IMMEDIATE`), so a killed process leaves the
//! index as of its last committed batch, and other processes wait for the lock
//! (`busy_timeout`) instead of failing.

use super::speaker;
use crate::article::{Article, Format};
use crate::extract::{Analysis, EntityKind, QuoteKind, SpeakerKind};
use anyhow::Context;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 6;

/// SQLite page cache per connection, MiB.
pub const DEFAULT_CACHE_MIB: u32 = 16;

/// How long a connection waits for another process's write lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Migrations, in order: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1
    r#"
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash BLOB NOT NULL,
    extractor INTEGER NOT NULL,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT NOT NULL,
    date TEXT,
    quote_count INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL
);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    meta TEXT NOT NULL,
    analysis TEXT NOT NULL,
    warnings TEXT NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, content='docs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TABLE quotes(
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    cstart INTEGER NOT NULL,
    cend INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_kind TEXT NOT NULL,
    local_key TEXT,
    speaker_key TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes(speaker_key);
CREATE INDEX quotes_by_local ON quotes(local_key);
CREATE INDEX quotes_moved ON quotes(local_key, speaker_key) WHERE speaker_key <> local_key;
CREATE TABLE entities(
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX entities_by_key ON entities(name_key);
CREATE TABLE aliases(
    article_id INTEGER NOT NULL,
    alias_key TEXT NOT NULL,
    full_key TEXT NOT NULL,
    PRIMARY KEY (article_id, alias_key, full_key)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases(alias_key);
CREATE TABLE speakers(
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_exact INTEGER NOT NULL,
    kind TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX speakers_by_quotes ON speakers(quotes DESC);
CREATE TABLE failures(
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    message TEXT NOT NULL
) WITHOUT ROWID;
"#,
    // v2: analyses are stored compressed (zlib JSON, in the `analysis` column whatever its
    // declared type). Stored content is dropped and every article re-indexed on the next
    // run; ids and reading state are kept.
    r#"
DROP INDEX quotes_by_local;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
DROP TRIGGER docs_ad;
DROP TRIGGER docs_au;
DELETE FROM docs;
INSERT INTO fts(fts) VALUES ('delete-all');
CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
DELETE FROM quotes;
DELETE FROM entities;
DELETE FROM aliases;
DELETE FROM speakers;
DELETE FROM failures;
UPDATE articles SET size = -1, mtime = -1, hash = x'', extractor = -1, quote_count = 0;
"#,
    // v3: full-text index tuned for bulk writes (nothing is re-indexed). The insert trigger
    // goes: a statement that fires a trigger opens a statement savepoint, and FTS5 flushes
    // its pending terms to a new segment at every savepoint, i.e. one segment per article,
    // all merged again later. The writer now inserts the batch's rows into `fts` itself at
    // the end of the batch (one segment per transaction). Merging 8 segments at a time
    // instead of 4 rewrites each posting fewer times (crisismerge still bounds the segments
    // per level), and a larger in-memory term hash lets a whole batch fit before a flush.
    r#"
INSERT INTO fts(fts, rank) VALUES ('automerge', 8);
INSERT INTO fts(fts, rank) VALUES ('hashsize', 8388608);
DROP TRIGGER docs_ai;
"#,
    // v4: quote rows carry their article's date ('' when undated) and the speaker index is
    // in library order (speaker, date, article, position), so a page of a speaker's quotes
    // is read off the index in order instead of sorting all of them (0.6 s -> a few ms for
    // a speaker with 143k quotes).
    r#"
ALTER TABLE quotes ADD COLUMN adate TEXT NOT NULL DEFAULT '';
UPDATE quotes SET adate = coalesce((SELECT date FROM articles a WHERE a.id = quotes.article_id), '');
DROP INDEX quotes_by_speaker;
CREATE INDEX quotes_by_speaker ON quotes(speaker_key, adate, article_id, start);
"#,
    // v5: an article is a file and an item key inside it ('' for a file of one article; a
    // message's key in an mbox), so one file can hold many articles. Rows, ids and reading
    // state are kept; the table is rebuilt because SQLite cannot widen a UNIQUE constraint.
    r#"
CREATE TABLE articles_v5(
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL,
    item TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash BLOB NOT NULL,
    extractor INTEGER NOT NULL,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT NOT NULL,
    date TEXT,
    quote_count INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL,
    UNIQUE(path, item)
);
INSERT INTO articles_v5(id, path, item, size, mtime, hash, extractor, format, title, byline,
    date, quote_count, read, starred, indexed_at)
    SELECT id, path, '', size, mtime, hash, extractor, format, title, byline, date,
    quote_count, read, starred, indexed_at FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v5 RENAME TO articles;
"#,
    // v6: the user's state beside the index. Read and starred marks of libraries that are
    // not indexed (the bundled sample), by path (indexed articles keep theirs in
    // `articles`); the speakers the user merged or renamed, in order (library::aliases).
    r#"
CREATE TABLE marks(
    path BLOB PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE speaker_edits(
    seq INTEGER PRIMARY KEY,
    from_name TEXT NOT NULL,
    to_name TEXT NOT NULL,
    made INTEGER NOT NULL
);
"#,
];

/// What the index knows about one file, to decide whether it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
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
        keep: Vec<String>,
    },
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

/// Whether SQLite said the file is damaged or not a database.
pub(crate) fn is_corruption(e: &anyhow::Error) -> bool {
    has_sqlite_code(e, &[ErrorCode::DatabaseCorrupt, ErrorCode::NotADatabase])
}

/// Whether SQLite refused a write as breaking a key the index keeps itself ("constraint
/// failed", e.g. 1555): the index no longer matches itself (a WAL left over from another
/// copy of the database), so it cannot be trusted.
pub(crate) fn is_inconsistent(e: &anyhow::Error) -> bool {
    has_sqlite_code(e, &[ErrorCode::ConstraintViolation])
}

/// "database or disk is full" says which disk: the one holding the index at `path`.
pub(crate) fn explain_full(e: anyhow::Error, path: &Path) -> anyhow::Error {
    if has_sqlite_code(&e, &[ErrorCode::DiskFull]) {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        e.context(format!(
            "no room to write the index {}: the disk holding {} is full; free space there or \
             choose another --index (or library.index)",
            crate::safe_text::one_line(&path.display().to_string(), 500),
            crate::safe_text::one_line(&dir.display().to_string(), 500)
        ))
    } else {
        e
    }
}

/// What a query says when it meets a damaged index.
pub(crate) fn damaged_hint(path: &Path) -> String {
    format!(
        "the index {} is damaged; `onrecord index --check` moves it aside and rebuilds it",
        crate::safe_text::one_line(&path.display().to_string(), 500)
    )
}

/// Whether SQLite reported one of `codes` anywhere in the error's chain.
fn has_sqlite_code(e: &anyhow::Error, codes: &[ErrorCode]) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<rusqlite::Error>()
            .and_then(|e| e.sqlite_error_code())
            .is_some_and(|c| codes.contains(&c))
    })
}

/// Whether the error is SQLite's "database is busy/locked" (another connection holds a lock).
fn is_busy(e: &anyhow::Error) -> bool {
    has_sqlite_code(e, &[ErrorCode::DatabaseBusy, ErrorCode::DatabaseLocked])
}

/// Moves a corrupt database (and its WAL and shared-memory files) aside; returns the new name.
pub(crate) fn move_aside(path: &Path) -> anyhow::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".corrupt-{stamp}"));
    let aside = PathBuf::from(name);
    std::fs::rename(path, &aside)
        .with_context(|| format!("cannot move corrupt index {} aside", path.display()))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            let mut to = aside.as_os_str().to_owned();
            to.push(suffix);
            let _ = std::fs::rename(&side, PathBuf::from(to));
        }
    }
    Ok(aside)
}

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What is at an index path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtPath {
    Nothing,
    /// An empty file (SQLite creates the file before it writes the first page).
    Empty,
    /// A file that starts with SQLite's header.
    Database,
}

/// Looks at what is at `path` without changing it and without blocking: nothing, an empty
/// file, or an SQLite database. Anything else (a file of another kind, a FIFO, a folder, a
/// symlink that leads nowhere) is an error, and the file is left as it is.
fn at_path(path: &Path) -> anyhow::Result<AtPath> {
    use std::io::Read;
    let shown = || crate::safe_text::one_line(&path.display().to_string(), 500);
    let mut attempts = 0;
    let file = loop {
        attempts += 1;
        match crate::safe_open::open_regular(path) {
            Ok(f) => break f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match std::fs::symlink_metadata(path) {
                    Err(_) => return Ok(AtPath::Nothing),
                    // SQLite would create the link's target, wherever that is.
                    Ok(m) if m.file_type().is_symlink() => anyhow::bail!(
                        "{} is a symbolic link to nothing; refusing to create an index through it",
                        shown()
                    ),
                    // Created in between (another instance opening the same new index).
                    Ok(_) if attempts < 3 => continue,
                    Ok(_) => anyhow::bail!("cannot use {} as the index: {e}", shown()),
                }
            }
            Err(e) => anyhow::bail!("cannot use {} as the index: {e}", shown()),
        }
    };
    let mut head = Vec::with_capacity(SQLITE_HEADER.len());
    file.take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut head)
        .with_context(|| format!("cannot read the index {}", shown()))?;
    if head.is_empty() {
        Ok(AtPath::Empty)
    } else if head == SQLITE_HEADER {
        Ok(AtPath::Database)
    } else {
        anyhow::bail!(
            "{} is not an onrecord index (not an SQLite database); it was left as it is: \
             give --index (or library.index) a new file or an existing index",
            shown()
        )
    }
}

impl Index {
    /// Opens (creating if needed) the index at `path`, migrating its schema. A file at `path`
    /// that is not an SQLite database is refused and never touched. A database that SQLite
    /// reports as corrupt is moved aside and a new one created; the returned notices say so.
    /// With `check`, also runs `PRAGMA quick_check` (slow on big indexes: the `index` command
    /// does it, the reader does not).
    pub fn open(path: &Path, check: bool) -> anyhow::Result<(Index, Vec<String>)> {
        let mut notices = Vec::new();
        let found = at_path(path)?;
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create index folder {}", dir.display()))?;
        }
        match Index::open_inner(path, check, true) {
            Ok(ix) => Ok((ix, notices)),
            Err(e) if is_corruption(&e) && found == AtPath::Database => {
                let aside = move_aside(path)?;
                notices.push(format!(
                    "the index {} was corrupt ({}); moved it to {} and rebuilding",
                    path.display(),
                    crate::safe_text::one_line(&format!("{e:#}"), 300),
                    aside.display()
                ));
                let ix = Index::open_inner(path, false, true)?;
                Ok((ix, notices))
            }
            Err(e) => Err(e),
        }
    }

    /// Opens with retries: switching a new database to WAL and the first migration can get
    /// `SQLITE_BUSY` from SQLite without its busy handler being consulted (it refuses to wait
    /// where waiting could deadlock), so another instance opening the same index at the same
    /// moment must not be an error. Retries until [`BUSY_TIMEOUT`].
    fn open_inner(path: &Path, check: bool, create: bool) -> anyhow::Result<Index> {
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        let mut pause = Duration::from_millis(5);
        loop {
            match Index::open_once(path, check, create) {
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }

    fn open_once(path: &Path, check: bool, create: bool) -> anyhow::Result<Index> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("cannot open index {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .with_context(|| format!("cannot open index {}", path.display()))?;
        let _ = mode;
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=4000;",
        )?;
        let mut ix = Index {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        };
        ix.set_cache_mib(DEFAULT_CACHE_MIB)?;
        ix.migrate()
            .with_context(|| format!("cannot prepare index {}", path.display()))?;
        if check {
            ix.quick_check()?;
        }
        Ok(ix)
    }

    /// Opens an existing index for queries only; works when the database or its folder is
    /// read-only. Falls back to a read-only connection when a writable one cannot be had.
    /// Never creates, moves or replaces anything: a missing index, a file that is not an
    /// SQLite database and a damaged index are errors that say so.
    pub fn open_existing(path: &Path) -> anyhow::Result<Index> {
        let shown = || crate::safe_text::one_line(&path.display().to_string(), 500);
        match at_path(path)? {
            AtPath::Nothing => {
                anyhow::bail!("no index at {}: run `onrecord index` first", shown())
            }
            AtPath::Empty => {
                anyhow::bail!("the index {} is empty: run `onrecord index` first", shown())
            }
            AtPath::Database => {}
        }
        match Index::open_inner(path, false, false) {
            Ok(ix) => Ok(ix),
            Err(e) if is_corruption(&e) => Err(e.context(damaged_hint(path))),
            Err(e) => {
                let conn = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .with_context(|| format!("cannot open index {}", path.display()))?;
                conn.busy_timeout(BUSY_TIMEOUT)?;
                let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                if version != SCHEMA_VERSION {
                    return Err(e.context("the read-only index has another schema version"));
                }
                Ok(Index {
                    conn,
                    path: path.to_path_buf(),
                    read_only: true,
                })
            }
        }
    }

    /// Gives back the memory of this connection's page cache (after a read of a whole table,
    /// which fills it; the next queries refill what they need).
    pub fn release_memory(&self) {
        let _ = self
            .conn
            .query_row("PRAGMA shrink_memory", [], |_| Ok(()))
            .optional();
    }

    /// Sets this connection's page cache size.
    pub fn set_cache_mib(&self, mib: u32) -> anyhow::Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -(i64::from(mib) * 1024))?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this connection cannot write.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The underlying connection (queries).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    fn migrate(&mut self) -> anyhow::Result<()> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            anyhow::bail!(
                "the index has schema version {version}, newer than this onrecord ({SCHEMA_VERSION}); \
                 use a newer onrecord or another --index"
            );
        }
        if version == SCHEMA_VERSION {
            // Touch the schema so a damaged file is noticed now, not mid-query.
            self.conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                    r.get::<_, i64>(0)
                })?;
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)
                .with_context(|| format!("migration {} -> {}", i, i + 1))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes the write-ahead log into the database and empties it (`PRAGMA
    /// wal_checkpoint(TRUNCATE)`); does nothing more while another connection reads.
    pub fn truncate_wal(&self) -> anyhow::Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// `PRAGMA quick_check`: errors when the database is damaged.
    pub fn quick_check(&self) -> anyhow::Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if rows.len() == 1 && rows[0] == "ok" {
            Ok(())
        } else {
            Err(anyhow::Error::new(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(rows.join("; ")),
            )))
        }
    }

    /// Every indexed file with what is needed to tell whether it changed.
    /// Reads the whole `articles` table; releases the page cache it filled afterwards.
    pub fn known(&self) -> anyhow::Result<HashMap<PathBuf, Known>> {
        let out = self.known_rows();
        self.release_memory();
        out
    }

    fn known_rows(&self) -> anyhow::Result<HashMap<PathBuf, Known>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, id, size, mtime, hash, extractor, item FROM articles")?;
        let mut out: HashMap<PathBuf, Known> = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let path: Vec<u8> = r.get(0)?;
            let hash: Vec<u8> = r.get(4)?;
            let mut h = [0u8; 32];
            if hash.len() == 32 {
                h.copy_from_slice(&hash);
            }
            let extractor = r.get::<_, i64>(5)? as u32;
            let item: String = r.get(6)?;
            let known = out.entry(path_from_key(&path)).or_insert_with(|| Known {
                id: r.get(1).unwrap_or_default(),
                size: r.get(2).unwrap_or_default(),
                mtime: r.get(3).unwrap_or_default(),
                hash: h,
                extractor,
                items: HashMap::new(),
            });
            // The file counts as analysed by the oldest extractor of its items.
            known.extractor = known.extractor.min(extractor);
            if !item.is_empty() {
                known.items.insert(item, (h, extractor));
            }
        }
        Ok(out)
    }

    /// Files that failed to load, with the size and mtime they had then and the message.
    pub fn known_failures(&self) -> anyhow::Result<HashMap<PathBuf, (i64, i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime, message FROM failures")?;
        let mut out = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let path: Vec<u8> = r.get(0)?;
            out.insert(path_from_key(&path), (r.get(1)?, r.get(2)?, r.get(3)?));
        }
        Ok(out)
    }

    /// Starts a transaction that records are written into one at a time as they arrive, so
    /// a bulk run never holds more than the records in flight (see [`Batch`]).
    pub fn begin_batch(&self) -> anyhow::Result<Batch<'_>> {
        // `new_unchecked` borrows the connection shared; a connection runs one transaction at
        // a time and SQLite refuses a nested BEGIN, so this cannot interleave unnoticed.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('aliases_pending', '1')",
        )?
        .execute([])?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Ok(Batch {
            tx,
            now,
            fts_rows: Vec::new(),
            written: 0,
        })
    }
    /// Removes files (and everything under them, for folders) from the index.
    pub fn remove_paths(&mut self, paths: &[PathBuf]) -> anyhow::Result<usize> {
        if paths.is_empty() {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('aliases_pending', '1')",
        )?
        .execute([])?;
        let mut n = 0;
        for p in paths {
            let key = path_key(p);
            if remove_article(&tx, &key)? {
                n += 1;
            }
            tx.prepare_cached("DELETE FROM failures WHERE path = ?")?
                .execute([&key])?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Applies the library-wide alias rule (see [`speaker`]): one-word speakers join the one
    /// full name the library's evidence points to, and leave it when the evidence is gone.
    /// Recounts the speakers it moves quotes between.
    pub fn resolve_aliases(&mut self) -> anyhow::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Every speaker key by its shorter forms ("merkel" -> {"angela merkel"}).
        let mut by_suffix: HashMap<String, BTreeSet<String>> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT key FROM speakers WHERE key LIKE '% %'")?;
            let keys = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for k in keys {
                let k = k?;
                for suffix in speaker::suffixes(&k) {
                    by_suffix
                        .entry(suffix.to_string())
                        .or_default()
                        .insert(k.clone());
                }
            }
        }
        let mut evidence: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        {
            let mut stmt = tx.prepare("SELECT DISTINCT alias_key, full_key FROM aliases")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (a, f) = row?;
                evidence.entry(a).or_default().insert(f);
            }
        }
        // A short form goes to a full name when some article says it is that person's alias,
        // no article says it is someone else's, and no other speaker's name ends with it.
        let mut target: HashMap<String, String> = HashMap::new();
        for (alias, fulls) in &evidence {
            if fulls.len() != 1 {
                continue;
            }
            let full = fulls.iter().next().cloned().unwrap_or_default();
            let others = by_suffix
                .get(alias)
                .map(|s| s.iter().any(|k| *k != full))
                .unwrap_or(false);
            if !others {
                target.insert(alias.clone(), full);
            }
        }
        let mut touched: BTreeSet<String> = BTreeSet::new();
        // Quotes currently moved whose move is no longer supported go back.
        {
            let mut stmt = tx.prepare(
                "SELECT DISTINCT local_key, speaker_key FROM quotes \
                 WHERE speaker_key <> local_key",
            )?;
            let moved: Vec<(String, String)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (local, now) in moved {
                if target.get(&local) != Some(&now) {
                    tx.execute(
                        "UPDATE quotes SET speaker_key = local_key \
                         WHERE local_key = ? AND speaker_key = ?",
                        params![local, now],
                    )?;
                    touched.insert(local);
                    touched.insert(now);
                }
            }
        }
        for (alias, full) in &target {
            let n = tx.execute(
                "UPDATE quotes SET speaker_key = ?1 WHERE speaker_key = ?2 AND local_key = ?2",
                params![full, alias],
            )?;
            if n > 0 {
                touched.insert(alias.clone());
                touched.insert(full.clone());
            }
        }
        for key in &touched {
            recount_speaker(&tx, key)?;
        }
        tx.execute("DELETE FROM meta WHERE key = 'aliases_pending'", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Whether a run wrote articles without resolving aliases afterwards (it was cancelled
    /// or killed): the next run resolves them even when no file changed.
    pub fn aliases_pending(&self) -> anyhow::Result<bool> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'aliases_pending'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.as_deref() == Some("1"))
    }

    /// Marks an article read or unread.
    pub fn set_flag(&self, id: i64, column: Flag, value: bool) -> anyhow::Result<()> {
        let sql = match column {
            Flag::Read => "UPDATE articles SET read = ? WHERE id = ?",
            Flag::Starred => "UPDATE articles SET starred = ? WHERE id = ?",
        };
        let n = self.conn.execute(sql, params![value as i64, id])?;
        if n == 0 {
            anyhow::bail!("no article with id {id}");
        }
        Ok(())
    }
}

/// An open write transaction of the indexer. Dropping it without [`Batch::commit`] rolls
/// everything in it back.
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
    now: i64,
    /// Full-text rows go in at commit, together: see migration v3.
    fts_rows: Vec<(i64, String, String)>,
    written: usize,
}

impl Batch<'_> {
    /// Writes one file's result.
    pub fn write(&mut self, rec: Record) -> anyhow::Result<()> {
        let tx = &self.tx;
        match rec {
            Record::Touched { path, size, mtime } => {
                tx.prepare_cached("UPDATE articles SET size = ?, mtime = ? WHERE path = ?")?
                    .execute(params![size, mtime, path_key(&path)])?;
            }
            Record::Failed {
                path,
                size,
                mtime,
                message,
            } => {
                remove_article(tx, &path_key(&path))?;
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO failures(path, size, mtime, message) VALUES (?,?,?,?)",
                )?
                .execute(params![path_key(&path), size, mtime, message])?;
            }
            Record::Indexed {
                path,
                item,
                size,
                mtime,
                hash,
                extractor,
                prepared,
            } => {
                let at = Stored {
                    path: &path,
                    item: &item,
                    size,
                    mtime,
                    hash: &hash,
                    extractor,
                };
                let id = write_article(tx, &at, &prepared, self.now)?;
                let Prepared { title, body, .. } = *prepared;
                self.fts_rows.push((id, title, body));
            }
            Record::Items {
                path,
                records,
                keep,
            } => {
                for r in records {
                    self.write(r)?;
                }
                remove_items_except(&self.tx, &path_key(&path), &keep)?;
                self.tx
                    .prepare_cached("DELETE FROM failures WHERE path = ?")?
                    .execute([path_key(&path)])?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Records written so far.
    pub fn len(&self) -> usize {
        self.written
    }

    /// Whether nothing was written yet.
    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Adds the full-text rows and commits.
    pub fn commit(self) -> anyhow::Result<()> {
        {
            let mut insert_fts = self
                .tx
                .prepare_cached("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)")?;
            for (id, title, body) in &self.fts_rows {
                insert_fts.execute(params![id, title, body])?;
            }
        }
        self.tx.commit()?;
        Ok(())
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

/// Removes a file's articles (all its items) and their rows; keeps speaker counts right.
/// Returns whether it had any.
fn remove_article(tx: &Connection, path: &[u8]) -> anyhow::Result<bool> {
    Ok(remove_items_except(tx, path, &[])? > 0)
}

/// Removes the articles of a file whose item key is not in `keep`; returns how many.
fn remove_items_except(tx: &Connection, path: &[u8], keep: &[String]) -> anyhow::Result<usize> {
    let rows: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, item FROM articles WHERE path = ?")?
        .query_map([path], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for (id, item) in rows {
        if keep.contains(&item) {
            continue;
        }
        clear_article_rows(tx, id)?;
        tx.prepare_cached("DELETE FROM docs WHERE id = ?")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM articles WHERE id = ?")?
            .execute([id])?;
        n += 1;
    }
    Ok(n)
}

/// Where an article is stored and what it was read from.
struct Stored<'a> {
    path: &'a Path,
    item: &'a str,
    size: i64,
    mtime: i64,
    hash: &'a [u8; 32],
    extractor: u32,
}

/// Deletes an article's quotes, entities and aliases, subtracting its quotes from speakers.
fn clear_article_rows(tx: &Connection, id: i64) -> anyhow::Result<()> {
    let counts: Vec<(String, i64)> = tx
        .prepare_cached(
            "SELECT speaker_key, count(*) FROM quotes \
             WHERE article_id = ? AND speaker_key IS NOT NULL GROUP BY speaker_key",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (key, n) in counts {
        tx.prepare_cached(
            "UPDATE speakers SET quotes = quotes - ?, articles = articles - 1 WHERE key = ?",
        )?
        .execute(params![n, key])?;
    }
    tx.prepare_cached("DELETE FROM speakers WHERE quotes <= 0")?
        .execute([])?;
    tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM entities WHERE article_id = ?")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM aliases WHERE article_id = ?")?
        .execute([id])?;
    Ok(())
}

/// Recounts one speaker from its quotes (after quotes moved between keys).
fn recount_speaker(tx: &Connection, key: &str) -> anyhow::Result<()> {
    let (quotes, articles): (i64, i64) = tx.query_row(
        "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker_key = ?",
        [key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if quotes == 0 {
        tx.execute("DELETE FROM speakers WHERE key = ?", [key])?;
        return Ok(());
    }
    let names: Vec<(String, String, i64)> = tx
        .prepare(
            "SELECT speaker, speaker_kind, count(*) c FROM quotes WHERE speaker_key = ? \
             AND speaker IS NOT NULL GROUP BY speaker, speaker_kind ORDER BY c DESC",
        )?
        .query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let exact = names.iter().find(|(n, _, _)| speaker::key(n) == key);
    let (name, kind, is_exact) = match exact.or(names.first()) {
        Some((n, k, _)) => (n.clone(), k.clone(), exact.is_some()),
        None => (key.to_string(), "unknown".to_string(), false),
    };
    tx.execute(
        "INSERT INTO speakers(key, name, name_exact, kind, quotes, articles) VALUES (?,?,?,?,?,?) \
         ON CONFLICT(key) DO UPDATE SET name = excluded.name, name_exact = excluded.name_exact, \
         kind = excluded.kind, quotes = excluded.quotes, articles = excluded.articles",
        params![key, name, is_exact as i64, kind, quotes, articles],
    )?;
    Ok(())
}

/// One quote row.
#[derive(Debug)]
struct QuoteRow {
    kind: &'static str,
    start: i64,
    end: i64,
    cstart: i64,
    cend: i64,
    text: String,
    speaker: Option<String>,
    speaker_kind: &'static str,
    key: Option<String>,
}

/// Everything written for one article, computed off the writer thread ([`prepare`]).
#[derive(Debug)]
pub struct Prepared {
    format: &'static str,
    title: String,
    byline: String,
    date: Option<String>,
    body: String,
    meta: String,
    analysis: Vec<u8>,
    warnings: String,
    quotes: Vec<QuoteRow>,
    /// (kind, name, key, mentions)
    entities: Vec<(&'static str, String, String, i64)>,
    aliases: Vec<(String, String)>,
    /// (key, quotes, shown name, name is the full form, kind)
    speakers: Vec<(String, i64, String, bool, &'static str)>,
    /// The reading state the source gives (newsboat's unread flag), stored as the
    /// article's.
    read: Option<bool>,
}

impl Prepared {
    /// With the reading state the article's source gives it.
    pub fn with_read(mut self, read: Option<bool>) -> Prepared {
        self.read = read;
        self
    }
}

thread_local! {
    /// One deflate state per worker thread: a new one allocates and clears several hundred KB
    /// of tables, which cost more than compressing a typical analysis.
    static DEFLATE: std::cell::RefCell<flate2::Compress> =
        std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::fast(), true));
}

/// Serializes an analysis for storage: zlib-compressed JSON.
pub fn pack_analysis(analysis: &Analysis) -> anyhow::Result<Vec<u8>> {
    let json = serde_json::to_vec(analysis)?;
    DEFLATE.with(|z| {
        let mut z = z.borrow_mut();
        z.reset();
        let mut out = Vec::with_capacity(json.len() / 2 + 64);
        loop {
            let read = usize::try_from(z.total_in())?;
            let status = z.compress_vec(&json[read..], &mut out, flate2::FlushCompress::Finish)?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

/// Reads an analysis stored by [`pack_analysis`] (bounded, in case the row is damaged).
pub fn unpack_analysis(bytes: &[u8]) -> anyhow::Result<Analysis> {
    use std::io::Read;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .take(256 * 1024 * 1024)
        .read_to_end(&mut json)?;
    Ok(serde_json::from_slice(&json)?)
}

/// Computes the rows of one article (runs on the worker threads).
pub fn prepare(
    format: Format,
    article: Article,
    analysis: &Analysis,
    warnings: &[String],
) -> anyhow::Result<Prepared> {
    let mut article = article;
    let body = std::mem::take(&mut article.body);
    let meta = serde_json::to_string(&article)?;
    let names = speaker::ArticleNames::new(analysis);
    let mut quotes = Vec::with_capacity(analysis.quotes.len());
    let mut per_speaker: BTreeMap<String, (i64, String, SpeakerKind)> = BTreeMap::new();
    // Quotes are sorted by start: one pass over the body finds every start's char offset.
    let mut offsets = crate::words::CharOffsets::new(&body);
    let mut keys_cache: HashMap<&str, String> = HashMap::new();
    for q in &analysis.quotes {
        let start = body.floor_char_boundary(q.span.start.min(body.len()));
        let end = body
            .floor_char_boundary(q.span.end.min(body.len()))
            .max(start);
        let cstart = offsets.at(start);
        let cend = cstart + body[start..end].chars().count();
        let key = q.speaker.as_deref().and_then(|s| {
            let k = keys_cache
                .entry(s)
                .or_insert_with(|| names.resolve(s))
                .clone();
            (!k.is_empty()).then_some(k)
        });
        if let (Some(k), Some(name)) = (&key, &q.speaker) {
            per_speaker
                .entry(k.clone())
                .or_insert_with(|| (0, name.clone(), q.speaker_kind))
                .0 += 1;
        }
        quotes.push(QuoteRow {
            kind: q.kind.as_str(),
            start: start as i64,
            end: end as i64,
            cstart: cstart as i64,
            cend: cend as i64,
            text: body[start..end].to_string(),
            speaker: q.speaker.clone(),
            speaker_kind: speaker_kind_str(q.speaker_kind),
            key,
        });
    }
    let entity_keys: Vec<String> = analysis
        .entities
        .iter()
        .map(|e| speaker::key(&e.name))
        .collect();
    let speakers = per_speaker
        .into_iter()
        .map(|(key, (n, name, kind))| {
            // A name whose own key is the speaker key is the full form; prefer it for display.
            let (shown, exact) = if speaker::key(&name) == key {
                (name, true)
            } else {
                match entity_keys.iter().position(|k| *k == key) {
                    Some(i) => (analysis.entities[i].name.clone(), true),
                    None => (name, false),
                }
            };
            (key, n, shown, exact, speaker_kind_str(kind))
        })
        .collect();
    let entities = analysis
        .entities
        .iter()
        .zip(entity_keys)
        .map(|(e, k)| {
            (
                entity_kind_str(e.kind),
                e.name.clone(),
                k,
                e.mention_count() as i64,
            )
        })
        .collect();
    Ok(Prepared {
        format: format_str(format),
        title: article.title.clone(),
        byline: serde_json::to_string(&article.byline)?,
        date: article.date.clone(),
        body,
        meta,
        analysis: pack_analysis(analysis)?,
        warnings: serde_json::to_string(warnings)?,
        quotes,
        entities,
        aliases: speaker::alias_evidence(analysis),
        speakers,
        read: None,
    })
}

/// Writes one article's rows except its full-text row (the caller adds it), returns its id.
/// A batch holds each path at most once (one run's jobs), so no full-text row is deleted here
/// before it was added.
fn write_article(tx: &Connection, at: &Stored<'_>, p: &Prepared, now: i64) -> anyhow::Result<i64> {
    let Stored {
        path,
        item,
        size,
        mtime,
        hash,
        extractor,
    } = *at;
    let pkey = path_key(path);
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE path = ? AND item = ?")?
        .query_row(params![&pkey, item], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => {
            clear_article_rows(tx, id)?;
            tx.prepare_cached(
                "UPDATE articles SET size=?, mtime=?, hash=?, extractor=?, format=?, title=?, \
                 byline=?, date=?, quote_count=?, indexed_at=? WHERE id=?",
            )?
            .execute(params![
                size,
                mtime,
                &hash[..],
                extractor as i64,
                p.format,
                p.title,
                p.byline,
                p.date,
                p.quotes.len() as i64,
                now,
                id
            ])?;
            // The old row (if any: after a migration there may be none) leaves the full-text
            // index through its delete trigger; the caller adds the new one.
            tx.prepare_cached("DELETE FROM docs WHERE id = ?")?
                .execute([id])?;
            tx.prepare_cached(
                "INSERT INTO docs(id, title, body, meta, analysis, warnings) VALUES (?,?,?,?,?,?)",
            )?
            .execute(params![id, p.title, p.body, p.meta, p.analysis, p.warnings])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles(path, item, size, mtime, hash, extractor, format, title, \
                 byline, date, quote_count, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            )?
            .execute(params![
                pkey,
                item,
                size,
                mtime,
                &hash[..],
                extractor as i64,
                p.format,
                p.title,
                p.byline,
                p.date,
                p.quotes.len() as i64,
                now
            ])?;
            let id = tx.last_insert_rowid();
            tx.prepare_cached(
                "INSERT INTO docs(id, title, body, meta, analysis, warnings) VALUES (?,?,?,?,?,?)",
            )?
            .execute(params![id, p.title, p.body, p.meta, p.analysis, p.warnings])?;
            id
        }
    };
    if let Some(read) = p.read {
        tx.prepare_cached("UPDATE articles SET read = ? WHERE id = ?")?
            .execute(params![read as i64, id])?;
    }
    tx.prepare_cached("DELETE FROM failures WHERE path = ?")?
        .execute([&pkey])?;
    let mut insert_q = tx.prepare_cached(
        "INSERT INTO quotes(article_id, idx, kind, start, end, cstart, cend, text, speaker, \
         speaker_kind, local_key, speaker_key, adate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    )?;
    let adate = p.date.as_deref().unwrap_or("");
    for (i, q) in p.quotes.iter().enumerate() {
        insert_q.execute(params![
            id,
            i as i64,
            q.kind,
            q.start,
            q.end,
            q.cstart,
            q.cend,
            q.text,
            q.speaker,
            q.speaker_kind,
            q.key,
            q.key,
            adate
        ])?;
    }
    let mut upsert = tx.prepare_cached(
        "INSERT INTO speakers(key, name, name_exact, kind, quotes, articles) VALUES (?,?,?,?,?,1) \
         ON CONFLICT(key) DO UPDATE SET quotes = quotes + excluded.quotes, \
         articles = articles + 1, \
         name = CASE WHEN speakers.name_exact = 0 AND excluded.name_exact = 1 \
                THEN excluded.name ELSE speakers.name END, \
         name_exact = max(speakers.name_exact, excluded.name_exact)",
    )?;
    for (key, n, shown, exact, kind) in &p.speakers {
        upsert.execute(params![key, shown, *exact as i64, kind, n])?;
    }
    let mut insert_e = tx.prepare_cached(
        "INSERT INTO entities(article_id, idx, kind, name, name_key, mentions) VALUES (?,?,?,?,?,?)",
    )?;
    for (i, (kind, name, key, mentions)) in p.entities.iter().enumerate() {
        insert_e.execute(params![id, i as i64, kind, name, key, mentions])?;
    }
    let mut insert_a = tx.prepare_cached(
        "INSERT OR IGNORE INTO aliases(article_id, alias_key, full_key) VALUES (?,?,?)",
    )?;
    for (a, f) in &p.aliases {
        insert_a.execute(params![id, a, f])?;
    }
    Ok(id)
}

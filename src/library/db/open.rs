//! Opening the index: creating it, retrying while another process sets it up, opening an
//! existing one read-only for queries, and recovering from a damaged one (moved aside and
//! rebuilt, with a notice the caller shows). Also how SQLite's errors are told apart.

use super::Index;
use super::schema::SCHEMA_VERSION;
use anyhow::Context;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// SQLite page cache per connection, MiB.
pub const DEFAULT_CACHE_MIB: u32 = 16;

/// How long a connection waits for another process's write lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

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
}

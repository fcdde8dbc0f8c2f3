//! Building and updating the index: scan, decide what changed, load and analyze the changed
//! files in parallel (rayon), write them in batches (one transaction each).
//!
//! Use [`update`] to run in the calling thread (the `index` command), [`Indexer::spawn`] to
//! run in the background while the reader is usable, and [`super::watch::LibraryWatcher`] to
//! follow changes live. Progress comes as [`IndexEvent`]s through a callback.
//!
//! Nothing is ever written inside the library folders: only the index database, which must
//! lie outside them ([`check_index_location`]).
//!
//! The parts: [`location`] (where the index may lie), `budget` (the bytes in flight),
//! `jobs` (loading, analyzing and writing the changed files) and [`background`] (a run on
//! its own thread).

pub mod background;
mod budget;
mod jobs;
pub mod location;
mod mbox_stream;
mod work;

pub use background::{Gate, Indexer};
pub use location::{absolute, check_index_location, real_location};

use super::db::{self, Index};
use crate::article::{Article, load};
use crate::extract::{self, Analysis};
use jobs::{mtime_ns, run_jobs};
use location::absolute_no_resolve;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use work::Job;

/// The analysis function and its version stamp. Stored analyses made by another version are
/// redone; tests inject their own.
pub type Analyzer = Arc<dyn Fn(&Article) -> Analysis + Send + Sync>;

/// Runs with at least this many files to analyze get [`IndexOptions::writer_cache_mib`].
const BIG_RUN: usize = 2000;

/// How to index.
#[derive(Clone)]
pub struct IndexOptions {
    pub max_file_bytes: u64,
    /// Stamp stored with each analysis (default [`extract::EXTRACTOR_VERSION`]).
    pub extractor_version: u32,
    pub analyzer: Analyzer,
    /// Articles per transaction (also committed at least once a second).
    pub batch_size: usize,
    /// Set to stop early; what was committed stays.
    pub cancel: Arc<AtomicBool>,
    /// Run `PRAGMA quick_check` when opening (moves a damaged index aside).
    pub check: bool,
    /// Analyzed files waiting for the writer, at most. More room keeps the workers busy
    /// while the writer commits; each waiting file holds its body and analysis.
    pub in_flight: usize,
    /// Bytes of article files being read, analyzed or waiting for the writer, at most;
    /// `None`: `max_file_bytes`, so a run holds no more than one file at the limit would.
    /// Memory grows with these bytes, not with the number of files (an analysis costs tens
    /// of times its file's size at its peak): this is what bounds the memory of a run.
    pub in_flight_bytes: Option<u64>,
    /// SQLite page cache of the writer during a big run, MiB. Bulk writes insert at random
    /// places in the speaker and name indexes; a cache that holds their hot pages saves
    /// re-reading them.
    pub writer_cache_mib: u32,
    /// Another connection of this process (the reader's) may have the write-ahead log in
    /// use, so a log with something in it says nothing about the last run: only the run
    /// marker does.
    pub shared_log: bool,
}

impl IndexOptions {
    /// For indexing in the background of the reader: the same work with less memory
    /// (measured on 100k articles: peak RSS 160 MB -> 81 MB, cold run 49.8 s -> 55.7 s).
    pub fn light(self) -> IndexOptions {
        IndexOptions {
            in_flight: 256,
            writer_cache_mib: db::DEFAULT_CACHE_MIB,
            shared_log: true,
            ..self
        }
    }
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            max_file_bytes: load::DEFAULT_MAX_BYTES,
            extractor_version: extract::EXTRACTOR_VERSION,
            analyzer: Arc::new(extract::analyze),
            batch_size: 1000,
            cancel: Arc::new(AtomicBool::new(false)),
            check: false,
            in_flight: 1024,
            in_flight_bytes: None,
            writer_cache_mib: 64,
            shared_log: false,
        }
    }
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct IndexSummary {
    /// Supported files found under the roots (or given paths).
    pub seen: usize,
    pub new: usize,
    pub changed: usize,
    /// Unchanged content re-analyzed because the extractor version changed.
    pub reextracted: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub failed: usize,
    /// Articles of files of many (a message of an mbox, an item of a feed) that could not
    /// be indexed while the rest of their file was.
    pub articles_left_out: usize,
    /// Files whose load failed in this run, and articles left out (path, message).
    pub failures: Vec<(PathBuf, String)>,
    /// Problems reading folders.
    pub scan_errors: Vec<String>,
    /// Messages for the user (e.g. a corrupt index moved aside).
    pub notices: Vec<String>,
    pub cancelled: bool,
    pub elapsed: Duration,
}

impl IndexSummary {
    /// One line for the CLI.
    pub fn line(&self) -> String {
        format!(
            "{} files seen: {} new, {} changed, {} re-extracted, {} unchanged, {} removed, {} failed{} in {:.2}s{}",
            self.seen,
            self.new,
            self.changed,
            self.reextracted,
            self.unchanged,
            self.removed,
            self.failed,
            match self.articles_left_out {
                0 => String::new(),
                n => format!(
                    ", {n} article{} of files of many left out",
                    if n == 1 { "" } else { "s" }
                ),
            },
            self.elapsed.as_secs_f64(),
            if self.cancelled { " (cancelled)" } else { "" }
        )
    }
}

/// Progress of an indexing run, for a gauge or a progress bar.
#[derive(Debug, Clone)]
pub enum IndexEvent {
    /// A message for the user (corrupt index moved aside, ...).
    Notice(String),
    /// Scanning done: `total` files need loading and analysis.
    Planned { seen: usize, total: usize },
    /// `done` of `total` files processed (sent at most every 50 ms, and at the end).
    Progress { done: usize, total: usize },
    /// A batch is in the database: queries now see `done` of `total` files.
    Committed { done: usize, total: usize },
    /// Files left the index (deleted from disk).
    Removed { paths: Vec<PathBuf> },
    /// The run ended.
    Finished(IndexSummary),
    /// The run failed (the index keeps what was committed).
    Failed(String),
}

/// What to look at.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Whole library folders: files gone from them leave the index.
    Roots(Vec<PathBuf>),
    /// Only these paths (files or folders), e.g. from a file watcher.
    Paths(Vec<PathBuf>),
}

fn under_any(path: &Path, roots: &[PathBuf]) -> bool {
    roots.iter().any(|r| path.starts_with(r))
}

/// Brings the index up to date for `scope`. Runs in the calling thread, analysis on the rayon
/// pool; `on_event` is called from the calling thread.
pub fn update(
    index: &mut Index,
    scope: &Scope,
    opts: &IndexOptions,
    on_event: &mut dyn FnMut(IndexEvent),
) -> anyhow::Result<IndexSummary> {
    let path = index.path().to_path_buf();
    update_inner(index, scope, opts, on_event).map_err(|e| db::explain_full(e, &path))
}

fn update_inner(
    index: &mut Index,
    scope: &Scope,
    opts: &IndexOptions,
    on_event: &mut dyn FnMut(IndexEvent),
) -> anyhow::Result<IndexSummary> {
    let started = Instant::now();
    let mut summary = IndexSummary::default();

    // 1. What is on disk.
    let (files, removed_candidates_roots, scan_errors) = match scope {
        Scope::Roots(roots) => {
            let roots: Vec<PathBuf> = roots.iter().map(|r| absolute(r)).collect();
            let (files, errors) = super::scan::scan(&roots);
            // Only roots that exist may lose files: an unmounted drive is not a deletion.
            let present: Vec<PathBuf> = roots.into_iter().filter(|r| r.exists()).collect();
            (files, present, errors)
        }
        Scope::Paths(paths) => {
            let paths: Vec<PathBuf> = paths.iter().map(|p| absolute_no_resolve(p)).collect();
            let mut files = Vec::new();
            let mut errors = Vec::new();
            let mut gone = Vec::new();
            for p in &paths {
                match std::fs::metadata(p) {
                    Ok(m) if m.is_dir() => {
                        let (f, e) = super::scan::scan(std::slice::from_ref(p));
                        files.extend(f);
                        errors.extend(e);
                        gone.push(p.clone());
                    }
                    Ok(_) => {
                        if load::is_article_file(p) {
                            files.push(p.clone());
                        }
                    }
                    Err(_) => gone.push(p.clone()),
                }
            }
            files.sort();
            files.dedup();
            (files, gone, errors)
        }
    };
    summary.scan_errors = scan_errors;
    summary.seen = files.len();

    // 2. What the index knows; what changed.
    let known = index.known()?;
    let failures = index.known_failures()?;
    let on_disk: HashSet<&PathBuf> = files.iter().collect();
    let mut jobs = Vec::new();
    for path in &files {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                summary.failed += 1;
                summary
                    .failures
                    .push((path.clone(), format!("{}: {e}", path.display())));
                continue;
            }
        };
        if !meta.is_file() {
            // A FIFO, a device, a socket named like an article: never opened, always named.
            summary.failed += 1;
            summary.failures.push((
                path.clone(),
                format!(
                    "{}: not a regular file ({})",
                    path.display(),
                    crate::safe_open::kind(&meta.file_type())
                ),
            ));
            continue;
        }
        let size = meta.len() as i64;
        let mtime = mtime_ns(&meta);
        let k = known.get(path);
        if let Some(k) = k
            && k.size == size
            && k.mtime == mtime
            && k.extractor == opts.extractor_version
        {
            summary.unchanged += 1;
            continue;
        }
        // Failed before and unchanged since: not tried again, but named again.
        if k.is_none()
            && let Some((fsize, fmtime, message)) = failures.get(path)
            && (*fsize, *fmtime) == (size, mtime)
        {
            summary.failed += 1;
            summary.failures.push((path.clone(), message.clone()));
            continue;
        }
        jobs.push(Job {
            path: path.as_path(),
            size,
            mtime,
            known: k.cloned(),
        });
    }
    let gone: Vec<PathBuf> = known
        .keys()
        .chain(failures.keys())
        .filter(|p| under_any(p, &removed_candidates_roots) && !on_disk.contains(p))
        .cloned()
        .collect();
    drop(known);

    // 3. Deletions first (cheap, and the list is right sooner).
    if !gone.is_empty() {
        summary.removed = index.remove_paths(&gone)?;
        on_event(IndexEvent::Removed { paths: gone });
    }

    // 4. Load + analyze in parallel, write in batches from this thread.
    let total = jobs.len();
    on_event(IndexEvent::Planned {
        seen: summary.seen,
        total,
    });
    if total > 0 {
        // Only for the run: the connection goes back to the small default after.
        let big = total >= BIG_RUN && opts.writer_cache_mib > db::DEFAULT_CACHE_MIB;
        if big {
            index.set_cache_mib(opts.writer_cache_mib)?;
        }
        let r = run_jobs(index, jobs, opts, &mut summary, on_event);
        if big {
            index.set_cache_mib(db::DEFAULT_CACHE_MIB)?;
        }
        r?;
    }
    let wrote = summary.new + summary.changed + summary.reextracted + summary.removed > 0;
    if !opts.cancel.load(Ordering::Relaxed) {
        if wrote || index.aliases_pending()? {
            index.resolve_aliases()?;
        }
    } else {
        summary.cancelled = true;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The marker beside the index that says a run is writing it: made when a run starts,
/// removed when it ends. Found at the start of a run, it means the last one did not end
/// (killed, crashed, power lost), and the index is checked before it is used.
pub fn run_marker(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".running");
    PathBuf::from(name)
}

/// A write-ahead log beside the index with something in it: the last connection did not
/// close cleanly (or one is open now), or the log came from another copy of the database.
fn wal_left(db_path: &Path) -> bool {
    let mut name = db_path.as_os_str().to_owned();
    name.push("-wal");
    std::fs::symlink_metadata(PathBuf::from(name)).is_ok_and(|m| m.len() > 0)
}

/// Opens the index at `db_path` and updates it for `scope`. When the last run did not end
/// cleanly (its marker is still there, or a write-ahead log was left), the index is checked
/// first (`PRAGMA quick_check`). A damaged index, found then or during the run (unreadable
/// pages, or keys that contradict each other), is moved aside and rebuilt from the library,
/// which is the source of truth; each step is said in a notice.
pub fn open_and_update(
    db_path: &Path,
    scope: &Scope,
    opts: &IndexOptions,
    on_event: &mut dyn FnMut(IndexEvent),
) -> anyhow::Result<IndexSummary> {
    let roots = match scope {
        Scope::Roots(r) | Scope::Paths(r) => r,
    };
    check_index_location(db_path, roots)?;
    let marker = run_marker(db_path);
    let unclean = marker.exists() || !opts.shared_log && wal_left(db_path);
    let mut notices = Vec::new();
    if unclean && !opts.check {
        notices.push(format!(
            "the last run on the index {} did not end cleanly; checking it",
            db_path.display()
        ));
    }
    for n in &notices {
        on_event(IndexEvent::Notice(n.clone()));
    }
    let mut first = || -> anyhow::Result<IndexSummary> {
        let (mut index, opened) = Index::open(db_path, opts.check || unclean)?;
        for n in &opened {
            on_event(IndexEvent::Notice(n.clone()));
        }
        notices.extend(opened);
        if unclean {
            // Checked: what is left of the log goes into the database now, or was not valid
            // (cut mid-frame); the next run need not check again.
            index.truncate_wal()?;
        }
        // Written once the index is open (its folder exists); a run that cannot write it
        // still runs, and the next one checks as if this one had not ended.
        let _ = std::fs::write(&marker, std::process::id().to_string());
        update(&mut index, scope, opts, on_event)
    };
    let mut summary = match first() {
        Ok(s) => s,
        Err(e) if db::is_corruption(&e) || db::is_inconsistent(&e) => {
            // Damage found after opening: start over on a fresh index.
            let aside = db::move_aside(db_path)?;
            let n = format!(
                "the index {} turned out damaged ({}); moved it to {} and rebuilding it from the library",
                db_path.display(),
                crate::safe_text::one_line(&format!("{e:#}"), 300),
                aside.display()
            );
            on_event(IndexEvent::Notice(n.clone()));
            let (mut index, _) = Index::open(db_path, false)?;
            let _ = std::fs::write(&marker, std::process::id().to_string());
            let mut s = update(&mut index, scope, opts, on_event)?;
            s.notices.push(n);
            s
        }
        Err(e) => return Err(e),
    };
    let _ = std::fs::remove_file(&marker);
    summary.notices.splice(0..0, notices);
    Ok(summary)
}

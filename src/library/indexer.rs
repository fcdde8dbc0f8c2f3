//! Building and updating the index: scan, decide what changed, load and analyze the changed
//! files in parallel (rayon), write them in batches (one transaction each).
//!
//! Use [`update`] to run in the calling thread (the `index` command), [`Indexer::spawn`] to
//! run in the background while the reader is usable, and [`super::watch::LibraryWatcher`] to
//! follow changes live. Progress comes as [`IndexEvent`]s through a callback.
//!
//! Nothing is ever written inside the library folders: only the index database, which must
//! lie outside them ([`check_index_location`]).

use super::db::{self, Index, Known, Record};
use crate::article::{Article, load};
use crate::extract::{self, Analysis};
use anyhow::Context;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The analysis function and its version stamp. Stored analyses made by another version are
/// redone; tests inject their own.
pub type Analyzer = Arc<dyn Fn(&Article) -> Analysis + Send + Sync>;

/// Runs with at least this many files to analyze get [`IndexOptions::writer_cache_mib`].
const BIG_RUN: usize = 2000;

/// A budget of bytes shared by the workers and the writer: a worker takes a file's bytes
/// before reading it and the writer gives them back once the file is in the transaction.
/// Waiting happens only while holding nothing, so no two holders wait on each other.
struct Budget {
    cap: u64,
    used: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// Bytes taken from a [`Budget`], given back on drop.
struct Permit<'b> {
    budget: &'b Budget,
    bytes: u64,
}

impl Budget {
    fn new(cap: u64) -> Budget {
        Budget {
            cap: cap.max(1),
            used: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `bytes` fit (or nothing else is held: a file over the cap goes alone).
    fn take(&self, bytes: u64) -> Permit<'_> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && used.saturating_add(bytes) > self.cap {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Permit {
            budget: self,
            bytes,
        }
    }

    fn give_back(&self, bytes: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= bytes;
        drop(used);
        self.freed.notify_all();
    }
}

impl Permit<'_> {
    /// Holds `bytes` instead (a decompressed page is bigger than its file): gives back
    /// first, then waits, so a waiting holder never holds anything.
    fn resize(&mut self, bytes: u64) {
        if bytes <= self.bytes {
            return;
        }
        self.budget.give_back(std::mem::take(&mut self.bytes));
        *self = self.budget.take(bytes);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if self.bytes > 0 {
            self.budget.give_back(self.bytes);
        }
    }
}

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
    /// Files whose load failed in this run (path, message).
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
            "{} files seen: {} new, {} changed, {} re-extracted, {} unchanged, {} removed, {} failed in {:.2}s{}",
            self.seen,
            self.new,
            self.changed,
            self.reextracted,
            self.unchanged,
            self.removed,
            self.failed,
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

/// An absolute path for a root, resolving symlinks when it exists.
pub fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        }
    })
}

/// Where `path` really is, also when it does not exist yet: followed part by part from the
/// root, each part that exists resolved with its symlinks, each part that does not exist
/// yet taken as the real folder it will be created as (so a `..` after it goes back to
/// where it started). A part that exists but cannot be resolved (a symlink to nothing, a
/// loop) is an error: where it leads cannot be known before it is written through.
pub fn real_location(path: &Path) -> anyhow::Result<PathBuf> {
    use std::path::Component;
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut real = PathBuf::new();
    for part in abs.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => real.push(part.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                real = if std::fs::symlink_metadata(&next).is_ok() {
                    std::fs::canonicalize(&next).map_err(|e| {
                        anyhow::anyhow!(
                            "cannot tell where {} leads ({e}); onrecord writes no index through it",
                            crate::safe_text::one_line(&next.display().to_string(), 300)
                        )
                    })?
                } else {
                    next
                };
            }
        }
    }
    Ok(real)
}

/// Refuses an index database that would lie inside a library folder: onrecord never writes
/// there. The index's real location counts: symlinks to the file or to any folder on the
/// way are followed, also through folders that do not exist yet. Once it is known to be
/// outside, the index's folder is created and the check made again on what now exists (a
/// folder swapped for a symlink in between is caught before the index is opened).
pub fn check_index_location(db_path: &Path, roots: &[PathBuf]) -> anyhow::Result<()> {
    let roots: Vec<PathBuf> = roots.iter().map(|r| absolute(r)).collect();
    let check = || -> anyhow::Result<()> {
        let db_real = real_location(db_path)?;
        for r in &roots {
            if db_real.starts_with(r) {
                anyhow::bail!(
                    "the index {} would be inside the library folder {}; onrecord never writes \
                     inside the library: choose another --index or library.index",
                    crate::safe_text::one_line(&db_real.display().to_string(), 300),
                    crate::safe_text::one_line(&r.display().to_string(), 300)
                );
            }
        }
        Ok(())
    };
    check()?;
    if let Some(dir) = db_path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create index folder {}",
                crate::safe_text::one_line(&dir.display().to_string(), 300)
            )
        })?;
    }
    check()
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

/// A file to load and analyze; the path is borrowed from the scan (a 100k library would
/// otherwise hold every path twice during a run).
struct Job<'a> {
    path: &'a Path,
    size: i64,
    mtime: i64,
    known: Option<Known>,
}

enum Outcome {
    New,
    Changed,
    Reextracted,
    Unchanged,
    Failed(String),
}

/// Reads, hashes, loads and analyzes one file, holding its bytes in `permit` (grown to the
/// decompressed size of a `.gz` page).
fn process(job: &Job<'_>, opts: &IndexOptions, permit: &mut Permit<'_>) -> (Record, Outcome) {
    let fail = |message: String| {
        (
            Record::Failed {
                path: job.path.to_path_buf(),
                size: job.size,
                mtime: job.mtime,
                message: message.clone(),
            },
            Outcome::Failed(message),
        )
    };
    let many = load::format_of(job.path).filter(|f| f.holds_many());
    // A file read in place (newsboat's cache): its items, without reading it whole.
    let in_place = many.and_then(|f| load::file_items(job.path, f, opts.max_file_bytes));
    let bytes = match in_place {
        Some(_) => Vec::new(),
        None => match read_capped(job.path, opts.max_file_bytes, job.size) {
            Ok(b) => b,
            Err(e) => return fail(format!("{}: cannot read: {e}", job.path.display())),
        },
    };
    if let Some(format) = many {
        use super::items::ItemsOutcome;
        let known = job.known.as_ref();
        let items = match in_place {
            Some(items) => items,
            None => load::split_items_capped(&bytes, format, opts.max_file_bytes),
        };
        let (record, outcome) =
            super::items::process(job.path, job.size, job.mtime, known, items, opts);
        let outcome = match outcome {
            ItemsOutcome::New => Outcome::New,
            ItemsOutcome::Changed => Outcome::Changed,
            ItemsOutcome::Unchanged => Outcome::Unchanged,
            ItemsOutcome::Failed(m) => Outcome::Failed(m),
        };
        return (record, outcome);
    }
    let hash: [u8; 32] = *blake3::hash(&bytes).as_bytes();
    let mut outcome = Outcome::New;
    if let Some(k) = &job.known {
        if k.hash == hash && k.extractor == opts.extractor_version {
            return (
                Record::Touched {
                    path: job.path.to_path_buf(),
                    size: job.size,
                    mtime: job.mtime,
                },
                Outcome::Unchanged,
            );
        }
        outcome = if k.hash == hash {
            Outcome::Reextracted
        } else {
            Outcome::Changed
        };
    }
    let Some(format) = load::format_of(job.path) else {
        return fail(format!(
            "{}: not a supported article file",
            job.path.display()
        ));
    };
    let gz = job
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let loaded = if gz {
        // The page may be up to `max_file_bytes` once decompressed.
        permit.resize(opts.max_file_bytes);
        load::load_file(job.path, opts.max_file_bytes).map_err(|e| e.to_string())
    } else {
        load::load_bytes(&bytes, format)
            .map_err(|e| format!("{}: refused: {e}", job.path.display()))
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(m) => return fail(m),
    };
    let mut article = loaded.article;
    article.ensure_title(job.path);
    let analyzer = &opts.analyzer;
    let analysis =
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer(&article))) {
            Ok(a) => a,
            Err(_) => return fail(format!("{}: extraction failed (panic)", job.path.display())),
        };
    let warnings: Vec<String> = loaded.warnings.into_iter().map(|w| w.0).collect();
    let prepared = match super::db::prepare(loaded.format, article, &analysis, &warnings) {
        Ok(p) => p,
        Err(e) => return fail(format!("{}: cannot store: {e}", job.path.display())),
    };
    (
        Record::Indexed {
            path: job.path.to_path_buf(),
            item: String::new(),
            size: job.size,
            mtime: job.mtime,
            hash,
            extractor: opts.extractor_version,
            prepared: Box::new(prepared),
        },
        outcome,
    )
}

/// Reads at most `max` bytes (an error beyond); `size` (from the scan) sizes the buffer once.
/// Never blocks: a file replaced by a FIFO or a device since the scan is refused
/// ([`crate::safe_open`]).
fn read_capped(path: &Path, max: u64, size: i64) -> std::io::Result<Vec<u8>> {
    let expect = u64::try_from(size).unwrap_or(0);
    crate::safe_open::read_capped(path, max, expect, || {
        format!("file is over the limit of {max} bytes (limits.max_file_bytes)")
    })
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

fn absolute_no_resolve(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        absolute(p)
    }
}

fn run_jobs(
    index: &mut Index,
    jobs: Vec<Job<'_>>,
    opts: &IndexOptions,
    summary: &mut IndexSummary,
    on_event: &mut dyn FnMut(IndexEvent),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let total = jobs.len();
    // Room for the workers to go on analyzing while the writer commits.
    // Bounded twice: by count, and by the bytes of the files read, analyzed or waiting,
    // which is what their memory grows with.
    // At the default 16 MiB, about 3,000 news articles: more than `in_flight`.
    let budget = Budget::new(opts.in_flight_bytes.unwrap_or(opts.max_file_bytes));
    let (tx, rx) =
        std::sync::mpsc::sync_channel::<(Record, Outcome, Permit<'_>)>(opts.in_flight.max(1));
    let stop = Arc::new(AtomicBool::new(false));
    std::thread::scope(|s| -> anyhow::Result<()> {
        let stop_w = stop.clone();
        let cancel = opts.cancel.clone();
        let jobs = &jobs;
        let budget = &budget;
        s.spawn(move || {
            jobs.par_iter().for_each_with(tx, |tx, job| {
                if stop_w.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                    return;
                }
                let size = u64::try_from(job.size).unwrap_or(0);
                let mut permit = budget.take(size.min(opts.max_file_bytes));
                if stop_w.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                    return;
                }
                let (record, outcome) = process(job, opts, &mut permit);
                if tx.send((record, outcome, permit)).is_err() {
                    stop_w.store(true, Ordering::Relaxed);
                }
            });
        });
        // Each record goes into the open transaction as it arrives; a commit every
        // `batch_size` records or every second. Memory holds the records in flight only.
        let mut done = 0usize;
        let mut last_progress = Instant::now();
        let mut batch: Option<(db::Batch<'_>, Instant)> = None;
        let mut outcome_err = None;
        let delay = writer_delay();
        for (record, outcome, permit) in rx.iter() {
            done += 1;
            match outcome {
                Outcome::New => summary.new += 1,
                Outcome::Changed => summary.changed += 1,
                Outcome::Reextracted => summary.reextracted += 1,
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(m) => {
                    summary.failed += 1;
                    if let Record::Failed { path, .. } = &record {
                        summary.failures.push((path.clone(), m));
                    }
                }
            }
            let index: &Index = index;
            let step = (|| -> anyhow::Result<()> {
                if batch.is_none() {
                    batch = Some((index.begin_batch()?, Instant::now()));
                }
                let Some((b, started)) = batch.as_mut() else {
                    unreachable!("opened above")
                };
                b.write(record)?;
                if let Some(d) = delay {
                    std::thread::sleep(d);
                }
                // The record is in the transaction (and freed): its bytes may go on.
                drop(permit);
                if b.len() >= opts.batch_size || started.elapsed() > Duration::from_secs(1) {
                    if let Some((b, _)) = batch.take() {
                        b.commit()?;
                    }
                    on_event(IndexEvent::Committed { done, total });
                }
                Ok(())
            })();
            if let Err(e) = step {
                outcome_err = Some(e);
                stop.store(true, Ordering::Relaxed);
                break;
            }
            if last_progress.elapsed() > Duration::from_millis(50) {
                on_event(IndexEvent::Progress { done, total });
                last_progress = Instant::now();
            }
        }
        if let Some(e) = outcome_err {
            drop(batch);
            // Drain so the workers finish; they stop at the flag.
            for _ in rx.iter() {}
            return Err(e);
        }
        if let Some((b, _)) = batch.take() {
            b.commit()?;
            on_event(IndexEvent::Committed { done, total });
        }
        on_event(IndexEvent::Progress { done, total });
        Ok(())
    })
}

/// Test hook: `ONRECORD_WRITER_DELAY_MS=N` makes the writer take N ms more per file, as a
/// slow disk would, so that tests can see what piles up while it writes.
fn writer_delay() -> Option<Duration> {
    std::env::var("ONRECORD_WRITER_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
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

/// A background indexing run.
pub struct Indexer {
    cancel: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<anyhow::Result<IndexSummary>>>,
}

/// Holds a background run back until opened or until its wait runs out: the reader opens it
/// once the article list has arrived, so the list query and the index pass (each of which
/// reads a whole table) do not hold their memory at the same moment.
#[derive(Clone, Default)]
pub struct Gate(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    /// Lets the waiting run start (idempotent).
    pub fn open(&self) {
        let (lock, cv) = &*self.0;
        if let Ok(mut open) = lock.lock() {
            *open = true;
        }
        cv.notify_all();
    }

    /// Waits until opened, at most `max`.
    pub fn wait(&self, max: Duration) {
        let (lock, cv) = &*self.0;
        let Ok(open) = lock.lock() else { return };
        let _ = cv.wait_timeout_while(open, max, |open| !*open);
    }
}

impl Indexer {
    /// [`Indexer::spawn`], starting once `gate` opens (or after `max_wait`).
    pub fn spawn_gated(
        roots: Vec<PathBuf>,
        db_path: PathBuf,
        opts: IndexOptions,
        gate: Gate,
        max_wait: Duration,
        on_event: impl FnMut(IndexEvent) + Send + 'static,
    ) -> Indexer {
        Indexer::start(roots, db_path, opts, Some((gate, max_wait)), on_event)
    }

    /// Indexes `roots` into the database at `db_path` on a background thread (analysis on
    /// the rayon pool). `on_event` is called from that thread: keep it cheap (send to a
    /// channel). The reader can query the same database meanwhile through its own
    /// [`super::sqlite::SqliteStore`]; each [`IndexEvent::Committed`] means new articles are
    /// visible. The run ends with [`IndexEvent::Finished`] or [`IndexEvent::Failed`].
    pub fn spawn(
        roots: Vec<PathBuf>,
        db_path: PathBuf,
        opts: IndexOptions,
        on_event: impl FnMut(IndexEvent) + Send + 'static,
    ) -> Indexer {
        Indexer::start(roots, db_path, opts, None, on_event)
    }

    fn start(
        roots: Vec<PathBuf>,
        db_path: PathBuf,
        opts: IndexOptions,
        gate: Option<(Gate, Duration)>,
        on_event: impl FnMut(IndexEvent) + Send + 'static,
    ) -> Indexer {
        let cancel = opts.cancel.clone();
        let thread = std::thread::Builder::new()
            .name("onrecord-indexer".into())
            .spawn(move || {
                if let Some((gate, max)) = gate {
                    gate.wait(max);
                }
                let mut on_event = on_event;
                let r = open_and_update(&db_path, &Scope::Roots(roots), &opts, &mut on_event);
                match &r {
                    Ok(s) => on_event(IndexEvent::Finished(s.clone())),
                    Err(e) => on_event(IndexEvent::Failed(format!("{e:#}"))),
                }
                r
            })
            .ok();
        Indexer { cancel, thread }
    }

    /// Asks the run to stop after the files in flight; committed work stays.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether the run has ended.
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(|t| t.is_finished())
    }

    /// Waits for the run to end.
    pub fn join(mut self) -> anyhow::Result<IndexSummary> {
        match self.thread.take() {
            Some(t) => t
                .join()
                .map_err(|_| anyhow::anyhow!("the indexer thread panicked"))?,
            None => anyhow::bail!("could not start the indexer thread"),
        }
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::Budget;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn the_budget_never_lets_more_bytes_in_than_it_holds_except_one_alone() {
        let budget = Budget::new(100);
        let held = AtomicU64::new(0);
        let most = AtomicU64::new(0);
        std::thread::scope(|s| {
            for t in 0..8u64 {
                let (budget, held, most) = (&budget, &held, &most);
                s.spawn(move || {
                    for i in 0..200u64 {
                        // Sizes 1..=150: some over the cap, which must go alone.
                        let n = (t * 37 + i * 13) % 150 + 1;
                        let p = budget.take(n);
                        let now = held.fetch_add(n, Ordering::SeqCst) + n;
                        assert!(now <= 100 || now == n, "{now} bytes held with {n} taken");
                        most.fetch_max(now, Ordering::SeqCst);
                        held.fetch_sub(n, Ordering::SeqCst);
                        drop(p);
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) > 1);
        assert_eq!(*budget.used.lock().unwrap(), 0);
    }

    #[test]
    fn a_permit_grows_without_holding_while_it_waits() {
        let budget = Budget::new(10);
        let mut a = budget.take(5);
        a.resize(10);
        assert_eq!(*budget.used.lock().unwrap(), 10);
        drop(a);
        assert_eq!(*budget.used.lock().unwrap(), 0);
    }
}

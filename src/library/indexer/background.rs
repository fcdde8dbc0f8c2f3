//! A background indexing run: [`Indexer`] on its own thread, and the [`Gate`] that holds it
//! back until the reader is ready.

use super::{IndexEvent, IndexOptions, IndexSummary, Scope, open_and_update};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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
    /// [`crate::library::sqlite::SqliteStore`]; each [`IndexEvent::Committed`] means new articles are
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

//! Live reload: watch the library folders (notify) and re-index what changes.
//!
//! File events are collected for a short quiet period (debounce), then the touched paths are
//! brought up to date with [`indexer::update`] in [`Scope::Paths`] mode: new and changed
//! files are (re)indexed, deleted ones leave the index. Progress and results come as
//! [`IndexEvent`]s, ending each round with [`IndexEvent::Finished`]. The watcher only reads
//! the library folders.

use super::db::Index;
use super::indexer::{self, IndexEvent, IndexOptions, Scope};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// Quiet period before a batch of file events is indexed.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A running watcher; dropping it stops watching.
pub struct LibraryWatcher {
    _watcher: notify::RecommendedWatcher,
    cancel: Arc<AtomicBool>,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl LibraryWatcher {
    /// Watches `roots` recursively and keeps the index at `db_path` up to date. `on_event`
    /// is called from the watcher's thread. Hidden files and unsupported file types are
    /// ignored.
    pub fn spawn(
        roots: &[PathBuf],
        db_path: PathBuf,
        opts: IndexOptions,
        on_event: impl FnMut(IndexEvent) + Send + 'static,
    ) -> anyhow::Result<LibraryWatcher> {
        let roots: Vec<PathBuf> = roots.iter().map(|r| indexer::absolute(r)).collect();
        indexer::check_index_location(&db_path, &roots)?;
        let (tx, rx) = mpsc::channel::<PathBuf>();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                if let Ok(ev) = res {
                    // Reads (ours included: indexing opens every file) and metadata changes
                    // (access times updated by those reads) change no content.
                    use notify::event::{AccessKind, AccessMode, ModifyKind};
                    let written = matches!(
                        ev.kind,
                        notify::EventKind::Access(AccessKind::Close(AccessMode::Write))
                    );
                    if !written
                        && matches!(
                            ev.kind,
                            notify::EventKind::Access(_)
                                | notify::EventKind::Modify(ModifyKind::Metadata(_))
                        )
                    {
                        return;
                    }
                    for p in ev.paths {
                        let _ = tx.send(p);
                    }
                }
            })?;
        for r in &roots {
            watcher.watch(r, RecursiveMode::Recursive)?;
        }
        // Our own cancel flag: stopping the watcher must not stop anyone else's run, and
        // dropping it must not wait for a long update.
        let mut opts = opts;
        let cancel = Arc::new(AtomicBool::new(false));
        opts.cancel = cancel.clone();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("onrecord-watcher".into())
            .spawn(move || run(rx, stop_rx, roots, db_path, opts, on_event))?;
        Ok(LibraryWatcher {
            _watcher: watcher,
            cancel,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }
}

impl Drop for LibraryWatcher {
    /// Asks the thread to stop and returns at once: quitting never waits on it (its round
    /// ends at the next file; what it committed stays).
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        drop(self.thread.take());
    }
}

fn relevant(p: &Path, roots: &[PathBuf]) -> bool {
    let (root, rel) = roots
        .iter()
        .find_map(|r| p.strip_prefix(r).ok().map(|rel| (r.as_path(), rel)))
        .unwrap_or((Path::new(""), p));
    // Hidden files and folders do not matter, but for a Maildir's own subfolders.
    let mut at = root.to_path_buf();
    for c in rel.components() {
        at.push(c);
        let hidden = c.as_os_str().as_encoded_bytes().starts_with(b".");
        if hidden && !super::scan::is_maildir_subfolder(&at) {
            return false;
        }
    }
    // newsboat's cache is read only where it was named, never found in a folder.
    if crate::article::load::format_of(p) == Some(crate::article::Format::Newsboat) {
        return roots.iter().any(|r| r == p);
    }
    // Folders (created, moved, deleted) and supported files matter; the rest does not.
    crate::article::load::format_of(p).is_some() || p.extension().is_none() || p.is_dir()
}

fn run(
    rx: mpsc::Receiver<PathBuf>,
    stop: mpsc::Receiver<()>,
    roots: Vec<PathBuf>,
    db_path: PathBuf,
    opts: IndexOptions,
    mut on_event: impl FnMut(IndexEvent),
) {
    let mut index: Option<Index> = None;
    loop {
        if stop.try_recv().is_ok() {
            return;
        }
        let first = match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(p) => p,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        let mut paths = BTreeSet::new();
        paths.insert(first);
        // Debounce: keep collecting until the folder is quiet.
        while let Ok(p) = rx.recv_timeout(DEBOUNCE) {
            paths.insert(p);
            if stop.try_recv().is_ok() {
                return;
            }
        }
        let paths: Vec<PathBuf> = paths.into_iter().filter(|p| relevant(p, &roots)).collect();
        if paths.is_empty() {
            continue;
        }
        if index.is_none() {
            match Index::open(&db_path, false) {
                Ok((ix, notices)) => {
                    for n in notices {
                        on_event(IndexEvent::Notice(n));
                    }
                    index = Some(ix);
                }
                Err(e) => {
                    on_event(IndexEvent::Failed(format!("{e:#}")));
                    continue;
                }
            }
        }
        let Some(ix) = index.as_mut() else { continue };
        match indexer::update(ix, &Scope::Paths(paths), &opts, &mut on_event) {
            Ok(s) => {
                // Rounds that changed nothing stay quiet.
                if s.new + s.changed + s.reextracted + s.removed + s.failed > 0 {
                    on_event(IndexEvent::Finished(s));
                }
            }
            Err(e) => {
                on_event(IndexEvent::Failed(format!("{e:#}")));
                index = None; // reopen next time (handles a replaced database)
            }
        }
    }
}

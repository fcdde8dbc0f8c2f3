//! Where the reader's articles come from, and the background indexing and watching that
//! keep an indexed library up to date while the reader runs.

use super::LoopEvent;
use crate::library::Store;
use crate::library::indexer::{Gate, IndexEvent, IndexOptions, Indexer};
use crate::library::watch::LibraryWatcher;
use crate::tui::msg::Msg;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// Where the reader's articles come from.
pub enum Library {
    /// A store that is complete as it is (the sample library, an in-memory library).
    Fixed(Arc<dyn Store>),
    /// The SQLite index of library folders: brought up to date in the background while the
    /// reader is already usable, and kept up to date while it runs (files added, changed
    /// or removed show up without a restart).
    Indexed {
        store: Arc<dyn Store>,
        roots: Vec<PathBuf>,
        db: PathBuf,
        opts: IndexOptions,
    },
}

/// What a background indexing event means for the reader.
pub fn msg_for_index_event(ev: IndexEvent) -> Option<Msg> {
    match ev {
        IndexEvent::Notice(n) => Some(Msg::Notify(n)),
        IndexEvent::Planned { total, .. } => Some(Msg::IndexProgress { done: 0, total }),
        IndexEvent::Progress { done, total } => Some(Msg::IndexProgress { done, total }),
        IndexEvent::Committed { .. } => Some(Msg::ArticlesCommitted),
        IndexEvent::Removed { .. } => Some(Msg::LibraryChanged),
        IndexEvent::Finished(summary) => {
            let mut problems = Vec::new();
            if summary.failed > 0 {
                problems.push(format!(
                    "{} file(s) could not be read (listed in {})",
                    summary.failed,
                    crate::log::path().display()
                ));
            }
            if summary.articles_left_out > 0 {
                problems.push(format!(
                    "{} article(s) of mailboxes or feeds left out (listed in {})",
                    summary.articles_left_out,
                    crate::log::path().display()
                ));
            }
            problems.extend(summary.scan_errors.iter().take(1).cloned());
            problems.extend(summary.notices.iter().cloned());
            let changed = summary.new + summary.changed + summary.reextracted + summary.removed;
            let message = if !problems.is_empty() {
                Some(problems.join("; "))
            } else if changed > 0 {
                Some(format!("library updated: {}", summary.line()))
            } else {
                None
            };
            let only_added = summary.changed + summary.reextracted + summary.removed == 0;
            Some(Msg::IndexFinished {
                message,
                only_added,
            })
        }
        IndexEvent::Failed(e) => Some(Msg::IndexFinished {
            message: Some(format!("indexing failed: {e}")),
            only_added: false,
        }),
    }
}

/// Starts indexing and watching; the handles stop them when dropped.
pub(super) fn start_background(
    library: &Library,
    tx: &Sender<LoopEvent>,
    gate: &Gate,
) -> (Option<Indexer>, Option<LibraryWatcher>) {
    let Library::Indexed {
        roots, db, opts, ..
    } = library
    else {
        return (None, None);
    };
    let send = |tx: Sender<LoopEvent>| {
        move |ev: IndexEvent| {
            // Which files failed, for later: the status bar only has room for a count.
            if let IndexEvent::Finished(summary) = &ev {
                let lines: Vec<String> = summary
                    .scan_errors
                    .iter()
                    .chain(summary.failures.iter().map(|(_, m)| m))
                    .map(|m| format!("index: {m}"))
                    .collect();
                let _ = crate::log::append(&lines);
            }
            if let Some(a) = msg_for_index_event(ev) {
                let _ = tx.send(LoopEvent::Msg(a));
            }
        }
    };
    // The index pass waits for the first article list (at most 2 s): see `Gate`.
    let indexer = Indexer::spawn_gated(
        roots.clone(),
        db.clone(),
        opts.clone(),
        gate.clone(),
        std::time::Duration::from_secs(2),
        send(tx.clone()),
    );
    let watcher = match LibraryWatcher::spawn(roots, db.clone(), opts.clone(), send(tx.clone())) {
        Ok(w) => Some(w),
        Err(e) => {
            let _ = tx.send(LoopEvent::Msg(Msg::Notify(format!(
                "not watching the library for changes: {e:#}"
            ))));
            None
        }
    };
    (Some(indexer), watcher)
}

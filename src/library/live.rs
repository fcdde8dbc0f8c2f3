//! One call for the reader: open the index as a [`Store`](super::Store) right away, bring it
//! up to date in the background, and follow changes live.
//!
//! ```no_run
//! use onrecord::library::indexer::{IndexEvent, IndexOptions};
//! use onrecord::library::live;
//! # fn main() -> anyhow::Result<()> {
//! let (tx, rx) = std::sync::mpsc::channel::<IndexEvent>();
//! let roots = vec![std::path::PathBuf::from("/home/me/articles")];
//! let db = onrecord::dirs::data_dir().join("index.sqlite3");
//! let lib = live::open(roots, db, IndexOptions::default(), move |ev| {
//!     let _ = tx.send(ev);
//! })?;
//! let store = lib.store.clone(); // Arc<SqliteStore>: usable at once (what is indexed so far)
//! // In the event loop: Progress { done, total } drives the gauge; after Committed (throttled),
//! // Removed or Finished, reload store.articles(). Dropping `lib` stops indexing and watching.
//! # let _ = (store, rx); Ok(()) }
//! ```

use super::indexer::{IndexEvent, IndexOptions, Indexer, check_index_location};
use super::sqlite::SqliteStore;
use super::watch::LibraryWatcher;
use std::path::PathBuf;
use std::sync::Arc;

/// An open library: the store, the background indexer, and the watcher.
pub struct LiveLibrary {
    pub store: Arc<SqliteStore>,
    /// Messages for the user from opening (e.g. a corrupt index moved aside).
    pub notices: Vec<String>,
    pub indexer: Indexer,
    /// `None` when the folders cannot be watched (the reader still works, without live reload).
    pub watcher: Option<LibraryWatcher>,
}

/// Opens the index at `db_path` (creating it, or moving a corrupt one aside), starts indexing
/// `roots` in the background and watching them. `on_event` receives the events of both the
/// initial run and the live updates, from background threads: keep it cheap.
pub fn open(
    roots: Vec<PathBuf>,
    db_path: PathBuf,
    opts: IndexOptions,
    on_event: impl Fn(IndexEvent) + Send + Sync + 'static,
) -> anyhow::Result<LiveLibrary> {
    check_index_location(&db_path, &roots)?;
    let (store, notices) = SqliteStore::open(&db_path)?;
    let on_event = Arc::new(on_event);
    let e1 = on_event.clone();
    let indexer = Indexer::spawn(roots.clone(), db_path.clone(), opts.clone(), move |ev| {
        e1(ev)
    });
    let e2 = on_event.clone();
    let watcher = match LibraryWatcher::spawn(&roots, db_path, opts, move |ev| e2(ev)) {
        Ok(w) => Some(w),
        Err(e) => {
            on_event(IndexEvent::Notice(format!(
                "live reload is off: cannot watch the library: {e:#}"
            )));
            None
        }
    };
    Ok(LiveLibrary {
        store: Arc::new(store),
        notices,
        indexer,
        watcher,
    })
}

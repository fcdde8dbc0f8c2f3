//! The library the reader opens: the bundled sample, the SQLite index of the given folders
//! (kept up to date in the background), or those folders loaded into memory when the index
//! cannot be used.

use super::library_commands;
use crate::config::Config;
use std::path::{Path, PathBuf};

/// `store` with the user's speaker merges and renames (kept in the index database at
/// `db`); as it is when they cannot be read.
fn renamed<S: crate::library::Store + 'static>(
    store: S,
    db: &Path,
) -> std::sync::Arc<dyn crate::library::Store> {
    match crate::library::aliases::Renamed::open(store, db) {
        Ok(r) => std::sync::Arc::new(r),
        Err((store, _)) => std::sync::Arc::new(store),
    }
}

/// The reader's library: the bundled sample when no paths are given; else the SQLite index
/// of the paths (updated in the background), or, when the index cannot be opened, the
/// paths loaded into memory.
pub(super) fn reader_library(
    paths: Vec<PathBuf>,
    config: &Config,
) -> anyhow::Result<(crate::tui::Library, Vec<String>)> {
    use crate::library::indexer::{IndexOptions, check_index_location};
    use crate::tui::Library;
    use std::sync::Arc;
    let db = library_commands::index_path(None, config);
    if paths.is_empty() {
        // The sample's read and starred marks are kept in the index database.
        let sample_dirs: Vec<PathBuf> = crate::sample::dir().into_iter().collect();
        let kept = check_index_location(&db, &sample_dirs).and_then(|()| {
            crate::library::remembered::Remembered::open(crate::sample::store(), &db)
        });
        return Ok(match kept {
            Ok((store, notices)) => (Library::Fixed(renamed(store, &db)), notices),
            Err(e) => (
                Library::Fixed(Arc::new(crate::sample::store())),
                vec![format!(
                    "reading state of the sample library not kept: {}",
                    crate::safe_text::one_line(&format!("{e:#}"), 300)
                )],
            ),
        });
    }
    check_index_location(&db, &paths)?;
    let opened = crate::library::db::Index::open(&db, false).map(|(ix, notices)| {
        // The index may also hold other folders indexed earlier: list only these.
        let store = crate::library::sqlite::SqliteStore::from_index(ix);
        (
            crate::library::scoped::ScopedStore::new(store, &paths),
            notices,
        )
    });
    match opened {
        Ok((store, notices)) => {
            // The reader indexes in the background: keep its memory low.
            let opts = IndexOptions {
                max_file_bytes: config.limits.max_file_bytes,
                ..IndexOptions::default()
            }
            .light();
            Ok((
                Library::Indexed {
                    store: renamed(store, &db),
                    roots: paths,
                    db,
                    opts,
                },
                notices,
            ))
        }
        Err(e) => {
            let store =
                crate::library::memory::MemoryStore::load(&paths, config.limits.max_file_bytes);
            Ok((
                Library::Fixed(Arc::new(store)),
                vec![format!(
                    "cannot use the index ({e:#}); reading the library without it"
                )],
            ))
        }
    }
}

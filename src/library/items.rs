//! Indexing a file of many articles (an mbox, a feed, a book): each item is hashed on its own, and only
//! the items that are new or changed since the last run (or analysed by an older
//! extractor) are loaded and analysed again; items gone from the file leave the index.

use super::db::{self, IndexedFile, Record};
use super::indexer::IndexOptions;
use crate::article::load;
use std::path::Path;

/// What indexing one file of many articles did.
pub(crate) enum ItemsOutcome {
    /// No item indexed before (a new file).
    New,
    /// Some items analysed again, or gone.
    Changed,
    /// Every item as indexed: only the file's size and mtime were stored.
    Unchanged,
    /// No item could be read.
    Failed(String),
}

/// The record for a file of many articles read as `bytes`.
pub(crate) fn process(
    path: &Path,
    size: i64,
    mtime: i64,
    known: Option<&IndexedFile>,
    items: Result<Vec<load::RawItem<'_>>, crate::article::hygiene::HygieneError>,
    opts: &IndexOptions,
) -> (Record, ItemsOutcome) {
    let shown = path.display();
    let items = match items {
        Ok(items) if items.is_empty() => {
            let m = format!(
                "{shown}: refused: no article in the file (no message, or no feed item with content)"
            );
            return failed(path, size, mtime, m);
        }
        Ok(items) => items,
        Err(e) => return failed(path, size, mtime, format!("{shown}: refused: {e}")),
    };
    let mut records = vec![Record::Touched {
        path: path.to_path_buf(),
        size,
        mtime,
    }];
    let mut keep = Vec::with_capacity(items.len());
    let mut first_error = None;
    let mut analysed = 0usize;
    for item in items {
        // Keys are unique within a file (each format sees to it); one that is not would
        // break the index's (path, item) key, so only its first article counts.
        if keep.contains(&item.key) {
            continue;
        }
        let hash = item.hash();
        let same = known
            .and_then(|k| k.items.get(&item.key))
            .is_some_and(|&(h, v)| h == hash && v == opts.extractor_version);
        if same {
            keep.push(item.key);
            continue;
        }
        let at = load::item_name(path, &item.key);
        let loaded = match load::load_item(&item) {
            Ok(l) => l,
            Err(e) => {
                first_error.get_or_insert(format!("{at}: refused: {e}"));
                continue;
            }
        };
        let mut article = loaded.article;
        article.ensure_title(path);
        let analyzer = &opts.analyzer;
        let analysis =
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer(&article))) {
                Ok(a) => a,
                Err(_) => {
                    first_error.get_or_insert(format!("{at}: extraction failed (panic)"));
                    continue;
                }
            };
        let warnings: Vec<String> = loaded.warnings.into_iter().map(|w| w.0).collect();
        let prepared = match db::prepare(loaded.format, article, &analysis, &warnings) {
            Ok(p) => p.with_read(item.read),
            Err(e) => {
                first_error.get_or_insert(format!("{at}: cannot store: {e}"));
                continue;
            }
        };
        analysed += 1;
        records.push(Record::Indexed {
            path: path.to_path_buf(),
            item: item.key.clone(),
            size,
            mtime,
            hash,
            extractor: opts.extractor_version,
            prepared: Box::new(prepared),
        });
        keep.push(item.key);
    }
    if keep.is_empty() {
        let m = first_error.unwrap_or_else(|| format!("{shown}: no article in the file"));
        return failed(path, size, mtime, m);
    }
    let gone = known.is_some_and(|k| k.items.keys().any(|key| !keep.contains(key)));
    let outcome = match known {
        None => ItemsOutcome::New,
        Some(_) if analysed > 0 || gone => ItemsOutcome::Changed,
        Some(_) => ItemsOutcome::Unchanged,
    };
    let record = Record::Items {
        path: path.to_path_buf(),
        records,
        keep,
    };
    (record, outcome)
}

fn failed(path: &Path, size: i64, mtime: i64, message: String) -> (Record, ItemsOutcome) {
    let record = Record::Failed {
        path: path.to_path_buf(),
        size,
        mtime,
        message: message.clone(),
    };
    (record, ItemsOutcome::Failed(message))
}

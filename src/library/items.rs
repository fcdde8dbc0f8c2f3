//! Indexing a file of many articles (an mbox, a feed, a book): each item is hashed on its own, and only
//! the items that are new or changed since the last run (or analysed by an older
//! extractor) are loaded and analysed again; items gone from the file leave the index.
//!
//! An mbox is read as a stream by the indexer (`indexer::mbox_stream`), item by item
//! through [`FileItems`].

use super::db::{self, IndexedFile, Record};
use super::indexer::IndexOptions;
use crate::article::load;
use std::collections::HashSet;
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

/// The size stored with the items of a file being indexed in parts, until its last part
/// stores the real one: an index left with it (the run stopped or was killed midway) sees
/// the file as changed and reads it again, keeping the items already stored.
pub(crate) const SIZE_UNFINISHED: i64 = -1;

/// The record for a file of many articles read as `bytes`, what the file did, and why
/// items of it were left out.
pub(crate) fn process(
    path: &Path,
    size: i64,
    mtime: i64,
    known: Option<&IndexedFile>,
    items: Result<Vec<load::RawItem<'_>>, crate::article::hygiene::HygieneError>,
    opts: &IndexOptions,
) -> (Record, ItemsOutcome, Vec<String>) {
    let shown = path.display();
    let items = match items {
        Ok(items) if items.is_empty() => {
            let (record, outcome) = failed(path, size, mtime, no_article(path));
            return (record, outcome, Vec::new());
        }
        Ok(items) => items,
        Err(e) => {
            let (record, outcome) = failed(path, size, mtime, format!("{shown}: refused: {e}"));
            return (record, outcome, Vec::new());
        }
    };
    let mut file = FileItems::new(path, size, mtime, known, opts.extractor_version);
    let mut records = vec![Record::Touched {
        path: path.to_path_buf(),
        size,
        mtime,
    }];
    for item in items {
        if file.wants(&item) {
            file.analysed(analyse(path, &item, size, mtime, opts), &mut records);
        }
    }
    file.finish(records)
}

/// What is known of one file of many articles while its items are read.
pub(crate) struct FileItems<'a> {
    path: &'a Path,
    size: i64,
    mtime: i64,
    known: Option<&'a IndexedFile>,
    /// The extractor version of this run: an item analysed by another is analysed again.
    extractor: u32,
    /// The keys of the items the index keeps: unchanged, or analysed again.
    keep: HashSet<String>,
    /// The keys met so far.
    met: HashSet<String>,
    /// Why items were left out (refused, over the limit), in file order.
    pub(crate) problems: Vec<String>,
    analysed: usize,
}

impl<'a> FileItems<'a> {
    pub(crate) fn new(
        path: &'a Path,
        size: i64,
        mtime: i64,
        known: Option<&'a IndexedFile>,
        extractor: u32,
    ) -> Self {
        FileItems {
            path,
            size,
            mtime,
            known,
            extractor,
            keep: HashSet::new(),
            met: HashSet::new(),
            problems: Vec::new(),
            analysed: 0,
        }
    }

    /// Whether `item` needs analysing: not met before in the file (keys are unique within
    /// a file, as each format sees to it; one that is not would break the index's
    /// (path, item) key, so only its first article counts) and not as indexed.
    pub(crate) fn wants(&mut self, item: &load::RawItem<'_>) -> bool {
        if !self.met.insert(item.key.clone()) {
            return false;
        }
        let same = self
            .known
            .and_then(|k| k.items.get(&item.key))
            .is_some_and(|&(h, v)| v == self.extractor && h == item.hash());
        if same {
            self.keep.insert(item.key.clone());
        }
        !same
    }

    /// Takes the result of analysing one item: its record, or why it was left out.
    pub(crate) fn analysed(
        &mut self,
        result: Result<(String, Record), String>,
        records: &mut Vec<Record>,
    ) {
        match result {
            Ok((key, record)) => {
                self.analysed += 1;
                self.keep.insert(key);
                records.push(record);
            }
            Err(m) => self.problems.push(m),
        }
    }

    /// The file's last record, `records` and every other item leaving the index, what
    /// the file did, and why items of it were left out.
    pub(crate) fn finish(self, records: Vec<Record>) -> (Record, ItemsOutcome, Vec<String>) {
        let (path, size, mtime) = (self.path, self.size, self.mtime);
        if self.keep.is_empty() {
            // No article at all: the file fails, named by its first problem.
            let m = self
                .problems
                .into_iter()
                .next()
                .unwrap_or_else(|| format!("{}: no article in the file", path.display()));
            let (record, outcome) = failed(path, size, mtime, m);
            return (record, outcome, Vec::new());
        }
        let gone = self
            .known
            .is_some_and(|k| k.items.keys().any(|key| !self.keep.contains(key)));
        let outcome = match self.known {
            None => ItemsOutcome::New,
            Some(_) if self.analysed > 0 || gone => ItemsOutcome::Changed,
            Some(_) => ItemsOutcome::Unchanged,
        };
        let record = Record::Items {
            path: path.to_path_buf(),
            records,
            keep: self.keep,
        };
        (record, outcome, self.problems)
    }
}

/// Loads and analyses one item into its record, stored with `size` (the file's, or
/// [`SIZE_UNFINISHED`]); the error names the item and what went wrong.
pub(crate) fn analyse(
    path: &Path,
    item: &load::RawItem<'_>,
    size: i64,
    mtime: i64,
    opts: &IndexOptions,
) -> Result<(String, Record), String> {
    let at = load::item_name(path, &item.key);
    let loaded = load::load_item(item).map_err(|e| format!("{at}: refused: {e}"))?;
    let mut article = loaded.article;
    article.ensure_title(path);
    let analyzer = &opts.analyzer;
    let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer(&article)))
        .map_err(|_| format!("{at}: extraction failed (panic)"))?;
    let warnings: Vec<String> = loaded.warnings.into_iter().map(|w| w.0).collect();
    let prepared = db::prepare(loaded.format, article, &analysis, &warnings)
        .map_err(|e| format!("{at}: cannot store: {e}"))?
        .with_read(item.read);
    let record = Record::Indexed {
        path: path.to_path_buf(),
        item: item.key.clone(),
        size,
        mtime,
        hash: item.hash(),
        extractor: opts.extractor_version,
        prepared: Box::new(prepared),
    };
    Ok((item.key.clone(), record))
}

pub(crate) fn no_article(path: &Path) -> String {
    format!(
        "{}: refused: no article in the file (no message, or no feed item with content)",
        path.display()
    )
}

pub(crate) fn failed(
    path: &Path,
    size: i64,
    mtime: i64,
    message: String,
) -> (Record, ItemsOutcome) {
    let record = Record::Failed {
        path: path.to_path_buf(),
        size,
        mtime,
        message: message.clone(),
    };
    (record, ItemsOutcome::Failed(message))
}

//! Loading the articles of a file, whatever its kind: the core's loaders
//! ([`crate::article::load`]) for the files read as bytes, and the library's reader for the
//! files read in place (newsboat's cache, an SQLite database: [`super::newsboat`]).

use crate::article::load::{self, Items, LoadError, RawItem};
use crate::article::{Format, hygiene};
use std::path::Path;

/// The items of a file that is read in place rather than as bytes (newsboat's cache, an
/// SQLite database opened read-only); `None` for every other format.
pub fn file_items(
    path: &Path,
    format: Format,
    max_bytes: u64,
) -> Option<Result<Vec<RawItem<'static>>, hygiene::HygieneError>> {
    if format != Format::Newsboat {
        return None;
    }
    Some(super::newsboat::items(path, max_bytes).map(|items| {
        items
            .into_iter()
            .map(|i| RawItem {
                key: i.key,
                bytes: std::borrow::Cow::Owned(i.content.into_bytes()),
                format: i.format,
                meta: Some(Box::new(i.meta)),
                fallback: None,
                container: Some(Format::Newsboat),
                read: Some(!i.unread),
            })
            .collect()
    }))
}

/// Loads every article of one file, newsboat's cache included (see
/// [`load::load_file_items`]).
pub fn load_file_items(path: &Path, max_bytes: u64) -> Result<Items, LoadError> {
    load::load_file_items_with(path, max_bytes, &file_items)
}

/// Loads the articles of one file one at a time, newsboat's cache included (see
/// [`load::each_file_item`]: an mbox is read as a stream).
pub fn each_file_item(
    path: &Path,
    max_bytes: u64,
    each: &mut dyn FnMut(String, Result<crate::article::Loaded, LoadError>) -> bool,
) -> Result<(), LoadError> {
    load::each_file_item(path, max_bytes, &file_items, each)
}

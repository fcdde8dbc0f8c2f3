//! Library-wide queries shared by the command line and shell completion: the speakers of
//! an index with the user's merges and renames applied, and the helpers the `quotes`
//! command pages with. Nothing here prints.

use super::aliases::Aliases;
use super::indexer;
use super::sqlite::SqliteStore;
use super::{QuoteHit, SpeakerSummary, Store};
use std::path::{Path, PathBuf};

/// Quotes fetched per query when paging through a speaker's quotes.
pub const QUOTES_PAGE: usize = 1000;

/// The user's speaker merges and renames saved in the index (none in an index made before
/// they were kept, which a query command opens as it is).
pub fn aliases_of(store: &SqliteStore) -> Aliases {
    store
        .with(|ix| Aliases::load(ix.conn()))
        .unwrap_or_default()
}

/// The folders a query is limited to, as the index stores paths (absolute, symlinks
/// resolved).
pub fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots.iter().map(|r| indexer::absolute(r)).collect()
}

/// The speakers of the articles under `roots` (every speaker of the index when `None`),
/// with the user's merges and renames applied, as `speakers` lists them.
pub fn speaker_list(roots: Option<&[PathBuf]>, db: &Path) -> anyhow::Result<Vec<SpeakerSummary>> {
    let store = SqliteStore::open_existing(db)?;
    let roots = roots.map(absolute_roots);
    let list = match &roots {
        Some(r) => store.speakers_in(r)?,
        None => store.speakers()?,
    };
    // Speakers the user merged or renamed, as the reader shows them.
    aliases_of(&store).apply_speakers(list, |names| {
        let mut ids = std::collections::HashSet::new();
        for n in names {
            let key = super::speaker::key(n);
            let mut last: Option<QuoteHit> = None;
            loop {
                let page = match &roots {
                    Some(r) => store.quotes_page_in(&key, r, last.as_ref(), QUOTES_PAGE)?,
                    None => store.quotes_page_by_key(&key, last.as_ref(), QUOTES_PAGE)?,
                };
                let Some(end) = page.hits.last().cloned() else {
                    break;
                };
                ids.extend(page.hits.iter().map(|h| h.article));
                last = Some(end);
            }
        }
        Ok(ids.len())
    })
}

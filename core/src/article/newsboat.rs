//! newsboat's cache (`cache.db`): which file is one, and where newsboat keeps it. Its items
//! are read with SQLite, by the library (`onrecord::library::newsboat`): loading here leaves
//! a cache to the caller ([`super::load::load_file_items_with`]). A `cache.db` is read only
//! where it was named, never because a library folder holds one (`library::scan`).

use std::path::{Path, PathBuf};

/// Whether a path is a newsboat cache, by newsboat's name for it.
pub fn is_cache(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "cache.db")
}

/// newsboat's cache where newsboat keeps it: `$XDG_DATA_HOME/newsboat/cache.db` (else
/// `~/.local/share/newsboat/cache.db`) when that exists, else `~/.newsboat/cache.db`.
pub fn default_cache() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.as_ref().map(|h| h.join(".local/share")));
    let xdg = data.map(|d| d.join("newsboat/cache.db"));
    let dot = home.map(|h| h.join(".newsboat/cache.db"));
    match (xdg, dot) {
        (Some(x), _) if x.exists() => Some(x),
        (_, Some(d)) if d.exists() => Some(d),
        (x, d) => x.or(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caches_by_name() {
        assert!(is_cache(Path::new("/x/.newsboat/cache.db")));
        assert!(!is_cache(Path::new("/x/metadata.db")));
    }
}

//! The bundled sample library: articles written for onrecord (a fictional harbour city, its
//! council, a minister, a rail company), embedded in the binary so the reader always has
//! something to open. The same files live in `assets/library/`, each with a hand-labelled
//! `<name>.expected.json` (the gold format of the evaluation) beside it.

use crate::article::{Article, load};
use crate::library::memory::MemoryStore;
use std::path::PathBuf;

macro_rules! sample_files {
    ($($name:literal),* $(,)?) => {
        /// Every article of the sample library: (file name, bytes), sorted by name.
        pub const FILES: &[(&str, &[u8])] = &[
            $(($name, include_bytes!(concat!("../assets/library/", $name)))),*
        ];
    };
}

macro_rules! expected_files {
    ($($stem:literal),* $(,)?) => {
        /// The hand-labelled expected result of every sample article: (file stem, JSON).
        pub const EXPECTED: &[(&str, &str)] = &[
            $(($stem, include_str!(concat!("../assets/library/", $stem, ".expected.json")))),*
        ];
    };
}

sample_files![
    "auditors-warn-of-budget-hole.txt",
    "bridge-contractor-manager-on-trial.txt",
    "coast-guard-rehearses-harbour-rescue.txt",
    "council-votes-to-close-old-swing-bridge.txt",
    "free-school-meals-pilot-to-expand.txt",
    "harbour-festival-opens-with-flood-play.html",
    "kestrel-rail-drivers-vote-to-strike.txt",
    "kestrel-rail-profit-falls.html",
    "merrow-river-flood-warning.md",
    "minister-pledges-rail-money.txt",
    "old-swing-bridge-reopens.md",
    "senator-presses-minister-on-bridge.md",
    "skerra-ferry-fares-to-rise.txt",
    "varga-to-seek-third-term.txt",
];

expected_files![
    "auditors-warn-of-budget-hole",
    "bridge-contractor-manager-on-trial",
    "coast-guard-rehearses-harbour-rescue",
    "council-votes-to-close-old-swing-bridge",
    "free-school-meals-pilot-to-expand",
    "harbour-festival-opens-with-flood-play",
    "kestrel-rail-drivers-vote-to-strike",
    "kestrel-rail-profit-falls",
    "merrow-river-flood-warning",
    "minister-pledges-rail-money",
    "old-swing-bridge-reopens",
    "senator-presses-minister-on-bridge",
    "skerra-ferry-fares-to-rise",
    "varga-to-seek-third-term",
];

/// The on-disk sample library (`assets/library` next to the crate), when it exists.
pub fn dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("library");
    d.is_dir().then_some(d)
}

/// The path shown for a sample file: inside [`dir`] when it exists, else a virtual
/// `sample/<name>` path.
pub fn path_of(name: &str) -> PathBuf {
    match dir() {
        Some(d) => d.join(name),
        None => PathBuf::from("sample").join(name),
    }
}

/// The expected result JSON of a sample file (by file name or stem).
pub fn expected(name: &str) -> Option<&'static str> {
    let stem = name.split('.').next().unwrap_or(name);
    EXPECTED.iter().find(|(s, _)| *s == stem).map(|(_, j)| *j)
}

/// Every sample article, loaded from the embedded bytes, in file-name order.
pub fn articles() -> Vec<(PathBuf, Article)> {
    FILES
        .iter()
        .filter_map(|(name, bytes)| {
            let format = load::format_of(std::path::Path::new(name))?;
            let mut article = load::load_bytes(bytes, format).ok()?.article;
            article.ensure_title(std::path::Path::new(name));
            Some((path_of(name), article))
        })
        .collect()
}

/// The sample library as an in-memory store (what the reader opens by default).
pub fn store() -> MemoryStore {
    MemoryStore::from_articles(articles())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Store;

    #[test]
    fn every_file_loads_with_a_title_and_body() {
        let arts = articles();
        assert_eq!(arts.len(), FILES.len());
        assert!(arts.len() >= 12);
        for (path, a) in &arts {
            assert!(!a.title.is_empty(), "{}", path.display());
            assert!(a.body.len() > 500, "{}: short body", path.display());
        }
    }

    #[test]
    fn every_file_has_an_expected_result() {
        assert_eq!(FILES.len(), EXPECTED.len());
        for (name, _) in FILES {
            let json = expected(name).unwrap_or_else(|| panic!("no expected file for {name}"));
            let v: serde_json::Value = serde_json::from_str(json).expect(name);
            assert_eq!(v["id"], name.split('.').next().unwrap_or(name));
        }
    }

    #[test]
    fn embedded_files_match_the_folder() {
        let Some(d) = dir() else {
            crate::message!("skipped: assets/library not found");
            return;
        };
        let mut on_disk: Vec<String> = std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| load::format_of(std::path::Path::new(n)).is_some())
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, embedded);
        for (name, bytes) in FILES {
            assert_eq!(std::fs::read(d.join(name)).unwrap(), *bytes, "{name}");
        }
    }

    #[test]
    fn store_lists_every_article() {
        let s = store();
        assert_eq!(s.articles().unwrap().len(), FILES.len());
    }
}

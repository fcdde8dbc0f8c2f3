//! Build script: stamps the analysis code so that a stored index notices when it changes.
//!
//! Every file under `core/src/article/` (loading), `core/src/extract/` (extraction, with its
//! lexicons) and `assets/` (the name tagger's weights, gazetteers; not the sample library),
//! and `core/src/words.rs` (the word lists both use), is hashed into `EXTRACTOR_VERSION`;
//! the index keeps the stamp with each stored analysis and redoes the analyses made by
//! other code. A hand-bumped number was forgotten in practice, leaving readers with
//! analyses from an older extractor.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    // Paths are hashed relative to the repository, which holds `core/` and `assets/`.
    let root = manifest.parent().unwrap_or(&manifest).to_path_buf();
    let mut paths = Vec::new();
    for dir in [
        "core/src/article",
        "core/src/extract",
        "core/src/words.rs",
        "assets",
    ] {
        let at = root.join(dir);
        println!("cargo:rerun-if-changed={}", at.display());
        if at.is_file() {
            paths.push(at);
        } else {
            files(&at, &mut paths);
        }
    }
    // The model and gazetteers in `assets/` shape extraction; the sample library does not.
    paths.retain(|p| !p.starts_with(root.join("assets/library")));
    paths.sort();
    // FNV-1a over each file's relative path and contents.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in &paths {
        let rel = path.strip_prefix(&root).unwrap_or(path);
        feed(rel.to_string_lossy().replace('\\', "/").as_bytes());
        feed(&[0]);
        feed(&std::fs::read(path).unwrap_or_default());
        feed(&[0]);
    }
    // Folded to 31 bits: a positive SQLite integer, never 0 (0 marks "no analysis").
    let stamp = (((hash >> 32) ^ hash) as u32 & 0x7fff_ffff).max(1);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("extractor_version.rs"), format!("{stamp}\n"))
        .expect("OUT_DIR is writable");
}

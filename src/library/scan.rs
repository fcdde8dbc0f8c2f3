//! Finding article files under the library folders.

use std::path::{Path, PathBuf};

/// All supported article files under `roots` (files given directly are kept), sorted,
/// skipping hidden folders and following no symlinked folders twice.
pub fn scan(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in roots {
        walk(root, &mut files, &mut errors, &mut seen, 0, true);
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(
    path: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
    seen: &mut std::collections::HashSet<PathBuf>,
    depth: usize,
    top: bool,
) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    if meta.is_file() {
        if top || crate::article::load::format_of(path).is_some() {
            files.push(path.to_path_buf());
        }
        return;
    }
    if !meta.is_dir() || depth > 64 {
        return;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        walk(&entry.path(), files, errors, seen, depth + 1, false);
    }
}

//! Finding article files under the library folders.

use std::path::{Path, PathBuf};

/// All article files under `roots` (paths given directly are kept whatever they are), sorted,
/// skipping hidden files and folders and following no symlinked folder twice; and a message
/// for each path that could not be looked at.
///
/// Nothing is left out without a word: folders are walked to any depth (with a loop of its
/// own, not recursion), names that are not valid UTF-8 are kept, and FIFOs, devices and
/// sockets named like articles are listed too, so that loading them says what they are.
pub fn scan(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in roots {
        let mut stack = vec![(root.clone(), true)];
        while let Some((path, top)) = stack.pop() {
            visit(&path, top, &mut stack, &mut files, &mut errors, &mut seen);
        }
    }
    files.sort();
    files.dedup();
    errors.sort();
    (files, errors)
}

fn visit(
    path: &Path,
    top: bool,
    stack: &mut Vec<(PathBuf, bool)>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    if !meta.is_dir() {
        // newsboat's cache (an SQLite database) is read only where it was named (`--newsboat`,
        // `library.newsboat`, a path given), never because a folder holds a `cache.db`.
        let format = crate::article::load::format_of(path);
        if top || format.is_some_and(|f| f != crate::article::Format::Newsboat) {
            files.push(path.to_path_buf());
        }
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
    for entry in entries {
        match entry {
            Ok(entry) => {
                if entry.file_name().as_encoded_bytes().starts_with(b".") {
                    continue;
                }
                stack.push((entry.path(), false));
            }
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_any_depth_are_walked() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for i in 0..100 {
            deep.push(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("deep.txt"), "x").unwrap();
        std::fs::write(dir.path().join("top.md"), "x").unwrap();
        std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
        let (files, errors) = scan(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files.iter().any(|f| f.ends_with("deep.txt")));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_and_fifos_are_listed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let latin1 = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        std::fs::write(&latin1, "x").unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let (files, errors) = scan(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(files, vec![latin1, fifo]);
    }
}

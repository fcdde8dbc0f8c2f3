//! Finding article files under the library folders.

use std::path::{Path, PathBuf};

/// All article files under `roots` (paths given directly are kept whatever they are), sorted,
/// skipping hidden files and folders (but for a Maildir's own subfolders, see
/// [`is_maildir_subfolder`]) and following no symlinked folder twice; and a message for each
/// path that could not be looked at. An `.xml` file is an article file when it is a feed
/// ([`load::is_article_file`](crate::article::load::is_article_file)).
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
        let newsboat = format == Some(crate::article::Format::Newsboat);
        if top || (!newsboat && crate::article::load::is_article_file(path)) {
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
                let hidden = entry.file_name().as_encoded_bytes().starts_with(b".");
                if hidden && !is_maildir_subfolder(&entry.path()) {
                    continue;
                }
                stack.push((entry.path(), false));
            }
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
}

/// Whether `dir` is a Maildir++ subfolder: a hidden folder (`.Newsletters`, `.Lists.rust`)
/// with its own `cur/` and `new/`, inside a Maildir (a folder with `cur/` and `new/`), as
/// Dovecot and Courier keep a mailbox's folders. Hidden by its name, yet mail.
pub fn is_maildir_subfolder(dir: &Path) -> bool {
    let name = dir.file_name().map(|n| n.as_encoded_bytes());
    let hidden = name.is_some_and(|n| n.len() > 1 && n[0] == b'.' && n != b"..");
    let maildir = |d: &Path| d.join("cur").is_dir() && d.join("new").is_dir();
    hidden && maildir(dir) && dir.parent().is_some_and(maildir)
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

    #[test]
    fn maildir_subfolders_are_walked_other_hidden_folders_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let mail = dir.path().join("Mail");
        let message = "From: A <a@x.example>\nSubject: S\n\nBody.\n";
        for sub in [
            "cur",
            "new",
            "tmp",
            ".Newsletters/cur",
            ".Newsletters/new",
            ".git/cur",
            ".git/new",
        ] {
            std::fs::create_dir_all(mail.join(sub)).unwrap();
        }
        std::fs::write(mail.join("cur/1733500000.M1P1.host:2,S"), message).unwrap();
        std::fs::write(mail.join(".Newsletters/new/1733500001.M1P2.host"), message).unwrap();
        // Not a Maildir++ folder: its parent is not a Maildir.
        std::fs::create_dir_all(dir.path().join(".hidden/cur")).unwrap();
        std::fs::create_dir_all(dir.path().join(".hidden/new")).unwrap();
        std::fs::write(dir.path().join(".hidden/new/1733500002.M1P3.host"), message).unwrap();
        // A hidden folder inside a Maildir without cur/ and new/ of its own.
        std::fs::create_dir_all(mail.join(".notes")).unwrap();
        std::fs::write(mail.join(".notes/a.txt"), "x").unwrap();
        let (files, errors) = scan(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "Mail/.Newsletters/new/1733500001.M1P2.host",
                "Mail/cur/1733500000.M1P1.host:2,S",
            ]
        );
        // `.git` has cur/ and new/ here, so it reads as a Maildir++ folder too; with none in
        // it, that lists nothing.
        assert!(is_maildir_subfolder(&mail.join(".git")));
        assert!(!is_maildir_subfolder(&mail.join(".notes")));
        assert!(!is_maildir_subfolder(&dir.path().join(".hidden")));
    }

    #[test]
    fn xml_files_in_a_folder_count_only_when_they_are_feeds() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("news.xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("sitemap.xml"),
            "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
        )
        .unwrap();
        std::fs::write(dir.path().join("odd.rss"), "<urlset/>").unwrap();
        let (files, errors) = scan(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        // `.rss` says it is a feed: listed, so that loading it says what is wrong.
        assert_eq!(names, ["news.xml", "odd.rss"]);
        // Named directly, a sitemap is loaded and refused with the reason.
        let (files, _) = scan(&[dir.path().join("sitemap.xml")]);
        assert_eq!(files.len(), 1);
    }
}

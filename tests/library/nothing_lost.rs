//! Nothing lost: onrecord never writes the library. Every feature that reads a library is
//! run against a generated one, and every file, folder and link in it is compared before
//! and after (content hash, size, mtime, permissions). The library is also made read-only
//! first (`chmod -R a-w`); as root that does not stop writes, which is why the snapshot
//! comparison, not the permissions, is what the test relies on.

use onrecord::library::Store;
use onrecord::library::memory::MemoryStore;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

#[derive(Debug, PartialEq)]
struct Entry {
    kind: &'static str,
    len: u64,
    modified: SystemTime,
    mode: u32,
    hash: Option<String>,
    link: Option<PathBuf>,
}

/// Everything in `root`, recursively, without following links.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(p) = todo.pop() {
        let meta = std::fs::symlink_metadata(&p).expect("stat");
        let ft = meta.file_type();
        let (kind, hash, link) = if ft.is_symlink() {
            ("link", None, Some(std::fs::read_link(&p).unwrap()))
        } else if ft.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
            ("dir", None, None)
        } else {
            let bytes = std::fs::read(&p).unwrap();
            (
                "file",
                Some(blake3::hash(&bytes).to_hex().to_string()),
                None,
            )
        };
        out.insert(
            p.strip_prefix(root).unwrap().to_path_buf(),
            Entry {
                kind,
                len: if ft.is_dir() { 0 } else { meta.len() },
                modified: meta.modified().unwrap(),
                mode: mode(&meta),
                hash,
                link,
            },
        );
    }
    out
}

#[cfg(unix)]
fn mode(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode()
}

#[cfg(not(unix))]
fn mode(meta: &std::fs::Metadata) -> u32 {
    meta.permissions().readonly() as u32
}

fn assert_unchanged(what: &str, before: &BTreeMap<PathBuf, Entry>, root: &Path) {
    let after = snapshot(root);
    for (p, e) in before {
        match after.get(p) {
            None => panic!("{what}: {} was removed", p.display()),
            Some(a) => assert_eq!(a, e, "{what}: {} changed", p.display()),
        }
    }
    for p in after.keys() {
        assert!(
            before.contains_key(p),
            "{what}: {} was created",
            p.display()
        );
    }
}

fn write(p: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A small library of every supported kind, plus files onrecord must skip.
fn make_library(root: &Path) {
    write(
        &root.join("world/port.txt"),
        "Port Strike Ends\n\nBy Ana Ruiz\n\nLISBON (Reuters) - \u{201C}We have a deal,\u{201D} \
         union leader Joao Silva said on Monday.\n\nThe port authority said ships would move \
         again by Friday.\n",
    );
    write(
        &root.join("world/budget.md"),
        "# Budget Passes\n\n*By Tom Lee*\n\n\u{201C}It is a fair budget,\u{201D} said Finance \
         Minister Eva Berg.\n\nCritics said it cut too deep.\n",
    );
    write(
        &root.join("tech/chips.html"),
        "<html><head><title>Chip Plant Opens</title></head><body><article><p>\u{201C}This is \
         the future,\u{201D} said CEO Mia Park of Nanotek in Austin.</p></article></body></html>",
    );
    {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<title>Zipped</title><p>\xE2\x80\x9CSmall,\xE2\x80\x9D said Ann Lee.</p>")
            .unwrap();
        write(&root.join("tech/zipped.html.gz"), gz.finish().unwrap());
    }
    // A page saved as MHTML, a newsletter as .eml, an mbox of three, a Maildir of two and two
    // feeds (the fixtures written for tests/formats/mhtml.rs, email.rs, mbox.rs and feeds.rs).
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (from, to) in [
        ("mhtml/ferry-strike.mhtml", "saved/ferry-strike.mhtml"),
        ("email/harbour-weekly.eml", "mail/harbour-weekly.eml"),
        ("email/newsletters.mbox", "mail/newsletters.mbox"),
        ("feeds/harbour.rss", "feeds/harbour.rss"),
        ("feeds/council.atom", "feeds/council.atom"),
        (
            "email/maildir/cur/1780898400.M1P4242Q1.mailhost:2,S",
            "mail/Maildir/cur/1780898400.M1P4242Q1.mailhost:2,S",
        ),
        (
            "email/maildir/new/1780984800.M2P4243Q1.mailhost",
            "mail/Maildir/new/1780984800.M2P4243Q1.mailhost",
        ),
    ] {
        write(&root.join(to), std::fs::read(data.join(from)).unwrap());
    }
    std::fs::create_dir_all(root.join("mail/Maildir/tmp")).unwrap();
    write(&root.join("notes/todo.pdf"), b"%PDF-1.4\n");
    write(&root.join("notes/image.txt"), b"\x89PNG\r\n\x1a\n\0\0");
    write(&root.join(".hidden/secret.txt"), "Hidden\n\nNot scanned.\n");
    write(&root.join("empty.md"), "");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("world/port.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("broken.txt")).unwrap();
    }
}

/// `chmod -R a-w` (files and folders), or back to writable.
#[cfg(unix)]
fn set_read_only(root: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mut todo = vec![root.to_path_buf()];
    let mut all = Vec::new();
    while let Some(p) = todo.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        if meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
        }
        all.push((p, meta.permissions().mode()));
    }
    for (p, m) in all {
        let m = if read_only { m & !0o222 } else { m | 0o200 };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
    }
}

#[cfg(not(unix))]
fn set_read_only(_root: &Path, _read_only: bool) {}

fn onrecord(args: &[&std::ffi::OsStr], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        // Keep every platform dir (config, data, state, cache) inside the test's temp dir.
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run onrecord")
}

/// Restores write permission on drop so the temp dir can be removed even after a failure.
struct Unlock(PathBuf);

impl Drop for Unlock {
    fn drop(&mut self) {
        set_read_only(&self.0, false);
    }
}

#[test]
fn no_feature_writes_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("library");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    make_library(&lib);
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[library]\npaths = [{:?}]\nindex = {:?}\n",
            lib.display().to_string(),
            tmp.path().join("index").display().to_string()
        ),
    )
    .unwrap();
    // mtimes have coarse resolution on some file systems: make sure a write would show.
    std::thread::sleep(std::time::Duration::from_millis(20));
    set_read_only(&lib, true);
    let _unlock = Unlock(lib.clone());
    let before = snapshot(&lib);
    assert!(before.len() >= 12, "{before:#?}");

    // extract, both formats, on every file (good and bad).
    let files: Vec<PathBuf> = before
        .iter()
        .filter(|(_, e)| e.kind != "dir")
        .map(|(p, _)| lib.join(p))
        .collect();
    for format in ["json", "text"] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "--config".as_ref(),
            config.as_os_str(),
            "extract".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ];
        args.extend(files.iter().map(|p| p.as_os_str()));
        let out = onrecord(&args, &home);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("port.txt")
                && stdout.contains("zipped.html.gz")
                && stdout.contains("ferry-strike.mhtml")
                && stdout.contains("harbour-weekly.eml")
                && stdout.contains("pool.reopens@civic.example")
                && stdout.contains("ledger-2026-0612-lifeboat")
                && stdout.contains("tag:council.example,2026:library-hours")
                && stdout.contains("M1P4242Q1")
                && stdout.contains("M2P4243Q1"),
            "{format}: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_unchanged(&format!("extract --format {format}"), &before, &lib);
    }

    // The reader's in-memory store: load, browse, open, search, mark read.
    let store = MemoryStore::load(std::slice::from_ref(&lib), 1 << 20);
    let articles = store.articles().unwrap();
    assert!(articles.len() >= 16, "{articles:#?}");
    for a in &articles {
        store.open(a.id).unwrap();
        store.set_read(a.id, true).unwrap();
    }
    store.speakers().unwrap();
    store.search("deal", 10).unwrap();
    assert!(!store.problems().is_empty(), "the bad files are reported");
    drop(store);
    assert_unchanged("MemoryStore", &before, &lib);

    // Everything the binary offers that reads the library, with the index outside it.
    let help = String::from_utf8_lossy(&onrecord(&["--help".as_ref()], &home).stdout).to_string();
    let has = |cmd: &str| {
        help.lines()
            .any(|l| l.trim_start().starts_with(&format!("{cmd} ")))
    };
    if has("index") {
        let out = onrecord(
            &["--config".as_ref(), config.as_os_str(), "index".as_ref()],
            &home,
        );
        // Exit 1: the library holds files it cannot read (named on stderr); the rest is
        // indexed.
        assert_eq!(
            out.status.code(),
            Some(1),
            "index: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("files seen"));
        assert!(
            tmp.path().join("index").exists(),
            "the index is written where the config says"
        );
        assert_unchanged("index", &before, &lib);
        // Indexing again (nothing changed) and the query commands.
        let queries: [&[&str]; 4] = [
            &["index"],
            &["speakers"],
            &["search", "deal"],
            &["quotes", "--speaker", "Eva Berg"],
        ];
        for q in queries {
            if !has(q[0]) {
                continue;
            }
            let mut args: Vec<&std::ffi::OsStr> = vec!["--config".as_ref(), config.as_os_str()];
            args.extend(q.iter().map(std::ffi::OsStr::new));
            let out = onrecord(&args, &home);
            // `index` again reports the same unreadable files (exit 1).
            let expected = if q[0] == "index" { Some(1) } else { Some(0) };
            assert_eq!(
                out.status.code(),
                expected,
                "{q:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_unchanged(&format!("{q:?}"), &before, &lib);
        }
    } else {
        eprintln!("no `index` command in this build: skipped that part");
    }
}

/// An index configured inside the library (directly, or through a symlink to it, or with
/// the library named through a symlink) is refused before anything is written.
#[cfg(unix)]
#[test]
fn an_index_inside_the_library_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("library");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    make_library(&lib);
    let link = tmp.path().join("link-to-library");
    std::os::unix::fs::symlink(&lib, &link).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let before = snapshot(&lib);
    let help = String::from_utf8_lossy(&onrecord(&["--help".as_ref()], &home).stdout).to_string();
    if !help.lines().any(|l| l.trim_start().starts_with("index ")) {
        eprintln!("no `index` command in this build: skipped");
        return;
    }
    for (index, root) in [
        (lib.join(".onrecord/index.db"), &lib),
        (lib.join("index.db"), &lib),
        (link.join("index.db"), &lib),
        (lib.join("index.db"), &link),
    ] {
        let config = tmp.path().join("config.toml");
        std::fs::write(
            &config,
            format!("[library]\nindex = {:?}\n", index.display().to_string()),
        )
        .unwrap();
        let out = onrecord(
            &[
                "--config".as_ref(),
                config.as_os_str(),
                "index".as_ref(),
                root.as_os_str(),
            ],
            &home,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{index:?} in {root:?} was accepted");
        assert!(stderr.contains("inside the library"), "{stderr}");
        assert_unchanged(&format!("index at {index:?}"), &before, &lib);
    }
}

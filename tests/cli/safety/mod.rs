//! The README's Safety promises, each attacked end to end through the real binary:
//! hostile file names on every exit route, `--index` pointed at library files and through
//! symlinks, FIFOs and devices, files left out of a run.
//!
//! Every command runs under a deadline: a regression that hangs fails the test instead of
//! hanging the suite.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod corrupt_index;
mod streams;

/// How long any one command may take here (they take well under a second).
const DEADLINE: Duration = Duration::from_secs(30);

/// `onrecord` with an empty config and a private home, data and config dir under `tmp`.
fn onrecord(tmp: &Path) -> Command {
    let config = tmp.join("config.toml");
    if !config.exists() {
        std::fs::write(&config, "").unwrap();
    }
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.arg("--config")
        .arg(config)
        .env("HOME", tmp.join("home"))
        .env("XDG_DATA_HOME", tmp.join("home/data"))
        .env("XDG_CONFIG_HOME", tmp.join("home/config"))
        .env("XDG_STATE_HOME", tmp.join("home/state"));
    c
}

/// Runs `cmd` to the end, or kills it and fails the test after `deadline`.
fn run_within(mut cmd: Command, deadline: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the pipes on threads, so a chatty child never blocks on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut b).ok();
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut b).ok();
        b
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still running after {deadline:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    }
}

fn run(cmd: Command) -> Output {
    run_within(cmd, DEADLINE)
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

/// What the output policy lets out of the program: no control character (other than the
/// line feed and tab that separate lines and fields of the text outputs), no bidi control.
fn assert_policy(what: &str, s: &str) {
    for c in s.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
        assert!(!bad, "{what}: {c:?} got out in {s:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Nothing in a file can act on your terminal: every exit route.

/// A file name with DEL, C1 controls and a bidi override; the text has no headline, so the
/// title is made from its first sentence.
const HOSTILE_NAME: &str = "bad\u{7f}\u{9b}31m\u{9c}\u{9d}\u{202e}\u{2066}name.txt";

/// A library with one article under [`HOSTILE_NAME`], indexed; returns (lib, db).
fn hostile_library(tmp: &Path) -> (PathBuf, PathBuf) {
    let lib = tmp.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        lib.join(HOSTILE_NAME),
        "The council met on Monday to discuss the bridge and what comes after it.\n\n\
         \u{201C}We will build the bridge again,\u{201D} said Anna Berg.\n",
    )
    .unwrap();
    let db = tmp.join("index.sqlite3");
    let mut c = onrecord(tmp);
    c.arg("index").arg("--index").arg(&db).arg(&lib);
    let o = run(c);
    assert!(o.status.success(), "{}", text(&o).1);
    (lib, db)
}

fn query(tmp: &Path, db: &Path, args: &[&str]) -> Output {
    let mut c = onrecord(tmp);
    c.args(args).arg("--index").arg(db);
    let o = run(c);
    assert!(o.status.success(), "{args:?}: {}", text(&o).1);
    o
}

/// The JSON Lines of `o`, checked against the policy and parsed.
fn json_lines(what: &str, o: &Output) -> Vec<serde_json::Value> {
    let (stdout, _) = text(o);
    assert!(!stdout.is_empty(), "{what}: no output");
    assert_policy(what, &stdout);
    assert!(!stdout.trim_end().contains('\t'), "{what}: {stdout:?}");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{what}: {e}: {l}")))
        .collect()
}

#[test]
fn search_json_escapes_hostile_paths_and_titles_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, db) = hostile_library(tmp.path());
    let o = query(tmp.path(), &db, &["search", "--json", "bridge"]);
    let lines = json_lines("search --json", &o);
    let stdout = text(&o).0;
    assert!(
        stdout.contains("\\u009b") && stdout.contains("\\u202e"),
        "{stdout}"
    );
    // Escaped, not lost: the path decodes to the file's real name.
    let path = lines[0]["path"].as_str().unwrap();
    assert_eq!(
        Path::new(path),
        lib.canonicalize().unwrap().join(HOSTILE_NAME)
    );
}

#[test]
fn quotes_json_escapes_hostile_paths_and_titles_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, db) = hostile_library(tmp.path());
    let o = query(
        tmp.path(),
        &db,
        &["quotes", "--speaker", "Anna Berg", "--json"],
    );
    let lines = json_lines("quotes --json", &o);
    let path = lines[0]["path"].as_str().unwrap();
    assert_eq!(
        Path::new(path),
        lib.canonicalize().unwrap().join(HOSTILE_NAME)
    );
    // The title made from the first sentence is clean text.
    let title = lines[0]["title"].as_str().unwrap();
    assert_policy("title", title);
    assert!(title.starts_with("The council met on Monday"), "{title}");
}

/// Speaker names come from the analysis, not the loader: an analysis that keeps control
/// characters in a name must still print safely.
#[test]
fn speakers_json_escapes_hostile_names_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(
        &lib,
        "a.txt",
        "Title",
        &["\u{201C}Hi there,\u{201D} said Eve Bad."],
    );
    let hostile = "Eve\u{7f}\u{9b}31m \u{202e}Bad\u{2066}";
    let analyzer: onrecord::library::indexer::Analyzer = std::sync::Arc::new(move |a| {
        let mut an = support::simple_analyze(a);
        for q in &mut an.quotes {
            q.speaker = Some(hostile.into());
        }
        an
    });
    let opts = onrecord::library::indexer::IndexOptions {
        analyzer,
        ..onrecord::library::indexer::IndexOptions::default()
    };
    onrecord::library::indexer::open_and_update(
        &db,
        &onrecord::library::indexer::Scope::Roots(vec![lib]),
        &opts,
        &mut |_| {},
    )
    .unwrap();
    let o = query(tmp.path(), &db, &["speakers", "--json"]);
    let lines = json_lines("speakers --json", &o);
    assert_eq!(
        lines[0]["name"].as_str(),
        Some(hostile),
        "escaped, not lost"
    );
    // And the text outputs replace them.
    for (args, shown) in [
        (&["speakers"][..], "Eve"),
        (&["quotes", "--speaker", hostile], "Hi there"),
    ] {
        let o = query(tmp.path(), &db, args);
        let (stdout, _) = text(&o);
        assert!(stdout.contains(shown), "{args:?}: {stdout}");
        assert_policy(&format!("{args:?}"), &stdout);
    }
}

#[test]
fn text_outputs_replace_hostile_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, db) = hostile_library(tmp.path());
    for args in [
        &["search", "bridge"][..],
        &["quotes", "--speaker", "Anna Berg"],
        &["speakers"],
    ] {
        let o = query(tmp.path(), &db, args);
        let (stdout, _) = text(&o);
        assert!(!stdout.is_empty(), "{args:?}");
        assert_policy(&format!("{args:?}"), &stdout);
    }
    let mut c = onrecord(tmp.path());
    c.args(["extract", "--format", "text"]).arg(&lib);
    let o = run(c);
    let (stdout, stderr) = text(&o);
    assert!(o.status.success(), "{stderr}");
    assert!(stdout.contains("Anna Berg"), "{stdout}");
    assert_policy("extract --format text", &stdout);
    let mut c = onrecord(tmp.path());
    c.args(["extract", "--format", "json"]).arg(&lib);
    json_lines("extract --format json", &run(c));
    // The summary of `index` names the index and what it saw; its stderr names problems.
    let mut c = onrecord(tmp.path());
    c.arg("index").arg("--index").arg(&db).arg(&lib);
    let o = run(c);
    assert_policy("index stdout", &text(&o).0);
    assert_policy("index stderr", &text(&o).1);
}

// ---------------------------------------------------------------------------------------
// It never writes your library: `--index` at a library file, at any other file, through
// symlinks.

/// A library of two articles; returns it with its snapshot.
fn library(tmp: &Path) -> PathBuf {
    let lib = tmp.join("lib");
    support::write(
        &lib,
        "story.txt",
        "Bridge to reopen",
        &["The bridge reopens in May."],
    );
    support::write(&lib, "sub/other.txt", "Ferry fares", &["Fares rise again."]);
    lib
}

type Snapshot = std::collections::BTreeMap<PathBuf, (u64, std::time::SystemTime, String)>;

/// Everything under `dir` (names, sizes, times, content hashes), plus the names next to
/// it (but the test's own config and home), so that a file moved aside shows too.
fn snapshot(dir: &Path) -> (Snapshot, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "config.toml" && n != "home")
        .collect();
    names.sort();
    (support::snapshot(dir), names)
}

#[test]
fn query_commands_refuse_a_library_file_as_the_index_and_leave_it_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let before = snapshot(&lib);
    let story = lib.join("story.txt");
    for args in [
        &["search", "bridge"][..],
        &["speakers"],
        &["quotes", "--speaker", "Ann"],
        &["search", "--json", "bridge"],
    ] {
        let mut c = onrecord(tmp.path());
        c.args(args).arg("--index").arg(&story);
        let o = run(c);
        let (_, stderr) = text(&o);
        assert!(!o.status.success(), "{args:?}");
        assert!(
            stderr.contains("not an onrecord index"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("story.txt"), "{stderr}");
        assert_eq!(snapshot(&lib), before, "{args:?} changed the library");
    }
}

#[test]
fn no_command_replaces_a_file_that_is_not_an_index() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let notes_dir = tmp.path().join("home-notes");
    std::fs::create_dir_all(&notes_dir).unwrap();
    let notes = notes_dir.join("notes.txt");
    std::fs::write(&notes, "my own notes, not a database\n").unwrap();
    let before = snapshot(&notes_dir);
    for args in [&["speakers"][..], &["search", "notes"], &["index"]] {
        let mut c = onrecord(tmp.path());
        c.args(args).arg("--index").arg(&notes);
        if args == ["index"] {
            c.arg(&lib);
        }
        let o = run(c);
        let (_, stderr) = text(&o);
        assert!(!o.status.success(), "{args:?}");
        assert!(
            stderr.contains("not an onrecord index"),
            "{args:?}: {stderr}"
        );
        assert_eq!(snapshot(&notes_dir), before, "{args:?} touched notes.txt");
    }
}

#[test]
fn query_commands_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("new/folder/index.sqlite3");
    for args in [
        &["speakers"][..],
        &["search", "x"],
        &["quotes", "--speaker", "x"],
    ] {
        let mut c = onrecord(tmp.path());
        c.args(args).arg("--index").arg(&db);
        let o = run(c);
        let (_, stderr) = text(&o);
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr.contains("no index at"), "{args:?}: {stderr}");
        assert!(
            !tmp.path().join("new").exists(),
            "{args:?} created a folder"
        );
    }
    // An empty file (a new file, or SQLite's before its first write) is no index either,
    // and stays empty.
    let empty = tmp.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let mut c = onrecord(tmp.path());
    c.args(["speakers", "--index"]).arg(&empty);
    let o = run(c);
    assert!(!o.status.success());
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
}

#[cfg(unix)]
#[test]
fn an_index_path_through_symlinks_into_the_library_is_refused() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let x = tmp.path().join("x");
    std::fs::create_dir_all(&x).unwrap();
    symlink(&lib, x.join("linkdir")).unwrap();
    symlink(lib.join("story.txt"), x.join("to-story")).unwrap();
    symlink(lib.join("new.sqlite3"), x.join("to-nothing-in-lib")).unwrap();
    let before = snapshot(&lib);
    for db in [
        x.join("to-story"),
        x.join("to-nothing-in-lib"),
        x.join("linkdir/idx.sqlite3"),
        x.join("linkdir/newsub/idx.sqlite3"),
        x.join("linkdir/newsub/deeper/../idx.sqlite3"),
        x.join("elsewhere/../linkdir/newsub/idx.sqlite3"),
    ] {
        let mut c = onrecord(tmp.path());
        c.arg("index").arg("--index").arg(&db).arg(&lib);
        let o = run(c);
        let (stdout, stderr) = text(&o);
        assert!(!o.status.success(), "{db:?}: {stdout}");
        assert!(
            stderr.contains("inside the library") || stderr.contains("leads"),
            "{db:?}: {stderr}"
        );
        assert_eq!(snapshot(&lib), before, "{db:?}: the library changed");
    }
    // The data dir through a symlinked folder (no --index, no library.index).
    let mut c = onrecord(tmp.path());
    c.env("XDG_DATA_HOME", x.join("linkdir/.data"))
        .arg("index")
        .arg(&lib);
    let o = run(c);
    let (_, stderr) = text(&o);
    assert!(!o.status.success());
    assert!(stderr.contains("inside the library"), "{stderr}");
    assert_eq!(snapshot(&lib), before, "XDG_DATA_HOME: the library changed");
    // An index outside the library through the same kind of path is fine.
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    symlink(&out, x.join("outlink")).unwrap();
    let mut c = onrecord(tmp.path());
    c.arg("index")
        .arg("--index")
        .arg(x.join("outlink/new/idx.sqlite3"))
        .arg(&lib);
    let o = run(c);
    assert!(o.status.success(), "{}", text(&o).1);
    assert!(out.join("new/idx.sqlite3").exists());
}

// ---------------------------------------------------------------------------------------
// Bad files are reported, not fatal: FIFOs never hang anything.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {path:?}");
}

/// Runs `f` on a thread; fails the test if it has not returned after `deadline`.
fn within<T: Send + 'static>(
    what: &str,
    deadline: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(deadline)
        .unwrap_or_else(|_| panic!("{what}: still running after {deadline:?}: it hangs"))
}

#[cfg(unix)]
#[test]
fn extract_refuses_a_fifo_at_once_and_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    mkfifo(&fifo);
    let good = support::write(tmp.path(), "good.txt", "Good Title", &["Body text."]);
    let mut c = onrecord(tmp.path());
    c.arg("extract").arg(&fifo).arg(&good);
    let o = run_within(c, Duration::from_secs(20));
    let (stdout, stderr) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("not a regular file (a FIFO)"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Good Title"),
        "the other file is still read: {stdout}"
    );
}

/// A file replaced by a FIFO after the scan: the run reads it by the path it listed. The
/// watcher hands the indexer such paths directly (Scope::Paths), as here.
#[cfg(unix)]
#[test]
fn indexing_a_path_that_is_a_fifo_returns_with_the_reason() {
    use onrecord::library::db::Index;
    use onrecord::library::indexer::{IndexOptions, Scope, update};
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let good = support::write(&lib, "good.txt", "Good Title", &["Body text."]);
    let fifo = lib.join("pipe.txt");
    mkfifo(&fifo);
    let db = tmp.path().join("index.sqlite3");
    let summary = within("update over a FIFO", Duration::from_secs(20), move || {
        let (mut ix, _) = Index::open(&db, false).unwrap();
        let paths = Scope::Paths(vec![fifo, good]);
        update(&mut ix, &paths, &IndexOptions::default(), &mut |_| {}).unwrap()
    });
    assert_eq!(summary.new, 1, "{summary:?}");
    assert_eq!(summary.failures.len(), 1, "{summary:?}");
    let (path, message) = &summary.failures[0];
    assert!(path.ends_with("pipe.txt"), "{path:?}");
    assert!(message.contains("not a regular file (a FIFO)"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_config_file_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("config.fifo");
    mkfifo(&fifo);
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.arg("--config").arg(&fifo).arg("keys");
    let o = run_within(c, Duration::from_secs(20));
    let (_, stderr) = text(&o);
    assert!(!o.status.success());
    assert!(
        stderr.contains("config.fifo") && stderr.contains("not a regular file (a FIFO)"),
        "{stderr}"
    );
}

/// A FIFO appearing in a watched library: the watcher names it and goes on to the next
/// file, and stopping the watcher returns at once.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_watched_library_is_reported_and_the_watcher_goes_on() {
    // On a thread: a watcher stuck on the FIFO would also hang the test's own unwinding.
    within("the watcher test", Duration::from_secs(60), watch_a_fifo);
}

#[cfg(unix)]
fn watch_a_fifo() {
    use onrecord::library::indexer::{IndexEvent, IndexOptions, Scope, open_and_update};
    use onrecord::library::watch::LibraryWatcher;
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    support::write(&lib, "a.txt", "First Title", &["Body text."]);
    let lib = lib.canonicalize().unwrap();
    let db = tmp.path().join("index.sqlite3");
    open_and_update(
        &db,
        &Scope::Roots(vec![lib.clone()]),
        &IndexOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<IndexEvent>();
    let watcher = LibraryWatcher::spawn(
        std::slice::from_ref(&lib),
        db.clone(),
        IndexOptions::default(),
        move |ev| {
            let _ = tx.send(ev);
        },
    )
    .unwrap();
    mkfifo(&lib.join("b.txt"));
    let wait_for = |what: &str, ok: &dyn Fn(&onrecord::library::indexer::IndexSummary) -> bool| {
        let started = Instant::now();
        loop {
            let left = Duration::from_secs(20).saturating_sub(started.elapsed());
            match rx.recv_timeout(left) {
                Ok(IndexEvent::Finished(s)) if ok(&s) => return s,
                Ok(_) => {}
                Err(_) => panic!("the watcher never reported {what}: it hangs"),
            }
        }
    };
    let s = wait_for("the FIFO", &|s| s.failed > 0);
    assert!(
        s.failures
            .iter()
            .any(|(p, m)| p.ends_with("b.txt") && m.contains("a FIFO")),
        "{s:?}"
    );
    support::write(&lib, "c.txt", "Third Title", &["More text."]);
    wait_for("the next file", &|s| s.new == 1);
    let started = Instant::now();
    drop(watcher);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "stopping waited"
    );
}

// ---------------------------------------------------------------------------------------
// Files left out without a word: every file seen and not indexed is named on stderr with
// its reason, and the exit status says so.

fn index_run(tmp: &Path, db: &Path, paths: &[&Path]) -> (Option<i32>, String, String) {
    let mut c = onrecord(tmp);
    c.arg("index").arg("--index").arg(db).args(paths);
    let o = run(c);
    let (stdout, stderr) = text(&o);
    (o.status.code(), stdout, stderr)
}

#[test]
fn folders_deeper_than_64_levels_are_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut deep = lib.clone();
    for i in 0..80 {
        deep.push(format!("d{i}"));
    }
    support::write(&lib, "top.txt", "Top Title", &["Body text."]);
    support::write(&deep, "deep.txt", "Deep Title", &["Body text."]);
    let db = tmp.path().join("index.sqlite3");
    let (code, stdout, stderr) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("2 files seen: 2 new"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_indexed_by_their_exact_bytes() {
    use onrecord::library::Store;
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 latin-1.txt");
    let file = lib.join(name);
    std::fs::write(
        &file,
        "Harbour Title\n\n\u{201C}Open,\u{201D} said Ann Lee.\n",
    )
    .unwrap();
    let db = tmp.path().join("index.sqlite3");
    let (code, stdout, stderr) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("1 files seen: 1 new"), "{stdout}");
    let store = onrecord::library::sqlite::SqliteStore::open_existing(&db).unwrap();
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        articles[0].path.as_os_str().as_bytes(),
        lib.canonicalize()
            .unwrap()
            .join(name)
            .as_os_str()
            .as_bytes(),
        "stored exactly, so it can be read again"
    );
    // Named directly, it is an article too (not "not a supported article file").
    let mut c = onrecord(tmp.path());
    c.arg("extract").arg(&file);
    let o = run(c);
    assert!(o.status.success(), "{}", text(&o).1);
    assert!(text(&o).0.contains("Harbour Title"));
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_named_with_their_reason_and_fail_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    support::write(&lib, "good.txt", "Good Title", &["Body text."]);
    let fifo = lib.join("pipe.txt");
    mkfifo(&fifo);
    let db = tmp.path().join("index.sqlite3");
    // In a folder.
    let (code, stdout, stderr) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(1), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("2 files seen: 1 new"), "{stdout}");
    assert!(
        stderr.contains("pipe.txt: not a regular file (a FIFO)"),
        "{stderr}"
    );
    // Named directly.
    for (path, kind) in [
        (fifo.as_path(), "a FIFO"),
        (Path::new("/dev/null"), "a character device"),
    ] {
        let (code, stdout, stderr) = index_run(tmp.path(), &db, &[path]);
        assert_eq!(code, Some(1), "{path:?}: {stdout}\n{stderr}");
        assert!(stdout.starts_with("1 files seen"), "{path:?}: {stdout}");
        assert!(
            stderr.contains(&format!("not a regular file ({kind})")),
            "{stderr}"
        );
    }
}

#[test]
fn a_file_that_failed_before_is_named_again_and_fails_the_run_again() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    support::write(&lib, "good.txt", "Good Title", &["Body text."]);
    std::fs::write(lib.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let db = tmp.path().join("index.sqlite3");
    for run in ["first", "second"] {
        let (code, stdout, stderr) = index_run(tmp.path(), &db, &[&lib]);
        assert_eq!(code, Some(1), "{run}: {stdout}\n{stderr}");
        assert!(stdout.contains("1 failed"), "{run}: {stdout}");
        let lines: Vec<_> = stderr.lines().filter(|l| l.contains("image.txt")).collect();
        assert_eq!(lines.len(), 1, "{run}: {stderr}");
        assert!(lines[0].contains("PNG image"), "{run}: {}", lines[0]);
    }
}

// ---------------------------------------------------------------------------------------
// A closed stdout pipe (`onrecord index PATH | head -1`) ends quietly.

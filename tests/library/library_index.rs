//! The SQLite index: incremental updates, deletion, re-extraction, speakers, search, state,
//! corruption, concurrency, and never touching the library.

use crate::support;

use onrecord::library::Store;
use onrecord::library::db::Index;
use onrecord::library::indexer::{self, IndexEvent, IndexSummary, Scope, open_and_update};
use onrecord::library::sqlite::{SqliteStore, fts_query};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use support::{options, snapshot, write};

fn run(db: &Path, roots: &[PathBuf], version: u32) -> (IndexSummary, usize) {
    let (opts, calls) = options(version);
    let s = open_and_update(db, &Scope::Roots(roots.to_vec()), &opts, &mut |_| {}).unwrap();
    (s, calls.load(Ordering::SeqCst))
}

fn store(db: &Path) -> SqliteStore {
    SqliteStore::open(db).unwrap().0
}

/// A library made by `make` in a temporary folder, indexed once (extractor version 1):
/// (the folder, which deletes all when dropped; the library; the index; a store on it).
fn indexed<T>(make: fn(&Path) -> T) -> (tempfile::TempDir, PathBuf, PathBuf, SqliteStore) {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    make(&lib);
    run(&db, std::slice::from_ref(&lib), 1);
    let st = store(&db);
    (tmp, lib, db, st)
}

fn sample_library(dir: &Path) -> Vec<PathBuf> {
    vec![
        write(
            dir,
            "a/merkel.txt",
            "Chancellor speaks on budget",
            &[
                "“We will balance the budget,” said Angela Merkel.",
                "“Taxes are too high,” said John Smith.",
            ],
        ),
        write(
            dir,
            "a/smith.txt",
            "Smiths disagree on schools",
            &[
                "“Schools need money,” said Jane Smith.",
                "“Schools need reform,” said John Smith.",
                "John Smith said that the reform would take years.",
            ],
        ),
        write(
            dir,
            "b/merkel2.md",
            "Merkel returns to Berlin",
            &["“I am glad to be back,” said Angela Merkel."],
        ),
    ]
}

#[test]
fn incremental_updates_only_touch_changed_files() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("data/index.sqlite3");
    let files = sample_library(&lib);

    let (s, calls) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!(
        (s.seen, s.new, s.unchanged, s.failed),
        (3, 3, 0, 0),
        "{s:?}"
    );
    assert_eq!(calls, 3);

    let (s, calls) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!((s.new, s.changed, s.unchanged), (0, 0, 3), "{s:?}");
    assert_eq!(calls, 0, "unchanged files are not read again");

    // Same content, new mtime: hashed, not re-analyzed.
    let f = std::fs::File::options()
        .write(true)
        .open(&files[2])
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    drop(f);
    let (s, calls) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!((s.changed, s.unchanged), (0, 3), "{s:?}");
    assert_eq!(calls, 0);

    // Changed content: only that file.
    write(
        &lib,
        "a/merkel.txt",
        "Chancellor speaks on budget",
        &["“We will cut spending instead,” said Angela Merkel."],
    );
    let added = write(
        &lib,
        "b/new.txt",
        "A new voice",
        &["“Hello there,” said Maria Chen."],
    );
    let (s, calls) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!((s.new, s.changed, s.unchanged), (1, 1, 2), "{s:?}");
    assert_eq!(calls, 2);

    let st = store(&db);
    assert_eq!(st.articles().unwrap().len(), 4);
    let merkel = st.quotes_by("Angela Merkel").unwrap();
    let texts: Vec<&str> = merkel.iter().map(|q| q.text.as_str()).collect();
    assert!(
        texts.contains(&"We will cut spending instead,"),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("balance")), "{texts:?}");
    assert!(st.search("spending", 10).unwrap().len() == 1);
    assert!(st.search("balance", 10).unwrap().is_empty());
    assert_eq!(st.quotes_by("Maria Chen").unwrap()[0].path, added);
}

#[test]
fn deleted_files_leave_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    let files = sample_library(&lib);
    run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!(store(&db).quotes_by("Jane Smith").unwrap().len(), 1);

    std::fs::remove_file(&files[1]).unwrap();
    let (s, _) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!((s.removed, s.unchanged), (1, 2), "{s:?}");
    let st = store(&db);
    assert_eq!(st.articles().unwrap().len(), 2);
    assert!(st.quotes_by("Jane Smith").unwrap().is_empty());
    assert!(st.search("Schools", 10).unwrap().is_empty());
    let john = st
        .speakers()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "John Smith")
        .unwrap();
    assert_eq!((john.quotes, john.articles), (1, 1));

    // A whole folder gone.
    std::fs::remove_dir_all(lib.join("b")).unwrap();
    let (s, _) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!(s.removed, 1);
    assert_eq!(store(&db).articles().unwrap().len(), 1);

    // A missing root (unmounted drive) does not empty the index.
    let other = tmp.path().join("gone");
    let (s, _) = run(&db, &[other], 1);
    assert_eq!(s.removed, 0);
    assert_eq!(store(&db).articles().unwrap().len(), 1);
}

#[test]
fn extractor_version_change_reextracts_only_stale_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);
    run(&db, std::slice::from_ref(&lib), 1);
    let (s, calls) = run(&db, std::slice::from_ref(&lib), 2);
    assert_eq!((s.reextracted, s.unchanged, s.new), (3, 0, 0), "{s:?}");
    assert_eq!(calls, 3);
    let (s, calls) = run(&db, std::slice::from_ref(&lib), 2);
    assert_eq!((s.reextracted, s.unchanged), (0, 3), "{s:?}");
    assert_eq!(calls, 0);
    // Counts are not doubled by re-extraction.
    let merkel = store(&db)
        .speakers()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Angela Merkel")
        .unwrap();
    assert_eq!((merkel.quotes, merkel.articles), (2, 2));
}

#[test]
fn speakers_merge_by_canonical_name_but_not_by_shared_surname() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);
    write(
        &lib,
        "c/caps.txt",
        "Shouting",
        &[
            "“Loud,” said ANGELA MERKEL.",
            "“Quiet,” said Dr. Angela Merkel.",
        ],
    );
    // Surname only, no full name in this article: the library's evidence decides.
    write(&lib, "c/surname.txt", "Briefly", &["“Short,” Merkel said."]);
    write(
        &lib,
        "c/smith.txt",
        "Which Smith",
        &["“Who am I,” Smith said."],
    );
    run(&db, std::slice::from_ref(&lib), 1);
    let st = store(&db);
    let speakers = st.speakers().unwrap();
    let find = |n: &str| speakers.iter().find(|s| s.name == n).cloned();
    let merkel = find("Angela Merkel").expect("one Angela Merkel");
    assert_eq!((merkel.quotes, merkel.articles), (5, 4), "{speakers:?}");
    assert!(find("Merkel").is_none(), "{speakers:?}");
    let john = find("John Smith").unwrap();
    let jane = find("Jane Smith").unwrap();
    assert_eq!((john.quotes, jane.quotes), (3, 1));
    // Two different Smiths in the library: a bare "Smith" is neither.
    assert_eq!(find("Smith").map(|s| s.quotes), Some(1), "{speakers:?}");
    // The bare "Smith" is a speaker of its own.
    assert_eq!(st.quotes_by("Smith").unwrap()[0].text, "Who am I,");
    // A unique surname finds its speaker.
    assert_eq!(st.quotes_by("merkel").unwrap().len(), 5);
    // Quotes come with their article and offsets into the body.
    for q in st.quotes_by("Angela Merkel").unwrap() {
        let (article, _) = st.open(q.article).unwrap();
        assert_eq!(&article.body[q.start..q.end], q.text);
    }

    // A surname typed by the user that fits two people is reported, not guessed.
    write(
        &lib,
        "d/park1.txt",
        "Parks",
        &["“One,” said Min Park.", "“Two,” said Jae Park."],
    );
    run(&db, std::slice::from_ref(&lib), 1);
    let err = store(&db).quotes_by("Park").unwrap_err().to_string();
    assert!(
        err.contains("Min Park") && err.contains("Jae Park"),
        "{err}"
    );

    // Once the library has a second Merkel, the bare surname stops being merged.
    write(
        &lib,
        "d/other.txt",
        "Another Merkel",
        &["“Not her,” said Peter Merkel."],
    );
    run(&db, std::slice::from_ref(&lib), 1);
    let speakers = store(&db).speakers().unwrap();
    let merkel = speakers.iter().find(|s| s.name == "Angela Merkel").unwrap();
    assert_eq!(merkel.quotes, 4, "{speakers:?}");
    assert!(speakers.iter().any(|s| s.name == "Merkel"), "{speakers:?}");
}

#[test]
fn store_is_lazy_and_keeps_reading_state() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    let files = sample_library(&lib);
    run(&db, std::slice::from_ref(&lib), 1);
    let st = store(&db);
    let list = st.articles().unwrap();
    let a = list.iter().find(|a| a.path == files[1]).unwrap();
    assert_eq!(a.title, "Smiths disagree on schools");
    assert_eq!(a.quote_count, 3);
    let (article, analysis) = st.open(a.id).unwrap();
    assert!(article.body.contains("Schools need money"));
    assert_eq!(analysis, support::simple_analyze(&article));
    st.set_read(a.id, true).unwrap();
    st.set_starred(a.id, true).unwrap();
    drop(st);
    // Reading state survives reopening and re-indexing of the changed file.
    write(
        &lib,
        "a/smith.txt",
        "Smiths disagree on schools",
        &["“Changed,” said Jane Smith."],
    );
    run(&db, std::slice::from_ref(&lib), 1);
    let st = store(&db);
    let a2 = st
        .articles()
        .unwrap()
        .into_iter()
        .find(|x| x.path == files[1])
        .unwrap();
    assert!(a2.read && a2.starred);
    assert_eq!(a2.id, a.id);
    assert!(st.set_read(999_999, true).is_err());
}

#[test]
fn any_search_input_is_safe() {
    let (_tmp, _, _, st) = indexed(sample_library);
    let tricky = [
        "",
        "   ",
        "\"",
        "\"\"\"",
        "AND",
        "OR NOT",
        "NEAR(",
        "title:budget",
        "bud*",
        "^start",
        "a\"b",
        "(((",
        "-x",
        "+",
        "\u{0}\u{1b}[2J",
        "{col1 col2}: x",
        "über ça",
        "💥",
    ];
    for q in tricky {
        st.search(q, 10)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
    // Random byte soup.
    let mut seed = 0x1234_5678_u64;
    for _ in 0..300 {
        let len = (seed % 12) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let c = char::from_u32((seed >> 33) as u32 % 0x250).unwrap_or('x');
            s.push(c);
        }
        st.search(&s, 5)
            .unwrap_or_else(|e| panic!("query {s:?} failed: {e}"));
    }
    // Operators are words, not syntax; all words must match.
    assert_eq!(fts_query("a OR b").unwrap(), "\"a\" \"OR\" \"b\"");
    assert_eq!(st.search("budget", 10).unwrap().len(), 1);
    assert_eq!(st.search("BUDGET balance", 10).unwrap().len(), 1);
    assert!(st.search("budget schools", 10).unwrap().is_empty());
    assert_eq!(
        st.search("Smiths", 10).unwrap()[0].title,
        "Smiths disagree on schools"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("notes.txt");
    sample_library(&lib);
    std::fs::write(&db, vec![0x42u8; 8192]).unwrap();
    let (opts, _) = options(1);
    let err = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("not an onrecord index"), "{err}");
    assert!(Index::open_existing(&db).is_err());
    assert_eq!(std::fs::read(&db).unwrap(), vec![0x42u8; 8192]);
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "nothing moved aside or created: {names:?}");
}

#[test]
fn corrupt_index_is_moved_aside_and_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);

    // SQLite's header and junk after it (a file that is no database at all is refused and
    // left alone: `a_file_that_is_not_a_database_is_refused_and_left_alone`).
    let mut junk = b"SQLite format 3\0".to_vec();
    junk.extend(vec![0x42u8; 8192]);
    std::fs::write(&db, junk).unwrap();
    let (opts, _) = options(1);
    let mut notices = Vec::new();
    let s = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |e| {
        if let IndexEvent::Notice(n) = e {
            notices.push(n)
        }
    })
    .unwrap();
    assert_eq!(s.new, 3);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("corrupt"), "{notices:?}");
    let aside: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("index.sqlite3.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(store(&db).articles().unwrap().len(), 3);

    // A real index with damaged pages: quick_check (run by `index`) catches it.
    {
        let ix = Index::open(&db, false).unwrap().0;
        ix.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4096 * 4);
    for b in &mut bytes[4096 * 2..] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).unwrap();
    let (mut opts, _) = options(1);
    opts.check = true;
    let s = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    assert_eq!(s.new, 3, "rebuilt from scratch: {s:?}");
    assert!(!s.notices.is_empty());
    Index::open(&db, true).unwrap();
}

#[test]
fn concurrent_indexers_and_readers_share_one_index() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    for i in 0..120 {
        write(
            &lib,
            &format!("f{}/a{i}.txt", i % 5),
            &format!("Article number {i}"),
            &[&format!("“Point {i},” said Person{} Speaker.", i % 7)],
        );
    }
    // Two writers on the same library at the same time, plus a reader polling.
    std::thread::scope(|s| {
        let w: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let (opts, _) = options(1);
                    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {})
                        .unwrap()
                })
            })
            .collect();
        s.spawn(|| {
            for _ in 0..20 {
                if let Ok((st, _)) = SqliteStore::open(&db) {
                    st.articles().unwrap();
                    st.speakers().unwrap();
                    st.search("Point", 5).unwrap();
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        });
        for h in w {
            h.join().unwrap();
        }
    });
    let st = store(&db);
    assert_eq!(st.articles().unwrap().len(), 120);
    let total: usize = st.speakers().unwrap().iter().map(|s| s.quotes).sum();
    assert_eq!(total, 120, "no quote counted twice");
    let ix = Index::open(&db, true).unwrap().0;
    ix.conn()
        .execute("INSERT INTO fts(fts) VALUES('integrity-check')", [])
        .unwrap();
}

#[test]
fn the_library_is_never_written_and_may_be_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("data/index.sqlite3");
    sample_library(&lib);
    write(&lib, "bad/binary.txt", "x", &["\u{0}\u{0}\u{0}\u{0}"]);
    std::fs::write(lib.join("bad/huge.txt"), vec![b'a'; 5000]).unwrap();
    // Read-only: folders r-x, files r--.
    let mut dirs = Vec::new();
    for (p, _) in snapshot(&lib) {
        let mut perm = std::fs::metadata(&p).unwrap().permissions();
        use std::os::unix::fs::PermissionsExt;
        if p.is_dir() {
            perm.set_mode(0o555);
            dirs.push(p.clone());
        } else {
            perm.set_mode(0o444);
        }
        std::fs::set_permissions(&p, perm).unwrap();
    }
    let before = snapshot(&lib);
    let (mut opts, _) = options(1);
    opts.max_file_bytes = 4096;
    let s = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    assert_eq!(s.new, 3, "{s:?}");
    assert!(s.failed >= 1, "{s:?}");
    let st = store(&db);
    st.search("budget", 5).unwrap();
    let id = st.articles().unwrap()[0].id;
    st.set_read(id, true).unwrap();
    assert!(!st.problems().is_empty());
    // A watcher round, too.
    let (opts2, _) = options(1);
    let w = onrecord::library::watch::LibraryWatcher::spawn(
        std::slice::from_ref(&lib),
        db.clone(),
        opts2,
        |_| {},
    )
    .unwrap();
    drop(w);
    run(&db, std::slice::from_ref(&lib), 2);
    assert_eq!(snapshot(&lib), before, "the library changed");
    let names: Vec<String> = before.keys().map(|p| p.display().to_string()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("sqlite") || n.ends_with("-wal"))
    );
    // The index may not be put inside the library.
    let inside = lib.join("a/index.sqlite3");
    let err = indexer::check_index_location(&inside, std::slice::from_ref(&lib)).unwrap_err();
    assert!(err.to_string().contains("inside the library"), "{err}");
    for d in dirs {
        use std::os::unix::fs::PermissionsExt;
        let mut perm = std::fs::metadata(&d).unwrap().permissions();
        perm.set_mode(0o755);
        std::fs::set_permissions(&d, perm).unwrap();
    }
}

#[test]
fn background_indexer_reports_progress_and_commits() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    for i in 0..40 {
        write(
            &lib,
            &format!("a{i}.txt"),
            &format!("Story {i}"),
            &["“Yes,” said Ann Lee."],
        );
    }
    let (opts, _) = options(1);
    let (tx, rx) = std::sync::mpsc::channel();
    let h = indexer::Indexer::spawn(vec![lib.clone()], db.clone(), opts, move |e| {
        let _ = tx.send(e);
    });
    let summary = h.join().unwrap();
    assert_eq!(summary.new, 40);
    let events: Vec<IndexEvent> = rx.try_iter().collect();
    assert!(
        matches!(events.first(), Some(IndexEvent::Planned { total: 40, .. })),
        "{events:?}"
    );
    let commits: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            IndexEvent::Committed { done, total: 40 } => Some(*done),
            _ => None,
        })
        .collect();
    assert!(commits.len() >= 40 / 7, "batches of 7: {commits:?}");
    assert_eq!(commits.last(), Some(&40));
    assert!(commits.windows(2).all(|w| w[0] <= w[1]));
    assert!(matches!(events.last(), Some(IndexEvent::Finished(s)) if s.new == 40));
}

#[test]
fn watcher_indexes_added_changed_and_removed_files() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);
    run(&db, std::slice::from_ref(&lib), 1);
    let (opts, _) = options(1);
    let (tx, rx) = std::sync::mpsc::channel();
    let _w = onrecord::library::watch::LibraryWatcher::spawn(
        std::slice::from_ref(&lib),
        db.clone(),
        opts,
        move |e| {
            let _ = tx.send(e);
        },
    )
    .unwrap();
    let wait_finished = |what: &str| -> IndexSummary {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(IndexEvent::Finished(s)) => return s,
                Ok(IndexEvent::Failed(e)) => panic!("{what}: {e}"),
                Ok(_) => {}
                Err(_) => panic!("{what}: no update from the watcher"),
            }
        }
    };
    // Reading the library (as indexing does) is not a change.
    for (p, _) in snapshot(&lib) {
        if p.is_file() {
            std::fs::read(&p).unwrap();
        }
    }
    assert!(
        rx.recv_timeout(std::time::Duration::from_millis(1500))
            .is_err(),
        "reads triggered an update"
    );
    let added = write(
        &lib,
        "c/live.txt",
        "Live update",
        &["“Fresh,” said Omar Haddad."],
    );
    let s = wait_finished("add");
    assert_eq!(s.new, 1, "{s:?}");
    assert_eq!(store(&db).quotes_by("Omar Haddad").unwrap().len(), 1);

    std::fs::remove_file(&added).unwrap();
    let s = wait_finished("remove");
    assert_eq!(s.removed, 1, "{s:?}");
    assert!(store(&db).quotes_by("Omar Haddad").unwrap().is_empty());
    assert_eq!(store(&db).articles().unwrap().len(), 3);
}

#[test]
fn live_library_is_usable_at_once_then_indexes_and_follows_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);
    let (opts, _) = options(1);
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let live = onrecord::library::live::open(vec![lib.clone()], db.clone(), opts, move |e| {
        let _ = tx.lock().unwrap().send(e);
    })
    .unwrap();
    // Usable before indexing is done (possibly empty).
    assert!(live.store.articles().unwrap().len() <= 3);
    let mut finished = 0;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while finished == 0 && std::time::Instant::now() < deadline {
        if let Ok(IndexEvent::Finished(s)) = rx.recv_timeout(std::time::Duration::from_secs(1)) {
            assert_eq!(s.new, 3);
            finished += 1;
        }
    }
    assert_eq!(finished, 1);
    assert_eq!(live.store.articles().unwrap().len(), 3);
    write(&lib, "z/late.txt", "Late", &["“Late news,” said Ida Long."]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        if let Ok(IndexEvent::Finished(s)) = rx.recv_timeout(std::time::Duration::from_secs(1))
            && s.new == 1
        {
            break;
        }
    }
    assert_eq!(live.store.quotes_by("Ida Long").unwrap().len(), 1);
    assert!(live.indexer.is_finished());
}

#[test]
fn a_version_1_index_migrates_keeping_reading_state() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    let files = sample_library(&lib);
    {
        // An index as version 1 wrote it (analysis as JSON text).
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(onrecord::library::db::MIGRATIONS[0])
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        let path = onrecord::library::db::path_key(&files[0]);
        c.execute(
            "INSERT INTO articles(id, path, size, mtime, hash, extractor, format, title, byline, \
             date, quote_count, read, starred, indexed_at) \
             VALUES (7, ?, 1, 1, x'00', 1, 'text', 'Old', '[]', NULL, 0, 1, 1, 0)",
            [path],
        )
        .unwrap();
        c.execute(
            "INSERT INTO docs(id, title, body, meta, analysis, warnings) \
             VALUES (7, 'Old', 'old body', '{}', '{\"quotes\":[],\"entities\":[]}', '[]')",
            [],
        )
        .unwrap();
    }
    let (s, _) = run(&db, std::slice::from_ref(&lib), 1);
    assert_eq!((s.new, s.changed), (2, 1), "{s:?}");
    let version: i64 = Index::open(&db, true)
        .unwrap()
        .0
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, onrecord::library::db::SCHEMA_VERSION);
    let st = store(&db);
    let a = st
        .articles()
        .unwrap()
        .into_iter()
        .find(|a| a.path == files[0])
        .unwrap();
    assert_eq!(a.id, 7);
    assert!(a.read && a.starred);
    let (article, analysis) = st.open(7).unwrap();
    assert!(article.body.contains("balance the budget"));
    assert_eq!(analysis.quotes.len(), 2);
    assert!(st.search("old body", 5).unwrap().is_empty());
    assert_eq!(st.search("balance", 5).unwrap()[0].article, 7);
}

#[test]
fn packed_analyses_round_trip_whatever_their_size() {
    use onrecord::library::db::{pack_analysis, unpack_analysis};
    let article = onrecord::article::Article {
        body: "“We will balance the budget,” Maria Lopez said on Monday. \
               Tom Baker, the mayor, said the plan was “a mistake”."
            .to_string(),
        ..Default::default()
    };
    let small = onrecord::extract::analyze(&article);
    assert!(!small.quotes.is_empty());
    // A big analysis whose JSON barely compresses (pseudo-random cues) makes the output
    // outgrow its first buffer; the same thread then packs a small one again.
    let mut big = small.clone();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..4000 {
        let mut q = small.quotes[0].clone();
        let cue: String = (0..400)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'!' + (x % 90) as u8)
            })
            .collect();
        q.cue = Some(cue);
        q.span = i..i + 1;
        big.quotes.push(q);
    }
    for a in [&small, &big, &small, &Default::default()] {
        let packed = pack_analysis(a).unwrap();
        assert_eq!(&unpack_analysis(&packed).unwrap(), a);
    }
    let json = serde_json::to_vec(&big).unwrap();
    let packed = pack_analysis(&big).unwrap().len();
    assert!(packed > json.len() / 2, "{packed} of {}", json.len());
}

#[test]
fn many_instances_opening_a_new_index_at_once_all_succeed() {
    // Creating the database and switching it to WAL races between processes; SQLite answers
    // some of those races with SQLITE_BUSY without waiting, which must not reach the user.
    for round in 0..25 {
        let tmp = tempfile::tempdir().unwrap();
        let db = tmp.path().join(format!("index-{round}.sqlite3"));
        let barrier = std::sync::Barrier::new(6);
        std::thread::scope(|s| {
            let hs: Vec<_> = (0..6)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        Index::open(&db, false).map(|_| ())
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap().expect("every instance opens the index");
            }
        });
    }
}

/// A library where one speaker is quoted in articles of different dates (one undated).
fn dated_library(dir: &Path) {
    let dates = [
        "2024-03-02",
        "2021-11-30",
        "",
        "2024-03-02",
        "2023-01-15",
        "2022-07-04",
    ];
    for (i, date) in dates.iter().enumerate() {
        let front = if date.is_empty() {
            String::new()
        } else {
            format!("date: {date}\n")
        };
        let text = format!(
            "---\ntitle: Harbour report {i}\n{front}---\n\n\
             “The harbour opens in spring {i},” said Maria Chen, the port director.\n\n\
             “Boats will wait {i},” Chen said.\n\n\
             Chen said that the fees would stay the same {i}.\n"
        );
        let path = dir.join(format!("r{i}.md"));
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn a_speakers_quotes_page_in_date_order_without_sorting() {
    let (_tmp, _, db, st) = indexed(dated_library);
    let all = st.quotes_by("Maria Chen").unwrap();
    assert_eq!(all.len(), 18);
    // Library order: undated first, then by date, then article, then position.
    let keys: Vec<_> = all
        .iter()
        .map(|h| (h.date.clone().unwrap_or_default(), h.article, h.start))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(all[0].date, None);
    assert_eq!(all.last().unwrap().date.as_deref(), Some("2024-03-02"));
    // Pages of 4 walk the same list, each quote once.
    let mut paged = Vec::new();
    loop {
        let page = st.quotes_page("Maria Chen", paged.last(), 4).unwrap();
        assert_eq!(page.total, 18);
        assert!(page.hits.len() <= 4);
        if page.hits.is_empty() {
            break;
        }
        paged.extend(page.hits);
    }
    assert_eq!(paged, all);
    // Character offsets point at the quote in the body as JSON gives it.
    let (article, _) = st.open(all[0].article).unwrap();
    let chars: Vec<char> = article.body.chars().collect();
    let text: String = chars[all[0].char_start..all[0].char_end].iter().collect();
    assert_eq!(text, all[0].text);
    // The page is read off the speaker index in order: no sort of all the speaker's quotes.
    let ix = Index::open(&db, false).unwrap().0;
    let plan: Vec<String> = ix
        .conn()
        .prepare(
            "EXPLAIN QUERY PLAN SELECT q.article_id FROM quotes q JOIN articles a \
             ON a.id = q.article_id WHERE q.speaker_key = ?1 \
             AND (q.adate, q.article_id, q.start) > (?2, ?3, ?4) \
             ORDER BY q.adate, q.article_id, q.start LIMIT 10",
        )
        .unwrap()
        .query_map(rusqlite::params!["maria chen", "", -1, -1], |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let plan = plan.join("\n");
    assert!(plan.contains("quotes_by_speaker"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn a_version_3_index_migrates_its_quotes_to_library_order() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("index.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        for m in &onrecord::library::db::MIGRATIONS[..3] {
            c.execute_batch(m).unwrap();
        }
        c.pragma_update(None, "user_version", 3).unwrap();
        c.execute_batch(
            "INSERT INTO articles(id, path, size, mtime, hash, extractor, format, title, byline, \
             date, quote_count, indexed_at) VALUES \
             (1, x'2f612e747874', 1, 1, x'00', 2, 'text', 'Later', '[]', '2024-02-01', 1, 0), \
             (2, x'2f622e747874', 1, 1, x'00', 2, 'text', 'Earlier', '[]', '2020-05-05', 1, 0); \
             INSERT INTO quotes(article_id, idx, kind, start, end, cstart, cend, text, speaker, \
             speaker_kind, local_key, speaker_key) VALUES \
             (1, 0, 'direct', 0, 5, 0, 5, 'Later', 'Ida Long', 'person', 'ida long', 'ida long'), \
             (2, 0, 'direct', 0, 7, 0, 7, 'Earlier', 'Ida Long', 'person', 'ida long', 'ida long'); \
             INSERT INTO speakers(key, name, name_exact, kind, quotes, articles) VALUES \
             ('ida long', 'Ida Long', 1, 'person', 2, 2);",
        )
        .unwrap();
    }
    let st = store(&db);
    let page = st.quotes_page("Ida Long", None, 10).unwrap();
    let texts: Vec<&str> = page.hits.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["Earlier", "Later"]);
    assert_eq!(page.total, 2);
    let after = st.quotes_page("Ida Long", Some(&page.hits[0]), 10).unwrap();
    assert_eq!(after.hits.len(), 1);
    assert_eq!(after.hits[0].text, "Later");
}

#[test]
fn a_gated_background_run_waits_for_its_gate() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    sample_library(&lib);
    let (opts, _) = options(1);
    let gate = indexer::Gate::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let run = indexer::Indexer::spawn_gated(
        vec![lib.clone()],
        db.clone(),
        opts,
        gate.clone(),
        std::time::Duration::from_secs(600),
        move |e| {
            let _ = tx.send(e);
        },
    );
    // Closed: nothing happens (the wait is ten minutes).
    assert!(
        rx.recv_timeout(std::time::Duration::from_millis(300))
            .is_err()
    );
    assert!(!db.exists(), "the index is not even opened yet");
    gate.open();
    let summary = run.join().unwrap();
    assert_eq!(summary.new, 3);
    assert!(rx.iter().any(|e| matches!(e, IndexEvent::Finished(_))));
}

#[test]
fn articles_after_lists_only_what_was_added() {
    let (_tmp, lib, db, st) = indexed(sample_library);
    let all = st.articles().unwrap();
    assert_eq!(all.len(), 3);
    let max = all.iter().map(|a| a.id).max().unwrap();
    assert!(st.articles_after(max).unwrap().is_empty());
    let added = write(
        &lib,
        "c/new.txt",
        "Ferry fares rise",
        &["“Fares must rise,” said Ida Long."],
    );
    run(&db, std::slice::from_ref(&lib), 1);
    let after = st.articles_after(max).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].path, added);
    assert_eq!(after[0].title, "Ferry fares rise");
    let everything = st.articles_after(-1).unwrap();
    assert_eq!(everything.len(), 4);
}

#[test]
fn a_reader_opened_on_some_folders_lists_only_their_articles() {
    use onrecord::library::scoped::ScopedStore;
    let (tmp, lib, db, _) = indexed(sample_library);
    // A second folder indexed into the same index later.
    let other = tmp.path().join("other");
    write(
        &other,
        "zurich.txt",
        "Zurich budget vote",
        &["“The budget is fair,” said Corinne Mauch."],
    );
    run(&db, std::slice::from_ref(&other), 1);
    assert_eq!(store(&db).articles().unwrap().len(), 4);

    let scoped = ScopedStore::new(store(&db), std::slice::from_ref(&lib.join("a")));
    let mut titles: Vec<String> = scoped
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Chancellor speaks on budget", "Smiths disagree on schools"]
    );
    // Search sees the folder only: "budget" is also in the other folder's article.
    let hits = scoped.search("budget", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(
        hits[0]
            .path
            .starts_with(lib.join("a").canonicalize().unwrap())
    );
    // New articles elsewhere do not reach the list either.
    assert!(scoped.articles_after(0).unwrap().len() == 2);
    // Who said what follows the folder too: the other folder's speaker is not listed,
    // and a speaker's quotes and counts are those of the folder's articles.
    let names: Vec<String> = scoped
        .speakers()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(!names.iter().any(|n| n == "Corinne Mauch"), "{names:?}");
    let merkel = scoped.speakers().unwrap();
    let merkel = merkel.iter().find(|s| s.name == "Angela Merkel").unwrap();
    assert_eq!((merkel.quotes, merkel.articles), (1, 1), "b/ is not opened");
    assert!(
        store(&db)
            .speakers()
            .unwrap()
            .iter()
            .any(|s| s.name == "Corinne Mauch")
    );
    assert_eq!(
        scoped.quotes_page("Corinne Mauch", None, 10).unwrap().total,
        0
    );
    for s in scoped.speakers().unwrap() {
        let page = scoped.quotes_page(&s.name, None, 1000).unwrap();
        assert_eq!(page.total, s.quotes, "{}", s.name);
        assert_eq!(page.hits.len(), s.quotes, "{}", s.name);
        let root = lib.join("a").canonicalize().unwrap();
        assert!(page.hits.iter().all(|h| h.path.starts_with(&root)));
    }
    // A single file given as the path.
    let one = ScopedStore::new(store(&db), &[other.join("zurich.txt")]);
    assert_eq!(one.articles().unwrap().len(), 1);
    let only: Vec<String> = one
        .speakers()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(only, ["Corinne Mauch"]);
}

#[test]
fn a_full_disk_is_named_by_the_index_path() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    for i in 0..40 {
        let para = format!("\u{201C}Words {i},\u{201D} said Anna Berg.");
        write(
            &lib,
            &format!("a{i}.txt"),
            &format!("Story {i}"),
            &[para.as_str(); 200],
        );
    }
    let db = tmp.path().join("data/index.sqlite3");
    let (mut index, _) = Index::open(&db, false).unwrap();
    // What a full disk does to SQLite: no page can be added.
    let pages: i64 = index
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    index
        .conn()
        .query_row(
            &format!("PRAGMA max_page_count = {}", pages + 2),
            [],
            |_| Ok(()),
        )
        .unwrap();
    let err = indexer::update(
        &mut index,
        &Scope::Roots(vec![lib]),
        &options(1).0,
        &mut |_| {},
    )
    .expect_err("the index cannot grow");
    let msg = format!("{err:#}");
    assert!(msg.contains("database or disk is full"), "{msg}");
    assert!(
        msg.contains(&format!(
            "the disk holding {} is full",
            db.parent().unwrap().display()
        )),
        "{msg}"
    );
    assert!(msg.contains(&db.display().to_string()), "{msg}");
}

/// The reader keeps its own connection to the index, whose write-ahead log has pages in it
/// while it is open: the reader's background run must not take that for a run that did not
/// end (a plain `index` run, with no other connection of its own, still does).
#[test]
fn the_readers_own_open_log_is_no_sign_of_a_broken_run() {
    let (_tmp, lib, db, st) = indexed(sample_library);
    // A write through the reader's store leaves the log non-empty while it stays open.
    let id = st.articles().unwrap()[0].id;
    st.set_read(id, true).unwrap();
    let wal = db.with_file_name("index.sqlite3-wal");
    assert!(std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0));
    let notices = |opts: &indexer::IndexOptions| {
        let mut seen = Vec::new();
        open_and_update(&db, &Scope::Roots(vec![lib.clone()]), opts, &mut |e| {
            if let IndexEvent::Notice(n) = e {
                seen.push(n);
            }
        })
        .unwrap();
        seen
    };
    let light = indexer::IndexOptions::default().light();
    let seen = notices(&light);
    assert!(
        !seen.iter().any(|n| n.contains("did not end cleanly")),
        "{seen:?}"
    );
    drop(st);
}

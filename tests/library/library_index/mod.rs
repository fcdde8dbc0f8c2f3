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

mod listed_speakers;
mod ordering;

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

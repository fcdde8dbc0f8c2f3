//! newsboat's cache: each `rss_item` with content is an article, read from a cache made
//! here with newsboat's schema (its `rss_feed` and `rss_item` tables as newsboat creates
//! them) and items written for these tests. The cache is never written: not its bytes, not
//! a journal beside it, not its unread marks.

use crate::formats_support;
use crate::support;

use onrecord::article::Format;
use onrecord::article::load::DEFAULT_MAX_BYTES;
use onrecord::library::Store;
use onrecord::library::indexer::{IndexEvent, IndexSummary, Scope, open_and_update};
use onrecord::library::sources::load_file_items;
use onrecord::library::sqlite::SqliteStore;
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

/// newsboat's tables, as its cache code creates them.
const SCHEMA: &str = r#"
CREATE TABLE rss_feed (
    rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,
    url VARCHAR(1024) NOT NULL,
    title VARCHAR(1024) NOT NULL,
    lastmodified INTEGER(11) NOT NULL DEFAULT 0,
    is_rtl INTEGER(1) NOT NULL DEFAULT 0,
    etag VARCHAR(128) NOT NULL DEFAULT ""
);
CREATE TABLE rss_item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guid VARCHAR(64) NOT NULL,
    title VARCHAR(1024) NOT NULL,
    author VARCHAR(1024) NOT NULL,
    url VARCHAR(1024) NOT NULL,
    feedurl VARCHAR(1024) NOT NULL,
    pubDate INTEGER NOT NULL,
    content VARCHAR(65535) NOT NULL,
    unread INTEGER(1) NOT NULL,
    enclosure_url VARCHAR(1024),
    enclosure_type VARCHAR(1024),
    enqueued INTEGER(1) NOT NULL DEFAULT 0,
    flags VARCHAR(52),
    deleted INTEGER(1) NOT NULL DEFAULT 0,
    base VARCHAR(128) NOT NULL DEFAULT "",
    content_mime_type VARCHAR(255) NOT NULL DEFAULT ""
);
CREATE TABLE google_replay (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guid VARCHAR(64) NOT NULL,
    state INTEGER NOT NULL,
    ts INTEGER NOT NULL
);
CREATE INDEX idx_rssurl ON rss_feed(rssurl);
CREATE INDEX idx_guid ON rss_item(guid);
CREATE INDEX idx_feedurl ON rss_item(feedurl);
CREATE TABLE metadata (
    db_schema_version_major INTEGER NOT NULL,
    db_schema_version_minor INTEGER NOT NULL
);
INSERT INTO metadata VALUES (2, 38);
"#;

const FEED: &str = "https://ledger.example/rss";

fn add_item(c: &Connection, guid: &str, title: &str, author: &str, date: i64, content: &str) {
    c.execute(
        "INSERT INTO rss_item(guid, title, author, url, feedurl, pubDate, content, unread, \
         content_mime_type) VALUES (?,?,?,?,?,?,?,1,'text/html')",
        params![
            guid,
            title,
            author,
            format!("https://ledger.example/{guid}"),
            FEED,
            date,
            content
        ],
    )
    .unwrap();
}

/// A cache in `dir/newsboat/cache.db` with three items with content (the second read in
/// newsboat), one without content and one deleted.
fn make_cache(dir: &Path) -> PathBuf {
    let path = dir.join("newsboat/cache.db");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let c = Connection::open(&path).unwrap();
    c.execute_batch(SCHEMA).unwrap();
    c.execute(
        "INSERT INTO rss_feed(rssurl, url, title) VALUES (?, 'https://ledger.example', \
         'The Harbour Ledger')",
        [FEED],
    )
    .unwrap();
    add_item(
        &c,
        "bridge",
        "Bridge tolls to end in May",
        "Priya Nair",
        1_778_580_000,
        "<p>Tolls on the Old Swing Bridge will end in May, the city council said on Tuesday.</p>\
         <p>\u{201C}The bridge has paid for itself twice over,\u{201D} said Mayor Elena Varga.</p>",
    );
    add_item(
        &c,
        "ferry",
        "Night ferry returns",
        "desk@ledger.example",
        1_778_666_400,
        "<p>The night ferry to Skerra will run again from July, the operator said.</p>\
         <p>\u{201C}Islanders asked and we listened,\u{201D} said Anders Brekke, its chief executive.</p>",
    );
    c.execute("UPDATE rss_item SET unread = 0 WHERE guid = 'ferry'", [])
        .unwrap();
    add_item(&c, "empty", "Link only", "", 1_778_700_000, "");
    add_item(
        &c,
        "gone",
        "Deleted in newsboat",
        "",
        1_778_700_000,
        "<p>Gone, the editor said.</p>",
    );
    c.execute("UPDATE rss_item SET deleted = 1 WHERE guid = 'gone'", [])
        .unwrap();
    add_item(
        &c,
        "pool",
        "Harbour pool reopens",
        "Mira Castell",
        1_778_750_000,
        "<p>The harbour pool reopens on Saturday.</p><p>\u{201C}The water is warm,\u{201D} \
         said Ellen Fisk, the pool manager.</p>",
    );
    path
}

/// Every file in the cache's folder, with its bytes.
fn folder_state(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn each_item_with_content_is_an_article() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = make_cache(tmp.path());
    let before = folder_state(cache.parent().unwrap());
    let items = load_file_items(&cache, DEFAULT_MAX_BYTES).unwrap();
    let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    // newsboat's ids; the item without content and the deleted one are left out.
    assert_eq!(keys, ["1", "2", "5"]);
    let bridge = items[0].1.as_ref().unwrap();
    assert_eq!(bridge.format, Format::Newsboat);
    let a = &bridge.article;
    assert_eq!(a.title, "Bridge tolls to end in May");
    assert_eq!(a.byline, vec!["Priya Nair"]);
    assert_eq!(a.date.as_deref(), Some("2026-05-12T10:00:00Z"));
    assert_eq!(a.url.as_deref(), Some("https://ledger.example/bridge"));
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(
        a.body,
        "Tolls on the Old Swing Bridge will end in May, the city council said on Tuesday.\n\n\
         \u{201C}The bridge has paid for itself twice over,\u{201D} said Mayor Elena Varga."
    );
    let speakers: Vec<String> = onrecord::extract::analyze(a)
        .quotes
        .iter()
        .filter_map(|q| q.speaker.clone())
        .collect();
    assert!(speakers.iter().any(|s| s == "Elena Varga"), "{speakers:?}");
    // An author that is an address is no byline.
    assert!(items[1].1.as_ref().unwrap().article.byline.is_empty());
    assert_eq!(
        folder_state(cache.parent().unwrap()),
        before,
        "nothing written"
    );
}

/// The index follows the cache item by item: newsboat's unread marks are shown as read
/// state, a new item is analysed alone, and the cache is never written.
#[test]
fn the_index_follows_the_cache_item_by_item() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = make_cache(tmp.path());
    let db = tmp.path().join("index.sqlite3");
    let scope = Scope::Roots(vec![cache.clone()]);
    let (opts, calls) = support::options(1);
    let before = folder_state(cache.parent().unwrap());
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.seen, s.new), (1, 1), "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(
        folder_state(cache.parent().unwrap()),
        before,
        "nothing written"
    );
    let store = SqliteStore::open(&db).unwrap().0;
    let list = store.articles().unwrap();
    let read: Vec<(String, bool)> = {
        let mut v: Vec<_> = list.iter().map(|a| (a.item.clone(), a.read)).collect();
        v.sort();
        v
    };
    assert_eq!(
        read,
        [
            ("1".to_string(), false),
            ("2".to_string(), true),
            ("5".to_string(), false)
        ]
    );

    // newsboat fetches a new item.
    {
        let c = Connection::open(&cache).unwrap();
        add_item(
            &c,
            "market",
            "Fish market moves",
            "Tomas Berg",
            1_778_800_000,
            "<p>The fish market moves to the east quay on Monday, the board said.</p>",
        );
    }
    calls.store(0, Ordering::SeqCst);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.changed, 1, "{s:?}");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "only the new item is analysed"
    );
    let hits = store.search("quay", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].item, "6");
    assert_eq!(hits[0].path, cache);
}

/// The cache is read without taking a lock: it reads while newsboat holds the database
/// locked for writing, so it never makes newsboat wait.
#[test]
fn the_cache_is_read_without_locks() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = make_cache(tmp.path());
    let writer = Connection::open(&cache).unwrap();
    writer.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let items = load_file_items(&cache, DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(items.len(), 3);
    writer.execute_batch("COMMIT").unwrap();
}

#[test]
fn a_cache_with_another_schema_is_refused_with_what_it_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cache.db");
    let c = Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE rss_item (id INTEGER PRIMARY KEY, title TEXT);")
        .unwrap();
    drop(c);
    let e = load_file_items(&path, DEFAULT_MAX_BYTES)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("not a newsboat cache (rss_item has no guid"),
        "{e}"
    );
    let other = tmp.path().join("other/cache.db");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    std::fs::write(&other, "not a database at all").unwrap();
    let e = load_file_items(&other, DEFAULT_MAX_BYTES)
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a newsboat cache"), "{e}");
}

/// The reader's watcher picks up an item newsboat adds to the cache.
#[test]
fn the_watcher_picks_up_a_new_item() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = make_cache(tmp.path());
    let db = tmp.path().join("index.sqlite3");
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![cache.clone()]), &opts, &mut |_| {}).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let _w = onrecord::library::watch::LibraryWatcher::spawn(
        std::slice::from_ref(&cache),
        db.clone(),
        opts,
        move |e| {
            let _ = tx.send(e);
        },
    )
    .unwrap();
    {
        let c = Connection::open(&cache).unwrap();
        add_item(
            &c,
            "late",
            "Late item",
            "",
            1_778_900_000,
            "<p>The late ferry runs tonight, the operator said.</p>",
        );
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut done: Option<IndexSummary> = None;
    while done.is_none() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(IndexEvent::Finished(s)) if s.changed == 1 => done = Some(s),
            Ok(IndexEvent::Failed(e)) => panic!("{e}"),
            Ok(_) => {}
            Err(_) => panic!("no update from the watcher"),
        }
    }
    let store = SqliteStore::open(&db).unwrap().0;
    assert_eq!(store.search("tonight", 10).unwrap().len(), 1);
}

/// `index --newsboat CACHE` and `search` through the binary; `PATH#KEY` names an item.
#[test]
fn the_commands_read_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = make_cache(tmp.path());
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let before = folder_state(cache.parent().unwrap());
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.output(args);
    let (db_s, cache_s) = (db.to_str().unwrap(), cache.to_str().unwrap());
    let (ok, out, err) = run(&["index", "--index", db_s, "--newsboat", cache_s]);
    assert!(ok && out.starts_with("1 files seen: 1 new"), "{out}{err}");
    let (ok, out, err) = run(&["search", "--index", db_s, "tolls"]);
    assert!(ok, "{err}");
    assert!(out.starts_with(&format!("{cache_s}#1\t")), "{out}");
    let (ok, out, _) = run(&["extract", &format!("{cache_s}#5")]);
    assert!(ok && out.contains("Harbour pool reopens"), "{out}");
    // With no value: newsboat's own location (here, under XDG_DATA_HOME: none there).
    let (ok, _, err) = run(&["index", "--index", db_s, "--newsboat"]);
    assert!(!ok && err.contains("no newsboat cache there"), "{err}");
    let own = make_cache(&tmp.path().join("home/data"));
    let (ok, out, err) = run(&["index", "--index", db_s, "--newsboat"]);
    assert!(ok && out.starts_with("1 files seen:"), "{out}{err}");
    let (ok, out, _) = run(&["search", "--index", db_s, "tolls"]);
    assert!(
        ok && out.contains(&format!("{}#1\t", own.display())),
        "{out}"
    );
    // The config key.
    std::fs::write(
        &config,
        format!("[library]\nnewsboat = {:?}\n", cache.display().to_string()),
    )
    .unwrap();
    let (ok, out, err) = run(&["index", "--index", db_s]);
    assert!(ok && out.starts_with("1 files seen:"), "{out}{err}");
    assert_eq!(
        folder_state(cache.parent().unwrap()),
        before,
        "nothing written"
    );
}

/// A `cache.db` in a library folder is not read: newsboat's cache is read only where it is
/// named.
#[test]
fn a_cache_in_a_library_folder_is_read_only_when_named() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let cache = make_cache(&lib);
    std::fs::write(lib.join("note.txt"), "A note\n\nThe mayor said so.\n").unwrap();
    let (files, _) = onrecord::library::scan::scan(std::slice::from_ref(&lib));
    assert_eq!(files, [lib.join("note.txt")]);
    let (files, _) = onrecord::library::scan::scan(&[lib.clone(), cache.clone()]);
    assert_eq!(files, [cache, lib.join("note.txt")]);
}

/// The watcher does not pick up a `cache.db` that appears in a library folder either.
#[test]
fn the_watcher_leaves_a_cache_in_a_folder_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let db = tmp.path().join("index.sqlite3");
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
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
    make_cache(&lib.join("sub"));
    std::fs::write(lib.join("note.txt"), "A note\n\nThe mayor said so.\n").unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(IndexEvent::Finished(s)) if s.new >= 1 => {
                assert_eq!((s.new, s.failed), (1, 0), "{s:?}");
                break;
            }
            Ok(IndexEvent::Failed(e)) => panic!("{e}"),
            Ok(_) => {}
            Err(_) => panic!("no update from the watcher"),
        }
    }
    let store = SqliteStore::open(&db).unwrap().0;
    let list = store.articles().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].path, lib.join("note.txt"));
}

//! One file, many articles: an mbox of newsletters (`tests/data/email/newsletters.mbox`,
//! written for these tests: an HTML and text newsletter in quoted-printable, a text letter
//! with an mboxrd-quoted `>From `, and an HTML-only letter in base64 without a Message-ID).
//! Each message is an article named `PATH#KEY`, through loading, the index (incremental per
//! message), the stores and the commands.

use crate::formats_support;
use crate::support;

use onrecord::article::load::{DEFAULT_MAX_BYTES, load_file_items};
use onrecord::article::{Format, Loaded};
use onrecord::library::Store;
use onrecord::library::indexer::{Scope, open_and_update};
use onrecord::library::sqlite::SqliteStore;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/email/newsletters.mbox")
}

fn items() -> Vec<(String, Loaded)> {
    formats_support::items_of(&fixture())
}

#[test]
fn each_message_is_an_article_with_a_stable_key() {
    let items = items();
    let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys.len(), 3);
    assert_eq!(keys[0], "2026-06-08.tram@quaynotes.example");
    assert_eq!(keys[1], "pool.reopens@civic.example");
    assert!(
        keys[2].starts_with('h'),
        "no Message-ID: a hash ({})",
        keys[2]
    );
    let again: Vec<_> = self::items()
        .into_iter()
        .map(|(k, l)| (k, l.article))
        .collect();
    let first: Vec<_> = items
        .iter()
        .map(|(k, l)| (k.clone(), l.article.clone()))
        .collect();
    assert_eq!(first, again, "the same keys and articles when read again");

    let (_, tram) = &items[0];
    assert_eq!(tram.format, Format::Email);
    assert_eq!(tram.article.title, "Tram line to the university approved");
    assert_eq!(tram.article.byline, vec!["Quay Notes"]);
    assert_eq!(tram.article.outlet.as_deref(), Some("Quay Notes"));
    assert_eq!(
        tram.article.date.as_deref(),
        Some("2026-06-08T07:00:00+02:00")
    );
    assert_eq!(
        tram.article.body,
        "The regional assembly approved on Monday a tram line linking the station to the \
         university campus, ending a decade of studies.\n\n\
         \u{201C}This is the line students have been asking for since I was one of them,\u{201D} \
         said Assembly President Nadia Okafor.\n\n\
         Opponents said the cost, put at 240 million crowns, would squeeze bus budgets. \
         Councillor Piet Vermeer said the buses would pay for the trams."
    );
    let q = formats_support::said(tram);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Nadia Okafor" && t.starts_with("This is the line")),
        "{q:?}"
    );
    assert!(
        q.iter()
            .any(|(t, s)| s == "Piet Vermeer" && t.contains("buses would pay")),
        "{q:?}"
    );

    let (_, pool) = &items[1];
    assert_eq!(pool.article.title, "Harbour pool reopens on Saturday");
    assert_eq!(pool.article.byline, vec!["Mira Castell"]);
    assert!(
        pool.article
            .body
            .contains("\n\nFrom the first day, entry will be free"),
        "the mboxrd quote is undone: {}",
        pool.article.body
    );
    let q = formats_support::said(pool);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Ellen Fisk" && t.starts_with("The water is warmer")),
        "{q:?}"
    );

    let (_, buses) = &items[2];
    assert_eq!(buses.article.title, "Night buses return to the old town");
    assert_eq!(
        buses.article.date.as_deref(),
        Some("2026-06-10T07:00:00+02:00")
    );
    let q = formats_support::said(buses);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Jonas Weil" && t.starts_with("We listened")),
        "{q:?}"
    );
}

/// Re-indexing an mbox analyses only the messages that are new or changed; a message
/// deleted from the file leaves the index; the others keep their ids and reading state.
#[test]
fn the_index_is_incremental_per_message() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let mbox = lib.join("newsletters.mbox");
    let original = std::fs::read_to_string(fixture()).unwrap();
    std::fs::write(&mbox, &original).unwrap();
    let db = tmp.path().join("index.sqlite3");
    let scope = Scope::Roots(vec![lib.clone()]);
    let (opts, calls) = support::options(1);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.seen, s.new), (1, 1), "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    let store = SqliteStore::open(&db).unwrap().0;
    let mut before = store.articles().unwrap();
    before.sort_by(|a, b| a.item.cmp(&b.item));
    assert_eq!(before.len(), 3);
    assert!(before.iter().all(|a| a.path == mbox));
    let pool = before
        .iter()
        .find(|a| a.item == "pool.reopens@civic.example")
        .unwrap()
        .clone();
    store.set_read(pool.id, true).unwrap();

    // The tram message is deleted, the pool letter is left as it was, the bus letter is
    // edited and a new letter arrives.
    let pool_start = original.find("From letters@").unwrap();
    let buses_start = original.find("From desk@").unwrap();
    let edited = original[pool_start..buses_start].to_string()
        + &original[buses_start..].replace("Subject: Night buses", "Subject: Late buses")
        + "From late@civic.example Thu Jun 11 09:00:00 2026\n\
           Message-ID: <ferry.late@civic.example>\n\
           From: Mira Castell <letters@civic.example>\n\
           Subject: Ferry runs late all week\n\
           Date: Thu, 11 Jun 2026 09:00:00 +0200\n\n\
           The morning ferry will run an hour late all week, the operator said.\n";
    std::fs::write(&mbox, edited).unwrap();
    calls.store(0, Ordering::SeqCst);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.changed, 1, "{s:?}");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "only the edited and new letters"
    );
    let after = store.articles().unwrap();
    let mut titles: Vec<&str> = after.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Ferry runs late all week",
            "Harbour pool reopens on Saturday",
            "Late buses return to the old town"
        ]
    );
    let pool_after = after
        .iter()
        .find(|a| a.item == "pool.reopens@civic.example")
        .unwrap();
    assert_eq!(pool_after.id, pool.id, "an unchanged message keeps its id");
    assert!(pool_after.read, "and its reading state");
    assert!(
        store.search("tram", 10).unwrap().is_empty(),
        "the deleted message"
    );
    let hits = store.search("ferry", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].item, "ferry.late@civic.example");
    // Without a Message-ID the key is a hash of the message: the edited letter is new.
    let hits = store.quotes_by("Jonas Weil").unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].item.starts_with('h'), "{hits:?}");
    assert!(before.iter().all(|a| a.item != hits[0].item));

    // Nothing changed: nothing analysed, nothing written.
    calls.store(0, Ordering::SeqCst);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.unchanged, s.changed, s.new), (1, 0, 0), "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);

    // The file goes: all its articles go.
    std::fs::remove_file(&mbox).unwrap();
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.removed, 1, "{s:?}");
    assert!(store.articles().unwrap().is_empty());
}

#[test]
fn the_in_memory_store_lists_every_message() {
    let store = onrecord::library::memory::MemoryStore::load(&[fixture()], DEFAULT_MAX_BYTES);
    let list = store.articles().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[1].item, "pool.reopens@civic.example");
    let (article, _) = store.open(list[1].id).unwrap();
    assert_eq!(article.title, "Harbour pool reopens on Saturday");
}

/// The commands name a message `PATH#KEY`: `extract` takes it, `search` and `quotes` print
/// it (and give `item` in JSON).
#[test]
fn the_commands_name_a_message_path_hash_key() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let mbox = lib.join("newsletters.mbox");
    std::fs::copy(fixture(), &mbox).unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.output(args);
    let m = mbox.to_str().unwrap();
    let (ok, out, err) = run(&["extract", "--format", "json", m]);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["path"], m);
    assert_eq!(lines[1]["item"], "pool.reopens@civic.example");

    let one = format!("{m}#pool.reopens@civic.example");
    let (ok, out, err) = run(&["extract", &one]);
    assert!(ok, "{err}");
    assert!(out.starts_with(&format!("== {one}\n")), "{out}");
    assert!(out.contains("Harbour pool reopens on Saturday"), "{out}");
    assert!(!out.contains("Tram line"), "{out}");
    let (ok, _, err) = run(&["extract", &format!("{m}#nothing@here")]);
    assert!(!ok);
    assert!(
        err.contains("no article with the key nothing@here"),
        "{err}"
    );

    let (db_s, lib_s) = (db.to_str().unwrap(), lib.to_str().unwrap());
    let (ok, out, err) = run(&["index", "--index", db_s, lib_s]);
    assert!(ok && out.starts_with("1 files seen: 1 new"), "{out}{err}");
    let (ok, out, err) = run(&["search", "--index", db_s, "tram"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with(&format!("{m}#2026-06-08.tram@quaynotes.example\t")),
        "{out}"
    );
    let (ok, out, err) = run(&[
        "quotes",
        "--index",
        db_s,
        "--speaker",
        "Jonas Weil",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["path"], m);
    assert!(v["item"].as_str().unwrap().starts_with('h'), "{v}");
    let (ok, out, _) = run(&["speakers", "--index", db_s]);
    assert!(ok && out.contains("Ellen Fisk"), "{out}");
    assert_eq!(
        std::fs::read(&mbox).unwrap(),
        std::fs::read(fixture()).unwrap()
    );
}

#[test]
fn what_is_not_an_mbox_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("x.mbox");
    std::fs::write(&p, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let e = load_file_items(&p, DEFAULT_MAX_BYTES)
        .unwrap_err()
        .to_string();
    assert!(e.contains("binary"), "{e}");
    // The binary check reads the start of the file, whatever the limit.
    let e = load_file_items(&p, 4).unwrap_err().to_string();
    assert!(e.contains("binary"), "{e}");
    std::fs::write(&p, "no messages here\n").unwrap();
    assert!(load_file_items(&p, DEFAULT_MAX_BYTES).unwrap().is_empty());
}

/// An index of schema version 4 (one article per path) gains item keys in one step,
/// keeping ids and reading state; afterwards one path holds several articles.
#[test]
fn a_version_4_index_migrates_to_items() {
    use onrecord::library::db::{Index, MIGRATIONS, SCHEMA_VERSION};
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("index.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        for m in &MIGRATIONS[..4] {
            c.execute_batch(m).unwrap();
        }
        c.pragma_update(None, "user_version", 4).unwrap();
        c.execute(
            "INSERT INTO articles(id, path, size, mtime, hash, extractor, format, title, byline, \
             date, quote_count, read, starred, indexed_at) \
             VALUES (7, x'2f612e6d626f78', 1, 1, x'00', 1, 'email', 'Old', '[]', NULL, 0, 1, 1, 0)",
            [],
        )
        .unwrap();
    }
    let ix = Index::open(&db, false).unwrap().0;
    let c = ix.conn();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, SCHEMA_VERSION), (6, 6));
    let row: (i64, String, i64, i64) = c
        .query_row("SELECT id, item, read, starred FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!(row, (7, String::new(), 1, 1));
    c.execute(
        "INSERT INTO articles(path, item, size, mtime, hash, extractor, format, title, byline, \
         quote_count, indexed_at) VALUES (x'2f612e6d626f78', 'k2', 1, 1, x'00', 1, 'email', 'New', \
         '[]', 0, 0)",
        [],
    )
    .expect("a second article of the same file");
    assert!(
        c.execute(
            "INSERT INTO articles(path, item, size, mtime, hash, extractor, format, title, \
             byline, quote_count, indexed_at) VALUES (x'2f612e6d626f78', 'k2', 1, 1, x'00', 1, \
             'email', 'Dup', '[]', 0, 0)",
            [],
        )
        .is_err(),
        "path and item together are unique"
    );
}

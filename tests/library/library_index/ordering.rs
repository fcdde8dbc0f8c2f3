//! The index in library order and under constraints: a speaker's quotes paged in date
//! order without sorting, the version 3 migration to that order, gated and incremental
//! runs, a reader limited to some folders, a full disk named by its path, the reader's
//! own open log.

use super::*;

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

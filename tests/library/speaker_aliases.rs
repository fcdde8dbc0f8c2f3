//! Merged and renamed speakers: kept in the index database, applied to the speaker lists,
//! a speaker's quotes and every opened article, by the reader's store and by the query
//! commands; the latest edit undone.

use crate::support;

use onrecord::library::Store;
use onrecord::library::aliases::{Aliases, Renamed};
use onrecord::library::db::Index;
use std::process::Command;

fn count(st: &dyn Store, name: &str) -> Option<(usize, usize)> {
    st.speakers()
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .map(|s| (s.quotes, s.articles))
}

#[test]
fn edits_follow_each_other_and_merge_what_they_join() {
    let a = Aliases::new(vec![
        ("Ana María Ruiz".into(), "Ana Ruiz".into()),
        ("Ana Ruiz".into(), "Ana R. Ruiz".into()),
    ]);
    assert_eq!(a.display("Ana María Ruiz"), "Ana R. Ruiz");
    assert_eq!(
        a.display("ana ruiz"),
        "Ana R. Ruiz",
        "names match as speakers do"
    );
    assert_eq!(a.display("Tom Berg"), "Tom Berg");
    assert_eq!(
        a.members("Ana R. Ruiz"),
        ["Ana R. Ruiz", "Ana María Ruiz", "Ana Ruiz"]
    );
    assert_eq!(a.shown_as("ana r. ruiz").as_deref(), Some("Ana R. Ruiz"));
    assert_eq!(a.shown_as("Ana Ruiz").as_deref(), Some("Ana R. Ruiz"));
    assert_eq!(a.shown_as("Tom Berg"), None);
    // A loop stops.
    let l = Aliases::new(vec![
        ("A B".into(), "C D".into()),
        ("C D".into(), "A B".into()),
    ]);
    let _ = l.display("A B");
}

#[test]
fn the_readers_store_renames_merges_and_undoes_and_keeps_them() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("index.sqlite3");
    let open = || {
        Renamed::open(onrecord::sample::store(), &db)
            .map_err(|(_, e)| e)
            .unwrap()
    };
    let st = open();
    let varga = count(&st, "Elena Varga").unwrap();
    let bell = count(&st, "Marcus Bell").unwrap();

    st.rename_speaker("Elena Varga", "Mayor Varga").unwrap();
    assert_eq!(count(&st, "Elena Varga"), None);
    assert_eq!(count(&st, "Mayor Varga"), Some(varga));
    let page = st.quotes_page("Mayor Varga", None, 1000).unwrap();
    assert_eq!(page.hits.len(), varga.0);
    assert!(page.hits.iter().all(|h| h.speaker == "Mayor Varga"));
    // Opened articles name her so (the sidebar and `y` read these).
    let (_, analysis) = st.open(page.hits[0].article).unwrap();
    let names: Vec<_> = analysis
        .quotes
        .iter()
        .filter_map(|q| q.speaker.clone())
        .collect();
    assert!(names.iter().any(|n| n == "Mayor Varga"), "{names:?}");
    assert!(!names.iter().any(|n| n == "Elena Varga"), "{names:?}");

    // A merge: Bell's quotes are listed under her name, in library order.
    st.rename_speaker("Marcus Bell", "Mayor Varga").unwrap();
    assert_eq!(count(&st, "Marcus Bell"), None);
    let merged = count(&st, "Mayor Varga").unwrap();
    assert_eq!(merged.0, varga.0 + bell.0);
    assert!(merged.1 >= varga.1.max(bell.1) && merged.1 <= varga.1 + bell.1);
    let all = st.quotes_by("Mayor Varga").unwrap();
    assert_eq!(all.len(), merged.0);
    assert!(all.windows(2).all(|w| w[0].order_key() <= w[1].order_key()));
    // Paged in small pages, the same quotes.
    let mut paged = Vec::new();
    loop {
        let p = st.quotes_page("Mayor Varga", paged.last(), 4).unwrap();
        assert_eq!(p.total, merged.0);
        if p.hits.is_empty() {
            break;
        }
        paged.extend(p.hits);
    }
    assert_eq!(paged, all);

    // Kept for the next run.
    drop(st);
    let st = open();
    assert_eq!(count(&st, "Mayor Varga"), Some(merged));
    // Undone one at a time, latest first.
    assert_eq!(
        st.undo_speaker_edit().unwrap(),
        Some(("Marcus Bell".to_string(), "Mayor Varga".to_string()))
    );
    assert_eq!(count(&st, "Marcus Bell"), Some(bell));
    st.undo_speaker_edit().unwrap();
    assert_eq!(count(&st, "Elena Varga"), Some(varga));
    assert_eq!(st.undo_speaker_edit().unwrap(), None);
    assert!(st.rename_speaker("Elena Varga", "  ").is_err());
}

#[test]
fn the_query_commands_show_speakers_as_edited() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("index.sqlite3");
    let lib = tmp.path().join("lib");
    support::write(
        &lib,
        "one.txt",
        "Budget story",
        &[
            "“We will balance the budget,” said Angela Merkel.",
            "“Not now,” said Angela D. Merkel.",
        ],
    );
    support::write(
        &lib,
        "two.txt",
        "Ferry story",
        &["“Later,” said Angela D. Merkel."],
    );
    let (opts, _) = support::options(1);
    onrecord::library::indexer::open_and_update(
        &db,
        &onrecord::library::indexer::Scope::Roots(vec![lib]),
        &opts,
        &mut |_| {},
    )
    .unwrap();
    let (ix, _) = Index::open(&db, false).unwrap();
    Aliases::add(ix.conn(), "Angela D. Merkel", "Angela Merkel").unwrap();
    Aliases::add(ix.conn(), "Angela Merkel", "Chancellor Merkel").unwrap();
    drop(ix);
    // The reader's store over the index: the same (names are taken exactly, so the name
    // given is not read as a surname of the others).
    let lib = tmp.path().join("lib");
    let scoped = onrecord::library::scoped::ScopedStore::new(
        onrecord::library::sqlite::SqliteStore::open_existing(&db).unwrap(),
        &[lib],
    );
    let reader = Renamed::open(scoped, &db).map_err(|(_, e)| e).unwrap();
    assert_eq!(count(&reader, "Chancellor Merkel"), Some((3, 2)));
    assert_eq!(reader.speakers().unwrap().len(), 1);
    let hits = reader.quotes_by("Chancellor Merkel").unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.speaker == "Chancellor Merkel"));
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let run = |args: &[&str]| -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("--config")
            .arg(&config)
            .args(args)
            .arg("--index")
            .arg(&db)
            .env("XDG_DATA_HOME", tmp.path().join("data"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let speakers = run(&["speakers", "--json"]);
    let rows: Vec<serde_json::Value> = speakers
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{speakers}");
    assert_eq!(rows[0]["name"], "Chancellor Merkel");
    assert_eq!(rows[0]["quotes"], 3);
    assert_eq!(rows[0]["articles"], 2);
    // By the name given, by an old name, by the surname: the same three quotes.
    for who in ["Chancellor Merkel", "Angela D. Merkel", "Merkel"] {
        let out = run(&["quotes", "--speaker", who, "--format", "json"]);
        let rows: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 3, "{who}: {out}");
        assert!(
            rows.iter().all(|r| r["speaker"] == "Chancellor Merkel"),
            "{out}"
        );
        assert!(
            rows[0]["citation"]
                .as_str()
                .unwrap()
                .contains("— Chancellor Merkel; "),
            "{out}"
        );
    }
}

//! Read and starred marks are kept in the index database: between runs for the bundled
//! sample library, and all or none when several are set at once.

use crate::support;

use onrecord::library::Store;
use onrecord::library::indexer::{Scope, open_and_update};
use onrecord::library::remembered::Remembered;
use onrecord::library::sqlite::SqliteStore;

fn marks(st: &dyn Store) -> Vec<(String, bool, bool)> {
    let mut v: Vec<_> = st
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| (a.title, a.read, a.starred))
        .collect();
    v.sort();
    v
}

#[test]
fn the_sample_librarys_marks_are_kept_between_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    let (st, _) = Remembered::open(onrecord::sample::store(), &db).unwrap();
    assert!(marks(&st).iter().all(|(_, r, s)| !r && !s));
    let ids: Vec<i64> = st.articles().unwrap().iter().map(|a| a.id).collect();
    st.set_read(ids[0], true).unwrap();
    st.set_read_many(&ids[1..4], true).unwrap();
    st.set_read(ids[2], false).unwrap();
    st.set_starred(ids[5], true).unwrap();
    let before = marks(&st);
    assert_eq!(before.iter().filter(|m| m.1).count(), 3);
    assert_eq!(before.iter().filter(|m| m.2).count(), 1);
    drop(st);

    // The next run: a new store over the same database.
    let (again, _) = Remembered::open(onrecord::sample::store(), &db).unwrap();
    assert_eq!(marks(&again), before);
    // Without the database nothing is remembered (the marks above came from it).
    assert!(
        marks(&onrecord::sample::store())
            .iter()
            .all(|m| !m.1 && !m.2)
    );
    // An unknown article fails the whole batch: nothing of it is saved.
    assert!(again.set_read_many(&[ids[6], 9999], true).is_err());
    drop(again);
    let (third, _) = Remembered::open(onrecord::sample::store(), &db).unwrap();
    assert_eq!(marks(&third), before);
}

#[test]
fn marking_several_indexed_articles_is_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    for n in 0..3 {
        support::write(
            &lib,
            &format!("{n}.txt"),
            &format!("Story {n}"),
            &["“Words,” said Ida Long."],
        );
    }
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![lib]), &opts, &mut |_| {}).unwrap();
    let st = SqliteStore::open_existing(&db).unwrap();
    let ids: Vec<i64> = st.articles().unwrap().iter().map(|a| a.id).collect();
    assert!(st.set_read_many(&[ids[0], 9999, ids[1]], true).is_err());
    assert!(marks(&st).iter().all(|m| !m.1), "rolled back");
    st.set_read_many(&ids, true).unwrap();
    st.set_starred(ids[1], true).unwrap();
    drop(st);
    let st = SqliteStore::open_existing(&db).unwrap();
    assert!(marks(&st).iter().all(|m| m.1));
    assert_eq!(marks(&st).iter().filter(|m| m.2).count(), 1);
}

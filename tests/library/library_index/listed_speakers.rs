//! Every speaker a list shows is found again by the name it is shown as: by `quotes
//! --speaker` (the whole library) and by the reader opened on folders.

use onrecord::library::Store;
use onrecord::library::indexer::{IndexOptions, Scope, open_and_update};
use std::path::Path;

/// Indexes `lib` with the real extractor.
fn index(db: &Path, lib: &Path) {
    let scope = Scope::Roots(vec![lib.to_path_buf()]);
    open_and_update(db, &scope, &IndexOptions::default(), &mut |_| {}).unwrap();
}

fn article(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Each speaker `speakers` lists has its listed number of quotes under the listed name, the
/// whole library's and the folder's.
fn assert_listed_names_find_their_quotes(st: &dyn Store, lib: &Path) {
    let speakers = st.speakers().unwrap();
    assert!(!speakers.is_empty());
    for s in &speakers {
        let hits = st.quotes_by(&s.name).unwrap();
        assert_eq!(hits.len(), s.quotes, "{:?} in {speakers:?}", s.name);
    }
    let roots = [lib.to_path_buf()];
    for s in st.speakers_under(&roots).unwrap() {
        let page = st.quotes_page_under(&s.name, &roots, None, 100).unwrap();
        assert_eq!(page.hits.len(), s.quotes, "{:?} under the folder", s.name);
    }
}

#[test]
fn a_speaker_moved_to_a_longer_name_is_listed_by_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    article(
        &lib,
        "a.txt",
        "Bridge Opens\n\n\u{201C}It is open,\u{201D} said Mayor Carla Mendes.\n",
    );
    // Another article calls her by a longer name, with the shorter one as its alias: the
    // library moves her quotes to the longer name.
    article(
        &lib,
        "b.txt",
        "Ferry Returns\n\nMayor Carla Rocha Mendes rode the first ferry on Monday. \
         Carla Mendes waved to the crowd from the deck.\n",
    );
    index(&db, &lib);
    let st = super::store(&db);
    let speakers = st.speakers().unwrap();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0].name, "Carla Rocha Mendes", "{speakers:?}");
    assert_listed_names_find_their_quotes(&st, &lib);
    // The name the quote was given still finds it.
    assert_eq!(st.quotes_by("Carla Mendes").unwrap().len(), 1);

    // Without the other article the quote goes back to the name it was given.
    std::fs::remove_file(lib.join("b.txt")).unwrap();
    index(&db, &lib);
    let st = super::store(&db);
    let speakers = st.speakers().unwrap();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0].name, "Carla Mendes", "{speakers:?}");
    assert_listed_names_find_their_quotes(&st, &lib);
}

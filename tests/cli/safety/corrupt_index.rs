//! A damaged index (a damaged page, a WAL from another copy or cut mid-frame, a run that
//! did not end): caught on open, rebuilt from the library where nothing can be lost, and
//! said on stderr.

use super::*;

/// A library of `n` articles that all contain "bridge", indexed into `db`.
fn indexed_library(tmp: &Path, name: &str, n: usize, db: &Path) -> PathBuf {
    let lib = tmp.join(name);
    std::fs::create_dir_all(&lib).unwrap();
    for i in 0..n {
        let para = format!(
            "\u{201C}The bridge {i} will open,\u{201D} said Anna Berg. The council met on day {i}."
        );
        let body = vec![para; 20].join("\n\n");
        std::fs::write(
            lib.join(format!("a{i:03}.txt")),
            format!("Story {i}\n\n{body}"),
        )
        .unwrap();
    }
    let (code, out, err) = index_run(tmp, db, &[&lib]);
    assert_eq!(code, Some(0), "{out}{err}");
    lib
}

/// A query command on `db`, whatever its outcome.
fn query_any(tmp: &Path, db: &Path, args: &[&str]) -> Output {
    let mut c = onrecord(tmp);
    c.args(args).arg("--index").arg(db);
    run(c)
}

fn files_beside(db: &Path) -> Vec<String> {
    let dir = db.parent().unwrap();
    let name = db.file_name().unwrap().to_string_lossy().to_string();
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&name))
        .collect();
    v.sort();
    v
}

#[test]
fn a_damaged_page_makes_queries_say_so_and_index_check_rebuilds() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    indexed_library(tmp.path(), "lib", 300, &db);
    // A leaf page of the article bodies, in the middle: every search hit reads one.
    let page: i64 = {
        let c =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let pages: Vec<i64> = c
            .prepare("SELECT pageno FROM dbstat WHERE name = 'docs' AND pagetype = 'leaf' ORDER BY pageno")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(pages.len() > 4, "{pages:?}");
        pages[pages.len() / 2]
    };
    let mut bytes = std::fs::read(&db).unwrap();
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => usize::from(n),
    };
    let at = (page as usize - 1) * page_size;
    for (i, b) in bytes[at..at + page_size].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    let sidecar = |n: &String| n.ends_with("-wal") || n.ends_with("-shm");
    let before: Vec<String> = files_beside(&db)
        .into_iter()
        .filter(|n| !sidecar(n))
        .collect();

    let o = query_any(tmp.path(), &db, &["search", "bridge", "--limit", "1000"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("malformed"), "{err}");
    assert!(err.contains("onrecord index --check"), "{err}");
    // Queries never destroy: the damaged file is where it was, as it was (SQLite's own
    // -wal and -shm files aside), and nothing was moved.
    let now: Vec<String> = files_beside(&db)
        .into_iter()
        .filter(|n| !sidecar(n))
        .collect();
    assert_eq!(now, before);
    assert_eq!(std::fs::read(&db).unwrap(), bytes);

    let mut c = onrecord(tmp.path());
    c.args(["index", "--check", "--index"])
        .arg(&db)
        .arg(tmp.path().join("lib"));
    let o = run(c);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    assert_moved_aside(&db, &err);
    assert!(out.contains("300 new"), "{out}");
    let o = query(tmp.path(), &db, &["search", "bridge", "--limit", "1000"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o).0.lines().count(), 300);
}

/// The damaged index was moved aside beside `db`, and stderr names where.
fn assert_moved_aside(db: &Path, err: &str) {
    let aside = files_beside(db)
        .into_iter()
        .find(|n| {
            n.starts_with("index.sqlite3.corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .unwrap_or_else(|| panic!("nothing moved aside: {err}"));
    assert!(
        err.contains(&format!(
            "moved it to {}",
            db.with_file_name(&aside).display()
        )),
        "{err}"
    );
}

/// A write-ahead log with two commits of another database of the same schema, as left
/// beside an index restored from another copy.
fn foreign_wal(tmp: &Path) -> Vec<u8> {
    let other = tmp.join("other/index.sqlite3");
    indexed_library(tmp, "otherlib", 40, &other);
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("PRAGMA wal_autocheckpoint=0;").unwrap();
    c.execute("UPDATE articles SET size = size + 1 WHERE id % 2 = 0", [])
        .unwrap();
    c.execute("DELETE FROM docs WHERE id % 3 = 0", []).unwrap();
    let wal = std::fs::read(other.with_file_name("index.sqlite3-wal")).unwrap();
    drop(c);
    wal
}

#[test]
fn a_wal_from_another_copy_is_caught_and_index_rebuilds_from_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    let lib = indexed_library(tmp.path(), "lib", 10, &db);
    let wal = foreign_wal(tmp.path());
    std::fs::write(db.with_file_name("index.sqlite3-wal"), &wal).unwrap();
    let (code, out, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(err.contains("did not end cleanly"), "{err}");
    assert_moved_aside(&db, &err);
    let o = query(tmp.path(), &db, &["search", "bridge", "--limit", "100"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    assert_eq!(text(&o).0.lines().count(), 10);
}

#[test]
fn a_wal_cut_mid_frame_is_checked_and_index_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    let lib = indexed_library(tmp.path(), "lib", 10, &db);
    // The index and its log as copied while a writer had it open, the log cut short.
    let (copy, mut wal) = {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("PRAGMA wal_autocheckpoint=0;").unwrap();
        c.execute("UPDATE articles SET size = size + 1", [])
            .unwrap();
        c.execute("UPDATE docs SET title = title || ' (updated)'", [])
            .unwrap();
        let copy = std::fs::read(&db).unwrap();
        let wal = std::fs::read(db.with_file_name("index.sqlite3-wal")).unwrap();
        (copy, wal)
    };
    assert!(wal.len() > 4096, "{}", wal.len());
    // Cut in the middle of a frame (32-byte header, then 24-byte frame headers + pages).
    wal.truncate(wal.len() / 2 + 7);
    std::fs::write(&db, &copy).unwrap();
    std::fs::write(db.with_file_name("index.sqlite3-wal"), &wal).unwrap();
    let _ = std::fs::remove_file(db.with_file_name("index.sqlite3-shm"));
    let (code, out, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(err.contains("did not end cleanly; checking it"), "{err}");
    let o = query(tmp.path(), &db, &["search", "bridge", "--limit", "100"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    assert_eq!(text(&o).0.lines().count(), 10);
    // And a run that ends leaves no marker: the next one does not check again.
    assert!(!files_beside(&db).iter().any(|n| n.ends_with(".running")));
    let (code, _, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0));
    assert!(!err.contains("did not end cleanly"), "{err}");
}

#[test]
fn a_run_that_did_not_end_leaves_its_marker_and_the_next_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    let lib = indexed_library(tmp.path(), "lib", 5, &db);
    // What a killed run leaves: its marker.
    std::fs::write(db.with_file_name("index.sqlite3.running"), "1").unwrap();
    let (code, out, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(err.contains("did not end cleanly; checking it"), "{err}");
    assert!(!db.with_file_name("index.sqlite3.running").exists());
}

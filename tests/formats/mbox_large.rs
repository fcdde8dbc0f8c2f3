//! An mbox far larger than `limits.max_file_bytes` (years of a mailing list): read as a
//! stream, each message capped on its own, through the index (in parts, resumable after a
//! run stops midway) and `extract`. The mailboxes are generated here.

use crate::formats_support;
use crate::support;

use onrecord::library::Store;
use onrecord::library::indexer::{Scope, open_and_update};
use onrecord::library::sqlite::SqliteStore;
use std::path::Path;
use std::sync::atomic::Ordering;

/// The limit of one article in these tests: the mailboxes are many times larger.
const LIMIT: u64 = 64 * 1024;

/// Message `n` of a list: its own Message-ID, subject and a quote by Mara Lind.
fn message(n: usize) -> String {
    format!(
        "From list@harbour.example Mon Jun  1 10:{:02}:00 2026\n\
         Message-ID: <n{n}@harbour.example>\n\
         From: Harbour Desk <list@harbour.example>\n\
         Subject: Harbour note {n}\n\
         Date: Mon, 1 Jun 2026 10:00:00 +0200\n\n\
         The harbour board met for the {n}th time this year to discuss the quay.\n\n\
         \u{201C}We will finish quay {n} before the autumn storms,\u{201D} said Mara Lind.\n\n",
        n % 60
    )
}

/// A mailbox of `count` messages, message `big` (if any) over [`LIMIT`].
fn mailbox(count: usize, big: Option<usize>) -> String {
    let mut text = String::new();
    for n in 1..=count {
        let mut m = message(n);
        if big == Some(n) {
            m.push_str(&"The minutes ran long. ".repeat(4000));
            m.push_str("\n\n");
        }
        text.push_str(&m);
    }
    text
}

fn library(dir: &Path, text: &str) -> (std::path::PathBuf, Scope) {
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let mbox = lib.join("harbour.mbox");
    std::fs::write(&mbox, text).unwrap();
    (mbox, Scope::Roots(vec![lib]))
}

#[test]
fn a_mailbox_larger_than_the_limit_is_indexed_message_by_message() {
    let tmp = tempfile::tempdir().unwrap();
    let text = mailbox(600, Some(301));
    assert!(text.len() as u64 > 4 * LIMIT, "the file is over the limit");
    let (mbox, scope) = library(tmp.path(), &text);
    let db = tmp.path().join("index.sqlite3");
    let (mut opts, calls) = support::options(1);
    opts.max_file_bytes = LIMIT;
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.seen, s.new, s.failed), (1, 1, 0), "{s:?}");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        599,
        "every message but the big one"
    );
    // The message over the limit is named, with the limit, and counted.
    assert_eq!(s.articles_left_out, 1, "{s:?}");
    assert_eq!(s.failures.len(), 1, "{s:?}");
    let (path, why) = &s.failures[0];
    assert_eq!(path, &mbox);
    assert!(
        why.contains("message 301 is") && why.contains("limits.max_file_bytes"),
        "{why}"
    );
    assert!(
        s.line().contains("1 article of files of many left out"),
        "{}",
        s.line()
    );

    let store = SqliteStore::open(&db).unwrap().0;
    let list = store.articles().unwrap();
    assert_eq!(list.len(), 599);
    assert!(list.iter().any(|a| a.title == "Harbour note 600"));
    assert!(!list.iter().any(|a| a.title == "Harbour note 301"));
    assert_eq!(store.quotes_by("Mara Lind").unwrap().len(), 599);
    assert_eq!(store.search("storms", 1000).unwrap().len(), 599);

    // Unchanged: nothing read again.
    calls.store(0, Ordering::SeqCst);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.unchanged, s.changed), (1, 0), "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);

    // A new message at the end: only it is analysed; the others keep their ids.
    let first_id = list
        .iter()
        .find(|a| a.title == "Harbour note 1")
        .unwrap()
        .id;
    let mut longer = text.clone();
    longer.push_str(&message(601));
    std::fs::write(&mbox, longer).unwrap();
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.changed, 1, "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    let list = store.articles().unwrap();
    assert_eq!(list.len(), 600);
    let again = list.iter().find(|a| a.title == "Harbour note 1").unwrap();
    assert_eq!(again.id, first_id);
}

/// A run stopped midway keeps the parts it wrote; the next run sees the file as unfinished,
/// analyses only the rest, and afterwards the file is indexed as a whole.
#[test]
fn a_run_stopped_midway_is_finished_by_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, scope) = library(tmp.path(), &mailbox(700, None));
    let db = tmp.path().join("index.sqlite3");
    let (mut opts, calls) = support::options(1);
    opts.max_file_bytes = LIMIT;
    // Stop the run once 300 messages were analysed.
    let cancel = opts.cancel.clone();
    let inner = opts.analyzer.clone();
    opts.analyzer = std::sync::Arc::new(move |a| {
        let analysis = inner(a);
        if calls.load(Ordering::SeqCst) >= 300 {
            cancel.store(true, Ordering::SeqCst);
        }
        analysis
    });
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert!(s.cancelled, "{s:?}");
    let store = SqliteStore::open(&db).unwrap().0;
    let stored = store.articles().unwrap().len();
    assert!(stored > 0 && stored < 700, "a part was written: {stored}");

    let (mut opts, calls) = support::options(1);
    opts.max_file_bytes = LIMIT;
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.changed, s.unchanged, s.failed), (1, 0, 0), "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 700 - stored, "only the rest");
    assert_eq!(store.articles().unwrap().len(), 700);
    calls.store(0, Ordering::SeqCst);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.unchanged, 1, "{s:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

/// `extract` writes each message as it reads it; the message over the limit is named and
/// the exit status says so.
#[test]
fn extract_streams_a_mailbox_larger_than_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let (mbox, _) = library(tmp.path(), &mailbox(300, Some(7)));
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, format!("[limits]\nmax_file_bytes = {LIMIT}\n")).unwrap();
    let run = formats_support::Onrecord::new(tmp.path(), &config);
    let (ok, out, err) = run.output(&["extract", "--format", "json", mbox.to_str().unwrap()]);
    assert!(!ok, "a message was left out: {err}");
    assert_eq!(out.lines().count(), 299);
    assert!(
        err.contains("message 7 is") && err.contains("limits.max_file_bytes"),
        "{err}"
    );
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["item"], "n1@harbour.example");
    // One message by its key.
    let one = format!("{}#n250@harbour.example", mbox.display());
    let (ok, out, err) = run.output(&["extract", "--format", "json", &one]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("quay 250"), "{out}");
}

//! E-mail messages: `.eml` files and the messages of a Maildir. The fixtures in
//! `tests/data/email/` are letters written for these tests: a newsletter with a text and an
//! HTML part in quoted-printable, a text-only letter in base64 and ISO-8859-1, and a Maildir
//! with one message read (`cur/`) and one new (`new/`).

use crate::formats_support;
use crate::support;

use onrecord::article::load::{DEFAULT_MAX_BYTES, load_bytes, load_file};
use onrecord::article::{Format, Loaded};
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/email")
}

fn fixture(name: &str) -> Loaded {
    load_file(&data().join(name), DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_newsletter_reads_its_html_part_without_the_furniture() {
    let l = fixture("harbour-weekly.eml");
    let a = &l.article;
    assert_eq!(l.format, Format::Email);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    assert_eq!(a.title, "Dredging of the inner harbour to start in July");
    // The name in From (an RFC 2047 word), never the address.
    assert_eq!(a.byline, vec!["Lena Str\u{F8}m"]);
    assert_eq!(a.date.as_deref(), Some("2026-05-14T07:15:00+02:00"));
    assert_eq!(a.outlet.as_deref(), Some("Harbour Weekly"));
    assert_eq!(
        a.body,
        "Dredging of Port Halden\u{2019}s inner harbour will begin in July and last about ten \
         weeks, the harbour board said on Thursday.\n\n\
         \u{201C}The channel has silted up faster than anyone expected,\u{201D} said Karin \
         Dahl, the board\u{2019}s chief engineer. \u{201C}Larger ferries already touch bottom \
         at low tide.\u{201D}\n\n\
         Fishing crews will be moved to the east quay while the work goes on. Their \
         association said it had not been consulted.\n\n\
         \u{201C}We read about it in the paper,\u{201D} said Olav Nygaard, who chairs the \
         fishermen\u{2019}s association."
    );
    // Lines that are only links ("View this email in your browser", "Unsubscribe") are
    // left out by the HTML path; the footer's text is kept aside.
    for furniture in ["You are receiving this email", "Quay Street"] {
        assert!(
            a.extra.iter().any(|e| e.contains(furniture)),
            "{furniture}: {:?}",
            a.extra
        );
    }
    let quotes = formats_support::said_directly(&l);
    let direct: Vec<_> = quotes.iter().filter(|(d, _, _)| *d).collect();
    assert_eq!(direct.len(), 3, "{quotes:?}");
    assert!(
        direct[..2].iter().all(|(_, _, s)| s == "Karin Dahl"),
        "{quotes:?}"
    );
    assert_eq!(direct[2].2, "Olav Nygaard", "{quotes:?}");
}

#[test]
fn a_text_letter_in_base64_and_latin_1_without_its_signature() {
    let l = fixture("cycle-lanes.eml");
    let a = &l.article;
    assert_eq!(l.format, Format::Email);
    assert_eq!(a.title, "Council agrees new cycle lanes for Elm Street");
    // A sender's name that is a desk is still the name given; the outlet falls back to it.
    assert_eq!(a.byline, vec!["Civic Desk"]);
    assert_eq!(a.outlet.as_deref(), Some("Civic Desk"));
    assert_eq!(a.date.as_deref(), Some("2026-06-02T23:50:00+01:00"));
    assert_eq!(
        a.body,
        "The city council approved on Tuesday a plan for protected cycle lanes along Elm \
         Street, after a debate that ran past midnight.\n\n\
         \"People have asked for this for ten years,\" said Councillor Ana Ruiz, who \
         proposed the plan. \"Tonight we finally listened.\"\n\n\
         Shopkeepers on the street said they feared losing parking. Jos\u{E9} Ib\u{E1}\u{F1}ez, \
         who runs a bakery there, said half his customers came by car."
    );
    let quotes = formats_support::said_directly(&l);
    assert!(
        quotes
            .iter()
            .filter(|(d, _, _)| *d)
            .all(|(_, _, s)| s == "Ana Ruiz"),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|(d, t, s)| !d && s == "Jos\u{E9} Ib\u{E1}\u{F1}ez" && t.contains("customers")),
        "{quotes:?}"
    );
}

#[test]
fn a_maildir_is_scanned_message_by_message() {
    let (files, errors) = onrecord::library::scan::scan(&[data().join("maildir")]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "1780898400.M1P4242Q1.mailhost:2,S",
            "1780984800.M2P4243Q1.mailhost"
        ]
    );
    let read = load_file(&files[0], DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(read.format, Format::Email);
    assert_eq!(
        read.article.title,
        "Night ferry returns to the Skerra timetable"
    );
    assert_eq!(read.article.byline, vec!["Ferry Desk"]);
    assert_eq!(read.article.date.as_deref(), Some("2026-06-08T06:00:00Z"));
    let quotes = formats_support::said_directly(&read);
    assert!(
        quotes
            .iter()
            .any(|(d, t, s)| *d && s == "Anders Brekke" && t.contains("Islanders")),
        "{quotes:?}"
    );
    let new = load_file(&files[1], DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(new.article.title, "Ferry fares frozen for the summer");
    assert_eq!(
        new.article.body,
        "Fares on the Skerra ferries will not rise this summer, the company said.\n\n\
         \"A freeze is the least we can do,\" Brekke said."
    );
}

#[test]
fn hostile_headers_leave_no_control_character() {
    let mail = "From: =?utf-8?Q?Eve=1B]0;x=07?= <eve@x.example>\r\n\
        Subject: =?utf-8?Q?Tolls=1B[2J_end?=\r\n\
        List-Id: =?utf-8?Q?List=C2=9B31m?= <l.x.example>\r\n\
        Date: Mon, 1 Jun 2026 10:00:00 +0000\r\n\r\nThe tolls end, the mayor said.\r\n";
    let a = load_bytes(mail.as_bytes(), Format::Email).unwrap().article;
    for s in a.byline.iter().chain([&a.title]).chain(a.outlet.as_ref()) {
        assert!(
            !s.chars().any(onrecord::safe_text::is_unsafe),
            "control character in {s:?}"
        );
    }
    assert!(a.title.starts_with("Tolls"), "{:?}", a.title);
}

#[test]
fn what_is_not_a_message_is_refused_with_a_reason() {
    let e = load_bytes(b"just some words\nand more\n", Format::Email).unwrap_err();
    assert!(e.to_string().contains("not an e-mail message"), "{e}");
    let e = load_bytes(b"%PDF-1.7\n\0\0\x01", Format::Email).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
    // Multipart without a boundary: loads (without a body) or is refused, never hangs.
    let no_boundary =
        "Subject: x\r\nContent-Type: multipart/mixed\r\n\r\n--b\r\n\r\ntext\r\n--b--\r\n";
    let _ = load_bytes(no_boundary.as_bytes(), Format::Email);
}

/// A message of 10,000 parts loads in bounded time.
#[test]
fn ten_thousand_parts_load_quickly() {
    let mut mail = String::from(
        "Subject: Parts\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\
         Content-Type: text/plain\r\n\r\nThe ferry runs again, the harbour master said.\r\n",
    );
    for i in 0..10_000 {
        mail.push_str(&format!(
            "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename={i}.bin\r\n\r\nAAAA\r\n"
        ));
    }
    mail.push_str("--b--\r\n");
    let started = std::time::Instant::now();
    let l = load_bytes(mail.as_bytes(), Format::Email).unwrap();
    assert_eq!(
        l.article.body,
        "The ferry runs again, the harbour master said."
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

/// `index`, `search`, `quotes`, `speakers` and `extract` through the real binary on a copy
/// of the Maildir and the `.eml` files; a message delivered later is indexed on the next
/// run; nothing in the mail folders is changed.
#[test]
fn the_commands_read_mail() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("mail");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(lib.join("Maildir").join(sub)).unwrap();
    }
    let src = data();
    for name in ["harbour-weekly.eml", "cycle-lanes.eml"] {
        std::fs::copy(src.join(name), lib.join(name)).unwrap();
    }
    let read = "cur/1780898400.M1P4242Q1.mailhost:2,S";
    std::fs::copy(
        src.join("maildir").join(read),
        lib.join("Maildir").join(read),
    )
    .unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.run(args);
    let (db_s, lib_s) = (db.to_str().unwrap(), lib.to_str().unwrap());
    let out = run(&["index", "--index", db_s, lib_s]);
    assert!(out.starts_with("3 files seen: 3 new"), "{out}");
    let out = run(&["search", "--index", db_s, "--json", "dredging"]);
    assert!(out.contains("harbour-weekly.eml"), "{out}");
    let out = run(&[
        "quotes",
        "--index",
        db_s,
        "--speaker",
        "Karin Dahl",
        "--json",
    ]);
    assert!(out.contains("silted up"), "{out}");
    let out = run(&["speakers", "--index", db_s]);
    assert!(out.contains("Anders Brekke"), "{out}");

    // A new message arrives (written to tmp/, then moved to new/, as mail programs do).
    let new = "new/1780984800.M2P4243Q1.mailhost";
    std::fs::copy(
        src.join("maildir").join(new),
        lib.join("Maildir/tmp/1780984800.M2P4243Q1.mailhost"),
    )
    .unwrap();
    std::fs::rename(
        lib.join("Maildir/tmp/1780984800.M2P4243Q1.mailhost"),
        lib.join("Maildir").join(new),
    )
    .unwrap();
    let out = run(&["index", "--index", db_s, lib_s]);
    assert!(out.starts_with("4 files seen: 1 new"), "{out}");
    let out = run(&["search", "--index", db_s, "--json", "freeze"]);
    assert!(out.contains("1780984800.M2P4243Q1.mailhost"), "{out}");

    // A Maildir++ folder (hidden by its name, as Dovecot keeps one) is mail too; a sitemap
    // beside the mail is not an article file: neither read nor counted as failed.
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(lib.join("Maildir/.Newsletters").join(sub)).unwrap();
    }
    std::fs::copy(
        src.join("maildir").join(read),
        lib.join("Maildir/.Newsletters/cur/1780898401.M1P4244Q1.mailhost:2,S"),
    )
    .unwrap();
    std::fs::write(
        lib.join("sitemap.xml"),
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
    )
    .unwrap();
    let (ok, out, err) = cli.output(&["index", "--index", db_s, lib_s]);
    assert!(ok, "{out}{err}");
    assert!(out.starts_with("5 files seen: 1 new"), "{out}");
    assert!(out.contains(" 0 failed"), "{out}");
    let out = run(&["search", "--index", db_s, "--json", "night ferry"]);
    assert!(
        out.contains(".Newsletters/cur/1780898401.M1P4244Q1.mailhost"),
        "{out}"
    );

    let out = run(&[
        "extract",
        "--format",
        "json",
        lib.join("cycle-lanes.eml").to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["outlet"], "Civic Desk");
    assert_eq!(v["byline"][0], "Civic Desk");
    for name in ["harbour-weekly.eml", "cycle-lanes.eml"] {
        assert_eq!(
            std::fs::read(lib.join(name)).unwrap(),
            std::fs::read(src.join(name)).unwrap()
        );
    }
}

/// The reader's watcher indexes a message delivered into a watched Maildir (written to
/// `tmp/`, then moved to `new/`), and drops one that is deleted.
#[test]
fn the_watcher_follows_a_maildir() {
    use onrecord::library::Store;
    use onrecord::library::indexer::{IndexEvent, IndexSummary, Scope, open_and_update};
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(lib.join(sub)).unwrap();
    }
    let read = "cur/1780898400.M1P4242Q1.mailhost:2,S";
    std::fs::copy(data().join("maildir").join(read), lib.join(read)).unwrap();
    let db = tmp.path().join("index.sqlite3");
    let (opts, _) = support::options(1);
    let scope = Scope::Roots(vec![lib.clone()]);
    let s = open_and_update(&db, &scope, &opts, &mut |_| {}).unwrap();
    assert_eq!(s.new, 1, "{s:?}");
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
    let name = "1780984800.M2P4243Q1.mailhost";
    std::fs::copy(
        data().join("maildir/new").join(name),
        lib.join("tmp").join(name),
    )
    .unwrap();
    std::fs::rename(lib.join("tmp").join(name), lib.join("new").join(name)).unwrap();
    let mut s = wait_finished("delivery");
    // The copy into tmp/ may end a round of its own before the move.
    while s.new == 0 {
        s = wait_finished("delivery");
    }
    assert_eq!(s.new, 1, "{s:?}");
    let store = onrecord::library::sqlite::SqliteStore::open(&db).unwrap().0;
    let titles: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert!(
        titles.contains(&"Ferry fares frozen for the summer".to_string()),
        "{titles:?}"
    );

    std::fs::remove_file(lib.join("new").join(name)).unwrap();
    let s = wait_finished("removal");
    assert_eq!(s.removed, 1, "{s:?}");
    assert_eq!(store.articles().unwrap().len(), 1);

    // A Maildir++ folder made while watching, and a message delivered into it.
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(lib.join(".Lists").join(sub)).unwrap();
    }
    std::fs::copy(
        data().join("maildir/new").join(name),
        lib.join(".Lists/tmp").join(name),
    )
    .unwrap();
    std::fs::rename(
        lib.join(".Lists/tmp").join(name),
        lib.join(".Lists/new").join(name),
    )
    .unwrap();
    let mut s = wait_finished("delivery into a Maildir++ folder");
    while s.new == 0 {
        s = wait_finished("delivery into a Maildir++ folder");
    }
    assert_eq!(s.new, 1, "{s:?}");
    assert_eq!(store.articles().unwrap().len(), 2);
}

/// The size cap holds for mail and MHTML as for any article file.
#[test]
fn the_size_cap_applies_to_mail_and_mhtml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for file in [
        "email/harbour-weekly.eml",
        "email/maildir/new/1780984800.M2P4243Q1.mailhost",
        "mhtml/ferry-strike.mhtml",
    ] {
        let e = load_file(&root.join(file), 100).unwrap_err().to_string();
        assert!(
            e.contains("over the limit of 100 bytes (limits.max_file_bytes)"),
            "{e}"
        );
    }
}

//! The library commands through the real binary: crash recovery after SIGKILL, two
//! processes at once, and the output of `index`, `quotes`, `speakers`, `search`.

use crate::support;

use onrecord_testkit::corpus;

use onrecord::library::Store;
use onrecord::library::db::Index;
use onrecord::library::indexer::{Scope, open_and_update};
use onrecord::library::sqlite::SqliteStore;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn onrecord(tmp: &Path) -> Command {
    let config = tmp.join("config.toml");
    if !config.exists() {
        std::fs::write(&config, "").unwrap();
    }
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.arg("--config")
        .arg(config)
        .env("HOME", tmp.join("home"))
        .env("XDG_DATA_HOME", tmp.join("home/data"))
        .env("XDG_CONFIG_HOME", tmp.join("home/config"));
    c
}

/// `onrecord index --index DB LIB`, run to the end.
fn index(tmp: &Path, db: &Path, lib: &Path) -> Output {
    onrecord(tmp)
        .arg("index")
        .arg("--index")
        .arg(db)
        .arg(lib)
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

fn count(db: &Path) -> usize {
    let ix = Index::open_existing(db).unwrap();
    ix.conn()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

#[test]
fn killed_indexer_leaves_a_usable_index_that_the_next_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    let n = 1500;
    corpus::generate(&lib, n, 11).unwrap();
    let before = support::snapshot(&lib);

    let mut child = onrecord(tmp.path())
        .arg("index")
        .arg("--index")
        .arg(&db)
        .arg(&lib)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as a first batch is committed.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = 0;
    while Instant::now() < deadline {
        if db.exists()
            && let Ok(st) = SqliteStore::open_existing(&db)
            && let Ok(c) = st.article_count()
            && c > 0
        {
            seen = c;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(seen > 0, "the indexer committed nothing in time");
    assert!(
        !status.success(),
        "the indexer finished before it was killed"
    );

    // The index opens, passes an integrity check, and holds whole articles only.
    let partial = count(&db);
    assert!(partial > 0 && partial < n, "partial = {partial}");
    {
        let ix = Index::open(&db, true).unwrap().0;
        ix.conn()
            .execute("INSERT INTO fts(fts) VALUES('integrity-check')", [])
            .unwrap();
        let orphans: i64 = ix
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM docs WHERE id NOT IN (SELECT id FROM articles)) + \
                 (SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM docs))",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0);
    }
    let st = SqliteStore::open_existing(&db).unwrap();
    assert_eq!(st.articles().unwrap().len(), partial);
    assert!(!st.search("officials", 5).unwrap().is_empty());
    drop(st);

    // The next run does the rest, and only the rest.
    let out = index(tmp.path(), &db, &lib);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let expected = format!("{n} files seen: {} new, 0 changed", n - partial);
    assert!(stdout.contains(&expected), "{stdout}");
    assert_eq!(count(&db), n);
    assert_eq!(support::snapshot(&lib), before, "the library changed");
}

#[test]
fn two_processes_index_the_same_library_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("data/index.sqlite3");
    let n = 300;
    corpus::generate(&lib, n, 3).unwrap();
    let spawn = || {
        onrecord(tmp.path())
            .arg("index")
            .arg("--index")
            .arg(&db)
            .arg(&lib)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn();
    let b = spawn();
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{stdout}\n{stderr}");
        assert!(stdout.contains(&format!("{n} files seen")), "{stdout}");
    }
    assert_eq!(count(&db), n);
    let ix = Index::open(&db, true).unwrap().0;
    ix.conn()
        .execute("INSERT INTO fts(fts) VALUES('integrity-check')", [])
        .unwrap();
}

#[test]
fn query_commands_answer_from_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    // Missing index: a clear message.
    let out = onrecord(tmp.path())
        .args(["speakers", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out).1.contains("onrecord index"), "{:?}", text(&out));

    support::write(
        &lib,
        "one.txt",
        "Ünïcödé budget story",
        &[
            "Café owners in Zürich — “naïve” hopes aside — waited.",
            "“We will balance the budget,” said Angela Merkel.",
        ],
    );
    support::write(
        &lib,
        "two.txt",
        "Second story",
        &[
            "“Again,” said Angela Merkel.",
            "Angela Merkel said that more was coming.",
        ],
    );
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();

    // quotes --json: char offsets into the body.
    let out = onrecord(tmp.path())
        .args(["quotes", "--speaker", "angela merkel", "--json", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let st = SqliteStore::open_existing(&db).unwrap();
    for l in &lines {
        let path = l["path"].as_str().unwrap();
        let id = st
            .articles()
            .unwrap()
            .into_iter()
            .find(|a| a.path == Path::new(path))
            .unwrap()
            .id;
        let (article, _) = st.open(id).unwrap();
        let chars: Vec<char> = article.body.chars().collect();
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        let quoted: String = chars[s..e].iter().collect();
        assert_eq!(quoted, l["text"].as_str().unwrap());
        assert_eq!(l["speaker"], "Angela Merkel");
        assert!(["direct", "indirect"].contains(&l["kind"].as_str().unwrap()));
    }
    assert!(lines.iter().any(|l| l["title"] == "Ünïcödé budget story"));

    // Text: one line per quote.
    let out = onrecord(tmp.path())
        .args(["quotes", "--speaker", "Merkel", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, _) = text(&out);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("We will balance the budget"), "{stdout}");

    let out = onrecord(tmp.path())
        .args(["speakers", "--json", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, _) = text(&out);
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["name"], "Angela Merkel");
    assert_eq!(first["quotes"], 3);
    assert_eq!(first["articles"], 2);

    let out = onrecord(tmp.path())
        .args(["search", "zurich budget", "--json", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let hit: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(hit["title"], "Ünïcödé budget story");
    for q in ["\"AND (", "NEAR(a b", "*", "col:x", "\u{1b}[2J"] {
        let out = onrecord(tmp.path())
            .args(["search", q, "--index"])
            .arg(&db)
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        assert!(
            !stderr.contains("fts5") && !stderr.contains("syntax"),
            "{q:?}: {stderr}"
        );
    }

    // Unknown speaker: a message, failure status.
    let out = onrecord(tmp.path())
        .args(["quotes", "--speaker", "Nobody Here", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out).1.contains("no quotes by"));
}

#[test]
fn printed_content_has_no_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    // An escape sequence in a file name, and control characters that survive into a
    // constructed analysis (speaker names do not go through the loader's hygiene).
    let name = "evil\u{1b}]0;pwned\u{7}.txt";
    support::write(&lib, name, "Title", &["“Hi there,” said Eve Bad."]);
    let analyzer: onrecord::library::indexer::Analyzer = std::sync::Arc::new(|a| {
        let mut an = support::simple_analyze(a);
        for q in &mut an.quotes {
            q.speaker = Some("Eve\u{1b}\u{7} Bad\u{9b}".into());
        }
        an
    });
    let opts = onrecord::library::indexer::IndexOptions {
        analyzer,
        ..onrecord::library::indexer::IndexOptions::default()
    };
    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    for args in [
        vec!["quotes", "--speaker", "Eve Bad"],
        vec!["speakers"],
        vec!["search", "there"],
    ] {
        let out = onrecord(tmp.path())
            .args(&args)
            .arg("--index")
            .arg(&db)
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        assert!(!stdout.is_empty(), "{args:?}: {stderr}");
        assert!(
            !stdout
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?}: {stdout:?}"
        );
    }
    let out = index(tmp.path(), &db, &lib);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("1 files seen"), "{stdout}");
    assert!(
        !stdout
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{stdout:?}"
    );
}

#[test]
fn index_command_replaces_a_corrupt_database() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(&lib, "a.txt", "Title", &["Body text here."]);
    // A damaged database (SQLite's header, junk after it); a file that is no database at
    // all is refused instead (tests/cli/safety/mod.rs).
    let mut junk = b"SQLite format 3\0".to_vec();
    junk.extend(b"this is not a database, just junk junk junk".repeat(200));
    std::fs::write(&db, junk).unwrap();
    let out = onrecord(tmp.path())
        .args(["index", "--check", "--index"])
        .arg(&db)
        .arg(&lib)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("corrupt") && stderr.contains("moved it to"),
        "{stderr}"
    );
    assert!(stdout.contains("1 files seen: 1 new"), "{stdout}");
    assert_eq!(count(&db), 1);
}

#[test]
fn index_reports_unreadable_files_and_exits_non_zero_after_indexing_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(
        &lib,
        "good.txt",
        "Harbour vote",
        &["\u{201C}We will vote,\u{201D} said Ann Lee."],
    );
    std::fs::write(
        lib.join("broken.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    let out = index(tmp.path(), &db, &lib);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("broken.txt"), "{stderr}");
    assert!(stdout.contains("1 failed"), "{stdout}");
    assert_eq!(count(&db), 1, "the readable file is indexed");

    // With the bad file gone, the next run succeeds.
    std::fs::remove_file(lib.join("broken.txt")).unwrap();
    let out = index(tmp.path(), &db, &lib);
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn search_takes_every_word_as_part_of_the_query() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(
        &lib,
        "trade.txt",
        "Tariff talks",
        &["The tariff on steel from China rises in May."],
    );
    support::write(
        &lib,
        "other.txt",
        "Harbour vote",
        &["The tariff on timber from Norway stays."],
    );
    let out = index(tmp.path(), &db, &lib);
    assert!(out.status.success(), "{:?}", text(&out));

    // `search tariff china`: two words, one query (as `search "tariff china"`).
    let out = onrecord(tmp.path())
        .args(["search", "tariff", "china", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("Tariff talks"), "{stdout}");
    let quoted = onrecord(tmp.path())
        .args(["search", "tariff china", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(text(&quoted).0, stdout);

    // Options may come before or after the words.
    let out = onrecord(tmp.path())
        .args([
            "search", "--json", "tariff", "norway", "--limit", "5", "--index",
        ])
        .arg(&db)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let hit: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(hit["title"], "Harbour vote");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");

    // No words at all is still a usage error.
    let out = onrecord(tmp.path())
        .args(["search", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
}

#[test]
fn quotes_takes_kinds_and_a_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(
        &lib,
        "one.txt",
        "Budget story",
        &[
            "“We will balance the budget,” said Angela Merkel.",
            "“Again,” said Angela Merkel.",
            "Angela Merkel said that more was coming.",
        ],
    );
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    let kinds = |args: &[&str]| -> Vec<String> {
        let out = onrecord(tmp.path())
            .args(["quotes", "--speaker", "Merkel", "--json", "--index"])
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{args:?}: {stderr}");
        stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["kind"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(kinds(&[]), ["direct", "direct", "indirect"]);
    assert_eq!(kinds(&["--kind", "indirect"]), ["indirect"]);
    assert_eq!(kinds(&["--kind", "direct"]), ["direct", "direct"]);
    assert_eq!(kinds(&["--kind", "partial,indirect"]), ["indirect"]);
    assert_eq!(
        kinds(&["--kind", "partial", "--kind", "direct"]),
        ["direct", "direct"]
    );
    assert_eq!(kinds(&["--limit", "2"]), ["direct", "direct"]);
    assert_eq!(kinds(&["--kind", "indirect", "--limit", "1"]), ["indirect"]);
    assert!(kinds(&["--limit", "0"]).is_empty());
    // A kind that does not exist is refused with the ones that do.
    let out = onrecord(tmp.path())
        .args([
            "quotes",
            "--speaker",
            "Merkel",
            "--kind",
            "verbatim",
            "--index",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let (_, stderr) = text(&out);
    assert!(
        stderr.contains("direct") && stderr.contains("indirect"),
        "{stderr}"
    );
}

#[test]
fn speakers_and_quotes_follow_the_library_folders_unless_all() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("index.sqlite3");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    support::write(
        &a,
        "one.txt",
        "Budget story",
        &["“We will balance the budget,” said Angela Merkel."],
    );
    support::write(
        &b,
        "two.txt",
        "Ferry story",
        &[
            "“Fares must rise,” said Ida Long.",
            "“Not now,” said Angela Merkel.",
        ],
    );
    let (opts, _) = support::options(1);
    for lib in [&a, &b] {
        open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    }
    let run = |args: &[&str], extra: &[&Path]| -> (bool, String, String) {
        let mut c = onrecord(tmp.path());
        c.args(args).arg("--index").arg(&db);
        for p in extra {
            c.arg("--library").arg(p);
        }
        let out = c.output().unwrap();
        let (o, e) = text(&out);
        (out.status.success(), o, e)
    };
    // One folder: its speakers only, counted in it.
    let (ok, out, err) = run(&["speakers", "--json"], &[&a]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("\"Angela Merkel\"") && out.contains("\"quotes\":1"),
        "{out}"
    );
    // Both folders, or the whole index with --all.
    let (_, both, _) = run(&["speakers", "--json"], &[&a, &b]);
    let (_, all, _) = run(&["speakers", "--json", "--all"], &[]);
    assert_eq!(both, all);
    assert_eq!(all.lines().count(), 2, "{all}");
    assert!(all.contains("\"quotes\":2"), "{all}");
    // quotes: the folder's quotes only; a speaker with none there says so.
    let (ok, out, err) = run(&["quotes", "--speaker", "Merkel"], &[&b]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("Not now"), "{out}");
    let (ok, out, err) = run(&["quotes", "--speaker", "Ida Long"], &[&a]);
    assert!(!ok && out.is_empty(), "{out}");
    assert!(
        err.contains("no quotes by \"Ida Long\"") && err.contains("--all"),
        "{err}"
    );
    let (ok, out, _) = run(&["quotes", "--speaker", "Merkel", "--all"], &[]);
    assert!(ok);
    assert_eq!(out.lines().count(), 2, "{out}");
    // The configured library is the default; --all overrides it.
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[library]\npaths = [{:?}]\n", a.display().to_string()),
    )
    .unwrap();
    let (_, out, _) = run(&["speakers"], &[]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (_, out, _) = run(&["speakers", "--all"], &[]);
    assert_eq!(out.lines().count(), 2, "{out}");
    // --library and --all together make no sense.
    let (ok, _, err) = run(&["speakers", "--all"], &[&a]);
    assert!(!ok, "{err}");
}

#[test]
fn quotes_export_as_csv_markdown_and_json_with_citations() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    support::write(
        &lib,
        "one.txt",
        "Budget story",
        &[
            "By Jane Doe",
            "“We will balance the budget, *now*,” said Angela Merkel.",
            "Angela Merkel said that more was coming.",
            "“=HYPERLINK(1)” said Angela Merkel.",
        ],
    );
    let (opts, _) = support::options(1);
    open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {}).unwrap();
    let export = |format: &str| -> String {
        let out = onrecord(tmp.path())
            .args([
                "quotes",
                "--speaker",
                "Merkel",
                "--format",
                format,
                "--index",
            ])
            .arg(&db)
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{format}: {stderr}");
        assert!(
            !stdout.chars().any(|c| c.is_control() && c != '\n'),
            "{stdout:?}"
        );
        stdout
    };
    let csv = export("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "speaker,kind,text,citation,title,date,url,path,start,end"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(
        lines[1].starts_with("Angela Merkel,direct,\"We will balance the budget, *now*,\","),
        "{csv}"
    );
    assert!(lines[1].contains("Budget story"), "{csv}");
    // Reported speech is cited as reported speech, never inside quotation marks.
    assert!(
        lines[2].contains("Angela Merkel said more was coming.")
            || lines[2].contains("Angela Merkel said that more was coming."),
        "{csv}"
    );
    assert!(!lines[2].contains("“more"), "{csv}");
    // No field starts a spreadsheet formula.
    assert!(lines[3].contains(",'=HYPERLINK(1)"), "{csv}");

    let md = export("markdown");
    assert!(md.starts_with("# Quotes by Angela Merkel\n\n- "), "{md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("- ")).count(),
        3,
        "{md}"
    );
    assert!(md.contains("\\*now\\*"), "markup shown as written: {md}");
    assert!(md.contains("— Angela Merkel; "), "{md}");

    let json = export("json");
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["kind"], "direct");
    let citation = rows[0]["citation"].as_str().unwrap();
    assert!(
        citation.starts_with("“We will balance the budget, *now*” — Angela Merkel; "),
        "{citation}"
    );
    assert!(citation.contains("“Budget story”"), "{citation}");
    // --json is the same as --format json.
    let out = onrecord(tmp.path())
        .args(["quotes", "--speaker", "Merkel", "--json", "--index"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(text(&out).0, json);
}

#[test]
fn quotes_since_a_date_keeps_articles_dated_that_day_or_later() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let db = tmp.path().join("index.sqlite3");
    std::fs::create_dir_all(&lib).unwrap();
    for (name, date) in [
        ("new.md", "date: 2024-03-02\n"),
        ("old.md", "date: March 5, 2023\n"),
        ("undated.md", ""),
    ] {
        std::fs::write(
            lib.join(name),
            format!(
                "---\ntitle: Story {name}\n{date}---\n\n“Words from {name},” said Maria Chen.\n"
            ),
        )
        .unwrap();
    }
    let out = index(tmp.path(), &db, &lib);
    assert!(out.status.success(), "{:?}", text(&out));
    let titles = |since: &str| -> Vec<String> {
        let out = onrecord(tmp.path())
            .args([
                "quotes",
                "--speaker",
                "Maria Chen",
                "--json",
                "--since",
                since,
                "--index",
            ])
            .arg(&db)
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{since}: {stderr}");
        let mut v: Vec<String> = stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["title"].as_str().unwrap().to_string()
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(titles("2023-06-01"), ["Story new.md"]);
    assert_eq!(titles("March 2023"), ["Story new.md", "Story old.md"]);
    assert_eq!(titles("5 March 2023"), ["Story new.md", "Story old.md"]);
    assert_eq!(titles("6 March 2023"), ["Story new.md"]);
    assert!(titles("2030-01-01").is_empty());
    let out = onrecord(tmp.path())
        .args([
            "quotes",
            "--speaker",
            "Maria Chen",
            "--since",
            "last week",
            "--index",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("not a date"), "{:?}", text(&out));
}

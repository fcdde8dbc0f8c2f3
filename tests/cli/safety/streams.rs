//! Standard streams that fail and outputs that say what they cut: a closed stdout ends
//! every command quietly, a stderr that cannot be written never panics, `search` says when
//! its limit was capped and to what.

use super::*;

/// A stdout whose reader is gone: every write fails with EPIPE. Both ends are made
/// close-on-exec, so a child another test spawns meanwhile cannot inherit the reader and
/// keep the pipe open.
#[cfg(unix)]
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, db) = hostile_library(tmp.path());
    for args in [
        vec![
            "index".to_string(),
            "--index".into(),
            db.display().to_string(),
            lib.display().to_string(),
        ],
        vec![
            "search".into(),
            "bridge".into(),
            "--index".into(),
            db.display().to_string(),
        ],
        vec![
            "speakers".into(),
            "--json".into(),
            "--index".into(),
            db.display().to_string(),
        ],
        vec![
            "quotes".into(),
            "--speaker".into(),
            "Anna Berg".into(),
            "--index".into(),
            db.display().to_string(),
        ],
        vec!["extract".into(), lib.display().to_string()],
        vec!["keys".into()],
    ] {
        let mut c = onrecord(tmp.path());
        c.args(&args)
            .stdin(Stdio::null())
            .stdout(closed_pipe())
            .stderr(Stdio::piped());
        let child = c.spawn().unwrap();
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_ne!(o.status.code(), Some(101), "{args:?} panicked: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}

#[test]
fn search_says_when_its_limit_was_capped_and_to_what() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for i in 0..2001 {
        std::fs::write(
            lib.join(format!("a{i:04}.txt")),
            format!("Story {i}\n\nThe bridge opened on day {i}."),
        )
        .unwrap();
    }
    let db = tmp.path().join("data/index.sqlite3");
    let (code, out, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(0), "{out}{err}");
    let o = query(tmp.path(), &db, &["search", "bridge", "--limit", "5000"]);
    let (out, err) = text(&o);
    assert_eq!(out.lines().count(), 2000);
    assert!(err.contains("--limit 5000 capped at 2000 results"), "{err}");
    // Not capped: nothing said.
    let o = query(tmp.path(), &db, &["search", "bridge", "--limit", "2000"]);
    assert_eq!(text(&o).0.lines().count(), 2000);
    assert_eq!(text(&o).1, "");
    let o = query(tmp.path(), &db, &["search", "day 7", "--limit", "5000"]);
    assert!(!text(&o).1.contains("capped"), "{}", text(&o).1);
}

// ---------------------------------------------------------------------------------------
// A stderr that cannot be written (closed, a closed pipe, a full disk) never makes a panic:
// messages are dropped, the exit status stays what it would have been.

/// The ways stderr can fail: its pipe's reader gone (EPIPE), a full device (ENOSPC), or no
/// stderr at all (`2>&-`).
/// How a test breaks one output of a command, and what to call it.
type Breaker = (&'static str, Box<dyn Fn(&mut Command)>);

#[cfg(unix)]
fn broken_stderrs() -> Vec<Breaker> {
    use std::os::unix::process::CommandExt;
    vec![
        (
            "a closed pipe",
            Box::new(|c: &mut Command| {
                c.stderr(closed_pipe());
            }),
        ),
        (
            "/dev/full",
            Box::new(|c: &mut Command| {
                let full = std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap();
                c.stderr(full);
            }),
        ),
        (
            "closed (2>&-)",
            Box::new(|c: &mut Command| {
                c.stderr(Stdio::null());
                // SAFETY: close(2) is async-signal-safe; nothing else runs in the child yet.
                unsafe {
                    c.pre_exec(|| {
                        libc::close(2);
                        Ok(())
                    });
                }
            }),
        ),
    ]
}

#[cfg(unix)]
#[test]
fn a_stderr_that_cannot_be_written_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    support::write(
        &lib,
        "good.txt",
        "Good Title",
        &["\u{201C}Fine,\u{201D} said Anna Berg."],
    );
    // Each of these makes a message on stderr: a PNG (fails to load), invalid UTF-8 (a
    // warning from `extract`).
    std::fs::write(lib.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(
        lib.join("latin1.txt"),
        b"Caf\xe9 Title\n\nThe caf\xe9 opened.",
    )
    .unwrap();
    let db = tmp.path().join("data/index.sqlite3");
    let (code, out, err) = index_run(tmp.path(), &db, &[&lib]);
    assert_eq!(code, Some(1), "{out}{err}");
    let marker = db.with_file_name("index.sqlite3.running");
    let s = |p: &Path| p.display().to_string();
    let cases: Vec<Vec<String>> = vec![
        // Failures named, and a notice (the marker of a run that did not end).
        vec!["index".into(), "--index".into(), s(&db), s(&lib)],
        vec!["extract".into(), s(&lib)],
        vec![
            "extract".into(),
            "--format".into(),
            "json".into(),
            s(&lib.join("image.txt")),
        ],
        vec!["extract".into(), s(&tmp.path().join("missing.txt"))],
        vec![
            "quotes".into(),
            "--speaker".into(),
            "Nobody Here".into(),
            "--index".into(),
            s(&db),
        ],
        vec![
            "search".into(),
            "bridge".into(),
            "--index".into(),
            s(&tmp.path().join("none.sqlite3")),
        ],
        vec!["speaker".into()],
        vec!["extract".into(), "--no-such-flag".into()],
        vec![
            "--config".into(),
            s(&tmp.path().join("missing.toml")),
            "keys".into(),
        ],
    ];
    for args in &cases {
        // What it does with a working stderr: the exit status to keep.
        std::fs::write(&marker, "1").unwrap();
        let mut c = onrecord(tmp.path());
        c.args(args);
        let o = run(c);
        let (_, err) = text(&o);
        assert!(!err.is_empty(), "{args:?} says nothing on stderr: no test");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        let expected = o.status.code();
        assert!(
            matches!(expected, Some(1 | 2)),
            "{args:?}: {expected:?} {err}"
        );
        for (how, broken) in broken_stderrs() {
            std::fs::write(&marker, "1").unwrap();
            let mut c = onrecord(tmp.path());
            c.args(args).stdin(Stdio::null()).stdout(Stdio::null());
            broken(&mut c);
            let mut child = c.spawn().unwrap();
            let started = Instant::now();
            let status = loop {
                if let Some(st) = child.try_wait().unwrap() {
                    break st;
                }
                assert!(
                    started.elapsed() < DEADLINE,
                    "{args:?}, stderr {how}: hangs"
                );
                std::thread::sleep(Duration::from_millis(20));
            };
            assert_ne!(status.code(), Some(101), "{args:?}, stderr {how}: panicked");
            assert_eq!(
                status.code(),
                expected,
                "{args:?}, stderr {how}: {status:?}"
            );
        }
        // Both outputs closed pipes (`onrecord ... 2>&1 | head -0`).
        std::fs::write(&marker, "1").unwrap();
        let mut c = onrecord(tmp.path());
        c.args(args)
            .stdin(Stdio::null())
            .stdout(closed_pipe())
            .stderr(closed_pipe());
        let status = c.status().unwrap();
        assert_ne!(status.code(), Some(101), "{args:?}, both closed: panicked");
    }
}

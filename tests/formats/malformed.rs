//! Malformed and hostile input: every file here is generated in a temp dir by the test.
//! Each case must end with a clear message or a sensible result; none may crash or hang.
//! Hangs are caught by a generous watchdog (minutes), never by timing assertions.

use onrecord_testkit::check;

use onrecord::article::html;
use onrecord::article::load::{self, DEFAULT_MAX_BYTES, LoadError};
use onrecord::extract;
use onrecord::library::scan;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Generous: only a real hang (or an exponential blow-up) gets anywhere near it.
const WATCHDOG: Duration = Duration::from_secs(300);

/// Runs `f` on a thread with an 8 MiB stack (the size of a main thread) and fails the test
/// when it has not finished within [`WATCHDOG`].
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn");
    match rx.recv_timeout(WATCHDOG) {
        Ok(v) => {
            let _ = handle.join();
            v
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {WATCHDOG:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let e = handle.join().expect_err("thread ended without a result");
            std::panic::resume_unwind(e)
        }
    }
}

/// Deterministic pseudo-random bytes (xorshift), with NULs guaranteed.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push(if i % 97 == 0 { 0 } else { x as u8 });
    }
    out
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write test file");
    p
}

/// Loads a file with the default cap, then checks every invariant of the result.
fn load_checked(path: &Path, max: u64) -> Result<onrecord::article::Loaded, LoadError> {
    let loaded = load::load_file(path, max)?;
    check::check_article(&loaded.article);
    let analysis = extract::analyze(&loaded.article);
    check::check_analysis(&loaded.article, &analysis);
    Ok(loaded)
}

fn config_file(dir: &Path, max_bytes: u64) -> PathBuf {
    write(
        dir,
        "config.toml",
        format!("[limits]\nmax_file_bytes = {max_bytes}\n"),
    )
}

/// Runs the real binary with a watchdog; stdin is closed.
fn onrecord(args: &[&std::ffi::OsStr]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run onrecord");
    let id = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(WATCHDOG) {
        Ok(out) => out.expect("wait for onrecord"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("onrecord {args:?} still running after {WATCHDOG:?}");
        }
    }
}

/// No byte that a terminal would act on: ESC, C0 (but `\n`), DEL, C1, bidi controls.
fn assert_terminal_safe(what: &str, s: &str) {
    for (i, c) in s.char_indices() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            !bad,
            "{what}: control char {c:?} at byte {i}: {:?}",
            &s[i.saturating_sub(40)..(i + 40).min(s.len())]
        );
    }
}

#[test]
fn binary_files_are_refused_with_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    let pdf = write(
        dir.path(),
        "paper.md",
        [
            &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"[..],
            &noise(4096, 7),
        ]
        .concat(),
    );
    let random = write(dir.path(), "random.txt", noise(100_000, 42));
    for (path, expect) in [
        (&png, "PNG image"),
        (&pdf, "PDF document"),
        (&random, "binary"),
    ] {
        let err = load_checked(path, DEFAULT_MAX_BYTES).expect_err("binary must be refused");
        let msg = err.to_string();
        assert!(matches!(err, LoadError::Binary { .. }), "{msg}");
        assert!(msg.contains(expect), "{msg}");
        assert!(msg.contains(&path.display().to_string()), "{msg}");
    }
}

#[test]
fn random_bytes_as_html_give_a_sensible_result() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "noise.html", noise(200_000, 3));
    // Either refused as binary or loaded as (garbage) text: never a crash, always clean.
    if let Ok(loaded) = within("noise.html", move || load_checked(&p, DEFAULT_MAX_BYTES)) {
        check::check_article(&loaded.article);
    }
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xE9 Owner Speaks\n\n\x93We are open,\x94 said Ren\xE9 Dupont.\n\nBad: \xC3\x28 \xF0\x9F\x98\n",
    );
    let loaded = load_checked(&p, DEFAULT_MAX_BYTES).unwrap();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.0.contains("invalid UTF-8")),
        "{:?}",
        loaded.warnings
    );
    assert!(loaded.article.body.contains('\u{FFFD}'));
    assert!(loaded.article.body.contains("said Ren"));
}

#[test]
fn utf16_with_bom_decodes_in_both_byte_orders() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Minister Resigns\n\n\u{201C}I am leaving,\u{201D} said Minister J\u{F6}rg Schmidt in Z\u{FC}rich.\n";
    for (name, le) in [("le.txt", true), ("be.txt", false)] {
        let p = write(dir.path(), name, utf16(text, le));
        let loaded = load_checked(&p, DEFAULT_MAX_BYTES).unwrap();
        assert_eq!(loaded.article.title, "Minister Resigns", "{name}");
        assert!(
            loaded
                .article
                .body
                .contains("\u{201C}I am leaving,\u{201D} said Minister J\u{F6}rg"),
            "{name}: {:?}",
            loaded.article.body
        );
        assert!(
            loaded.warnings.iter().any(|w| w.0.contains("UTF-16")),
            "{name}"
        );
    }
}

#[test]
fn empty_files_load_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["empty.txt", "empty.md", "empty.html"] {
        let p = write(dir.path(), name, b"");
        let loaded = load_checked(&p, DEFAULT_MAX_BYTES).unwrap();
        assert!(loaded.article.body.is_empty(), "{name}");
        assert!(
            extract::analyze(&loaded.article).quotes.is_empty(),
            "{name}"
        );
    }
    let loaded = load_checked(&dir.path().join("empty.txt"), DEFAULT_MAX_BYTES).unwrap();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.0.contains("no article text")),
        "{:?}",
        loaded.warnings
    );
}

fn big_article(bytes: usize) -> Vec<u8> {
    let para = "\u{201C}We will rebuild the bridge by spring,\u{201D} said Mayor Ana Ruiz of \
                Porto on Tuesday, according to the city council.\n\n";
    para.repeat(bytes / para.len() + 1).into_bytes()
}

#[test]
fn a_50_mb_article_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["huge.txt", "huge.md", "huge.html"] {
        let p = write(dir.path(), name, big_article(50 << 20));
        let err = load::load_file(&p, DEFAULT_MAX_BYTES).expect_err("over the cap");
        let msg = err.to_string();
        assert!(matches!(err, LoadError::TooLarge { .. }), "{msg}");
        assert!(msg.contains(&DEFAULT_MAX_BYTES.to_string()), "{msg}");
        assert!(msg.contains("max_file_bytes"), "{msg}");
    }
}

#[test]
fn the_size_cap_from_the_config_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let article = big_article(3000);
    let big = write(dir.path(), "big.txt", &article);
    let small = write(dir.path(), "small.txt", &article[..article.len().min(900)]);
    let config = config_file(dir.path(), 2000);
    let out = onrecord(&[
        "--config".as_ref(),
        config.as_os_str(),
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "a refused file makes the run fail");
    assert!(stderr.contains("big.txt"), "{stderr}");
    assert!(stderr.contains("limit of 2000 bytes"), "{stderr}");
    assert!(!stderr.contains("small.txt"), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("small.txt"), "{stdout}");

    // The same files under a raised cap both load.
    let config = config_file(dir.path(), 1 << 20);
    let out = onrecord(&[
        "--config".as_ref(),
        config.as_os_str(),
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn a_gzip_bomb_is_stopped_at_the_cap() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // 64 MiB of one byte compresses to about 64 KiB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&chunk).unwrap();
    }
    let gz = gz.finish().unwrap();
    assert!(gz.len() < 1 << 20, "the bomb itself is small: {}", gz.len());
    let p = write(dir.path(), "bomb.html.gz", &gz);
    let err = load::load_file(&p, DEFAULT_MAX_BYTES).expect_err("bomb must be refused");
    let msg = err.to_string();
    assert!(msg.contains("bomb.html.gz"), "{msg}");
    assert!(
        msg.contains(&format!("limit of {DEFAULT_MAX_BYTES} bytes")),
        "{msg}"
    );
    // The message names the config key that raises the limit.
    assert!(msg.contains("(limits.max_file_bytes)"), "{msg}");

    // A small real page in gzip loads.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        "<html><head><title>Zipped</title></head><body><p>\u{201C}Small,\u{201D} said Ann Lee.</p></body></html>"
            .as_bytes(),
    )
    .unwrap();
    let p = write(dir.path(), "page.html.gz", gz.finish().unwrap());
    let loaded = load_checked(&p, DEFAULT_MAX_BYTES).unwrap();
    assert!(loaded.article.body.contains("said Ann Lee"));

    // A truncated gzip gives an error, not a crash.
    let p = write(dir.path(), "cut.html.gz", gz_prefix());
    let err = load::load_file(&p, DEFAULT_MAX_BYTES).expect_err("truncated gzip");
    assert!(err.to_string().contains("cut.html.gz"), "{err}");
}

fn gz_prefix() -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&big_article(100_000)).unwrap();
    let all = gz.finish().unwrap();
    all[..all.len() / 2].to_vec()
}

#[test]
fn a_single_10_mb_line_loads_and_extracts_under_a_raised_cap() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "\u{201C}Prices rose again,\u{201D} said Trade Minister Ana Ruiz in Lisbon, and the bank said it agreed. ";
    let line = sentence.repeat((10 << 20) / sentence.len() + 1);
    let p = write(dir.path(), "one-line.txt", &line);
    let err = load::load_file(&p, 1 << 20).expect_err("over a 1 MiB cap");
    assert!(err.to_string().contains("1048576"), "{err}");
    let loaded = within("10 MB line", move || load_checked(&p, 32 << 20).unwrap());
    assert!(loaded.article.body.len() >= 10 << 20);
    assert!(!loaded.article.body.contains('\n'));
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        write(dir.path(), "straight.txt", "\"".repeat(100_000)),
        write(dir.path(), "curly.txt", "\u{201C}".repeat(100_000)),
        write(
            dir.path(),
            "mixed.md",
            "\u{201C}a\u{201D} \"b\" \u{AB}c\u{BB} 'd' \u{2018}".repeat(20_000),
        ),
        write(
            dir.path(),
            "said.txt",
            "\u{201C}Yes,\u{201D} said Ann Lee. ".repeat(25_000),
        ),
    ];
    for p in files {
        let name = p.display().to_string();
        within(&name.clone(), move || {
            load_checked(&p, DEFAULT_MAX_BYTES).unwrap();
        });
    }
}

#[test]
fn a_hundred_thousand_nested_html_elements() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("<html><head><title>Deep</title></head><body>");
    for tag in ["div", "b", "p"] {
        page.push_str(&format!("<{tag}>").repeat(100_000 / 3));
    }
    page.push_str("<p>\u{201C}Still here,\u{201D} said Ann Lee.</p>");
    for tag in ["p", "b", "div"] {
        page.push_str(&format!("</{tag}>").repeat(100_000 / 3));
    }
    page.push_str("</body></html>");
    let unclosed = "<div><span>".repeat(50_000) + "<p>\u{201C}Open,\u{201D} said Bo Li.";
    let p1 = write(dir.path(), "nested.html", &page);
    let p2 = write(dir.path(), "unclosed.html", &unclosed);
    let loaded = within("nested.html", move || {
        load_checked(&p1, DEFAULT_MAX_BYTES).unwrap()
    });
    assert!(
        loaded.article.body.contains("said Ann Lee"),
        "the deep paragraph is kept: {:?}",
        &loaded.article.body[..loaded.article.body.len().min(200)]
    );
    within("unclosed.html", move || {
        load_checked(&p2, DEFAULT_MAX_BYTES).unwrap()
    });
    // And directly from bytes, in the reader's path.
    let loaded = within("html::load", move || html::load(page.as_bytes()));
    check::check_article(&loaded.article);
}

#[cfg(unix)]
#[test]
fn unreadable_files_give_a_message() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();

    // A FIFO named like an article: opening it would block forever.
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.map(|s| s.success()).unwrap_or(false) {
        let f = fifo.clone();
        let err = within("fifo", move || load::load_file(&f, DEFAULT_MAX_BYTES))
            .expect_err("a FIFO is not an article");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    } else {
        eprintln!("skipping the FIFO case: mkfifo is not available");
    }

    // A directory named like a file: unreadable even for root.
    let fake = dir.path().join("folder.txt");
    std::fs::create_dir(&fake).unwrap();
    let err = load::load_file(&fake, DEFAULT_MAX_BYTES).expect_err("a folder is not an article");
    assert!(err.to_string().contains("folder.txt"), "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");

    // chmod 000: refused for normal users; root reads anyway, so check only when it bites.
    let locked = write(dir.path(), "locked.txt", "Locked\n\nText.\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipping the chmod 000 case: running as root, permissions do not apply");
    } else {
        let err = load::load_file(&locked, DEFAULT_MAX_BYTES).expect_err("unreadable");
        let msg = err.to_string();
        assert!(
            msg.contains("locked.txt") && msg.contains("cannot read"),
            "{msg}"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();

    // A scan over the folder finishes and lists the files named like articles, the FIFO
    // too (loading it says what it is, so it is never left out without a word); not the
    // folder.
    let (files, _errors) = within("scan", {
        let d = dir.path().to_path_buf();
        move || scan::scan(&[d])
    });
    let mut expected = vec![locked.clone()];
    if fifo.exists() {
        expected.push(fifo.clone());
    }
    assert_eq!(files, expected, "the article files are listed");
}

#[cfg(unix)]
#[test]
fn broken_symlinks_and_loops_do_not_hang_the_scan() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("lib");
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    let good = write(
        &root,
        "good.txt",
        "Good\n\nText \u{201C}here,\u{201D} he said.\n",
    );
    write(&root.join("sub/deeper"), "deep.md", "# Deep\n\nText.\n");
    symlink(root.join("nowhere.txt"), root.join("broken.txt")).unwrap();
    symlink(&root, root.join("sub/back-to-root")).unwrap();
    symlink("..", root.join("sub/deeper/up")).unwrap();
    symlink(root.join("loop-b.txt"), root.join("loop-a.txt")).unwrap();
    symlink(root.join("loop-a.txt"), root.join("loop-b.txt")).unwrap();
    symlink("self", root.join("self")).unwrap();

    let r = root.clone();
    let (files, errors) = within("scan of symlink loops", move || {
        scan::scan(&[r.clone(), r.join("sub")])
    });
    assert!(files.contains(&good), "{files:?}");
    let deep: Vec<_> = files.iter().filter(|p| p.ends_with("deep.md")).collect();
    assert!(!deep.is_empty(), "{files:?}");
    assert!(files.len() < 10, "loops were followed: {files:?}");
    for name in ["broken.txt", "loop-a.txt"] {
        assert!(
            errors.iter().any(|e| e.contains(name)),
            "{name} has a message: {errors:?}"
        );
    }

    // Loading a broken link directly names it.
    let err = load::load_file(&root.join("broken.txt"), DEFAULT_MAX_BYTES).unwrap_err();
    assert!(err.to_string().contains("broken.txt"), "{err}");
    let err = load::load_file(&root.join("loop-a.txt"), DEFAULT_MAX_BYTES).unwrap_err();
    assert!(err.to_string().contains("loop-a.txt"), "{err}");

    // The in-memory store over the same folder finishes and reports the problems.
    let r = root.clone();
    let store = within("MemoryStore::load", move || {
        onrecord::library::memory::MemoryStore::load(&[r], DEFAULT_MAX_BYTES)
    });
    use onrecord::library::Store;
    assert!(store.articles().unwrap().len() >= 2);
    assert!(
        store
            .problems()
            .iter()
            .any(|p| p.message.contains("broken.txt")),
        "{:?}",
        store.problems()
    );
}

#[test]
fn a_file_that_vanishes_after_the_scan_gives_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let keep = write(
        dir.path(),
        "keep.txt",
        "Kept\n\n\u{201C}Here,\u{201D} said Ann Lee.\n",
    );
    let gone = write(dir.path(), "gone.md", "# Gone\n\nSoon.\n");
    let (files, errors) = scan::scan(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files, vec![gone.clone(), keep.clone()]);
    std::fs::remove_file(&gone).unwrap();
    let results: Vec<_> = files
        .iter()
        .map(|p| load::load_file(p, DEFAULT_MAX_BYTES))
        .collect();
    let err = results[0].as_ref().expect_err("vanished");
    let msg = err.to_string();
    assert!(
        msg.contains("gone.md") && msg.contains("cannot read"),
        "{msg}"
    );
    assert!(results[1].is_ok());

    // Through the binary, a vanished file named on the command line is one error line.
    let out = onrecord(&[
        "extract".as_ref(),
        "--config".as_ref(),
        config_file(dir.path(), DEFAULT_MAX_BYTES).as_os_str(),
        gone.as_os_str(),
        keep.as_os_str(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("gone.md"), "{stderr}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("keep.txt"));
}

/// The binary over a folder of every kind of bad file: one message per bad file, the good
/// files still extracted, nothing on the terminal that a terminal would act on.
#[cfg(unix)]
#[test]
fn extract_reports_each_bad_file_and_keeps_going() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bad: Vec<PathBuf> = vec![
        write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        write(
            d,
            "paper.md",
            [&b"%PDF-1.4\n"[..], &noise(2000, 1)].concat(),
        ),
        write(d, "noise.txt", noise(5000, 9)),
        write(d, "huge.txt", big_article(3 << 20)),
        write(d, "notes.pdf", b"%PDF-1.4\n"),
        d.join("missing.txt"),
    ];
    std::fs::create_dir(d.join("folder.md")).unwrap();
    bad.push(d.join("folder.md"));
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("broken.txt")).unwrap();
    bad.push(d.join("broken.txt"));
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut bomb, &vec![b' '; 4 << 20]).unwrap();
    bad.push(write(d, "bomb.html.gz", bomb.finish().unwrap()));

    let evil_name = std::ffi::OsStr::from_bytes(b"evil\x1b]0;owned\x07\xe2\x80\xae.txt");
    let good: Vec<PathBuf> = vec![
        write(d, "latin1.txt", b"Caf\xE9\n\n\x93Open,\x94 said Ren\xE9.\n"),
        write(
            d,
            "utf16.txt",
            utf16("Title\n\n\u{201C}Hi,\u{201D} said Ann.\n", true),
        ),
        write(d, "empty.md", b""),
        write(
            d,
            "escapes.txt",
            "Title \u{1b}]0;owned\u{7}\n\nBy Ann\u{1b}[31m Lee\n\n\u{201C}Hi\u{1b}]52;c;aGk=\u{7},\u{201D} said \u{202E}Ann\u{9b}2J Lee.\n",
        ),
        write(
            d,
            "escapes.html",
            "<title>T\u{1b}]0;owned\u{7}</title><p>\u{201C}Hi\u{1b}]8;;http://x\u{1b}\\,\u{201D} said Ann.</p>",
        ),
        write(d, evil_name.to_str().unwrap(), "Evil Name\n\nBody.\n"),
    ];
    let config = config_file(d, 1 << 20);
    for format in ["text", "json"] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "--config".as_ref(),
            config.as_os_str(),
            "extract".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ];
        // Interleave bad and good files so "keeps going" is tested after every failure.
        let mut all = Vec::new();
        for i in 0..bad.len().max(good.len()) {
            all.extend(bad.get(i));
            all.extend(good.get(i));
        }
        args.extend(all.iter().map(|p| p.as_os_str()));
        let out = onrecord(&args);
        assert!(
            !out.status.success(),
            "{format}: bad files make the run fail"
        );
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        assert_terminal_safe(&format!("{format} stdout"), &stdout);
        assert_terminal_safe(&format!("{format} stderr"), &stderr);
        for p in &bad {
            let name = p.file_name().unwrap().to_str().unwrap();
            let lines: Vec<_> = stderr
                .lines()
                .filter(|l| l.contains(name) && !l.contains("warning:"))
                .collect();
            assert_eq!(lines.len(), 1, "{format}: one error for {name}:\n{stderr}");
            assert!(lines[0].starts_with("onrecord: "), "{}", lines[0]);
            assert!(!stdout.contains(name), "{format}: no result for {name}");
        }
        for p in &good[..good.len() - 1] {
            let name = p.file_name().unwrap().to_str().unwrap();
            assert!(
                stdout.contains(name),
                "{format}: result for {name}:\n{stdout}"
            );
        }
        assert!(
            stdout.contains("Evil Name") || stdout.contains("evil"),
            "{stdout}"
        );
        let results = match format {
            "json" => stdout.lines().count(),
            _ => stdout.lines().filter(|l| l.starts_with("== ")).count(),
        };
        assert_eq!(results, good.len(), "{format}:\n{stdout}");
        if format == "json" {
            for line in stdout.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
                assert!(v["body"].is_string());
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn an_endless_config_file_is_refused() {
    // A device is not read at all (it could be endless, or block).
    let out = onrecord(&[
        "--config".as_ref(),
        "/dev/zero".as_ref(),
        "extract".as_ref(),
        "x.txt".as_ref(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(stderr.contains("/dev/zero"), "{stderr}");
    assert!(
        stderr.contains("not a regular file (a character device)"),
        "{stderr}"
    );
    // A regular file is read up to the limit.
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.toml", vec![b'#'; (1 << 20) + 1]);
    let out = onrecord(&[
        "--config".as_ref(),
        big.as_os_str(),
        "extract".as_ref(),
        "x.txt".as_ref(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(stderr.contains("big.toml"), "{stderr}");
    assert!(stderr.contains("limit of 1048576 bytes"), "{stderr}");
}

/// `onrecord index` over a folder of every kind of bad file finishes, names each bad file
/// once, honours the configured size cap, and indexes the good file.
#[cfg(unix)]
#[test]
fn index_reports_bad_files_and_finishes() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    write(
        &lib,
        "good.txt",
        "Good Title\n\n\u{201C}Hi,\u{201D} said Ann Lee.\n",
    );
    write(&lib, "big.txt", big_article(300_000));
    write(&lib, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&lib, "noise.md", noise(3000, 5));
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut bomb, &vec![b' '; 1 << 20]).unwrap();
    write(&lib, "bomb.html.gz", bomb.finish().unwrap());
    let _ = Command::new("mkfifo").arg(lib.join("pipe.txt")).status();
    std::fs::create_dir(lib.join("folder.md")).unwrap();
    symlink(lib.join("nowhere.txt"), lib.join("broken.txt")).unwrap();
    symlink("loop-b.txt", lib.join("loop-a.txt")).unwrap();
    symlink("loop-a.txt", lib.join("loop-b.txt")).unwrap();
    symlink("..", lib.join("sub/up")).unwrap();
    let config = write(
        dir.path(),
        "config.toml",
        format!(
            "[limits]\nmax_file_bytes = 100000\n[library]\nindex = {:?}\n",
            dir.path().join("index").display().to_string()
        ),
    );
    let out = onrecord(&[
        "--config".as_ref(),
        config.as_os_str(),
        "index".as_ref(),
        lib.as_os_str(),
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The good file is indexed; the exit status says the others were not.
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("1 new"), "{stdout}");
    assert_terminal_safe("index stderr", &stderr);
    for (name, why) in [
        ("big.txt", "limit of 100000 bytes"),
        ("bomb.html.gz", "limit of 100000 bytes"),
        ("image.txt", "PNG image"),
        ("noise.md", "binary"),
        ("broken.txt", ""),
        ("loop-a.txt", ""),
    ] {
        let lines: Vec<_> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one message for {name}:\n{stderr}");
        assert!(lines[0].contains(why), "{name}: {}", lines[0]);
    }
    assert!(stdout.contains("1 new"), "{stdout}");

    // The good article is in the index.
    let out = onrecord(&["--config".as_ref(), config.as_os_str(), "speakers".as_ref()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Ann Lee"), "{stdout}");
}

/// A hostile file name that clap rejects as an argument is echoed without its escapes.
#[test]
fn usage_errors_do_not_echo_escapes() {
    let name = "--evil\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}.txt";
    let out = onrecord(&["extract".as_ref(), name.as_ref()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--evil"), "{stderr}");
    assert_terminal_safe("usage error", &stderr);
}

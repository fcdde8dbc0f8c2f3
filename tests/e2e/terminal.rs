//! Terminal safety and restore, end to end: the real binary in a real terminal (tmux).
//!
//! - Articles full of escape sequences (ESC, CSI, OSC 0/8/52, BEL, C1, bidi overrides), with
//!   hostile file names, are opened in the reader; the raw byte stream the reader writes
//!   (captured with `tmux pipe-pane`) must hold no OSC/DCS/BEL and none of the content's
//!   sequences, and the pane title must be unchanged.
//! - After quitting with `q`, SIGTERM, SIGHUP, and after Ctrl-Z, the pane is back to the
//!   shell: alternate screen left, cursor shown, mouse reporting off, line discipline sane
//!   (not raw), and the marker echoed before the reader started is visible again.
//!
//! Needs tmux (tools/test.sh installs it); without it every test here skips with a message.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The longest any wait here may take before the test fails (a hang, not a slow machine).
const PATIENCE: Duration = Duration::from_secs(60);

struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// A private tmux server with one 100x30 pane running `sh`, or `None` without tmux.
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipping {name}: tmux is not installed (tools/test.sh installs it)");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let socket = format!("onrecord-test-{}-{name}", std::process::id());
        let t = Tmux { socket, dir };
        let home = t.dir.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let status = t
            .cmd()
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "30",
            ])
            .args(["-e", &format!("HOME={}", home.display())])
            .args(["-e", &format!("XDG_CONFIG_HOME={}/config", home.display())])
            .args(["-e", &format!("XDG_DATA_HOME={}/data", home.display())])
            .args(["-e", &format!("XDG_STATE_HOME={}/state", home.display())])
            .args(["-e", &format!("XDG_CACHE_HOME={}/cache", home.display())])
            .args(["-e", "PS1=$ ", "-e", "TERM=xterm-256color"])
            .args(["sh"])
            .status()
            .expect("tmux new-session");
        assert!(status.success(), "tmux new-session failed");
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["set-option", "-g", "allow-rename", "on"]);
        t.run(&["set-option", "-g", "set-clipboard", "on"]);
        // A title we can recognise; content must not change it.
        t.run(&["select-pane", "-T", "clean-title"]);
        Some(t)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Types a shell line.
    fn line(&self, text: &str) {
        self.run(&["send-keys", "-t", "0", "-l", text]);
        self.run(&["send-keys", "-t", "0", "Enter"]);
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0"])
    }

    fn format(&self, f: &str) -> String {
        self.run(&["display-message", "-p", "-t", "0", f])
            .trim()
            .to_string()
    }

    /// Waits until `cond` holds on the screen; fails the test with the screen if it never does.
    fn wait_for(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if cond(&s) {
                return s;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_alternate(&self, on: bool) {
        let start = Instant::now();
        while self.format("#{alternate_on}") != if on { "1" } else { "0" } {
            if start.elapsed() > PATIENCE {
                panic!(
                    "alternate screen never turned {}; screen:\n{}",
                    if on { "on" } else { "off" },
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The pid of the reader (the newest `onrecord` child of the pane's shell).
    fn reader_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep")
                .args(["-n", "-P", &shell, "onrecord"])
                .output()
                .expect("pgrep");
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !pid.is_empty() {
                return pid;
            }
            if start.elapsed() > PATIENCE {
                panic!("no onrecord process under the pane's shell {shell}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The terminal is given back: normal screen, cursor shown, no mouse reporting,
    /// line discipline not raw, and the shell answers with the marker still on screen.
    fn assert_restored(&self, how: &str, marker: &str) {
        self.wait_alternate(false);
        assert_eq!(self.format("#{cursor_flag}"), "1", "{how}: cursor hidden");
        for flag in ["mouse_any_flag", "mouse_button_flag", "mouse_standard_flag"] {
            assert_eq!(
                self.format(&format!("#{{{flag}}}")),
                "0",
                "{how}: {flag} still on"
            );
        }
        // The shell answers, and `stty -a` reports `icanon` and `echo` (not `-icanon`,
        // `-echo`): raw mode is off. Written to a file, so type-ahead cannot garble it.
        let file = self.path(&format!("stty-{}.txt", how.replace(' ', "-")));
        self.line(&format!(
            "stty -a > {}.tmp && mv {0}.tmp {0}",
            shell_quote(&file)
        ));
        let start = Instant::now();
        let stty = loop {
            if let Ok(s) = std::fs::read_to_string(&file) {
                break s;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "{how}: the shell never answered; screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let words: Vec<&str> = stty.split_whitespace().collect();
        assert!(
            words.contains(&"icanon") && words.contains(&"echo"),
            "{how}: terminal left in raw mode:\n{stty}"
        );
        let s = self.screen();
        assert!(
            s.contains(marker),
            "{how}: the screen before the reader is not back:\n{s}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

/// A small library in `dir/lib` and a config pointing at it, with the index inside `dir`.
fn library(dir: &Path, articles: &[(&str, &[u8])]) -> PathBuf {
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    for (name, bytes) in articles {
        std::fs::write(lib.join(name), bytes).unwrap();
    }
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[library]\npaths = [{:?}]\nindex = {:?}\n",
            lib.display().to_string(),
            dir.join("index").display().to_string()
        ),
    )
    .unwrap();
    config
}

fn plain_articles() -> Vec<(&'static str, &'static [u8])> {
    vec![
        (
            "harbour.txt",
            "Harbour Reopens\n\nBy Ana Ruiz\n\n\u{201C}We are open again,\u{201D} said harbour master Joao Silva on Monday.\n\nShips queued outside the port for a week, the authority said.\n".as_bytes(),
        ),
        (
            "budget.md",
            "# Budget Passes\n\n\u{201C}It is fair,\u{201D} said Finance Minister Eva Berg.\n".as_bytes(),
        ),
    ]
}

/// Content with every kind of sequence a terminal would act on.
fn hostile_article() -> Vec<u8> {
    let mut s = String::from("Hostile \u{1b}]0;PWNED-TITLE\u{7}Headline\n\n");
    s.push_str("By Evil\u{1b}[2J\u{1b}[H Writer\n\n");
    s.push_str("\u{201C}Copy this\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7} now,\u{201D} said Ann \u{1b}]8;;http://evil.example/\u{1b}\\Lee\u{1b}]8;;\u{1b}\\ of Acme.\n\n");
    s.push_str("Ring\u{7}\u{7} the bell \u{9b}31mred\u{9b}0m and \u{9d}2;C1-TITLE\u{9c} and \u{202E}reversed\u{202C} and \u{2066}isolate\u{2069}.\n\n");
    s.push_str("\u{1b}P+q544e\u{1b}\\ DCS, \u{1b}[6n cursor report, \u{1b}[?1049l leave alt, \u{1b}c reset, \u{1b}[?25l hide cursor.\n");
    s.into_bytes()
}

fn hostile_html() -> Vec<u8> {
    "<html><head><title>Page\u{1b}]0;PWNED-TITLE\u{7}</title><meta name=author content=\"Eve\u{1b}[5m\"></head><body><article>\
     <p>\u{201C}Paste\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7} me,\u{201D} said Bo &#27;]0;PWNED-TITLE&#7; Li.</p>\
     <p><a href=\"http://evil.example/\u{1b}]8;;x\u{7}\">link</a> &#x9b;2J &#x202E;rev</p></article></body></html>"
        .as_bytes()
        .to_vec()
}

fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

/// Starts the reader in the pane after echoing `marker`; waits for its screen.
fn start_reader(t: &Tmux, config: &Path, marker: &str) {
    start_reader_with(t, config, marker, "");
}

/// Starts the reader with `env` (e.g. `"NAME=value "`) before the command.
fn start_reader_with(t: &Tmux, config: &Path, marker: &str, env: &str) {
    // The binary's path goes in a shell variable first, so the command line stays short
    // and does not wrap at 80 columns whatever folder the checkout is in (a wrapped line
    // reflows when the terminal is resized, which moves the shell's own output).
    t.line(&format!(
        "R={}; clear; echo {marker}",
        shell_quote(Path::new(env!("CARGO_BIN_EXE_onrecord")))
    ));
    t.wait_for("the marker", |s| s.lines().any(|l| l.trim() == marker));
    t.line(&format!("{env}\"$R\" --config {}", shell_quote(config)));
    t.wait_alternate(true);
    t.wait_for("the reader's article list", |s| {
        s.contains("Budget") || s.contains("Hostile")
    });
}

#[test]
fn quitting_restores_the_terminal() {
    let Some(t) = Tmux::start("quit") else { return };
    let config = library(t.dir.path(), &plain_articles());
    start_reader(&t, &config, "MARKER-QUIT");
    t.keys(&["q"]);
    t.assert_restored("q", "MARKER-QUIT");
}

/// A FIFO appearing in the watched library neither hangs the watcher (later files still
/// appear) nor the quit.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_watched_library_hangs_neither_the_reader_nor_quitting() {
    let Some(t) = Tmux::start("fifo") else { return };
    let config = library(t.dir.path(), &plain_articles());
    start_reader(&t, &config, "MARKER-FIFO");
    t.wait_for("the first index pass", |s| s.contains("Harbour"));
    let lib = t.dir.path().join("lib");
    let status = Command::new("mkfifo")
        .arg(lib.join("b.txt"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    t.wait_for("the FIFO reported", |s| s.contains("could not be read"));
    std::fs::write(
        lib.join("ferry.txt"),
        "Ferry Fares Rise\n\n\u{201C}It hurts,\u{201D} said Ole Lund.\n",
    )
    .unwrap();
    t.wait_for("the file after the FIFO", |s| s.contains("Ferry Fares"));
    t.keys(&["q"]);
    t.assert_restored("q after a FIFO", "MARKER-FIFO");
}

#[test]
fn a_panic_restores_the_terminal() {
    let Some(t) = Tmux::start("panic") else {
        return;
    };
    let config = library(t.dir.path(), &plain_articles());
    // The binary's test hook: this key panics inside the event loop.
    // No backtrace: it would scroll the marker off the pane.
    start_reader_with(
        &t,
        &config,
        "MARKER-PANIC",
        "RUST_BACKTRACE=0 ONRECORD_PANIC_ON_KEY=% ",
    );
    let pid = t.reader_pid();
    t.keys(&["j", "%"]);
    // The hook restores the terminal first, then the panic message (and backtrace) print
    // and the process ends; only then is the shell's turn to read what is typed.
    wait_gone(&pid, "panic");
    t.assert_restored("panic", "MARKER-PANIC");
    let s = t.screen();
    assert!(
        s.contains("panic requested with ONRECORD_PANIC_ON_KEY"),
        "the panic message is shown on the restored screen:\n{s}"
    );
    // and it is in the log, in the state dir
    let log = t.dir.path().join("home/state/onrecord/onrecord.log");
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        log.contains("panic: ") && log.contains("panic requested with ONRECORD_PANIC_ON_KEY"),
        "the panic is logged: {log:?}"
    );
}

#[cfg(unix)]
#[test]
fn signals_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let Some(t) = Tmux::start(&format!("sig{signal}")) else {
            return;
        };
        let config = library(t.dir.path(), &plain_articles());
        let marker = format!("MARKER-{signal}");
        start_reader(&t, &config, &marker);
        let pid = t.reader_pid();
        let ok = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(ok.success());
        // The process is gone, not lingering. Waited for first: until it has exited, its
        // input thread may still read (and swallow) what the check below types.
        wait_gone(&pid, &format!("SIG{signal}"));
        t.assert_restored(&format!("SIG{signal}"), &marker);
    }
}

/// Waits until process `pid` has exited.
fn wait_gone(pid: &str, how: &str) {
    let start = Instant::now();
    while Command::new("kill")
        .args(["-0", pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success()
    {
        assert!(start.elapsed() < PATIENCE, "{how}: reader still running");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until process `pid` is stopped (state `T` in /proc, Linux).
fn wait_stopped(pid: &str) {
    let start = Instant::now();
    loop {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            return; // not Linux: nothing to wait on
        };
        // The state follows the parenthesised command name.
        let state = stat.rsplit(')').next().unwrap_or("").trim_start();
        if state.starts_with('T') {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "Ctrl-Z: reader never stopped");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn suspend_and_resume_restore_the_terminal() {
    let Some(t) = Tmux::start("suspend") else {
        return;
    };
    let config = library(t.dir.path(), &plain_articles());
    start_reader(&t, &config, "MARKER-SUSPEND");
    let pid = t.reader_pid();
    t.keys(&["C-z"]);
    // Stopped first (as above: a running reader may still read what the check types).
    wait_stopped(&pid);
    t.assert_restored("Ctrl-Z", "MARKER-SUSPEND");
    t.line("fg");
    t.wait_alternate(true);
    t.wait_for("the reader after fg", |s| s.contains("Budget"));
    t.keys(&["q"]);
    t.assert_restored("q after fg", "fg");
}

#[test]
fn hostile_content_never_reaches_the_terminal() {
    let Some(t) = Tmux::start("hostile") else {
        return;
    };
    let evil_name = "evil\u{1b}]0;PWNED-TITLE\u{7}\u{202E}name.txt";
    let article = hostile_article();
    let html = hostile_html();
    let config = library(
        t.dir.path(),
        &[
            ("hostile.txt", &article),
            ("hostile.html", &html),
            (evil_name, b"Evil Name\n\nBody.\n"),
            ("budget.md", b"# Budget Passes\n\nText.\n"),
        ],
    );
    // The capture sees escapes when there are some: a shell printf of OSC 8 shows up.
    let probe = t.path("probe.bin");
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "0",
        &format!("cat >> {}", shell_quote(&probe)),
    ]);
    t.line(r"printf '\033]8;;http://probe.example/\033\\probe\033]8;;\033\\ PROBE-DONE\n'");
    t.wait_for("the probe", |s| s.contains("probe PROBE-DONE"));
    t.run(&["pipe-pane", "-t", "0"]);
    let start = Instant::now();
    while !String::from_utf8_lossy(&std::fs::read(&probe).unwrap_or_default())
        .contains("\u{1b}]8;;http://probe.example/")
    {
        assert!(
            start.elapsed() < PATIENCE,
            "the capture never saw the probe's OSC 8"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    let raw = t.path("raw.bin");
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "0",
        &format!("cat >> {}", shell_quote(&raw)),
    ]);
    start_reader(&t, &config, "MARKER-HOSTILE");
    // Walk every article and every pane: down the list, open, scroll, next quote, sidebar.
    let mut seen = String::new();
    let mut look = |what: &str| {
        std::thread::sleep(Duration::from_millis(250));
        let s = t.screen();
        assert!(
            !s.contains('\u{202E}') && !s.contains('\u{2066}'),
            "{what}: bidi on screen:\n{s}"
        );
        seen.push_str(&s);
    };
    for i in 0..4 {
        // Back to the list, next article, open it, then walk quotes, body and sidebar.
        t.keys(&["h", "h", "h"]);
        if i > 0 {
            t.keys(&["Down"]);
        }
        t.keys(&["Enter"]);
        look("opened");
        t.keys(&["n", "n", "s", "j", "j"]);
        look("quotes");
        t.keys(&["l", "j", "Enter", "l", "j"]);
        look("sidebar");
    }
    t.keys(&["h", "h", "h", "w"]);
    look("speakers view");
    t.keys(&["Escape"]);
    // A key right after ESC would arrive as Alt+key.
    std::thread::sleep(Duration::from_millis(300));
    assert_ne!(
        t.format("#{pane_title}"),
        "PWNED-TITLE",
        "content set the title"
    );
    for shown in ["Copy this", "Paste", "Ring", "Evil Name"] {
        assert!(
            seen.contains(shown),
            "the hostile article with {shown:?} was never shown:\n{seen}"
        );
    }
    assert_eq!(t.format("#{pane_title}"), "clean-title");
    t.keys(&["q"]);
    t.assert_restored("q", "MARKER-HOSTILE");
    t.run(&["pipe-pane", "-t", "0"]);
    let bytes = std::fs::read(&raw).unwrap();
    assert!(bytes.len() > 500, "the raw stream was captured");
    let text = String::from_utf8_lossy(&bytes);
    for (what, needle) in [
        ("OSC", "\u{1b}]"),
        ("DCS", "\u{1b}P"),
        ("BEL", "\u{7}"),
        ("C1 CSI", "\u{9b}"),
        ("C1 OSC", "\u{9d}"),
        ("RIS reset", "\u{1b}c"),
        ("cursor report", "\u{1b}[6n"),
        ("bidi override", "\u{202E}"),
        ("bidi isolate", "\u{2066}"),
    ] {
        assert!(
            !text.contains(needle),
            "{what} ({needle:?}) in the reader's output: ...{:?}...",
            text.find(needle)
                .map(|i| around(&text, i))
                .unwrap_or_default()
        );
    }
}

/// Up to 60 chars either side of byte `i`.
fn around(text: &str, i: usize) -> String {
    let before: String = text[..i]
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[i..].chars().take(60).collect();
    before + &after
}

/// Content hash, size and mtime of every file under `root` (links not followed).
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime, String)> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(p) = todo.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        let hash = if meta.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
            String::new()
        } else if meta.is_file() {
            blake3::hash(&std::fs::read(&p).unwrap())
                .to_hex()
                .to_string()
        } else {
            String::new()
        };
        out.push((p, meta.len(), meta.modified().unwrap(), hash));
    }
    out.sort();
    out
}

/// Nothing lost, in the reader: browsing, opening (which marks read) and quitting, twice
/// (first with a new index, then with an existing one), changes nothing in the library.
#[test]
fn the_reader_never_writes_the_library() {
    let Some(t) = Tmux::start("readonly") else {
        return;
    };
    let mut articles = plain_articles();
    articles.push(("image.txt", b"\x89PNG\r\n\x1a\n\0\0"));
    let config = library(t.dir.path(), &articles);
    let lib = t.dir.path().join("lib");
    std::fs::create_dir(lib.join("sub")).unwrap();
    std::fs::write(lib.join("sub/more.md"), "# More News\n\nText.\n").unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let before = fingerprint(&lib);
    for round in ["new index", "existing index"] {
        let marker = format!("MARKER-{}", round.replace(' ', "-"));
        start_reader(&t, &config, &marker);
        for _ in 0..3 {
            t.keys(&["h", "h", "Enter", "n", "l", "j", "Enter"]);
            std::thread::sleep(Duration::from_millis(200));
            t.keys(&["h", "h", "Down"]);
        }
        std::thread::sleep(Duration::from_millis(300));
        t.keys(&["q"]);
        t.assert_restored(round, &marker);
        assert_eq!(fingerprint(&lib), before, "{round}: the library changed");
    }
    assert!(
        t.dir.path().join("index").exists(),
        "the reader kept its index where the config says"
    );
    // The file it could not read is named in the log (the status bar only counts them).
    let log = t.dir.path().join("home/state/onrecord/onrecord.log");
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        log.lines()
            .any(|l| l.contains("index: ") && l.contains("image.txt")),
        "{log}"
    );
}

/// A terminal that goes away (tmux `kill-session`, a closed ssh connection: SIGHUP, then
/// EIO on every write) ends the reader like a quit: no panic (nothing in the log), and the
/// reading state is kept.
#[cfg(unix)]
#[test]
fn a_vanished_terminal_is_a_normal_exit() {
    use onrecord::library::Store;
    let Some(t) = Tmux::start("vanish") else {
        return;
    };
    let config = library(t.dir.path(), &plain_articles());
    start_reader(&t, &config, "MARKER-VANISH");
    t.wait_for("the first index pass", |s| s.contains("Harbour"));
    let pid = t.reader_pid();
    // Open an article (which marks it read), then lose the terminal.
    t.keys(&["g", "Enter"]);
    t.wait_for("the article open", |s| s.contains("said"));
    t.run(&["kill-session", "-t", "0"]);
    wait_gone(&pid, "kill-session");
    let log = t.dir.path().join("home/state/onrecord/onrecord.log");
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        !log.contains("panic") && !log.contains("Input/output error"),
        "{log}"
    );
    let store =
        onrecord::library::sqlite::SqliteStore::open_existing(&t.dir.path().join("index")).unwrap();
    let read = store.articles().unwrap().iter().filter(|a| a.read).count();
    assert_eq!(read, 1, "the article read is marked read");
}

/// After quitting, at any size and after any resize, the screen is as it was before the
/// reader started: no row of the reader's frame is left above or below the shell's output.
#[test]
fn no_frame_is_left_on_screen_after_resizing() {
    let sizes: &[&[(u16, u16)]] = &[
        &[(80, 24), (120, 40)],
        &[(120, 40), (80, 24)],
        &[(80, 24), (200, 60), (100, 30)],
    ];
    for (round, sizes) in sizes.iter().enumerate() {
        let Some(t) = Tmux::start(&format!("resize{round}")) else {
            return;
        };
        let size = |(w, h): (u16, u16)| {
            t.run(&[
                "resize-window",
                "-t",
                "0",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ]);
        };
        size(sizes[0]);
        let config = library(t.dir.path(), &plain_articles());
        let marker = format!("MARKER-RESIZE-{round}");
        start_reader(&t, &config, &marker);
        t.wait_for("the index pass", |s| s.contains("Harbour"));
        for &(w, h) in &sizes[1..] {
            size((w, h));
            // The reader has drawn at the new size: its status line is on the last row.
            t.wait_for("the frame at the new size", |s| {
                s.lines().count() == usize::from(h)
                    && s.lines()
                        .nth(usize::from(h) - 2)
                        .is_some_and(|l| l.chars().any(|c| matches!(c, '\u{2500}'..='\u{257F}')))
            });
        }
        t.keys(&["q"]);
        t.assert_restored(&format!("resize {sizes:?}"), &marker);
        let s = t.screen();
        let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines.first().map(|l| l.trim()),
            Some(marker.as_str()),
            "{sizes:?}: the shell's output is the top of the screen:\n{s}"
        );
        assert!(
            !s.chars().any(|c| matches!(c, '\u{2500}'..='\u{259F}')) && !s.contains("Articles"),
            "{sizes:?}: the reader's frame is left on screen:\n{s}"
        );
    }
}

/// Esc never quits the reader, and Ctrl-U in a prompt deletes the line there, so what is
/// typed after it stays typing (a session was lost that way: Ctrl-U left the filter, the
/// typing became commands, Esc quit).
#[test]
fn esc_never_quits_and_ctrl_u_edits_the_prompt() {
    let Some(t) = Tmux::start("esc") else { return };
    let config = library(t.dir.path(), &plain_articles());
    start_reader(&t, &config, "MARKER-ESC");
    t.wait_for("the first index pass", |s| s.contains("Harbour"));
    t.keys(&["f"]);
    t.run(&["send-keys", "-t", "0", "-l", "xyz"]);
    t.wait_for("the filter typed", |s| s.contains("filter: xyz"));
    t.keys(&["C-u"]);
    t.run(&["send-keys", "-t", "0", "-l", "qq"]);
    t.wait_for("the typing after Ctrl-U in the prompt", |s| {
        s.contains("filter: qq")
    });
    for _ in 0..3 {
        t.keys(&["Escape"]);
        // A key right after ESC would arrive as Alt+key.
        std::thread::sleep(Duration::from_millis(300));
    }
    t.wait_for("the note that q quits", |s| s.contains("q quits"));
    assert_eq!(t.format("#{alternate_on}"), "1", "esc quit the reader");
    t.keys(&["q"]);
    t.assert_restored("q after esc", "MARKER-ESC");
}

/// `v` gives the terminal to `$PAGER` (a script here) in its normal state, with the
/// article's file as its one argument, and the reader takes it back when it ends; Ctrl-C
/// meant for the pager does not quit the reader.
#[cfg(unix)]
#[test]
fn the_pager_gets_the_terminal_and_the_file_and_gives_them_back() {
    use std::os::unix::fs::PermissionsExt;
    let Some(t) = Tmux::start("pager") else {
        return;
    };
    let config = library(t.dir.path(), &plain_articles());
    let args = t.path("pager-args.txt");
    let stty = t.path("pager-stty.txt");
    let script = t.path("pager.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {args}\nstty -a > {stty}\nprintf 'IN-THE-PAGER\\n'\nkill -INT 0\nsleep 0.5\nexit 0\n",
            args = shell_quote(&args),
            stty = shell_quote(&stty)
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    start_reader_with(
        &t,
        &config,
        "MARKER-PAGER",
        &format!("PAGER={} ", shell_quote(&script)),
    );
    t.wait_for("the first index pass", |s| s.contains("Harbour"));
    // Select the harbour article, then hand its file to the pager.
    t.keys(&["g"]);
    let mut tries = 0;
    while !t
        .screen()
        .lines()
        .any(|l| l.contains("▌") || l.contains("Harbour"))
    {
        tries += 1;
        assert!(tries < 50);
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = t.screen();
    let first_is_harbour = screen
        .lines()
        .find(|l| l.contains("Budget") || l.contains("Harbour"))
        .is_some_and(|l| l.contains("Harbour"));
    if !first_is_harbour {
        t.keys(&["j"]);
    }
    t.keys(&["v"]);
    let start = Instant::now();
    while !args.exists() || !stty.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "the pager never ran: {}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(200));
    let got = std::fs::read_to_string(&args).unwrap();
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.len(), 1, "one argument: {got}");
    assert!(lines[0].ends_with("lib/harbour.txt"), "{got}");
    let modes = std::fs::read_to_string(&stty).unwrap();
    let words: Vec<&str> = modes.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the pager got a raw terminal:\n{modes}"
    );
    // Back in the reader, which the Ctrl-C (SIGINT to the whole group) did not end.
    t.wait_alternate(true);
    t.wait_for("the reader after the pager", |s| {
        s.contains("Harbour") && !s.contains("IN-THE-PAGER")
    });
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(t.format("#{alternate_on}"), "1", "the reader quit");
    t.keys(&["q"]);
    t.assert_restored("q after the pager", "MARKER-PAGER");
}

/// The bundled sample library remembers what was read: an article opened in one run is
/// listed as read in the next (friction 10 of issue 13).
#[test]
fn the_sample_librarys_read_articles_stay_read_in_the_next_run() {
    let Some(t) = Tmux::start("sample") else {
        return;
    };
    let config = t.path("config.toml");
    std::fs::write(&config, "").unwrap();
    let first_row = |s: &str| -> String {
        s.lines()
            .nth(1)
            .map(|l| l.chars().take(20).collect())
            .unwrap_or_default()
    };
    let start = |marker: &str| {
        t.line(&format!(
            "R={}; clear; echo {marker}",
            shell_quote(Path::new(env!("CARGO_BIN_EXE_onrecord")))
        ));
        t.wait_for("the marker", |s| s.lines().any(|l| l.trim() == marker));
        t.line(&format!("\"$R\" --config {}", shell_quote(&config)));
        t.wait_alternate(true);
        t.wait_for("the sample library's list", |s| s.contains("Articles (14)"))
    };
    let before = start("MARKER-SAMPLE-1");
    assert!(
        first_row(&before).contains('●'),
        "unread at first:\n{before}"
    );
    t.keys(&["Enter"]);
    t.wait_for("the article", |s| first_row(s).chars().nth(1) != Some('●'));
    t.keys(&["q"]);
    t.assert_restored("q", "MARKER-SAMPLE-1");
    let again = start("MARKER-SAMPLE-2");
    assert!(
        !first_row(&again).contains('●'),
        "read in the first run, unread again:\n{again}"
    );
    // The second row was never opened: still unread.
    let second: String = again.lines().nth(2).unwrap().chars().take(20).collect();
    assert!(second.contains('●'), "{again}");
    t.keys(&["q"]);
    t.assert_restored("q again", "MARKER-SAMPLE-2");
}

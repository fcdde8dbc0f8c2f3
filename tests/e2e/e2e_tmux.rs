//! End-to-end: the real binary in a real terminal (tmux). Each test has its own tmux
//! server (`-L`), killed at the end; the screen is polled with a timeout.

use crate::readme_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_onrecord");

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipping: tmux is not installed (tools/test.sh installs it)");
    }
    ok
}

/// One tmux server with one 120x40 window running an interactive shell.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let socket = format!("onrecord-e2e-{name}-{}", std::process::id());
        let rc = dir.path().join("bashrc");
        std::fs::write(&rc, "PS1='e2e$ '\nset -m\n").unwrap();
        let t = Tmux { socket, dir };
        let shell = format!(
            "env -u NO_COLOR -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u XDG_CACHE_HOME \
             HOME={} TERM=xterm-256color bash --noprofile --rcfile {} -i",
            t.dir.path().display(),
            rc.display()
        );
        t.tmux(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            "e2e",
            &shell,
        ]);
        t.wait_for("the shell prompt", |s| s.contains("e2e$"));
        t
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn status_line(&self) -> String {
        let s = self.screen();
        s.lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    }

    fn flag(&self, name: &str) -> String {
        self.tmux(&[
            "display-message",
            "-p",
            "-t",
            "e2e",
            &format!("#{{{name}}}"),
        ])
        .trim()
        .to_string()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn type_line(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
        self.keys(&["Enter"]);
    }

    /// Polls the screen until `cond` holds (10 s at most).
    fn wait_for(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen();
            if cond(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_flag(&self, name: &str, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.flag(name) != want {
            if Instant::now() > deadline {
                panic!(
                    "{name} stayed {}; screen:\n{}",
                    self.flag(name),
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The reader is gone and the terminal is back as the shell left it.
    fn assert_restored(&self, marker: &str) {
        self.wait_flag("alternate_on", "0");
        let s = self.wait_for("the shell prompt after the reader", |s| {
            s.contains(marker) && s.trim_end().ends_with("e2e$")
        });
        assert!(!s.contains("Articles ("), "reader still on screen:\n{s}");
        assert_eq!(self.flag("mouse_any_flag"), "0", "mouse capture left on");
        assert_eq!(self.flag("cursor_flag"), "1", "cursor left hidden");
        // Cooked mode: the shell echoes and runs a line.
        self.type_line("echo restored-$((40+2))");
        self.wait_for("the shell to run a command", |s| s.contains("restored-42"));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// A library of two articles with clear, attributed direct quotes.
fn write_library(dir: &Path) -> PathBuf {
    let lib = dir.join("library");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        lib.join("bridge.txt"),
        "City to rebuild the river bridge\n\n\
         By Jane Doe\n\n\
         “We will rebuild the bridge,” said Mayor Ana Ruiz.\n\n\
         The council met on Monday to discuss the plan and its cost.\n\n\
         “The budget is not there yet,” said Tom Berg.\n",
    )
    .unwrap();
    std::fs::write(
        lib.join("school.md"),
        "# New school opens in Eastside\n\n\
         “This is a great day for our children,” said Maria Lopez.\n",
    )
    .unwrap();
    let cfg = dir.join("config.toml");
    std::fs::write(&cfg, "").unwrap();
    lib
}

/// Checks that the extractor finds the attributed quotes of the test article (the quote
/// steps need them: they are not skipped).
fn assert_extractor_finds_quotes(lib: &Path) {
    let out = Command::new(BIN)
        .args(["extract", "--format", "json"])
        .arg(lib.join("bridge.txt"))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let speakers: Vec<&str> = json["quotes"]
        .as_array()
        .map(|qs| qs.iter().filter_map(|q| q["speaker"].as_str()).collect())
        .unwrap_or_default();
    let found =
        speakers.iter().any(|s| s.contains("Ruiz")) && speakers.iter().any(|s| s.contains("Berg"));
    assert!(
        found,
        "the extractor finds no attributed quotes in bridge.txt: {json}"
    );
}

fn start_reader(t: &Tmux, lib: &Path) {
    let cfg = t.dir.path().join("config.toml");
    std::fs::write(&cfg, "").unwrap();
    t.type_line("echo before-the-reader");
    t.type_line(&format!(
        "{} --config {} {}",
        BIN,
        cfg.display(),
        lib.display()
    ));
    t.wait_for("the article list", |s| s.contains("Articles (2)"));
    t.wait_flag("alternate_on", "1");
}

#[test]
fn read_navigate_resize_quit() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("main");
    let lib = write_library(t.dir.path());
    assert_extractor_finds_quotes(&lib);
    start_reader(&t, &lib);
    assert_eq!(t.flag("mouse_any_flag"), "1", "mouse capture on");

    // Find the article by filtering, open it.
    t.keys(&["f"]);
    t.tmux(&["send-keys", "-t", "e2e", "-l", "bridge"]);
    t.wait_for("the filtered list", |s| s.contains("Articles (1/2)"));
    t.keys(&["Enter", "Enter"]);
    t.wait_for("the article body", |s| {
        s.contains("We will rebuild the bridge") && s.contains("By Jane Doe")
    });

    t.keys(&["n"]);
    t.wait_for("quote 1 in the status bar", |s| {
        let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        last.contains("quote 1/") && last.contains("Ana Ruiz")
    });
    t.keys(&["s"]);
    t.wait_for("another speaker's quote", |s| {
        let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        last.contains("quote ") && last.contains("Tom Berg")
    });

    // Resize: the layout follows.
    t.tmux(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let s = t.wait_for("the smaller layout", |s| {
        s.lines().count() <= 24
            && s.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
            && s.contains("We will rebuild")
    });
    assert!(s.contains("Articles"), "{s}");
    assert!(t.status_line().contains("Tom Berg"), "{s}");
    t.tmux(&["resize-window", "-t", "e2e", "-x", "120", "-y", "40"]);
    t.wait_for("the larger layout", |s| {
        s.lines()
            .any(|l| unicode_width::UnicodeWidthStr::width(l) > 100)
    });

    // Help from the keymap, then quit.
    t.keys(&["?"]);
    t.wait_for("the help overlay", |s| s.contains("Next quote"));
    t.keys(&["Escape"]);
    t.wait_for("the help to close", |s| !s.contains("Next quote"));
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

fn listing(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let m = e.metadata().unwrap();
        out.push((e.path(), m.len(), m.modified().unwrap()));
    }
    out.sort();
    out
}

#[test]
fn new_files_show_up_while_reading_and_the_library_is_not_written() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("live");
    let lib = write_library(t.dir.path());
    let before = listing(&lib);
    start_reader(&t, &lib);
    // The index lives in the (temporary) home's data dir, not in the library.
    let index = t.dir.path().join(".local/share/onrecord/index.sqlite3");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !index.exists() {
        assert!(Instant::now() < deadline, "no index at {}", index.display());
        std::thread::sleep(Duration::from_millis(50));
    }
    t.wait_for("indexing to finish", |s| {
        !s.contains("indexing ▰") && !s.contains("indexing ▱")
    });
    assert_eq!(
        listing(&lib),
        before,
        "the reader wrote into the library folder"
    );
    // A file added while the reader runs appears without a restart.
    std::fs::write(
        t.dir.path().join("harbour.txt"),
        "Harbour plan approved\n\n“We did it,” said Mayor Ana Ruiz.\n",
    )
    .unwrap();
    std::fs::rename(t.dir.path().join("harbour.txt"), lib.join("harbour.txt")).unwrap();
    t.wait_for("the new article in the list", |s| {
        s.contains("Articles (3)") && s.contains("Harbour plan approved")
    });
    // And one removed leaves it.
    std::fs::remove_file(lib.join("school.md")).unwrap();
    t.wait_for("the removed article to leave the list", |s| {
        s.contains("Articles (2)") && !s.contains("New school opens")
    });
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

#[test]
fn sigterm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("term");
    let lib = write_library(t.dir.path());
    let pidfile = t.dir.path().join("pid");
    let cfg = t.dir.path().join("config.toml");
    t.type_line("echo before-the-reader");
    t.type_line(&format!(
        "sh -c 'echo $$ > {}; exec {} --config {} {}'",
        pidfile.display(),
        BIN,
        cfg.display(),
        lib.display()
    ));
    t.wait_for("the article list", |s| s.contains("Articles (2)"));
    let pid = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .to_string();
    let ok = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(ok.success());
    t.assert_restored("before-the-reader");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("tstp");
    let lib = write_library(t.dir.path());
    start_reader(&t, &lib);
    t.keys(&["C-z"]);
    t.wait_flag("alternate_on", "0");
    t.wait_for("the shell after suspending", |s| {
        s.contains("Stopped") && s.trim_end().ends_with("e2e$")
    });
    assert_eq!(t.flag("mouse_any_flag"), "0");
    t.type_line("fg");
    t.wait_flag("alternate_on", "1");
    t.wait_for("the reader redrawn", |s| s.contains("Articles (2)"));
    t.keys(&["j"]);
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

/// The quotes of a sample article in reading order (start, end) with their speakers, as
/// `onrecord extract` finds them.
fn sample_quotes(name: &str) -> Vec<Option<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/library")
        .join(name);
    let out = Command::new(BIN)
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "extract {}", path.display());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut quotes: Vec<(u64, u64, Option<String>)> = json["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            (
                q["start"].as_u64().unwrap(),
                q["end"].as_u64().unwrap(),
                q["speaker"].as_str().map(str::to_string),
            )
        })
        .collect();
    quotes.sort_by_key(|q| (q.0, q.1));
    quotes.into_iter().map(|q| q.2).collect()
}

/// The issue's walk-through on the bundled sample library: open it, open an article, `n`
/// shows `quote 1/…` and its speaker, `s` lands on another speaker's quote, resize (down
/// to 20x6 and back), quit, and the terminal is restored.
#[test]
fn sample_library_walk_through() {
    if !have_tmux() {
        return;
    }
    let quotes = sample_quotes("bridge-contractor-manager-on-trial.txt");
    let mut speakers: Vec<&str> = Vec::new();
    for s in quotes.iter().flatten() {
        if !speakers.contains(&s.as_str()) {
            speakers.push(s);
        }
    }
    assert!(
        speakers.len() >= 2,
        "the sample article has several speakers"
    );
    let first = quotes[0].as_deref().unwrap_or("unattributed");

    let t = Tmux::start("sample");
    let cfg = t.dir.path().join("config.toml");
    std::fs::write(&cfg, "").unwrap();
    t.type_line("echo before-the-reader");
    // No path and no library configured: the sample library.
    t.type_line(&format!("{} --config {}", BIN, cfg.display()));
    t.wait_for("the sample library", |s| s.contains("Articles (14)"));
    t.keys(&["f"]);
    t.tmux(&["send-keys", "-t", "e2e", "-l", "contractor"]);
    t.wait_for("the filtered list", |s| s.contains("Articles (1/14)"));
    t.keys(&["Enter", "Enter"]);
    t.wait_for("the article", |s| {
        s.contains("Who & what") && s.contains("went on trial on Tuesday")
    });
    t.keys(&["n"]);
    let want = format!("quote 1/{} · {first}", quotes.len());
    t.wait_for(&want, |_| t.status_line().contains(&want));
    t.keys(&["s"]);
    let second = speakers[1];
    t.wait_for("the next speaker's quote", |_| {
        let st = t.status_line();
        st.contains("quote ") && st.contains(&format!(" · {second} ("))
    });

    for (w, h) in [("80", "24"), ("20", "6"), ("300", "100"), ("120", "40")] {
        t.tmux(&["resize-window", "-t", "e2e", "-x", w, "-y", h]);
        let (w, h): (usize, usize) = (w.parse().unwrap(), h.parse().unwrap());
        t.wait_for(&format!("the layout at {w}x{h}"), |s| {
            let lines: Vec<&str> = s.lines().collect();
            lines.len() <= h
                && lines
                    .iter()
                    .all(|l| unicode_width::UnicodeWidthStr::width(*l) <= w)
                && lines.first().is_some_and(|l| l.starts_with(['┏', '┌']))
        });
    }
    // Still running and still on the same quote after all that.
    t.wait_for("the quote after resizing", |_| {
        t.status_line().contains(&format!(" · {second} ("))
    });
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

/// `y` puts the current quote with its citation on the clipboard through OSC 52 (tmux
/// takes it as a paste buffer), and `o` hands the source URL to the opener as one argument:
/// no shell sees it.
#[test]
fn y_copies_through_osc52_and_o_opens_without_a_shell() {
    if !have_tmux() || !cfg!(target_os = "linux") {
        return;
    }
    let t = Tmux::start("clip");
    t.tmux(&["set", "-s", "set-clipboard", "on"]);
    let lib = write_library(t.dir.path());
    let pwned = t.dir.path().join("pwned");
    let url = format!(
        "https://news.example.com/harbour?a=1&b=$(touch${{IFS}}{});`touch${{IFS}}{}`",
        pwned.display(),
        pwned.display()
    );
    std::fs::write(
        lib.join("harbour.md"),
        format!(
            "---\ntitle: Harbour plan approved\nurl: {url}\n---\n\n\
             “We did it,” said Mayor Ana Ruiz.\n"
        ),
    )
    .unwrap();
    // A stand-in for the platform opener that records its arguments.
    let bin = t.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opened = t.dir.path().join("opened");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > {}.tmp && mv {}.tmp {}\n",
            opened.display(),
            opened.display(),
            opened.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cfg = t.dir.path().join("config.toml");
    t.type_line("echo before-the-reader");
    // No `$BROWSER` and no `[reader] browser`: the platform opener.
    t.type_line(&format!(
        "BROWSER= PATH={}:$PATH {} --config {} {}",
        bin.display(),
        BIN,
        cfg.display(),
        lib.display()
    ));
    t.wait_for("the article list", |s| s.contains("Articles (3)"));
    t.keys(&["f"]);
    t.tmux(&["send-keys", "-t", "e2e", "-l", "harbour"]);
    t.wait_for("the filtered list", |s| s.contains("Articles (1/3)"));
    t.keys(&["Enter", "Enter"]);
    t.wait_for("the article", |s| s.contains("We did it"));
    t.keys(&["n"]);
    t.wait_for("the quote", |_| t.status_line().contains("quote 1/1"));

    t.keys(&["y"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let clip = loop {
        let out = Command::new("tmux")
            .args(["-L", &t.socket, "-f", "/dev/null", "show-buffer"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() && !text.is_empty() {
            break text;
        }
        assert!(Instant::now() < deadline, "nothing reached the clipboard");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        clip,
        // No byline: the site stands for the outlet.
        format!("“We did it” — Ana Ruiz; news.example.com, “Harbour plan approved”, {url}")
    );

    t.keys(&["o"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() {
        assert!(Instant::now() < deadline, "the opener was not run");
        std::thread::sleep(Duration::from_millis(50));
    }
    let args = std::fs::read_to_string(&opened).unwrap();
    assert_eq!(
        args,
        format!("1\n{url}\n"),
        "one argument, the URL as written"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert!(!pwned.exists(), "a shell ran the URL");
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

/// `NO_COLOR` on the real binary: no colour codes reach the terminal, and the current
/// quote still stands out (reversed); without it the same screen is coloured.
#[test]
fn no_color_is_respected_by_the_binary() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("nocolor");
    let lib = write_library(t.dir.path());
    let cfg = t.dir.path().join("config.toml");
    for no_color in [true, false] {
        t.type_line(&format!(
            "{}{} --config {} {}",
            if no_color { "NO_COLOR=1 " } else { "" },
            BIN,
            cfg.display(),
            lib.display()
        ));
        t.wait_for("the article list", |s| s.contains("Articles (2)"));
        t.keys(&["f"]);
        t.tmux(&["send-keys", "-t", "e2e", "-l", "bridge"]);
        t.wait_for("the filtered list", |s| s.contains("Articles (1/2)"));
        t.keys(&["Enter", "Enter"]);
        t.wait_for("the article", |s| s.contains("We will rebuild"));
        t.keys(&["n"]);
        t.wait_for("the quote", |_| t.status_line().contains("quote 1/"));
        let styled = t.tmux(&["capture-pane", "-p", "-e", "-t", "e2e"]);
        let coloured = ["[38;", "[48;", ";38;", ";48;"]
            .iter()
            .any(|c| styled.contains(c));
        assert_eq!(coloured, !no_color, "NO_COLOR={no_color}:\n{styled}");
        if no_color {
            assert!(
                styled.contains("[7m") || styled.contains(";7m"),
                "the current quote is reversed"
            );
        }
        t.keys(&["q"]);
        t.wait_flag("alternate_on", "0");
    }
}

/// Redraw on change, not on a timer: an idle reader writes nothing to the terminal, and a
/// key that changes the screen makes it write.
#[test]
fn an_idle_reader_writes_nothing() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("idle");
    let lib = write_library(t.dir.path());
    start_reader(&t, &lib);
    t.keys(&["Enter"]);
    t.wait_for("the article", |s| s.contains("Who & what"));
    // Let the start-up settle (first list, background index pass and its message).
    t.wait_for("indexing to finish", |s| {
        !s.contains("indexing ▰") && !s.contains("indexing ▱")
    });
    std::thread::sleep(Duration::from_millis(500));
    let out = t.dir.path().join("output.bin");
    t.tmux(&[
        "pipe-pane",
        "-o",
        "-t",
        "e2e",
        &format!("cat >> '{}'", out.display()),
    ]);
    std::thread::sleep(Duration::from_millis(1500));
    let idle = std::fs::read(&out).unwrap_or_default();
    assert!(
        idle.is_empty(),
        "the idle reader wrote {} bytes: {:?}",
        idle.len(),
        String::from_utf8_lossy(&idle)
    );
    t.keys(&["n"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read(&out).unwrap_or_default().is_empty() {
        assert!(Instant::now() < deadline, "no redraw after a key");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.tmux(&["pipe-pane", "-t", "e2e"]);
    t.keys(&["q"]);
    t.assert_restored("before-the-reader");
}

/// The README's screen capture is the real reader on the bundled sample library at 110x30
/// after `j j Enter n n`, as tmux shows it (`ONRECORD_UPDATE_README=1` writes it).
#[test]
fn readme_capture_is_the_reader_on_the_sample_library() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("capture");
    t.tmux(&["resize-window", "-t", "e2e", "-x", "110", "-y", "30"]);
    let cfg = t.dir.path().join("config.toml");
    std::fs::write(&cfg, "").unwrap();
    t.type_line(&format!("{} --config {}", BIN, cfg.display()));
    t.wait_for("the sample library", |s| s.contains("Articles (14)"));
    t.keys(&["j", "j", "Enter"]);
    t.wait_for("the article", |s| s.contains("Who & what"));
    t.keys(&["n", "n"]);
    t.wait_for("the second quote", |_| t.status_line().contains("quote 2/"));
    let screen = t.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), 30, "a 30-row capture:\n{screen}");
    let made = format!("```text\n{}\n```\n", lines.join("\n"));
    readme_support::check_or_update("capture:reader", &made, |t| t.to_string());
    t.keys(&["q"]);
    t.wait_flag("alternate_on", "0");
}

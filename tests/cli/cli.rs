//! The real binary: `extract` JSON shape and per-file errors, config errors, `--help` on
//! every command, shell completions.

use crate::shared_data;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary, with the user's own config kept out of the way.
fn onrecord(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home)
        .env("NO_COLOR", "1");
    c
}

fn run(home: &Path, args: &[&str]) -> Output {
    onrecord(home).args(args).output().expect("run onrecord")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8 output")
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library")
}

fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = onrecord::sample::FILES
        .iter()
        .map(|(n, _)| sample_dir().join(n))
        .collect();
    files.sort();
    files
}

/// Checks one JSON line against the output format; returns it.
fn check_article_json(line: &str) -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    assert!(v["path"].is_string(), "path: {line}");
    assert!(v["title"].is_string(), "title");
    assert!(v["byline"].is_array(), "byline");
    assert!(
        v["byline"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n.is_string())
    );
    let body: Vec<char> = v["body"].as_str().expect("body").chars().collect();
    for q in v["quotes"].as_array().expect("quotes") {
        let kind = q["kind"].as_str().unwrap();
        assert!(["direct", "partial", "indirect"].contains(&kind), "{kind}");
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert!(
            s <= e && e <= body.len(),
            "offsets {s}..{e} of {}",
            body.len()
        );
        let slice: String = body[s..e].iter().collect();
        assert_eq!(slice, q["text"].as_str().unwrap(), "char offsets");
        assert!(q["speaker"].is_string() || q["speaker"].is_null());
        assert!(q["speaker_kind"].is_string());
    }
    for e in v["entities"].as_array().expect("entities") {
        assert!(e["kind"].is_string() && e["name"].is_string());
        assert!(e["aliases"].is_array() && e["mentions"].is_u64());
    }
    v
}

#[test]
fn extract_json_on_the_sample_library() {
    let home = tempfile::tempdir().unwrap();
    let files = sample_files();
    let mut args = vec!["extract", "--format", "json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let out = run(home.path(), &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "one object per line, per file");
    for (line, file) in lines.iter().zip(&files) {
        let v = check_article_json(line);
        assert_eq!(v["path"], file.display().to_string(), "input order");
        assert!(!v["title"].as_str().unwrap().is_empty());
        assert!(v["body"].as_str().unwrap().len() > 500);
    }
    // the wire story: metadata and no furniture
    let council = by_file(&lines, "council-votes-to-close-old-swing-bridge.txt");
    assert_eq!(
        council["title"],
        "Port Halden council votes to close the Old Swing Bridge for repairs"
    );
    assert_eq!(council["byline"], serde_json::json!(["Nadia Ferreira"]));
    assert_eq!(council["dateline"], "PORT HALDEN (Wirepost)");
    let body = council["body"].as_str().unwrap();
    assert!(!body.contains("Leave A Reply") && !body.contains("Reporting by"));
    // the saved page: its metadata, language included
    let page = by_file(&lines, "kestrel-rail-profit-falls.html");
    assert_eq!(page["byline"], serde_json::json!(["Daniel Achterberg"]));
    assert_eq!(page["date"], "2026-04-28");
    assert_eq!(page["language"], "en-GB");
    assert_eq!(council["language"], serde_json::Value::Null);
}

#[test]
fn extract_json_on_the_seed() {
    let Some(seed) = shared_data::dir("seed/space-force-missile-tracking.txt") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let out = run(
        home.path(),
        &["extract", "--format", "json", seed.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    let v = check_article_json(stdout.trim_end());
    assert_eq!(
        v["title"],
        "The US Space Force is looking to boost allies\u{2019} tracking of North Korean missiles"
    );
    assert_eq!(v["byline"], serde_json::json!(["Josh Smith"]));
    let body = v["body"].as_str().unwrap();
    assert!(body.starts_with("SEOUL (Reuters)"));
    assert!(body.ends_with("he said at a news conference in Seoul."));
    for junk in [
        "Leave A Reply",
        "Your email address",
        "Reporting by",
        "Written by",
    ] {
        assert!(!body.contains(junk), "{junk}");
    }
}

#[test]
fn extract_reports_bad_files_and_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let good1 = dir.path().join("one.txt");
    let binary = dir.path().join("two.txt");
    let missing = dir.path().join("three.txt");
    let good2 = dir.path().join("four.md");
    std::fs::write(&good1, "First headline\n\nSome text, she said.\n").unwrap();
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0\0\0").unwrap();
    std::fs::write(&good2, "# Second\n\nMore text.\n").unwrap();
    let args: Vec<String> = [&good1, &binary, &missing, &good2]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut all = vec!["extract", "--format", "json"];
    all.extend(args.iter().map(String::as_str));
    let out = run(home.path(), &all);
    assert_eq!(out.status.code(), Some(1), "non-zero exit at the end");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(check_article_json(lines[0])["title"], "First headline");
    assert_eq!(check_article_json(lines[1])["title"], "Second");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.contains("two.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(
        stderr.contains("three.txt") && stderr.contains("cannot read"),
        "{stderr}"
    );
}

#[test]
fn extract_text_report() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_dir().join("minister-pledges-rail-money.txt");
    let out = run(home.path(), &["extract", file.to_str().unwrap()]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("title:   Minister pledges emergency rail money after bridge closure"));
    assert!(s.contains("byline:  Owen Hart, Lena Marsh"), "{s}");
    let page = sample_dir().join("kestrel-rail-profit-falls.html");
    let out = run(home.path(), &["extract", page.to_str().unwrap()]);
    let s = text(&out.stdout);
    assert!(s.contains("\ndate:    2026-04-28\n"), "{s}");
    assert!(s.contains("\nlanguage: en-GB\n"), "{s}");
}

#[test]
fn oversize_file_refused_by_configured_limit() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("small.toml");
    std::fs::write(&cfg, "[limits]\nmax_file_bytes = 200\n").unwrap();
    let file = sample_dir().join("minister-pledges-rail-money.txt");
    let out = run(
        home.path(),
        &[
            "--config",
            cfg.to_str().unwrap(),
            "extract",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("over the limit of 200 bytes"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn config_unknown_key_is_named_with_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("bad.toml");
    std::fs::write(&cfg, "[library]\npaths = []\n  colour = \"red\"\n").unwrap();
    let file = sample_dir().join("minister-pledges-rail-money.txt");
    let out = run(
        home.path(),
        &[
            "--config",
            cfg.to_str().unwrap(),
            "extract",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let expected = format!("{}:3:3:", cfg.display());
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.contains("unknown field `colour`"), "{stderr}");
}

#[test]
fn config_syntax_error_has_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("broken.toml");
    std::fs::write(&cfg, "# comment\n[limits]\nmax_file_bytes = = 3\n").unwrap();
    let out = run(
        home.path(),
        &["--config", cfg.to_str().unwrap(), "extract", "x.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:3:", cfg.display())),
        "{stderr}"
    );
}

#[test]
fn config_wrong_type_and_missing_file() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("types.toml");
    std::fs::write(&cfg, "[limits]\nmax_file_bytes = \"big\"\n").unwrap();
    let out = run(
        home.path(),
        &["--config", cfg.to_str().unwrap(), "extract", "x.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2:18:", cfg.display())),
        "{stderr}"
    );

    let missing = home.path().join("nope.toml");
    let out = run(
        home.path(),
        &["--config", missing.to_str().unwrap(), "extract", "x.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("nope.toml") && stderr.contains("cannot read config"),
        "{stderr}"
    );
    // the reason is said once
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

#[test]
fn help_on_every_command() {
    use clap::CommandFactory;
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["--help"]);
    assert!(out.status.success());
    let top = text(&out.stdout);
    assert!(top.contains("Usage: onrecord"), "{top}");
    let cmd = onrecord::cli::Cli::command();
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    assert!(subs.iter().any(|s| s == "extract"));
    assert!(subs.iter().any(|s| s == "completions"));
    for sub in &subs {
        assert!(top.contains(sub.as_str()), "top-level help lists {sub}");
        let out = run(home.path(), &[sub, "--help"]);
        assert!(out.status.success(), "{sub} --help");
        let help = text(&out.stdout);
        assert!(
            help.contains(&format!("Usage: onrecord {sub}")),
            "{sub}: {help}"
        );
    }
}

/// What bash offers when Tab is pressed after `words` (the last one being typed), with
/// the script `onrecord completions bash` prints sourced into a real bash.
fn bash_completes(home: &Path, words: &[&str]) -> Vec<String> {
    let script = run(home, &["completions", "bash"]);
    assert!(script.status.success());
    let script_file = home.join("onrecord.bash");
    std::fs::write(&script_file, &script.stdout).unwrap();
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect();
    let current = quoted.last().cloned().unwrap_or_default();
    let previous = quoted.iter().rev().nth(1).cloned().unwrap_or_default();
    let call = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_TYPE=9\n\
         _clap_complete_onrecord onrecord {current} {previous}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_file.display(),
        quoted.join(" "),
        words.len() - 1,
    );
    let mut bash = Command::new("bash");
    bash.arg("--norc").arg("-c").arg(call);
    for (k, v) in onrecord(home).get_envs() {
        if let Some(v) = v {
            bash.env(k, v);
        }
    }
    let out = bash.output().expect("bash");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // printf prints one empty line for an empty COMPREPLY.
    text(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_for_every_shell_call_the_binary_back() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(home.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("ONRECORD_COMPLETE"), "{shell}: {script}");
        assert!(script.contains(env!("CARGO_BIN_EXE_onrecord")), "{shell}");
    }
    let out = run(home.path(), &["completions", "cmd.exe"]);
    assert!(!out.status.success());
    // A `COMPLETE` in the user's environment is not ours: a normal run stays one.
    let out = onrecord(home.path())
        .env("COMPLETE", "bash")
        .args(["keys"])
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("quit"));
}

#[test]
fn bash_completes_commands_options_and_indexed_speaker_names() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(bash_completes(h, &["onrecord", "spea"]), ["speakers"]);
    assert!(bash_completes(h, &["onrecord", "quotes", "--"]).contains(&"--speaker".to_string()));
    // No index yet: no names, and completing creates nothing.
    assert!(bash_completes(h, &["onrecord", "quotes", "--speaker", "Ma"]).is_empty());
    assert!(
        !h.join("data").exists(),
        "completion created the data folder"
    );

    let library = h.join("lib");
    std::fs::create_dir(&library).unwrap();
    std::fs::write(
        library.join("harbour.txt"),
        "Harbour Reopens\n\n\u{201c}The cranes are back,\u{201d} said Mara Lind, the port director.\n\n\
         \u{201c}We kept every job,\u{201d} Lind said. \u{201c}Nobody left,\u{201d} said Marco O'Neil.\n",
    )
    .unwrap();
    assert!(
        run(h, &["index", library.to_str().unwrap()])
            .status
            .success()
    );
    // Every name is one word on bash's command line.
    assert_eq!(
        bash_completes(h, &["onrecord", "quotes", "--speaker", "Ma"]),
        ["Mara\\ Lind", "Marco\\ O\\'Neil"]
    );
    assert_eq!(
        bash_completes(h, &["onrecord", "quotes", "--speaker", "Mara"]),
        ["Mara\\ Lind"]
    );
    // `--index` on the line being completed is the index asked.
    let other = h.join("other.sqlite3");
    assert!(
        bash_completes(
            h,
            &[
                "onrecord",
                "quotes",
                "--index",
                other.to_str().unwrap(),
                "--speaker",
                "Ma"
            ]
        )
        .is_empty()
    );
    assert!(!other.exists());
}

#[test]
fn extract_reads_the_article_files_of_a_folder() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Second headline\n\nText.\n").unwrap();
    std::fs::write(dir.path().join("sub/a.md"), "# First\n\nText.\n").unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    let out = run(
        home.path(),
        &["extract", "--format", "json", dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let titles: Vec<String> = stdout
        .lines()
        .map(|l| check_article_json(l)["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, vec!["Second headline", "First"], "{stdout}");
    // a folder without articles is an error, and the other arguments are still read
    let empty = dir.path().join("empty");
    let file = dir.path().join("b.txt");
    let out = run(
        home.path(),
        &[
            "extract",
            "--format",
            "json",
            empty.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout).lines().count(), 1);
    assert!(
        text(&out.stderr).contains("no article files"),
        "{}",
        text(&out.stderr)
    );
}

/// The JSON object of the file whose path ends with `name`.
fn by_file(lines: &[&str], name: &str) -> serde_json::Value {
    lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no output for {name}"))
}

#[test]
fn extract_explain_names_the_rules_of_each_quote() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("story.txt");
    std::fs::write(
        &file,
        "Ferry talks stall\n\nThe ferry will not sail on Sunday, the operator said.\n\n\
         \u{201c}We are sorry,\u{201d} said Ines Barrow, the harbour master.\n",
    )
    .unwrap();
    let out = run(
        home.path(),
        &["extract", "--explain", file.to_str().unwrap()],
    );
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("found by:  reported_inverted"), "{s}");
    assert!(s.contains("found by:  quotation_marks"), "{s}");
    assert!(
        s.contains("speaker:   cue_after") && s.contains("from \"Ines Barrow"),
        "{s}"
    );
    // Without --explain the report stays short.
    let plain = run(home.path(), &["extract", file.to_str().unwrap()]);
    assert!(!text(&plain.stdout).contains("found by:"));
    // The JSON output always carries both names.
    let json = run(
        home.path(),
        &["extract", "--format", "json", file.to_str().unwrap()],
    );
    let v: serde_json::Value = serde_json::from_str(text(&json.stdout).trim()).unwrap();
    let rules: Vec<(String, String)> = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["rule"].as_str().unwrap().to_string(),
                q["speaker_rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("reported_inverted".to_string(), "cue_after".to_string()),
            ("quotation_marks".to_string(), "cue_after".to_string())
        ]
    );
}

#[test]
fn mistyped_command_suggests_the_command_meant() {
    let home = tempfile::tempdir().unwrap();
    for (args, meant) in [
        (&["speaker"][..], "speakers"),
        (&["quote", "--speaker", "x"][..], "quotes"),
        (&["serch", "tariff", "china"][..], "search"),
        (&["--config", "none.toml", "extrac", "a.txt"][..], "extract"),
        (&["idx"][..], "index"),
    ] {
        let out = onrecord(home.path())
            .current_dir(home.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("did you mean '{meant}'?")),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("-- --"), "{args:?}: {stderr}");
        assert!(!stderr.contains("no such file"), "{args:?}: {stderr}");
    }

    // A path that exists is opened, whatever its name; one far from every command is a
    // missing file.
    std::fs::create_dir(home.path().join("speaker")).unwrap();
    let out = onrecord(home.path())
        .current_dir(home.path())
        .arg("speaker")
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    let out = onrecord(home.path())
        .current_dir(home.path())
        .arg("my-articles")
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("no such file"), "{stderr}");
}

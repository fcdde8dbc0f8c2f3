//! The README's examples are the program's own output: its key table comes from `Keymap`,
//! and each `$ onrecord …` example is run and its output compared (with
//! `ONRECORD_UPDATE_README=1`, written). The screen capture is made in tmux
//! (`tests/e2e/e2e_tmux.rs`).

use crate::readme_support;

use readme_support::{check_or_update, part};
use std::path::Path;
use std::process::Command;

#[test]
fn readme_keys_section_matches_the_keymap() {
    let table = onrecord::tui::keymap::Keymap::default().to_markdown();
    check_or_update("keys", &table, |t| t.trim_end().to_string());
}

/// One `$ onrecord ARGS [| head -N | head -c N]` line of an example.
struct Step {
    args: Vec<String>,
    head_lines: Option<usize>,
    head_chars: Option<usize>,
}

fn parse_step(line: &str) -> Step {
    let mut parts = line.split(" | ");
    let command = parts.next().unwrap();
    let args: Vec<String> = command
        .split_whitespace()
        .skip(1)
        .map(str::to_string)
        .collect();
    let mut step = Step {
        args,
        head_lines: None,
        head_chars: None,
    };
    for filter in parts {
        let words: Vec<&str> = filter.split_whitespace().collect();
        match words.as_slice() {
            ["head", n] if n.starts_with('-') => step.head_lines = n[1..].parse().ok(),
            ["head", "-c", n] => step.head_chars = n.parse().ok(),
            _ => panic!("README example: unsupported filter `{filter}`"),
        }
    }
    step
}

/// Runs the steps of an example in order, as a new user would from the repository, with
/// a home of their own; the home's path is shown as `~`, the repository's as nothing.
fn run_example(steps: &[Step]) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut out = String::new();
    for step in steps {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_onrecord"));
        for var in [
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_STATE_HOME",
            "XDG_CACHE_HOME",
        ] {
            cmd.env_remove(var);
        }
        let got = cmd
            .args(&step.args)
            .env("HOME", home.path())
            .env("NO_COLOR", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run onrecord");
        assert!(got.status.success(), "{:?}: {got:?}", step.args);
        let mut text = String::from_utf8(got.stdout)
            .unwrap()
            .replace(&home.path().display().to_string(), "~")
            .replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "");
        if let Some(n) = step.head_lines {
            text = text.lines().take(n).map(|l| format!("{l}\n")).collect();
        }
        if let Some(n) = step.head_chars {
            text = text.chars().take(n).collect::<String>() + "\n";
        }
        out.push_str(&format!("    $ onrecord {}", step.args.join(" ")));
        if let Some(n) = step.head_lines {
            out.push_str(&format!(" | head -{n}"));
        }
        if let Some(n) = step.head_chars {
            out.push_str(&format!(" | head -c {n}"));
        }
        out.push('\n');
        for line in text.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}

/// The `$ onrecord` lines of the README part `name`.
fn steps_of(name: &str) -> Vec<Step> {
    let (readme, range) = part(name);
    readme[range]
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("$ "))
        .map(parse_step)
        .collect()
}

/// Timings (`in 0.07s`, seconds with their decimals) change from run to run.
fn without_timings(text: &str) -> String {
    let is_seconds = |t: &str| t.contains('.') && t.parse::<f64>().is_ok();
    text.lines()
        .map(|l| match l.rfind(" in ") {
            Some(i) if l.ends_with('s') && is_seconds(&l[i + 4..l.len() - 1]) => {
                format!("{} in …s", &l[..i])
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn readme_command_line_examples_are_the_programs_output() {
    for name in ["example:extract", "example:index"] {
        let steps = steps_of(name);
        assert!(!steps.is_empty(), "{name} has `$ onrecord` lines");
        let made = run_example(&steps);
        check_or_update(name, &made, without_timings);
    }
}

#[test]
fn example_parsing() {
    let s = parse_step("onrecord speakers | head -3");
    assert_eq!(s.args, ["speakers"]);
    assert_eq!(s.head_lines, Some(3));
    let s = parse_step("onrecord extract --format json a.txt | head -c 180");
    assert_eq!(s.args, ["extract", "--format", "json", "a.txt"]);
    assert_eq!(s.head_chars, Some(180));
    assert_eq!(
        without_timings("14 files seen: 1 failed in 0.07s\nindex: ~/x"),
        "14 files seen: 1 failed in …s\nindex: ~/x"
    );
    assert_eq!(without_timings("said in 1990s"), "said in 1990s");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("README.md")
            .is_file()
    );
}

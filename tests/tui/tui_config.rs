//! The `[keys]` and `[theme]` sections: the example documents every action and colour,
//! and mistakes are config errors that name the key and line.

use onrecord::config::Config;
use onrecord::tui::keymap::table;
use std::path::Path;

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
        .expect("config.example.toml")
}

fn section<'a>(text: &'a str, header: &str) -> &'a str {
    let start = text.find(header).expect("section") + header.len();
    let rest = &text[start..];
    &rest[..rest.find("\n[").unwrap_or(rest.len())]
}

#[test]
fn example_lists_every_action_with_its_default_keys() {
    let text = example();
    let keys = section(&text, "[keys]");
    for b in table() {
        let quoted: Vec<String> = b.defaults.iter().map(|k| format!("{k:?}")).collect();
        let line = format!("# {} = [{}]", b.action.name(), quoted.join(", "));
        assert!(keys.contains(&line), "missing in [keys]: {line}");
    }
    // Uncommented, every entry parses.
    let uncommented: String = keys
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.contains(" = ["))
        .map(|l| format!("{l}\n"))
        .collect();
    let cfg = Config::parse(&format!("[keys]\n{uncommented}"), "keys").unwrap();
    assert_eq!(cfg.keys.entries().len(), table().len());
}

#[test]
fn bad_key_names_are_errors_naming_key_and_line() {
    let e = Config::parse(
        "[keys]\nquit = \"q\"\nnext_quote = [\"n\", \"ctlr-n\"]\n",
        "c.toml",
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("c.toml:3:"), "{e}");
    assert!(e.contains("ctlr-n"), "{e}");
    let e = Config::parse("[keys]\nnext_qoute = \"n\"\n", "c.toml")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("c.toml:2:"), "{e}");
    assert!(e.contains("next_qoute"), "{e}");
}

#[test]
fn bad_colours_are_errors_naming_the_line() {
    let e = Config::parse("[theme]\ncolors = \"16\"\naccent = \"bluish\"\n", "c.toml")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("c.toml:3:"), "{e}");
    assert!(e.contains("bluish"), "{e}");
    let e = Config::parse("[theme]\ncolors = \"millions\"\n", "c.toml")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("c.toml:2:"), "{e}");
    let ok = Config::parse(
        "[theme]\ncolors = \"none\"\nspeakers = [\"red\", \"208\", \"#112233\"]\n",
        "c.toml",
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn keys_command_prints_the_table_with_the_config_applied() {
    let bin = env!("CARGO_BIN_EXE_onrecord");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[keys]\nnext_quote = [\"x\", \"ctrl-n\"]\n").unwrap();
    let out = std::process::Command::new(bin)
        .args(["--config"])
        .arg(&cfg)
        .args(["keys", "--markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("| Keys |"), "{md}");
    for b in table() {
        assert!(md.contains(&format!("`{}`", b.action.name())), "{md}");
    }
    assert!(md.contains("| `x` `ctrl-n` | `next_quote` |"), "{md}");
    let out = std::process::Command::new(bin)
        .arg("--config")
        .arg(dir.path().join("missing.toml"))
        .arg("keys")
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "a missing explicit config is an error"
    );
}

#[test]
fn reader_refuses_to_run_without_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_onrecord");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBody text here.\n").unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "").unwrap();
    let out = std::process::Command::new(bin)
        .arg("--config")
        .arg(&cfg)
        .arg(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    // Nothing but the message: no escape sequences reached the pipe.
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
}

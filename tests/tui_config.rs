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

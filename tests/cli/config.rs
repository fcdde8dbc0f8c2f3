//! `config.example.toml` parses, documents exactly the defaults, and names every key.

use onrecord::config::Config;
use std::path::Path;

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
        .expect("config.example.toml at the top level")
}

#[test]
fn example_parses_to_the_defaults() {
    let parsed = Config::parse(&example(), "config.example.toml")
        .unwrap_or_else(|e| panic!("config.example.toml does not parse: {e}"));
    assert_eq!(parsed, Config::default());
}

/// Every key the config accepts (as serialized from the defaults) appears in the example,
/// set or commented out, inside its section.
#[test]
fn example_documents_every_key() {
    let text = example();
    let defaults = toml::Value::try_from(Config::default()).unwrap();
    let mut keys = Vec::new();
    collect_keys(&defaults, "", &mut keys);
    // Optional keys are not serialized when unset; they must be documented too.
    keys.push("library.index".to_string());
    keys.push("reader.browser".to_string());
    keys.push("library.newsboat".to_string());
    assert!(keys.len() >= 3, "{keys:?}");
    for key in keys {
        let (section, name) = key.rsplit_once('.').unwrap_or(("", &key));
        let header = format!("[{section}]");
        let start = text
            .find(&header)
            .unwrap_or_else(|| panic!("section {header} missing"));
        let rest = &text[start + header.len()..];
        let section_text = &rest[..rest.find("\n[").unwrap_or(rest.len())];
        let documented = section_text.lines().any(|l| {
            let l = l.trim_start_matches(['#', ' ']);
            l.starts_with(&format!("{name} ="))
        });
        assert!(documented, "key {key} is not documented in its section");
    }
}

fn collect_keys(v: &toml::Value, prefix: &str, out: &mut Vec<String>) {
    if let toml::Value::Table(t) = v {
        for (k, v) in t {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(_) => {
                    // a section: its own keys
                    collect_keys(v, &path, out)
                }
                _ => out.push(path),
            }
        }
    }
}

#[test]
fn example_sections_match_the_config() {
    let text = example();
    for section in ["[library]", "[limits]", "[reader]", "[keys]", "[theme]"] {
        assert!(text.contains(section), "{section}");
    }
}

#[test]
fn platform_dirs_are_named_for_onrecord() {
    let data = onrecord::config::data_dir();
    let state = onrecord::config::state_dir();
    assert!(data.ends_with("onrecord") || data.to_string_lossy().contains("onrecord"));
    assert!(state.to_string_lossy().contains("onrecord"));
    if let Some(cfg) = onrecord::config::default_path() {
        assert!(cfg.ends_with("onrecord/config.toml"), "{}", cfg.display());
    }
}

//! The layer order of `lib.rs`, checked: no source file names a module of a layer above
//! its own. (The core crate cannot name this crate at all: the compiler sees to that.)

use std::path::{Path, PathBuf};

/// Each top-level module of this crate and its layer, from the bottom (the core crate's
/// modules, re-exported) to the top.
const LAYERS: &[(&str, u8)] = &[
    ("article", 0),
    ("dates", 0),
    ("extract", 0),
    ("message", 0),
    ("safe_open", 0),
    ("safe_text", 0),
    ("words", 0),
    ("dirs", 1),
    ("log", 1),
    ("citation", 2),
    ("output", 2),
    ("library", 3),
    ("sample", 3),
    ("tui", 4),
    ("config", 5),
    ("cli", 6),
    ("completion", 6),
    ("layers", 7),
];

fn layer_of(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a source text names as `crate::NAME`.
fn named_modules(text: &str) -> Vec<&str> {
    text.match_indices("crate::")
        .filter(|(at, _)| {
            // Not `onrecord_crate::` or the like: `crate` as a whole word.
            !text[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|(at, m)| {
            let rest = &text[at + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn no_module_names_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs");
        // The crate root and the binary see everything; this file names modules as text.
        if matches!(module, "lib" | "main" | "layers") {
            continue;
        }
        let own = layer_of(module)
            .unwrap_or_else(|| panic!("src/{module}: give the module a layer in LAYERS"));
        let text = std::fs::read_to_string(file).unwrap();
        for name in named_modules(&text) {
            checked += 1;
            match layer_of(name) {
                Some(l) if l > own => wrong.push(format!("{}: crate::{name}", rel.display())),
                Some(_) => {}
                None => wrong.push(format!("{}: crate::{name} has no layer", rel.display())),
            }
        }
    }
    assert!(
        checked > 100,
        "the check read the sources ({checked} names)"
    );
    assert!(
        wrong.is_empty(),
        "names of a layer above:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_names_and_only_names() {
    let text = "use crate::tui::state;\nlet x = crate::library::db::open();\nonrecord_crate::x; // crate::";
    assert_eq!(named_modules(text), ["tui", "library"]);
}

//! The layer order of `lib.rs`, checked: no source file names a module of a layer above
//! its own (the core crate cannot name this crate at all: the compiler sees to that), and
//! no two files of either crate import each other, directly or round a longer loop.

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

/// A module's path from its crate's root (`["library", "indexer", "jobs"]`) for a file
/// under `root`.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|l| matches!(l.as_str(), "mod" | "lib" | "main"))
    {
        parts.pop();
    }
    parts
}

/// The paths a source text names from its own module (`crate::a::b`, `super::c`,
/// `self::d`), as written, in code only (not comments, not the tests at its end).
fn named_paths(text: &str) -> Vec<Vec<&str>> {
    let code_end = text.find("#[cfg(test)]").unwrap_or(text.len());
    let mut out = Vec::new();
    for line in text[..code_end].lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for head in ["crate::", "super::", "self::"] {
            for (at, _) in line.match_indices(head) {
                let before = line[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                // Segments up to the first that does not end at the next `::`.
                let mut path = Vec::new();
                for part in line[at..].split("::") {
                    let end = part
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(part.len());
                    if end > 0 {
                        path.push(&part[..end]);
                    }
                    if end == 0 || end < part.len() {
                        break;
                    }
                }
                out.push(path);
            }
        }
    }
    out
}

/// The file-to-file imports of the crate whose sources are under `root`: for each module,
/// the other modules (not its own ancestors) it names.
fn imports(root: &Path) -> std::collections::BTreeMap<Vec<String>, Vec<Vec<String>>> {
    let mut files = Vec::new();
    sources(root, &mut files);
    let modules: std::collections::BTreeSet<Vec<String>> =
        files.iter().map(|f| module_of(root, f)).collect();
    let mut out = std::collections::BTreeMap::new();
    for file in &files {
        let own = module_of(root, file);
        let text = std::fs::read_to_string(file).unwrap();
        let mut to: Vec<Vec<String>> = Vec::new();
        for path in named_paths(&text) {
            let mut at: Vec<String> = match path[0] {
                "crate" => Vec::new(),
                _ => own.clone(),
            };
            let mut rest = &path[1..];
            if path[0] == "super" {
                at.pop();
                while rest.first() == Some(&"super") {
                    at.pop();
                    rest = &rest[1..];
                }
            }
            at.extend(rest.iter().map(|p| p.to_string()));
            // The longest prefix that is a file of its own.
            while !at.is_empty() && !modules.contains(&at) {
                at.pop();
            }
            if !at.is_empty() && !own.starts_with(&at) && !to.contains(&at) {
                to.push(at);
            }
        }
        out.insert(own, to);
    }
    out
}

/// A loop of imports, if the graph has one (depth-first, three colours).
fn find_loop(
    graph: &std::collections::BTreeMap<Vec<String>, Vec<Vec<String>>>,
) -> Option<Vec<String>> {
    fn visit<'g>(
        node: &'g Vec<String>,
        graph: &'g std::collections::BTreeMap<Vec<String>, Vec<Vec<String>>>,
        state: &mut std::collections::BTreeMap<&'g Vec<String>, u8>,
        stack: &mut Vec<&'g Vec<String>>,
    ) -> Option<Vec<String>> {
        state.insert(node, 1);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next) {
                Some(1) => {
                    let from = stack.iter().position(|n| *n == next).unwrap_or(0);
                    let mut names: Vec<String> =
                        stack[from..].iter().map(|n| n.join("/")).collect();
                    names.push(next.join("/"));
                    return Some(names);
                }
                Some(_) => {}
                None => {
                    if let Some(l) = visit(next, graph, state, stack) {
                        return Some(l);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = std::collections::BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node) {
            let mut stack = Vec::new();
            if let Some(l) = visit(node, graph, &mut state, &mut stack) {
                return Some(l);
            }
        }
    }
    None
}

#[test]
fn no_two_files_import_each_other() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for root in [here.join("src"), here.join("core/src")] {
        let graph = imports(&root);
        assert!(
            graph.len() > 20,
            "{}: the check read the sources",
            root.display()
        );
        let edges: usize = graph.values().map(Vec::len).sum();
        assert!(
            edges > 30,
            "{}: the check found the imports",
            root.display()
        );
        if let Some(l) = find_loop(&graph) {
            panic!(
                "{}: files import each other: {}",
                root.display(),
                l.join(" -> ")
            );
        }
    }
}

/// Extraction is pure: text in, analysis out. Reading files is the loaders' (`article`), at
/// the edge; no code of `extract` opens a file, a socket or a process, or reads the
/// environment.
#[test]
fn extraction_does_no_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src/extract");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 20, "the check read the sources");
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code_end = text.find("#[cfg(test)]").unwrap_or(text.len());
        for (n, line) in text[..code_end].lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for io in [
                "std::fs",
                "std::net",
                "std::process",
                "std::env",
                "File::",
                "std::io::stdin",
            ] {
                if line.contains(io) {
                    wrong.push(format!("{}:{}: {io}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "I/O in extraction:\n{}", wrong.join("\n"));
}

#[test]
fn the_loop_check_sees_a_loop_and_resolves_super() {
    let text = "use super::b::Thing;\n// use crate::c;\nfn f() { crate::c::g(); self::d::h(); }";
    assert_eq!(
        named_paths(text),
        [
            vec!["super", "b", "Thing"],
            vec!["crate", "c", "g"],
            vec!["self", "d", "h"]
        ]
    );
    let m = |s: &str| s.split('/').map(String::from).collect::<Vec<_>>();
    let mut graph = std::collections::BTreeMap::new();
    graph.insert(m("a/x"), vec![m("a/y")]);
    graph.insert(m("a/y"), vec![m("b")]);
    graph.insert(m("b"), vec![]);
    assert_eq!(find_loop(&graph), None);
    graph.insert(m("b"), vec![m("a/x")]);
    assert_eq!(
        find_loop(&graph),
        Some(vec!["a/x".into(), "a/y".into(), "b".into(), "a/x".into()])
    );
}

#[test]
fn the_check_sees_names_and_only_names() {
    let text = "use crate::tui::state;\nlet x = crate::library::db::open();\nonrecord_crate::x; // crate::";
    assert_eq!(named_modules(text), ["tui", "library"]);
}

//! Replays every input the fuzzers ever crashed on (and a few hand-made edge cases) through
//! the same checks as the fuzz targets (`testkit/src/check.rs`).
//! Inputs live in `tests/data/fuzz-regressions/<target>/`, one file each, named after what
//! they broke; add new crash inputs there.

use onrecord_testkit::check;

use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-regressions")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

fn replay(target: &str, run: fn(&[u8])) {
    let mut failed = Vec::new();
    for (name, data) in inputs(target) {
        if let Err(e) = std::panic::catch_unwind(|| run(&data)) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{target}/{name}: {msg}"));
        }
    }
    assert!(failed.is_empty(), "failing inputs:\n{}", failed.join("\n"));
}

#[test]
fn load_extract_inputs() {
    replay("load_extract", check::run_load_extract);
}

#[test]
fn html_inputs() {
    replay("html", check::run_html);
}

#[test]
fn config_inputs() {
    replay("config", check::run_config);
}

#[test]
fn markdown_inputs() {
    replay("markdown", check::run_markdown);
}

#[cfg(unix)]
#[test]
fn index_inputs() {
    replay("index", check::run_index);
}

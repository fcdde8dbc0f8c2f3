//! Memory is bounded per run, not only per file: `index` over many pathological files
//! stays within the bound the README's Safety section states, measured as the peak RSS of
//! the real binary.
//!
//! One test in this binary on purpose: the peak is read with `getrusage(RUSAGE_CHILDREN)`,
//! the largest peak of every child this process waited for, so no other child may run here.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

/// One sentence that makes the most quotes per byte we know: every 19 bytes a direct quote
/// with its speaker and cue.
const PATHOLOGICAL: &str = "\u{201C}x,\u{201D} said Bob. ";

/// The README's bound: peak RSS of a run at most `BASE + PER_BYTE × limits.max_file_bytes`.
const BASE: u64 = 150 * 1024 * 1024;
const PER_BYTE: u64 = 75;

/// Peak resident set size, in bytes, of the largest child waited for so far.
fn children_peak_rss() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(r, 0, "getrusage failed");
    u64::try_from(usage.ru_maxrss).unwrap() * 1024 // kilobytes on Linux
}

fn write_pathological(path: &Path, bytes: usize) {
    let n = bytes / PATHOLOGICAL.len();
    std::fs::write(path, PATHOLOGICAL.repeat(n)).unwrap();
}

#[test]
fn indexing_24_pathological_files_stays_within_the_stated_bound() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    // Files at the limit: 1 MiB keeps the test short; the bound scales with the limit.
    let limit: u64 = 1024 * 1024;
    for i in 0..24 {
        write_pathological(&lib.join(format!("p{i:02}.txt")), limit as usize);
    }
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, format!("[limits]\nmax_file_bytes = {limit}\n")).unwrap();
    let db = tmp.path().join("index.sqlite3");
    assert_eq!(children_peak_rss(), 0, "no child may have run before");
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--config")
        .arg(&config)
        .arg("index")
        .arg("--index")
        .arg(&db)
        .arg(&lib)
        .env("HOME", tmp.path().join("home"))
        .env("XDG_DATA_HOME", tmp.path().join("home/data"))
        // A slow disk: analyzed files would pile up for the writer without a bound.
        .env("ONRECORD_WRITER_DELAY_MS", "1500")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "index failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("24 files seen: 24 new"), "{stdout}");
    let peak = children_peak_rss();
    let bound = BASE + PER_BYTE * limit;
    eprintln!(
        "peak RSS of index: {} MiB (bound {} MiB)",
        peak >> 20,
        bound >> 20
    );
    assert!(
        peak <= bound,
        "index peaked at {} MiB, over the bound of {} MiB",
        peak >> 20,
        bound >> 20
    );
    // The measure measures: a run that analyzed 24 MiB of quotes cannot have been tiny.
    assert!(peak > 20 * 1024 * 1024, "implausible peak {peak}");
}

//! The shared evaluation data beside the checkout (`../shared`): tests read it in place and
//! never copy it into the project.
//!
//! When a folder of it is missing, the test that needs it skips with a message — unless the
//! environment variable `CI` is set (to anything but `false` or `0`), as CI sets it: there a
//! missing folder fails the test, so no test reports "ok" without having run.

use std::path::{Path, PathBuf};

/// `../shared/<rel>`, when it exists; `None` after a skip message when it does not (outside
/// CI); a panic under CI.
pub fn dir(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        return Some(p);
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        !ci,
        "{} is missing and CI is set: the tests that read the shared evaluation data must run",
        p.display()
    );
    eprintln!("skipped: {} is not present", p.display());
    None
}

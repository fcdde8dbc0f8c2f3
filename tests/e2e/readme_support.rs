//! The README's generated parts: text between `<!-- NAME -->` and `<!-- /NAME -->` that a
//! test makes from the real program. A test compares it with what the program gives now;
//! with `ONRECORD_UPDATE_README=1` it writes the program's text into the README instead.

use std::path::PathBuf;

fn readme_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
}

/// The README's text, and the byte range of the part `name` (between its markers).
pub fn part(name: &str) -> (String, std::ops::Range<usize>) {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let open = format!("<!-- {name} -->\n");
    let close = format!("<!-- /{name} -->");
    let start = readme
        .find(&open)
        .unwrap_or_else(|| panic!("README has no `{open}` marker"))
        + open.len();
    let end = readme[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("README has no `{close}` marker"))
        + start;
    (readme, start..end)
}

/// Whether this run writes the README rather than checking it.
pub fn updating() -> bool {
    std::env::var_os("ONRECORD_UPDATE_README").is_some_and(|v| v == "1")
}

/// Checks the part `name` against `made` (both compared through `same`, which may hide
/// what changes from run to run, as a timing); or, when updating, writes `made` into it.
pub fn check_or_update(name: &str, made: &str, same: impl Fn(&str) -> String) {
    let (readme, range) = part(name);
    if updating() {
        let mut text = readme.clone();
        text.replace_range(range, made);
        std::fs::write(readme_path(), text).expect("write README.md");
        return;
    }
    let shown = &readme[range];
    assert_eq!(
        same(shown),
        same(made),
        "the README's `{name}` is not what the program gives now; \
         run `ONRECORD_UPDATE_README=1 cargo test` to write it"
    );
}

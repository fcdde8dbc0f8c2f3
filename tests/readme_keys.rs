//! The README's key table is the reader's key table: both come from `Keymap`.

#[test]
fn readme_keys_section_matches_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let start = readme
        .find("<!-- keys:start -->\n")
        .expect("README has a keys:start marker")
        + "<!-- keys:start -->\n".len();
    let end = readme[start..]
        .find("<!-- keys:end -->")
        .expect("README has a keys:end marker")
        + start;
    let table = onrecord::tui::keymap::Keymap::default().to_markdown();
    assert_eq!(
        readme[start..end].trim_end(),
        table.trim_end(),
        "README keys differ from the keymap: paste `onrecord keys --markdown` between the markers"
    );
}

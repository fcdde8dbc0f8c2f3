//! Each loader through `load_file`, on files written to a temporary folder.

use onrecord::article::load::{DEFAULT_MAX_BYTES, load_file};
use onrecord::article::{Format, Loaded};
use std::path::PathBuf;

fn load(name: &str, content: &str) -> Loaded {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    load_file(&path, DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const WIRE: &str = "\
Harbour authority raises fees for cruise ships

By Ada Mensah and Tom Reyes

March 3, 2026

LISBON (Wirepost) \u{2013} The harbour authority will raise berthing fees for cruise
ships by a fifth from June, its chairman said on Monday.

\u{201C}The ships are bigger, the quays are older,\u{201D} said Rui Costa, the chairman.

Costa said the money would pay for new fenders.

(Reporting by Ada Mensah; Editing by Li Wei)

Share this article

Leave A Reply

Your email address will not be published.
";

#[test]
fn txt_wire_story() {
    let l = load("wire.txt", WIRE);
    let a = &l.article;
    assert_eq!(l.format, Format::Text);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    assert_eq!(a.title, "Harbour authority raises fees for cruise ships");
    assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
    assert_eq!(a.date.as_deref(), Some("March 3, 2026"));
    assert_eq!(a.dateline.as_deref(), Some("LISBON (Wirepost)"));
    assert_eq!(
        a.body,
        "LISBON (Wirepost) \u{2013} The harbour authority will raise berthing fees for cruise ships by a fifth from June, its chairman said on Monday.\n\n\u{201C}The ships are bigger, the quays are older,\u{201D} said Rui Costa, the chairman.\n\nCosta said the money would pay for new fenders."
    );
    assert_eq!(
        a.extra,
        vec![
            "(Reporting by Ada Mensah; Editing by Li Wei)",
            "Share this article",
            "Leave A Reply",
            "Your email address will not be published."
        ]
    );
}

#[test]
fn txt_without_title_line_is_all_body() {
    let text = "The harbour authority will raise fees, its chairman said on Monday.\n\n\u{201C}It is fair,\u{201D} he said.\n";
    let a = load("notitle.txt", text).article;
    assert_eq!(a.title, "");
    assert!(a.byline.is_empty());
    assert_eq!(
        a.body,
        "The harbour authority will raise fees, its chairman said on Monday.\n\n\u{201C}It is fair,\u{201D} he said."
    );
}

#[test]
fn md_with_yaml_front_matter() {
    let text = "---\ntitle: \"Harbour fees rise\"\nauthor:\n  - Ada Mensah\n  - Tom Reyes\ndate: 2026-03-03\nurl: https://example.org/harbour-fees\n---\n\n# Harbour fees rise\n\nThe **authority** will raise fees, [its chairman](https://example.org/costa) said.\n\n> \u{201C}It is _fair_,\u{201D} he said.\n\n## Reaction\n\n- Cruise lines object.\n- Ferry operators are exempt.\n";
    let l = load("fees.md", text);
    let a = &l.article;
    assert_eq!(l.format, Format::Markdown);
    assert_eq!(a.title, "Harbour fees rise");
    assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
    assert_eq!(a.date.as_deref(), Some("2026-03-03"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/harbour-fees"));
    assert_eq!(
        a.body,
        "The authority will raise fees, its chairman said.\n\n\u{201C}It is fair,\u{201D} he said.\n\nReaction\n\nCruise lines object.\n\nFerry operators are exempt."
    );
}

#[test]
fn md_with_toml_front_matter() {
    let text = "+++\ntitle = \"Harbour fees rise\"\nauthors = [\"Ada Mensah\"]\ndate = \"2026-03-03\"\nurl = \"https://example.org/a\"\n+++\n\nFirst paragraph\nwrapped.\n\nSecond paragraph.\n";
    let a = load("fees.markdown", text).article;
    assert_eq!(a.title, "Harbour fees rise");
    assert_eq!(a.byline, vec!["Ada Mensah"]);
    assert_eq!(a.date.as_deref(), Some("2026-03-03"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.body, "First paragraph wrapped.\n\nSecond paragraph.");
}

#[test]
fn md_without_front_matter_uses_the_first_heading() {
    let text = "# Harbour *fees* rise\n\n*By Ada Mensah*\n\nText with `code` and an ![image](x.png) gone.\n\nRead more: [Other](https://example.org/o)\n";
    let a = load("fees.md", text).article;
    assert_eq!(a.title, "Harbour fees rise");
    assert_eq!(a.byline, vec!["Ada Mensah"]);
    assert_eq!(a.body, "Text with code and an gone.");
    assert_eq!(a.extra, vec!["Read more: Other"]);
}

#[test]
fn html_basic() {
    let page = "<!doctype html><html><head><title>Harbour fees rise</title>\
        <script>var x = \"<p>not text</p>\";</script></head><body>\
        <nav><a href=\"/\">Home</a></nav><article><h1>Harbour fees rise</h1>\
        <p>The authority&rsquo;s chairman said fees would rise &amp; stay high.</p>\
        <p>\u{201C}It is <b>fair</b>,\u{201D} he said.</p></article></body></html>";
    let l = load("fees.html", page);
    let a = &l.article;
    assert_eq!(l.format, Format::Html);
    assert!(a.title.starts_with("Harbour fees rise"), "{}", a.title);
    assert!(
        a.body
            .contains("The authority\u{2019}s chairman said fees would rise & stay high."),
        "{}",
        a.body
    );
    assert!(a.body.contains("\u{201C}It is fair,\u{201D} he said."));
    assert!(!a.body.contains('<') && !a.body.contains("&amp;"));
}

#[test]
fn unsupported_extension_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.pdf");
    std::fs::write(&path, "text").unwrap();
    let err = load_file(&path, DEFAULT_MAX_BYTES).unwrap_err().to_string();
    assert!(err.contains("notes.pdf"), "{err}");
    assert!(err.contains("not a supported article file"), "{err}");
}

#[test]
fn gzipped_html_is_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"<html><head><title>T</title></head><body><p>Packed words.</p></body></html>")
        .unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let a = load_file(&path, DEFAULT_MAX_BYTES).unwrap().article;
    assert!(a.body.contains("Packed words."), "{}", a.body);
}

//! Text hygiene on the way in: binary files, bad UTF-8, control characters and escape
//! sequences, line endings, the size cap. One bad file never stops the others.

use onrecord::article::load::{DEFAULT_MAX_BYTES, LoadError, load_file};
use std::path::PathBuf;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn binary_file_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(&dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let err = load_file(&png, DEFAULT_MAX_BYTES).unwrap_err();
    assert!(matches!(err, LoadError::Binary { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("photo.txt"), "{msg}");
    assert!(msg.contains("binary") && msg.contains("PNG"), "{msg}");

    let nul = write(&dir, "nul.md", b"Title\n\nsome\0text");
    let msg = load_file(&nul, DEFAULT_MAX_BYTES).unwrap_err().to_string();
    assert!(msg.contains("nul.md") && msg.contains("binary"), "{msg}");

    // a saved page is no exception: an image or program named .html is refused too
    for (name, bytes, what) in [
        (
            "page.html",
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"[..],
            "PNG",
        ),
        (
            "page.htm",
            &b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"[..],
            "executable",
        ),
    ] {
        let p = write(&dir, name, bytes);
        let err = load_file(&p, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, LoadError::Binary { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains(name) && msg.contains(what), "{msg}");
    }
}

#[test]
fn utf16_without_a_byte_order_mark_is_text_not_binary() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Headline of the day\n\n\u{201C}It works,\u{201D} said Ines Dahl.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let l = load_file(&write(&dir, "wide.txt", &le), DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(l.article.title, "Headline of the day");
    assert_eq!(l.article.body, "\u{201C}It works,\u{201D} said Ines Dahl.");
    assert!(l.warnings[0].0.contains("UTF-16LE"), "{:?}", l.warnings);
    let page = "<html><head><title>Wide page</title></head><body><p>\u{201C}It works,\u{201D} said Ines Dahl.</p></body></html>";
    let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let l = load_file(&write(&dir, "wide.html", &be), DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(l.article.title, "Wide page");
    assert_eq!(l.article.body, "\u{201C}It works,\u{201D} said Ines Dahl.");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "latin1.txt",
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners said rents had doubled.\n",
    );
    let l = load_file(&p, DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(l.article.title, "Caf\u{FFFD} owners protest");
    assert!(l.article.body.contains("caf\u{FFFD} owners said"));
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert!(
        l.warnings[0].0.contains("invalid UTF-8"),
        "{:?}",
        l.warnings
    );
}

#[test]
fn control_characters_and_escape_sequences_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Bad \u{1b}[31mred\u{1b}[0m title\n\n\
        Body\u{7} with \u{1b}]0;evil title\u{7}an OSC, a \u{9b}2J C1 CSI, a \u{202E}bidi \
        override,\ta tab and \u{1b}[2J\u{1b}[H a clear.\n";
    let p = write(&dir, "ctl.txt", text.as_bytes());
    let a = load_file(&p, DEFAULT_MAX_BYTES).unwrap().article;
    assert_eq!(a.title, "Bad red title");
    for s in [&a.title, &a.body] {
        assert!(
            !s.chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c)),
            "{s:?}"
        );
    }
    assert!(
        a.body.starts_with("Body with an OSC, a  C1 CSI"),
        "{:?}",
        a.body
    );
    assert!(!a.body.contains("evil title"));
    assert!(!a.body.contains('\t'));
}

#[test]
fn crlf_and_cr_line_endings_are_normalized() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "crlf.txt",
        b"A headline here\r\n\r\nFirst line\r\nwrapped.\r\n\r\nSecond.\rThird.\r\n",
    );
    let a = load_file(&p, DEFAULT_MAX_BYTES).unwrap().article;
    assert_eq!(a.title, "A headline here");
    assert_eq!(a.body, "First line wrapped.\n\nSecond. Third.");
    assert!(!a.body.contains('\r'));
}

#[test]
fn oversize_file_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "big.txt", &b"word ".repeat(100));
    let err = load_file(&p, 100).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("big.txt"), "{msg}");
    assert!(msg.contains("500 bytes"), "{msg}");
    assert!(msg.contains("limit of 100 bytes"), "{msg}");
    assert!(msg.contains("limits.max_file_bytes"), "{msg}");
    // at the limit exactly, it loads
    assert!(load_file(&p, 500).is_ok());
}

#[test]
fn utf16_with_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Headline here\n\n\u{201C}Yes,\u{201D} she said.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(&dir, "utf16.txt", &bytes);
    let l = load_file(&p, DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(l.article.body, "\u{201C}Yes,\u{201D} she said.");
    assert!(l.warnings.iter().any(|w| w.0.contains("UTF-16")));
}

#[test]
fn a_name_in_decomposed_form_is_one_speaker_name() {
    let text = "Council backs harbour plan\n\n\
        \u{201C}We will build it,\u{201D} said Ange\u{301}lique Roy, the harbour director.\n";
    let loaded =
        onrecord::article::load::load_bytes(text.as_bytes(), onrecord::article::Format::Text)
            .unwrap();
    let analysis = onrecord::extract::analyze(&loaded.article);
    let speakers: Vec<_> = analysis
        .quotes
        .iter()
        .filter_map(|q| q.speaker.clone())
        .collect();
    assert_eq!(speakers, ["Ang\u{e9}lique Roy"]);
}

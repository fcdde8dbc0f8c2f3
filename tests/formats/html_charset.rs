//! Charset handling of saved pages: byte order marks, `<meta charset>`, http-equiv,
//! undeclared and wrongly declared encodings.

use onrecord::article::html::load;

fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> (Vec<u8>, bool) {
    let (bytes, _, unmappable) = enc.encode(text);
    (bytes.into_owned(), unmappable)
}

fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head>{head}<title>T</title></head><body><article><p>{body}</p></article></body></html>"
    )
}

const SENTENCE: &str =
    "Café owners in Zürich said the crème brûlée was “perfect”, and nobody disagreed with them.";

#[test]
fn utf8_bom_wins_over_a_wrong_meta() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(page("<meta charset=windows-1252>", SENTENCE).as_bytes());
    let l = load(&bytes);
    assert_eq!(l.article.body, SENTENCE);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn utf16le_bom() {
    let text = page("", SENTENCE);
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    assert_eq!(load(&bytes).article.body, SENTENCE);
}

#[test]
fn meta_charset_windows_1252() {
    let (bytes, unmappable) = encode(
        encoding_rs::WINDOWS_1252,
        &page("<meta charset=\"windows-1252\">", SENTENCE),
    );
    assert!(!unmappable);
    // The bytes are not valid UTF-8: only the declaration makes them readable.
    assert!(std::str::from_utf8(&bytes).is_err());
    let l = load(&bytes);
    assert_eq!(l.article.body, SENTENCE);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn meta_charset_shift_jis() {
    let jp = "東京の市場は月曜日に大きく上昇し、投資家は新しい政策を歓迎したと関係者は述べた。";
    let (bytes, unmappable) = encode(
        encoding_rs::SHIFT_JIS,
        &page("<meta charset=Shift_JIS>", jp),
    );
    assert!(!unmappable);
    assert_eq!(load(&bytes).article.body, jp);
}

#[test]
fn http_equiv_content_type() {
    let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
    let (bytes, _) = encode(encoding_rs::WINDOWS_1252, &page(head, SENTENCE));
    assert_eq!(load(&bytes).article.body, SENTENCE);
}

#[test]
fn undeclared_utf8_is_read_as_utf8() {
    assert_eq!(load(page("", SENTENCE).as_bytes()).article.body, SENTENCE);
}

#[test]
fn undeclared_legacy_bytes_fall_back_to_windows_1252() {
    let (bytes, _) = encode(encoding_rs::WINDOWS_1252, &page("", SENTENCE));
    assert_eq!(load(&bytes).article.body, SENTENCE);
}

#[test]
fn wrong_declaration_replaces_bad_bytes_with_a_warning() {
    // Declared UTF-8, written as windows-1252: the é bytes are malformed.
    let (bytes, _) = encode(
        encoding_rs::WINDOWS_1252,
        &page("<meta charset=utf-8>", SENTENCE),
    );
    let l = load(&bytes);
    assert!(l.article.body.contains('\u{FFFD}'));
    assert!(l.article.body.contains("owners in Z"));
    assert!(
        l.warnings.iter().any(|w| w.0.contains("malformed")),
        "{:?}",
        l.warnings
    );
}

#[test]
fn unknown_charset_label_is_ignored() {
    let l = load(page("<meta charset=klingon-8>", SENTENCE).as_bytes());
    assert_eq!(l.article.body, SENTENCE);
}

#[test]
fn gzipped_page_loads_from_disk() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page("<meta charset=utf-8>", SENTENCE).as_bytes())
        .unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let l = onrecord::article::load::load_file(&path, 1 << 20).unwrap();
    assert_eq!(l.article.body, SENTENCE);
    assert_eq!(l.format, onrecord::article::Format::Html);
}

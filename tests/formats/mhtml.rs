//! Web pages saved as MHTML (`.mhtml`, `.mht`): the fixtures in `tests/data/mhtml/` are
//! pages written for these tests, saved the way Chrome (quoted-printable HTML, charset in a
//! `<meta>`, images as base64 parts) and older browsers (base64 HTML, charset on the part,
//! root part named by `start`) save them.

use crate::formats_support;
use onrecord::article::load::{DEFAULT_MAX_BYTES, load_bytes, load_file};
use onrecord::article::{Format, Loaded};
use std::path::Path;

fn fixture(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/mhtml")
        .join(name);
    load_file(&path, DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_page_saved_by_chrome_reads_as_the_page() {
    let l = fixture("ferry-strike.mhtml");
    let a = &l.article;
    assert_eq!(l.format, Format::Mhtml);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    assert_eq!(a.title, "Ferry crews vote to strike over night rotas");
    assert_eq!(a.byline, vec!["Ines Halvorsen"]);
    assert_eq!(a.date.as_deref(), Some("2026-05-12T08:30:00+02:00"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example.net/news/ferry-crews-strike")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    // Quoted-printable undone (soft line breaks, =3D, UTF-8 in =E2=80=9C), navigation,
    // footer, the style sheet and the image parts left out.
    assert_eq!(
        a.body,
        "Crews on the Skerra island ferries voted on Monday to strike for two days next \
         month, the Harbour Workers\u{2019} Union said, in a dispute over night rotas that \
         has dragged on since the winter.\n\n\
         \u{201C}Nobody on these boats wants to leave islanders stranded,\u{201D} said Tove \
         Lindqvist, the union\u{2019}s regional secretary. \u{201C}But the rotas are not \
         safe, and we have said so for a year.\u{201D}\n\n\
         The ferry company\u{2019}s chief executive, Anders Brekke, said the strike was \
         regrettable and that talks would resume on Thursday.\n\n\
         \u{201C}We have offered a new rota twice,\u{201D} Brekke said. \u{201C}The door is \
         open.\u{201D}"
    );
    let quotes = formats_support::said_directly(&l);
    let direct: Vec<_> = quotes.iter().filter(|(d, _, _)| *d).collect();
    assert_eq!(direct.len(), 4, "{quotes:?}");
    assert!(
        direct[..2].iter().all(|(_, _, s)| s == "Tove Lindqvist"),
        "{quotes:?}"
    );
    assert!(
        direct[2..].iter().all(|(_, _, s)| s == "Anders Brekke"),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|(_, t, s)| s == "Anders Brekke" && t.contains("talks would resume")),
        "{quotes:?}"
    );
}

#[test]
fn an_older_mht_with_a_base64_root_part_in_windows_1252() {
    let l = fixture("lighthouse-museum.mht");
    let a = &l.article;
    assert_eq!(l.format, Format::Mhtml);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    // The root part is the one `start` names, not the first HTML part (an ad frame); its
    // charset comes from its header (windows-1252: the curly apostrophe and accents).
    assert_eq!(
        a.title,
        "Lighthouse keeper\u{2019}s cottage to become a museum"
    );
    assert_eq!(a.byline, vec!["Mar\u{ED}a Sol\u{E9}r"]);
    assert_eq!(a.date.as_deref(), Some("3 June 2026"));
    // No canonical link in the page: the part's Content-Location is the source.
    assert_eq!(
        a.url.as_deref(),
        Some("https://nordholm.example/news/lighthouse-museum")
    );
    assert!(!a.body.contains("Advertisement"), "{}", a.body);
    assert_eq!(
        a.body,
        "The cottage beside the Nordholm lighthouse will open as a museum next summer, the \
         island council said on Wednesday.\n\n\
         \u{201C}It is the oldest house on the island,\u{201D} said Councillor Bj\u{F6}rn Aas. \
         \u{201C}It deserves better than a padlock.\u{201D}\n\n\
         Aas said the council would spend 300,000 crowns on a new roof."
    );
    let quotes = formats_support::said_directly(&l);
    assert!(
        quotes.iter().any(|(d, t, s)| *d
            && s == "Bj\u{F6}rn Aas"
            && t == "It is the oldest house on the island,"),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|(_, t, s)| s == "Bj\u{F6}rn Aas" && t.contains("300,000 crowns")),
        "{quotes:?}"
    );
}

/// A single-part message whose body is the page, with a charset on its header that
/// overrides the page's own `<meta charset>`; the Subject names the page when it has no
/// title.
#[test]
fn a_single_part_page_takes_its_charset_from_the_header_and_its_title_from_the_subject() {
    let mut mht = b"Subject: =?utf-8?B?QnJpZGdlIHRvbGxzIGVuZA==?=\r\n\
        Content-Type: text/html; charset=iso-8859-1\r\n\
        Content-Transfer-Encoding: 8bit\r\n\r\n\
        <html><head><meta charset=utf-8></head><body><p>Tolls on the bridge end in May, \
        the caf"
        .to_vec();
    mht.push(0xE9);
    mht.extend_from_slice(b" owner said.</p></body></html>\r\n");
    let l = load_bytes(&mht, Format::Mhtml).unwrap();
    assert_eq!(l.article.title, "Bridge tolls end");
    assert_eq!(
        l.article.body,
        "Tolls on the bridge end in May, the caf\u{E9} owner said."
    );
}

#[test]
fn hostile_headers_leave_no_control_character() {
    let mht = "Subject: =?utf-8?Q?Tolls=1B]0;pwned=07_end=1B[2J?=\r\n\
        Snapshot-Content-Location: https://x.example/\u{1b}]8;;evil\u{7}\r\n\
        Content-Type: text/html\r\n\r\n<p>The tolls end, the mayor said.</p>\r\n";
    let l = load_bytes(mht.as_bytes(), Format::Mhtml).unwrap();
    let a = &l.article;
    for s in [a.title.as_str(), a.url.as_deref().unwrap_or("")] {
        assert!(
            !s.chars().any(onrecord::safe_text::is_unsafe),
            "control character in {s:?}"
        );
    }
    assert!(a.title.starts_with("Tolls"), "{:?}", a.title);
}

#[test]
fn what_is_not_an_mhtml_page_is_refused_with_a_reason() {
    let no_html = "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
        Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
    let e = load_bytes(no_html.as_bytes(), Format::Mhtml).unwrap_err();
    assert!(e.to_string().contains("no text/html part"), "{e}");

    let e = load_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Format::Mhtml).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");

    // An HTML part that decodes to binary is refused as such.
    let png = "Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n\
        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg==\r\n";
    let e = load_bytes(png.as_bytes(), Format::Mhtml).unwrap_err();
    assert!(e.to_string().contains("HTML part is"), "{e}");

    // A multipart message without its boundary parameter still loads or is refused, never
    // hangs or panics.
    let no_boundary = "Content-Type: multipart/related\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n";
    let _ = load_bytes(no_boundary.as_bytes(), Format::Mhtml);
}

/// A saved page of 10,000 parts loads in bounded time.
#[test]
fn ten_thousand_parts_load_quickly() {
    let mut mht = String::from(
        "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
         Content-Type: text/html\r\n\r\n<p>The ferry runs again, the harbour master said.</p>\r\n",
    );
    for i in 0..10_000 {
        mht.push_str(&format!(
            "--b\r\nContent-Type: image/gif\r\nContent-Location: cid:{i}\r\n\r\nR0lGODlh\r\n"
        ));
    }
    mht.push_str("--b--\r\n");
    let started = std::time::Instant::now();
    let l = load_bytes(mht.as_bytes(), Format::Mhtml).unwrap();
    assert_eq!(
        l.article.body,
        "The ferry runs again, the harbour master said."
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

/// `index`, `search`, `quotes` and `extract` through the real binary on a folder of saved
/// MHTML pages, which they leave as they were.
#[test]
fn the_commands_read_mhtml_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mhtml");
    for name in ["ferry-strike.mhtml", "lighthouse-museum.mht"] {
        std::fs::copy(data.join(name), lib.join(name)).unwrap();
    }
    let before: Vec<Vec<u8>> = ["ferry-strike.mhtml", "lighthouse-museum.mht"]
        .iter()
        .map(|n| std::fs::read(lib.join(n)).unwrap())
        .collect();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.run(args);
    let (db_s, lib_s) = (db.to_str().unwrap(), lib.to_str().unwrap());
    let out = run(&["index", "--index", db_s, lib_s]);
    assert!(out.contains("2 new"), "{out}");
    let out = run(&["search", "--index", db_s, "--json", "padlock"]);
    assert!(out.contains("lighthouse-museum.mht"), "{out}");
    let out = run(&[
        "quotes",
        "--index",
        db_s,
        "--speaker",
        "Lindqvist",
        "--json",
    ]);
    assert!(out.contains("Nobody on these boats"), "{out}");
    let out = run(&["extract", "--format", "json", lib_s]);
    let titles: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "\"Ferry crews vote to strike over night rotas\"",
            "\"Lighthouse keeper\u{2019}s cottage to become a museum\""
        ]
    );
    for (n, b) in ["ferry-strike.mhtml", "lighthouse-museum.mht"]
        .iter()
        .zip(before)
    {
        assert_eq!(std::fs::read(lib.join(n)).unwrap(), b);
    }
}

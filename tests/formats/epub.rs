//! EPUB books: each chapter of the reading order is an article titled from the table of
//! contents. The book in `tests/data/epub/book/` is written for these tests as text files;
//! each test zips it (as an EPUB is made: `mimetype` first) into a temporary `.epub`.

use crate::formats_support;
use onrecord::article::load::{DEFAULT_MAX_BYTES, load_file_items, split_items_capped};
use onrecord::article::{Format, Loaded};
use std::io::Write;
use std::path::{Path, PathBuf};

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/epub/book")
}

/// The book as EPUB bytes, each file passed through `edit` (path, text) first.
fn zip_book(edit: impl Fn(&str, String) -> String) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let root = book_dir();
    let mut files = vec!["mimetype".to_string()];
    let mut stack = vec![root.clone()];
    let mut rest = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
                if rel != "mimetype" {
                    rest.push(rel);
                }
            }
        }
    }
    rest.sort();
    files.extend(rest);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for f in files {
        let text = std::fs::read_to_string(root.join(&f)).unwrap();
        w.start_file(f.as_str(), stored).unwrap();
        w.write_all(edit(&f, text).as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn write_book(dir: &Path, bytes: &[u8]) -> PathBuf {
    let p = dir.join("june.epub");
    std::fs::write(&p, bytes).unwrap();
    p
}

fn chapters(bytes: &[u8]) -> Vec<(String, Loaded)> {
    let tmp = tempfile::tempdir().unwrap();
    let p = write_book(tmp.path(), bytes);
    load_file_items(&p, DEFAULT_MAX_BYTES)
        .unwrap()
        .into_iter()
        .map(|(k, l)| (k, l.unwrap()))
        .collect()
}

fn speakers(l: &Loaded) -> Vec<String> {
    onrecord::extract::analyze(&l.article)
        .quotes
        .iter()
        .filter_map(|q| q.speaker.clone())
        .collect()
}

#[test]
fn each_chapter_is_an_article_titled_from_the_contents() {
    let items = chapters(&zip_book(|_, t| t));
    let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    // The cover (no text to speak of), the contents and the notes (outside the reading
    // order) are not articles.
    assert_eq!(
        keys,
        ["OEBPS/text/wind_farm.xhtml", "OEBPS/text/museum.xhtml"]
    );
    let (_, wind) = &items[0];
    assert_eq!(wind.format, Format::Epub);
    let a = &wind.article;
    assert_eq!(a.title, "Offshore wind farm wins approval");
    // The chapter's own byline; the book's date and publisher as fallbacks.
    assert_eq!(a.byline, vec!["Lena Str\u{F8}m"]);
    assert_eq!(a.date.as_deref(), Some("2026-06-15"));
    assert_eq!(a.outlet.as_deref(), Some("Harbour Digest"));
    assert_eq!(
        a.body,
        "The national energy agency approved on Tuesday a wind farm of forty turbines off the \
         Skerra coast, the largest in the region, after three years of hearings.\n\n\
         \u{201C}This is the day the island stops importing its power,\u{201D} said Erik \
         Solheim, who chairs the island council. \u{201C}Every house will run on the \
         wind.\u{201D}\n\n\
         Fishing groups said the turbines would close waters they had worked for generations. \
         Their spokeswoman, Karin Dahl, said they would appeal."
    );
    let s = speakers(wind);
    assert!(s.iter().any(|n| n == "Erik Solheim"), "{s:?}");
    assert!(s.iter().any(|n| n == "Karin Dahl"), "{s:?}");

    let (_, museum) = &items[1];
    // Its own <title> says "museum": the contents' entry names it.
    assert_eq!(museum.article.title, "Maritime museum doubles its visitors");
    // No byline of its own: the book's author.
    assert_eq!(museum.article.byline, vec!["Read-later export"]);
    assert!(
        speakers(museum).iter().any(|n| n == "Ines Halvorsen"),
        "{:?}",
        speakers(museum)
    );
}

#[test]
fn an_epub_2_book_takes_its_titles_from_the_ncx() {
    let book = zip_book(|f, t| {
        if f.ends_with("content.opf") {
            t.replace(" properties=\"nav\"", "")
        } else {
            t
        }
    });
    let items = chapters(&book);
    let titles: Vec<&str> = items
        .iter()
        .map(|(_, l)| l.article.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Wind farm approved (NCX)", "Museum visitors double (NCX)"]
    );
}

#[test]
fn broken_books_are_refused_with_a_reason() {
    let book = zip_book(|_, t| t);
    // Cut in half: the zip's directory is gone.
    let e = split_items_capped(&book[..book.len() / 2], Format::Epub, DEFAULT_MAX_BYTES)
        .unwrap_err()
        .to_string();
    assert!(e.contains("not an EPUB"), "{e}");
    // A zip without the container file.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(b"hello").unwrap();
    let other = w.finish().unwrap().into_inner();
    let e = split_items_capped(&other, Format::Epub, DEFAULT_MAX_BYTES)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no META-INF/container.xml"), "{e}");
    // A book bigger once decompressed than the limit: stopped at the limit.
    let e = split_items_capped(&book, Format::Epub, 2_000)
        .unwrap_err()
        .to_string();
    assert!(e.contains("limits.max_file_bytes"), "{e}");
}

/// A compressed chapter that inflates past the limit (a zip bomb) is stopped there.
#[test]
fn a_zip_bomb_stops_at_the_limit() {
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("mimetype", "application/epub+zip".to_string()),
        (
            "META-INF/container.xml",
            "<container><rootfiles><rootfile full-path=\"c.opf\"/></rootfiles></container>"
                .to_string(),
        ),
        (
            "c.opf",
            "<package><manifest><item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>\
             </manifest><spine><itemref idref=\"a\"/></spine></package>"
                .to_string(),
        ),
    ] {
        w.start_file(name, deflated).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.start_file("a.xhtml", deflated).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        w.write_all(&zeros).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let started = std::time::Instant::now();
    let e = split_items_capped(&bomb, Format::Epub, 8 << 20)
        .unwrap_err()
        .to_string();
    assert!(e.contains("over the limit"), "{e}");
    assert!(started.elapsed().as_secs() < 10);
}

/// The commands name a chapter `PATH#KEY`; the book is left as it was.
#[test]
fn the_commands_read_a_book() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("books");
    std::fs::create_dir(&lib).unwrap();
    let bytes = zip_book(|_, t| t);
    let book = write_book(&lib, &bytes);
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.run(args);
    let (db_s, lib_s) = (db.to_str().unwrap(), lib.to_str().unwrap());
    let out = run(&["index", "--index", db_s, lib_s]);
    assert!(out.starts_with("1 files seen: 1 new"), "{out}");
    let out = run(&["search", "--index", db_s, "lightship"]);
    assert!(
        out.starts_with(&format!("{}#OEBPS/text/museum.xhtml\t", book.display())),
        "{out}"
    );
    let out = run(&["quotes", "--index", db_s, "--speaker", "Erik Solheim"]);
    assert!(
        out.contains("june.epub#OEBPS/text/wind_farm.xhtml"),
        "{out}"
    );
    assert_eq!(std::fs::read(&book).unwrap(), bytes);
}

/// A chapter listed twice in the spine is one article (keys stay unique in the file).
#[test]
fn a_chapter_listed_twice_is_one_article() {
    let book = zip_book(|f, t| {
        if f.ends_with("content.opf") {
            t.replace(
                "<itemref idref=\"c2\"/>",
                "<itemref idref=\"c2\"/><itemref idref=\"c1\"/>",
            )
        } else {
            t
        }
    });
    let keys: Vec<String> = chapters(&book).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        ["OEBPS/text/wind_farm.xhtml", "OEBPS/text/museum.xhtml"]
    );
}

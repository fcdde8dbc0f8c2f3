//! Invariants every loaded article and every analysis must hold, whatever the input.
//! Used by the fuzz targets (`fuzz/`), by the replay of their crash inputs
//! (`tests/extraction/regressions.rs`) and by `tests/formats/malformed.rs`.

use onrecord::article::{Article, Format, Loaded};
use onrecord::extract::{self, Analysis};
use std::ops::Range;

/// Text that reaches the reader must hold no control characters or escape sequences
/// (newlines are allowed in the body, nowhere else).
pub fn check_clean(what: &str, s: &str, newlines_ok: bool) {
    for c in s.chars() {
        let bad = onrecord::article::hygiene::is_unsafe_char(c)
            || c == '\u{1B}'
            || (c == '\n' && !newlines_ok)
            || (c.is_control() && c != '\n');
        assert!(!bad, "{what} holds control char {c:?}: {s:?}");
    }
}

/// A span must be a non-inverted byte range inside `body`, on char boundaries.
pub fn check_span(what: &str, body: &str, span: &Range<usize>) {
    assert!(
        span.start <= span.end && span.end <= body.len(),
        "{what} span {span:?} outside body of {} bytes",
        body.len()
    );
    assert!(
        body.is_char_boundary(span.start) && body.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Checks a loaded article: clean metadata and body.
pub fn check_article(article: &Article) {
    check_clean("title", &article.title, false);
    for b in &article.byline {
        check_clean("byline", b, false);
    }
    for (what, v) in [
        ("dateline", &article.dateline),
        ("date", &article.date),
        ("url", &article.url),
        ("language", &article.language),
    ] {
        if let Some(v) = v {
            check_clean(what, v, false);
        }
    }
    check_clean("body", &article.body, true);
    // Paragraph ranges tile the body.
    for r in article.paragraph_ranges() {
        check_span("paragraph", &article.body, &r);
    }
}

/// Checks an analysis against the article it came from.
pub fn check_analysis(article: &Article, analysis: &Analysis) {
    let body = &article.body;
    let mut last = 0;
    for (i, q) in analysis.quotes.iter().enumerate() {
        check_span("quote", body, &q.span);
        assert!(
            q.span.start >= last,
            "quotes not sorted by start: quote {i} starts at {} after {last}",
            q.span.start
        );
        last = q.span.start;
        if let Some(s) = &q.speaker_span {
            check_span("speaker", body, s);
        }
        if let Some(e) = q.speaker_entity {
            assert!(
                e < analysis.entities.len(),
                "quote {i} names entity {e} of {}",
                analysis.entities.len()
            );
        }
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            check_span("mention", body, m);
        }
    }
    // The output layer must accept every analysis.
    let json = onrecord::output::json_article("fuzz", article, analysis, Vec::new());
    serde_json::to_string(&json).expect("analysis serializes");
    let report = onrecord::output::text_report("fuzz", article, analysis, true);
    check_clean("text report", &report.replace('\n', " "), false);
}

/// Loads bytes in one format and checks everything; returns the analysis when it loaded.
pub fn load_and_check(bytes: &[u8], format: Format) -> Option<(Loaded, Analysis)> {
    let loaded = onrecord::article::load::load_bytes(bytes, format).ok()?;
    check_article(&loaded.article);
    let analysis = extract::analyze(&loaded.article);
    check_analysis(&loaded.article, &analysis);
    // Pure and deterministic (checked on a quarter of the inputs, chosen by length so a
    // failure reproduces, to leave the fuzzer time for new inputs).
    if bytes.len().is_multiple_of(4) {
        assert_eq!(
            analysis,
            extract::analyze(&loaded.article),
            "analyze is not deterministic"
        );
    }
    Some((loaded, analysis))
}

/// A file in one format that holds one article: it loads and passes every check, or it is
/// refused with a clean reason. Returns what loaded.
pub fn load_or_refuse(data: &[u8], format: Format) -> Option<Loaded> {
    match load_and_check(data, format) {
        Some((loaded, _)) => {
            if let Some(outlet) = &loaded.article.outlet {
                check_clean("outlet", outlet, false);
            }
            Some(loaded)
        }
        None => {
            let err = onrecord::article::load::load_bytes(data, format)
                .expect_err("load_and_check gave nothing, so loading failed");
            check_clean("refusal", &err.to_string(), false);
            None
        }
    }
}

/// A file of many articles, cut into its items by `split`: splitting never panics, every
/// key is one clean line without `#`, keys are unique within the file and the same when
/// the bytes are split again, and each item loads as [`load_and_check`] requires (or is
/// refused), also with what its file says of it.
pub fn run_items<'a, E>(
    data: &'a [u8],
    split: impl Fn(&'a [u8]) -> Result<Vec<onrecord::article::load::RawItem<'a>>, E>,
) {
    let Ok(items) = split(data) else {
        return;
    };
    let Ok(again) = split(data) else {
        panic!("the bytes split once but not twice");
    };
    let mut keys = std::collections::HashSet::new();
    for (item, same) in items.iter().zip(&again) {
        assert_eq!(item.key, same.key, "keys are stable");
        assert!(
            !item.key.is_empty() && !item.key.contains('#'),
            "{:?}",
            item.key
        );
        check_clean("key", &item.key, false);
        assert!(
            keys.insert(item.key.clone()),
            "duplicate key {:?}",
            item.key
        );
        load_and_check(&item.bytes, item.format);
        if let Ok(loaded) = onrecord::article::load::load_item(item) {
            check_article(&loaded.article);
            if let Some(outlet) = &loaded.article.outlet {
                check_clean("outlet", outlet, false);
            }
        }
    }
}

/// The `load_extract` target: the first byte picks the format (even: text, odd: Markdown),
/// the rest is the file.
pub fn run_load_extract(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let format = if first % 2 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    load_and_check(rest, format);
}

/// The `html` target: a saved page, loaded directly and through the dispatcher (which
/// refuses binary files, and loads everything else as html::load does).
pub fn run_html(data: &[u8]) {
    let loaded = onrecord::article::html::load(data);
    check_article(&loaded.article);
    match load_and_check(data, Format::Html) {
        Some((via_dispatch, _)) => assert_eq!(
            via_dispatch.article, loaded.article,
            "load_bytes and html::load disagree"
        ),
        None => assert!(
            onrecord::article::hygiene::binary_page(data).is_some(),
            "a page that is not binary was refused"
        ),
    }
}

/// The `config` target: any text gives a config or an error naming a real line and column,
/// in one line without control characters.
pub fn run_config(data: &[u8]) {
    use onrecord::config::{Config, ConfigError};
    let text = String::from_utf8_lossy(data);
    match Config::parse(&text, "fuzz.toml") {
        Ok(config) => {
            let again = Config::parse(&text, "fuzz.toml").expect("parses twice");
            assert_eq!(again, config, "parsing is not deterministic");
        }
        Err(ConfigError::Parse {
            line,
            column,
            message,
            ..
        }) => {
            let lines = text.split('\n').count();
            assert!(line >= 1 && line <= lines, "line {line} of {lines}");
            assert!(column >= 1, "column {column}");
            check_clean("config error", &message, false);
        }
        Err(e) => panic!("parse gave an I/O error: {e}"),
    }
}

/// The JSON Lines record of `extract --format json` for an article, as the command writes
/// it: it must hold no character the output policy keeps in (every one escaped) and decode
/// to exactly what was serialized.
pub fn check_json_output(article: &Article, analysis: &Analysis, warnings: Vec<String>) {
    let value = onrecord::output::json_article("fuzz\u{1b}[31m.md", article, analysis, warnings);
    let line = onrecord::safe_text::to_json_line(&value).expect("serializes");
    check_policy("JSON line", &line);
    let back: serde_json::Value = serde_json::from_str(&line).expect("the JSON line parses");
    let value = serde_json::to_value(&value).expect("serializes");
    assert_eq!(
        back, value,
        "the JSON line does not decode to what was written"
    );
}

/// No character the output policy (`onrecord::safe_text`) keeps in the program.
pub fn check_policy(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| onrecord::safe_text::is_unsafe(c)) {
        panic!("{what} lets {c:?} out: {s:?}");
    }
}

/// The `markdown` target: Markdown files, with the front matter the loader reads. The first
/// byte picks the shape: 0, 1 the rest as it is; 2 YAML and 3 TOML front matter made of the
/// rest up to its first NUL byte, followed by the text after it.
pub fn run_markdown(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let file = match first % 4 {
        2 => with_front_matter(b"---", rest),
        3 => with_front_matter(b"+++", rest),
        _ => rest.to_vec(),
    };
    let Some((loaded, analysis)) = load_and_check(&file, Format::Markdown) else {
        return;
    };
    assert_eq!(loaded.format, Format::Markdown);
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.0.clone()).collect();
    check_json_output(&loaded.article, &analysis, warnings);
    // Loading is pure: the same bytes give the same article (a quarter of the inputs).
    if file.len().is_multiple_of(4) {
        let again = onrecord::article::load::load_bytes(&file, Format::Markdown)
            .expect("loaded once, loads again");
        assert_eq!(
            again.article, loaded.article,
            "loading is not deterministic"
        );
        assert_eq!(again.warnings, loaded.warnings);
    }
}

fn with_front_matter(fence: &[u8], rest: &[u8]) -> Vec<u8> {
    let (fm, text) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    [fence, b"\n", fm, b"\n", fence, b"\n", text].concat()
}

/// One file of the `index` target's library.
pub struct LibraryFile {
    /// Path under the library folder (bytes: not always UTF-8).
    pub rel: Vec<u8>,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// Splits fuzz bytes into at most four library files, at each 0x1E byte (record separator).
/// In each, the first byte picks the format (modulo 3: text, Markdown, HTML), whether the
/// file sits in a subfolder (bit 7), and how many of the next bytes (bits 2-4, up to 7)
/// go into its name; the rest is the file.
pub fn library_files(data: &[u8]) -> Vec<LibraryFile> {
    let mut files = Vec::new();
    for (i, part) in data.split(|&b| b == 0x1E).take(4).enumerate() {
        let Some((&head, rest)) = part.split_first() else {
            continue;
        };
        let (format, ext) = match head % 3 {
            0 => (Format::Text, "txt"),
            1 => (Format::Markdown, "md"),
            _ => (Format::Html, "html"),
        };
        let name_len = usize::from((head >> 2) & 7).min(rest.len());
        let (name, bytes) = rest.split_at(name_len);
        let mut rel = Vec::new();
        if head & 0x80 != 0 {
            rel.extend_from_slice(b"sub/");
        }
        rel.extend_from_slice(format!("{i}-").as_bytes());
        rel.extend(name.iter().copied().filter(|&b| b != b'/' && b != 0));
        rel.extend_from_slice(format!(".{ext}").as_bytes());
        files.push(LibraryFile {
            rel,
            format,
            bytes: bytes.to_vec(),
        });
    }
    files
}

/// Where the `index` target makes its libraries: memory when the system has it.
fn scratch() -> std::path::PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// A new, empty index made once per process and written out for each input: creating the schema
/// (parsing and running every migration) took a third of the time of an input, and does not
/// depend on it. The copy is opened as an existing index, as every run after the first is.
fn empty_index() -> &'static [u8] {
    static EMPTY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("onrecord-fuzz-empty-")
            .tempdir_in(scratch())
            .expect("scratch folder");
        let path = dir.path().join("index.sqlite3");
        // Closing the connection writes the log into the file: the file is the whole index.
        drop(onrecord::library::db::Index::open(&path, false).expect("a new index"));
        std::fs::read(&path).expect("the new index")
    })
}

/// What the queries say about an index, compared before and after a run that must change
/// nothing.
#[derive(Debug, PartialEq)]
pub struct IndexView {
    articles: Vec<onrecord::library::ArticleSummary>,
    speakers: Vec<onrecord::library::SpeakerSummary>,
    quotes: Vec<Vec<onrecord::library::QuoteHit>>,
    searches: Vec<Vec<onrecord::library::SearchHit>>,
}

/// The `index` target: a small library made from the bytes ([`library_files`]) is indexed
/// into a new SQLite index through `indexer::open_and_update`, as `onrecord index` does, then
/// queried. Checks: no panic and no error; every file is counted once (indexed, or failed
/// when loading it fails); each stored article is the loaded one, its stored analysis is
/// `analyze` of it, and it is found back by a word of its body; speaker, quote and article
/// counts agree with the quotes listed; every span lies on char boundaries inside its body;
/// what the queries return is clean (no control character outside the body's paragraph
/// breaks) and passes the output policy as JSON; any query text is accepted; a second run on
/// the same files changes nothing.
pub fn run_index(data: &[u8]) {
    use onrecord::library::indexer::{self, IndexOptions, Scope};
    use std::os::unix::ffi::OsStrExt;
    let files = library_files(data);
    let tmp = tempfile::Builder::new()
        .prefix("onrecord-fuzz-")
        .tempdir_in(scratch())
        .expect("scratch folder");
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).expect("library folder");
    for f in &files {
        let path = lib.join(std::ffi::OsStr::from_bytes(&f.rel));
        std::fs::write(&path, &f.bytes).expect("library file");
    }
    let db = tmp.path().join("data").join("index.sqlite3");
    std::fs::create_dir_all(tmp.path().join("data")).expect("index folder");
    std::fs::write(&db, empty_index()).expect("a new index");
    let opts = IndexOptions {
        batch_size: 2,
        ..IndexOptions::default()
    };
    let scope = Scope::Roots(vec![lib.clone()]);
    let mut notices = Vec::new();
    let mut on_event = |e| {
        if let indexer::IndexEvent::Notice(n) = e {
            notices.push(n)
        }
    };
    let first = indexer::open_and_update(&db, &scope, &opts, &mut on_event).expect("first run");
    // What loading each file gives on its own.
    let expected: Vec<Option<Article>> = files
        .iter()
        .map(|f| {
            onrecord::article::load::load_bytes(&f.bytes, f.format)
                .ok()
                .map(|l| l.article)
        })
        .collect();
    let loaded = expected.iter().filter(|a| a.is_some()).count();
    assert!(notices.is_empty(), "notices on a new index: {notices:?}");
    assert!(first.scan_errors.is_empty(), "{:?}", first.scan_errors);
    assert_eq!(first.seen, files.len(), "files seen: {first:?}");
    assert_eq!(first.new, loaded, "files indexed: {first:?}");
    assert_eq!(
        first.failed,
        files.len() - loaded,
        "files failed: {first:?}"
    );
    assert_eq!(first.failures.len(), first.failed, "{first:?}");
    let queries: Vec<String> = data
        .split(|&b| b == 0x1E)
        .map(|p| String::from_utf8_lossy(&p[..p.len().min(40)]).into_owned())
        .collect();
    let view = index_view(&db, &lib, &files, &expected, &queries);

    let mut notices = Vec::new();
    let mut on_event = |e| {
        if let indexer::IndexEvent::Notice(n) = e {
            notices.push(n)
        }
    };
    let second = indexer::open_and_update(&db, &scope, &opts, &mut on_event).expect("second run");
    assert!(notices.is_empty(), "notices on the second run: {notices:?}");
    assert_eq!(
        (second.seen, second.unchanged, second.failed),
        (first.seen, loaded, first.failed),
        "the second run: {second:?}"
    );
    assert_eq!(
        second.new + second.changed + second.reextracted + second.removed,
        0,
        "the second run changed something: {second:?}"
    );
    let again = index_view(&db, &lib, &files, &expected, &queries);
    assert_eq!(
        again, view,
        "the same files indexed again answer differently"
    );
}

/// Queries the index and checks what it says against the files; returns what it said.
fn index_view(
    db: &std::path::Path,
    lib: &std::path::Path,
    files: &[LibraryFile],
    expected: &[Option<Article>],
    queries: &[String],
) -> IndexView {
    use onrecord::library::Store;
    use onrecord::library::sqlite::SqliteStore;
    use std::collections::{BTreeMap, BTreeSet};
    use std::os::unix::ffi::OsStrExt;
    let store = SqliteStore::open_existing(db).expect("the index opens");
    let mut articles = store.articles().expect("articles");
    articles.sort_by_key(|a| a.id);
    assert_eq!(
        articles.len(),
        expected.iter().filter(|a| a.is_some()).count(),
        "articles listed"
    );
    let mut bodies = BTreeMap::new();
    let mut quote_total = 0;
    let mut searches = Vec::new();
    for a in &articles {
        let rel = a.path.strip_prefix(lib).unwrap_or_else(|_| {
            panic!("{:?} is not under the library {lib:?}", a.path);
        });
        let i = files
            .iter()
            .position(|f| f.rel == rel.as_os_str().as_bytes())
            .unwrap_or_else(|| panic!("{rel:?} is not a file of the library"));
        let want = expected[i]
            .as_ref()
            .unwrap_or_else(|| panic!("{rel:?} is indexed but does not load"));
        let (article, analysis) = store.open(a.id).expect("open");
        assert_eq!(article.body, want.body, "{rel:?}: stored body");
        check_article(&article);
        check_clean("listed title", &a.title, false);
        assert_eq!(a.title, article.title);
        for b in &a.byline {
            check_clean("listed byline", b, false);
        }
        assert_eq!(
            analysis,
            extract::analyze(&article),
            "{rel:?}: the stored analysis is not the article's"
        );
        assert_eq!(a.quote_count, analysis.quotes.len(), "{rel:?}: quote count");
        quote_total += analysis.quotes.len();
        for q in &analysis.quotes {
            check_span("stored quote", &article.body, &q.span);
        }
        // Found back by a word of its body.
        if let Some(word) = plain_word(&article.body) {
            let hits = store.search(word, 100).expect("search");
            assert!(
                hits.iter().any(|h| h.article == a.id),
                "{rel:?} is not found by {word:?} from its body: {hits:?}"
            );
            searches.push(hits);
        }
        bodies.insert(a.id, article.body);
    }
    // Any text is a query.
    for q in queries {
        let hits = store.search(q, 100).expect("any query text is accepted");
        searches.push(hits);
    }
    for hit in searches.iter().flatten() {
        assert!(bodies.contains_key(&hit.article), "a hit outside the list");
        check_clean("hit title", &hit.title, false);
        check_clean("snippet", &hit.snippet, true);
        let json = serde_json::json!({
            "path": hit.path.to_string_lossy(), "title": hit.title, "snippet": hit.snippet,
        });
        check_policy(
            "search --json",
            &onrecord::safe_text::to_json_line(&json).unwrap(),
        );
    }
    let speakers = store.speakers().expect("speakers");
    let mut quotes = Vec::new();
    let mut listed = 0;
    for s in &speakers {
        check_clean("speaker", &s.name, false);
        let hits = store
            .quotes_by(&s.name)
            .expect("quotes of a listed speaker");
        assert_eq!(hits.len(), s.quotes, "{:?}: quotes listed", s.name);
        let in_articles: BTreeSet<_> = hits.iter().map(|h| h.article).collect();
        assert_eq!(
            in_articles.len(),
            s.articles,
            "{:?}: articles listed",
            s.name
        );
        for h in &hits {
            let body = bodies
                .get(&h.article)
                .unwrap_or_else(|| panic!("a quote of {:?} outside the list", s.name));
            check_span("quote hit", body, &(h.start..h.end));
            assert_eq!(h.char_start, body[..h.start].chars().count(), "char start");
            assert_eq!(h.char_end, body[..h.end].chars().count(), "char end");
            check_clean("quote text", &h.text, true);
            check_clean("quote speaker", &h.speaker, false);
            let json = serde_json::json!({
                "path": h.path.to_string_lossy(), "title": h.title, "speaker": h.speaker,
                "text": h.text, "start": h.char_start, "end": h.char_end,
            });
            check_policy(
                "quotes --json",
                &onrecord::safe_text::to_json_line(&json).unwrap(),
            );
        }
        listed += hits.len();
        quotes.push(hits);
    }
    assert!(
        listed <= quote_total,
        "{listed} quotes listed by speaker, {quote_total} in the articles"
    );
    IndexView {
        articles,
        speakers,
        quotes,
        searches,
    }
}

/// A word of `body` that the full-text index surely holds as it is: ASCII letters and
/// digits between ASCII spaces or punctuation (or the ends of the body).
fn plain_word(body: &str) -> Option<&str> {
    body.split(|c: char| c.is_ascii_whitespace() || c.is_ascii_punctuation())
        .find(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()))
}

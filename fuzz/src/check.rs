//! Invariants every loaded article and every analysis must hold, whatever the input.
//! Used by the fuzz targets and by `tests/regressions.rs`.

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

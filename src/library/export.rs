//! Quotes written out with their citations: `onrecord quotes --format csv|markdown|json`
//! and the reader's export (`x`). Every quote is cited by [`crate::citation`] (reported
//! speech never inside quotation marks), and every field goes through the output policy
//! ([`crate::safe_text`]): one line, no control character.

use super::{ArticleId, QuoteHit, Store};
use crate::article::Article;
use crate::citation::{Cited, Source, cite, quote_text};
use crate::extract::{Analysis, Quote};
use crate::safe_text::one_line;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How quotes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines, one quote per line, with its citation.
    Json,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// A Markdown list: one quote with its citation per item.
    Markdown,
}

/// One quote with everything an export shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: PathBuf,
    /// The article's key inside its file (empty for a file of one article).
    pub item: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub speaker: Option<String>,
    pub kind: crate::extract::QuoteKind,
    /// The words as the article has them (no quotation marks added).
    pub text: String,
    /// The quote as it is cited alone (marks for quoted words, reported speech as such).
    pub quoted: String,
    /// The quote and its source on one line ([`cite`]).
    pub citation: String,
    /// Character offsets into the article body.
    pub start: usize,
    pub end: usize,
}

impl Row {
    /// Quote `q` of `article` (found at `path`); `start`/`end` are its character offsets.
    pub fn new(article: &Article, path: &Path, q: &Quote, start: usize, end: usize) -> Row {
        let cited = Cited::from_quote(&article.body, q);
        let source = Source::of_article(article, Some(path));
        Row {
            path: path.to_path_buf(),
            item: String::new(),
            title: article.title.clone(),
            date: article.date.clone(),
            url: article.url.clone(),
            speaker: q.speaker.clone(),
            kind: q.kind,
            text: cited.text.to_string(),
            quoted: quote_text(&cited),
            citation: cite(&cited, &source),
            start,
            end,
        }
    }
}

/// Every quote of one article, in order.
pub fn article_rows(article: &Article, analysis: &Analysis, path: &Path) -> Vec<Row> {
    let mut offsets = crate::words::CharOffsets::new(&article.body);
    analysis
        .quotes
        .iter()
        .map(|q| {
            let start = offsets.at(q.span.start);
            let len = article
                .body
                .get(q.span.clone())
                .map_or(0, |t| t.chars().count());
            Row::new(article, path, q, start, start + len)
        })
        .collect()
}

/// The rows of library hits, each article opened once while its hits follow one another
/// (hits come in library order). A hit whose article or quote is gone is left out.
pub struct HitRows<'a> {
    store: &'a dyn Store,
    open: Option<(ArticleId, Article, Analysis)>,
}

impl<'a> HitRows<'a> {
    pub fn new(store: &'a dyn Store) -> HitRows<'a> {
        HitRows { store, open: None }
    }

    pub fn row(&mut self, h: &QuoteHit) -> anyhow::Result<Option<Row>> {
        if self.open.as_ref().is_none_or(|(id, _, _)| *id != h.article) {
            let (a, an) = self.store.open(h.article)?;
            self.open = Some((h.article, a, an));
        }
        let Some((_, article, analysis)) = &self.open else {
            return Ok(None);
        };
        // Under the speaker's name as the hit gives it (the user's renames and merges).
        Ok(analysis.quotes.get(h.quote_index).map(|q| {
            let q = crate::extract::Quote {
                speaker: Some(h.speaker.clone()),
                ..q.clone()
            };
            Row {
                item: h.item.clone(),
                ..Row::new(article, &h.path, &q, h.char_start, h.char_end)
            }
        }))
    }
}

/// What comes before the rows: the CSV header, a Markdown heading.
pub fn write_start(out: &mut impl Write, format: Format, heading: &str) -> std::io::Result<()> {
    match format {
        Format::Csv => writeln!(
            out,
            "speaker,kind,text,citation,title,date,url,path,start,end"
        ),
        Format::Markdown => writeln!(out, "# {}\n", markdown(&one_line(heading, 300))),
        Format::Json => Ok(()),
    }
}

/// One quote.
pub fn write_row(out: &mut impl Write, format: Format, r: &Row) -> std::io::Result<()> {
    let kind = r.kind.as_str();
    match format {
        Format::Json => {
            let mut obj = serde_json::json!({
                "path": r.path.to_string_lossy(),
                "title": r.title,
                "date": r.date,
                "url": r.url,
                "speaker": r.speaker,
                "kind": kind,
                "text": r.text,
                "start": r.start,
                "end": r.end,
                "citation": r.citation,
            });
            if !r.item.is_empty() {
                obj["item"] = r.item.clone().into();
            }
            crate::safe_text::write_json_line(out, &obj)
        }
        Format::Csv => {
            let fields = [
                r.speaker.clone().unwrap_or_default(),
                kind.to_string(),
                r.text.clone(),
                r.citation.clone(),
                r.title.clone(),
                r.date.clone().unwrap_or_default(),
                r.url.clone().unwrap_or_default(),
                r.path.display().to_string(),
                r.start.to_string(),
                r.end.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", line.join(","))
        }
        Format::Markdown => writeln!(out, "- {}", markdown(&r.citation)),
    }
}

/// A CSV field: one line under the output policy, quoted when it holds a comma or a quote
/// mark (inner quote marks doubled), and never taken for a spreadsheet formula (a leading
/// `=`, `+`, `-` or `@` gets a `'` before it).
pub fn csv_field(s: &str) -> String {
    let mut s = one_line(s, usize::MAX);
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        s.insert(0, '\'');
    }
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Text that Markdown shows as written: one line, its markup characters escaped.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s, usize::MAX).chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes `rows` as a Markdown file named after `name` (and the time) in `dir`, which is
/// created when missing; refused when it is, or would be, inside one of the library
/// folders `roots` (symlinks followed). An existing file is never replaced. Returns the
/// file's path.
pub fn write_file(
    dir: &Path,
    name: &str,
    heading: &str,
    rows: &[Row],
    roots: &[PathBuf],
) -> anyhow::Result<PathBuf> {
    use anyhow::Context;
    let inside = |dir: &Path| -> anyhow::Result<()> {
        let real = super::indexer::real_location(dir)?;
        for r in roots.iter().map(|r| super::indexer::absolute(r)) {
            if real.starts_with(&r) {
                anyhow::bail!(
                    "the export folder {} is inside the library folder {}; onrecord never \
                     writes inside the library",
                    one_line(&real.display().to_string(), 300),
                    one_line(&r.display().to_string(), 300)
                );
            }
        }
        Ok(())
    };
    inside(dir)?;
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "cannot create {}",
            one_line(&dir.display().to_string(), 300)
        )
    })?;
    inside(dir)?;
    let stamp = crate::dates::timestamp(std::time::SystemTime::now())
        .replace([':', '-'], "")
        .replace('T', "-")
        .trim_end_matches('Z')
        .to_string();
    let base = format!("{}-{stamp}", slug(name));
    let mut text = Vec::new();
    write_start(&mut text, Format::Markdown, heading)?;
    for r in rows {
        write_row(&mut text, Format::Markdown, r)?;
    }
    for n in 0..100 {
        let file = match n {
            0 => dir.join(format!("{base}.md")),
            n => dir.join(format!("{base}-{n}.md")),
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
        {
            Ok(mut f) => {
                f.write_all(&text)
                    .and_then(|()| f.sync_all())
                    .with_context(|| {
                        format!(
                            "cannot write {}",
                            one_line(&file.display().to_string(), 300)
                        )
                    })?;
                return Ok(file);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "cannot create {}",
                        one_line(&file.display().to_string(), 300)
                    )
                });
            }
        }
    }
    anyhow::bail!("too many exports named {base} in {}", dir.display())
}

/// A file-name part made of `s`: lowercase ASCII letters and digits joined by `-`, at most
/// 40 characters (`quotes` when nothing is left).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + w.len() + 1 > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    if out.is_empty() {
        "quotes".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain words"), "plain words");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-12"), "-12");
        assert_eq!(csv_field("two\nlines\u{1b}[2J"), "two lines\u{fffd}[2J");
    }

    #[test]
    fn slugs_are_plain_file_names() {
        assert_eq!(slug("Ana María Ruiz"), "ana-mar-a-ruiz");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("\u{1b}[2J"), "2j");
        assert_eq!(slug("¿?"), "quotes");
        assert!(slug(&"word ".repeat(30)).len() <= 40);
    }

    #[test]
    fn markdown_shows_markup_as_written() {
        assert_eq!(
            markdown("*not bold* [x](y) <b>"),
            "\\*not bold\\* \\[x\\](y) \\<b\\>"
        );
        assert_eq!(markdown("a\nb"), "a b");
    }
}

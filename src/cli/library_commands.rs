//! The library commands of the command line: `index`, `quotes`, `speakers`, `search`.
//! [`super`] parses and dispatches; the bodies live here, over the queries of
//! [`crate::library`]. Everything printed goes through the output policy
//! ([`crate::safe_text`]).

use crate::config::Config;
use crate::library::indexer::{self, IndexEvent, IndexOptions, Scope};
use crate::library::query::{QUOTES_PAGE, absolute_roots, aliases_of, speaker_list};
use crate::library::sqlite::SqliteStore;
use crate::library::{QuoteHit, Store, export};
use crate::safe_text::one_line;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// File name of the index inside the data dir (or inside a folder given as the index).
pub const INDEX_FILE: &str = "index.sqlite3";

/// Where the index lives: `--index`, else `library.index` from the config, else the platform
/// data dir. A folder means the index file inside it.
pub fn index_path(flag: Option<&Path>, config: &Config) -> PathBuf {
    let p = flag
        .map(Path::to_path_buf)
        .or_else(|| config.library.index.clone())
        .unwrap_or_else(|| crate::dirs::data_dir().join(INDEX_FILE));
    if p.is_dir() { p.join(INDEX_FILE) } else { p }
}

/// One JSON Lines record, through the output policy (DEL, C1 and bidi controls escaped).
fn json_line(out: &mut impl Write, obj: &serde_json::Value) -> std::io::Result<()> {
    let line = crate::safe_text::to_json_line(obj)?;
    writeln!(out, "{line}")
}

fn shown(p: &Path) -> String {
    one_line(&p.display().to_string(), 1000)
}

/// An article as commands name it: `PATH#KEY` for one of many in a file, else `PATH`.
fn shown_item(p: &Path, item: &str) -> String {
    one_line(&crate::article::load::item_name(p, item), 1300)
}

/// `onrecord index [PATH...]`.
pub fn index(
    paths: &[PathBuf],
    db: &Path,
    check: bool,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let roots: Vec<PathBuf> = if paths.is_empty() {
        config.library.paths.clone()
    } else {
        paths.to_vec()
    };
    if roots.is_empty() {
        anyhow::bail!(
            "no library to index: give folders (`onrecord index PATH...`) or set library.paths in the config"
        );
    }
    let opts = IndexOptions {
        max_file_bytes: config.limits.max_file_bytes,
        check,
        ..IndexOptions::default()
    };
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} indexing [{bar:30}] {pos}/{len} files ({per_sec}, eta {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Some(b)
    } else {
        None
    };
    let mut on_event = |ev: IndexEvent| match ev {
        IndexEvent::Notice(n) => {
            let line = format!("onrecord: {}", one_line(&n, 2000));
            match &bar {
                Some(b) => b.println(line),
                None => crate::message!("{line}"),
            }
        }
        IndexEvent::Planned { total, .. } => {
            if let Some(b) = &bar {
                b.set_length(total as u64);
            }
        }
        IndexEvent::Progress { done, .. } | IndexEvent::Committed { done, .. } => {
            if let Some(b) = &bar {
                b.set_position(done as u64);
            }
        }
        _ => {}
    };
    let summary = indexer::open_and_update(db, &Scope::Roots(roots), &opts, &mut on_event)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    for e in &summary.scan_errors {
        crate::message!("onrecord: {}", one_line(e, 2000));
    }
    for (_, m) in &summary.failures {
        crate::message!("onrecord: {}", one_line(m, 2000));
    }
    // Not println!: it panics when stdout is closed (`onrecord index | head -1`); a closed
    // pipe ends the output quietly, as in other Unix tools.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", summary.line())
        .and_then(|_| writeln!(out, "index: {}", shown(db)))
        .and_then(|_| out.flush());
    // Like `extract`: the other files are indexed, and the exit status says some were not.
    if summary.failures.is_empty() && summary.scan_errors.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}

/// Which of a speaker's quotes `onrecord quotes` prints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteFilter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<crate::extract::QuoteKind>,
    /// At most this many.
    pub limit: Option<usize>,
    /// Only quotes of articles dated on or after this day (year, month, day); undated
    /// articles are left out then.
    pub since: Option<(i32, u32, u32)>,
}

impl QuoteFilter {
    fn keeps(&self, h: &QuoteHit) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&h.kind))
            && self.since.is_none_or(|since| {
                h.date
                    .as_deref()
                    .and_then(crate::dates::date_key)
                    .is_some_and(|d| d >= since)
            })
    }
}

/// `onrecord quotes --speaker NAME [--json]`.
/// `format` is `None` for the text lines, else an export format (with citations).
pub fn quotes(
    speaker: &str,
    filter: &QuoteFilter,
    format: Option<export::Format>,
    roots: Option<&[PathBuf]>,
    db: &Path,
) -> anyhow::Result<ExitCode> {
    let store = SqliteStore::open_existing(db)?;
    let roots = roots.map(absolute_roots);
    let aliases = aliases_of(&store);
    // The name typed may be one the user gave (a rename or merge), else a speaker's.
    let shown = match aliases.shown_as(speaker) {
        Some(shown) => Some(shown),
        None => match store.resolve_speaker(speaker)? {
            Some(key) => Some(aliases.display(&store.speaker_name(&key)?)),
            None => None,
        },
    };
    let Some(shown) = shown else {
        crate::message!(
            "onrecord: no quotes by \"{}\" in the index ({} articles)",
            one_line(speaker, 200),
            store.article_count()?
        );
        return Ok(ExitCode::FAILURE);
    };
    // Members are exact names (those found, and the one the user gave).
    let page_of = |member: &str, after: Option<&QuoteHit>, limit: usize| {
        let key = crate::library::speaker::key(member);
        match &roots {
            Some(r) => store.quotes_page_in(&key, r, after, limit),
            None => store.quotes_page_by_key(&key, after, limit),
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rows = export::HitRows::new(&store);
    if let Some(f) = format {
        let heading = format!("Quotes by {shown}");
        if export::write_start(&mut out, f, &heading).is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    // Page by page in library order: the first lines come at once and memory stays flat
    // for a speaker with a million quotes.
    let mut last: Option<QuoteHit> = None;
    let mut left = filter.limit.unwrap_or(usize::MAX);
    while left > 0 {
        let page = aliases.page(&shown, last.as_ref(), QUOTES_PAGE, page_of)?;
        let Some(end) = page.hits.last().cloned() else {
            if last.is_none() && roots.is_some() {
                let _ = out.flush();
                crate::message!(
                    "onrecord: no quotes by \"{}\" in {} (--all for the whole index)",
                    one_line(speaker, 200),
                    folders_named(roots.as_deref().unwrap_or_default())
                );
                return Ok(ExitCode::FAILURE);
            }
            break;
        };
        for h in page.hits.iter().filter(|h| filter.keeps(h)).take(left) {
            left -= 1;
            let r = match format {
                None => write_text_hit(&mut out, h),
                Some(f) => match rows.row(h)? {
                    Some(row) => export::write_row(&mut out, f, &row),
                    None => Ok(()),
                },
            };
            if r.is_err() {
                return Ok(ExitCode::SUCCESS); // stdout closed (| head)
            }
        }
        last = Some(end);
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

/// One quote as a tab-separated line: path, date, kind, character span, title, and the
/// quote (in quotation marks only when they are quoted words: reported speech is the
/// writer's).
fn write_text_hit(out: &mut impl Write, h: &QuoteHit) -> std::io::Result<()> {
    let text = one_line(&h.text, 10_000);
    let text = if h.kind == crate::extract::QuoteKind::Indirect {
        text
    } else {
        format!("\u{201C}{text}\u{201D}")
    };
    writeln!(
        out,
        "{}\t{}\t{}\t{}-{}\t{}\t{}",
        shown_item(&h.path, &h.item),
        one_line(h.date.as_deref().unwrap_or("-"), 40),
        h.kind.as_str(),
        h.char_start,
        h.char_end,
        one_line(&h.title, 200),
        text
    )
}

/// "the library folder X" or "the N library folders", for messages.
fn folders_named(roots: &[PathBuf]) -> String {
    match roots {
        [one] => shown(one),
        many => format!("the {} library folders", many.len()),
    }
}

/// `onrecord speakers [--json]`: the speakers of the articles under `roots` (every
/// speaker of the index when `None`).
pub fn speakers(json: bool, roots: Option<&[PathBuf]>, db: &Path) -> anyhow::Result<ExitCode> {
    let list = speaker_list(roots, db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for s in &list {
        let kind = crate::library::db::speaker_kind_str(s.kind);
        let r = if json {
            let obj = serde_json::json!({
                "name": s.name, "kind": kind, "quotes": s.quotes, "articles": s.articles,
            });
            json_line(&mut out, &obj)
        } else {
            writeln!(
                out,
                "{:>7} quotes {:>6} articles  {} ({kind})",
                s.quotes,
                s.articles,
                one_line(&s.name, 200)
            )
        };
        if r.is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

/// `onrecord search QUERY [--json]`.
pub fn search(query: &str, json: bool, limit: usize, db: &Path) -> anyhow::Result<ExitCode> {
    let store = SqliteStore::open_existing(db)?;
    let hits = store.search(query, limit)?;
    // Only the most recently indexed matches are ranked: say so when that cut the list.
    let cap = crate::library::sqlite::RANK_WINDOW as usize;
    if limit > cap && hits.len() >= cap && store.matches_more_than(query, cap)? {
        crate::message!(
            "onrecord: --limit {limit} capped at {cap} results: only the {cap} most recently \
             indexed matches are ranked; narrow the search with more words"
        );
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for h in &hits {
        let r = if json {
            let mut obj = serde_json::json!({
                "path": h.path.to_string_lossy(), "title": h.title, "snippet": h.snippet,
            });
            if !h.item.is_empty() {
                obj["item"] = h.item.clone().into();
            }
            json_line(&mut out, &obj)
        } else {
            writeln!(
                out,
                "{}\t{}\t{}",
                shown_item(&h.path, &h.item),
                one_line(&h.title, 200),
                one_line(&h.snippet, 400)
            )
        };
        if r.is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let _ = out.flush();
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

//! The command line: parses arguments and hands each command to its layer.
//! The library commands (`index`, `quotes`, `speakers`, `search`) live in
//! [`library_commands`].

pub mod library_commands;

use crate::article::load;
use crate::config::Config;
use crate::extract;
use crate::library;
use crate::output;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// onrecord: a terminal reader for saved news articles that knows who said what.
#[derive(Debug, Parser)]
#[command(name = "onrecord", version, about, long_about = None)]
pub struct Cli {
    /// Config file to use instead of the platform default.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Folders or files to open in the reader (default: the configured library, else the
    /// bundled sample library).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read newsboat's cache too (read-only): CACHE, else newsboat's own location.
    #[arg(long, value_name = "CACHE", num_args = 0..=1)]
    pub newsboat: Option<Option<PathBuf>>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the quotes, speakers and entities of article files.
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// Show, beside each quote, the rule that found it and the step that chose its
        /// speaker (the JSON output always carries them as `rule` and `speaker_rule`).
        #[arg(long)]
        explain: bool,
        /// Article files (.txt, .md, .html, .mhtml, .eml, .mbox, .rss, .atom, .epub), or PATH#KEY
        /// for one message of an mbox, item of a feed or chapter of a book; a folder stands for the article files in it
        /// (recursively, sorted by path).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Build or update the library index (the configured library when no path is given).
    Index {
        /// Library folders or files.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Index newsboat's cache too (read-only): CACHE, else newsboat's own location.
        #[arg(long, value_name = "CACHE", num_args = 0..=1)]
        newsboat: Option<Option<PathBuf>>,
        /// Index database to use instead of the configured one.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Verify the whole database first (PRAGMA quick_check; slow on big libraries).
        /// A damaged index is moved aside and rebuilt.
        #[arg(long)]
        check: bool,
    },
    /// Print one speaker's quotes across the indexed library.
    Quotes {
        /// The speaker's name (a surname works when only one speaker has it).
        #[arg(long, value_name = "NAME",
              add = clap_complete::engine::ArgValueCandidates::new(
                  crate::completion::speaker_candidates))]
        speaker: String,
        /// Only quotes of these kinds (repeat the flag or separate with commas).
        #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
        kind: Vec<QuoteKindArg>,
        /// At most this many quotes.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Only quotes of articles dated on or after this day (2024-03-02, "2 March 2024",
        /// "March 2024"); undated articles are left out.
        #[arg(long, value_name = "DATE", value_parser = parse_since)]
        since: Option<(i32, u32, u32)>,
        /// Output format: text lines, or with citations as JSON Lines, CSV or Markdown.
        #[arg(long, value_enum, conflicts_with = "json")]
        format: Option<QuotesFormat>,
        /// Only the articles under this folder or file (repeatable; default: the
        /// configured library.paths, else the whole index).
        #[arg(long = "library", value_name = "PATH", conflicts_with = "all")]
        library: Vec<PathBuf>,
        /// Every article of the index, whatever folder it is in.
        #[arg(long)]
        all: bool,
        /// JSON Lines instead of text.
        #[arg(long)]
        json: bool,
        /// Index database to use instead of the configured one.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
    },
    /// List the speakers of the indexed library with quote and article counts.
    Speakers {
        /// Only the articles under this folder or file (repeatable; default: the
        /// configured library.paths, else the whole index).
        #[arg(long = "library", value_name = "PATH", conflicts_with = "all")]
        library: Vec<PathBuf>,
        /// Every article of the index, whatever folder it is in.
        #[arg(long)]
        all: bool,
        /// JSON Lines instead of text.
        #[arg(long)]
        json: bool,
        /// Index database to use instead of the configured one.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
    },
    /// Full-text search over the indexed library (every word must match).
    Search {
        /// Words to find (every word is part of the query); any text is accepted.
        #[arg(required = true, num_args = 1.., value_name = "WORDS")]
        query: Vec<String>,
        /// JSON Lines instead of text.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Index database to use instead of the configured one.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
    },
    /// List the reader's keys (with the config's [keys] applied).
    Keys {
        /// As a Markdown table (for the README).
        #[arg(long)]
        markdown: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// `quotes --since DATE`: any date form the articles use, read as their dates are.
fn parse_since(s: &str) -> Result<(i32, u32, u32), String> {
    crate::dates::date_key(s).ok_or_else(|| {
        "not a date: write it as 2024-03-02, \"2 March 2024\" or \"March 2024\"".to_string()
    })
}

/// A kind of quote, as `quotes --kind` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteKindArg {
    /// Someone's words in quotation marks, a clause or more.
    Direct,
    /// A quoted fragment inside the writer's sentence.
    Partial,
    /// Reported speech, without quotation marks.
    Indirect,
}

impl From<QuoteKindArg> for crate::extract::QuoteKind {
    fn from(k: QuoteKindArg) -> Self {
        match k {
            QuoteKindArg::Direct => Self::Direct,
            QuoteKindArg::Partial => Self::Partial,
            QuoteKindArg::Indirect => Self::Indirect,
        }
    }
}

/// How `quotes` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    /// Tab-separated lines (the default).
    Text,
    /// JSON Lines with a citation per quote (as --json).
    Json,
    /// Comma-separated values with a header row and a citation per quote.
    Csv,
    /// A Markdown list of the quotes with their citations.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per file, per line (JSON Lines).
    Json,
    /// A readable report.
    Text,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    // A completion script calling back: answered before anything else is printed.
    crate::completion::answer_if_asked();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some((typed, meant)) = mistyped_command(&args) {
        crate::message!(
            "onrecord: '{}' is not a command, nor a file or folder here; did you mean '{meant}'?\n\
             (see `onrecord --help` for the commands)",
            crate::safe_text::one_line(&typed, 200)
        );
        return ExitCode::from(2);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Never `eprintln!`: with the terminal gone (a closed window), stderr fails
            // too, and that must not become a panic.
            crate::message!(
                "onrecord: {}",
                crate::safe_text::one_line(&format!("{e:#}"), 2000)
            );
            ExitCode::FAILURE
        }
    }
}

/// The command the user probably meant, when the first positional argument is neither a
/// command nor an existing path but close to a command's name (`speaker`, `quote --speaker
/// X`, `serch`): the typed word and the command. Without this, clap takes the word for a
/// path to open ("no such file") or trips on the command's options (`-- --speaker`).
pub fn mistyped_command(args: &[std::ffi::OsString]) -> Option<(String, String)> {
    let mut args = args.iter();
    let first = loop {
        let arg = args.next()?.to_string_lossy();
        if arg == "--" {
            return None;
        }
        if arg == "--config" {
            args.next();
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        break arg.into_owned();
    };
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .chain(["help".to_string()])
        .collect();
    if names.contains(&first) || first.contains(['/', '.']) || Path::new(&first).exists() {
        return None;
    }
    suggest_command(&first, &names).map(|meant| (first, meant))
}

/// The command name closest to `typed`: one it starts (three letters at least) or that
/// starts it, else one within two edits; `None` when nothing is that close.
pub fn suggest_command(typed: &str, names: &[String]) -> Option<String> {
    let typed = typed.to_lowercase();
    let prefix = |n: &str| {
        (typed.chars().count() >= 3 && n.starts_with(typed.as_str())) || typed.starts_with(n)
    };
    names
        .iter()
        .map(|n| {
            let d = if prefix(n) {
                0
            } else {
                edit_distance(&typed, n)
            };
            (d, n)
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.clone())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Prints a command-line error. Clap echoes the offending argument, which may be a file
/// name with escape sequences in it (`onrecord extract ~/Downloads/*`), so errors are
/// printed as plain text with every unsafe character made visible; help and version go
/// out as clap writes them.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
    }
    let text = e.render().to_string();
    let mut err = std::io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(err, "{}", crate::safe_text::visible(line));
    }
    ExitCode::from(e.exit_code().clamp(0, 255) as u8)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Completions { shell }) => {
            // Written into memory first, then out in one write that a closed stdout
            // (`onrecord completions bash | head`) turns into an exit status, not a panic.
            let program = std::env::args_os()
                .next()
                .unwrap_or_else(|| "onrecord".into());
            let script = crate::completion::script(shell, Path::new(&program))?;
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&script).and_then(|_| stdout.flush()) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::FAILURE),
                Err(e) => Err(e.into()),
            }
        }
        Some(Command::Extract {
            format,
            explain,
            files,
        }) => {
            let config = Config::load(cli.config.as_deref())?;
            Ok(extract_files(
                &files,
                format,
                explain,
                config.limits.max_file_bytes,
            ))
        }
        Some(Command::Index {
            paths,
            newsboat,
            index,
            check,
        }) => {
            let config = Config::load(cli.config.as_deref())?;
            let db = library_commands::index_path(index.as_deref(), &config);
            let paths = with_newsboat(paths, newsboat, &config)?;
            library_commands::index(&paths, &db, check, &config)
        }
        Some(Command::Quotes {
            speaker,
            kind,
            limit,
            since,
            format,
            library,
            all,
            json,
            index,
        }) => {
            let config = Config::load(cli.config.as_deref())?;
            let db = library_commands::index_path(index.as_deref(), &config);
            let filter = library_commands::QuoteFilter {
                kinds: kind.into_iter().map(Into::into).collect(),
                limit,
                since,
            };
            let roots = query_roots(library, all, &config);
            use library::export::Format;
            let format = match (json, format) {
                (true, _) | (_, Some(QuotesFormat::Json)) => Some(Format::Json),
                (_, Some(QuotesFormat::Csv)) => Some(Format::Csv),
                (_, Some(QuotesFormat::Markdown)) => Some(Format::Markdown),
                (_, Some(QuotesFormat::Text) | None) => None,
            };
            library_commands::quotes(&speaker, &filter, format, roots.as_deref(), &db)
        }
        Some(Command::Speakers {
            library,
            all,
            json,
            index,
        }) => {
            let config = Config::load(cli.config.as_deref())?;
            let db = library_commands::index_path(index.as_deref(), &config);
            let roots = query_roots(library, all, &config);
            library_commands::speakers(json, roots.as_deref(), &db)
        }
        Some(Command::Search {
            query,
            json,
            limit,
            index,
        }) => {
            let config = Config::load(cli.config.as_deref())?;
            let db = library_commands::index_path(index.as_deref(), &config);
            library_commands::search(&query.join(" "), json, limit, &db)
        }
        Some(Command::Keys { markdown }) => {
            let config = Config::load(cli.config.as_deref())?;
            let keymap = crate::tui::keymap::Keymap::new(&config.keys);
            let text = if markdown {
                keymap.to_markdown()
            } else {
                keymap.to_text()
            };
            let mut out = std::io::stdout().lock();
            if out.write_all(text.as_bytes()).is_err() {
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let config = Config::load(cli.config.as_deref())?;
            let paths = with_newsboat(cli.paths, cli.newsboat, &config)?;
            for p in &paths {
                if !p.exists() {
                    anyhow::bail!("{}: no such file or folder", p.display());
                }
            }
            crate::tui::app::check_terminal()?;
            let (library, notices) = reader_library(paths, &config)?;
            // The reader hides the terminal's scrollback: what it reports also goes to the
            // log (config::log) for later.
            crate::config::log::log_panics();
            let _ = crate::config::log::append(&notices);
            crate::tui::run(library, &config, notices)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The folders `speakers` and `quotes` answer for: those given with `--library`, else the
/// configured `library.paths`; `None` (the whole index) with `--all` or when neither is set.
fn query_roots(library: Vec<PathBuf>, all: bool, config: &Config) -> Option<Vec<PathBuf>> {
    if all {
        None
    } else if !library.is_empty() {
        Some(library)
    } else if !config.library.paths.is_empty() {
        Some(config.library.paths.clone())
    } else {
        None
    }
}

/// `store` with the user's speaker merges and renames (kept in the index database at
/// `db`); as it is when they cannot be read.
fn renamed<S: crate::library::Store + 'static>(
    store: S,
    db: &Path,
) -> std::sync::Arc<dyn crate::library::Store> {
    match crate::library::aliases::Renamed::open(store, db) {
        Ok(r) => std::sync::Arc::new(r),
        Err((store, _)) => std::sync::Arc::new(store),
    }
}

/// The reader's library: the bundled sample when no paths are given; else the SQLite index
/// of the paths (updated in the background), or, when the index cannot be opened, the
/// paths loaded into memory.
fn reader_library(
    paths: Vec<PathBuf>,
    config: &Config,
) -> anyhow::Result<(crate::tui::Library, Vec<String>)> {
    use crate::library::indexer::{IndexOptions, check_index_location};
    use crate::tui::Library;
    use std::sync::Arc;
    let db = library_commands::index_path(None, config);
    if paths.is_empty() {
        // The sample's read and starred marks are kept in the index database.
        let sample_dirs: Vec<PathBuf> = crate::sample::dir().into_iter().collect();
        let kept = check_index_location(&db, &sample_dirs).and_then(|()| {
            crate::library::remembered::Remembered::open(crate::sample::store(), &db)
        });
        return Ok(match kept {
            Ok((store, notices)) => (Library::Fixed(renamed(store, &db)), notices),
            Err(e) => (
                Library::Fixed(Arc::new(crate::sample::store())),
                vec![format!(
                    "reading state of the sample library not kept: {}",
                    crate::safe_text::one_line(&format!("{e:#}"), 300)
                )],
            ),
        });
    }
    check_index_location(&db, &paths)?;
    let opened = crate::library::db::Index::open(&db, false).map(|(ix, notices)| {
        // The index may also hold other folders indexed earlier: list only these.
        let store = crate::library::sqlite::SqliteStore::from_index(ix);
        (
            crate::library::scoped::ScopedStore::new(store, &paths),
            notices,
        )
    });
    match opened {
        Ok((store, notices)) => {
            // The reader indexes in the background: keep its memory low.
            let opts = IndexOptions {
                max_file_bytes: config.limits.max_file_bytes,
                ..IndexOptions::default()
            }
            .light();
            Ok((
                Library::Indexed {
                    store: renamed(store, &db),
                    roots: paths,
                    db,
                    opts,
                },
                notices,
            ))
        }
        Err(e) => {
            let store =
                crate::library::memory::MemoryStore::load(&paths, config.limits.max_file_bytes);
            Ok((
                Library::Fixed(Arc::new(store)),
                vec![format!(
                    "cannot use the index ({e:#}); reading the library without it"
                )],
            ))
        }
    }
}

/// `onrecord extract`: one result per file on stdout, errors per file on stderr.
pub fn extract_files(
    files: &[PathBuf],
    format: ExtractFormat,
    explain: bool,
    max_bytes: u64,
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut expanded = Vec::with_capacity(files.len());
    for path in files {
        if path.is_dir() {
            let (found, errors) = library::scan::scan(std::slice::from_ref(path));
            for e in &errors {
                failed += 1;
                crate::message!("onrecord: {}", crate::safe_text::one_line(e, 2000));
            }
            if found.is_empty() && errors.is_empty() {
                failed += 1;
                crate::message!(
                    "onrecord: {}: no article files (.txt, .md, .html, .mhtml, .eml, .mbox, .rss, .epub) in this folder",
                    crate::safe_text::one_line(&path.display().to_string(), 500)
                );
            }
            expanded.extend(found);
        } else {
            expanded.push(path.clone());
        }
    }
    for path in &expanded {
        let (path, wanted) = item_of(path);
        let path = path.as_path();
        let shown = path.display().to_string();
        let items = match load::load_file_items(path, max_bytes) {
            Ok(items) => items,
            Err(e) => vec![(String::new(), Err(e))],
        };
        let mut found = false;
        for (key, loaded) in items {
            if wanted.as_ref().is_some_and(|w| *w != key) {
                continue;
            }
            found = true;
            let loaded = match loaded {
                Ok(l) => l,
                Err(e) => {
                    failed += 1;
                    let _ = out.flush();
                    crate::message!(
                        "onrecord: {}",
                        crate::safe_text::one_line(&e.to_string(), 2000)
                    );
                    continue;
                }
            };
            let named = load::item_name(path, &key);
            let mut article = loaded.article;
            article.ensure_title(path);
            for w in &loaded.warnings {
                crate::message!(
                    "onrecord: {}: warning: {}",
                    crate::safe_text::one_line(&named, 500),
                    crate::safe_text::one_line(&w.0, 500)
                );
            }
            let analysis = extract::analyze(&article);
            // Written as it is made: nothing of a file is held once its output is out.
            let written = match format {
                ExtractFormat::Json => {
                    let warnings = loaded.warnings.iter().map(|w| w.0.clone()).collect();
                    let mut obj = output::json_article(&shown, &article, &analysis, warnings);
                    obj.item = &key;
                    crate::safe_text::write_json_line(&mut out, &obj)
                }
                ExtractFormat::Text => {
                    output::write_text_report(&mut out, &named, &article, &analysis, explain)
                }
            };
            if written.is_err() {
                // stdout closed (e.g. piped into `head`): stop quietly.
                return ExitCode::FAILURE;
            }
        }
        if let Some(w) = wanted.filter(|_| !found) {
            failed += 1;
            let _ = out.flush();
            crate::message!(
                "onrecord: {}: no article with the key {} in this file",
                crate::safe_text::one_line(&shown, 500),
                crate::safe_text::one_line(&w, 300)
            );
        }
    }
    let _ = out.flush();
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The paths given (else the configured library), with newsboat's cache when `--newsboat`
/// asks for it (without a value: newsboat's own location) or, with no paths given, when the
/// config names one (`library.newsboat`).
fn with_newsboat(
    paths: Vec<PathBuf>,
    flag: Option<Option<PathBuf>>,
    config: &Config,
) -> anyhow::Result<Vec<PathBuf>> {
    let given = !paths.is_empty();
    let mut paths = if given {
        paths
    } else {
        config.library.paths.clone()
    };
    let cache =
        match flag {
            Some(None) => Some(crate::article::newsboat::default_cache().ok_or_else(|| {
                anyhow::anyhow!("cannot tell where newsboat's cache is (no HOME)")
            })?),
            Some(Some(p)) => Some(p),
            None if !given => config.library.newsboat.clone(),
            None => None,
        };
    if let Some(cache) = cache {
        if !cache.is_file() {
            anyhow::bail!("{}: no newsboat cache there", cache.display());
        }
        if !crate::article::newsboat::is_cache(&cache) {
            anyhow::bail!(
                "{}: newsboat's cache is a file named cache.db",
                cache.display()
            );
        }
        paths.push(cache);
    }
    Ok(paths)
}

/// `PATH#KEY` names one article of a file of many: the path and the key. A path that
/// exists as it is (a `#` in a file name) is a path.
fn item_of(arg: &std::path::Path) -> (PathBuf, Option<String>) {
    if !arg.exists()
        && let Some((path, key)) = arg.to_str().and_then(|s| s.rsplit_once('#'))
        && !key.is_empty()
        && load::format_of(std::path::Path::new(path)).is_some_and(|f| f.holds_many())
    {
        return (PathBuf::from(path), Some(key.to_string()));
    }
    (arg.to_path_buf(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(args: &[&str]) -> Option<String> {
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        mistyped_command(&args).map(|(_, meant)| meant)
    }

    #[test]
    fn suggestions_for_mistyped_commands() {
        assert_eq!(suggest(&["speaker"]).as_deref(), Some("speakers"));
        assert_eq!(suggest(&["Speakrs"]).as_deref(), Some("speakers"));
        assert_eq!(
            suggest(&["quote", "--speaker", "x"]).as_deref(),
            Some("quotes")
        );
        assert_eq!(
            suggest(&["--config", "c.toml", "serch"]).as_deref(),
            Some("search")
        );
        assert_eq!(suggest(&["completion"]).as_deref(), Some("completions"));
        assert_eq!(suggest(&["searches"]).as_deref(), Some("search"));
        // Commands, paths and words far from any command are left to clap.
        assert_eq!(suggest(&["speakers"]), None);
        assert_eq!(suggest(&["--", "speaker"]), None);
        assert_eq!(suggest(&["articles"]), None);
        assert_eq!(suggest(&["speaker.txt"]), None);
        assert_eq!(suggest(&["news/speaker"]), None);
        assert_eq!(suggest(&["src"]), None, "an existing folder");
        assert_eq!(suggest(&[]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

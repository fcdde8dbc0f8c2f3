//! The command line: the clap definitions, and the dispatch that hands each command to its
//! layer.
//!
//! - [`library_commands`] runs `index`, `quotes`, `speakers` and `search`;
//! - [`extract_command`] runs `extract`;
//! - `reader` opens the reader's library;
//! - [`suggest`] finds the command meant by a mistyped one.

pub mod completion;
pub mod extract_command;
pub mod library_commands;
mod reader;
pub mod suggest;

pub use extract_command::extract_files;
pub use suggest::{mistyped_command, suggest_command};

use crate::config::Config;
use clap::{Parser, Subcommand, ValueEnum};
use reader::reader_library;
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
                  completion::speaker_candidates))]
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
    completion::answer_if_asked();
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
            let script = completion::script(shell, Path::new(&program))?;
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
            use crate::library::export::Format;
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
            // log (crate::log) for later.
            crate::log::log_panics();
            let _ = crate::log::append(&notices);
            let settings = crate::tui::settings::Settings {
                keys: &config.keys,
                theme: &config.theme,
                reader: &config.reader,
            };
            crate::tui::run(library, settings, notices)?;
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

//! Configuration: a TOML file at the platform config dir (`~/.config/onrecord/config.toml`
//! on Linux) or `--config PATH`. Every key has a default; unknown keys are errors.

pub mod home;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The whole configuration. Each section belongs to the layer that uses it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub library: LibraryConfig,
    pub limits: LimitsConfig,
    pub reader: ReaderConfig,
    pub keys: crate::tui::keymap::KeysConfig,
    pub theme: crate::tui::theme::ThemeConfig,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LibraryConfig {
    /// Folders (or files) that make up the library. Empty: the bundled sample library.
    pub paths: Vec<PathBuf>,
    /// Where the index lives. Empty: the platform data dir.
    pub index: Option<PathBuf>,
    /// newsboat's cache to read with the library (read-only). Empty: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newsboat: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitsConfig {
    /// Files larger than this many bytes are refused with a message.
    pub max_file_bytes: u64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_file_bytes: crate::article::load::DEFAULT_MAX_BYTES,
        }
    }
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    // The I/O error is part of the message, not a `source`: `{:#}` would print it twice.
    #[error("{path}: cannot read config: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

pub use crate::dirs::{data_dir, project_dirs, state_dir};
pub use crate::tui::settings::{DEFAULT_READING_WIDTH, ReaderConfig};

/// The default config file path (which may not exist).
pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Loads the config from `path`, or from the default location when `None`.
    /// A missing default file gives the defaults; a missing explicit file is an error.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        match read_capped(&path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                Config::parse(&text, &path.display().to_string())
            }
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Config::default())
            }
            Err(error) => Err(ConfigError::Io {
                path: path.display().to_string(),
                error,
            }),
        }
    }

    /// Parses config text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            ConfigError::Parse {
                path: origin.to_string(),
                line,
                column,
                message: crate::safe_text::one_line(e.message(), 300),
            }
        })?;
        // `~/articles` as a shell reads it (a config file is not read by one).
        for p in &mut config.library.paths {
            *p = home::expand(p);
        }
        if let Some(p) = &mut config.library.index {
            *p = home::expand(p);
        }
        if let Some(p) = &mut config.library.newsboat {
            *p = home::expand(p);
        }
        if let Some(problem) = config.keys.problem() {
            use crate::tui::keymap::KeysProblem;
            let at = |name: &str| entry_line(text, "keys", name).unwrap_or(1);
            let (line, message) = match problem {
                KeysProblem::Conflict { key, first, second } => (
                    at(&second.name()),
                    format!(
                        "key `{}` is given to both `{}` (line {}) and `{}`: give each key one action",
                        crate::safe_text::one_line(&key.to_string(), 40),
                        first.name(),
                        at(&first.name()),
                        second.name()
                    ),
                ),
                KeysProblem::NoWayOut => (
                    entry_line(text, "keys", "quit").unwrap_or(1),
                    "no key is left to quit with: keep a key for `quit`".to_string(),
                ),
                KeysProblem::NoWayOutOfPrompt => (
                    entry_line(text, "keys", "prompt_cancel")
                        .or_else(|| entry_line(text, "keys", "prompt_submit"))
                        .unwrap_or(1),
                    "no key is left to leave a prompt with: keep a key for `prompt_cancel` or \
                     `prompt_submit`"
                        .to_string(),
                ),
            };
            return Err(ConfigError::Parse {
                path: origin.to_string(),
                line,
                column: 1,
                message,
            });
        }
        Ok(config)
    }
}

/// The 1-based line of `name = ...` in the `[section]` table of TOML `text`.
fn entry_line(text: &str, section: &str, name: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(header) = t.strip_prefix('[') {
            current = header
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"')
                .to_string();
            continue;
        }
        let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if current == section && key == name {
            return Some(i + 1);
        }
        if current.is_empty() && key == format!("{section}.{name}") {
            return Some(i + 1);
        }
    }
    None
}

/// Config files larger than this are refused (a config is a few KiB; this stops
/// `--config /dev/zero` or a mistaken path to a huge file from eating memory).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// Reads the config file without blocking on it (a FIFO or a device is refused, see
/// [`crate::safe_open`]), up to [`MAX_CONFIG_BYTES`].
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::safe_open::read_capped(path, MAX_CONFIG_BYTES, 8192, || {
        format!("over the limit of {MAX_CONFIG_BYTES} bytes for a config file")
    })
}

/// 1-based line and column of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty() {
        assert_eq!(Config::parse("", "x").unwrap(), Config::default());
    }

    #[test]
    fn unknown_key_names_line() {
        let err = Config::parse("[library]\npaths = []\ncolour = 1\n", "c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:3:1:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn a_key_given_to_two_actions_names_both_and_the_line() {
        let text = "[library]\npaths = []\n\n[keys]\ndown = \"j\"\nquit = [\"q\", \"j\"]\n";
        let msg = Config::parse(text, "c.toml").unwrap_err().to_string();
        assert!(msg.starts_with("c.toml:6:"), "{msg}");
        assert!(
            msg.contains("`j`") && msg.contains("`down` (line 5)") && msg.contains("`quit`"),
            "{msg}"
        );
        // Taking a default key from another action is still how rebinding works.
        assert!(Config::parse("[keys]\nquit = \"j\"\n", "c.toml").is_ok());
    }

    #[test]
    fn a_tilde_in_library_paths_is_the_home_folder() {
        let c = Config::parse(
            "[library]\npaths = [\"~/articles\", \"/srv/news\"]\nindex = \"~/idx.sqlite\"\n",
            "c.toml",
        )
        .unwrap();
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        if let Some(home) = home {
            assert_eq!(c.library.paths[0], home.join("articles"));
            assert_eq!(c.library.index, Some(home.join("idx.sqlite")));
        }
        assert!(!c.library.paths[0].starts_with("~"));
        assert_eq!(c.library.paths[1], Path::new("/srv/news"));
    }

    #[test]
    fn the_config_cannot_remove_every_way_to_quit() {
        let msg = Config::parse("[keys]\nback = []\nquit = []\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("c.toml:3:"), "{msg}");
        assert!(msg.contains("quit"), "{msg}");
        // Keys taken away by other entries count too.
        let msg = Config::parse("[keys]\nquit = []\ntop = [\"g\", \"esc\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no key is left to quit"), "{msg}");
        // Esc goes back and never quits: it does not stand in for `quit`.
        assert!(Config::parse("[keys]\nquit = []\n", "c.toml").is_err());
        let msg = Config::parse("[keys]\nprompt_cancel = []\nprompt_submit = []\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("c.toml:2:"), "{msg}");
        assert!(msg.contains("leave a prompt"), "{msg}");
        assert!(
            Config::parse("[keys]\nback = []\n", "c.toml").is_ok(),
            "q still quits"
        );
    }

    #[test]
    fn syntax_error_names_line() {
        let err = Config::parse("[limits]\nmax_file_bytes = = 3\n", "c.toml").unwrap_err();
        assert!(err.to_string().starts_with("c.toml:2:"), "{err}");
    }
}

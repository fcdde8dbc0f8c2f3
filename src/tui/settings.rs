//! The reader's own section of the configuration (`[reader]`), and what the reader is
//! started with: its keys, colours and reading settings, read from the configuration by
//! the command line.

use serde::{Deserialize, Serialize};

/// The reader's own settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReaderConfig {
    /// The program `o` opens web addresses with (a program and its arguments, split at
    /// spaces, run without a shell; `%s` stands for the URL, else it comes last). Unset:
    /// `$BROWSER`, else the platform opener (`open` on macOS, `xdg-open` elsewhere).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// The longest line of the reading mode (`z`), in columns; the text is centred. 0: the
    /// whole width.
    pub reading_width: u16,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        Self {
            browser: None,
            reading_width: DEFAULT_READING_WIDTH,
        }
    }
}

/// The longest line of the reading mode unless the config says otherwise.
pub const DEFAULT_READING_WIDTH: u16 = 80;

/// What the reader is started with, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub keys: &'a super::keymap::KeysConfig,
    pub theme: &'a super::theme::ThemeConfig,
    pub reader: &'a ReaderConfig,
}

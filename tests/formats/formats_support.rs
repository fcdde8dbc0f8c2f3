//! What the tests of each article format share: the quotes of a loaded article, the
//! articles of a file, and the real binary run with a throw-away home.

use onrecord::article::Loaded;
use onrecord::article::load::{DEFAULT_MAX_BYTES, load_file_items};
use std::path::{Path, PathBuf};
use std::process::Command;

/// (quoted words, speaker) for each quote of `l`.
#[allow(dead_code)]
pub fn said(l: &Loaded) -> Vec<(String, String)> {
    said_directly(l)
        .into_iter()
        .map(|(_, t, s)| (t, s))
        .collect()
}

/// (direct, quoted words, speaker) for each quote of `l`.
#[allow(dead_code)]
pub fn said_directly(l: &Loaded) -> Vec<(bool, String, String)> {
    onrecord::extract::analyze(&l.article)
        .quotes
        .iter()
        .map(|q| {
            (
                q.kind == onrecord::extract::QuoteKind::Direct,
                l.article.body[q.span.clone()].to_string(),
                q.speaker.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The articles of the file at `path`, each with its key; every one must load.
#[allow(dead_code)]
pub fn items_of(path: &Path) -> Vec<(String, Loaded)> {
    load_file_items(path, DEFAULT_MAX_BYTES)
        .unwrap()
        .into_iter()
        .map(|(k, l)| {
            let l = l.unwrap_or_else(|e| panic!("{k}: {e}"));
            (k, l)
        })
        .collect()
}

/// `onrecord` with a given config file and a home (and data dir) under `dir`.
pub struct Onrecord {
    config: PathBuf,
    home: PathBuf,
}

impl Onrecord {
    pub fn new(dir: &Path, config: &Path) -> Onrecord {
        Onrecord {
            config: config.to_path_buf(),
            home: dir.join("home"),
        }
    }

    /// Runs `onrecord ARGS`: (whether it succeeded, stdout, stderr).
    #[allow(dead_code)]
    pub fn output(&self, args: &[&str]) -> (bool, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("--config")
            .arg(&self.config)
            .env("HOME", &self.home)
            .env("XDG_DATA_HOME", self.home.join("data"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }

    /// Runs `onrecord ARGS`, asserts that it succeeded and returns what it printed.
    #[allow(dead_code)]
    pub fn run(&self, args: &[&str]) -> String {
        let (ok, stdout, stderr) = self.output(args);
        assert!(ok, "{args:?}: {stdout}{stderr}");
        stdout
    }
}

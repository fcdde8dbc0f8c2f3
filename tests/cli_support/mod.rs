//! Running the real binary with a throw-away home, for the tests of each article format.

use std::path::{Path, PathBuf};
use std::process::Command;

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

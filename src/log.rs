//! The log file: `onrecord.log` in the platform state dir (on Linux
//! `~/.local/state/onrecord/`). The reader owns the terminal while it runs, so what it has
//! to tell beyond its status line (a notice at start-up, a crash report) is written here.
//! Lines are one-line, terminal-safe, and time-stamped in UTC; the file is rotated to
//! `onrecord.log.1` when it passes [`MAX_LOG_BYTES`].

use crate::dates::timestamp;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Size at which the log is rotated.
pub const MAX_LOG_BYTES: u64 = 1 << 20;

/// The log file's path.
pub fn path() -> PathBuf {
    crate::dirs::state_dir().join("onrecord.log")
}

/// Appends lines to the log file at [`path`].
pub fn append(lines: &[String]) -> std::io::Result<()> {
    append_to(&path(), lines, SystemTime::now())
}

/// Appends lines to the log file at `file`, time-stamped with `now`, creating its folder
/// and rotating it when it is over [`MAX_LOG_BYTES`].
pub fn append_to(file: &Path, lines: &[String], now: SystemTime) -> std::io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(file).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        let mut old = file.as_os_str().to_owned();
        old.push(".1");
        std::fs::rename(file, old)?;
    }
    let stamp = timestamp(now);
    let mut text = String::new();
    for line in lines {
        text.push_str(&stamp);
        text.push(' ');
        text.push_str(&crate::safe_text::one_line(line, 4000));
        text.push('\n');
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?
        .write_all(text.as_bytes())
}

/// Adds a panic hook that writes the panic to the log before the previous hook runs (the
/// reader's hook restores the terminal and prints the message, which the alternate screen
/// may hide).
pub fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = append(&[format!("panic: {info}")]);
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn log_lines_follow_the_output_policy() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("onrecord.log");
        let hostile =
            "index: lib/bad\u{7f}\u{9b}31m\u{9d}0;t\u{9c}\u{202e}\u{2066}x\u{1b}[201~\rname.txt";
        append_to(&file, &[hostile.into()], UNIX_EPOCH).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let line = text.strip_suffix('\n').unwrap();
        assert!(!line.chars().any(crate::safe_text::is_unsafe), "{line:?}");
        assert!(line.contains("name.txt"), "{line:?}");
    }

    #[test]
    fn appends_clean_lines_and_rotates() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state/onrecord/onrecord.log");
        let t = UNIX_EPOCH + Duration::from_secs(60);
        append_to(&file, &["one\u{1b}[2J".into(), "two\nlines".into()], t).unwrap();
        append_to(&file, &["three".into()], t).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.starts_with("1970-01-01T00:01:00Z one"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.ends_with("1970-01-01T00:01:00Z three\n"), "{text}");
        std::fs::write(&file, vec![b'x'; MAX_LOG_BYTES as usize + 1]).unwrap();
        append_to(&file, &["fresh".into()], t).unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "1970-01-01T00:01:00Z fresh\n"
        );
        let rotated = dir.path().join("state/onrecord/onrecord.log.1");
        assert_eq!(std::fs::metadata(rotated).unwrap().len(), MAX_LOG_BYTES + 1);
    }
}

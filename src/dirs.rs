//! Where onrecord keeps its own files on this platform: the data dir (index, reading
//! state, exports) and the state dir (the log). The user's articles are never here.

use std::path::PathBuf;

/// Platform directories for onrecord.
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "onrecord")
}

/// The platform data dir (index, reading state).
pub fn data_dir() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("onrecord"))
}

/// The platform cache/state dir (logs).
pub fn state_dir() -> PathBuf {
    project_dirs()
        .map(|d| d.state_dir().unwrap_or(d.cache_dir()).to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("onrecord"))
}

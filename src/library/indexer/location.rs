//! Where the index may lie: never inside a library folder, with symlinks followed all the
//! way (also through folders that do not exist yet); and absolute forms of the roots.

use anyhow::Context;
use std::path::{Path, PathBuf};

/// An absolute path for a root, resolving symlinks when it exists.
pub fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        }
    })
}

/// Where `path` really is, also when it does not exist yet: followed part by part from the
/// root, each part that exists resolved with its symlinks, each part that does not exist
/// yet taken as the real folder it will be created as (so a `..` after it goes back to
/// where it started). A part that exists but cannot be resolved (a symlink to nothing, a
/// loop) is an error: where it leads cannot be known before it is written through.
pub fn real_location(path: &Path) -> anyhow::Result<PathBuf> {
    use std::path::Component;
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut real = PathBuf::new();
    for part in abs.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => real.push(part.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                real = if std::fs::symlink_metadata(&next).is_ok() {
                    std::fs::canonicalize(&next).map_err(|e| {
                        anyhow::anyhow!(
                            "cannot tell where {} leads ({e}); onrecord writes no index through it",
                            crate::safe_text::one_line(&next.display().to_string(), 300)
                        )
                    })?
                } else {
                    next
                };
            }
        }
    }
    Ok(real)
}

/// Refuses an index database that would lie inside a library folder: onrecord never writes
/// there. The index's real location counts: symlinks to the file or to any folder on the
/// way are followed, also through folders that do not exist yet. Once it is known to be
/// outside, the index's folder is created and the check made again on what now exists (a
/// folder swapped for a symlink in between is caught before the index is opened).
pub fn check_index_location(db_path: &Path, roots: &[PathBuf]) -> anyhow::Result<()> {
    let roots: Vec<PathBuf> = roots.iter().map(|r| absolute(r)).collect();
    let check = || -> anyhow::Result<()> {
        let db_real = real_location(db_path)?;
        for r in &roots {
            if db_real.starts_with(r) {
                anyhow::bail!(
                    "the index {} would be inside the library folder {}; onrecord never writes \
                     inside the library: choose another --index or library.index",
                    crate::safe_text::one_line(&db_real.display().to_string(), 300),
                    crate::safe_text::one_line(&r.display().to_string(), 300)
                );
            }
        }
        Ok(())
    };
    check()?;
    if let Some(dir) = db_path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create index folder {}",
                crate::safe_text::one_line(&dir.display().to_string(), 300)
            )
        })?;
    }
    check()
}

/// An absolute path without resolving symlinks (a path that may be gone).
pub(super) fn absolute_no_resolve(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        absolute(p)
    }
}

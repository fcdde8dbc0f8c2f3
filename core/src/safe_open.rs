//! Opening files that may be anything: the one way onrecord opens an article, its config
//! or an existing index. Opening never blocks (a FIFO with no writer would block `open`
//! forever) and only regular files are read: the file is opened non-blocking, then the
//! opened handle is checked (`fstat`), so a file replaced by a FIFO between a scan and
//! the open is refused too, with a reason that says what it is.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading without blocking, and refuses anything but a regular file
/// (error kind `InvalidInput`, message "not a regular file (a FIFO)" and the like).
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking: opening a FIFO returns at once instead of waiting for a writer.
        // No controlling terminal: a terminal device named as a file does not become ours.
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file ({})", kind(&meta.file_type())),
        ));
    }
    Ok(file)
}

/// What a file that is not a regular file is, in words.
pub fn kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a file"
    }
}

/// Reads a regular file of at most `max` bytes ([`open_regular`]); `over` makes the error
/// for a file that is (or grew) larger. `expect` sizes the buffer.
pub fn read_capped(
    path: &Path,
    max: u64,
    expect: u64,
    over: impl FnOnce() -> String,
) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut buf = Vec::with_capacity(expect.min(max) as usize + 1);
    file.take(max + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        return Err(io::Error::other(over()));
    }
    Ok(buf)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_fifo_is_refused_at_once_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let started = Instant::now();
        let err = open_regular(&fifo).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "not a regular file (a FIFO)");
    }

    #[test]
    fn devices_and_folders_are_refused_files_read() {
        let err = open_regular(Path::new("/dev/null")).unwrap_err();
        assert!(err.to_string().contains("character device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let err = open_regular(dir.path()).unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "hello").unwrap();
        assert_eq!(read_capped(&f, 5, 5, String::new).unwrap(), b"hello");
        assert_eq!(
            read_capped(&f, 4, 5, || "too big".into())
                .unwrap_err()
                .to_string(),
            "too big"
        );
    }
}

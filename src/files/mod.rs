//! Every file upskill reads or writes goes through here: one bounded reader that never blocks
//! on a FIFO or a device and never reads past a limit, and one atomic writer that keeps the
//! permissions of what it replaces and never replaces anything but a regular file.

mod write;

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use write::{Staged, WriteError, WriteOptions, is_stdout, stage, write, write_with};

/// Why a file could not be read. The text completes "cannot read PATH: ".
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("it is a link to {}, which does not exist", .0.display())]
    DanglingLink(PathBuf),
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("it is larger than {}, the most upskill reads from one file", bytes(*limit))]
    TooBig { limit: u64 },
    #[error("permission denied")]
    Denied,
    #[error("it is not UTF-8 text")]
    NotText,
    #[error("{0}")]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::Denied,
            io::ErrorKind::IsADirectory => ReadError::NotRegular("a folder"),
            _ => ReadError::Io(error),
        }
    }
}

/// What a file that is not a regular file is, in words; `None` for a regular file.
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a FIFO (a named pipe)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Opens a file for reading without blocking: opening a FIFO with no writer, or a terminal,
/// returns at once, so the check on the open handle can refuse it.
fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// A regular file of at most `limit` bytes, opened, and what it was when opened.
fn open_checked(path: &Path, limit: u64) -> Result<(File, Metadata), ReadError> {
    let meta = std::fs::metadata(path).map_err(|error| match std::fs::read_link(path) {
        Ok(target) if error.kind() == io::ErrorKind::NotFound => ReadError::DanglingLink(target),
        _ => error.into(),
    })?;
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    let file = open_for_reading(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooBig { limit });
    }
    Ok((file, meta))
}

/// Reads a whole regular file of at most `limit` bytes. Anything else (a folder, a FIFO, a
/// device, a socket, a symlink to one) is refused before it is opened and again on the open
/// handle, so a file swapped in between cannot slip through; a file that grows past the
/// limit while it is read is refused too.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_checked(path, limit)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig { limit });
    }
    Ok(bytes)
}

/// A regular file opened for reading as a stream, for inputs too large to hold whole (ESCO's
/// CSV files). Reading past the limit it was opened with fails with [`ReadError::TooBig`]'s
/// words.
#[derive(Debug)]
pub struct Stream {
    file: io::Take<File>,
    limit: u64,
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.file.read(buf)?;
        // The file was opened to read one byte past the limit: reaching that byte means the
        // file is larger.
        if count > 0 && self.file.limit() == 0 {
            return Err(io::Error::other(
                ReadError::TooBig { limit: self.limit }.to_string(),
            ));
        }
        Ok(count)
    }
}

/// Opens a file for [`Stream`]ing, with the checks of [`read`]: anything but a regular file,
/// or a file larger than `limit` bytes, is refused before a byte is read.
pub fn open(path: &Path, limit: u64) -> Result<Stream, ReadError> {
    let (file, _) = open_checked(path, limit)?;
    Ok(Stream {
        file: file.take(limit + 1),
        limit,
    })
}

/// [`read`], for a file that must be UTF-8 text.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, limit)?).map_err(|_| ReadError::NotText)
}

/// The paths given, each folder replaced by the files under it that are `wanted`, sorted
/// (links followed); a path that is not a folder stays as given, for its reader to refuse
/// if it is not there.
pub fn expand(paths: &[PathBuf], wanted: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|path| wanted(path))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// `8 MiB`, `4 KiB`, `100 bytes`.
pub fn bytes(count: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if count >= MIB && count.is_multiple_of(MIB) {
        format!("{} MiB", count / MIB)
    } else if count >= MIB {
        format!("{:.1} MiB", count as f64 / MIB as f64)
    } else if count >= KIB && count.is_multiple_of(KIB) {
        format!("{} KiB", count / KIB)
    } else {
        format!("{count} bytes")
    }
}

#[cfg(test)]
mod tests;

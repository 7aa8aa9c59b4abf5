//! The one atomic writer: a temporary file beside the target, persisted in one step, never
//! replacing anything but a regular file; FIFOs and devices written in place when asked.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::special_kind;

/// How [`write`] treats what is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace an existing file; without it, an existing file is never touched.
    pub replace: bool,
    /// Create the folder (and its parents) when it is missing; without it, say it is missing.
    pub create_folder: bool,
    /// Write straight into a FIFO or a character device that is there (so `-o /dev/stdout`
    /// works); without it, refuse. Nothing but a regular file is ever replaced.
    pub into_special: bool,
}

impl WriteOptions {
    /// A plan or a note of upskill's own: replaced, its folder made, nothing special.
    pub const OWN: WriteOptions = WriteOptions {
        replace: true,
        create_folder: true,
        into_special: false,
    };
    /// A file the user named: replaced, written into when special, in a folder that exists.
    pub const OUTPUT: WriteOptions = WriteOptions {
        replace: true,
        create_folder: false,
        into_special: true,
    };
}

/// Why a file was not written. The text completes "cannot write PATH: ".
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("it already exists")]
    Exists,
    #[error("the folder {} does not exist; create it first or write elsewhere", .0.display())]
    NoFolder(PathBuf),
    #[error("it is {0}, which upskill never replaces")]
    NotRegular(&'static str),
    #[error("it is a link to {}, which does not exist", .0.display())]
    DanglingLink(PathBuf),
    #[error("it is a FIFO (a named pipe) that no program is reading")]
    NoReader,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then put in place in one step, so a crash leaves the old file or the new one whole,
/// never half of one. A replaced file keeps its permissions; a symlink to a regular file
/// stays a symlink and its target is replaced. See [`WriteOptions`] for the rest.
pub fn write(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), WriteError> {
    match destination(path, options)? {
        Destination::Special(meta) => write_special(path, &meta, bytes, options),
        Destination::Regular { target, existing } => {
            stage_regular(target, existing.as_ref(), options, |out| {
                out.write_all(bytes)
            })?
            .commit()
        }
    }
}

/// A file written in full beside the one it will replace, not yet in place:
/// [`Staged::commit`] puts it there in one step, and dropping it removes it. Staging several
/// files and committing them only once all are written leaves the old files untouched when
/// anything fails before the commits.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::TempPath,
    target: PathBuf,
    folder: PathBuf,
    replace: bool,
}

/// [`write`] without the last step, for a file too large to hold whole: `fill` writes the
/// bytes (buffered) into a temporary file beside `path`, which is flushed to disk and closed.
/// Only a regular file (or a link to one) is staged: a FIFO or a device is refused.
pub fn stage(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Staged, WriteError> {
    stage_file(path, options, |file| {
        let mut buffered = io::BufWriter::new(file);
        fill(&mut buffered)?;
        buffered.flush()
    })
}

/// [`write`] for a file too large to hold whole, written by `fill` straight into the
/// temporary file, in which it may seek (to fill in a header once what follows is written).
/// Only a regular file (or a link to one) is written: a FIFO or a device is refused.
pub fn write_with(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    stage_file(path, options, fill)?.commit()
}

fn stage_file(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<Staged, WriteError> {
    match destination(path, options)? {
        Destination::Special(meta) => Err(WriteError::NotRegular(
            special_kind(&meta).unwrap_or("not a regular file"),
        )),
        Destination::Regular { target, existing } => {
            stage_regular(target, existing.as_ref(), options, fill)
        }
    }
}

impl Staged {
    /// Puts the staged file in place in one step.
    pub fn commit(self) -> Result<(), WriteError> {
        if self.replace {
            self.temp
                .persist(&self.target)
                .map_err(|error| error.error)?;
        } else {
            self.temp.persist_noclobber(&self.target).map_err(|error| {
                if error.error.kind() == io::ErrorKind::AlreadyExists {
                    WriteError::Exists
                } else {
                    WriteError::Io(error.error)
                }
            })?;
        }
        // The rename itself is durable only once the folder is flushed.
        if let Ok(folder) = File::open(&self.folder) {
            let _ = folder.sync_all();
        }
        Ok(())
    }
}

/// What a write goes to: a regular file (the link's target for a symlink) and what is
/// there now, or a special file.
enum Destination {
    Regular {
        target: PathBuf,
        existing: Option<Metadata>,
    },
    Special(Metadata),
}

fn destination(path: &Path, options: WriteOptions) -> Result<Destination, WriteError> {
    let (target, existing) = match std::fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => (path.to_path_buf(), None),
        Err(error) => return Err(error.into()),
        Ok(_) if !options.replace => return Err(WriteError::Exists),
        Ok(link) if link.file_type().is_symlink() => match std::fs::metadata(path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let to = std::fs::read_link(path).unwrap_or_default();
                return Err(WriteError::DanglingLink(to));
            }
            Err(error) => return Err(error.into()),
            Ok(meta) if meta.is_file() => (std::fs::canonicalize(path)?, Some(meta)),
            Ok(meta) => return Ok(Destination::Special(meta)),
        },
        Ok(meta) if meta.is_file() => (path.to_path_buf(), Some(meta)),
        Ok(meta) => return Ok(Destination::Special(meta)),
    };
    Ok(Destination::Regular { target, existing })
}

/// The temporary file of a regular `target`, filled by `fill` and flushed to disk.
fn stage_regular(
    target: PathBuf,
    existing: Option<&Metadata>,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<Staged, WriteError> {
    let folder = match target.parent() {
        Some(folder) if folder.as_os_str().is_empty() => Path::new("."),
        Some(folder) => folder,
        None => return Err(WriteError::NotRegular("a folder")),
    };
    if !folder.is_dir() {
        if !options.create_folder {
            return Err(WriteError::NoFolder(folder.to_path_buf()));
        }
        std::fs::create_dir_all(folder)?;
    }
    // Hidden, so a listing of the folder (the plans picker) never shows one.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".upskill-").suffix(".tmp");
    // A new file gets the permissions any program's new file gets (0666 less the umask), not
    // the temporary file's private 0600; a replaced one keeps its own.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    if let Some(existing) = existing {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    fill(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    Ok(Staged {
        folder: folder.to_path_buf(),
        temp: temp.into_temp_path(),
        target,
        replace: options.replace,
    })
}

/// Whether `path` is this process's standard output (`/dev/stdout`, `/proc/self/fd/1`, or the
/// file the shell sent it to): then it must be written through the open handle, which
/// keeps the shell's redirection (`>>` appends) instead of replacing the file under it.
pub fn is_stdout(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let (Ok(named), Ok(out)) = (
            std::fs::metadata(path),
            rustix::fs::fstat(rustix::stdio::stdout()),
        ) else {
            return false;
        };
        named.dev() == out.st_dev && named.ino() == out.st_ino
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Writes into a FIFO or a character device in place, when asked to; refuses anything else.
fn write_special(
    path: &Path,
    meta: &Metadata,
    bytes: &[u8],
    options: WriteOptions,
) -> Result<(), WriteError> {
    let kind = special_kind(meta).unwrap_or("not a regular file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
        let kind_ok = meta.file_type().is_fifo() || meta.file_type().is_char_device();
        if options.into_special && kind_ok {
            // Non-blocking, so a FIFO nobody reads is an error at once, not a hang.
            let mut file = OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
                .open(path)
                .map_err(|error| match error.raw_os_error() {
                    Some(libc::ENXIO) => WriteError::NoReader,
                    _ => WriteError::Io(error),
                })?;
            // Looked at again on the open file: a regular file swapped in meanwhile would be
            // written over in place, not replaced whole.
            let opened = file.metadata()?;
            if !(opened.file_type().is_fifo() || opened.file_type().is_char_device()) {
                return Err(WriteError::NotRegular(
                    special_kind(&opened).unwrap_or("a file that changed while it was opened"),
                ));
            }
            return write_patiently(&mut file, bytes).map_err(WriteError::Io);
        }
    }
    let _ = (path, bytes, options);
    Err(WriteError::NotRegular(kind))
}

/// Writes everything to a non-blocking handle, waiting a moment whenever a pipe is full.
fn write_patiently(file: &mut File, mut bytes: &[u8]) -> io::Result<()> {
    let mut stalled = 0u32;
    while !bytes.is_empty() {
        match file.write(bytes) {
            Ok(0) => return Err(io::Error::from(io::ErrorKind::WriteZero)),
            Ok(written) => {
                bytes = &bytes[written..];
                stalled = 0;
            }
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                // A reader that stops reading for a minute has gone away in all but name.
                stalled += 1;
                if stalled > 6000 {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the program reading it stopped reading",
                    ));
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

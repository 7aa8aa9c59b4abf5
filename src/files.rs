//! Every file upskill reads or writes goes through here: one bounded reader that never blocks
//! on a FIFO or a device and never reads past a limit, and one atomic writer that keeps the
//! permissions of what it replaces and never replaces anything but a regular file.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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

/// Reads a whole regular file of at most `limit` bytes. Anything else (a folder, a FIFO, a
/// device, a socket, a symlink to one) is refused before it is opened and again on the open
/// handle, so a file swapped in between cannot slip through; a file that grows past the
/// limit while it is read is refused too.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
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
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig { limit });
    }
    Ok(bytes)
}

/// [`read`], for a file that must be UTF-8 text.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, limit)?).map_err(|_| ReadError::NotText)
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
            Ok(meta) => return write_special(path, &meta, bytes, options),
        },
        Ok(meta) if meta.is_file() => (path.to_path_buf(), Some(meta)),
        Ok(meta) => return write_special(path, &meta, bytes, options),
    };
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
    if let Some(existing) = &existing {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if options.replace {
        temp.persist(&target).map_err(|error| error.error)?;
    } else {
        temp.persist_noclobber(&target).map_err(|error| {
            if error.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists
            } else {
                WriteError::Io(error.error)
            }
        })?;
    }
    // The rename itself is durable only once the folder is flushed.
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn fifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "abc").expect("write");
        assert_eq!(read(&path, 3).expect("reads"), b"abc");
        assert!(matches!(
            read(&path, 2),
            Err(ReadError::TooBig { limit: 2 })
        ));
        assert!(matches!(
            read(&dir.path().join("none"), 9),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read(dir.path(), 9),
            Err(ReadError::NotRegular("a folder"))
        ));
        #[cfg(unix)]
        {
            let dangling = dir.path().join("dangling.yaml");
            std::os::unix::fs::symlink(dir.path().join("gone.yaml"), &dangling).expect("link");
            assert_eq!(
                read(&dangling, 9).expect_err("dangling").to_string(),
                format!(
                    "it is a link to {}, which does not exist",
                    dir.path().join("gone.yaml").display()
                )
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp");
        let pipe = dir.path().join("x.yaml");
        fifo(&pipe);
        let started = std::time::Instant::now();
        let refused = read(&pipe, 1024).expect_err("a FIFO is refused");
        assert_eq!(
            refused.to_string(),
            "it is a FIFO (a named pipe), not a regular file"
        );
        let zero = dir.path().join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        assert_eq!(
            read(&zero, 1024).expect_err("a device").to_string(),
            "it is a character device, not a regular file"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn a_write_replaces_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("plan.yaml");
        write(&path, b"one", WriteOptions::OWN).expect("writes");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
            write(&path, b"two", WriteOptions::OWN).expect("writes");
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_permissions_any_new_file_gets() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp");
        let made_by_std = dir.path().join("std.md");
        std::fs::write(&made_by_std, "x").expect("write");
        let ours = dir.path().join("ours.md");
        write(&ours, b"x", WriteOptions::OUTPUT).expect("writes");
        let mode = |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode();
        assert_eq!(mode(&ours), mode(&made_by_std));
    }

    #[test]
    fn without_replace_an_existing_file_is_never_touched() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("alex.yaml");
        let keep = WriteOptions {
            replace: false,
            ..WriteOptions::OWN
        };
        write(&path, b"one", keep).expect("writes");
        assert!(matches!(
            write(&path, b"two", keep),
            Err(WriteError::Exists)
        ));
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
    }

    #[test]
    fn a_missing_folder_is_named_unless_it_may_be_made() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("no/such/out.md");
        let refused = write(&path, b"x", WriteOptions::OUTPUT).expect_err("no folder");
        assert!(
            refused.to_string().starts_with(&format!(
                "the folder {} does not exist",
                dir.path().join("no/such").display()
            )),
            "{refused}"
        );
        assert!(!dir.path().join("no").exists());
        write(&path, b"x", WriteOptions::OWN).expect("made");
        assert_eq!(std::fs::read(&path).expect("read"), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_written_into_or_refused_never_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().expect("temp");
        let null = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &null).expect("link");
        write(&null, b"x", WriteOptions::OUTPUT).expect("written into");
        assert!(
            std::fs::symlink_metadata(&null)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::metadata("/dev/null")
                .expect("meta")
                .file_type()
                .is_char_device()
        );
        assert!(matches!(
            write(&null, b"x", WriteOptions::OWN),
            Err(WriteError::NotRegular("a character device"))
        ));
        let pipe = dir.path().join("pipe");
        fifo(&pipe);
        assert!(matches!(
            write(&pipe, b"x", WriteOptions::OUTPUT),
            Err(WriteError::NoReader)
        ));
        assert!(
            std::fs::metadata(&pipe)
                .expect("meta")
                .file_type()
                .is_fifo()
        );
        let reader = std::thread::spawn({
            let pipe = pipe.clone();
            move || std::fs::read(pipe).expect("reads the FIFO")
        });
        // The reader may not have opened it yet: the writer retries until it has.
        let payload = vec![b'y'; 200_000];
        let mut written = false;
        for _ in 0..200 {
            match write(&pipe, &payload, WriteOptions::OUTPUT) {
                Err(WriteError::NoReader) => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => {
                    other.expect("written");
                    written = true;
                    break;
                }
            }
        }
        assert!(written);
        assert_eq!(reader.join().expect("reader").len(), payload.len());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_file_stays_a_link_and_its_target_is_replaced() {
        let dir = tempfile::tempdir().expect("temp");
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        write(&link, b"new", WriteOptions::OUTPUT).expect("writes");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), &dangling).expect("link");
        assert!(matches!(
            write(&dangling, b"x", WriteOptions::OUTPUT),
            Err(WriteError::DanglingLink(_))
        ));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(bytes(8 * 1024 * 1024), "8 MiB");
        assert_eq!(bytes(4096), "4 KiB");
        assert_eq!(bytes(22_649_241), "21.6 MiB");
        assert_eq!(bytes(100), "100 bytes");
    }
}

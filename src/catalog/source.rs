//! Where catalog files come from, in SPEC order: the bundled catalogs compiled into the
//! binary, the config dir's `catalogs/`, then each `--catalog` path.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::files::ReadError;
use crate::yaml::MAX_FILE_BYTES;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// How messages name a bundled catalog file: `<bundled>/comptia.yaml`. Such a file is part of
/// the program, not a file on disk.
pub const BUNDLED_PREFIX: &str = "<bundled>/";

/// Whether a file name from a problem names a bundled catalog, which has no file to edit.
pub fn is_bundled(name: &str) -> bool {
    name.starts_with(BUNDLED_PREFIX)
}

/// The bundled catalogs as (file name, contents), in sorted order.
pub fn bundled() -> &'static [(&'static str, &'static str)] {
    BUNDLED
}

/// Which sources to read.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub bundled: bool,
    /// The folder of user catalogs (`<config dir>/catalogs`), read when it exists.
    pub user_dir: Option<PathBuf>,
    /// Each `--catalog` path, a file or a folder.
    pub paths: Vec<PathBuf>,
}

impl Sources {
    /// The bundled catalogs, the user's folder of catalogs (`<config dir>/catalogs`, which
    /// the caller finds: where the user's files live is the store's business, not the
    /// catalog's), and `paths`, as the command line asks.
    pub fn standard(no_bundled: bool, user_dir: Option<PathBuf>, paths: Vec<PathBuf>) -> Sources {
        Sources {
            bundled: !no_bundled,
            user_dir,
            paths,
        }
    }

    /// Only the given paths: for tests and tools.
    pub fn only(paths: Vec<PathBuf>) -> Sources {
        Sources {
            bundled: false,
            user_dir: None,
            paths,
        }
    }
}

/// One file to load: its name as shown in messages, and its bytes or why they could not
/// be read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: Arc<str>,
    /// The path on disk, for watching; `None` for bundled files.
    pub path: Option<PathBuf>,
    pub content: Result<Bytes, String>,
}

/// File contents: borrowed for bundled files, owned for files on disk.
#[derive(Debug, Clone)]
pub enum Bytes {
    Static(&'static str),
    Owned(Vec<u8>),
}

impl Bytes {
    pub fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Static(text) => text.as_bytes(),
            Bytes::Owned(bytes) => bytes,
        }
    }
}

/// Every file of every source, in order. Problems reaching a file (a missing path, a
/// symlink loop, a file too big) become files whose content is the error.
pub fn gather(sources: &Sources) -> Vec<SourceFile> {
    let mut files = Vec::new();
    if sources.bundled {
        files.extend(bundled().iter().map(|&(name, text)| SourceFile {
            name: Arc::from(format!("{BUNDLED_PREFIX}{name}")),
            path: None,
            content: Ok(Bytes::Static(text)),
        }));
    }
    if let Some(dir) = sources.user_dir.as_ref().filter(|dir| dir.is_dir()) {
        files.extend(walk(dir));
    }
    for path in &sources.paths {
        files.extend(walk(path));
    }
    files
}

/// Like [`gather`], but for a reload racing an editor. The files are read, and read again a
/// moment later, until two reads agree in every file's bytes, length and modification time:
/// a file caught half-written (which may still parse, with fewer credentials) is not used,
/// and neither is one rewritten between the reads, even with the same half. `None` when
/// the files keep changing: the caller keeps what it has, and the next change tries again.
pub fn gather_settled(sources: &Sources) -> Option<Vec<SourceFile>> {
    const TRIES: usize = 8;
    const GAP: std::time::Duration = std::time::Duration::from_millis(150);
    let mut last = gather(sources);
    let mut last_stamps = stamps(&last);
    for _ in 0..TRIES {
        std::thread::sleep(GAP);
        let again = gather(sources);
        let again_stamps = stamps(&again);
        if last_stamps == again_stamps && same(&last, &again) {
            return Some(again);
        }
        (last, last_stamps) = (again, again_stamps);
    }
    None
}

/// Each file's length and modification time, as the file system has them now.
fn stamps(files: &[SourceFile]) -> Vec<Option<(u64, std::time::SystemTime)>> {
    files
        .iter()
        .map(|file| {
            let meta = std::fs::metadata(file.path.as_ref()?).ok()?;
            Some((meta.len(), meta.modified().ok()?))
        })
        .collect()
}

fn same(a: &[SourceFile], b: &[SourceFile]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.name == y.name
                && match (&x.content, &y.content) {
                    (Ok(x), Ok(y)) => x.as_slice() == y.as_slice(),
                    (Err(x), Err(y)) => x == y,
                    _ => false,
                }
        })
}

/// The most files and folders one catalog folder may hold. A registry export of a million
/// credentials is a few thousand files; past this, the folder is almost certainly not a
/// folder of catalogs (`--catalog /`, a home folder), and walking on would take minutes.
pub const MAX_WALK_ENTRIES: usize = 100_000;

/// The YAML files under `root` (or `root` itself when it is a file), in sorted path order.
/// The walk follows symlinks (with loops detected) but stays on `root`'s file system, so a
/// link into `/proc` or `/sys` is not followed, reads only regular files, and stops with an
/// error past [`MAX_WALK_ENTRIES`].
fn walk(root: &Path) -> Vec<SourceFile> {
    walk_within(root, MAX_WALK_ENTRIES)
}

fn walk_within(root: &Path, limit: usize) -> Vec<SourceFile> {
    locate_within(root, limit)
        .into_iter()
        .map(Found::read)
        .collect()
}

/// One file of the sources: a file on disk to read, or one had already (a bundled file, or
/// why a path could not be walked or read).
pub(super) enum Found {
    File(PathBuf),
    Had(SourceFile),
}

impl Found {
    fn name(&self) -> Arc<str> {
        match self {
            Found::File(path) => display_name(path),
            Found::Had(file) => Arc::clone(&file.name),
        }
    }

    /// The file, read if it is on disk.
    pub(super) fn read(self) -> SourceFile {
        match self {
            Found::File(path) => read(&path),
            Found::Had(file) => file,
        }
    }
}

/// Every file of every source as [`gather`] finds them, in its order, without reading them.
pub(super) fn locate(sources: &Sources) -> Vec<Found> {
    let mut found = Vec::new();
    if sources.bundled {
        found.extend(bundled().iter().map(|&(name, text)| {
            Found::Had(SourceFile {
                name: Arc::from(format!("{BUNDLED_PREFIX}{name}")),
                path: None,
                content: Ok(Bytes::Static(text)),
            })
        }));
    }
    if let Some(dir) = sources.user_dir.as_ref().filter(|dir| dir.is_dir()) {
        found.extend(locate_within(dir, MAX_WALK_ENTRIES));
    }
    for path in &sources.paths {
        found.extend(locate_within(path, MAX_WALK_ENTRIES));
    }
    found
}

/// [`walk_within`]'s files, found but not read.
fn locate_within(root: &Path, limit: usize) -> Vec<Found> {
    match std::fs::metadata(root) {
        Err(error) => return vec![Found::Had(unreadable(root, &describe_io(&error)))],
        Ok(meta) if !meta.is_dir() => return vec![Found::File(root.to_path_buf())],
        Ok(_) => {}
    }
    let mut found: Vec<Found> = Vec::new();
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .same_file_system(true)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for (seen, entry) in entries.enumerate() {
        if seen >= limit {
            return vec![Found::Had(unreadable(
                root,
                &format!(
                    "the folder holds more than {} files and folders, too many to be a folder of catalogs; give the folder that holds your catalog files, or split it",
                    crate::text::thousands(limit)
                ),
            ))];
        }
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_yaml(entry.path()) => {
                found.push(Found::File(entry.path().to_path_buf()));
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let reason = match error.loop_ancestor() {
                    Some(ancestor) => format!(
                        "directory symlink loop: this folder leads back to {}; remove the link or point it elsewhere",
                        ancestor.display()
                    ),
                    None => error
                        .io_error()
                        .map_or_else(|| error.to_string(), describe_io),
                };
                found.push(Found::Had(unreadable(&path, &reason)));
            }
        }
    }
    found.sort_by_cached_key(Found::name);
    found
}

/// A catalog file's name: `*.yaml` or `*.yml`, in any case.
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

fn display_name(path: &Path) -> Arc<str> {
    Arc::from(crate::text::sanitize_line(&path.display().to_string()).as_ref())
}

fn unreadable(path: &Path, reason: &str) -> SourceFile {
    SourceFile {
        name: display_name(path),
        path: Some(path.to_path_buf()),
        content: Err(reason.to_owned()),
    }
}

/// Reads a file, refusing anything that is not a regular file or is over the size limit
/// (checked while reading too, in case it grows).
pub fn read(path: &Path) -> SourceFile {
    let content = read_bounded(path);
    SourceFile {
        name: display_name(path),
        path: Some(path.to_path_buf()),
        content,
    }
}

fn read_bounded(path: &Path) -> Result<Bytes, String> {
    crate::files::read(path, MAX_FILE_BYTES)
        .map(Bytes::Owned)
        .map_err(|error| match error {
            ReadError::NotFound => "no such file or folder".to_owned(),
            ReadError::NotRegular(kind) => {
                format!("it is {kind}, not a file; give a YAML file or a folder of them")
            }
            ReadError::TooBig { .. } => format!(
                "the file is larger than {}, the limit for one catalog file; split it into several files",
                crate::files::bytes(MAX_FILE_BYTES)
            ),
            ReadError::Denied => "cannot be read: permission denied".to_owned(),
            other => format!("cannot be read: {other}"),
        })
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a folder, not a file".to_owned(),
        std::io::ErrorKind::InvalidData => "cannot be read: it is not valid data".to_owned(),
        _ => format!("cannot be read: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[SourceFile]) -> Vec<String> {
        files.iter().map(|file| file.name.to_string()).collect()
    }

    #[test]
    fn a_walk_past_its_limit_stops_with_one_error() {
        let dir = tempfile::tempdir().expect("temp");
        for i in 0..12 {
            std::fs::write(dir.path().join(format!("{i}.yaml")), "").expect("write");
        }
        assert_eq!(walk_within(dir.path(), 20).len(), 12);
        let stopped = walk_within(dir.path(), 10);
        assert_eq!(stopped.len(), 1);
        assert_eq!(
            stopped[0].content.as_ref().err().map(String::as_str),
            Some(
                "the folder holds more than 10 files and folders, too many to be a folder of catalogs; give the folder that holds your catalog files, or split it"
            )
        );
        assert_eq!(crate::text::thousands(MAX_WALK_ENTRIES), "100,000");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_walk_does_not_follow_links_onto_other_file_systems() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join("a.yaml"), "").expect("write");
        std::os::unix::fs::symlink("/proc", dir.path().join("proc")).expect("link");
        std::os::unix::fs::symlink("/sys", dir.path().join("sys")).expect("link");
        let found = walk(dir.path());
        assert_eq!(
            names(&found),
            [dir.path().join("a.yaml").display().to_string()]
        );
    }
}

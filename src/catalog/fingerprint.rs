//! What a load read: each catalog file's name, path, size, modification time and a hash of
//! its bytes, so hot reload can tell a real change from a read, a `touch` or a save of the
//! same text, and load nothing when nothing changed.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_64;

use super::source::SourceFile;

/// The files of one load, in the order they were loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    files: Vec<FilePrint>,
}

/// One file as a load read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePrint {
    pub name: Arc<str>,
    /// `None` for bundled files.
    pub path: Option<PathBuf>,
    /// When the file was last written, as the file system said just after the read; `None`
    /// for bundled files or where it cannot be had. Kept for a cache keyed on path, size and
    /// time, but never compared here: saving the same bytes again changes it and nothing else.
    pub modified: Option<SystemTime>,
    pub content: Content,
}

/// A file's bytes, summed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Read {
        len: u64,
        hash: u64,
    },
    /// Why the file could not be read; a different reason is a different load.
    Unreadable(String),
}

impl Fingerprint {
    /// The fingerprint of files just read. Only their modification times are asked of the
    /// file system: the bytes are the ones read, not read again. Files are hashed in
    /// parallel: a warm start hashes every byte of the catalogs before it can use the cache.
    pub fn of(files: &[SourceFile]) -> Fingerprint {
        use rayon::prelude::*;
        Fingerprint {
            files: files.par_iter().map(FilePrint::of).collect(),
        }
    }

    pub fn files(&self) -> &[FilePrint] {
        &self.files
    }

    /// Whether loading either would give the same: the same files, in the same order, with
    /// the same bytes. Modification times do not count (see [`FilePrint::modified`]).
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| (&a.name, &a.path, &a.content) == (&b.name, &b.path, &b.content))
    }
}

impl FilePrint {
    fn of(file: &SourceFile) -> FilePrint {
        let content = match &file.content {
            Ok(bytes) => {
                let bytes = bytes.as_slice();
                Content::Read {
                    len: bytes.len() as u64,
                    hash: xxh3_64(bytes),
                }
            }
            Err(reason) => Content::Unreadable(reason.clone()),
        };
        let modified = file
            .path
            .as_ref()
            .and_then(|path| std::fs::metadata(path).ok())
            .and_then(|meta| meta.modified().ok());
        FilePrint {
            name: Arc::clone(&file.name),
            path: file.path.clone(),
            modified,
            content,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Sources, source};
    use std::fs::File;
    use std::path::Path;

    const ACME: &str = "format: 1\nprovider: {id: acme, name: Acme}\ncredentials:\n  - {id: a, title: A, kind: course, hours: 1, cost: 0}\n";

    fn print(dir: &Path) -> Fingerprint {
        Fingerprint::of(&source::gather(&Sources::only(vec![dir.to_path_buf()])))
    }

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("acme.yaml"), ACME).expect("write");
        std::fs::write(dir.path().join("beta.yaml"), "format: 1\n").expect("write");
        dir
    }

    #[test]
    fn files_read_again_unchanged_are_the_same() {
        let dir = folder();
        let first = print(dir.path());
        assert_eq!(first.files().len(), 2);
        assert!(first.same_content(&print(dir.path())));
    }

    #[test]
    fn the_same_bytes_saved_again_are_the_same() {
        let dir = folder();
        let first = print(dir.path());
        let path = dir.path().join("acme.yaml");
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::write(&path, ACME).expect("write");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(later))
            .expect("set the time");
        let again = print(dir.path());
        assert_ne!(first.files()[0].modified, again.files()[0].modified);
        assert!(first.same_content(&again));
    }

    #[test]
    fn one_byte_changed_with_the_same_size_and_time_is_a_change() {
        let dir = folder();
        let path = dir.path().join("acme.yaml");
        let first = print(dir.path());
        let modified = std::fs::metadata(&path)
            .and_then(|meta| meta.modified())
            .expect("a time");
        std::fs::write(&path, ACME.replace("title: A", "title: B")).expect("write");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(modified))
            .expect("put the time back");
        let again = print(dir.path());
        assert_eq!(first.files()[0].modified, again.files()[0].modified);
        assert!(matches!(
            (&first.files()[0].content, &again.files()[0].content),
            (Content::Read { len: a, .. }, Content::Read { len: b, .. }) if a == b
        ));
        assert!(!first.same_content(&again));
    }

    #[test]
    fn a_file_added_is_a_change() {
        let dir = folder();
        let first = print(dir.path());
        std::fs::write(dir.path().join("gamma.yaml"), "format: 1\n").expect("write");
        assert!(!first.same_content(&print(dir.path())));
    }

    #[test]
    fn a_file_removed_is_a_change() {
        let dir = folder();
        let first = print(dir.path());
        std::fs::remove_file(dir.path().join("beta.yaml")).expect("remove");
        assert!(!first.same_content(&print(dir.path())));
    }

    #[test]
    fn a_file_renamed_with_the_same_bytes_is_a_change() {
        let dir = folder();
        let first = print(dir.path());
        std::fs::rename(dir.path().join("beta.yaml"), dir.path().join("gamma.yaml"))
            .expect("rename");
        assert!(!first.same_content(&print(dir.path())));
    }

    #[test]
    fn bundled_files_are_fingerprinted_without_a_path_or_time() {
        let files = source::gather(&Sources {
            bundled: true,
            ..Sources::default()
        });
        let print = Fingerprint::of(&files);
        assert!(!print.files().is_empty());
        assert!(
            print
                .files()
                .iter()
                .all(|file| file.path.is_none() && file.modified.is_none())
        );
        assert!(print.same_content(&Fingerprint::of(&files)));
    }
}

//! What a load read: each catalog file's name, path, size, modification time and a hash of
//! its bytes, so hot reload can tell a real change from a read, a `touch` or a save of the
//! same text, and load nothing when nothing changed.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_64;

use super::source::{self, SourceFile, Sources};

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

    /// The fingerprint of the files `sources` name, as [`Fingerprint::of`] their files as
    /// [`source::gather`] reads them gives, but each file read and hashed on its own, on
    /// every core, and its bytes let go once hashed: a warm start at a million credentials
    /// holds a few files' bytes at a time, not 300 MB. [`FilePrint::reread`] gives a file
    /// back where its bytes are needed.
    pub fn read(sources: &Sources) -> Fingerprint {
        use rayon::prelude::*;
        Fingerprint {
            files: source::locate(sources)
                .into_par_iter()
                .map(|found| FilePrint::of(&found.read()))
                .collect(),
        }
    }

    /// The fingerprint of a load that printed each file as it read it, in file order.
    pub(super) fn of_prints(files: Vec<FilePrint>) -> Fingerprint {
        Fingerprint { files }
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
    /// The file this print was taken of, as [`source::gather`] reads it: read again from disk
    /// (or the bundled text, or the reason it could not be read), and `None` when its bytes
    /// are not those printed any more, so nothing is ever shown from a file other than the
    /// one a load was of.
    pub fn reread(&self) -> Option<SourceFile> {
        let file = match (&self.path, &self.content) {
            (_, Content::Unreadable(reason)) => SourceFile {
                name: Arc::clone(&self.name),
                path: self.path.clone(),
                content: Err(reason.clone()),
            },
            (Some(path), Content::Read { .. }) => source::read(path),
            (None, Content::Read { .. }) => {
                let text = source::bundled().iter().find_map(|&(name, text)| {
                    (self.name.strip_prefix(source::BUNDLED_PREFIX) == Some(name)).then_some(text)
                })?;
                SourceFile {
                    name: Arc::clone(&self.name),
                    path: None,
                    content: Ok(source::Bytes::Static(text)),
                }
            }
        };
        self.is_of(&file).then_some(file)
    }

    /// Whether `file` is the one printed: the same name, and the same bytes (by length and
    /// hash) or the same reason they could not be read.
    pub(super) fn is_of(&self, file: &SourceFile) -> bool {
        let same = match (&file.content, &self.content) {
            (Ok(bytes), Content::Read { len, hash }) => {
                bytes.as_slice().len() as u64 == *len && xxh3_64(bytes.as_slice()) == *hash
            }
            (Err(reason), Content::Unreadable(printed)) => reason == printed,
            _ => false,
        };
        same && file.name == self.name
    }

    /// The print of `file`, just read: its bytes hashed, and its modification time asked of
    /// the file system.
    pub(super) fn of(file: &SourceFile) -> FilePrint {
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
        assert_eq!(
            Fingerprint::read(&Sources::only(vec![dir.path().to_path_buf()])),
            again,
            "read and let go, the same"
        );
        assert_eq!(first.files()[0].modified, again.files()[0].modified);
        assert!(matches!(
            (&first.files()[0].content, &again.files()[0].content),
            (Content::Read { len: a, .. }, Content::Read { len: b, .. }) if a == b
        ));
        assert!(!first.same_content(&again));
    }

    #[test]
    fn files_read_and_let_go_print_as_files_gathered() {
        let dir = folder();
        std::fs::write(dir.path().join("notes.txt"), "not a catalog").expect("write");
        let sources = Sources {
            bundled: true,
            user_dir: None,
            paths: vec![
                dir.path().to_path_buf(),
                dir.path().join("missing.yaml"),
                dir.path().join("acme.yaml"),
            ],
        };
        let gathered = Fingerprint::of(&source::gather(&sources));
        let read = Fingerprint::read(&sources);
        assert_eq!(read, gathered);
        assert!(matches!(
            read.files().last().map(|file| &file.content),
            Some(Content::Read { .. })
        ));
        assert!((read.files().iter()).any(|file| matches!(file.content, Content::Unreadable(_))));
    }

    #[test]
    fn a_file_read_again_is_given_back_only_while_its_bytes_are_those_printed() {
        let dir = folder();
        let sources = Sources {
            bundled: true,
            user_dir: None,
            paths: vec![dir.path().to_path_buf(), dir.path().join("missing.yaml")],
        };
        let read = Fingerprint::read(&sources);
        let gathered = source::gather(&sources);
        for (print, file) in read.files().iter().zip(&gathered) {
            let again = print.reread().expect("unchanged");
            assert_eq!(again.name, file.name);
            assert_eq!(again.path, file.path);
            match (&again.content, &file.content) {
                (Ok(a), Ok(b)) => assert_eq!(a.as_slice(), b.as_slice()),
                (Err(a), Err(b)) => assert_eq!(a, b),
                _ => panic!("{} read differently", file.name),
            }
        }
        let acme = (read.files().iter())
            .find(|file| file.name.ends_with("acme.yaml"))
            .expect("acme");
        std::fs::write(
            dir.path().join("acme.yaml"),
            ACME.replace("title: A", "title: B"),
        )
        .expect("write");
        assert!(acme.reread().is_none(), "one byte changed, same size");
        std::fs::remove_file(dir.path().join("acme.yaml")).expect("remove");
        assert!(acme.reread().is_none(), "gone");
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

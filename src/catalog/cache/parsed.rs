//! The parse store: what parsing each catalog file gave, one entry a file in the cache dir's
//! `parsed/` folder, so a load the whole-catalog entries cannot serve (a hot reload, a start
//! after one file changed) parses only the files that changed and takes the rest from here.
//! Merging and checking run on every file as before, so the load is a cold load's, by
//! construction.
//!
//! An entry is named by a hash of its file's path (of its name, for a bundled file) and holds
//! a fixed header (magic, format version, the source's size and xxh3 hash, the length and
//! hash of what follows), upskill's version, and the parsed file in postcard. Parsing depends
//! on nothing but the file's bytes, so an entry whose source size and hash match is what
//! parsing would give. Anything else (cut short, a byte changed, another version, a folder or
//! FIFO in its place) is a miss: the file is parsed, and its entry written again. Only files
//! that parse cleanly are stored; a file with errors is parsed each time, for its errors.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use xxhash_rust::xxh3::xxh3_64;

use crate::catalog::format::CatalogFile;
use crate::catalog::source::SourceFile;
use crate::catalog::{Outcome, parse_file};
use crate::files::WriteOptions;

/// The folder of the store in the cache dir.
pub const FOLDER: &str = "parsed";

/// The layout of an entry. Raise it whenever a format type changes shape (a field added,
/// removed or reordered): an entry of another layout is then never decoded.
/// `tests::the_stored_layout_is_pinned` fails until it is raised.
pub const PARSED_VERSION: u32 = 1;

/// The first bytes of every entry.
const MAGIC: &[u8; 16] = b"upskill-parsed\n\0";

/// Magic, version, then the source's size and hash, and the payload's length and hash.
const HEADER: usize = super::header::size(MAGIC.len());

/// The most read of an entry beyond four times its source's size: postcard is about the size
/// of the YAML it was parsed from (a list like `[a,b,c]` doubles at worst), so anything past
/// this is not one of ours.
const SLACK_BYTES: u64 = 64 * 1024;

/// How many parsed files may wait to be written: enough that parsing never waits on a disk
/// that keeps up, few enough that waiting entries cost little memory.
const QUEUE: usize = 64;

/// The store in one cache dir, counting what a load took from it and what it parsed.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    reused: AtomicUsize,
    parsed: AtomicUsize,
}

/// An entry encoded, waiting to be written.
type Pending = (PathBuf, Vec<u8>);

impl Store {
    /// The store of the cache in `cache_dir`.
    pub fn new(cache_dir: &Path) -> Store {
        Store {
            dir: cache_dir.join(FOLDER),
            reused: AtomicUsize::new(0),
            parsed: AtomicUsize::new(0),
        }
    }

    /// How many files loads through this store took from it.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// How many files loads through this store parsed.
    pub fn parsed(&self) -> usize {
        self.parsed.load(Ordering::Relaxed)
    }

    /// Where `file`'s entry is: named by a hash of its path, so an edited file's new entry
    /// replaces its old one.
    pub(super) fn entry_path(&self, file: &SourceFile) -> PathBuf {
        let named = match &file.path {
            Some(path) => [b"path:".as_slice(), path.as_os_str().as_encoded_bytes()].concat(),
            None => [b"name:".as_slice(), file.name.as_bytes()].concat(),
        };
        self.dir.join(format!("{:016x}.bin", xxh3_64(&named)))
    }

    /// What parsing `file` gave, when its entry is whole and of these bytes.
    pub(in crate::catalog) fn take(&self, file: &SourceFile, bytes: &[u8]) -> Option<CatalogFile> {
        let limit = (bytes.len() as u64)
            .saturating_mul(4)
            .saturating_add(SLACK_BYTES);
        let entry = crate::files::read(&self.entry_path(file), limit).ok()?;
        let payload = checked(&entry, bytes)?;
        let (version, spec): (&str, CatalogFile) = postcard::from_bytes(payload).ok()?;
        (version == env!("CARGO_PKG_VERSION")).then_some(spec)
    }

    /// Counts a file taken from the store, or parsed.
    pub(in crate::catalog) fn count(&self, reused: bool) {
        let counter = if reused { &self.reused } else { &self.parsed };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// `file`'s entry for what parsing `bytes` gave, to hand to a [`Writer`]; `None` when it
    /// cannot be encoded (never for a parsed file, but a cache only ever speeds a load up).
    pub(in crate::catalog) fn entry(
        &self,
        file: &SourceFile,
        bytes: &[u8],
        spec: &CatalogFile,
    ) -> Option<Pending> {
        let mut entry = vec![0; HEADER];
        entry = postcard::to_extend(&(env!("CARGO_PKG_VERSION"), spec), entry).ok()?;
        let payload_hash = xxh3_64(&entry[HEADER..]);
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&PARSED_VERSION.to_le_bytes());
        for number in [
            bytes.len() as u64,
            xxh3_64(bytes),
            (entry.len() - HEADER) as u64,
            payload_hash,
        ] {
            header.extend_from_slice(&number.to_le_bytes());
        }
        entry[..HEADER].copy_from_slice(&header);
        Some((self.entry_path(file), entry))
    }
}

/// The payload of `entry`, when its header is ours and says it was parsed from `source`.
fn checked<'a>(entry: &'a [u8], source: &[u8]) -> Option<&'a [u8]> {
    let (header, payload) = entry.split_at_checked(HEADER)?;
    let [source_len, source_hash, payload_len, payload_hash] =
        super::header::numbers(header, MAGIC, PARSED_VERSION)?;
    let whole = source_len == source.len() as u64
        && payload_len == payload.len() as u64
        && xxh3_64(payload) == payload_hash
        && xxh3_64(source) == source_hash;
    whole.then_some(payload)
}

/// Writes entries on a thread of its own while the load goes on: each is written atomically
/// (a temporary file, flushed, and a rename), which waits on the disk, and parsing need not.
pub(in crate::catalog) struct Writer {
    queue: Option<SyncSender<Pending>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Writer {
    pub(in crate::catalog) fn start() -> Writer {
        let (queue, pending) = sync_channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("parse store".to_owned())
            .spawn(move || write_all(&pending))
            .ok();
        Writer {
            queue: thread.is_some().then_some(queue),
            thread,
        }
    }

    /// Queues `entry` to be written; dropped when there is no writer.
    pub(in crate::catalog) fn write(&self, entry: Pending) {
        if let Some(queue) = &self.queue {
            let _ = queue.send(entry);
        }
    }

    /// Waits until every queued entry is written, so the store holds what this load parsed.
    pub(in crate::catalog) fn finish(mut self) {
        self.queue = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn write_all(pending: &Receiver<Pending>) {
    for (path, bytes) in pending {
        // A store that cannot be written (a full disk, a file where its folder should be)
        // only makes the next load slower: nothing is shown.
        let _ = crate::files::write(&path, &bytes, WriteOptions::OWN);
    }
}

/// The store's entries in `cache_dir` (and any temporary file a write left), with their
/// sizes, for `upskill cache`.
pub fn present(cache_dir: &Path) -> Vec<(PathBuf, u64)> {
    let dir = cache_dir.join(FOLDER);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, u64)> = entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let meta = entry.metadata().ok()?;
            meta.is_file().then(|| (entry.path(), meta.len()))
        })
        .collect();
    found.sort();
    found
}

/// The header's size, for tests that cut an entry inside or just past it.
#[cfg(test)]
pub(super) fn tests_header() -> usize {
    HEADER
}

/// What parsing `file` gives: from `store` when it holds it for the file's bytes, else parsed
/// (and, when it parsed cleanly, queued on `writer` to be stored).
pub(in crate::catalog) fn parse<'a>(
    store: &Store,
    writer: &Writer,
    file: &'a SourceFile,
) -> (&'a str, Outcome) {
    if let Ok(bytes) = &file.content
        && let Some(spec) = store.take(file, bytes.as_slice())
        && let Ok(text) = crate::yaml::decode(bytes.as_slice())
    {
        store.count(true);
        return (text, Outcome::Parsed(spec));
    }
    store.count(false);
    let (text, outcome) = parse_file(file);
    if let (Outcome::Parsed(spec), Ok(bytes)) = (&outcome, &file.content)
        && let Some(entry) = store.entry(file, bytes.as_slice(), spec)
    {
        writer.write(entry);
    }
    (text, outcome)
}

/// Removes the store's folder in `cache_dir` with whatever is in it (a link in its place is
/// removed, not followed); `Ok` when there is none.
pub fn clear(cache_dir: &Path) -> Result<(), (PathBuf, std::io::Error)> {
    let dir = cache_dir.join(FOLDER);
    let removed = match std::fs::symlink_metadata(&dir) {
        Err(_) => return Ok(()),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(&dir),
        Ok(_) => std::fs::remove_file(&dir),
    };
    removed.map_err(|error| (dir, error))
}

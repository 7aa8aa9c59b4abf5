//! One cache file: a fixed header, the key, then the stored load, both in postcard. The
//! header holds each part's length and xxh3 hash, so a truncated, grown or altered file is
//! refused before anything in it is decoded.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::parts::{self, Pieces};
use super::restore::{self, Origin};
use super::{Kind, header};
use crate::catalog::fingerprint::Content;
use crate::catalog::freshness::Freshness;
use crate::catalog::{Fingerprint, LeftOut, Loaded, Problem, Report};
use crate::files::{WriteError, WriteOptions};

/// The layout of the stored load. Raise it whenever a stored type changes shape (a field
/// added, removed or reordered in the catalog's model, a problem or a left-out file): an
/// entry of another layout is then never decoded. `tests::the_stored_layout_is_pinned`
/// fails until it is raised.
pub const FORMAT_VERSION: u32 = 8;

/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"upskill-catalog\n";

/// Magic, format version, then the key's and the stored load's length and hash.
const HEADER: usize = header::size(MAGIC.len());

/// How many times its YAML an entry may be: postcard is smaller than YAML (0.75x for generated
/// catalogs), but the catalog's indices and graph are stored beside what the files said.
const YAML_RATIO: u64 = 4;

/// The most read of a cache file beyond [`YAML_RATIO`] times the catalog files' size: anything
/// past this is not one of ours, and is not read.
const SLACK_BYTES: u64 = 64 * 1024 * 1024;

/// What an entry must match to be used: the program, the kind of load and every file.
#[derive(Debug, Serialize)]
pub(super) struct Key {
    version: &'static str,
    kind: KindKey,
    files: Vec<FileKey>,
}

/// Which load: the commands', the app's, or `validate`'s report on a day with a maximum age.
#[derive(Debug, Serialize)]
pub(super) enum KindKey {
    Plain,
    Usable,
    Report {
        today: String,
        max_age_months: u32,
    },
    /// The app's first look at a large catalog (see `first`).
    First,
}

impl KindKey {
    pub(super) fn load(kind: Kind) -> KindKey {
        match kind {
            Kind::Plain => KindKey::Plain,
            Kind::Usable => KindKey::Usable,
        }
    }

    pub(super) fn report(freshness: Freshness) -> KindKey {
        KindKey::Report {
            today: freshness.today.to_string(),
            max_age_months: freshness.max_age_months,
        }
    }
}

#[derive(Debug, Serialize)]
struct FileKey {
    name: Arc<str>,
    path: Option<String>,
    /// Seconds and nanoseconds since the Unix epoch.
    modified: Option<(u64, u32)>,
    content: ContentKey,
}

#[derive(Debug, Serialize)]
enum ContentKey {
    Read { len: u64, hash: u64 },
    Unreadable(String),
}

impl Key {
    pub(super) fn new(print: &Fingerprint, kind: KindKey) -> Key {
        let files = print
            .files()
            .iter()
            .map(|file| FileKey {
                name: Arc::clone(&file.name),
                path: file
                    .path
                    .as_ref()
                    .map(|path| path.to_string_lossy().into_owned()),
                modified: file
                    .modified
                    .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
                    .map(|since| (since.as_secs(), since.subsec_nanos())),
                content: match &file.content {
                    Content::Read { len, hash } => ContentKey::Read {
                        len: *len,
                        hash: *hash,
                    },
                    Content::Unreadable(reason) => ContentKey::Unreadable(reason.clone()),
                },
            })
            .collect();
        Key {
            version: env!("CARGO_PKG_VERSION"),
            kind,
            files,
        }
    }

    /// The most a cache file for these files may hold.
    fn limit(&self) -> u64 {
        let yaml: u64 = self
            .files
            .iter()
            .map(|file| match file.content {
                ContentKey::Read { len, .. } => len,
                ContentKey::Unreadable(_) => 0,
            })
            .sum();
        yaml.saturating_mul(YAML_RATIO).saturating_add(SLACK_BYTES)
    }
}

/// What is stored: everything of a [`Loaded`] that the files alone do not give back, as
/// [`write`] writes it.
#[cfg(test)]
#[derive(Serialize)]
struct Stored<'a, P, L> {
    catalog: parts::Parts<'a>,
    problems: P,
    left_out: L,
}

/// Why an entry was not written; never shown, since a cache that cannot be written only
/// makes the next start slower.
#[derive(Debug)]
pub(super) enum WriteFailure {
    Encode,
    Write,
}

impl From<postcard::Error> for WriteFailure {
    fn from(_: postcard::Error) -> Self {
        WriteFailure::Encode
    }
}

impl From<WriteError> for WriteFailure {
    fn from(_: WriteError) -> Self {
        WriteFailure::Write
    }
}

/// Writes `loaded` to `path` under `key`, atomically. (Its catalog is borrowed mutably only
/// to encode its credentials apart; it is left as it was.) The bytes are written as they are
/// encoded, a few chunks of credentials at a time, so writing holds no copy of the catalog:
/// at a million credentials that copy was 235 MB, and the peak of a cold start.
pub(super) fn write(path: &Path, key: &Key, loaded: &mut Loaded) -> Result<(), WriteFailure> {
    write_entry(path, key, |out| {
        // The fields of `Stored` in order, as postcard lays out a struct.
        parts::write(&mut loaded.catalog, &mut *out)?;
        postcard::to_io(&loaded.problems, &mut *out).map_err(io::Error::other)?;
        postcard::to_io(&loaded.left_out, &mut *out).map_err(io::Error::other)?;
        Ok(())
    })
}

/// Writes `validate`'s report to `path` under `key`, atomically.
pub(super) fn write_report(path: &Path, key: &Key, report: &Report) -> Result<(), WriteFailure> {
    write_stored(path, key, report)
}

pub(super) fn write_stored(
    path: &Path,
    key: &Key,
    stored: &impl Serialize,
) -> Result<(), WriteFailure> {
    write_entry(path, key, |out| {
        postcard::to_io(stored, out).map_err(io::Error::other)?;
        Ok(())
    })
}

/// Writes an entry to `path` atomically: the header, the key, and what `body` writes, hashed
/// as it goes; the header's numbers are filled in last.
fn write_entry(
    path: &Path,
    key: &Key,
    body: impl FnOnce(&mut Hashing<BufWriter<&mut File>>) -> io::Result<()>,
) -> Result<(), WriteFailure> {
    let key = postcard::to_allocvec(key)?;
    crate::files::write_with(path, WriteOptions::OWN, |file| {
        file.write_all(&[0; HEADER])?;
        file.write_all(&key)?;
        let mut out = Hashing {
            out: BufWriter::with_capacity(1 << 20, &mut *file),
            hasher: Xxh3::new(),
            len: 0,
        };
        body(&mut out)?;
        let Hashing { out, hasher, len } = out;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        header.extend_from_slice(&(key.len() as u64).to_le_bytes());
        header.extend_from_slice(&xxh3_64(&key).to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&hasher.digest().to_le_bytes());
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&header)
    })?;
    Ok(())
}

/// A writer that hashes and counts what goes through it.
struct Hashing<W> {
    out: W,
    hasher: Xxh3,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The load stored at `path`, if it is whole, of this program and format, and under `key`;
/// `files` are the files the key was taken from, which give back the rest of [`Loaded`].
///
/// The file is read in pieces, a piece for each part of the catalog, and every byte is
/// hashed as it is read; nothing is decoded until the whole file is read and its hashes are
/// right. Each part's bytes are then let go as soon as it is decoded.
pub(super) fn read(path: &Path, key: &Key, files: Origin<'_>) -> Option<Loaded> {
    let expected_key = postcard::to_allocvec(key).ok()?;
    let stream = crate::files::open(path, key.limit()).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, stream);
    let stored_len = read_header(&mut reader, &expected_key)?;
    let mut pieces = Hashed {
        reader,
        hasher: Xxh3::new(),
        left: stored_len.0,
    };
    let catalog = parts::Owned::read(&mut pieces)?;
    let tail = pieces.bytes(usize::try_from(pieces.left).ok()?)?;
    let mut after = [0; 1];
    let whole =
        pieces.hasher.digest() == stored_len.1 && matches!(pieces.reader.read(&mut after), Ok(0));
    if !whole {
        return None;
    }
    let (problems, left_out): (Vec<Problem>, Vec<LeftOut>) = postcard::from_bytes(&tail).ok()?;
    drop(tail);
    let catalog = catalog.decode()?;
    restore::restore(catalog, problems, left_out, files, false)
}

/// Reads a cache file's header and key from `reader`: the stored part's length and hash
/// when the magic, format version and key are right (the key whole, by its hash).
fn read_header(reader: &mut impl Read, expected_key: &[u8]) -> Option<(u64, u64)> {
    let mut header = [0; HEADER];
    reader.read_exact(&mut header).ok()?;
    let [key_len, key_hash, stored_len, stored_hash] =
        header::numbers(&header, MAGIC, FORMAT_VERSION)?;
    if key_len != expected_key.len() as u64 {
        return None;
    }
    let mut key = vec![0; expected_key.len()];
    reader.read_exact(&mut key).ok()?;
    (xxh3_64(&key) == key_hash && key == expected_key).then_some((stored_len, stored_hash))
}

/// The stored part of a cache file, read in pieces and hashed as it is read; no piece may
/// run past the length the header gives.
struct Hashed<R> {
    reader: R,
    hasher: Xxh3,
    left: u64,
}

impl<R: Read> parts::Pieces for Hashed<R> {
    fn varint(&mut self) -> Option<usize> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let [byte] = self.bytes(1)?[..] else {
                return None;
            };
            value |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return usize::try_from(value).ok();
            }
        }
        None
    }

    fn bytes(&mut self, len: usize) -> Option<Vec<u8>> {
        if len as u64 > self.left {
            return None;
        }
        // Made at most 64 MiB at first and grown as the bytes arrive: a length spoiled
        // upwards makes nothing much larger than the file.
        let mut bytes = Vec::with_capacity(len.min(1 << 26));
        (&mut self.reader)
            .take(len as u64)
            .read_to_end(&mut bytes)
            .ok()?;
        if bytes.len() != len {
            return None;
        }
        self.hasher.update(&bytes);
        self.left -= len as u64;
        Some(bytes)
    }
}

/// `validate`'s report stored at `path`, as [`read`] says.
pub(super) fn read_report(path: &Path, key: &Key, files: Origin<'_>) -> Option<Report> {
    let mut report: Report = read_stored(path, key)?;
    let names = files.names();
    for problem in &mut report.problems {
        restore::share(&names, &mut problem.file);
    }
    Some(report)
}

fn read_stored<T: serde::de::DeserializeOwned>(path: &Path, key: &Key) -> Option<T> {
    postcard::from_bytes(read_bytes(path, key)?.stored()).ok()
}

/// A cache file read whole and checked: its header, key and hashes are right.
pub(super) struct Checked {
    bytes: Vec<u8>,
    start: usize,
}

impl Checked {
    /// The stored part, after the header and the key.
    pub(super) fn stored(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// The file at `path`, if it is whole, of this program and format, and under `key`.
pub(super) fn read_bytes(path: &Path, key: &Key) -> Option<Checked> {
    let expected_key = postcard::to_allocvec(key).ok()?;
    let bytes = crate::files::read(path, key.limit()).ok()?;
    let start = bytes.len() - checked(&bytes, &expected_key)?.len();
    Some(Checked { bytes, start })
}

/// The stored part of `bytes`, when the header, the key and both hashes are right.
fn checked<'a>(bytes: &'a [u8], expected_key: &[u8]) -> Option<&'a [u8]> {
    let (header, rest) = bytes.split_at_checked(HEADER)?;
    let [key_len, key_hash, stored_len, stored_hash] =
        header::numbers(header, MAGIC, FORMAT_VERSION)?;
    let key_len = usize::try_from(key_len).ok()?;
    let stored_len = usize::try_from(stored_len).ok()?;
    if key_len.checked_add(stored_len)? != rest.len() {
        return None;
    }
    let (key, stored) = rest.split_at(key_len);
    let whole = xxh3_64(key) == key_hash && xxh3_64(stored) == stored_hash;
    (whole && key == expected_key).then_some(stored)
}

#[cfg(test)]
mod testing;
#[cfg(test)]
pub(super) use testing::{tests_header, tests_rehash, tests_stored_hash, tests_stored_hash_of};

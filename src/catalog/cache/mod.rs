//! The validated catalog cache: what a load gave (the catalog, every problem, the files left
//! out; for `validate`, only the problems and the counts), stored under the cache dir and used
//! again while every catalog file is as it was, so a start on unchanged catalogs skips
//! parsing and validating.
//!
//! An entry is keyed by every file's name, path, size, modification time and xxh3 hash of its
//! bytes, by the kind of load (with `validate`'s date and maximum age), by upskill's version
//! and by [`FORMAT_VERSION`]. Anything that does not match, and anything that cannot be read,
//! is a miss: the files are loaded as if there were no cache, and the entry is written again.
//! A catalog with errors is cached too: its problems are stored with it and given back as
//! they were found.

mod entry;
mod first;
mod header;
pub mod parsed;
mod parts;
mod restore;

pub(super) use parts::sized_map;

use std::path::{Path, PathBuf};

use super::freshness::Freshness;
use super::{
    Fingerprint, Loaded, Report, SourceFile, Sources, load_files_checking, load_stored,
    load_usable, usable,
};

pub use entry::FORMAT_VERSION;
pub use first::{FirstLook, Row};
pub use parsed::Store;

/// Which load an entry holds; each gives a different [`Loaded`], so each has its own file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every file, as the commands load them ([`super::load`]).
    Plain,
    /// What the app starts on: files with errors left out ([`super::load_usable`]).
    Usable,
}

impl Kind {
    fn file_name(self) -> &'static str {
        match self {
            Kind::Plain => "catalog.bin",
            Kind::Usable => "catalog-app.bin",
        }
    }
}

/// The file of `validate`'s report, which also warns about facts older than the maximum age.
const REPORT_FILE: &str = "catalog-validate.bin";

/// The file of the app's first look at a large catalog (see [`start_app`]).
const FIRST_FILE: &str = "catalog-app-first.bin";

/// Every file the cache may write in `dir`, for `upskill cache` to size and clear.
pub fn file_names() -> [&'static str; 4] {
    [
        Kind::Plain.file_name(),
        Kind::Usable.file_name(),
        REPORT_FILE,
        FIRST_FILE,
    ]
}

/// Loads `files` as `kind` says (the commands' or the app's load: see [`load_checking`] for
/// `validate`'s), from the cache in `dir` when it holds them as they are now, else from the
/// files, writing the cache for the next time. `dir` is `None` to load without a cache
/// (`--no-cache`, or no cache dir).
pub fn load_files(
    files: &[SourceFile],
    print: &Fingerprint,
    kind: Kind,
    dir: Option<&Path>,
) -> Loaded {
    let Some(dir) = dir else {
        return load_fresh(files, kind);
    };
    let path = dir.join(kind.file_name());
    let key = entry::Key::new(print, entry::KindKey::load(kind));
    if let Some(loaded) = entry::read(&path, &key, restore::Origin::Files(files)) {
        return loaded;
    }
    let mut loaded = load_parsing(files, kind, &Store::new(dir));
    // The cache only ever speeds a load up: a failure to write it is no failure of the load.
    let _ = entry::write(&path, &key, &mut loaded);
    loaded
}

/// Loads without the cache.
fn load_fresh(files: &[SourceFile], kind: Kind) -> Loaded {
    match kind {
        Kind::Plain => load_files_checking(files, None),
        Kind::Usable => load_usable(files),
    }
}

/// Loads through the parse store only: the files that changed since they were stored are
/// parsed, the rest taken from it.
fn load_parsing(files: &[SourceFile], kind: Kind, store: &Store) -> Loaded {
    match kind {
        Kind::Plain => load_stored(files, None, Some(store)),
        Kind::Usable => usable::load_usable_stored(files, Some(store)),
    }
}

/// Loads the files of `sources` as `kind` says, as [`load_files`] does, each file read as
/// the load comes to it and let go once merged (see [`super::load_sources`]), with their
/// fingerprint. Where an entry was written, the files are first read and hashed one at a
/// time (see [`Fingerprint::read`]), unless `printed` is their print already.
fn load_sources(
    sources: &Sources,
    kind: Kind,
    dir: Option<&Path>,
    printed: Option<Fingerprint>,
) -> (Loaded, Fingerprint) {
    let Some(dir) = dir else {
        return match kind {
            Kind::Plain => super::load_sources(sources, None, None),
            Kind::Usable => usable::load_usable_sources(sources, None),
        };
    };
    let path = dir.join(kind.file_name());
    if path.is_file() {
        let print = printed.unwrap_or_else(|| Fingerprint::read(sources));
        let key = entry::Key::new(&print, entry::KindKey::load(kind));
        if let Some(loaded) = entry::read(&path, &key, restore::Origin::Print(&print)) {
            return (loaded, print);
        }
    }
    let store = Store::new(dir);
    let (mut loaded, print) = match kind {
        Kind::Plain => super::load_sources(sources, None, Some(&store)),
        Kind::Usable => usable::load_usable_sources(sources, Some(&store)),
    };
    let key = entry::Key::new(&print, entry::KindKey::load(kind));
    // The cache only ever speeds a load up: a failure to write it is no failure of the load.
    let _ = entry::write(&path, &key, &mut loaded);
    (loaded, print)
}

/// [`super::load`] through the cache in `dir`.
pub fn load(sources: &Sources, dir: Option<&Path>) -> Loaded {
    load_sources(sources, Kind::Plain, dir, None).0
}

/// What [`super::load_checking`] gives `validate`, through the cache in `dir`; a warm run
/// reads only the problems and counts stored, never the catalog.
pub fn load_checking(sources: &Sources, freshness: Freshness, dir: Option<&Path>) -> Report {
    // Where a report was written, the files are read and hashed one at a time and let go
    // (see `Fingerprint::read`), and read again whole only if the report cannot be used.
    if let Some(dir) = dir.filter(|dir| dir.join(REPORT_FILE).is_file()) {
        let print = Fingerprint::read(sources);
        let key = entry::Key::new(&print, entry::KindKey::report(freshness));
        let origin = restore::Origin::Print(&print);
        if let Some(report) = entry::read_report(&dir.join(REPORT_FILE), &key, origin) {
            return report;
        }
    }
    let Some(dir) = dir else {
        return super::load_sources(sources, Some(freshness), None)
            .0
            .into_report();
    };
    let store = Store::new(dir);
    let (loaded, print) = super::load_sources(sources, Some(freshness), Some(&store));
    let report = loaded.into_report();
    let key = entry::Key::new(&print, entry::KindKey::report(freshness));
    let _ = entry::write_report(&dir.join(REPORT_FILE), &key, &report);
    report
}

/// [`load_checking`] of files already read.
pub fn report_files(
    files: &[SourceFile],
    print: &Fingerprint,
    freshness: Freshness,
    dir: Option<&Path>,
) -> Report {
    let Some(dir) = dir else {
        return load_files_checking(files, Some(freshness)).into_report();
    };
    let path = dir.join(REPORT_FILE);
    let key = entry::Key::new(print, entry::KindKey::report(freshness));
    if let Some(report) = entry::read_report(&path, &key, restore::Origin::Files(files)) {
        return report;
    }
    let report = load_stored(files, Some(freshness), Some(&Store::new(dir))).into_report();
    let _ = entry::write_report(&path, &key, &report);
    report
}

/// [`super::load_fingerprinted`] through the cache in `dir`: the app's start.
pub fn load_fingerprinted(sources: &Sources, dir: Option<&Path>) -> (Loaded, Fingerprint) {
    load_sources(sources, Kind::Usable, dir, None)
}

/// Catalogs of this many credentials or more start the app on a first look (see
/// [`start_app`]); below it, decoding the whole catalog takes less than a frame's worth of
/// waiting, and a first look would only flash past.
pub const FIRST_LOOK_FROM: usize = 50_000;

/// How the app starts on its catalogs.
#[derive(Debug)]
pub enum Start {
    /// The whole load: a small catalog, a first start, or a cache that could not be used.
    Whole(Loaded),
    /// A first look at a large catalog: each credential only with what the catalog list
    /// shows (id, title, provider, kind, level, hours, cost), beside a load that holds its
    /// problems, files left out, currency and providers as the whole load has them, but no
    /// credentials, skills, roles or graph. The app must not plan over it; [`Rest::load`]
    /// gives the whole.
    FirstLook(Loaded, FirstLook, Rest),
}

/// What is left to load after a first look: the files' fingerprint, for the whole entry,
/// and their sources, to load from if that cannot be used. (The files' bytes are not held:
/// at a million credentials they are 300 MB.)
#[derive(Debug)]
pub struct Rest {
    sources: Sources,
    print: Fingerprint,
    dir: PathBuf,
}

impl Rest {
    /// The whole load, from the cache when it holds it for the files printed, else from the
    /// files as they are now (writing the cache again). Seconds at a million credentials:
    /// the app runs it on another thread.
    pub fn load(self) -> Loaded {
        load_sources(
            &self.sources,
            Kind::Usable,
            Some(&self.dir),
            Some(self.print),
        )
        .0
    }
}

/// The app's start through the cache in `dir`: a first look at a catalog of
/// [`FIRST_LOOK_FROM`] credentials or more when the cache holds one for these files, else
/// the whole load (as [`load_fingerprinted`], writing the first look for the next start).
pub fn start_app(sources: &Sources, dir: Option<&Path>) -> (Start, Fingerprint) {
    start_app_from(sources, dir, FIRST_LOOK_FROM)
}

/// [`start_app`], with first looks written from `from` credentials.
pub fn start_app_from(sources: &Sources, dir: Option<&Path>, from: usize) -> (Start, Fingerprint) {
    let Some(dir) = dir else {
        let (loaded, print) = load_sources(sources, Kind::Usable, None, None);
        return (Start::Whole(loaded), print);
    };
    let first_path = dir.join(FIRST_FILE);
    // Only where a first look was written: its files are read and hashed one at a time, their
    // bytes let go, and read again below only if the first look cannot be used.
    let mut printed = None;
    if first_path.is_file() {
        let print = Fingerprint::read(sources);
        let key = entry::Key::new(&print, entry::KindKey::First);
        if let Some((loaded, look)) = first::read(&first_path, &key, &print) {
            let rest = Rest {
                sources: sources.clone(),
                print: print.clone(),
                dir: dir.to_path_buf(),
            };
            return (Start::FirstLook(loaded, look, rest), print);
        }
        printed = Some(print);
    }
    let (loaded, print) = load_sources(sources, Kind::Usable, Some(dir), printed);
    let key = entry::Key::new(&print, entry::KindKey::First);
    if loaded.catalog.credentials.len() >= from {
        let _ = first::write(&first_path, &key, &loaded);
    }
    (Start::Whole(loaded), print)
}

/// The cache's files in `dir` that exist, with their sizes: the entries, then the parse
/// store's (see [`parsed::present`]).
pub fn present(dir: &Path) -> Vec<(PathBuf, u64)> {
    let entries = file_names()
        .into_iter()
        .map(|name| dir.join(name))
        .filter_map(|path| {
            let meta = std::fs::symlink_metadata(&path).ok()?;
            Some((path, meta.len()))
        });
    entries.chain(parsed::present(dir)).collect()
}

#[cfg(test)]
mod tests;

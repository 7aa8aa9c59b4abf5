//! The parse store: a load after some files changed parses only those and gives what a cold
//! load gives; an entry spoiled in any way is parsed again, never used.

use std::fs::File;
use std::path::Path;

use super::{ACME, BROKEN, cold, dump, folder, freshness, load_via, report_via, sources};
use crate::catalog::cache::parsed::{self, PARSED_VERSION, Store};
use crate::catalog::cache::{Kind, present};
use crate::catalog::{Fingerprint, Loaded, Reload, Sources, load_stored, reload, source};

const BETA: &str = "format: 1\nprovider: {id: beta, name: Beta}\ncredentials:\n  - {id: b1, title: B one, kind: certificate, hours: 10, cost: unknown, skills: [y], requires: [acme/a, {any: [{skill: x}, {experience: {field: x, months: 6}}]}], source: [https://beta.example/1]}\n";
const GAMMA: &str = "roles:\n  - {id: r, title: R, skills: [x, y], requires: [{any: [acme/b, beta/b1]}]}\nskills:\n  - {id: x, name: X, aliases: [ex]}\n";

/// A folder of three catalogs that load cleanly, and its sources without the bundled files.
fn catalogs() -> (tempfile::TempDir, Sources) {
    let dir = folder(&[
        ("acme.yaml", ACME),
        ("beta.yaml", BETA),
        ("gamma.yaml", GAMMA),
    ]);
    let sources = Sources::only(vec![dir.path().to_path_buf()]);
    (dir, sources)
}

/// Loads `sources` through a new store in `cache`, and the store, to count what it did.
fn through(sources: &Sources, cache: &Path) -> (Loaded, Store) {
    let store = Store::new(cache);
    let loaded = load_stored(&source::gather(sources), None, Some(&store));
    (loaded, store)
}

fn cold_dump(sources: &Sources) -> String {
    dump(&cold(sources, Kind::Plain))
}

/// Writes `text` to `path` with the modification time it had.
fn rewrite_keeping_time(path: &Path, text: &str) {
    let modified = std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .expect("a time");
    std::fs::write(path, text).expect("write");
    File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(modified))
        .expect("put the time back");
}

/// Reloads `sources` after `last` through a new store in `cache`: what it loaded, and the store.
fn reloaded(sources: &Sources, last: &Fingerprint, cache: &Path) -> (Loaded, Store) {
    let store = Store::new(cache);
    match reload(sources, last, Some(&store)) {
        Reload::Changed(loaded, _) => (*loaded, store),
        other => panic!("expected a change, got {other:?}"),
    }
}

#[test]
fn one_file_changed_by_a_byte_is_the_only_one_parsed_again() {
    let (dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    let (first, store) = through(&sources, cache.path());
    assert_eq!((store.parsed(), store.reused()), (3, 0));
    assert_eq!(dump(&first), cold_dump(&sources));
    let before = Fingerprint::of(&source::gather(&sources));
    // The same size and modification time: only the bytes tell.
    rewrite_keeping_time(
        &dir.path().join("beta.yaml"),
        &BETA.replace("B one", "B two"),
    );
    let (loaded, store) = reloaded(&sources, &before, cache.path());
    assert_eq!((store.parsed(), store.reused()), (1, 2));
    assert_eq!(dump(&loaded), cold_dump(&sources));
    assert_eq!(
        loaded
            .catalog
            .find_credential("beta/b1")
            .map(|credential| &*loaded.catalog.credential(credential).title),
        Some("B two")
    );
    let (again, store) = through(&sources, cache.path());
    assert_eq!(
        (store.parsed(), store.reused()),
        (0, 3),
        "the change was stored"
    );
    assert_eq!(dump(&again), cold_dump(&sources));
}

#[test]
fn a_file_changed_to_invalid_yaml_reloads_with_its_errors_and_is_never_stored() {
    let (dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    through(&sources, cache.path());
    let before = Fingerprint::of(&source::gather(&sources));
    std::fs::write(dir.path().join("beta.yaml"), "provider: {id: [\n").expect("write");
    let (loaded, store) = reloaded(&sources, &before, cache.path());
    assert!(loaded.has_errors());
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.file.ends_with("beta.yaml"))
    );
    assert_eq!((store.parsed(), store.reused()), (1, 2));
    assert_eq!(dump(&loaded), cold_dump(&sources));
    let (again, store) = through(&sources, cache.path());
    assert_eq!(
        (store.parsed(), store.reused()),
        (1, 2),
        "parsed for its errors"
    );
    assert_eq!(dump(&again), cold_dump(&sources));
}

#[test]
fn files_added_and_removed_reload_as_a_cold_load() {
    let (dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    through(&sources, cache.path());
    let before = Fingerprint::of(&source::gather(&sources));
    std::fs::remove_file(dir.path().join("gamma.yaml")).expect("remove");
    std::fs::write(dir.path().join("delta.yaml"), BROKEN).expect("write");
    let (loaded, store) = reloaded(&sources, &before, cache.path());
    assert_eq!((store.parsed(), store.reused()), (1, 2));
    assert!(loaded.has_errors(), "delta's reference to acme/zz");
    assert_eq!(dump(&loaded), cold_dump(&sources));
}

#[test]
fn every_load_through_the_cache_after_a_change_is_a_cold_load() {
    let catalogs = folder(&[
        ("acme.yaml", ACME),
        ("bad.yaml", BROKEN),
        ("beta.yaml", BETA),
    ]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    for kind in [Kind::Plain, Kind::Usable] {
        load_via(&sources, kind, cache.path());
    }
    report_via(&sources, freshness(), cache.path());
    rewrite_keeping_time(
        &catalogs.path().join("beta.yaml"),
        &BETA.replace("B one", "B two"),
    );
    for kind in [Kind::Plain, Kind::Usable] {
        let (loaded, hit) = load_via(&sources, kind, cache.path());
        assert!(!hit, "{kind:?}");
        assert_eq!(dump(&loaded), dump(&cold(&sources, kind)), "{kind:?}");
    }
    let (report, hit) = report_via(&sources, freshness(), cache.path());
    assert!(!hit);
    let files = source::gather(&sources);
    let expected = crate::catalog::load_files_checking(&files, Some(freshness())).into_report();
    assert_eq!(report, expected);
}

/// Stores the catalogs, lets `spoil` change beta's entry (given acme's too), then loads
/// again: beta must be parsed (never taken from the spoiled entry) and the load must be a
/// cold load's.
fn spoiled(spoil: impl FnOnce(&Path, &Path)) -> (tempfile::TempDir, std::path::PathBuf) {
    let (_dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    through(&sources, cache.path());
    let beta = entry_of(&sources, "beta.yaml", cache.path());
    spoil(&beta, &entry_of(&sources, "acme.yaml", cache.path()));
    let (loaded, store) = through(&sources, cache.path());
    assert_eq!(
        (store.parsed(), store.reused()),
        (1, 2),
        "beta parsed again"
    );
    assert_eq!(dump(&loaded), cold_dump(&sources));
    (cache, beta)
}

fn entry_of(sources: &Sources, name: &str, cache: &Path) -> std::path::PathBuf {
    let files = source::gather(sources);
    let file = files
        .iter()
        .find(|file| file.name.ends_with(name))
        .expect("the file");
    Store::new(cache).entry_path(file)
}

fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the entry was written")
}

/// An entry's bytes with its payload hash made right again.
fn rehashed(mut bytes: Vec<u8>) -> Vec<u8> {
    let header = parsed::tests_header();
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes[header..]);
    bytes[header - 8..header].copy_from_slice(&hash.to_le_bytes());
    bytes
}

#[test]
fn a_cut_or_grown_entry_is_parsed_again() {
    let header = parsed::tests_header();
    for keep in [0, 1, 15, 16, 20, header - 1, header, header + 1] {
        spoiled(|entry, _| {
            std::fs::write(entry, &bytes_of(entry)[..keep]).expect("write");
        });
    }
    spoiled(|entry, _| {
        let bytes = bytes_of(entry);
        std::fs::write(entry, &bytes[..bytes.len() - 1]).expect("write");
    });
    spoiled(|entry, _| {
        let mut bytes = bytes_of(entry);
        bytes.push(0);
        std::fs::write(entry, &bytes).expect("write");
    });
}

#[test]
fn an_entry_with_any_byte_flipped_is_never_used() {
    let (_dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    through(&sources, cache.path());
    let files = source::gather(&sources);
    let beta = files
        .iter()
        .find(|file| file.name.ends_with("beta.yaml"))
        .expect("beta");
    let store = Store::new(cache.path());
    let path = store.entry_path(beta);
    let good = bytes_of(&path);
    let content = beta.content.as_ref().expect("read").as_slice();
    for i in 0..good.len() {
        let mut bytes = good.clone();
        bytes[i] ^= 0x20;
        std::fs::write(&path, &bytes).expect("write");
        assert!(store.take(beta, content).is_none(), "byte {i} flipped");
    }
    std::fs::write(&path, &good).expect("write");
    assert!(store.take(beta, content).is_some());
}

#[test]
fn an_entry_of_another_layout_version_or_file_is_parsed_again() {
    spoiled(|entry, _| {
        let mut bytes = bytes_of(entry);
        bytes[16..20].copy_from_slice(&(PARSED_VERSION + 1).to_le_bytes());
        std::fs::write(entry, &bytes).expect("write");
    });
    spoiled(|entry, _| {
        // Written by another upskill: its payload whole, another version in it.
        let bytes = bytes_of(entry);
        let ours = env!("CARGO_PKG_VERSION").as_bytes();
        let at = bytes
            .windows(ours.len())
            .position(|window| window == ours)
            .expect("the version is in the entry");
        let mut other = bytes.clone();
        other[at] = if ours[0] == b'9' { b'8' } else { ours[0] + 1 };
        std::fs::write(entry, rehashed(other)).expect("write");
    });
    spoiled(|entry, acme| {
        // Another file's entry, whole, in beta's place.
        std::fs::copy(acme, entry).expect("copy");
    });
}

#[test]
fn a_folder_or_fifo_in_an_entrys_place_is_parsed_again_and_left_alone() {
    let (_cache, entry) = spoiled(|entry, _| {
        std::fs::remove_file(entry).expect("remove");
        std::fs::create_dir(entry).expect("mkdir");
    });
    assert!(entry.is_dir());
    #[cfg(unix)]
    let (_cache, entry) = spoiled(|entry, _| {
        std::fs::remove_file(entry).expect("remove");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            entry,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .expect("mkfifo");
    });
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = std::fs::symlink_metadata(&entry)
            .expect("there")
            .file_type();
        assert!(kind.is_fifo());
    }
}

#[test]
fn a_store_that_cannot_be_written_only_parses_every_file() {
    let (_dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    // A file where the store's folder should be: no entry can be made, as on a full disk.
    std::fs::write(cache.path().join(parsed::FOLDER), "x").expect("write");
    for _ in 0..2 {
        let (loaded, store) = through(&sources, cache.path());
        assert_eq!((store.parsed(), store.reused()), (3, 0));
        assert_eq!(dump(&loaded), cold_dump(&sources));
    }
    assert!(cache.path().join(parsed::FOLDER).is_file(), "left alone");
}

#[test]
fn the_cache_counts_and_clears_the_store() {
    let (_dir, sources) = catalogs();
    let cache = tempfile::tempdir().expect("a temp dir");
    through(&sources, cache.path());
    let entries = parsed::present(cache.path());
    assert_eq!(entries.len(), 3);
    assert!(entries.iter().all(|(_, size)| *size > 0));
    assert_eq!(present(cache.path()), entries);
    parsed::clear(cache.path()).expect("cleared");
    assert!(present(cache.path()).is_empty());
    assert!(!cache.path().join(parsed::FOLDER).exists());
    parsed::clear(cache.path()).expect("nothing to clear");
}

#[test]
fn the_stored_layout_is_pinned() {
    let spec: crate::catalog::format::CatalogFile = crate::yaml::from_str(BETA).expect("parses");
    let bytes = postcard::to_allocvec(&spec).expect("encodes");
    assert_eq!(
        (PARSED_VERSION, xxhash_rust::xxh3::xxh3_64(&bytes)),
        (1, 2_042_111_439_561_690_221),
        "the stored layout changed: raise PARSED_VERSION in src/catalog/cache/parsed.rs and pin the new hash here"
    );
}

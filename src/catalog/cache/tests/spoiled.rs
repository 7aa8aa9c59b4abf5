//! A cache that is spoiled in any way (cut short, a byte flipped, grown, swapped for another
//! kind's or other catalogs', of another format or version) or whose catalog files changed is
//! never used: the load gives what a cold load gives.

use std::fs::File;
use std::path::Path;

use super::{ACME, BROKEN, cold, dump, entry, folder, freshness, load_via, report_via, sources};
use crate::catalog::cache::{FORMAT_VERSION, Kind, REPORT_FILE};
use crate::catalog::freshness::Freshness;
use crate::catalog::{Fingerprint, source};
/// Writes a cache for `catalogs`, then lets `spoil` change something; the next load must
/// not use the cache and must give what a cold load gives.
fn spoiled(spoil: impl FnOnce(&Path, &Path)) {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    load_via(&sources, Kind::Plain, cache.path());
    spoil(&cache.path().join(Kind::Plain.file_name()), catalogs.path());
    let expected = dump(&cold(&sources, Kind::Plain));
    let (loaded, hit) = load_via(&sources, Kind::Plain, cache.path());
    assert!(!hit, "a spoiled cache is never used");
    assert_eq!(dump(&loaded), expected);
}

fn cache_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the cache was written")
}

#[test]
fn a_truncated_cache_is_not_used() {
    for keep in [
        0,
        1,
        15,
        16,
        20,
        super::entry::tests_header() - 1,
        super::entry::tests_header(),
        200,
    ] {
        spoiled(|path, _| {
            let bytes = cache_bytes(path);
            std::fs::write(path, &bytes[..keep.min(bytes.len() - 1)]).expect("write");
        });
    }
    spoiled(|path, _| {
        let bytes = cache_bytes(path);
        std::fs::write(path, &bytes[..bytes.len() - 1]).expect("write");
    });
}

#[test]
fn a_cache_with_any_byte_flipped_is_not_used() {
    let catalogs = folder(&[("acme.yaml", ACME)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    load_via(&sources, Kind::Plain, cache.path());
    let path = cache.path().join(Kind::Plain.file_name());
    let good = cache_bytes(&path);
    let files = source::gather(&sources);
    let key = entry::Key::new(&Fingerprint::of(&files), entry::KindKey::load(Kind::Plain));
    // Every byte of the header and key, then a spread of the rest.
    let step = (good.len() / 500).max(1);
    let at: Vec<usize> = (0..600.min(good.len()))
        .chain((600..good.len()).step_by(step))
        .collect();
    for i in at {
        let mut bytes = good.clone();
        bytes[i] ^= 0x20;
        std::fs::write(&path, &bytes).expect("write");
        assert!(
            entry::read(
                &path,
                &key,
                crate::catalog::cache::restore::Origin::Files(&files)
            )
            .is_none(),
            "byte {i} flipped"
        );
    }
    std::fs::write(&path, &good).expect("write");
    assert!(
        entry::read(
            &path,
            &key,
            crate::catalog::cache::restore::Origin::Files(&files)
        )
        .is_some()
    );
}

#[test]
fn a_cache_grown_by_a_byte_is_not_used() {
    spoiled(|path, _| {
        let mut bytes = cache_bytes(path);
        bytes.push(0);
        std::fs::write(path, &bytes).expect("write");
    });
}

#[test]
fn another_kind_of_loads_cache_swapped_in_is_not_used() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    load_via(&sources, Kind::Usable, cache.path());
    report_via(&sources, freshness(), cache.path());
    std::fs::copy(
        cache.path().join(Kind::Usable.file_name()),
        cache.path().join(Kind::Plain.file_name()),
    )
    .expect("copy");
    let (loaded, hit) = load_via(&sources, Kind::Plain, cache.path());
    assert!(!hit);
    assert_eq!(dump(&loaded), dump(&cold(&sources, Kind::Plain)));
    // The report swapped in for a load, and a load for the report.
    std::fs::copy(
        cache.path().join(REPORT_FILE),
        cache.path().join(Kind::Usable.file_name()),
    )
    .expect("copy");
    assert!(!load_via(&sources, Kind::Usable, cache.path()).1);
    report_via(&sources, freshness(), cache.path());
    std::fs::copy(
        cache.path().join(Kind::Plain.file_name()),
        cache.path().join(REPORT_FILE),
    )
    .expect("copy");
    assert!(!report_via(&sources, freshness(), cache.path()).1);
    // A `validate` of another day or maximum age is another report.
    report_via(&sources, freshness(), cache.path());
    let other_day = Freshness {
        today: jiff::civil::date(2026, 12, 4),
        ..freshness()
    };
    let (report, hit) = report_via(&sources, other_day, cache.path());
    assert!(!hit);
    let older = Freshness {
        max_age_months: 200,
        ..freshness()
    };
    let (fewer, hit) = report_via(&sources, older, cache.path());
    assert!(!hit);
    assert!(fewer.problems.len() < report.problems.len());
}

#[test]
fn the_cache_of_other_catalogs_swapped_in_is_not_used() {
    let other = folder(&[("acme.yaml", ACME)]);
    spoiled(|path, _| {
        let cache = path.parent().expect("a folder");
        let elsewhere = tempfile::tempdir().expect("a temp dir");
        load_via(&sources(other.path()), Kind::Plain, elsewhere.path());
        std::fs::copy(
            elsewhere.path().join(Kind::Plain.file_name()),
            cache.join(Kind::Plain.file_name()),
        )
        .expect("copy");
    });
}

#[test]
fn a_catalog_changed_by_one_byte_with_the_same_size_and_time_is_loaded_again() {
    spoiled(|_, catalogs| {
        let path = catalogs.join("acme.yaml");
        let modified = std::fs::metadata(&path)
            .and_then(|meta| meta.modified())
            .expect("a time");
        std::fs::write(&path, ACME.replace("title: A", "title: Z")).expect("write");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(modified))
            .expect("put the time back");
    });
}

#[test]
fn a_catalog_touched_renamed_added_or_removed_is_loaded_again() {
    spoiled(|_, catalogs| {
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        File::options()
            .write(true)
            .open(catalogs.join("acme.yaml"))
            .and_then(|file| file.set_modified(later))
            .expect("touch");
    });
    spoiled(|_, catalogs| {
        std::fs::rename(catalogs.join("bad.yaml"), catalogs.join("worse.yaml")).expect("rename");
    });
    spoiled(|_, catalogs| {
        std::fs::write(catalogs.join("more.yaml"), "format: 1\n").expect("write");
    });
    spoiled(|_, catalogs| {
        std::fs::remove_file(catalogs.join("bad.yaml")).expect("remove");
    });
}

#[test]
fn a_cache_of_another_format_or_version_is_not_used() {
    spoiled(|path, _| {
        let mut bytes = cache_bytes(path);
        let at = 16;
        let version = FORMAT_VERSION + 1;
        bytes[at..at + 4].copy_from_slice(&version.to_le_bytes());
        std::fs::write(path, &bytes).expect("write");
    });
    spoiled(|path, _| {
        // Written by another upskill: the same files, another version in the key.
        let bytes = cache_bytes(path);
        let ours = env!("CARGO_PKG_VERSION").as_bytes();
        let at = bytes
            .windows(ours.len())
            .position(|window| window == ours)
            .expect("the version is in the key");
        let mut other = bytes.clone();
        other[at] = if ours[0] == b'9' { b'8' } else { ours[0] + 1 };
        std::fs::write(path, super::entry::tests_rehash(&other)).expect("write");
    });
}

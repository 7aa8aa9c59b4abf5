use std::path::{Path, PathBuf};
use std::sync::Arc;

mod first;
mod parsed;
mod spoiled;

use super::*;
use crate::catalog::{Catalog, source};

pub(super) const ACME: &str = "format: 1\nprovider: {id: acme, name: Acme}\ncredentials:\n  - {id: a, title: A, kind: course, hours: 1.5, cost: 70.25, skills: [x], verified: 2020-01-01}\n  - {id: b, title: B, kind: badge, hours: 2, cost: 0, skills: [y], requires: [acme/a]}\n";
pub(super) const BROKEN: &str = "provider: {id: bad, name: Bad}\ncredentials:\n  - {id: c, title: C, kind: course, hours: ten, cost: 0, skills: [x]}\n  - {id: d, title: D, kind: course, hours: 1, cost: 0, skills: [x], requires: [acme/zz]}\n";

pub(super) fn sorted<V: Ord + Copy, H>(
    map: &std::collections::HashMap<String, V, H>,
) -> Vec<(&str, V)> {
    let mut pairs: Vec<(&str, V)> = map.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    pairs.sort_unstable();
    pairs
}

/// Every id the catalog finds a credential by, with the credential, in order.
fn credential_ids(catalog: &Catalog) -> Vec<(&str, crate::catalog::CredentialIdx)> {
    let mut pairs: Vec<_> = (catalog.credential_ids.indices())
        .map(|idx| (&*catalog.credential(idx).id, idx))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Everything a load gives, in an order that does not depend on hashing.
pub(super) fn dump(loaded: &Loaded) -> String {
    let catalog: &Catalog = &loaded.catalog;
    let graph = catalog.graph();
    let edges: Vec<(usize, usize, crate::catalog::Edge)> = graph
        .raw_edges()
        .iter()
        .map(|edge| (edge.source().index(), edge.target().index(), edge.weight))
        .collect();
    let mut texts: Vec<_> = loaded.texts.iter().collect();
    texts.sort();
    let mut paths: Vec<_> = loaded.paths.iter().collect();
    paths.sort();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        catalog.currency,
        catalog.providers,
        catalog.credentials,
        catalog.roles,
        catalog.skills,
        credential_ids(catalog),
        sorted(&catalog.role_ids),
        sorted(&catalog.skill_ids),
        catalog.taught_by,
        catalog.required_by_skill,
        catalog.stacks,
        graph
            .raw_nodes()
            .iter()
            .map(|node| node.weight)
            .collect::<Vec<_>>(),
        edges,
        loaded.problems,
        loaded.files,
        loaded.left_out,
        texts,
        paths,
    )
}

pub(super) fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

pub(super) fn sources(dir: &Path) -> Sources {
    Sources {
        bundled: true,
        user_dir: None,
        paths: vec![dir.to_path_buf()],
    }
}

pub(super) fn freshness() -> Freshness {
    Freshness {
        today: jiff::civil::date(2026, 12, 3),
        max_age_months: 12,
    }
}

/// `validate`'s report through the cache in `cache`, and whether the cache held it.
pub(super) fn report_via(sources: &Sources, freshness: Freshness, cache: &Path) -> (Report, bool) {
    let files = source::gather(sources);
    let print = Fingerprint::of(&files);
    let key = entry::Key::new(&print, entry::KindKey::report(freshness));
    let hit = entry::read_report(
        &cache.join(REPORT_FILE),
        &key,
        restore::Origin::Files(&files),
    )
    .is_some();
    (report_files(&files, &print, freshness, Some(cache)), hit)
}

/// Loads through the cache in `cache`, and whether the cache held the files as they are.
pub(super) fn load_via(sources: &Sources, kind: Kind, cache: &Path) -> (Loaded, bool) {
    let files = source::gather(sources);
    let print = Fingerprint::of(&files);
    let key = entry::Key::new(&print, entry::KindKey::load(kind));
    let hit = entry::read(
        &cache.join(kind.file_name()),
        &key,
        crate::catalog::cache::restore::Origin::Files(&files),
    )
    .is_some();
    (load_files(&files, &print, kind, Some(cache)), hit)
}

pub(super) fn cold(sources: &Sources, kind: Kind) -> Loaded {
    let files = source::gather(sources);
    let print = Fingerprint::of(&files);
    load_files(&files, &print, kind, None)
}

#[test]
fn a_warm_load_gives_what_a_cold_load_gives() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    let expected = super::load_files_checking(&source::gather(&sources), Some(freshness()));
    assert!(
        expected
            .problems
            .iter()
            .any(|problem| problem.message.contains("2020-01-01"))
    );
    let expected = expected.into_report();
    let (first, hit) = report_via(&sources, freshness(), cache.path());
    assert!(!hit);
    assert_eq!(first, expected);
    let (warm, hit) = report_via(&sources, freshness(), cache.path());
    assert!(hit, "the second report is warm");
    assert_eq!(warm, expected);
    for kind in [Kind::Plain, Kind::Usable] {
        let expected = dump(&cold(&sources, kind));
        let (first, hit) = load_via(&sources, kind, cache.path());
        assert!(!hit, "{kind:?}: nothing is cached yet");
        assert_eq!(dump(&first), expected);
        let (warm, hit) = load_via(&sources, kind, cache.path());
        assert!(hit, "{kind:?}: the second load is warm");
        assert_eq!(dump(&warm), expected, "{kind:?}");
        assert!(warm.has_errors() && !warm.problems.is_empty());
    }
}

#[test]
fn a_warm_load_of_a_generated_catalog_gives_what_a_cold_load_gives() {
    let generated = crate::synth::generate(3_000, 7);
    let catalogs = tempfile::tempdir().expect("a temp dir");
    generated.write_to(catalogs.path()).expect("written");
    let sources = Sources::only(vec![catalogs.path().to_path_buf()]);
    let cache = tempfile::tempdir().expect("a temp dir");
    for kind in [Kind::Plain, Kind::Usable] {
        let expected = dump(&cold(&sources, kind));
        load_via(&sources, kind, cache.path());
        let (warm, hit) = load_via(&sources, kind, cache.path());
        assert!(hit);
        assert_eq!(warm.catalog.credentials.len(), 3_000);
        assert_eq!(dump(&warm), expected);
        // The file names are shared again, not one copy per credential.
        let first = &warm.catalog.credentials[0].file;
        assert!(warm.files.iter().any(|name| Arc::ptr_eq(name, first)));
    }
}

#[test]
fn a_cache_that_cannot_be_read_or_written_falls_back_to_the_files() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let sources = sources(catalogs.path());
    let expected = dump(&cold(&sources, Kind::Plain));
    // A folder where the cache file should be.
    let cache = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(cache.path().join(Kind::Plain.file_name())).expect("mkdir");
    assert_eq!(
        dump(&load_via(&sources, Kind::Plain, cache.path()).0),
        expected
    );
    assert!(
        cache.path().join(Kind::Plain.file_name()).is_dir(),
        "left alone"
    );
    // A FIFO: never read, never blocked on, never replaced.
    #[cfg(unix)]
    {
        let cache = tempfile::tempdir().expect("a temp dir");
        let fifo = cache.path().join(Kind::Plain.file_name());
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .expect("mkfifo");
        assert_eq!(
            dump(&load_via(&sources, Kind::Plain, cache.path()).0),
            expected
        );
        assert!(!fifo.is_file());
    }
    // A cache folder that is a file, so nothing can be made in it.
    let blocked = tempfile::NamedTempFile::new().expect("a temp file");
    let inside = blocked.path().join("upskill");
    assert_eq!(
        dump(&load_files(
            &source::gather(&sources),
            &Fingerprint::of(&source::gather(&sources)),
            Kind::Plain,
            Some(&inside)
        )),
        expected
    );
}

#[test]
fn loads_at_once_leave_a_whole_cache() {
    let generated = crate::synth::generate(2_000, 3);
    let catalogs = tempfile::tempdir().expect("a temp dir");
    generated.write_to(catalogs.path()).expect("written");
    let sources = Sources::only(vec![catalogs.path().to_path_buf()]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let expected = dump(&cold(&sources, Kind::Plain));
    let dumps: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| dump(&load_via(&sources, Kind::Plain, cache.path()).0)))
            .collect();
        runs.into_iter()
            .map(|run| run.join().expect("no panic"))
            .collect()
    });
    assert!(dumps.iter().all(|dump| *dump == expected));
    let (warm, hit) = load_via(&sources, Kind::Plain, cache.path());
    assert!(hit);
    assert_eq!(dump(&warm), expected);
}

#[test]
fn the_cache_files_are_listed_for_clearing() {
    let catalogs = folder(&[("acme.yaml", ACME)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    load_via(&sources, Kind::Usable, cache.path());
    let present: Vec<PathBuf> = present(cache.path())
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    // The entry, then what parsing each file gave.
    assert_eq!(present[0], cache.path().join("catalog-app.bin"));
    assert_eq!(present.len(), 1 + source::gather(&sources).len());
    let store = cache.path().join(crate::catalog::cache::parsed::FOLDER);
    assert!(
        present[1..]
            .iter()
            .all(|path| path.parent() == Some(&*store))
    );
}

/// A change to a stored type changes the bytes an entry holds; an entry of the old shape
/// must then never be decoded as the new one, which raising [`FORMAT_VERSION`] ensures.
#[test]
fn the_stored_layout_is_pinned() {
    let file = |name: &str, text: &'static str| SourceFile {
        name: Arc::from(name),
        path: None,
        content: Ok(source::Bytes::Static(text)),
    };
    let files = [file("acme.yaml", ACME), file("bad.yaml", BROKEN)];
    let mut loaded = super::load_files_checking(&files, Some(freshness()));
    let report = super::entry::tests_stored_hash_of(&loaded.clone().into_report());
    let first = super::first::tests_stored_hash(&loaded);
    // Maps are stored in their own order, which differs from run to run: one entry each.
    let catalog = &mut loaded.catalog;
    catalog.skill_ids.retain(|id, _| id == "x");
    assert_eq!(catalog.skill_ids.len(), 1);
    assert!(catalog.role_ids.is_empty());
    let hash = super::entry::tests_stored_hash(&mut loaded);
    assert_eq!(
        (FORMAT_VERSION, hash, report, first),
        (
            8,
            12_883_804_350_322_947_883,
            7_002_249_796_822_650_739,
            871_767_434_223_970_020
        ),
        "the stored layout changed: raise FORMAT_VERSION in src/catalog/cache/entry.rs and pin the new hash here"
    );
}

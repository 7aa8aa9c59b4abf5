//! The app's first look at a large catalog: written beside the whole entry, read back with
//! what the catalog list shows of every credential, and never used when spoiled or when the
//! files changed; the rest it leaves gives what a cold load gives.

use super::{ACME, BROKEN, cold, dump, folder, sources};
use crate::catalog::cache::{FIRST_FILE, FirstLook, Kind, Start, start_app_from};
use crate::catalog::{CredentialIdx, Loaded, Sources};

/// The app's start through `cache`, first looks written from one credential.
fn start(sources: &Sources, cache: &std::path::Path) -> Start {
    start_app_from(sources, Some(cache), 1).0
}

/// What the first look must hold of each credential, and the rest of the load beside it:
/// from the whole load's credentials, or from a first look's rows.
fn listed(loaded: &Loaded, look: Option<&FirstLook>) -> String {
    let rows: Vec<String> = match look {
        None => (loaded.catalog.credentials.iter())
            .map(|c| {
                let fields = (c.provider, c.kind, c.level, c.hours, c.cost, c.unknown);
                let flags = (c.retired, c.stack);
                format!("{} {} {fields:?} {flags:?} {}", c.id, c.title, c.file)
            })
            .collect(),
        Some(look) => (0..look.len())
            .map(|i| {
                let idx = CredentialIdx(u32::try_from(i).expect("fits"));
                let r = look.row(idx);
                let fields = (r.provider, r.kind, r.level, r.hours, r.cost, r.unknown);
                let flags = (r.retired, r.stack);
                let (id, title, file) = (look.id(idx), look.title(idx), look.file(idx));
                format!("{id} {title} {fields:?} {flags:?} {file}")
            })
            .collect(),
    };
    let mut texts: Vec<_> = loaded.texts.iter().collect();
    texts.sort();
    let mut paths: Vec<_> = loaded.paths.iter().collect();
    paths.sort();
    format!(
        "{}\n{:?}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        loaded.catalog.currency,
        loaded.catalog.providers,
        rows.join("\n"),
        loaded.problems,
        loaded.files,
        loaded.left_out,
        texts,
        paths
    )
}

#[test]
fn a_second_start_is_a_first_look_whose_rest_is_the_whole_load() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    let whole = cold(&sources, Kind::Usable);
    let Start::Whole(first) = start(&sources, cache.path()) else {
        panic!("nothing is cached yet: the start is whole");
    };
    assert_eq!(dump(&first), dump(&whole));
    let Start::FirstLook(loaded, look, rest) = start(&sources, cache.path()) else {
        panic!("the second start is a first look");
    };
    assert_eq!(listed(&loaded, Some(&look)), listed(&whole, None));
    assert!(loaded.has_errors(), "the problems come with the first look");
    // Nothing to plan with: no credentials, skills, roles or ids to find.
    let catalog = &loaded.catalog;
    assert!(catalog.skills.is_empty() && catalog.roles.is_empty());
    assert!(catalog.credentials.is_empty());
    assert_eq!(catalog.find_credential("acme/a"), None);
    assert_eq!(dump(&rest.load()), dump(&whole));
}

#[test]
fn a_generated_catalog_is_listed_whole_in_its_first_look() {
    let generated = crate::synth::generate(3_000, 5);
    let catalogs = tempfile::tempdir().expect("a temp dir");
    generated.write_to(catalogs.path()).expect("written");
    let sources = Sources::only(vec![catalogs.path().to_path_buf()]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let whole = cold(&sources, Kind::Usable);
    start(&sources, cache.path());
    let Start::FirstLook(loaded, look, rest) = start(&sources, cache.path()) else {
        panic!("a first look");
    };
    assert_eq!(look.len(), 3_000);
    assert_eq!(listed(&loaded, Some(&look)), listed(&whole, None));
    // The file names are shared, not one copy per credential.
    let file = look.file(CredentialIdx(0));
    assert!(
        loaded
            .files
            .iter()
            .any(|name| std::sync::Arc::ptr_eq(name, file))
    );
    assert_eq!(dump(&rest.load()), dump(&whole));
}

#[test]
fn a_small_catalog_never_starts_on_a_first_look() {
    let catalogs = folder(&[("acme.yaml", ACME)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    for _ in 0..2 {
        let (start, _) = start_app_from(&sources, Some(cache.path()), 1_000_000);
        assert!(matches!(start, Start::Whole(_)));
    }
    assert!(!cache.path().join(FIRST_FILE).exists());
}

#[test]
fn a_spoiled_or_outdated_first_look_is_not_used() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    start(&sources, cache.path());
    let path = cache.path().join(FIRST_FILE);
    let good = std::fs::read(&path).expect("the first look was written");
    let whole = dump(&cold(&sources, Kind::Usable));
    let mut spoils: Vec<Vec<u8>> = vec![good[..good.len() - 1].to_vec(), Vec::new()];
    for at in [0, 20, 40, good.len() / 2, good.len() - 1] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x20;
        spoils.push(flipped);
    }
    for spoiled in spoils {
        std::fs::write(&path, &spoiled).expect("write");
        let Start::Whole(loaded) = start(&sources, cache.path()) else {
            panic!("a spoiled first look is never used");
        };
        assert_eq!(dump(&loaded), whole);
        // The start wrote it again whole.
        assert_eq!(std::fs::read(&path).expect("written again"), good);
    }
    std::fs::write(
        catalogs.path().join("acme.yaml"),
        ACME.replace("title: A", "title: Q"),
    )
    .expect("write");
    let Start::Whole(loaded) = start(&sources, cache.path()) else {
        panic!("a first look of files as they were is never used");
    };
    assert_eq!(dump(&loaded), dump(&cold(&sources, Kind::Usable)));
    assert!(matches!(
        start(&sources, cache.path()),
        Start::FirstLook(..)
    ));
}

#[test]
fn a_first_look_whose_whole_entry_is_gone_loads_the_rest_from_the_files() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    start(&sources, cache.path());
    std::fs::remove_file(cache.path().join(Kind::Usable.file_name())).expect("remove");
    let Start::FirstLook(_, _, rest) = start(&sources, cache.path()) else {
        panic!("a first look");
    };
    assert_eq!(dump(&rest.load()), dump(&cold(&sources, Kind::Usable)));
    assert!(cache.path().join(Kind::Usable.file_name()).exists());
}

#[test]
fn a_first_look_whose_file_with_problems_changed_after_it_was_hashed_is_not_used() {
    let catalogs = folder(&[("acme.yaml", ACME), ("bad.yaml", BROKEN)]);
    let cache = tempfile::tempdir().expect("a temp dir");
    let sources = sources(catalogs.path());
    start(&sources, cache.path());
    // The files as hashed at the start; then the broken one changes before its text, shown
    // beside its problems, is read again: that text is not the file the problems are of.
    let print = crate::catalog::Fingerprint::read(&sources);
    let key = super::entry::Key::new(&print, super::entry::KindKey::First);
    let path = cache.path().join(FIRST_FILE);
    assert!(crate::catalog::cache::first::read(&path, &key, &print).is_some());
    std::fs::write(
        catalogs.path().join("bad.yaml"),
        BROKEN.replace("hours: ten", "hours: tan"),
    )
    .expect("write");
    assert!(crate::catalog::cache::first::read(&path, &key, &print).is_none());
}

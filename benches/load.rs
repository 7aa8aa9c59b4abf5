//! Loading and validating catalogs: the bundled set, and generated catalogs of 1,000 and
//! 10,000 credentials beside a bare `serde_yaml` parse of the same files into the format
//! structs (the floor of our stack).

use divan::Bencher;
use upskill::catalog::format::CatalogFile;
use upskill::catalog::{self, Sources};
use upskill::synth;

fn main() {
    divan::main();
}

#[divan::bench]
fn bundled() -> usize {
    let loaded = catalog::load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded.catalog.credentials.len()
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn load_and_validate(bencher: Bencher<'_, '_>, credentials: usize) {
    let files = synth::generate(credentials, 1).source_files();
    bencher.bench(|| {
        let loaded = catalog::load_files(&files);
        assert!(!loaded.has_errors());
        loaded.catalog.credentials.len()
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn bare_parse(bencher: Bencher<'_, '_>, credentials: usize) {
    let generated = synth::generate(credentials, 1);
    bencher.bench(|| {
        generated
            .files
            .iter()
            .map(|(_, text)| {
                serde_yaml::from_str::<CatalogFile>(text)
                    .map_or(0, |file| file.credentials.map_or(0, |c| c.len()))
            })
            .sum::<usize>()
    });
}

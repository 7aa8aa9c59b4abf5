//! The recommender on every bundled role, and on generated catalogs of 1,000, 10,000 and
//! 100,000 credentials for roles of eight skills. Targets: under 50 ms per bundled role
//! (issue 4); under 1 s at 100,000 credentials, after loading (issue 7).

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::LazyLock;

use upskill::catalog::{self, Catalog, Sources};
use upskill::plan::{Holdings, Objective, Options, recommend};
use upskill::synth;

fn main() {
    divan::main();
}

static BUNDLED: LazyLock<Catalog> = LazyLock::new(|| {
    let sources = Sources {
        bundled: true,
        ..Sources::default()
    };
    catalog::load(&sources).catalog
});

fn generated(credentials: usize) -> Catalog {
    let loaded = catalog::load_files(&synth::generate(credentials, 1).source_files());
    assert!(!loaded.has_errors(), "the generated catalog is valid");
    loaded.catalog
}

static GENERATED: [LazyLock<Catalog>; 3] = [
    LazyLock::new(|| generated(1_000)),
    LazyLock::new(|| generated(10_000)),
    LazyLock::new(|| generated(100_000)),
];

fn generated_at(credentials: usize) -> &'static Catalog {
    match credentials {
        1_000 => &GENERATED[0],
        10_000 => &GENERATED[1],
        _ => &GENERATED[2],
    }
}

fn bundled_roles() -> Vec<String> {
    BUNDLED.roles.iter().map(|role| role.id.clone()).collect()
}

fn run(catalog: &Catalog, role: &str, objective: Objective) -> usize {
    let role = catalog.find_role(role).expect("the role exists");
    let have = Holdings::new(catalog);
    let options = Options {
        objective,
        ..Options::default()
    };
    let recommendation = recommend(catalog, role, &have, &options);
    assert!(recommendation.optimal);
    recommendation.steps.len()
}

#[divan::bench(args = bundled_roles())]
fn bundled_role_by_cost(role: &str) -> usize {
    run(&BUNDLED, role, Objective::Cost)
}

#[divan::bench(args = bundled_roles())]
fn bundled_role_by_hours(role: &str) -> usize {
    run(&BUNDLED, role, Objective::Hours)
}

/// Every generated role has eight skills; the five measured are spread over the twenty.
const ROLES: [&str; 5] = ["role-0", "role-1", "role-7", "role-13", "role-19"];

#[divan::bench(consts = [1_000, 10_000, 100_000], args = ROLES, sample_count = 5)]
fn generated_by_cost<const CREDENTIALS: usize>(bencher: divan::Bencher<'_, '_>, role: &str) {
    let catalog = generated_at(CREDENTIALS);
    bencher.bench(|| run(catalog, role, Objective::Cost));
}

#[divan::bench(consts = [1_000, 10_000, 100_000], args = ROLES, sample_count = 5)]
fn generated_by_hours<const CREDENTIALS: usize>(bencher: divan::Bencher<'_, '_>, role: &str) {
    let catalog = generated_at(CREDENTIALS);
    bencher.bench(|| run(catalog, role, Objective::Hours));
}

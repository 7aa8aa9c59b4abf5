//! The recommender on every bundled role and on a generated 10,000-credential catalog.
//! Targets (issue 4): under 50 ms per bundled role, under 2 s on the 10,000 catalog.

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

static GENERATED: LazyLock<Catalog> = LazyLock::new(|| {
    let loaded = catalog::load_files(&synth::generate(10_000, 1).source_files());
    assert!(!loaded.has_errors(), "the generated catalog is valid");
    loaded.catalog
});

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
    recommend(catalog, role, &have, &options).steps.len()
}

#[divan::bench(args = bundled_roles())]
fn bundled_role_by_cost(role: &str) -> usize {
    run(&BUNDLED, role, Objective::Cost)
}

#[divan::bench(args = bundled_roles())]
fn bundled_role_by_hours(role: &str) -> usize {
    run(&BUNDLED, role, Objective::Hours)
}

#[divan::bench(args = ["role-0", "role-1", "role-7", "role-13", "role-19"], sample_count = 10)]
fn generated_10000_by_cost(role: &str) -> usize {
    run(&GENERATED, role, Objective::Cost)
}

#[divan::bench(args = ["role-0", "role-1", "role-7", "role-13", "role-19"], sample_count = 10)]
fn generated_10000_by_hours(role: &str) -> usize {
    run(&GENERATED, role, Objective::Hours)
}

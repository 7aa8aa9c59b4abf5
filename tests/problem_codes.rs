//! Every kind of catalog problem has a stable code (for `validate --format json|github`),
//! every code is documented with its fix in docs/catalog-format.md, and the fixtures produce
//! every code and nothing without one: a new message needs a code, a fixture and a line in
//! the guide, or this fails.

use std::collections::BTreeSet;
use std::path::PathBuf;

use upskill::catalog::{self, Sources, codes};

/// Every problem the fixtures under tests/fixtures/problems give, each file or folder
/// loaded on its own as `validate --no-bundled` does, plus the cases a fixture file cannot
/// hold (a missing path, a file over the size limit).
fn fixture_problems() -> Vec<catalog::Problem> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures")
        .map(|entry| entry.expect("entry").path())
        .collect();
    paths.sort();
    let dir = tempfile::tempdir().expect("temp");
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, "#".repeat(9 * 1024 * 1024)).expect("write");
    paths.push(big);
    let long = dir.path().join("long.yaml");
    let title = "x".repeat(70 * 1024);
    std::fs::write(
        &long,
        format!("provider: {{id: acme, name: Acme}}\ncredentials:\n  - {{id: a, title: {title}, kind: course, hours: 1, cost: 0, skills: [linux]}}\n"),
    )
    .expect("write");
    paths.push(long);
    paths.push(dir.path().join("missing.yaml"));
    paths
        .into_iter()
        .flat_map(|path| {
            // As `validate` loads: facts checked more than 12 months ago are warned about.
            let freshness = catalog::freshness::Freshness {
                today: jiff::civil::date(2026, 12, 3),
                max_age_months: 12,
            };
            catalog::load_checking(&Sources::only(vec![path]), freshness).problems
        })
        .collect()
}

#[test]
fn every_problem_the_fixtures_give_has_a_code_and_every_code_is_given() {
    let problems = fixture_problems();
    let unclassified: Vec<String> = problems
        .iter()
        .filter(|problem| problem.kind().code == "other")
        .map(ToString::to_string)
        .collect();
    assert!(
        unclassified.is_empty(),
        "give these messages a code in src/catalog/codes.rs:\n{}",
        unclassified.join("\n")
    );
    let given: BTreeSet<&str> = problems.iter().map(|problem| problem.kind().code).collect();
    let missing: Vec<&str> = codes::KINDS
        .iter()
        .map(|kind| kind.code)
        .filter(|code| *code != "other" && !given.contains(code))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture under tests/fixtures/problems gives these codes: {missing:?}"
    );
}

#[test]
fn every_code_is_in_the_catalog_guide_with_its_fix() {
    let guide = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/catalog-format.md"),
    )
    .expect("the guide");
    let table = guide
        .split_once("### Problem codes")
        .expect("a `### Problem codes` section")
        .1;
    for kind in codes::KINDS.iter().filter(|kind| kind.code != "other") {
        let row = format!("| `{}` |", kind.code);
        let line = table
            .lines()
            .find(|line| line.starts_with(&row))
            .unwrap_or_else(|| panic!("no row for `{}` in the guide's problem codes", kind.code));
        assert!(
            line.contains(kind.fix),
            "the guide's row for `{}` should give its fix, \"{}\": {line}",
            kind.code,
            kind.fix
        );
    }
}

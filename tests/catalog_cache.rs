//! The validated catalog cache from the command line: a warm `validate` prints what a cold
//! one prints, `--no-cache` goes without it, `upskill cache` tells where it is, and
//! `upskill cache clear` removes it.

mod common;

use std::fs;
use std::path::Path;

use common::{command, run};

const GOOD: &str = "provider: {id: good, name: Good}\ncredentials:\n  - {id: a, title: A, kind: course, hours: 1, cost: 0, skills: [x], verified: 2019-05-01}\n";
const BAD: &str = "provider: {id: bad, name: Bad}\ncredentials:\n  - {id: b, title: B, kind: course, hours: ten, cost: 0, skills: [x]}\n  - {id: c, title: C, kind: course, hours: 1, cost: 0, skills: [x], requires: [good/zz]}\n";

fn catalogs(dir: &Path) {
    fs::create_dir_all(dir).expect("mkdir");
    fs::write(dir.join("good.yaml"), GOOD).expect("write");
    fs::write(dir.join("bad.yaml"), BAD).expect("write");
}

fn upskill(home: &Path, args: &[&str]) -> common::Run {
    run(command(home, home), args)
}

fn cache_files(home: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(home.join("cache/upskill"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_warm_validate_prints_every_problem_a_cold_one_prints() {
    let home = tempfile::tempdir().expect("temp");
    let dir = home.path().join("catalogs");
    catalogs(&dir);
    let dir = dir.to_str().expect("UTF-8");
    let args = ["validate", "--catalog", dir];
    let uncached = upskill(home.path(), &["validate", "--no-cache", "--catalog", dir]);
    assert!(
        cache_files(home.path()).is_empty(),
        "--no-cache writes none"
    );
    let cold = upskill(home.path(), &args);
    // The report, and what parsing each catalog file gave.
    assert_eq!(cache_files(home.path()), ["catalog-validate.bin", "parsed"]);
    let warm = upskill(home.path(), &args);
    assert_eq!(cold.code, 1);
    assert!(cold.stdout.contains("bad.yaml:3:"), "{}", cold.stdout);
    assert!(
        cold.stdout.contains("checked on 2019-05-01"),
        "{}",
        cold.stdout
    );
    for other in [&uncached, &warm] {
        assert_eq!(
            (other.code, &other.stdout, &other.stderr),
            (cold.code, &cold.stdout, &cold.stderr)
        );
    }
    let json = ["validate", "--format", "json", "--catalog", dir];
    assert_eq!(upskill(home.path(), &json).stdout, {
        upskill(
            home.path(),
            &[
                "validate",
                "--no-cache",
                "--format",
                "json",
                "--catalog",
                dir,
            ],
        )
        .stdout
    });
}

#[test]
fn a_catalog_edited_since_is_loaded_again() {
    let home = tempfile::tempdir().expect("temp");
    let dir = home.path().join("catalogs");
    catalogs(&dir);
    let dir_arg = dir.to_str().expect("UTF-8");
    let first = upskill(home.path(), &["validate", "--catalog", dir_arg]);
    fs::write(dir.join("bad.yaml"), BAD.replace("hours: ten", "hours: 10")).expect("write");
    let after = upskill(home.path(), &["validate", "--catalog", dir_arg]);
    assert_ne!(first.stdout, after.stdout);
    let cold = upskill(
        home.path(),
        &["validate", "--no-cache", "--catalog", dir_arg],
    );
    assert_eq!(after.stdout, cold.stdout);
}

#[test]
fn the_cache_command_tells_where_the_cache_is_and_clears_it() {
    let home = tempfile::tempdir().expect("temp");
    let where_ = home.path().join("cache/upskill");
    let empty = upskill(home.path(), &["cache"]);
    assert_eq!(empty.code, 0, "{}", empty.stderr);
    assert_eq!(
        empty.stdout,
        format!("the catalog cache is in {}: empty\n", where_.display())
    );
    assert_eq!(upskill(home.path(), &["roles"]).code, 0);
    let size = fs::metadata(where_.join("catalog.bin"))
        .expect("written")
        .len();
    let parsed = fs::read_dir(where_.join("parsed"))
        .expect("the parse store was written")
        .count();
    assert!(parsed > 1, "one entry a bundled catalog file");
    let shown = upskill(home.path(), &["cache"]);
    assert!(
        shown
            .stdout
            .starts_with(&format!("the catalog cache is in {}: ", where_.display()))
            && shown
                .stdout
                .contains(" files, of which the parsed catalog files: ")
            && shown.stdout.ends_with(&format!(" in {parsed}\n")),
        "{}",
        shown.stdout
    );
    assert!(size > 0);
    let cleared = upskill(home.path(), &["cache", "clear"]);
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert!(
        cleared
            .stdout
            .starts_with("removed the catalog cache from ")
    );
    assert!(cache_files(home.path()).is_empty());
    let again = upskill(home.path(), &["cache", "clear"]);
    assert!(
        again.stdout.ends_with("is already empty\n"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_cache_folder_that_cannot_be_written_changes_nothing() {
    let home = tempfile::tempdir().expect("temp");
    // The cache folder is a file: nothing can be made in it.
    fs::write(home.path().join("cache"), "not a folder").expect("write");
    let run = upskill(home.path(), &["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.ends_with(": 0 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );
}

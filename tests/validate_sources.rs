//! Where catalogs come from: bundled, the config dir, `--catalog` files and folders, in
//! SPEC order, and the ways reaching a file can fail.

mod common;

use std::fs;
use std::path::Path;

use common::{command, run, upskill};

const PROVIDER: &str = "provider: {id: PID, name: Provider}\ncredentials:\n  - {id: intro, title: Intro, kind: course, hours: 10, cost: 0, skills: [linux]}\n";

fn provider_file(dir: &Path, name: &str, id: &str) {
    fs::create_dir_all(dir).expect("create dir");
    fs::write(dir.join(name), PROVIDER.replace("PID", id)).expect("write catalog");
}

fn summary(stdout: &str) -> &str {
    stdout.lines().last().unwrap_or_default()
}

#[test]
fn the_bundled_catalogs_load_from_any_folder() {
    let home = tempfile::tempdir().expect("temp");
    let elsewhere = tempfile::tempdir().expect("temp");
    let result = run(
        command(home.path(), elsewhere.path()),
        &["validate", "--strict"],
    );
    assert_eq!(result.code, 0, "{}", result.stdout);
    let summary = summary(&result.stdout);
    assert!(summary.ends_with(": 0 errors, 0 warnings"), "{summary}");
    let providers: usize = summary
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(providers >= 15, "{summary}");
}

#[test]
fn no_bundled_leaves_out_the_bundled_catalogs() {
    let result = upskill(&["validate", "--no-bundled"]);
    assert_eq!(
        result.stdout,
        "0 providers, 0 credentials, 0 roles: 0 errors, 0 warnings\n"
    );
    assert_eq!(result.code, 0);
}

#[test]
fn a_folder_is_searched_recursively_for_yaml_files_only() {
    let dir = tempfile::tempdir().expect("temp");
    provider_file(dir.path(), "a.yaml", "alpha");
    provider_file(&dir.path().join("nested/deeper"), "b.yml", "beta");
    provider_file(&dir.path().join("nested"), "notes.txt", "ignored");
    provider_file(&dir.path().join(".hidden"), "c.yaml", "hidden");
    let path = dir.path().to_string_lossy().into_owned();
    let result = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    assert_eq!(
        summary(&result.stdout),
        "2 providers, 2 credentials, 0 roles: 0 errors, 0 warnings"
    );
}

#[test]
fn several_catalog_options_add_up_in_order() {
    let one = tempfile::tempdir().expect("temp");
    let two = tempfile::tempdir().expect("temp");
    provider_file(one.path(), "x.yaml", "first");
    provider_file(two.path(), "x.yaml", "first");
    let file = two.path().join("x.yaml").to_string_lossy().into_owned();
    let folder = one.path().to_string_lossy().into_owned();
    let result = upskill(&[
        "validate",
        "--no-bundled",
        "--catalog",
        &folder,
        "--catalog",
        &file,
    ]);
    // The duplicate is reported in the later source, naming the earlier one.
    let expected = format!(
        "{file}:1:16: error: duplicate provider id `first`: also defined at {folder}/x.yaml:1:16; rename one of the two"
    );
    assert_eq!(result.stdout.lines().next(), Some(expected.as_str()));
    assert_eq!(result.code, 1);
}

#[test]
fn files_in_a_folder_are_read_in_sorted_path_order() {
    let dir = tempfile::tempdir().expect("temp");
    provider_file(&dir.path().join("b"), "z.yaml", "same");
    provider_file(&dir.path().join("a"), "z.yaml", "same");
    let path = dir.path().to_string_lossy().into_owned();
    let result = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    let first = result.stdout.lines().next().expect("a problem");
    assert!(
        first.starts_with(&format!("{path}/b/z.yaml:"))
            && first.ends_with(&format!("{path}/a/z.yaml:1:16; rename one of the two")),
        "{first}"
    );
}

#[test]
fn the_config_dir_catalogs_are_loaded_after_the_bundled_ones() {
    let home = tempfile::tempdir().expect("temp");
    provider_file(
        &home.path().join("config/upskill/catalogs/team"),
        "ours.yaml",
        "our-team",
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let alone = run(command(home.path(), dir), &["validate", "--no-bundled"]);
    assert_eq!(
        summary(&alone.stdout),
        "1 provider, 1 credential, 0 roles: 0 errors, 0 warnings"
    );
    let with_bundled = run(command(home.path(), dir), &["validate"]);
    let bundled = upskill(&["validate"]);
    let count = |text: &str| -> usize {
        text.split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    };
    assert_eq!(
        count(summary(&with_bundled.stdout)),
        count(summary(&bundled.stdout)) + 1
    );
}

#[test]
fn a_user_catalog_clashing_with_a_bundled_provider_names_both() {
    let home = tempfile::tempdir().expect("temp");
    provider_file(
        &home.path().join("config/upskill/catalogs"),
        "mine.yaml",
        "comptia",
    );
    let result = run(
        command(home.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
        &["validate"],
    );
    let line = result.stdout.lines().next().expect("a problem");
    assert!(line.contains("/mine.yaml:1:16: error: duplicate provider id `comptia`: also defined at <bundled>/comptia.yaml:"), "{line}");
    assert_eq!(result.code, 1);
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let result = upskill(&["validate", "--no-bundled", "--catalog", "no/such/place"]);
    assert_eq!(
        result.stdout.lines().next(),
        Some("no/such/place:1:1: error: no such file or folder")
    );
    assert_eq!(result.code, 1);
}

#[test]
fn strict_fails_on_warnings() {
    let args = [
        "validate",
        "--no-bundled",
        "--catalog",
        "tests/fixtures/problems/warnings.yaml",
    ];
    assert_eq!(upskill(&args).code, 0);
    let mut strict = args.to_vec();
    strict.push("--strict");
    assert_eq!(upskill(&strict).code, 1);
}

#[test]
fn a_usage_error_exits_with_2() {
    let result = upskill(&["validate", "--bogus"]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("--bogus"), "{}", result.stderr);
}

#[test]
fn no_command_opens_the_app_and_without_a_terminal_says_it_needs_one() {
    let result = upskill(&[]);
    assert_eq!(result.code, 2);
    assert_eq!(
        result.stderr,
        "upskill: the app needs a terminal; for the command line, see `upskill --help`\n"
    );
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().expect("temp");
    provider_file(dir.path(), "a.yaml", "alpha");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("symlink");
    let path = dir.path().to_string_lossy().into_owned();
    let result = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    let line = result
        .stdout
        .lines()
        .find(|line| line.contains("loop"))
        .expect("the loop is reported");
    assert_eq!(
        line,
        format!(
            "{path}/loop:1:1: error: directory symlink loop: this folder leads back to {path}; remove the link or point it elsewhere"
        )
    );
    assert!(summary(&result.stdout).starts_with("1 provider, 1 credential,"));
}

#[cfg(unix)]
#[test]
fn something_that_is_not_a_regular_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().expect("temp");
    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = fifo.to_string_lossy().into_owned();
    let result = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    assert_eq!(
        result.stdout.lines().next(),
        Some(
            format!("{path}:1:1: error: it is a FIFO (a named pipe), not a file; give a YAML file or a folder of them")
                .as_str()
        )
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp");
    let big = dir.path().join("big.yaml");
    let file = fs::File::create(&big).expect("create");
    file.set_len(9 * 1024 * 1024).expect("a sparse 9 MiB file");
    let path = big.to_string_lossy().into_owned();
    let result = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    assert_eq!(
        result.stdout.lines().next(),
        Some(format!("{path}:1:1: error: the file is larger than 8 MiB, the limit for one catalog file; split it into several files").as_str())
    );
}

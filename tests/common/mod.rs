//! Running the real `upskill` binary in tests, isolated from the developer's own config and
//! data folders: the one way every test runs it.
#![allow(dead_code)]

pub mod app;
pub mod esco;
pub mod graph;
pub mod home;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The binary with `XDG_CONFIG_HOME`, `XDG_DATA_HOME` and `XDG_CACHE_HOME` pointed at
/// `home`, so no user catalog, plan or catalog cache leaks in (or is written), run from `dir`.
pub fn command(home: &Path, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_upskill"));
    command
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home)
        .env_remove("NO_COLOR");
    command
}

pub fn run(mut command: Command, args: &[&str]) -> Run {
    let output = command
        .args(args)
        .output()
        .expect("the upskill binary runs");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output.status.code().unwrap_or(-1),
    }
}

/// Runs `upskill args` from the package root with an empty home.
pub fn upskill(args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("a temp dir");
    run(
        command(home.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
        args,
    )
}

/// Runs `upskill args` from the package root with `files` (name, YAML text) in its own
/// config dir's `catalogs/`.
pub fn upskill_with_user_catalogs(files: &[(&str, &str)], args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("a temp dir");
    let catalogs = home.path().join("config/upskill/catalogs");
    std::fs::create_dir_all(&catalogs).expect("a catalogs folder");
    for (name, text) in files {
        std::fs::write(catalogs.join(name), text).expect("a catalog file");
    }
    run(
        command(home.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
        args,
    )
}

/// The standard output of `upskill args`, which must succeed.
pub fn ok(args: &[&str]) -> String {
    let run = upskill(args);
    assert_eq!(run.code, 0, "upskill {args:?} failed:\n{}", run.stderr);
    run.stdout
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// [`ok`] on the hostile catalog only.
pub fn hostile(args: &[&str]) -> String {
    let path = fixture("hostile.yaml");
    let path = path.to_str().expect("a UTF-8 path");
    let mut all = vec!["--no-bundled", "--catalog", path];
    all.extend_from_slice(args);
    ok(&all)
}

/// How many cases a property test runs: `PROPTEST_CASES` when it is set, for the long run
/// (docs/performance.md), else `default`, which keeps `cargo test` quick.
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

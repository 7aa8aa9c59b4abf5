//! Running the real `upskill` binary in tests, isolated from the developer's own config and
//! data folders.
#![allow(dead_code)]

pub mod app;
pub mod home;
pub mod tmux;

use std::path::Path;
use std::process::Command;

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The binary with `XDG_CONFIG_HOME` and `XDG_DATA_HOME` pointed at `home`, so no user
/// catalog or plan leaks in, run from `dir`.
pub fn command(home: &Path, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_upskill"));
    command
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
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

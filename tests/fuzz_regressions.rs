//! Every input the fuzzers kept (fuzz/regressions: the crashes they found, each fixed; and
//! fuzz/seeds: what they start from) replayed through the fuzz targets' own checks, on
//! stable Rust, so a fixed crash stays fixed. See fuzz/README.md.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file under fuzz/<kind>/<target>, returning how many there were.
fn replay(kind: &str, target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut paths: Vec<_> = entries
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    paths.sort();
    for path in &paths {
        let data = std::fs::read(path).expect("a readable input");
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails its check again", path.display());
    }
    paths.len()
}

fn replay_all(target: &str, check: fn(&[u8])) {
    let seeds = replay("seeds", target, check);
    let regressions = replay("regressions", target, check);
    assert!(
        seeds > 0,
        "fuzz/seeds/{target} has the inputs the fuzzer starts from"
    );
    eprintln!("{target}: {seeds} seeds, {regressions} regressions replayed");
}

#[test]
fn catalog_inputs_pass() {
    replay_all("catalog", checks::catalog);
}

#[test]
fn plan_inputs_pass() {
    replay_all("plan", checks::plan);
}

#[test]
fn key_config_inputs_pass() {
    replay_all("keys", checks::keys);
}

#[test]
fn screen_inputs_pass() {
    replay_all("screen", checks::screen);
}

#[test]
fn shallow_proof_inputs_pass() {
    replay_all("shallow", checks::shallow);
}

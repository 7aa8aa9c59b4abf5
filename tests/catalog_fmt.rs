//! `upskill fmt`: catalog files in canonical key order with every comment kept. Property:
//! any order of the keys of the bundled catalogs' mappings formats back to the bundled file
//! itself (which is canonical), keeping every line; formatting is idempotent.

mod common;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use upskill::catalog::canonical;
use upskill::yaml::reorder::reorder;

fn bundled() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .expect("catalogs")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read");
            (path, text)
        })
        .collect();
    files.sort();
    files
}

/// Every non-blank line, trimmed, without a list dash, sorted.
fn lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = line.trim();
            line.strip_prefix("- ").unwrap_or(line).to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.sort();
    lines
}

#[test]
fn the_bundled_catalogs_are_in_canonical_order() {
    for (path, text) in bundled() {
        assert_eq!(
            canonical::format(&text),
            Ok(None),
            "{} is out of canonical order: run `upskill fmt` on it",
            path.display()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(8)))]

    #[test]
    fn any_key_order_formats_back_to_the_canonical_file(seed in any::<u64>()) {
        for (path, text) in bundled() {
            // A shuffle of every mapping's keys, the same way the formatter moves them.
            let rank = |path: &[&str], key: &str| {
                let mut hash = seed ^ 0x9e37_79b9_7f4a_7c15;
                for byte in path.iter().flat_map(|p| p.bytes()).chain(key.bytes()) {
                    hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                }
                Some((hash >> 33) as usize)
            };
            let shuffled = reorder(&text, &rank);
            prop_assert_eq!(lines(&shuffled), lines(&text), "{}: the shuffle keeps every line", path.display());
            let formatted = canonical::format(&shuffled)
                .map_err(|why| TestCaseError::fail(format!("{}: {why}", path.display())))?
                .unwrap_or_else(|| shuffled.clone());
            prop_assert_eq!(&formatted, &text, "{}", path.display());
            prop_assert_eq!(canonical::format(&formatted), Ok(None), "idempotent");
        }
    }
}

/// The command: `--check` lists what is out of order and exits 1; `fmt` rewrites it (keeping
/// its comments and permissions) and then has nothing to do; a file with errors is left as
/// it is, with the reason.
#[test]
fn fmt_rewrites_what_is_out_of_order_and_refuses_a_broken_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("acme.yaml");
    let text = "# Acme's catalog\nprovider: {id: acme, name: Acme}\ncredentials:\n  - title: Linux  # the title\n    id: linux\n    # free\n    cost: 0\n    kind: course\n    hours: 4\n    skills: [linux]\n";
    std::fs::write(&file, text).expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let path = file.to_str().expect("UTF-8");
    let check = common::upskill(&["fmt", "--check", path]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stdout,
        format!("{path}: keys out of canonical order (`upskill fmt {path}` puts them in order)\n")
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        text,
        "--check changes nothing"
    );
    let run = common::upskill(&["fmt", path]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, format!("{path}: formatted\n").as_str())
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "# Acme's catalog\nprovider: {id: acme, name: Acme}\n\ncredentials:\n  - id: linux\n    title: Linux  # the title\n    kind: course\n    hours: 4\n    # free\n    cost: 0\n    skills: [linux]\n"
    );
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o640, "permissions kept");
    let again = common::upskill(&["fmt", "--check", path]);
    assert_eq!(
        (again.code, again.stdout),
        (0, format!("{path}: already in canonical order\n"))
    );
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "provider: {id: acme, name: Acme}\ncredentials:\n  - titel: x\n    id: a\n",
    )
    .expect("write");
    let broken = broken.to_str().expect("UTF-8");
    let refused = common::upskill(&["fmt", broken]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stdout
            .starts_with(&format!("{broken}: not formatted: it has errors (")),
        "{}",
        refused.stdout
    );
    let missing = common::upskill(&["fmt", "/nonexistent/x.yaml"]);
    assert_eq!(
        missing.stdout,
        "/nonexistent/x.yaml: not formatted: no such file\n"
    );
}

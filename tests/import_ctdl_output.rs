//! How `upskill import-ctdl` writes: each entry waits in a scratch file until its provider's
//! file is put together, so the output must be byte for byte what holding everything in
//! memory gives (committed under tests/fixtures/ctdl/expected, written before the entries
//! were spilled), the folder must end up holding nothing but catalog files, and a failure
//! midway must leave the folder as it was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use upskill::import::ctdl::{self, Input};

/// Runs `upskill import-ctdl INPUT -o OUT` with English as the user's language.
fn import(input: &Path, out: &Path) -> common::Run {
    let home = tempfile::tempdir().expect("a temp dir");
    let mut command = common::command(home.path(), Path::new(env!("CARGO_MANIFEST_DIR")));
    command
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    common::run(
        command,
        &[
            "import-ctdl",
            input.to_str().expect("UTF-8"),
            "-o",
            out.to_str().expect("UTF-8"),
        ],
    )
}

/// Every file in `folder`, hidden ones too: name to text.
fn folder_files(folder: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(folder)
        .expect("a folder")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&path).expect("a text file"))
        })
        .collect()
}

/// The inputs of a fixture folder, as `ctdl::convert` takes them, in the binary's order.
fn inputs(folder: &Path) -> Vec<Input> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("a folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| Input {
            name: path.display().to_string(),
            text: std::fs::read_to_string(&path).expect("a fixture"),
        })
        .collect()
}

/// Imports fixture folder `name` and compares every byte with the committed catalog files
/// and with what converting in memory gives.
fn assert_imports_as_committed(name: &str) {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let input = common::fixture(&format!("ctdl/{name}"));
    let run = import(&input, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = folder_files(&out);
    let expected = folder_files(&common::fixture(&format!("ctdl/expected/{name}")));
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "the folder holds the catalog files and nothing else"
    );
    for (file, text) in &expected {
        assert!(written[file] == *text, "{file} differs:\n{}", written[file]);
    }
    let in_memory = ctdl::convert(&inputs(&input), "en-US");
    assert_eq!(in_memory.files, expected);
}

#[test]
fn the_registry_fixtures_import_byte_for_byte_as_committed() {
    assert_imports_as_committed("registry");
}

#[test]
fn providers_spread_over_files_are_put_together_in_id_order_byte_for_byte() {
    // Two providers' resources interleaved across a `@graph`, a list and a file whose
    // organisation comes last; a name used twice; an exam; one without an owner.
    assert_imports_as_committed("interleaved");
}

/// A `@graph` file of one organisation named `name` and one credential of its own.
fn provider_file(n: usize, name: &str) -> String {
    let address = |k: usize| {
        format!(
            "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-{k:012x}"
        )
    };
    format!(
        r#"{{"@graph": [
        {{"@id": "{org}", "@type": "ceterms:CredentialOrganization", "ceterms:name": "{name}"}},
        {{"@id": "{own}", "@type": "ceterms:Certificate", "ceterms:name": "Certificate {n}",
          "ceterms:ownedBy": ["{org}"], "ceterms:keyword": ["Testing"],
          "ceterms:estimatedDuration": [{{"ceterms:exactDuration": "PT10H"}}]}}]}}"#,
        org = address(100 + n),
        own = address(n),
    )
}

#[test]
fn a_failure_midway_leaves_the_old_catalog_and_no_scratch_files() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    assert_eq!(import(&common::fixture("ctdl/interleaved"), &out).code, 0);
    let before = folder_files(&out);
    // Two providers: the first's file is small and staged whole; the second's name makes
    // its file larger than the limit below, so writing it fails.
    let input = home.path().join("input");
    std::fs::create_dir(&input).expect("a folder");
    std::fs::write(input.join("a.json"), provider_file(1, "Aardvark Academy")).expect("a file");
    let long = format!("Zebra {}", "school of many words ".repeat(200));
    std::fs::write(input.join("b.json"), provider_file(2, &long)).expect("a file");
    // `ulimit -f` counts 512-byte blocks; with SIGXFSZ ignored, a write past it fails.
    let script = "trap '' XFSZ; ulimit -f 4 && exec \"$0\" import-ctdl \"$1\" -o \"$2\"";
    let run = std::process::Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_upskill")])
        .arg(&input)
        .arg(&out)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("zebra-school-of-many-words"), "{stderr}");
    assert!(stderr.contains(".yaml: cannot be written: "), "{stderr}");
    assert_eq!(folder_files(&out), before, "the folder is as it was");
    // Without the limit the same import goes through, and replaces the old files.
    let run = import(&input, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = folder_files(&out);
    assert_eq!(after.len(), 2, "{:?}", after.keys());
    assert!(after.contains_key("aardvark-academy.yaml"));
}

#[test]
fn files_a_killed_import_left_half_written_are_removed_by_the_next() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let input = common::fixture("ctdl/interleaved");
    assert_eq!(import(&input, &out).code, 0);
    let before = folder_files(&out);
    std::fs::write(out.join(".upskill-AbC123.tmp"), "format: 1\nprovid").expect("a leftover");
    let run = import(&input, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(folder_files(&out), before);
}

//! `upskill import-ctdl`, run as the real binary on the Registry-shaped fixtures under
//! tests/fixtures/ctdl: one test per mapping rule of docs/importing.md, the output folder's
//! guard, repeatability, and a property test that no JSON makes the importer panic.

mod common;

use std::path::Path;

use proptest::prelude::*;
use upskill::import::ctdl::{self, Input};

/// Imports the fixture folder into a fresh folder: (stdout, stderr, the provider file's text).
fn import(lang: &str) -> (String, String, String) {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let mut command = common::command(home.path(), Path::new(env!("CARGO_MANIFEST_DIR")));
    command
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let fixtures = common::fixture("ctdl/registry");
    let run = common::run(
        command,
        &[
            "import-ctdl",
            fixtures.to_str().expect("UTF-8"),
            "-o",
            out.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = std::fs::read_to_string(out.join("acme-academy.yaml")).expect("a provider file");
    (run.stdout, run.stderr, file)
}

/// The lines of one credential's entry in `file`.
fn entry<'a>(file: &'a str, id: &str) -> &'a str {
    let start = file
        .find(&format!("  - id: {id}\n"))
        .unwrap_or_else(|| panic!("no `{id}` in\n{file}"));
    let rest = &file[start + 4..];
    &file[start..start + 4 + rest.find("\n  - id:").unwrap_or(rest.len())]
}

#[test]
fn the_output_validates_with_no_errors_or_warnings() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let fixtures = common::fixture("ctdl/registry");
    let out_text = out.to_str().expect("UTF-8");
    let imported = common::upskill(&[
        "import-ctdl",
        fixtures.to_str().expect("UTF-8"),
        "-o",
        out_text,
    ]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let validated = common::upskill(&["validate", "--no-bundled", "--catalog", out_text]);
    assert_eq!(
        validated.code, 0,
        "{}{}",
        validated.stdout, validated.stderr
    );
    assert!(
        validated
            .stdout
            .contains("1 provider, 3 credentials, 0 roles: 0 errors, 0 warnings"),
        "{}",
        validated.stdout
    );
}

#[test]
fn types_map_to_kinds_and_an_unknown_type_is_skipped_with_a_warning() {
    let (stdout, stderr, file) = import("en_US.UTF-8");
    assert!(entry(&file, "certified-cloud-operator").contains("kind: certification"));
    assert!(entry(&file, "cloud-operations-program").contains("kind: course"));
    assert!(entry(&file, "linux-foundations-badge").contains("kind: badge"));
    assert!(!file.contains("Not a credential"));
    assert!(
        stderr.contains("spaceship.json: (top): type `Spaceship` is not a credential"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("3 credentials from 4 files into 1 provider file in"),
        "{stdout}"
    );
}

#[test]
fn the_organisation_in_a_graph_names_the_provider_of_every_file_that_points_to_it() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(file.contains("provider:\n  id: acme-academy\n  name: \"Acme Academy\"\n  url: \"https://academy.example\"\n"), "{file}");
}

#[test]
fn the_ctid_becomes_same_as_and_the_webpage_the_url() {
    let (_, _, file) = import("en_US.UTF-8");
    let cert = entry(&file, "certified-cloud-operator");
    assert!(
        cert.contains("same_as: [\"ce-5b8e2d10-1c1a-4a6f-9c30-2a0000000020\"]"),
        "{cert}"
    );
    assert!(
        cert.contains("url: \"https://academy.example/certs/cloud-operator\""),
        "{cert}"
    );
}

#[test]
fn the_cost_is_the_non_member_price_never_the_renewal() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(entry(&file, "certified-cloud-operator").contains("cost: 300\n"));
}

#[test]
fn a_currency_name_becomes_its_code_and_an_unknown_one_leaves_the_cost_out() {
    let (_, stderr, file) = import("en_US.UTF-8");
    assert!(file.contains("currency: USD\n"));
    assert!(entry(&file, "cloud-operations-program").contains("cost: 4800\n"));
    let badge = entry(&file, "linux-foundations-badge");
    assert!(
        badge.contains("cost: unknown\n") && !badge.contains("cost: 0"),
        "{badge}"
    );
    assert!(
        stderr
            .contains("linux-badge.json: estimatedCost[0].currency: unknown currency `Doubloons`"),
        "{stderr}"
    );
}

#[test]
fn exact_hours_are_kept_and_calendar_durations_are_estimated_and_say_so() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(entry(&file, "certified-cloud-operator").contains("hours: 40\n"));
    let program = entry(&file, "cloud-operations-program");
    assert!(program.contains("hours: 3200\n"), "{program}");
    assert!(
        program.contains("Hours estimated by upskill from the Registry's duration P2Y"),
        "{program}"
    );
    assert!(entry(&file, "linux-foundations-badge").contains("duration P5D"));
}

#[test]
fn two_requires_profiles_inside_the_import_become_any() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(entry(&file, "certified-cloud-operator").contains(
        "requires: [{any: [acme-academy/cloud-operations-program, acme-academy/linux-foundations-badge]}]"
    ));
}

#[test]
fn an_outside_target_is_described_in_words_with_its_json_path() {
    let (_, stderr, file) = import("en_US.UTF-8");
    let program = entry(&file, "cloud-operations-program");
    assert!(!program.contains("requires:"), "{program}");
    assert!(
        program.contains("Requires (from the Registry): Pass the entrance assessment;"),
        "{program}"
    );
    assert!(
        stderr.contains("acme-graph.json: @graph[0].requires[0].targetAssessment[0]: `https://credentialengineregistry.org/resources/ce-99999999-0000-4000-8000-000000000099` is not in the imported files"),
        "{stderr}"
    );
}

#[test]
fn recommends_inside_the_import_becomes_a_reference() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(
        entry(&file, "linux-foundations-badge")
            .contains("recommends: [acme-academy/cloud-operations-program]")
    );
}

#[test]
fn placeholder_text_is_dropped_with_a_warning() {
    let (_, stderr, file) = import("en_US.UTF-8");
    assert!(!file.contains("MISSING"), "{file}");
    assert!(
        stderr.contains("acme-graph.json: @graph[0].description: placeholder text"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("acme-graph.json: @graph[0].estimatedCost[0].description: placeholder text"),
        "{stderr}"
    );
}

#[test]
fn subjects_and_keywords_become_skills() {
    let (_, _, file) = import("en_US.UTF-8");
    assert!(entry(&file, "cloud-operations-program").contains("skills: [cloud-computing, linux]"));
    assert!(entry(&file, "linux-foundations-badge").contains("skills: [linux, shell-scripting]"));
}

#[test]
fn a_language_map_gives_the_users_language_and_ids_stay_the_same() {
    let (_, _, file) = import("fr_CA.UTF-8");
    let cert = entry(&file, "certified-cloud-operator");
    assert!(
        cert.contains("title: \"Opérateur cloud certifié\""),
        "{cert}"
    );
}

#[test]
fn importing_twice_gives_the_same_bytes() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let fixtures = common::fixture("ctdl/registry");
    let args = [
        "import-ctdl",
        fixtures.to_str().expect("UTF-8"),
        "-o",
        out.to_str().expect("UTF-8"),
    ];
    assert_eq!(common::upskill(&args).code, 0);
    let first = std::fs::read(out.join("acme-academy.yaml")).expect("written");
    let again = common::upskill(&args);
    assert_eq!(
        again.code, 0,
        "a folder an import wrote is replaced: {}",
        again.stderr
    );
    assert_eq!(
        std::fs::read(out.join("acme-academy.yaml")).expect("written"),
        first
    );
}

#[test]
fn a_folder_holding_files_an_import_did_not_write_is_refused_and_left_alone() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("mine");
    std::fs::create_dir(&out).expect("a folder");
    std::fs::write(out.join("acme.yaml"), "provider: {id: acme, name: Acme}\n").expect("a file");
    let fixtures = common::fixture("ctdl/registry");
    let run = common::upskill(&[
        "import-ctdl",
        fixtures.to_str().expect("UTF-8"),
        "-o",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("holds `acme.yaml`, which an earlier `upskill import-ctdl` did not write"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(out.join("acme.yaml")).expect("kept"),
        "provider: {id: acme, name: Acme}\n"
    );
    assert!(!out.join("acme-academy.yaml").exists());
}

#[test]
fn a_missing_input_and_a_file_that_is_not_json_are_named() {
    let home = tempfile::tempdir().expect("a temp dir");
    let out = home.path().join("out");
    let missing = common::upskill(&[
        "import-ctdl",
        "no-such.json",
        "-o",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(missing.code, 1);
    assert!(
        missing
            .stderr
            .contains("no-such.json: no such file or folder"),
        "{}",
        missing.stderr
    );
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, "{not json").expect("a file");
    let run = common::upskill(&[
        "import-ctdl",
        bad.to_str().expect("UTF-8"),
        "-o",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("bad.json: not JSON"), "{}", run.stderr);
}

/// JSON values with CTDL's keys, nested a few levels.
fn ctdl_json() -> impl Strategy<Value = serde_json::Value> {
    let keys = prop::sample::select(vec![
        "@type",
        "@id",
        "@graph",
        "ceterms:name",
        "name",
        "ceterms:ctid",
        "ownedBy",
        "ceterms:offeredBy",
        "estimatedCost",
        "ceterms:price",
        "currency",
        "estimatedDuration",
        "exactDuration",
        "requires",
        "recommends",
        "targetCredential",
        "targetAssessment",
        "subject",
        "keyword",
        "targetNodeName",
        "directCostType",
        "audienceType",
        "en",
        "description",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "ceterms:Certification",
            "Badge",
            "ceterms:CredentialOrganization",
            "P2Y",
            "PT3H",
            "P",
            "USD",
            "US Dollar",
            "_:b0",
            "ce-5b8e2d10-1c1a-4a6f-9c30-2a0000000010",
            "*** MISSING ***",
            "",
        ])
        .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|map| {
                serde_json::Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(256)))]

    #[test]
    fn no_json_makes_the_importer_panic_and_the_output_is_repeatable(
        documents in prop::collection::vec(ctdl_json(), 1..4)
    ) {
        let inputs: Vec<Input> = documents
            .iter()
            .enumerate()
            .map(|(n, value)| Input { name: format!("{n}.json"), text: value.to_string() })
            .collect();
        let first = ctdl::convert(&inputs, "en-US");
        let again = ctdl::convert(&inputs, "en-US");
        prop_assert_eq!(first.files, again.files);
    }
}

#[test]
fn an_output_that_is_a_file_is_refused_with_the_fix() {
    let home = tempfile::tempdir().expect("a temp dir");
    let file = home.path().join("notes.txt");
    std::fs::write(&file, "mine").expect("a file");
    let fixtures = common::fixture("ctdl/registry");
    let run = common::upskill(&[
        "import-ctdl",
        fixtures.to_str().expect("UTF-8"),
        "-o",
        file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("notes.txt: is a file, not a folder; give -o a new or empty folder"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "mine");
}

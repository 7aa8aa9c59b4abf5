//! `upskill roles import-esco` on ESCO-shaped fixtures (tests/fixtures/esco/): one test per
//! mapping rule, the output choices, and each kind of bad input.

mod common;

use std::path::Path;

use common::esco::{FILES, OCCUPATION, SKILL, esco, import, import_in};
use common::{command, run};

/// The line of the written role that starts with `key:`.
fn role_line<'a>(yaml: &'a str, key: &str) -> &'a str {
    let start = format!("    {key}: ");
    yaml.lines()
        .find_map(|line| line.strip_prefix(&start))
        .unwrap_or_else(|| panic!("no `{key}` in:\n{yaml}"))
}

#[test]
fn an_essential_skill_maps_through_a_catalog_skills_same_as_whatever_its_label() {
    let run = import(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // ESCO's "SQL" and "query languages" are both in `sql`'s same_as; its name is neither.
    assert_eq!(
        role_line(&run.stdout, "skills"),
        "[database-management, sql]"
    );
    assert!(!run.stderr.contains("`SQL`"), "{}", run.stderr);
    assert!(!run.stderr.contains("query languages"), "{}", run.stderr);
}

#[test]
fn an_essential_skill_maps_by_its_preferred_label_with_case_and_spaces_aside() {
    // ESCO's "manage  Database" is the skill named "Manage database".
    let run = import(&[]);
    assert!(
        role_line(&run.stdout, "skills").contains("database-management"),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("manage  Database"), "{}", run.stderr);
}

#[test]
fn a_label_two_catalog_skills_share_maps_to_neither_and_says_which() {
    let run = import(&[]);
    assert!(
        !role_line(&run.stdout, "skills").contains("security"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains(&format!("unmatched: essential skill `ICT security` ({SKILL}104) is the name of several catalog skills (ict-security, information-security); add `same_as: [{SKILL}104]` to the one it is")),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unmatched_essential_skill_is_reported_with_the_fix_and_kept_in_a_comment() {
    let run = import(&[]);
    assert!(
        run.stderr.contains(&format!("unmatched: essential skill `back up databases` ({SKILL}103); add `same_as: [{SKILL}103]` to a skill in your catalog, or a skill named `back up databases`")),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains(&format!("#   - back up databases: {SKILL}103\n")),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("3 of 5 essential skills matched (2 catalog skills), 1 recommended from 2 optional skills"),
        "{}",
        run.stderr
    );
}

#[test]
fn optional_skills_mapped_become_recommended_and_a_skill_listed_both_ways_is_essential() {
    // Linux is optional and mapped; "write shell scripts" is optional and unmatched, so left
    // out without a word; SQL is listed essential and optional, so it is a skill only.
    let run = import(&[]);
    assert_eq!(role_line(&run.stdout, "recommended"), "[linux]");
    assert!(!run.stderr.contains("shell scripts"), "{}", run.stderr);
}

#[test]
fn a_relation_neither_essential_nor_optional_is_left_out_with_a_located_warning() {
    let run = import(&[]);
    assert!(
        run.stderr.contains("occupationSkillRelations.csv:10: relationType `preferred` is neither `essential` nor `optional`; the row is left out"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_role_takes_its_id_and_title_from_the_preferred_label_and_cites_esco() {
    let run = import(&[]);
    assert!(
        run.stdout.contains("  - id: database-administrator\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        role_line(&run.stdout, "title"),
        "\"Database administrator\""
    );
    assert!(
        run.stdout
            .contains("# This service uses the ESCO classification of the European Commission.\n"),
        "{}",
        run.stdout
    );
    assert!(
        role_line(&run.stdout, "description").contains(&format!("ESCO occupation: {OCCUPATION}")),
        "{}",
        run.stdout
    );
}

#[test]
fn id_overrides_the_role_id_and_a_bad_one_is_a_usage_error() {
    let run = import(&["--id", "dba"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("  - id: dba\n"), "{}", run.stdout);
    let bad = import(&["--id", "Data Base"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("--id `Data Base` is not a role id: write lowercase letters and digits joined by single hyphens, like `data-base`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn output_writes_a_catalog_file_that_validates_and_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let first = import_in(dir.path(), FILES, OCCUPATION, &["-o", "dba.yaml"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("written to dba.yaml"),
        "{}",
        first.stdout
    );
    let written = std::fs::read_to_string(dir.path().join("dba.yaml")).expect("written");
    assert!(
        written.starts_with("# Written by `upskill roles import-esco`"),
        "{written}"
    );
    let again = import_in(
        dir.path(),
        FILES,
        OCCUPATION,
        &["-o", "dba.yaml", "--id", "dba"],
    );
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("dba.yaml already exists; give --force to replace it, or another -o"),
        "{}",
        again.stderr
    );
    let kept = std::fs::read_to_string(dir.path().join("dba.yaml")).expect("kept");
    assert_eq!(kept, written);
    let forced = import_in(
        dir.path(),
        FILES,
        OCCUPATION,
        &["-o", "dba.yaml", "--id", "dba", "--force"],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let replaced = std::fs::read_to_string(dir.path().join("dba.yaml")).expect("replaced");
    assert!(replaced.contains("  - id: dba\n"), "{replaced}");
    // The file loads with the catalog whose skills it names, and shows its recommended skill.
    let home = tempfile::tempdir().expect("a temp dir");
    let catalog = esco("catalog.yaml");
    let shown = run(
        command(home.path(), dir.path()),
        &[
            "--no-bundled",
            "--catalog",
            &catalog,
            "--catalog",
            "dba.yaml",
            "show",
            "dba",
        ],
    );
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown.stdout.contains("Recommended skills"),
        "{}",
        shown.stdout
    );
    assert!(shown.stderr.is_empty(), "{}", shown.stderr);
}

#[test]
fn an_unknown_uri_suggests_the_closest_uri_or_the_occupations_named_like_it() {
    let typo = OCCUPATION.replace("000000000001", "00000000001");
    let run = import_in(Path::new(env!("CARGO_MANIFEST_DIR")), FILES, &typo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("no occupation has the URI `{typo}`; did you mean `{OCCUPATION}` (database administrator)?")),
        "{}",
        run.stderr
    );
    let label = import_in(Path::new(env!("CARGO_MANIFEST_DIR")), FILES, "data", &[]);
    assert!(
        label.stderr.contains("occupations whose label holds it: `http://data.europa.eu/esco/occupation/7e1a0c55-0000-4a00-9000-000000000001` (database administrator), `http://data.europa.eu/esco/occupation/7e1a0c55-0000-4a00-9000-000000000002` (data warehouse designer)"),
        "{}",
        label.stderr
    );
}

#[test]
fn an_occupation_none_of_whose_essential_skills_matches_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let uri = OCCUPATION.replace("000000000001", "000000000002");
    let run = import_in(dir.path(), FILES, &uri, &["-o", "out.yaml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("none of the 2 essential skills of `data warehouse designer` matches a catalog skill, so no role is written"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("out.yaml").exists());
}

#[test]
fn roles_without_a_subcommand_lists_the_roles_as_before_with_their_recommended_skills() {
    let catalog = esco("catalog.yaml");
    let run = common::upskill(&[
        "--no-bundled",
        "--catalog",
        &catalog,
        "roles",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let roles: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        roles[0]["recommended"],
        serde_json::json!(["ict-security", "scripting"])
    );
    assert!(
        run.stdout.contains("\"id\": \"network-technician\""),
        "{}",
        run.stdout
    );
}

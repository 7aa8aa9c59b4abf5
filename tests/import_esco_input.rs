//! `upskill roles import-esco` on bad or unusual input: a byte order mark, multi-line
//! fields, malformed rows, wrong headers, files given to the wrong option, missing files.

mod common;

use std::path::Path;

use common::esco::{FILES, OCCUPATION, esco, import_in};

#[test]
fn a_byte_order_mark_and_multi_line_quoted_labels_are_read() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        [
            "bom-occupations.csv",
            "occupationSkillRelations.csv",
            "skills.csv",
        ],
        OCCUPATION,
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("  - id: database-administrator\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_malformed_row_is_reported_at_its_line_counting_multi_line_fields() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        [
            "occupations.csv",
            "occupationSkillRelations.csv",
            "malformed-skills.csv",
        ],
        OCCUPATION,
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "upskill: {}:6: this row has 3 fields where the header has 13: a field holding a comma, a quote or a line break must be in double quotes, with its quotes doubled",
            esco("malformed-skills.csv")
        )
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn a_relations_row_short_of_fields_stops_the_import_at_its_line() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        ["occupations.csv", "malformed-relations.csv", "skills.csv"],
        OCCUPATION,
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{}:4: this row has 3 fields where the header has 4",
            esco("malformed-relations.csv")
        )),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn a_wrong_header_names_the_columns_needed() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        [
            "wrong-header.csv",
            "occupationSkillRelations.csv",
            "skills.csv",
        ],
        OCCUPATION,
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("wrong-header.csv:1: the header has no `conceptUri`, `preferredLabel` column; the columns needed are conceptUri, preferredLabel, found uri,label; --occupations takes ESCO's occupations_en.csv"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_given_to_the_wrong_option_is_named_for_what_it_is() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        [
            "occupations.csv",
            "skills.csv",
            "occupationSkillRelations.csv",
        ],
        OCCUPATION,
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("it looks like ESCO's skills_en.csv, which goes with --skills, while --relations takes occupationSkillRelations_en.csv"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_is_said_first_and_a_folder_for_output_is_refused_before_reading() {
    let run = import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        [
            "occupations.csv",
            "occupationSkillRelations.csv",
            "nope.csv",
        ],
        "not-a-uri",
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "upskill: {}: cannot be read: no such file",
            esco("nope.csv")
        )
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = import_in(dir.path(), FILES, OCCUPATION, &["-o", "."]);
    assert_eq!(folder.code, 2, "{}", folder.stderr);
    assert!(
        folder
            .stderr
            .contains(". is a folder; give -o a file in it, like ./ROLE.yaml"),
        "{}",
        folder.stderr
    );
}

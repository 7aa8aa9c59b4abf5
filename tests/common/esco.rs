//! Running `upskill roles import-esco` on the ESCO-shaped fixtures (tests/fixtures/esco/).

use std::path::Path;

use super::{Run, command, fixture, run};

pub const OCCUPATION: &str =
    "http://data.europa.eu/esco/occupation/7e1a0c55-0000-4a00-9000-000000000001";
pub const SKILL: &str = "http://data.europa.eu/esco/skill/5c2d0f10-0000-4b00-8000-000000000";

pub fn esco(name: &str) -> String {
    fixture(&format!("esco/{name}"))
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// `upskill --no-bundled --catalog <fixture catalog> roles import-esco <the three files>
/// --uri URI extra...`, run in `dir`.
pub fn import_in(dir: &Path, files: [&str; 3], uri: &str, extra: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("a temp dir");
    let [occupations, relations, skills] = files.map(esco);
    let catalog = esco("catalog.yaml");
    let mut args = vec![
        "--no-bundled",
        "--catalog",
        &catalog,
        "roles",
        "import-esco",
        "--occupations",
        &occupations,
        "--relations",
        &relations,
        "--skills",
        &skills,
        "--uri",
        uri,
    ];
    args.extend_from_slice(extra);
    run(command(home.path(), dir), &args)
}

pub const FILES: [&str; 3] = [
    "occupations.csv",
    "occupationSkillRelations.csv",
    "skills.csv",
];

pub fn import(extra: &[&str]) -> Run {
    import_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        FILES,
        OCCUPATION,
        extra,
    )
}

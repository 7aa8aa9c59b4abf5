//! `roles`, `show` and `schema`, run as the real binary with an empty config dir, on the
//! bundled catalogs and on a hostile fixture.

mod common;

use std::path::Path;

use common::{hostile, ok, upskill, upskill_with_user_catalogs};

/// How many roles the bundled catalogs define, read from them rather than written here, so
/// that adding a role does not break these tests.
fn bundled_roles() -> usize {
    let loaded = upskill::catalog::load(&upskill::catalog::Sources {
        bundled: true,
        ..upskill::catalog::Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded.catalog.roles.len()
}

#[test]
fn roles_are_listed_as_an_aligned_table() {
    let text = ok(&["roles"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("ID ") && lines[0].contains("TITLE"),
        "{text}"
    );
    assert_eq!(
        lines.len(),
        1 + bundled_roles(),
        "a header and a line for each bundled role:\n{text}"
    );
    let row = lines
        .iter()
        .find(|line| line.starts_with("network-administrator "))
        .expect("the role is listed");
    assert!(row.contains("Network Administrator") && row.contains("networking"));
    let title_column = lines[0].find("TITLE").expect("a title column");
    assert!(lines[1..].iter().all(|line| line.chars().count() <= 100));
    assert_eq!(row.find("Network Administrator"), Some(title_column));
}

#[test]
fn roles_as_json_are_objects_with_id_title_and_skills() {
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["roles", "--format", "json"])).expect("valid JSON");
    let roles = json.as_array().expect("a list");
    assert_eq!(roles.len(), bundled_roles());
    let admin = roles
        .iter()
        .find(|role| role["id"] == "network-administrator")
        .expect("the role is there");
    assert_eq!(admin["title"], "Network Administrator");
    let skills = admin["skills"].as_array().expect("a skill list");
    assert!(skills.contains(&"networking".into()), "{admin}");
}

#[test]
fn show_gives_a_credential_in_full() {
    let text = ok(&["show", "microsoft/az-400"]);
    for expected in [
        "Microsoft Certified: DevOps Engineer Expert (AZ-400)",
        "  id           microsoft/az-400",
        "provider     Microsoft",
        "  hours        115 estimated learning hours",
        "  cost         165 USD",
        "CI/CD (ci-cd)",
        "  validity     expires 12 months after it is earned",
        "  verified     2026-06-01 (checked ",
        "Requires\n  └─ one of\n     ├─ microsoft/az-104  ",
        "     └─ microsoft/az-204  Microsoft Certified: Azure Developer Associate (AZ-204) (retired",
        "Helps with roles\n",
        "devops-engineer  DevOps Engineer: meets",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn show_says_what_requires_a_credential() {
    let text = ok(&["show", "microsoft/az-104"]);
    let required_by = text
        .split("Required by\n")
        .nth(1)
        .expect("a Required by section");
    assert!(required_by.contains("microsoft/az-305"), "{text}");
    assert!(
        required_by.contains(
            "microsoft/az-400  Microsoft Certified: DevOps Engineer Expert (AZ-400) (as one of"
        ),
        "{text}"
    );
}

/// The rows of the block under `heading` (the skill line, whatever its count of
/// credentials), up to the next blank line.
fn skill_block<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let block = text
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("a block {heading:?} in:\n{text}"));
    block
        .lines()
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .collect()
}

/// The amount a row of `show` starts with: `free` is 0.
fn row_cost(row: &str) -> f64 {
    let first = row.split_whitespace().next().unwrap_or_default();
    if first == "free" {
        0.0
    } else {
        first
            .parse()
            .unwrap_or_else(|_| panic!("a cost in {row:?}"))
    }
}

#[test]
fn show_gives_a_role_with_the_cheapest_teachers_first() {
    let text = ok(&["show", "network-administrator"]);
    assert!(text.starts_with("Network Administrator\n  id           network-administrator\n"));
    let rows: Vec<&str> = skill_block(&text, "skill Routing and switching (routing-switching): ")
        .into_iter()
        .filter(|row| !row.trim_start().starts_with('↳'))
        .collect();
    for id in ["cisco/ccna", "comptia/network-plus"] {
        assert!(rows.iter().any(|row| row.contains(id)), "{id} in {rows:#?}");
    }
    let costs: Vec<f64> = rows.iter().map(|row| row_cost(row)).collect();
    assert!(
        costs.windows(2).all(|pair| pair[0] <= pair[1]),
        "cheapest first: {rows:#?}"
    );
}

#[test]
fn show_says_what_a_credential_costs_with_its_prerequisites() {
    let text = ok(&["show", "cloud-engineer"]);
    let rows = skill_block(&text, "skill Cloud architecture (cloud-architecture): ");
    let at = rows
        .iter()
        .position(|row| row.contains("microsoft/az-305"))
        .unwrap_or_else(|| panic!("AZ-305 in {rows:#?}"));
    // AZ-305 needs AZ-104 (165 USD, 80 h) first.
    assert!(
        rows[at + 1]
            .trim_start()
            .starts_with("↳ from nothing, with 1 prerequisite: 330 USD, 195 h in all"),
        "{rows:#?}"
    );
}

#[test]
fn show_accepts_a_skill_or_its_alias() {
    let text = ok(&["show", "help-desk"]);
    assert!(text.starts_with("Customer support (help desk)\n  id           customer-support\n"));
    assert!(text.contains("Taught by, cheapest first\n"));
    assert!(text.contains("it-support-specialist  IT Support Specialist"));
}

#[test]
fn show_accepts_a_bare_credential_id_that_one_provider_uses() {
    assert!(ok(&["show", "network-plus"]).starts_with("CompTIA Network+ (N10-009)\n"));
}

#[test]
fn an_unknown_id_is_a_usage_error_with_a_suggestion() {
    let run = upskill(&["show", "comptia/netwrok-plus"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "upskill: no credential, role or skill has the id `comptia/netwrok-plus`; did you mean `comptia/network-plus`?\n"
    );
    let run = upskill(&["show", "network-adminstrator"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `network-administrator`?"),
        "{}",
        run.stderr
    );
    let run = upskill(&["show", "evil\u{1b}[2J"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
}

/// No control character but the line feed, and no direction override, in `text`.
fn assert_harmless(text: &str, what: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{text}");
}

#[test]
fn hostile_catalog_text_never_reaches_the_output_raw() {
    for args in [
        &["roles"][..],
        &["roles", "--format", "json"],
        &["show", "evil/base"],
        &["show", "evil/next"],
        &["show", "evil/either"],
        &["show", "hostile-role"],
        &["show", "hostile-skill"],
        &["show", "linux"],
        &["graph"],
        &["graph", "--role", "hostile-role"],
        &["graph", "--format", "mermaid"],
        &["graph", "--format", "mermaid", "--role", "hostile-role"],
        &["validate", "--strict", "--max-age", "1200"],
        &["validate"],
    ] {
        assert_harmless(&hostile(args), &format!("{args:?}"));
    }
}

#[test]
fn hostile_role_json_stays_valid_json() {
    let json: serde_json::Value =
        serde_json::from_str(&hostile(&["roles", "--format", "json"])).expect("valid JSON");
    assert_eq!(json[0]["id"], "hostile-role");
    assert_eq!(
        json[0]["skills"],
        serde_json::json!(["hostile-skill", "linux"])
    );
    assert_eq!(
        json[0]["requires"],
        serde_json::json!(["any of [evil/either, evil/next]"])
    );
}

#[test]
fn old_verification_dates_are_flagged() {
    let shown = hostile(&["show", "evil/base"]);
    assert!(
        shown.contains("verified     2020-01-01 (checked ")
            && shown.contains("months ago): possibly out of date; check with the issuer"),
        "{shown}"
    );
}

#[test]
fn the_schema_command_prints_the_shipped_schema_file() {
    let printed = ok(&["schema"]);
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/schema.json"))
            .expect("catalogs/schema.json exists");
    assert!(
        printed == shipped,
        "catalogs/schema.json is out of date with the format types; regenerate it with\n    cargo run -- schema > catalogs/schema.json"
    );
}

#[test]
fn a_catalog_in_the_config_dir_is_used_without_flags() {
    let acme = "provider: {id: acme, name: Acme}\ncredentials:\n  - {id: linux-basics, title: Linux Basics, kind: course, hours: 20, cost: 0, skills: [linux], recommends: [comptia/linux-plus]}\n";
    let run = upskill_with_user_catalogs(&[("acme.yaml", acme)], &["show", "acme/linux-basics"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Linux Basics\n  id           acme/linux-basics\n")
    );
    assert!(run.stdout.contains("comptia/linux-plus  CompTIA Linux+"));
    let run = upskill_with_user_catalogs(
        &[("acme.yaml", acme)],
        &["graph", "--role", "cloud-engineer"],
    );
    assert!(
        run.stdout.contains("\"acme/linux-basics\" [label="),
        "{}",
        run.stdout
    );
}

/// `show` lists a credential's `same_as` ids, one a line.
#[test]
fn show_lists_the_same_as_ids() {
    let run = common::upskill_with_user_catalogs(
        &[(
            "acme.yaml",
            "provider: {id: acme, name: Acme}\ncredentials:\n  - {id: cloud, title: Cloud, kind: course, hours: 1, cost: 0, skills: [cloud], same_as: [ce-0001, 'https://acme.example/cloud']}\n",
        )],
        &["--no-bundled", "show", "acme/cloud"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("ce-0001"), "{}", run.stdout);
    assert!(
        run.stdout.contains("https://acme.example/cloud"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("same as"), "{}", run.stdout);
}

/// `show SKILL` lists its `same_as` URIs; `show ROLE` lists its recommended skills apart
/// from its requirements.
#[test]
fn show_lists_a_skills_same_as_and_a_roles_recommended_skills() {
    let catalog = [(
        "acme.yaml",
        "provider: {id: acme, name: Acme}\ncredentials:\n  - {id: sql-course, title: SQL, kind: course, hours: 1, cost: 0, skills: [sql]}\nroles:\n  - {id: analyst, title: Analyst, skills: [sql], recommended: [statistics]}\nskills:\n  - {id: sql, name: SQL, same_as: ['http://data.europa.eu/esco/skill/0001']}\n",
    )];
    let skill = common::upskill_with_user_catalogs(&catalog, &["--no-bundled", "show", "sql"]);
    assert_eq!(skill.code, 0, "{}", skill.stderr);
    assert!(skill.stdout.contains("same as"), "{}", skill.stdout);
    assert!(
        skill
            .stdout
            .contains("http://data.europa.eu/esco/skill/0001"),
        "{}",
        skill.stdout
    );
    let role = common::upskill_with_user_catalogs(&catalog, &["--no-bundled", "show", "analyst"]);
    assert_eq!(role.code, 0, "{}", role.stderr);
    let recommended = role
        .stdout
        .find("Recommended skills")
        .expect("a recommended section");
    assert!(
        role.stdout[recommended..].contains("statistics"),
        "{}",
        role.stdout
    );
    assert!(
        !role.stdout[..recommended].contains("statistics"),
        "a recommended skill is no requirement: {}",
        role.stdout
    );
}

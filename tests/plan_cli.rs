//! `upskill plan` and `upskill check`, run as the real binary on small fixture catalogs
//! and on the bundled ones, with the config and data folders in temporary directories.

mod common;

use std::path::{Path, PathBuf};

use common::Run;
use serde_json::{Value, json};
use tempfile::TempDir;

const FIXTURE: &str = "tests/fixtures/plan/network.yaml";

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        common::run(
            common::command(self.dir.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
            args,
        )
    }

    /// Runs on the fixture catalog only.
    fn fixture(&self, args: &[&str]) -> Run {
        let mut all = vec!["--no-bundled", "--catalog", FIXTURE];
        all.extend_from_slice(args);
        self.run(&all)
    }

    fn plans(&self) -> PathBuf {
        self.dir.path().join("data/upskill/plans")
    }
}

fn stdout(output: &Run) -> String {
    output.stdout.clone()
}

fn stderr(output: &Run) -> String {
    output.stderr.clone()
}

fn code(output: &Run) -> i32 {
    output.code
}

fn json_of(output: &Run) -> Value {
    assert_eq!(code(output), 0, "{}", stderr(output));
    serde_json::from_str(&output.stdout).expect("one JSON object")
}

fn step_ids(plan: &Value) -> Vec<&str> {
    plan["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect()
}

#[test]
fn plan_json_is_the_spec_object() {
    let home = Home::new();
    let plan = json_of(&home.fixture(&[
        "plan",
        "--role",
        "netadmin",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ]));
    assert_eq!(plan["role"], "netadmin");
    assert_eq!(plan["objective"], "cost");
    assert_eq!(plan["complete"], true);
    assert_eq!(plan["unmet"], json!([]));
    assert_eq!(step_ids(&plan), ["t/help-desk", "t/linux", "t/ccna"]);
    assert_eq!(
        plan["steps"][0],
        json!({"id": "t/help-desk", "title": "Help desk", "provider": "t", "hours": 30,
               "cost": 50, "skills": ["troubleshooting"], "start": "2027-01-04", "end": "2027-01-25",
               "status": "planned"})
    );
    // Each step starts on the previous one's end: 40 h at 10 h/week is 28 days.
    assert_eq!(plan["steps"][1]["start"], "2027-01-25");
    assert_eq!(plan["steps"][1]["end"], "2027-02-22");
    assert_eq!(plan["total_cost"], 350);
    assert_eq!(plan["total_hours"], 220);
    assert_eq!(plan["currency"], "USD");
    assert_eq!(plan["finish"], "2027-06-07");
    assert_eq!(plan["optimal"], true);
}

#[test]
fn unmet_requirements_are_listed_and_the_rest_still_planned() {
    let home = Home::new();
    let plan = json_of(&home.fixture(&[
        "plan",
        "--role",
        "cloud",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ]));
    assert_eq!(plan["complete"], false);
    assert_eq!(plan["unmet"], json!(["cloud", "quantum"]));
    assert_eq!(step_ids(&plan), ["t/help-desk", "t/linux", "t/ccna"]);
}

#[test]
fn held_credentials_skills_and_the_hours_objective_change_the_plan() {
    let home = Home::new();
    let plan = json_of(&home.fixture(&[
        "plan",
        "--role",
        "netadmin",
        "--have",
        "t/a-plus",
        "--skill",
        "linux",
        "--optimize",
        "hours",
        "--hours-per-week",
        "5",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ]));
    assert_eq!(plan["objective"], "hours");
    assert_eq!(step_ids(&plan), ["t/network-plus"]);
    // 90 h at 5 h/week: 126 days.
    assert_eq!(plan["finish"], "2027-05-10");
}

#[test]
fn limits_meet_what_fits_and_say_what_does_not() {
    let home = Home::new();
    let plan = json_of(&home.fixture(&[
        "plan", "--role", "netadmin", "--budget", "100", "--format", "json",
    ]));
    assert_eq!(step_ids(&plan), ["t/linux"]);
    assert_eq!(plan["unmet"], json!(["networking"]));
    let plan = json_of(&home.fixture(&[
        "plan",
        "--role",
        "netadmin",
        "--max-hours",
        "100",
        "--format",
        "json",
    ]));
    assert_eq!(plan["unmet"], json!(["networking"]));
}

#[test]
fn plan_text_is_a_table_with_totals_finish_and_unmet() {
    let home = Home::new();
    let output = home.fixture(&["plan", "--role", "cloud", "--start", "2027-01-04"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Cloud (cloud): cheapest path, 3 steps");
    assert_eq!(
        lines[2],
        "#  credential   title      hours  cost  start       end"
    );
    assert_eq!(
        lines[3],
        "1  t/help-desk  Help desk     30    50  2027-01-04  2027-01-25"
    );
    assert!(text.contains("\ntotal: 220 hours, 350 USD\n"), "{text}");
    assert!(
        text.contains("\nfinish: 2027-06-07 (from 2027-01-04 at 10 hours/week)\n"),
        "{text}"
    );
    assert!(text.contains("\nunmet:\n  - skill cloud: only retired credentials meet it\n  - skill quantum: no credential teaches it\n"), "{text}");
}

#[test]
fn wide_titles_keep_the_plan_table_aligned() {
    let home = Home::new();
    let output = home.run(&[
        "--no-bundled",
        "--catalog",
        "tests/fixtures/plan/wide.yaml",
        "plan",
        "--role",
        "polyglot",
        "--start",
        "2027-01-04",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().skip(2).take(5).collect();
    // The display column where `part` starts on `line`.
    let column = |line: &str, part: &str| {
        let at = line
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} in {line:?}"));
        upskill::text::width(&line[..at])
    };
    let header = lines[0];
    let titles = [
        "日本語の基礎",
        "Café ☕ 👩\u{200d}💻 setup",
        "한국어",
        "Plain",
    ];
    for title in titles {
        let row = lines
            .iter()
            .find(|line| line.contains(title))
            .unwrap_or_else(|| panic!("a row for {title:?} in\n{text}"));
        assert_eq!(column(row, title), column(header, "title"), "{text}");
        // The hours end where their header ends, and the dates start under theirs.
        let hours_end = column(header, "hours") + "hours".len();
        let after_title = &row[row.find(title).expect("found above") + title.len()..];
        let hours = after_title.split_whitespace().next().expect("the hours");
        assert_eq!(
            column(row, title)
                + upskill::text::width(title)
                + column(after_title, hours)
                + hours.len(),
            hours_end,
            "{text}"
        );
        assert_eq!(column(row, "2027-"), column(header, "start"), "{text}");
    }
}

#[test]
fn plan_markdown_is_a_document_with_a_table() {
    let home = Home::new();
    let output = home.fixture(&[
        "plan",
        "--role",
        "netadmin",
        "--start",
        "2027-01-04",
        "--format",
        "markdown",
    ]);
    let text = stdout(&output);
    assert!(
        text.starts_with("# Learning plan: Network Administrator\n"),
        "{text}"
    );
    assert!(
        text.contains("| 3 | t/ccna | CCNA | 150 | 300 | 2027-02-22 | 2027-06-07 |"),
        "{text}"
    );
    assert!(
        text.contains("**Total:** 220 hours, 350 USD. **Finish:** 2027-06-07."),
        "{text}"
    );
}

#[test]
fn unknown_roles_and_credentials_are_usage_errors_with_suggestions() {
    let home = Home::new();
    let output = home.fixture(&["plan", "--role", "netadmn"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("did you mean `netadmin`?"),
        "{}",
        stderr(&output)
    );
    let output = home.fixture(&["plan", "--role", "netadmin", "--have", "t/linx"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("did you mean `t/linux`?"));
    let output = home.fixture(&["plan", "--role", "netadmin", "--start", "soon"]);
    assert_eq!(code(&output), 2);
    let output = home.fixture(&["plan", "--role", "netadmin", "--budget", "-5"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn a_catalog_with_errors_stops_plan_with_exit_1() {
    let home = Home::new();
    let bad = home.dir.path().join("bad.yaml");
    std::fs::write(&bad, "provider: {id: p, name: P}\ncredentials:\n  - {id: a, title: A, kind: course, hours: -1, cost: 0, skills: [x]}\n").expect("write");
    let output = home.run(&[
        "--no-bundled",
        "--catalog",
        bad.to_str().expect("utf-8"),
        "plan",
        "--role",
        "r",
    ]);
    assert_eq!(code(&output), 1);
}

#[test]
fn saved_plans_land_in_the_plans_folder_pass_check_and_are_not_clobbered() {
    let home = Home::new();
    let args = [
        "plan",
        "--role",
        "netadmin",
        "--start",
        "2027-01-04",
        "--save",
        "alex",
    ];
    let output = home.fixture(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let saved = home.plans().join("alex.yaml");
    let text = std::fs::read_to_string(&saved).expect("the saved plan");
    assert!(text.contains("role: netadmin"), "{text}");
    let check = home.fixture(&["check", saved.to_str().expect("utf-8")]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    let again = home.fixture(&args);
    assert_eq!(code(&again), 2);
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(code(&home.fixture(&forced)), 0);
    for bad in ["../escape", ".hidden", "a/b", ""] {
        let output = home.fixture(&["plan", "--role", "netadmin", "--save", bad]);
        assert_eq!(code(&output), 2, "{bad:?}");
    }
    let names: Vec<_> = std::fs::read_dir(home.plans()).expect("plans").collect();
    assert_eq!(names.len(), 1);
}

fn check(home: &Home, name: &str) -> (i32, String) {
    let path = Path::new("tests/fixtures/plan").join(name);
    let output = home.fixture(&["check", path.to_str().expect("utf-8")]);
    (code(&output), stdout(&output))
}

#[test]
fn check_accepts_a_valid_plan() {
    let (code, out) = check(&Home::new(), "valid.yaml");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "tests/fixtures/plan/valid.yaml: ok, 3 steps, no violations\n"
    );
}

#[test]
fn check_lists_each_violation_with_its_step_and_exits_1() {
    let (code, out) = check(&Home::new(), "violations.yaml");
    assert_eq!(code, 1);
    let p = "tests/fixtures/plan/violations.yaml";
    assert_eq!(
        out,
        format!(
            "{p}: step 1 (t/network-plus): needs t/a-plus, which comes after it (step 2)
{p}: step 3 (t/a-plus): duplicate: already step 2
{p}: step 4 (t/linux): already held (listed in `have`)
{p}: step 5 (t/old-cloud): retired: no longer offered; replace it or mark it done
{p}: step 6 (t/ccnaa): missing: no catalog has this credential; did you mean `t/ccna`?
{p}: 6 steps, 5 violations
"
        )
    );
}

#[test]
fn check_reports_unmet_role_requirements() {
    let (code, out) = check(&Home::new(), "unmet.yaml");
    assert_eq!(code, 1);
    assert!(
        out.contains("role netadmin: skill networking is not met by the plan"),
        "{out}"
    );
}

#[test]
fn check_reports_a_broken_file_at_its_line_and_column() {
    let (status, out) = check(&Home::new(), "broken.yaml");
    assert_eq!(status, 1);
    assert!(
        out.starts_with("tests/fixtures/plan/broken.yaml:4:27: error: "),
        "{out}"
    );
    assert!(out.contains("unknown status `finished`"), "{out}");
    let missing = Home::new().fixture(&["check", "tests/fixtures/plan/nowhere.yaml"]);
    assert_eq!(code(&missing), 2);
}

#[test]
fn every_bundled_role_gets_a_complete_plan() {
    // Without experience, the security architect's CISSP is out of reach, and says why.
    let home = Home::new();
    let beginner =
        json_of(&home.run(&["plan", "--role", "security-architect", "--format", "json"]));
    assert_eq!(beginner["complete"], false);
    assert!(!step_ids(&beginner).contains(&"isc2/cissp"), "{beginner}");
    assert_eq!(
        beginner["unmet_reasons"][0]["reason"],
        "needs 60 months of information-security experience; you have 0, not accruing"
    );
    let bundled = upskill::catalog::load(&upskill::catalog::Sources {
        bundled: true,
        ..upskill::catalog::Sources::default()
    });
    assert!(!bundled.catalog.roles.is_empty());
    for role in &bundled.catalog.roles {
        for objective in ["cost", "hours"] {
            // A role behind an experience gate is complete for a learner with the years.
            let plan = json_of(&home.run(&[
                "plan",
                "--role",
                &role.id,
                "--optimize",
                objective,
                "--experience",
                "information-security=60",
                "--format",
                "json",
            ]));
            assert_eq!(plan["complete"], true, "{}: {plan}", role.id);
            assert_eq!(plan["optimal"], true, "{}", role.id);
            assert!(!step_ids(&plan).is_empty(), "{}", role.id);
        }
    }
}

//! `upskill plans`, `renewals` and `import`, run as the real binary with the data and
//! config folders in a temporary home, on a catalog of hostile titles.

mod common;

use std::path::{Path, PathBuf};

use common::home::{BASICS, Home, json, today};
use jiff::civil::Date;
use serde_json::Value;

#[test]
fn saved_plans_are_listed_with_progress_next_step_finish_and_whether_on_track() {
    let home = Home::new();
    home.save("late", "2001-01-01");
    home.save("future", "2999-01-04");
    let listed = json(&home.ok(&["plans", "--format", "json"]));
    let late = &listed[1];
    assert_eq!(late["name"], "late");
    assert_eq!(late["role"], "analyst");
    assert_eq!(
        (late["done"].as_u64(), late["total"].as_u64()),
        (Some(0), Some(3))
    );
    assert_eq!(late["next_step"]["id"], "t/basics");
    assert_eq!(late["next_step"]["title"], BASICS);
    assert_eq!(late["finish"], "2001-02-12");
    // Behind since the first step's scheduled end, 2001-01-22.
    let behind = (today() - "2001-01-22".parse::<Date>().expect("date")).get_days();
    assert_eq!(late["behind_days"], i64::from(behind));
    assert_eq!(listed[0]["name"], "future");
    assert_eq!(listed[0]["tracking"], "on track");
    let text = home.ok(&["plans"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "NAME    ROLE     DONE  NEXT STEP  FINISH      STATUS"
    );
    assert_eq!(
        lines[1],
        "future  analyst   0/3  t/basics   2999-02-15  on track"
    );
    assert!(lines[2].starts_with("late    analyst   0/3  t/basics   2001-02-12  behind by "));
}

#[test]
fn an_unreadable_plan_is_listed_with_its_error_and_left_alone() {
    let home = Home::new();
    home.save("alex", "2999-01-04");
    let broken = home.plans().join("broken.yaml");
    let text = "name: broken\nsteps:\n  - {id: t/basics, status: finished}\n";
    std::fs::write(&broken, text).expect("write");
    let run = home.run(&["plans"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("\nalex "), "{}", run.stdout);
    assert!(run.stdout.contains("\nbroken "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("broken.yaml:3:28: error: steps[0].status: unknown status `finished`"),
        "{}",
        run.stdout
    );
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), text);
}

#[test]
fn renewals_list_done_credentials_expiring_within_the_months_with_rule_and_cost() {
    let home = Home::new();
    // Done 35 months ago, valid for 36: it expires in about a month.
    let completed = today()
        .checked_sub(jiff::Span::new().months(35))
        .expect("a date");
    let expires = completed
        .checked_add(jiff::Span::new().months(36))
        .expect("a date");
    let file = home.file(
        "kim.yaml",
        &format!(
            "name: kim\nrole: analyst\nhave: {{credentials: [t/basics]}}\nsteps:\n  - {{id: t/basics, status: done, completed: {completed}}}\n  - {{id: t/formula}}\n"
        ),
    );
    home.ok(&["import", file.to_str().expect("UTF-8")]);
    let found = json(&home.ok(&["renewals", "--format", "json"]));
    let renewals = found["renewals"].as_array().expect("renewals");
    assert_eq!(renewals.len(), 2);
    assert_eq!(renewals[0]["plan"], "kim");
    assert_eq!(renewals[0]["id"], "t/basics");
    assert_eq!(renewals[0]["expires"], expires.to_string());
    assert_eq!(renewals[0]["cost"], 49.99);
    assert_eq!(
        renewals[0]["rule"],
        "Renew every 3 years: 30 CEUs, or retake the exam."
    );
    assert_eq!(renewals[1]["basis"], "held");
    assert_eq!(renewals[1]["expires"], Value::Null);
    let text = home.ok(&["renewals", "kim"]);
    assert!(
        text.contains(&format!("kim   t/basics    {BASICS}  {expires}  in ")),
        "{text}"
    );
    assert!(text.contains("    renewal: Renew every 3 years: 30 CEUs, or retake the exam.\n"));
    assert!(text.contains("  kim: t/basics ("), "{text}");
    let later = json(&home.ok(&["renewals", "kim", "--months", "0", "--format", "json"]));
    assert_eq!(later["renewals"].as_array().map(Vec::len), Some(1));
    // Nothing dated within the window: it says what comes next, and how to see it.
    let text = home.ok(&["renewals", "kim", "--months", "0"]);
    assert!(
        text.contains(&format!(
            "The next to expire is t/basics on {expires}: `--months 1` lists it.\n"
        )),
        "{text}"
    );
    assert_eq!(home.run(&["renewals", "kin"]).code, 2);
}

#[test]
fn import_adds_a_plan_reports_violations_and_replaces_only_with_force() {
    let home = Home::new();
    let file = home.file(
        "colleague.yaml",
        "name: kim\nrole: analyst\nstart: 2027-01-04\nsteps:\n  - {id: t/formula}\n  - {id: t/basics}\n",
    );
    let path = file.to_str().expect("UTF-8");
    let run = home.run(&["import", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("step 1 (t/formula): needs t/basics, which comes after it (step 2)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("imported `kim` (2 steps)"),
        "{}",
        run.stdout
    );
    let saved = home.plans().join("kim.yaml");
    let first = std::fs::read_to_string(&saved).expect("the saved plan");
    home.file(
        "colleague.yaml",
        "name: kim\nrole: analyst\nsteps: [{id: t/basics}]\n",
    );
    let run = home.run(&["import", path]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&saved).expect("kept"), first);
    home.ok(&["import", path, "--force"]);
    assert_ne!(std::fs::read_to_string(&saved).expect("replaced"), first);
    home.ok(&["import", path, "--name", "kim-2"]);
    assert!(home.plans().join("kim-2.yaml").is_file());
    let unnamed = home.file("from-stem.yaml", "steps: []\n");
    home.ok(&["import", unnamed.to_str().expect("UTF-8")]);
    assert!(home.plans().join("from-stem.yaml").is_file());
}

#[test]
fn an_invalid_plan_file_is_refused_at_its_line_and_column() {
    let home = Home::new();
    let file = home.file("bad.yaml", "name: bad\nstart: soon\n");
    let run = home.run(&["import", file.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("bad.yaml:2:8: error: "),
        "{}",
        run.stderr
    );
    assert!(!home.plans().exists());
}

#[test]
fn no_plan_name_writes_outside_the_plans_folder() {
    let home = Home::new();
    for hostile in [
        "../../evil",
        "../evil",
        "/tmp/evil",
        ".hidden",
        "a\\b",
        "..",
        "",
    ] {
        let file = home.file("hostile.yaml", &format!("name: {hostile:?}\nsteps: []\n"));
        let path = file.to_str().expect("UTF-8");
        if !hostile.is_empty() {
            // An empty `name` falls back to the file's name, which is fine.
            let run = home.run(&["import", path]);
            assert_eq!(run.code, 2, "{hostile:?}: {}", run.stderr);
        }
        let run = home.run(&["import", path, "--name", hostile, "--force"]);
        assert_eq!(run.code, 2, "{hostile:?}");
        let run = home.run(&["plan", "--role", "analyst", "--save", hostile]);
        assert_eq!(run.code, 2, "{hostile:?}");
    }
    let written: Vec<String> = walk(home.dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("evil") || p.to_string_lossy().contains("hidden"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(written.is_empty(), "{written:?}");
    assert!(!home.plans().exists(), "nothing was saved at all");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found
}

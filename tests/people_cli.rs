//! `upskill people`, `people show`, `plan --person` and `--finish-by`, and `check` on a
//! person's plan, run as the real binary in a temporary home.

mod common;

use common::home::{Home, json};

#[test]
fn plans_saved_for_a_person_share_their_profile() {
    let home = Home::new();
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--have",
        "t/basics",
        "--hours-per-week",
        "6",
        "--start",
        "2030-01-07",
    ]);
    // A second plan for alex takes what alex holds without being told.
    let second = home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex-2031",
        "--person",
        "alex",
        "--start",
        "2031-01-06",
        "--format",
        "json",
    ]);
    let report = json(&second);
    let held: Vec<&str> = report["have"]["credentials"]
        .as_array()
        .expect("held")
        .iter()
        .filter_map(|held| held["id"].as_str())
        .collect();
    assert_eq!(held, ["t/basics"]);
    assert_eq!(report["hours_per_week"], 6.0, "the person's pace");
    let profile = std::fs::read_to_string(home.dir.path().join("data/upskill/people/alex.yaml"))
        .expect("a profile");
    assert!(
        profile.contains("t/basics") && profile.contains("hours_per_week: 6"),
        "{profile}"
    );
    let plan = std::fs::read_to_string(home.plans().join("alex-2031.yaml")).expect("plan");
    assert!(
        plan.contains("person: alex") && !plan.contains("t/basics\n"),
        "{plan}"
    );
}

#[test]
fn people_lists_each_person_with_their_plans_and_where_they_stand() {
    let home = Home::new();
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--start",
        "2001-01-01",
    ]);
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex-future",
        "--person",
        "alex",
        "--start",
        "2999-01-04",
    ]);
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "sam",
        "--start",
        "2999-01-04",
    ]);
    let text = home.ok(&["people"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("PERSON / PLAN"), "{text}");
    assert!(
        lines[1].starts_with("alex ") && lines[1].contains("2 plans"),
        "{text}"
    );
    assert!(lines[1].contains("behind by"), "alex's worst plan: {text}");
    assert!(lines[2].starts_with("  alex ") && lines[3].starts_with("  alex-future "));
    assert!(
        lines[4].starts_with("sam ") && lines[4].ends_with("on track"),
        "{text}"
    );
    let listed = json(&home.ok(&["people", "--format", "json", "--sort", "status"]));
    assert_eq!(listed[0]["name"], "alex");
    assert_eq!(listed[0]["needs_attention"], true);
    assert_eq!(listed[0]["plans"].as_array().map(Vec::len), Some(2));
    assert!(
        listed[0]["plans"][0]["behind_days"]
            .as_i64()
            .is_some_and(|days| days > 0)
    );
    assert_eq!(listed[1]["name"], "sam");
    let sorted = json(&home.ok(&["people", "--format", "json", "--sort", "name"]));
    assert_eq!(sorted[1]["name"], "sam");
}

#[test]
fn people_show_prints_what_a_person_holds_and_their_plans() {
    let home = Home::new();
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--have",
        "t/basics",
        "--budget",
        "500",
        "--start",
        "2999-01-04",
    ]);
    let shown = home.ok(&["people", "show", "alex"]);
    assert!(shown.starts_with("Person: alex\n"), "{shown}");
    assert!(shown.contains("Budget: 500"), "{shown}");
    assert!(shown.contains("  t/basics (Basics"), "{shown}");
    assert!(
        !shown.contains("<script>alert('x')</script>\u{1b}"),
        "sanitized"
    );
    assert!(
        shown.contains("PLAN ") && shown.contains("\nalex "),
        "{shown}"
    );
    let unknown = home.run(&["people", "show", "alx"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `alex`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_finish_by_date_limits_the_plans_hours_and_says_what_pace_would_make_it() {
    let home = Home::new();
    // The role takes 60 hours; 4 weeks at 5 hours a week leave 20.
    let text = home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--start",
        "2030-01-07",
        "--hours-per-week",
        "5",
        "--finish-by",
        "2030-02-04",
    ]);
    assert!(text.contains("unmet:"), "{text}");
    assert!(
        text.contains("the plan needs 15 hours a week (it has 5): 60 hours in all"),
        "{text}"
    );
    let roomy = home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--start",
        "2030-01-07",
        "--hours-per-week",
        "5",
        "--finish-by",
        "2030-12-31",
    ]);
    assert!(
        !roomy.contains("unmet:") && !roomy.contains("hours a week (it has"),
        "{roomy}"
    );
}

#[test]
fn check_reports_a_plans_own_holdings_that_differ_from_its_persons() {
    let home = Home::new();
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--have",
        "t/basics",
        "--start",
        "2999-01-04",
    ]);
    let path = home.plans().join("alex.yaml");
    let text = std::fs::read_to_string(&path).expect("plan");
    std::fs::write(
        &path,
        text.replace(
            "person: alex\n",
            "person: alex\nhave: {credentials: [t/escape]}\n",
        ),
    )
    .expect("edited by hand");
    let run = home.run(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("only in the plan: t/escape; only in the profile: t/basics"),
        "{}",
        run.stdout
    );
}

/// A plan handed to a colleague: exported as YAML with its person's holdings written in,
/// imported on another machine as a plan of that person; upskill's JSON export is refused
/// with the command to use instead.
#[test]
fn a_plan_exported_as_yaml_is_imported_elsewhere_with_its_persons_holdings() {
    let here = Home::new();
    here.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--have",
        "t/basics",
        "--budget",
        "500",
        "--start",
        "2999-01-04",
    ]);
    let file = here.dir.path().join("alex.yaml");
    here.ok(&["export", "alex", "-o", file.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&file).expect("exported");
    assert!(
        text.contains("person: alex") && text.contains("t/basics"),
        "{text}"
    );
    let there = Home::new();
    let imported = there.ok(&["import", file.to_str().expect("utf-8")]);
    assert!(imported.starts_with("imported `alex`"), "{imported}");
    let shown = there.ok(&["people", "show", "alex"]);
    assert!(
        shown.contains("  t/basics (Basics") && shown.contains("Budget: 500"),
        "{shown}"
    );
    // Imported again under another name: the same person, joined.
    there.ok(&[
        "import",
        file.to_str().expect("utf-8"),
        "--name",
        "alex-copy",
    ]);
    let people = json(&there.ok(&["people", "--format", "json"]));
    assert_eq!(people.as_array().map(Vec::len), Some(1), "{people}");
    assert_eq!(people[0]["plans"].as_array().map(Vec::len), Some(2));
    // Someone else named alex there: the plan gets a person of its own.
    let elsewhere = Home::new();
    elsewhere.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--start",
        "2999-01-04",
    ]);
    let run = elsewhere.run(&["import", file.to_str().expect("utf-8"), "--name", "alex-b"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("so the plan is for `alex-2`"),
        "{}",
        run.stdout
    );
    // upskill's JSON export is a report, not a plan.
    let report = here.dir.path().join("alex.json");
    here.ok(&["export", "alex", "-o", report.to_str().expect("utf-8")]);
    let refused = there.run(&["import", report.to_str().expect("utf-8")]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("--format yaml"),
        "{}",
        refused.stderr
    );
}

/// A plan moved to another person (one the user picks, after a move from before people gave
/// it a person of its own): what it held is added to theirs, nothing lost.
#[test]
fn people_move_gives_a_plan_to_another_person_with_what_it_held() {
    let home = Home::new();
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex",
        "--have",
        "t/basics",
        "--start",
        "2999-01-04",
    ]);
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--save",
        "alex-2",
        "--have",
        "t/escape",
        "--start",
        "2999-01-04",
    ]);
    let moved = home.ok(&["people", "move", "alex-2", "alex"]);
    assert_eq!(
        moved,
        "plan `alex-2` is alex's now; they hold 2 credentials\n"
    );
    let listed = json(&home.ok(&["people", "--format", "json"]));
    let alex = listed
        .as_array()
        .and_then(|people| people.iter().find(|person| person["name"] == "alex"))
        .expect("alex");
    assert_eq!(alex["plans"].as_array().map(Vec::len), Some(2));
    let shown = home.ok(&["people", "show", "alex"]);
    assert!(
        shown.contains("t/basics") && shown.contains("t/escape"),
        "{shown}"
    );
    let unknown = home.run(&["people", "move", "alx", "alex"]);
    assert_eq!(unknown.code, 2);
}

//! A plan holding steps of unknown cost or hours, as the command line shows its totals:
//! never as if the unknown were 0. `upskill plan` (text and JSON), the exports, `people` and
//! `compare` all say "at least" and how many steps are unknown, and the JSON counts them.

mod common;

use std::path::Path;

use common::Run;
use serde_json::Value;

/// Basics is known; the Mystery Badge gives neither hours nor price; the Pricey Exam no price.
const CATALOG: &str = "\
provider: {id: u, name: Unknowns Inc}
credentials:
  - {id: basics, title: Basics, kind: course, hours: 20, cost: 100, skills: [base]}
  - {id: mystery, title: Mystery Badge, kind: badge, hours: unknown, cost: unknown, skills: [rare]}
  - {id: pricey, title: Pricey Exam, kind: certification, hours: 40, cost: unknown, skills: [exam]}
roles:
  - {id: rare, title: Rare Role, skills: [base, rare, exam]}
  - {id: base, title: Base Role, skills: [base]}
";

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("unknowns.yaml"), CATALOG).expect("the catalog");
        Home { dir }
    }

    fn run(&self, args: &[&str]) -> Run {
        let catalog = self.dir.path().join("unknowns.yaml");
        let mut all = vec![
            "--no-bundled",
            "--catalog",
            catalog.to_str().expect("utf-8"),
        ];
        all.extend_from_slice(args);
        let run = common::run(
            common::command(self.dir.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
            &all,
        );
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(args).stdout).expect("one JSON object")
    }
}

const PLAN: &[&str] = &["plan", "--role", "rare", "--start", "2027-01-04"];

#[test]
fn plan_text_says_at_least_and_how_many_steps_are_unknown() {
    let home = Home::new();
    let text = home.run(PLAN).stdout;
    assert!(
        text.contains(
            "\ntotal: at least 60 hours (1 step of unknown hours), at least 100 USD (2 steps of unknown cost)\n"
        ),
        "{text}"
    );
    // The schedule counts the unknown hours as none: its finish is a floor.
    assert!(
        text.contains("\nfinish: not before 20")
            && text.contains(" (1 step of unknown hours) (from 2027-01-04"),
        "{text}"
    );
    // A step's own cells say `unknown`, never 0.
    let mystery = text
        .lines()
        .find(|line| line.contains("u/mystery"))
        .expect("the mystery step");
    assert_eq!(mystery.matches("unknown").count(), 2, "{mystery}");
}

#[test]
fn plan_json_counts_the_unknown_steps_beside_the_sums_it_keeps() {
    let home = Home::new();
    let mut args = PLAN.to_vec();
    args.extend(["--format", "json"]);
    let plan = home.json(&args);
    assert_eq!(plan["total_cost"], 100.0);
    assert_eq!(plan["total_hours"], 60.0);
    assert_eq!(plan["cost_unknown_steps"], 2);
    assert_eq!(plan["hours_unknown_steps"], 1);
    assert_eq!(plan["remaining_cost_unknown_steps"], 2);
    assert_eq!(plan["remaining_hours_unknown_steps"], 1);
    let steps = plan["steps"].as_array().expect("steps");
    let mystery = steps
        .iter()
        .find(|step| step["id"] == "u/mystery")
        .expect("the mystery step");
    assert_eq!(mystery["cost_unknown"], true);
    assert_eq!(mystery["hours_unknown"], true);
    let basics = steps
        .iter()
        .find(|step| step["id"] == "u/basics")
        .expect("the basics step");
    assert!(basics.get("cost_unknown").is_none(), "{basics}");
    // A plan with nothing unknown says 0.
    let known = home.json(&["plan", "--role", "base", "--format", "json"]);
    assert_eq!(known["cost_unknown_steps"], 0);
    assert_eq!(known["hours_unknown_steps"], 0);
}

#[test]
fn exports_people_and_compare_say_at_least() {
    let home = Home::new();
    let mut save = PLAN.to_vec();
    save.extend(["--save", "sam"]);
    home.run(&save);
    home.run(&["plan", "--role", "base", "--save", "alex"]);
    let markdown = home.run(&["export", "sam", "--format", "markdown"]).stdout;
    assert!(
        markdown.contains("**Total:** at least 60 hours (1 step of unknown hours), at least 100 USD (2 steps of unknown cost)."),
        "{markdown}"
    );
    assert!(markdown.contains("**Finish:** not before 20"), "{markdown}");
    let html = home.run(&["export", "sam", "--format", "html"]).stdout;
    assert!(
        html.contains("at least 100 USD (2 steps of unknown cost)"),
        "{html}"
    );
    let csv = home.run(&["export", "sam", "--format", "csv"]).stdout;
    let mystery = csv
        .lines()
        .find(|line| line.contains("u/mystery"))
        .expect("the mystery row");
    assert!(mystery.contains(",unknown,unknown,"), "{mystery}");
    let json = home.json(&["export", "sam", "--format", "json"]);
    assert_eq!(json["cost_unknown_steps"], 2);
    let people = home.run(&["people"]).stdout;
    assert!(people.contains("≥ 100 USD + 2 unknown"), "{people}");
    assert!(people.contains("≥ 20"), "the finish is a floor: {people}");
    let listed = home.json(&["people", "--format", "json"]);
    let sam = listed
        .as_array()
        .or_else(|| listed["people"].as_array())
        .expect("a list of people")
        .iter()
        .find(|person| person["name"] == "sam")
        .expect("sam")
        .clone();
    assert_eq!(sam["cost_left_unknown_steps"], 2);
    let compared = home.run(&["compare", "sam", "alex"]).stdout;
    assert!(compared.contains("≥ 100 USD + 2 unknown"), "{compared}");
    assert!(compared.contains("≥ 60 h + 1 unknown"), "{compared}");
    assert!(
        compared.contains("≥ 20"),
        "the finish is a floor: {compared}"
    );
    let compared = home.json(&["compare", "sam", "alex", "--format", "json"]);
    assert_eq!(compared["plans"][0]["cost_unknown_steps"], 2);
    assert_eq!(compared["plans"][1]["cost_unknown_steps"], 0);
}

//! Every bundled role's cheapest and fastest plan, for a learner who holds nothing, in one
//! snapshot: a change to the bundled data shows its effect on plans in review, where someone
//! who works in the role can read it and say whether a practitioner would take that path.

mod common;

use std::fmt::Write as _;

use common::upskill;

#[test]
fn every_bundled_roles_cheapest_and_fastest_plans() {
    let roles = upskill(&["roles", "--format", "json"]);
    assert_eq!(roles.code, 0, "{}", roles.stderr);
    let roles: serde_json::Value = serde_json::from_str(&roles.stdout).expect("JSON");
    let mut report = String::new();
    for role in roles.as_array().expect("roles") {
        let id = role["id"].as_str().expect("id");
        let _ = writeln!(
            report,
            "{id}: {}",
            role["title"].as_str().unwrap_or_default()
        );
        for optimize in ["cost", "hours"] {
            let run = upskill(&[
                "plan",
                "--role",
                id,
                "--optimize",
                optimize,
                "--start",
                "2027-01-04",
                "--format",
                "json",
            ]);
            let plan: serde_json::Value = serde_json::from_str(&run.stdout)
                .unwrap_or_else(|_| panic!("{id}: {}{}", run.stdout, run.stderr));
            let steps = plan["steps"].as_array().expect("steps");
            let hours: f64 = steps.iter().filter_map(|s| s["hours"].as_f64()).sum();
            let cost: f64 = steps.iter().filter_map(|s| s["cost"].as_f64()).sum();
            let complete = if plan["complete"] == true {
                ""
            } else {
                ", INCOMPLETE"
            };
            let _ = writeln!(
                report,
                "  {optimize:<5} {hours} h, {cost} USD{complete}: {}",
                steps
                    .iter()
                    .filter_map(|s| s["id"].as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    insta::assert_snapshot!(report);
}

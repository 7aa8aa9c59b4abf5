//! The real-world rules through the real binary: an experience gate a beginner cannot meet
//! yet (and the day accruing experience meets it), a role requiring a stack, a retired
//! credential's successor, and the value of a learner's time.

mod common;

use serde_json::Value;

const RULES: &str = "tests/fixtures/rules";

fn plan(args: &[&str]) -> common::Run {
    let mut all = vec![
        "--no-bundled",
        "--catalog",
        RULES,
        "plan",
        "--start",
        "2027-01-04",
    ];
    all.extend_from_slice(args);
    let run = common::upskill(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&plan(&all).stdout).expect("JSON")
}

#[test]
fn the_fixture_catalog_is_valid() {
    let run = common::upskill(&["--no-bundled", "--catalog", RULES, "validate", "--strict"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_gate_the_learner_cannot_meet_is_unmet_with_the_reason() {
    let plan = json(&[
        "--role",
        "security-architect",
        "--experience",
        "security=24",
    ]);
    assert_eq!(plan["complete"], false);
    assert_eq!(plan["steps"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        plan["unmet_reasons"][0]["reason"],
        "needs 48 months of security experience; you have 24, not accruing"
    );
    // A beginner with no experience at all is told the same, never offered the exam.
    let beginner = json(&["--role", "security-architect"]);
    assert_eq!(
        beginner["unmet_reasons"][0]["reason"],
        "needs 48 months of security experience; you have 0, not accruing"
    );
}

#[test]
fn accruing_experience_makes_the_gated_step_wait_for_its_day() {
    let args = [
        "--role",
        "security-architect",
        "--experience",
        "security:since=2024-06-01",
    ];
    let plan = json(&args);
    assert_eq!(plan["complete"], true);
    let steps = plan["steps"].as_array().expect("steps");
    let ids: Vec<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["sec/sec-plus", "sec/architect"]);
    assert_eq!(steps[1]["eligible_from"], "2029-06-01");
    assert_eq!(steps[1]["start"], "2029-06-01");
    assert!(steps[0].get("eligible_from").is_none());
    let text = self::plan(&args).stdout;
    assert!(
        text.contains("wait: step 2 (sec/architect) is eligible from 2029-06-01"),
        "{text}"
    );
}

#[test]
fn a_role_requiring_a_stack_is_planned_as_its_parts_and_the_award_is_shown() {
    let plan = json(&["--role", "infra-specialist"]);
    assert_eq!(plan["complete"], true);
    let steps = plan["steps"].as_array().expect("steps");
    let ids: Vec<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["sec/net-plus", "sec/sec-plus"]);
    assert_eq!(plan["total_cost"], 750);
    assert_eq!(steps[1]["awarded"][0]["id"], "sec/infra-specialist");
    // Holding a part: only the other is a step.
    let plan = json(&["--role", "infra-specialist", "--have", "sec/net-plus"]);
    let steps = plan["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["id"], "sec/sec-plus");
    let text = self::plan(&["--role", "infra-specialist"]).stdout;
    assert!(
        text.contains(
            "awarded: Secure Infrastructure Specialist (sec/infra-specialist) after step 2"
        ),
        "{text}"
    );
}

#[test]
fn a_value_of_time_picks_the_short_paid_course_over_the_long_free_one() {
    let free = json(&["--role", "scripter"]);
    assert_eq!(free["steps"][0]["id"], "sec/scripting-marathon");
    let valued = json(&["--role", "scripter", "--time-value", "10"]);
    // 100 + 20 h x 10 = 300 against 0 + 300 h x 10 = 3000; the retired old exam is never
    // recommended, however cheap.
    assert_eq!(valued["steps"][0]["id"], "sec/new-scripting");
    assert_eq!(valued["time_value"], 10);
    let text = plan(&["--role", "scripter", "--time-value", "10"]).stdout;
    assert!(
        text.contains("cheapest path, with an hour of study worth 10 USD"),
        "{text}"
    );
}

#[test]
fn a_bad_experience_option_is_refused_with_the_fix() {
    let refused = |experience: &str| {
        let run = common::upskill(&[
            "--no-bundled",
            "--catalog",
            RULES,
            "plan",
            "--role",
            "scripter",
            "--experience",
            experience,
        ]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        run.stderr
    };
    let stderr = refused("security");
    assert!(stderr.contains("FIELD=MONTHS"), "{stderr}");
    let stderr = refused("securty=12");
    assert!(stderr.contains("did you mean `security`"), "{stderr}");
    let stderr = refused("security:from=2020-01-01");
    assert!(stderr.contains("unknown `from`"), "{stderr}");
}

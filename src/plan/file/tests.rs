use super::*;

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

const SPEC_EXAMPLE: &str = "format: 1
name: alex
role: cloud-engineer
have:
  credentials: [google/it-support, {id: comptia/a-plus, earned: 2025-03-01}]
  skills: [python]
  experience: [{field: security, months: 24}, {field: networking, since: 2021-06-01}]
hours_per_week: 8
start: 2027-01-04
budget: 1500
steps:
  - {id: comptia/network-plus, status: done, completed: 2027-03-01}
  - {id: aws/solutions-architect-associate, status: planned, note: employer pays}
notes: Prefers self-paced online.
";

#[test]
fn the_spec_example_reads_and_writes_back_the_same_plan() {
    let plan = parse(SPEC_EXAMPLE, date("2030-01-01")).expect("parses");
    assert_eq!(plan.name, "alex");
    assert_eq!(plan.role.as_deref(), Some("cloud-engineer"));
    assert_eq!(plan.have.skills, vec!["python"]);
    assert_eq!(
        plan.have.credentials,
        vec!["google/it-support", "comptia/a-plus"]
    );
    assert_eq!(
        plan.have.earned.get("comptia/a-plus"),
        Some(&date("2025-03-01"))
    );
    assert_eq!(
        plan.have.experience,
        vec![
            "security=24".parse().expect("experience"),
            "networking:since=2021-06-01".parse().expect("experience"),
        ]
    );
    assert_eq!(plan.hours_per_week, Amount::from_f64(8.0));
    assert_eq!(plan.start, date("2027-01-04"));
    assert_eq!(plan.budget, Some(Amount::from_f64(1500.0)));
    assert_eq!(plan.steps[0].status, Status::Done);
    assert_eq!(plan.steps[0].completed, Some(date("2027-03-01")));
    assert_eq!(plan.steps[1].note.as_deref(), Some("employer pays"));
    let again = parse(&to_yaml(&plan).expect("writes"), date("2030-01-01")).expect("reads");
    assert_eq!(again, plan);
}

#[test]
fn steps_naming_unknown_credentials_are_kept() {
    let plan = parse("steps: [{id: gone/never-was}]", date("2030-01-01")).expect("parses");
    assert_eq!(plan.steps[0].id, "gone/never-was");
    assert_eq!(plan.start, date("2030-01-01"));
}

#[test]
fn a_bad_field_is_reported_at_its_line_and_column() {
    let errors = parse(
        "name: a\nsteps:\n  - {id: x, status: finished}\n",
        date("2030-01-01"),
    )
    .expect_err("fails");
    assert!(
        errors[0].message.contains("unknown status `finished`"),
        "{errors:?}"
    );
    assert_eq!(errors[0].position.line, 3);
    let errors = parse("name: a\nstart: soon\n", date("2030-01-01")).expect_err("fails");
    assert_eq!(errors[0].position.line, 2);
    assert!(errors[0].message.contains("YYYY-MM-DD"));
}

#[test]
fn experience_needs_months_or_since_and_says_which() {
    let errors = parse(
        "have:\n  experience:\n    - {field: security}\n",
        date("2030-01-01"),
    )
    .expect_err("fails");
    assert!(
        errors[0].message.contains("needs `months: N`"),
        "{errors:?}"
    );
    assert_eq!(errors[0].position.line, 3);
    let errors = parse(
        "have: {experience: [{field: security, months: 2.5}]}\n",
        date("2030-01-01"),
    )
    .expect_err("fails");
    assert!(errors[0].message.contains("not 2.5"), "{errors:?}");
    let errors = parse(
        "have: {experience: [{field: a, months: 3, since: 2020-01-01}]}\n",
        date("2030-01-01"),
    )
    .expect_err("fails");
    assert!(errors[0].message.contains("both"), "{errors:?}");
}

#[test]
fn a_time_value_is_kept() {
    let plan = parse("time_value: 25\n", date("2030-01-01")).expect("parses");
    assert_eq!(plan.time_value, Some(Amount::from_f64(25.0)));
    assert!(to_yaml(&plan).expect("writes").contains("time_value: 25"));
}

#[test]
fn another_format_number_is_refused() {
    let errors = parse("format: 2\n", date("2030-01-01")).expect_err("fails");
    assert!(errors[0].message.contains("format 2"), "{errors:?}");
}

#[test]
fn a_held_credentials_expiry_reads_and_writes_back_and_older_files_still_read() {
    let text = "have:\n  credentials: [a/old, {id: p/badge, earned: 2024-01-10, expires: 2025-01-10}, {id: p/open, expires: 2030-01-01}]\n";
    let plan = parse(text, date("2030-01-01")).expect("parses");
    assert_eq!(plan.have.credentials, vec!["a/old", "p/badge", "p/open"]);
    assert_eq!(plan.have.expires.get("p/badge"), Some(&date("2025-01-10")));
    assert_eq!(plan.have.expires.get("p/open"), Some(&date("2030-01-01")));
    assert_eq!(plan.have.earned.get("p/open"), None);
    let written = to_yaml(&plan).expect("writes");
    assert!(written.contains("expires: 2025-01-10"), "{written}");
    assert!(!written.contains("a/old, earned"), "{written}");
    assert_eq!(parse(&written, date("2030-01-01")).expect("reads"), plan);
}

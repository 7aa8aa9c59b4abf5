//! A plan full of hostile text, for the renderers' tests: commas, quotes, angle brackets,
//! accents, emoji, a spreadsheet formula, line breaks and an escape character.

use jiff::ZonedDateTime;

use super::report::Report;
use crate::plan::fixture::catalog;
use crate::plan::{Plan, Status, Step};

pub const HOSTILE_TITLE: &str = "Cloud, \"Pro\" <script>alert('x')</script> & Café ☁️ 👩\u{200d}💻";

pub const ROLE_TITLE: &str = "Data & <AI> | \"Ops\"";

const CATALOG: &str = r#"
provider: {id: t, name: "Test & <Co>"}
credentials:
  - {id: help-desk, title: Help desk, kind: course, hours: 30, cost: 50, skills: [troubleshooting], valid_for_months: 24, description: "Renew every two years: 20 CEUs, or retake the exam."}
  - id: hostile
    title: "Cloud, \"Pro\" <script>alert('x')</script> & Café ☁️ 👩‍💻"
    kind: certification
    hours: 40
    cost: 49.99
    skills: [cloud]
    valid_for_months: 12
    url: "https://example.com/a?b=1&c=<2>"
  - {id: formula, title: "=cmd|' /C calc'!A0", kind: badge, hours: 10, cost: 0, skills: [excel], url: "javascript:alert(1)"}
  - {id: held, title: Held cert, kind: certification, hours: 5, cost: 150, skills: [ops], valid_for_months: 36}
roles:
  - {id: data-ops, title: "Data & <AI> | \"Ops\"", skills: [troubleshooting, cloud, quantum]}
"#;

/// Alex's plan on 2027-03-01: help desk done, the hostile step planned 2027-01-04 to
/// 2027-02-01 (so 28 days behind), the formula step after it, then a step no catalog has.
pub fn report() -> Report {
    let catalog = catalog(CATALOG);
    let mut plan = Plan::new("alex, \"the client\"", date("2027-01-04"));
    plan.role = Some("data-ops".to_owned());
    plan.have.credentials = vec!["t/held".to_owned()];
    plan.have.skills = vec!["python".to_owned()];
    plan.steps = vec![
        Step {
            status: Status::Done,
            completed: Some(date("2027-01-20")),
            ..Step::planned("t/help-desk")
        },
        Step {
            note: Some("line one\nline two, \"quoted\"".to_owned()),
            ..Step::planned("t/hostile")
        },
        Step {
            note: Some("@SUM(A1:A2)".to_owned()),
            ..Step::planned("t/formula")
        },
        Step::planned("gone/never-was"),
    ];
    plan.notes = Some(
        "Prefers <b>self-paced</b> | online \u{1b}[31m\n# not a heading\n- not a list".to_owned(),
    );
    let now: ZonedDateTime = "2027-03-01T09:30:00+00:00[UTC]".parse().expect("a time");
    Report::build(&catalog, &plan, &now)
}

fn date(text: &str) -> jiff::civil::Date {
    text.parse().expect("a date")
}

//! A plan as one JSON object: the `upskill plan --format json` shape of SPEC §3, with each
//! step's status, completion date and note, and the plan's progress, holdings and notes.
//! `upskill plan` prints this same object.

use serde::Serialize;
use serde_json::{Value, json};

use super::report::{Awarded, Report, StepView, Written};
use crate::catalog::Amount;
use crate::plan::{Gap, Objective, Tenure, Tracking};

#[derive(Serialize)]
struct JsonPlan<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    objective: Option<&'static str>,
    complete: bool,
    unmet: Vec<Value>,
    steps: Vec<JsonStep<'a>>,
    total_cost: Amount,
    total_hours: Amount,
    currency: &'a str,
    finish: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    optimal: Option<bool>,
    /// Not proven optimal, but proven this close to the best, as a fraction (0.03: 3%).
    #[serde(skip_serializing_if = "Option::is_none")]
    gap: Option<f64>,
    start: String,
    hours_per_week: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_hours: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_value: Option<Amount>,
    unmet_reasons: Vec<JsonUnmet>,
    remaining_cost: Amount,
    remaining_hours: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Value>,
    progress: Value,
    have: Value,
    notes: Option<&'a str>,
    today: String,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    id: &'a str,
    title: Option<&'a str>,
    provider: Option<&'a str>,
    hours: Option<Amount>,
    cost: Option<Amount>,
    skills: Vec<&'a str>,
    start: Option<String>,
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    renew_by: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    /// No catalog has the credential: the step is kept as written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    missing: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    retired: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    successor: Option<&'a str>,
    /// The day the learner's accruing experience meets the step's gates, when it waits.
    #[serde(skip_serializing_if = "Option::is_none")]
    eligible_from: Option<String>,
    /// Stacks awarded as this step completes them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    awarded: Vec<Value>,
}

#[derive(Serialize)]
struct JsonUnmet {
    requirement: String,
    reason: String,
}

/// Pretty JSON with a final newline.
pub fn render(report: &Report) -> String {
    let unmet = report
        .coverage
        .as_ref()
        .map(|c| c.unmet.as_slice())
        .unwrap_or_default();
    let recommended = report.recommendation;
    let object = JsonPlan {
        name: &report.name,
        role: report.role.as_ref().map(|r| r.id.as_str()),
        role_title: report.role.as_ref().and_then(|r| r.title.as_deref()),
        objective: recommended.map(|r| r.objective.as_str()),
        complete: report.is_complete(),
        unmet: unmet
            .iter()
            .map(|u| as_written(&u.requirement, false))
            .collect(),
        steps: report.steps.iter().map(step).collect(),
        total_cost: report.total_cost,
        total_hours: report.total_hours,
        currency: &report.currency,
        finish: report.finish.to_string(),
        optimal: recommended.map(|r| r.optimal),
        gap: recommended.and_then(|r| r.gap).map(Gap::fraction),
        start: report.start.to_string(),
        hours_per_week: report.hours_per_week,
        budget: report.budget,
        max_hours: recommended.and_then(|r| r.max_hours),
        // What the cost objective counted; a fastest plan counts no money.
        time_value: report
            .time_value
            .filter(|_| recommended.is_none_or(|r| r.objective == Objective::Cost)),
        unmet_reasons: unmet
            .iter()
            .map(|u| JsonUnmet {
                requirement: u.requirement.to_string(),
                reason: u.reason.clone(),
            })
            .collect(),
        remaining_cost: report.remaining_cost,
        remaining_hours: report.remaining_hours,
        coverage: report
            .coverage
            .as_ref()
            .map(|c| json!({"met": c.met, "total": c.total})),
        progress: progress(report),
        have: json!({
            "credentials": report.held.iter().map(|h| json!({
                "id": h.id, "title": h.title, "valid_for_months": h.valid_for_months,
                "earned": h.earned.map(|d| d.to_string()),
                "expires": h.expires.map(|d| d.to_string()),
                "successor": h.successor,
            })).collect::<Vec<_>>(),
            "skills": report.held_skills,
            "experience": report.experience.iter().map(|entry| match entry.tenure {
                Tenure::Months(months) => json!({ "field": entry.field, "months": months }),
                Tenure::Since(date) => json!({ "field": entry.field, "since": date.to_string() }),
            }).collect::<Vec<_>>(),
            "awarded": awarded(&report.held_awarded),
        }),
        notes: report.notes.as_deref(),
        today: report.today.to_string(),
    };
    let mut text =
        serde_json::to_string_pretty(&object).expect("plain structs always serialize to JSON");
    text.push('\n');
    text
}

fn step(step: &StepView) -> JsonStep<'_> {
    let known = step.credential.as_ref();
    JsonStep {
        id: &step.id,
        title: known.map(|c| c.title.as_str()),
        provider: known.map(|c| c.provider.as_str()),
        hours: known.map(|c| c.hours),
        cost: known.map(|c| c.cost),
        skills: known
            .map(|c| c.skills.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        start: step.start.map(|d| d.to_string()),
        end: step.end.map(|d| d.to_string()),
        renew_by: step.renews.map(|d| d.to_string()),
        status: step.status.as_str(),
        completed: step.completed.map(|d| d.to_string()),
        note: step.note.as_deref(),
        missing: known.is_none(),
        retired: known.is_some_and(|c| c.retired),
        successor: step.successor.as_deref(),
        eligible_from: step.eligible.map(|d| d.to_string()),
        awarded: awarded(&step.awarded),
    }
}

fn awarded(stacks: &[Awarded]) -> Vec<Value> {
    stacks
        .iter()
        .map(|stack| json!({ "id": stack.id, "title": stack.title }))
        .collect()
}

fn progress(report: &Report) -> Value {
    let progress = report.progress;
    let (behind_days, late_step) = match progress.tracking {
        Tracking::Behind { days, step } => (Some(days), Some(step + 1)),
        _ => (None, None),
    };
    json!({
        "done": progress.done,
        "total": progress.total,
        "next_step": progress.next.map(|i| i + 1),
        "tracking": progress.tracking.describe(),
        "behind_days": behind_days,
        "late_step": late_step,
    })
}

/// SPEC §3's `unmet` items: a skill id, a credential id, `{"experience": {...}}`, or
/// `{"any": [...]}` / `{"all": [...]}` whose skills are `{"skill": id}`.
fn as_written(requirement: &Written, nested: bool) -> Value {
    match requirement {
        Written::Skill(id) if nested => json!({ "skill": id }),
        Written::Credential(id) | Written::Skill(id) => Value::from(id.as_str()),
        Written::Experience { field, months } => {
            json!({ "experience": { "field": field, "months": months } })
        }
        Written::Any(items) => {
            json!({ "any": items.iter().map(|i| as_written(i, true)).collect::<Vec<_>>() })
        }
        Written::All(items) => {
            json!({ "all": items.iter().map(|i| as_written(i, true)).collect::<Vec<_>>() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{HOSTILE_TITLE, ROLE_TITLE, report};

    fn parsed() -> Value {
        serde_json::from_str(&render(&report())).expect("valid JSON")
    }

    #[test]
    fn the_object_has_the_plan_shape_with_status_notes_and_progress() {
        let plan = parsed();
        assert_eq!(plan["name"], "alex, \"the client\"");
        assert_eq!(plan["role"], "data-ops");
        assert_eq!(plan["role_title"], ROLE_TITLE);
        assert_eq!(plan["complete"], false);
        assert_eq!(plan["unmet"], json!(["quantum"]));
        assert_eq!(plan["total_cost"], 99.99);
        assert_eq!(plan["remaining_cost"], 49.99);
        assert_eq!(plan["finish"], "2027-02-08");
        assert_eq!(plan["coverage"], json!({"met": 2, "total": 3}));
        assert_eq!(
            plan["progress"],
            json!({"done": 1, "total": 4, "next_step": 2, "tracking": "behind by 28 days",
                   "behind_days": 28, "late_step": 2})
        );
        assert!(plan.get("objective").is_none());
        assert!(
            plan["notes"]
                .as_str()
                .is_some_and(|n| n.contains("\\u{1b}[31m\n# not a heading"))
        );
    }

    #[test]
    fn steps_keep_their_status_dates_notes_and_missing_credentials() {
        let plan = parsed();
        let steps = plan["steps"].as_array().expect("steps");
        assert_eq!(steps.len(), 4);
        assert_eq!(steps[0]["status"], "done");
        assert_eq!(steps[0]["completed"], "2027-01-20");
        assert_eq!(steps[0]["renew_by"], "2029-01-20");
        assert_eq!(steps[1]["title"], HOSTILE_TITLE);
        assert_eq!(steps[1]["note"], "line one\nline two, \"quoted\"");
        assert_eq!(steps[1]["start"], "2027-01-04");
        assert_eq!(steps[3]["id"], "gone/never-was");
        assert_eq!(steps[3]["missing"], true);
        assert_eq!(steps[3]["title"], Value::Null);
    }
}

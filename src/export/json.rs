//! A plan as one JSON object: the `upskill plan --format json` shape of SPEC §3, with each
//! step's status, completion date and note, and the plan's progress, holdings and notes.
//! `upskill plan` prints this same object.

use serde::Serialize;

use super::report::{Awarded, HeldView, Report, StepView, Written};
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
    unmet: Vec<JsonWritten<'a>>,
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
    /// The steps of unknown cost or hours that the sums above count as 0: a sum leaving any
    /// out is a floor.
    cost_unknown_steps: usize,
    hours_unknown_steps: usize,
    remaining_cost_unknown_steps: usize,
    remaining_hours_unknown_steps: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<JsonCoverage>,
    progress: JsonProgress,
    have: JsonHave<'a>,
    notes: Option<&'a str>,
    today: String,
}

// The nested objects below list their fields in alphabetical order: that is the order the
// keys have always had (serde_json sorts the keys of a map), so the output is unchanged.

#[derive(Serialize)]
struct JsonCoverage {
    met: usize,
    total: usize,
}

#[derive(Serialize)]
struct JsonProgress {
    behind_days: Option<i64>,
    done: usize,
    /// The step that is late, counted from 1.
    late_step: Option<usize>,
    /// The first step not done, counted from 1.
    next_step: Option<usize>,
    total: usize,
    tracking: String,
}

#[derive(Serialize)]
struct JsonHave<'a> {
    awarded: Vec<JsonAwarded<'a>>,
    credentials: Vec<JsonHeld<'a>>,
    experience: Vec<JsonExperience<'a>>,
    skills: &'a [String],
}

#[derive(Serialize)]
struct JsonHeld<'a> {
    earned: Option<String>,
    expires: Option<String>,
    id: &'a str,
    successor: Option<&'a str>,
    title: Option<&'a str>,
    valid_for_months: Option<u32>,
}

/// Past work as months, or work going on since a date.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonExperience<'a> {
    Months { field: &'a str, months: u32 },
    Since { field: &'a str, since: String },
}

#[derive(Serialize)]
struct JsonAwarded<'a> {
    id: &'a str,
    title: &'a str,
}

/// SPEC §3's `unmet` items: a skill id, a credential id, `{"experience": {...}}`, or
/// `{"any": [...]}` / `{"all": [...]}` whose skills are `{"skill": id}`.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonWritten<'a> {
    Id(&'a str),
    Skill { skill: &'a str },
    Experience { experience: JsonMonths<'a> },
    Any { any: Vec<JsonWritten<'a>> },
    All { all: Vec<JsonWritten<'a>> },
}

#[derive(Serialize)]
struct JsonMonths<'a> {
    field: &'a str,
    months: u32,
}

// The fields are the JSON object's, whose flags are booleans.
#[allow(clippy::struct_excessive_bools)]
#[derive(Serialize)]
struct JsonStep<'a> {
    id: &'a str,
    title: Option<&'a str>,
    provider: Option<&'a str>,
    hours: Option<Amount>,
    cost: Option<Amount>,
    /// The catalogs give the hours or cost as `unknown` (then 0 above).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hours_unknown: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cost_unknown: bool,
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
    awarded: Vec<JsonAwarded<'a>>,
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
        cost_unknown_steps: report.unknown.cost,
        hours_unknown_steps: report.unknown.hours,
        remaining_cost_unknown_steps: report.unknown.remaining_cost,
        remaining_hours_unknown_steps: report.unknown.remaining_hours,
        coverage: report.coverage.as_ref().map(|c| JsonCoverage {
            met: c.met,
            total: c.total,
        }),
        progress: progress(report),
        have: JsonHave {
            awarded: awarded(&report.held_awarded),
            credentials: report.held.iter().map(held).collect(),
            experience: report
                .experience
                .iter()
                .map(|entry| match entry.tenure {
                    Tenure::Months(months) => JsonExperience::Months {
                        field: &entry.field,
                        months,
                    },
                    Tenure::Since(date) => JsonExperience::Since {
                        field: &entry.field,
                        since: date.to_string(),
                    },
                })
                .collect(),
            skills: &report.held_skills,
        },
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
        hours_unknown: known.is_some_and(|c| c.unknown.hours),
        cost_unknown: known.is_some_and(|c| c.unknown.cost),
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

fn held(held: &HeldView) -> JsonHeld<'_> {
    JsonHeld {
        earned: held.earned.map(|d| d.to_string()),
        expires: held.expires.map(|d| d.to_string()),
        id: &held.id,
        successor: held.successor.as_deref(),
        title: held.title.as_deref(),
        valid_for_months: held.valid_for_months,
    }
}

fn awarded(stacks: &[Awarded]) -> Vec<JsonAwarded<'_>> {
    stacks
        .iter()
        .map(|stack| JsonAwarded {
            id: &stack.id,
            title: &stack.title,
        })
        .collect()
}

fn progress(report: &Report) -> JsonProgress {
    let progress = report.progress;
    let (behind_days, late_step) = match progress.tracking {
        Tracking::Behind { days, step } => (Some(days), Some(step + 1)),
        _ => (None, None),
    };
    JsonProgress {
        behind_days,
        done: progress.done,
        late_step,
        next_step: progress.next.map(|i| i + 1),
        total: progress.total,
        tracking: progress.tracking.describe(),
    }
}

/// A requirement as written; `nested` is inside `any` or `all`, where a skill is
/// `{"skill": id}` so it cannot be mistaken for a credential id.
fn as_written(requirement: &Written, nested: bool) -> JsonWritten<'_> {
    fn each(items: &[Written]) -> Vec<JsonWritten<'_>> {
        items.iter().map(|i| as_written(i, true)).collect()
    }
    match requirement {
        Written::Skill(id) if nested => JsonWritten::Skill { skill: id },
        Written::Credential(id) | Written::Skill(id) => JsonWritten::Id(id),
        Written::Experience { field, months } => JsonWritten::Experience {
            experience: JsonMonths {
                field,
                months: *months,
            },
        },
        Written::Any(items) => JsonWritten::Any { any: each(items) },
        Written::All(items) => JsonWritten::All { all: each(items) },
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

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

//! The plan report: one view of a plan that every plan renderer reads (the command line's
//! table, Markdown, CSV, iCalendar, JSON and HTML, and the app's export key). It is built
//! once from a plan, the catalogs and the moment it is made; it owns its data and every
//! string in it is already sanitized, so a renderer only escapes for its own syntax.
//! Steps whose credential the catalogs lack are kept, marked missing.

mod renewals;
mod totals;

use jiff::civil::Date;
use jiff::{Timestamp, ZonedDateTime};

pub use super::written::Written;
use crate::catalog::CredentialIdx;
use crate::catalog::{Amount, Catalog};
use crate::plan::held_expiry;
use crate::plan::{
    Experience, Gap, Objective, Options, Plan, Progress, Recommendation, Status, awards, coverage,
    progress, schedule, teachers_of, totals,
};
use crate::text::{sanitize, sanitize_line};
pub use renewals::RenewalLine;

/// Said of a recommendation the time limit stopped before it was proven best: how close
/// to the best it was proven to be, when that is known.
pub fn not_proven(gap: Option<Gap>) -> String {
    match gap {
        Some(gap) => format!(
            "not proven optimal (time limit reached), but proven {}; raise --time-limit to prove it",
            gap.within()
        ),
        None => {
            "not proven optimal (time limit reached): a better plan may exist; raise --time-limit"
                .to_owned()
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The saved plan's name; empty for a plan not saved.
    pub name: String,
    pub role: Option<RoleView>,
    pub currency: String,
    pub start: Date,
    pub hours_per_week: Amount,
    pub budget: Option<Amount>,
    /// The value of an hour of study the cost objective counts, when set.
    pub time_value: Option<Amount>,
    /// The day progress and renewals are measured on.
    pub today: Date,
    /// When the report was made (an iCalendar `DTSTAMP`).
    pub generated: Timestamp,
    pub steps: Vec<StepView>,
    pub held: Vec<HeldView>,
    pub held_skills: Vec<String>,
    /// Work experience as the learner gave it, fields sanitized.
    pub experience: Vec<Experience>,
    /// Stacks the learner has through what they hold, without listing them.
    pub held_awarded: Vec<Awarded>,
    /// Cost and hours of every step the catalogs know, done or not.
    pub total_cost: Amount,
    pub total_hours: Amount,
    /// Cost and hours of the steps not done yet.
    pub remaining_cost: Amount,
    pub remaining_hours: Amount,
    /// The steps of unknown cost or hours those sums count as 0 (see [`Report::total_words`]).
    pub unknown: crate::plan::UnknownSteps,
    /// The scheduled end of the last step not done (the start when none is left).
    pub finish: Date,
    /// `None` when the plan names no role the catalogs have.
    pub coverage: Option<CoverageView>,
    pub progress: Progress,
    pub notes: Option<String>,
    /// Set when the plan is a fresh recommendation (`upskill plan`).
    pub recommendation: Option<RecommendationView>,
    /// The plan as a plan file that stands alone (its person's holdings written in), for
    /// `upskill import` on another machine.
    pub plan_file: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleView {
    pub id: String,
    /// `None` when the catalogs have no role with this id.
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepView {
    pub id: String,
    /// `None` when no catalog has the credential any more: the step is kept, shown missing.
    pub credential: Option<CredentialView>,
    pub status: Status,
    pub completed: Option<Date>,
    /// Scheduled start, for a step not done.
    pub start: Option<Date>,
    /// Scheduled end, or the completion date of a done step.
    pub end: Option<Date>,
    /// When the credential expires and must be renewed (done: from completion; not done:
    /// from the scheduled end).
    pub renews: Option<Date>,
    /// The day the learner's accruing experience meets the step's gates, when it waits.
    pub eligible: Option<Date>,
    /// Stacks awarded as this step completes them.
    pub awarded: Vec<Awarded>,
    /// For a retired credential, the id of the one that replaces it.
    pub successor: Option<String>,
    pub note: Option<String>,
}

/// A stack, awarded without a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awarded {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialView {
    pub title: String,
    pub provider: String,
    pub provider_name: String,
    pub kind: &'static str,
    pub hours: Amount,
    pub cost: Amount,
    /// Which of `hours` and `cost` the catalogs give as `unknown` (then 0 above).
    pub unknown: crate::catalog::Unknowns,
    pub skills: Vec<String>,
    pub url: Option<String>,
    pub valid_for_months: Option<u32>,
    pub retired: bool,
    /// The catalog's description, where catalogs state their renewal rules.
    pub description: Option<String>,
}

/// A credential the learner already holds (`have`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldView {
    pub id: String,
    /// `None` when no catalog has it.
    pub title: Option<String>,
    /// It expires this long after it was earned.
    pub valid_for_months: Option<u32>,
    /// When it was earned, where the learner said.
    pub earned: Option<Date>,
    /// When it expires: known when it was earned on a known date.
    pub expires: Option<Date>,
    /// For a retired credential, the id of the one that replaces it.
    pub successor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageView {
    pub met: usize,
    pub total: usize,
    pub unmet: Vec<UnmetView>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmetView {
    pub requirement: Written,
    /// Why it is unmet, in words.
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecommendationView {
    pub objective: Objective,
    /// False when the time limit stopped the search before it proved the plan best.
    pub optimal: bool,
    /// Not proven, but proven this close to the best.
    pub gap: Option<Gap>,
    pub max_hours: Option<Amount>,
}

impl Report {
    /// The report of a plan on the day of `now`.
    pub fn build(catalog: &Catalog, plan: &Plan, now: &ZonedDateTime) -> Report {
        let today = now.date();
        let dates = schedule(catalog, plan);
        let awards = awards(catalog, plan);
        let awarded = |stacks: &[CredentialIdx]| -> Vec<Awarded> {
            stacks
                .iter()
                .map(|&stack| Awarded {
                    id: line(&catalog.credential(stack).id),
                    title: line(&catalog.credential(stack).title),
                })
                .collect()
        };
        let steps: Vec<StepView> = plan
            .steps
            .iter()
            .zip(&dates.steps)
            .zip(&awards.after_step)
            .map(|((step, dates), stacks)| StepView {
                id: line(&step.id),
                credential: catalog
                    .find_credential(&step.id)
                    .map(|idx| credential_view(catalog, idx)),
                status: step.status,
                completed: step.completed,
                start: dates.start,
                end: dates.end,
                renews: dates.renews,
                eligible: dates.eligible,
                awarded: awarded(stacks),
                successor: catalog
                    .find_credential(&step.id)
                    .and_then(|idx| catalog.successor(idx))
                    .map(|next| line(&catalog.credential(next).id)),
                note: step.note.as_deref().map(|note| sanitize(note).into_owned()),
            })
            .collect();
        let totals = totals(catalog, plan);
        Report {
            name: line(&plan.name),
            role: plan.role.as_deref().map(|id| RoleView {
                id: line(id),
                title: catalog.find_role(id).map(|r| line(&catalog.role(r).title)),
            }),
            currency: line(&catalog.currency),
            start: plan.start,
            hours_per_week: plan.hours_per_week,
            budget: plan.budget,
            time_value: plan.time_value,
            today,
            generated: now.timestamp(),
            total_cost: totals.cost,
            total_hours: totals.hours,
            remaining_cost: totals.remaining_cost,
            remaining_hours: totals.remaining_hours,
            unknown: totals.unknown,
            held: plan
                .have
                .credentials
                .iter()
                .map(|id| {
                    let found = catalog.find_credential(id).map(|c| catalog.credential(c));
                    HeldView {
                        id: line(id),
                        title: found.map(|c| line(&c.title)),
                        valid_for_months: found.and_then(|c| c.valid_for_months),
                        earned: plan.have.earned.get(id).copied(),
                        expires: held_expiry(catalog, &plan.have, id),
                        successor: catalog
                            .find_credential(id)
                            .and_then(|idx| catalog.successor(idx))
                            .map(|next| line(&catalog.credential(next).id)),
                    }
                })
                .collect(),
            held_skills: plan.have.skills.iter().map(|s| line(s)).collect(),
            experience: plan
                .have
                .experience
                .iter()
                .map(|entry| Experience {
                    field: line(&entry.field),
                    tenure: entry.tenure,
                })
                .collect(),
            held_awarded: awarded(&awards.held),
            finish: dates.finish,
            coverage: coverage_view(catalog, plan),
            progress: progress(plan, &dates, today),
            notes: plan.notes.as_deref().map(|n| sanitize(n).into_owned()),
            recommendation: None,
            plan_file: crate::plan::file::portable_yaml(plan)
                .unwrap_or_else(|error| format!("# upskill could not write this plan: {error}\n")),
            steps,
        }
    }

    /// The report of a fresh recommendation: unmet requirements say why the recommender
    /// could not meet them.
    pub fn recommended(
        catalog: &Catalog,
        plan: &Plan,
        recommendation: &Recommendation,
        options: &Options,
        now: &ZonedDateTime,
    ) -> Report {
        let mut report = Report::build(catalog, plan, now);
        if let Some(coverage) = &mut report.coverage {
            coverage.unmet = recommendation
                .unmet
                .iter()
                .map(|unmet| UnmetView {
                    requirement: Written::of(catalog, &unmet.requirement),
                    reason: unmet.reason.explain(catalog),
                })
                .collect();
        }
        report.recommendation = Some(RecommendationView {
            objective: options.objective,
            optimal: recommendation.optimal,
            gap: recommendation.gap,
            max_hours: options.max_hours,
        });
        report
    }

    /// The role's title, else its id, else nothing.
    pub fn role_label(&self) -> Option<&str> {
        let role = self.role.as_ref()?;
        Some(role.title.as_deref().unwrap_or(&role.id))
    }

    /// Every role requirement is met (a plan with no known role has none to meet).
    pub fn is_complete(&self) -> bool {
        self.coverage.as_ref().is_none_or(|c| c.unmet.is_empty())
    }
}

impl Report {
    /// How far the plan's cost goes past its budget, when it does.
    pub fn over_budget(&self) -> Option<Amount> {
        self.budget
            .filter(|&budget| self.total_cost > budget)
            .map(|budget| self.total_cost - budget)
    }
}

impl StepView {
    /// The credential's title, or its id when the catalogs lack it.
    pub fn title(&self) -> &str {
        self.credential.as_ref().map_or(&self.id, |c| &c.title)
    }
}

/// What a renderer writes for an absent date.
pub fn date_or_dash(date: Option<Date>) -> String {
    date.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

fn line(text: &str) -> String {
    sanitize_line(text).into_owned()
}

fn credential_view(catalog: &Catalog, idx: crate::catalog::CredentialIdx) -> CredentialView {
    let credential = catalog.credential(idx);
    let provider = catalog.provider(credential.provider);
    CredentialView {
        title: line(&credential.title),
        provider: line(&provider.id),
        provider_name: line(&provider.name),
        kind: credential.kind.as_str(),
        hours: credential.hours,
        cost: credential.cost,
        unknown: credential.unknown,
        skills: credential
            .skills
            .iter()
            .map(|&s| line(&catalog.skill(s).id))
            .collect(),
        url: credential.url().map(line),
        valid_for_months: credential.valid_for_months,
        retired: credential.retired,
        description: credential
            .description
            .as_deref()
            .map(|d| sanitize(d).into_owned()),
    }
}

fn coverage_view(catalog: &Catalog, plan: &Plan) -> Option<CoverageView> {
    let covered = coverage(catalog, plan)?;
    let requirements = &catalog.role(covered.role).requirements;
    let unmet = covered
        .unmet
        .iter()
        .map(|&i| {
            let requirement = &requirements[i];
            let teachers = teachers_of(catalog, requirement);
            UnmetView {
                requirement: Written::of(catalog, requirement),
                reason: if teachers.is_empty() {
                    "no credential in the catalogs meets it".to_owned()
                } else {
                    line(&format!(
                        "no step meets it (add one of: {})",
                        teachers.join(", ")
                    ))
                },
            }
        })
        .collect();
    Some(CoverageView {
        met: covered.met,
        total: covered.total,
        unmet,
    })
}

//! When each step runs (SPEC §2 "Schedule"): steps not done run one after another from the
//! start date at the plan's hours per week, a step of `h` hours taking
//! `ceil(h * 7 / hours_per_week)` days, never starting before the learner's accruing
//! experience meets its gates; an expiring credential renews `valid_for_months` after its
//! completion or scheduled end.

use jiff::Span;
use jiff::civil::Date;

use crate::catalog::{Amount, Catalog};

use super::{Holdings, Plan, Status};

/// The dates of one step. All `None` for a step whose credential the catalog lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepDates {
    /// When a step not done starts.
    pub start: Option<Date>,
    /// When it ends, or when a done step was completed.
    pub end: Option<Date>,
    /// When an expiring credential must be renewed.
    pub renews: Option<Date>,
    /// The day the learner's accruing experience meets the step's gates, when the step
    /// waits for it.
    pub eligible: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub steps: Vec<StepDates>,
    /// The last end of a step not done; the start date when there is none.
    pub finish: Date,
}

/// Days a step of `hours` takes at `hours_per_week`, rounded up.
pub fn days_for(hours: Amount, hours_per_week: Amount) -> i64 {
    let per_week = hours_per_week.hundredths().max(1);
    (hours.hundredths().max(0) * 7 + per_week - 1) / per_week
}

/// When a credential that is valid for `months` expires, if earned on `earned`.
pub fn expiry(earned: Date, months: u32) -> Option<Date> {
    earned
        .checked_add(Span::new().months(i64::from(months)))
        .ok()
}

pub fn schedule(catalog: &Catalog, plan: &Plan) -> Schedule {
    let mut next = plan.start;
    let mut finish = plan.start;
    let mut had = Holdings::of_plan(catalog, plan);
    let steps = plan
        .steps
        .iter()
        .map(|step| {
            let Some(idx) = catalog.find_credential(&step.id) else {
                return StepDates::default();
            };
            let credential = catalog.credential(idx);
            let renew = |end: Option<Date>| expiry(end?, credential.valid_for_months?);
            let eligible = had.eligible_from(catalog, idx);
            had.add_step(catalog, idx);
            if step.status == Status::Done {
                return StepDates {
                    end: step.completed,
                    renews: renew(step.completed),
                    ..StepDates::default()
                };
            }
            let eligible = eligible.filter(|&date| date > next);
            let start = eligible.unwrap_or(next);
            let days = days_for(credential.hours, plan.hours_per_week);
            let end = start.checked_add(Span::new().days(days)).ok();
            if let Some(end) = end {
                next = end;
                finish = end;
            }
            StepDates {
                start: Some(start),
                end,
                renews: renew(end),
                eligible,
            }
        })
        .collect();
    Schedule { steps, finish }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixture::catalog;
    use crate::plan::{Experience, Step};

    #[test]
    fn a_step_waits_for_the_day_accruing_experience_meets_its_gate() {
        let catalog = catalog(
            "provider: {id: p, name: P}
credentials:
  - {id: basics, title: B, kind: course, hours: 70, cost: 0, skills: [security]}
  - {id: cissp, title: C, kind: certification, hours: 70, cost: 749, skills: [architecture], requires: [{experience: {field: security, months: 60}}]}
",
        );
        let mut plan = Plan::new("p", "2027-01-04".parse().expect("date"));
        plan.hours_per_week = Amount::from_f64(7.0);
        plan.have.experience.push(
            "security:since=2024-03-01"
                .parse::<Experience>()
                .expect("experience"),
        );
        plan.steps = vec![Step::planned("p/basics"), Step::planned("p/cissp")];
        let dates = schedule(&catalog, &plan);
        // Basics runs at once; CISSP waits for 60 months from 2024-03-01.
        assert_eq!(dates.steps[0].eligible, None);
        assert_eq!(
            dates.steps[0].end,
            Some("2027-03-15".parse().expect("date"))
        );
        let eligible: Date = "2029-03-01".parse().expect("date");
        assert_eq!(dates.steps[1].eligible, Some(eligible));
        assert_eq!(dates.steps[1].start, Some(eligible));
        assert_eq!(dates.finish, "2029-05-10".parse::<Date>().expect("date"));
        // With the months already there, nothing waits.
        plan.have.experience = vec!["security=60".parse().expect("experience")];
        let dates = schedule(&catalog, &plan);
        assert_eq!(dates.steps[1].eligible, None);
        assert_eq!(
            dates.steps[1].start,
            Some("2027-03-15".parse().expect("date"))
        );
    }

    #[test]
    fn a_step_takes_its_hours_at_the_weekly_pace_rounded_up_to_whole_days() {
        assert_eq!(
            days_for(Amount::from_f64(120.0), Amount::from_f64(10.0)),
            84
        );
        assert_eq!(days_for(Amount::from_f64(1.0), Amount::from_f64(10.0)), 1);
        assert_eq!(days_for(Amount::from_f64(10.0), Amount::from_f64(7.0)), 10);
        assert_eq!(days_for(Amount::from_f64(7.5), Amount::from_f64(7.5)), 7);
    }
}

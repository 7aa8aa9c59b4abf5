//! When each step runs (SPEC §2 "Schedule"): steps not done run one after another from the
//! start date at the plan's hours per week, a step of `h` hours taking
//! `ceil(h * 7 / hours_per_week)` days; an expiring credential renews `valid_for_months`
//! after its completion or scheduled end.

use jiff::Span;
use jiff::civil::Date;

use crate::catalog::{Amount, Catalog};

use super::{Plan, Status};

/// The dates of one step. All `None` for a step whose credential the catalog lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepDates {
    /// When a step not done starts.
    pub start: Option<Date>,
    /// When it ends, or when a done step was completed.
    pub end: Option<Date>,
    /// When an expiring credential must be renewed.
    pub renews: Option<Date>,
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
    let steps = plan
        .steps
        .iter()
        .map(|step| {
            let Some(credential) = catalog
                .find_credential(&step.id)
                .map(|c| catalog.credential(c))
            else {
                return StepDates::default();
            };
            let renew = |end: Option<Date>| expiry(end?, credential.valid_for_months?);
            if step.status == Status::Done {
                return StepDates {
                    start: None,
                    end: step.completed,
                    renews: renew(step.completed),
                };
            }
            let days = days_for(credential.hours, plan.hours_per_week);
            let start = next;
            let end = start.checked_add(Span::new().days(days)).ok();
            if let Some(end) = end {
                next = end;
                finish = end;
            }
            StepDates {
                start: Some(start),
                end,
                renews: renew(end),
            }
        })
        .collect();
    Schedule { steps, finish }
}

#[cfg(test)]
mod tests {
    use super::*;

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

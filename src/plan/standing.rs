//! Where a plan stands, as an advisor reads it at a glance: on track, behind by some days
//! (its schedule, or its finish-by date), over budget, finished. The clients list, the
//! app's header and `upskill people` all say it in these words.

use jiff::civil::Date;

use super::{Plan, Schedule, Totals, Tracking, deadline, progress};
use crate::catalog::Amount;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub tracking: Tracking,
    /// Days behind: the schedule's (a step not done should have ended) or the finish-by
    /// date's (the plan will finish after it), whichever is more.
    pub behind: Option<i64>,
    /// How much the plan's steps cost beyond its budget.
    pub over_budget: Option<Amount>,
}

impl Standing {
    /// Where `plan` stands on `today`.
    pub fn of(plan: &Plan, schedule: &Schedule, totals: &Totals, today: Date) -> Standing {
        let tracking = progress(plan, schedule, today).tracking;
        let by_schedule = match tracking {
            Tracking::Behind { days, .. } => Some(days),
            _ => None,
        };
        let left = totals.done < totals.steps;
        let by_date = plan
            .finish_by
            .filter(|_| left)
            .and_then(|by| deadline::days_late(by, schedule.finish, by_schedule.unwrap_or(0)));
        let behind = by_schedule.max(by_date);
        let over_budget = plan
            .budget
            .filter(|&budget| totals.cost > budget)
            .map(|budget| totals.cost - budget);
        Standing {
            tracking,
            behind,
            over_budget,
        }
    }

    /// Whether the plan needs attention: behind or over budget.
    pub fn needs_attention(&self) -> bool {
        self.behind.is_some() || self.over_budget.is_some()
    }

    /// `on track`, `behind by 114 days`, `over budget`, `behind by 3 days, over budget`...
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.behind {
            Some(1) => parts.push("behind by 1 day".to_owned()),
            Some(days) => parts.push(format!("behind by {days} days")),
            None => {}
        }
        if self.over_budget.is_some() {
            parts.push("over budget".to_owned());
        }
        if parts.is_empty() {
            return match self.tracking {
                Tracking::Behind { .. } | Tracking::OnTrack => "on track".to_owned(),
                other => other.describe(),
            };
        }
        parts.join(", ")
    }

    /// For sorting, the plans needing the most attention first: days behind, then over
    /// budget, then the rest.
    pub fn urgency(&self) -> (i64, bool) {
        (self.behind.unwrap_or(0), self.over_budget.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixture::{NETWORK, catalog};
    use crate::plan::{Step, schedule, totals};

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("alex", date("2027-01-04"));
        plan.steps = vec![Step::planned("t/network-plus")];
        plan
    }

    fn standing(plan: &Plan, today: &str) -> Standing {
        let catalog = catalog(NETWORK);
        Standing::of(
            plan,
            &schedule(&catalog, plan),
            &totals(&catalog, plan),
            date(today),
        )
    }

    #[test]
    fn a_plan_on_schedule_and_within_budget_is_on_track() {
        assert_eq!(standing(&plan(), "2027-01-05").describe(), "on track");
    }

    #[test]
    fn a_plan_past_its_finish_by_date_is_behind_by_the_days_it_will_take() {
        let mut plan = plan();
        let catalog = catalog(NETWORK);
        let finish = schedule(&catalog, &plan).finish;
        plan.finish_by = Some(
            finish
                .checked_sub(jiff::Span::new().days(10))
                .expect("a date"),
        );
        let standing = standing(&plan, "2027-01-05");
        assert_eq!(standing.behind, Some(10));
        assert_eq!(standing.describe(), "behind by 10 days");
        assert!(standing.needs_attention());
    }

    #[test]
    fn a_plan_costing_more_than_its_budget_is_over_budget() {
        let mut plan = plan();
        plan.budget = Some(Amount(1));
        let standing = standing(&plan, "2027-01-05");
        assert_eq!(standing.describe(), "over budget");
        assert!(standing.over_budget.is_some_and(|over| over > Amount(0)));
    }

    #[test]
    fn a_finished_plan_says_so() {
        let mut plan = plan();
        plan.steps[0].status = crate::plan::Status::Done;
        assert_eq!(standing(&plan, "2030-01-01").describe(), "finished");
    }
}

//! How far a learner is through a plan, and whether they keep to its schedule: each step
//! not done should have ended by its scheduled `end` (SPEC §2 "Schedule"); the learner is
//! behind by the days since the earliest such end that has passed.

use jiff::civil::Date;

use super::{Plan, Schedule, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The first step not done (0-based).
    pub next: Option<usize>,
    pub tracking: Tracking,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracking {
    /// The plan has no steps.
    Empty,
    /// Every step is done.
    Finished,
    /// No step that is not done was scheduled to end before today.
    OnTrack,
    /// `step` (0-based), not done, was scheduled to end `days` days before today, and no
    /// step not done ends earlier.
    Behind { days: i64, step: usize },
}

impl Tracking {
    /// `on track`, `behind by 3 days`, ...: for tables and documents.
    pub fn describe(self) -> String {
        match self {
            Tracking::Empty => "no steps".to_owned(),
            Tracking::Finished => "finished".to_owned(),
            Tracking::OnTrack => "on track".to_owned(),
            Tracking::Behind { days: 1, .. } => "behind by 1 day".to_owned(),
            Tracking::Behind { days, .. } => format!("behind by {days} days"),
        }
    }
}

/// The progress of `plan` on `today`, from its `schedule` (see [`super::schedule`]).
pub fn progress(plan: &Plan, schedule: &Schedule, today: Date) -> Progress {
    let not_done = || {
        plan.steps
            .iter()
            .enumerate()
            .filter(|(_, step)| step.status != Status::Done)
            .map(|(i, _)| i)
    };
    let total = plan.steps.len();
    let next = not_done().next();
    let late = not_done()
        .filter_map(|i| Some((schedule.steps.get(i)?.end?, i)))
        .filter(|&(end, _)| end < today)
        .min();
    let tracking = match (total, next, late) {
        (0, _, _) => Tracking::Empty,
        (_, None, _) => Tracking::Finished,
        (_, _, Some((end, step))) => Tracking::Behind {
            days: (today - end).get_days().into(),
            step,
        },
        (_, Some(_), None) => Tracking::OnTrack,
    };
    Progress {
        done: total - not_done().count(),
        total,
        next,
        tracking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixture::{NETWORK, catalog};
    use crate::plan::{Step, schedule};

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    /// Help desk (30 h: 2027-01-04 to 01-25), then Linux (40 h: to 02-22), then CCNA.
    fn plan() -> Plan {
        let mut plan = Plan::new("alex", date("2027-01-04"));
        plan.steps = ["t/help-desk", "t/linux", "t/ccna"]
            .into_iter()
            .map(Step::planned)
            .collect();
        plan
    }

    fn on(plan: &Plan, today: &str) -> Progress {
        progress(plan, &schedule(&catalog(NETWORK), plan), date(today))
    }

    #[test]
    fn a_learner_is_on_track_until_a_step_passes_its_scheduled_end() {
        let plan = plan();
        assert_eq!(on(&plan, "2027-01-25").tracking, Tracking::OnTrack);
        assert_eq!(
            on(&plan, "2027-01-26").tracking,
            Tracking::Behind { days: 1, step: 0 }
        );
    }

    #[test]
    fn behind_counts_from_the_earliest_late_step() {
        let progress = on(&plan(), "2027-03-01");
        assert_eq!(progress.tracking, Tracking::Behind { days: 35, step: 0 });
        assert_eq!(progress.tracking.describe(), "behind by 35 days");
        assert_eq!(
            (progress.done, progress.total, progress.next),
            (0, 3, Some(0))
        );
    }

    #[test]
    fn done_steps_are_not_late_and_shift_the_schedule() {
        let mut plan = plan();
        plan.steps[0].status = Status::Done;
        plan.steps[0].completed = Some(date("2027-01-10"));
        // Linux now runs from the start date: 2027-01-04 to 02-01.
        let progress = on(&plan, "2027-02-01");
        assert_eq!(progress.tracking, Tracking::OnTrack);
        assert_eq!((progress.done, progress.next), (1, Some(1)));
    }

    #[test]
    fn a_plan_with_every_step_done_is_finished_and_an_empty_one_says_so() {
        let mut plan = plan();
        for step in &mut plan.steps {
            step.status = Status::Done;
        }
        assert_eq!(on(&plan, "2030-01-01").tracking, Tracking::Finished);
        plan.steps.clear();
        assert_eq!(on(&plan, "2030-01-01").tracking, Tracking::Empty);
    }

    #[test]
    fn a_step_missing_from_the_catalogs_has_no_dates_and_is_never_late() {
        let mut plan = plan();
        plan.steps = vec![Step::planned("gone/never-was")];
        assert_eq!(on(&plan, "2030-01-01").tracking, Tracking::OnTrack);
    }
}

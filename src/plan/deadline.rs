//! A plan's finish-by date: the hours the learner's pace allows until then (a limit on the
//! recommended plan, like `--max-hours`), the pace a plan would need to make the date, and
//! how many days late a plan in progress will finish.

use jiff::civil::Date;

use crate::catalog::Amount;

/// The study hours from `start` to `finish_by` at `hours_per_week`: whole days, each a
/// seventh of the week's hours (rounded down, so a plan within them ends by the date as
/// the schedule counts days). Zero when the date is not after the start.
pub fn hours_until(start: Date, finish_by: Date, hours_per_week: Amount) -> Amount {
    let days = (finish_by - start).get_days().max(0);
    Amount(i64::from(days) * hours_per_week.hundredths() / 7)
}

/// The hours a week it takes to study `hours` from `start` to `finish_by`, rounded up to a
/// half hour; `None` when the date is not after the start.
pub fn pace_needed(start: Date, finish_by: Date, hours: Amount) -> Option<Amount> {
    let days = i64::from((finish_by - start).get_days());
    if days <= 0 {
        return None;
    }
    let up = |n: i64, by: i64| (n + by - 1) / by;
    let per_week = up(hours.hundredths().max(0) * 7, days);
    Some(Amount(up(per_week, 50) * 50))
}

/// By how many days a plan with steps left will miss `finish_by`: it is scheduled to
/// finish on `finish`, and a learner `behind` days on the schedule finishes that much later.
/// `None` when it makes the date.
pub fn days_late(finish_by: Date, finish: Date, behind: i64) -> Option<i64> {
    let late = i64::from((finish - finish_by).get_days()) + behind.max(0);
    (late > 0).then_some(late)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn the_hours_until_a_date_are_the_weeks_times_the_pace() {
        // 26 weeks at 8 hours.
        let hours = hours_until(date("2027-01-04"), date("2027-07-05"), Amount(800));
        assert_eq!(hours, Amount(20_800));
        assert_eq!(
            hours_until(date("2027-01-04"), date("2027-01-04"), Amount(800)),
            Amount(0)
        );
        assert_eq!(
            hours_until(date("2027-01-04"), date("2026-01-04"), Amount(800)),
            Amount(0)
        );
    }

    #[test]
    fn the_pace_needed_rounds_up_to_half_an_hour() {
        // 300 hours in 26 weeks: 11.54 h a week, so 12.
        let pace = pace_needed(date("2027-01-04"), date("2027-07-05"), Amount(30_000));
        assert_eq!(pace, Some(Amount(1200)));
        assert_eq!(
            pace_needed(date("2027-01-04"), date("2027-01-01"), Amount(100)),
            None
        );
    }

    #[test]
    fn a_plan_is_late_by_its_schedule_and_by_how_far_behind_it_is() {
        let by = date("2027-06-30");
        // Scheduled to finish 2027-07-10: ten days late.
        assert_eq!(days_late(by, date("2027-07-10"), 0), Some(10));
        // Scheduled for 2027-06-25, but 15 days behind: ten days late.
        assert_eq!(days_late(by, date("2027-06-25"), 15), Some(10));
        assert_eq!(days_late(by, date("2027-06-25"), 5), None);
        assert_eq!(days_late(by, date("2027-06-30"), 0), None);
    }
}

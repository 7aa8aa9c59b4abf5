//! A plan's totals: what its steps cost and take, all of them and those not done yet, how
//! many steps of unknown cost or hours the sums leave out, and how many are done. The app's
//! header, the comparison, the clients, the command line's output and every export read them
//! here, and say "at least" with [`at_least`] where an unknown is left out.

use crate::catalog::{Amount, Catalog};
use crate::text::plural;

use super::{Plan, Status};

/// How many steps a plan's sums leave out because the catalogs give their cost or hours as
/// `unknown`: every step, and the steps not done yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnknownSteps {
    pub cost: usize,
    pub hours: usize,
    pub remaining_cost: usize,
    pub remaining_hours: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Cost and hours of every step the catalogs know, done or not.
    pub cost: Amount,
    pub hours: Amount,
    /// Cost and hours of the steps not done yet.
    pub remaining_cost: Amount,
    pub remaining_hours: Amount,
    /// Every step, the ones the catalogs lack included.
    pub steps: usize,
    pub done: usize,
    /// The steps of unknown cost or hours, counted as 0 in the sums above: each sum is then
    /// a floor.
    pub unknown: UnknownSteps,
}

/// `shown` as it stands when no step of the sum is unknown, else `at least {shown} (2 steps
/// of unknown {what})`: a total never reads as the whole when part of it is unknown.
pub fn at_least(shown: &str, unknown: usize, what: &str) -> String {
    if unknown == 0 {
        return shown.to_owned();
    }
    format!(
        "at least {shown} ({} of unknown {what})",
        plural(unknown, "step")
    )
}

/// [`at_least`] where room is short (the app's header, a table's cell): `≥ 120 h + 2
/// unknown`.
pub fn at_least_short(shown: &str, unknown: usize) -> String {
    if unknown == 0 {
        return shown.to_owned();
    }
    format!("≥ {shown} + {unknown} unknown")
}

/// A finish date as it stands when no step left is of unknown hours, else `not before
/// {finish} (1 step of unknown hours)`: the schedule counts an unknown as no time, so its date
/// is the earliest the plan can end.
pub fn not_before(finish: &str, unknown_hours_left: usize) -> String {
    if unknown_hours_left == 0 {
        return finish.to_owned();
    }
    format!(
        "not before {finish} ({} of unknown hours)",
        plural(unknown_hours_left, "step")
    )
}

/// [`not_before`] where room is short: `≥ 2027-03-01`.
pub fn not_before_short(finish: &str, unknown_hours_left: usize) -> String {
    if unknown_hours_left == 0 {
        return finish.to_owned();
    }
    format!("≥ {finish}")
}

/// The totals of `plan`; a step whose credential the catalogs lack counts as a step, with
/// no cost and no hours; a cost or hours `unknown` counts as 0 and in [`Totals::unknown`].
pub fn totals(catalog: &Catalog, plan: &Plan) -> Totals {
    let mut totals = Totals {
        steps: plan.steps.len(),
        ..Totals::default()
    };
    for (step, idx) in plan.steps.iter().zip(plan.step_credentials(catalog)) {
        let done = step.status == Status::Done;
        totals.done += usize::from(done);
        let Some(idx) = idx else { continue };
        let credential = catalog.credential(idx);
        let unknown = credential.unknown;
        totals.cost += credential.cost;
        totals.hours += credential.hours;
        totals.unknown.cost += usize::from(unknown.cost);
        totals.unknown.hours += usize::from(unknown.hours);
        if !done {
            totals.remaining_cost += credential.cost;
            totals.remaining_hours += credential.hours;
            totals.unknown.remaining_cost += usize::from(unknown.cost);
            totals.unknown.remaining_hours += usize::from(unknown.hours);
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Step;
    use crate::plan::fixture::{NETWORK, catalog};

    #[test]
    fn totals_count_every_known_step_and_the_ones_left() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", "2027-01-04".parse().expect("date"));
        assert_eq!(totals(&catalog, &plan), Totals::default());
        plan.steps.push(Step::planned("t/a-plus"));
        plan.steps.push(Step::planned("t/ccna"));
        plan.steps.push(Step::planned("gone/never-was"));
        plan.steps[0].status = Status::Done;
        let a_plus = catalog.credential(catalog.find_credential("t/a-plus").expect("known"));
        let ccna = catalog.credential(catalog.find_credential("t/ccna").expect("known"));
        let found = totals(&catalog, &plan);
        assert_eq!((found.steps, found.done), (3, 1));
        assert_eq!(found.cost, a_plus.cost + ccna.cost);
        assert_eq!(found.hours, a_plus.hours + ccna.hours);
        assert_eq!(found.remaining_cost, ccna.cost);
        assert_eq!(found.remaining_hours, ccna.hours);
        assert_eq!(found.unknown, UnknownSteps::default());
    }

    #[test]
    fn a_step_of_unknown_cost_or_hours_is_counted_apart_and_left_out_of_the_sums() {
        let mut catalog = catalog(NETWORK);
        let a_plus = catalog.find_credential("t/a-plus").expect("known");
        let ccna = catalog.find_credential("t/ccna").expect("known");
        catalog.credentials[a_plus.index()].unknown.cost = true;
        catalog.credentials[a_plus.index()].cost = Amount::ZERO;
        catalog.credentials[ccna.index()].unknown.hours = true;
        catalog.credentials[ccna.index()].hours = Amount::ZERO;
        let mut plan = Plan::new("alex", "2027-01-04".parse().expect("date"));
        plan.steps.push(Step::planned("t/a-plus"));
        plan.steps.push(Step::planned("t/ccna"));
        plan.steps[0].status = Status::Done;
        let found = totals(&catalog, &plan);
        assert_eq!(
            found.unknown,
            UnknownSteps {
                cost: 1,
                hours: 1,
                remaining_cost: 0,
                remaining_hours: 1,
            }
        );
        assert_eq!(found.cost, catalog.credential(ccna).cost);
        assert_eq!(found.hours, catalog.credential(a_plus).hours);
    }

    #[test]
    fn a_sum_with_unknowns_says_at_least_and_how_many() {
        assert_eq!(at_least("1240 USD", 0, "cost"), "1240 USD");
        assert_eq!(
            at_least("1240 USD", 1, "cost"),
            "at least 1240 USD (1 step of unknown cost)"
        );
        assert_eq!(
            at_least("120 h", 2, "hours"),
            "at least 120 h (2 steps of unknown hours)"
        );
        assert_eq!(at_least_short("120 h", 0), "120 h");
        assert_eq!(at_least_short("120 h", 2), "≥ 120 h + 2 unknown");
    }
}

//! A plan's totals: what its steps cost and take, all of them and those not done yet, and
//! how many are done. The app's header, the comparison and every export read them here.

use crate::catalog::{Amount, Catalog};

use super::{Plan, Status};

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
}

/// The totals of `plan`; a step whose credential the catalogs lack counts as a step, with
/// no cost and no hours.
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
        totals.cost += credential.cost;
        totals.hours += credential.hours;
        if !done {
            totals.remaining_cost += credential.cost;
            totals.remaining_hours += credential.hours;
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
    }
}

//! The recommended plan of SPEC §2: over every set of not-held, not-retired credentials
//! that can be put in a valid order, the most role requirements met within the limits, then
//! the least cost (or hours), then the other, then the fewest steps. Exact: the search is a
//! branch and bound that proves its answer (see `search`), unless a deadline stops it first,
//! which the answer then says.

mod bound;
mod chains;
mod cover;
mod goals;
#[cfg(test)]
mod late_tests;
mod lists;
mod local;
mod needs;
mod reduce;
#[cfg(test)]
mod rule_tests;
mod search;
mod settle;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unknown_tests;
mod view;

use std::time::Instant;

use crate::catalog::{Amount, Catalog, CredentialIdx, Gate, Requirement, RoleIdx};

use super::{Holdings, natural_order};

/// What the second criterion minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Objective {
    /// Least total cost, then least hours.
    #[default]
    Cost,
    /// Least total hours, then least cost.
    Hours,
}

impl Objective {
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Cost => "cost",
            Objective::Hours => "hours",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub objective: Objective,
    /// The most the plan may cost in total.
    pub budget: Option<Amount>,
    /// The most hours the plan may take in total.
    pub max_hours: Option<Amount>,
    /// The value of an hour of study (currency units), which the cost objective adds to
    /// the cost of each hour; `None` or zero: time counts as free.
    pub time_value: Option<Amount>,
    /// When to stop searching and answer with the best plan found so far, which is then
    /// not proven optimal.
    pub deadline: Option<Instant>,
    /// Stop after this many search nodes, as a deadline would: the same stop on every
    /// machine, for tests and benchmarks.
    pub max_nodes: Option<u64>,
}

/// The answer: steps in a natural valid order and the requirements left unmet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub steps: Vec<CredentialIdx>,
    /// How many of the requirements are met (held or by the steps).
    pub met: usize,
    pub unmet: Vec<Unmet>,
    pub total_cost: Amount,
    pub total_hours: Amount,
    /// False when the deadline stopped the search before it proved the answer best.
    pub optimal: bool,
    /// Not proven optimal, but proven this close: the best plan meeting as many
    /// requirements costs (or takes, by hours) at least `1 - gap` times this one. `None`
    /// when the answer is optimal, or when a plan meeting more requirements may exist.
    pub gap: Option<Gap>,
}

/// How far a plan may be from the best, in hundredths of a percent of its cost (or hours),
/// rounded up so that it never claims more than was proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap(pub u32);

impl Gap {
    /// From the plan's weight and a lower bound on the best.
    pub(crate) fn between(best: i64, lower: i64) -> Gap {
        if best <= 0 {
            return Gap(0);
        }
        let over = (best - lower.max(0)).max(0).unsigned_abs();
        let basis = (u128::from(over) * 10_000).div_ceil(u128::from(best.unsigned_abs()));
        Gap(u32::try_from(basis.min(10_000)).unwrap_or(10_000))
    }

    /// As a fraction: 0.03 for 3%.
    pub fn fraction(self) -> f64 {
        f64::from(self.0) / 10_000.0
    }

    /// `within 3% of the best plan meeting as many requirements`: what was proven.
    pub fn within(self) -> String {
        format!(
            "within {} of the best plan meeting as many requirements",
            self.percent()
        )
    }

    /// `3%`, `0.25%`, `12.5%`: for people.
    pub fn percent(self) -> String {
        let exact = format!("{}.{:02}", self.0 / 100, self.0 % 100);
        format!("{}%", exact.trim_end_matches('0').trim_end_matches('.'))
    }
}

impl Recommendation {
    /// Every requirement is met.
    pub fn is_complete(&self) -> bool {
        self.unmet.is_empty()
    }
}

/// A requirement the recommendation does not meet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    /// Its position among the requirements asked for (a role's skills, then its `requires`).
    pub index: usize,
    pub requirement: Requirement,
    pub reason: UnmetReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnmetReason {
    /// It needs work experience the learner does not have and is not gaining: the gate,
    /// and the months they have in its field.
    Experience { gate: Gate, months: u32 },
    /// No credential in the catalogs teaches the skill.
    NotTaught,
    /// Only retired credentials would meet it.
    Retired,
    /// The credentials that would meet it have prerequisites that can never be met.
    Unobtainable,
    /// Meeting it does not fit the budget or hour limit (with the rest of the plan).
    Limits,
}

impl UnmetReason {
    /// Why, in words, for a user.
    pub fn explain(self, catalog: &Catalog) -> String {
        match self {
            UnmetReason::Experience { gate, months } => format!(
                "needs {}; you have {months}, not accruing",
                catalog.describe_gate(gate)
            ),
            UnmetReason::NotTaught => "no credential teaches it".to_owned(),
            UnmetReason::Retired => "only retired credentials meet it".to_owned(),
            UnmetReason::Unobtainable => {
                "the credentials that meet it have prerequisites that cannot be met".to_owned()
            }
            UnmetReason::Limits => "it does not fit within the budget or hour limit".to_owned(),
        }
    }
}

/// For measuring only (`examples/trap_lp.rs`): the bound of the linear relaxation with both
/// limits (see `bound::lp`) at the root of the search for `role`, on the weight of a set
/// meeting `met` requirements and weighing at most `best` (hundredths of the objective's
/// measure), and how long it took.
#[doc(hidden)]
pub fn lp_root_bound(
    catalog: &Catalog,
    role: RoleIdx,
    have: &Holdings,
    options: &Options,
    (met, best): (usize, i64),
) -> (i64, std::time::Duration) {
    let problem = reduce::reduce(
        catalog,
        &catalog.role(role).requirements,
        have,
        &[],
        options,
    );
    let below = reduce::Weight {
        primary: best,
        secondary: i64::MAX,
        steps: i64::MAX,
    };
    let (bound, took) = bound::lp::at_root(&problem, (met, below), options.deadline);
    (bound.primary, took)
}

/// The recommended plan for a role, for a learner who has `have`.
pub fn recommend(
    catalog: &Catalog,
    role: RoleIdx,
    have: &Holdings,
    options: &Options,
) -> Recommendation {
    cheapest_path(
        catalog,
        &catalog.role(role).requirements,
        have,
        &[],
        options,
    )
}

/// The best set of credentials, never `forbidden` ones, that meets the most of `goals` (then
/// least cost/hours, then fewest), in a natural valid order after `have`.
pub fn cheapest_path(
    catalog: &Catalog,
    goals: &[Requirement],
    have: &Holdings,
    forbidden: &[CredentialIdx],
    options: &Options,
) -> Recommendation {
    let problem = reduce::reduce(catalog, goals, have, forbidden, options);
    let stop = search::Stop {
        deadline: options.deadline,
        nodes: options.max_nodes,
    };
    let solution = search::solve(&problem, stop);
    let (optimal, lower) = match problem.left_out_from {
        None => (solution.optimal, solution.lower),
        // The search saw only what settled before the deadline: a plan with anything else
        // weighs at least what was left out. When the answer meets every open goal, nothing
        // meets more.
        Some(left_out) => {
            let seen = if solution.optimal {
                Some(solution.weight)
            } else {
                solution.lower
            };
            let every_open_goal = problem.open.iter().all(|(_, supporters)| {
                supporters
                    .iter()
                    .any(|s| solution.items.binary_search(s).is_ok())
            });
            let lower = seen
                .filter(|_| every_open_goal)
                .map(|seen| seen.min(left_out));
            // Proven among what settled, and lighter than anything left out: the best.
            let proven = solution.optimal && every_open_goal && solution.weight < left_out;
            (proven, lower.filter(|_| !proven))
        }
    };
    let gap = lower.map(|lower| Gap::between(solution.weight.primary, lower.primary));
    // Groups are no step, and stacks are awarded, not taken.
    let chosen: Vec<CredentialIdx> = solution
        .items
        .iter()
        .filter_map(|&item| problem.items[item as usize].credential)
        .filter(|&idx| !catalog.credential(idx).stack)
        .collect();
    let steps = natural_order(catalog, have, &chosen)
        .expect("the search only answers with sets that have a valid order");
    let mut after = have.clone();
    for &step in &steps {
        after.add_credential(catalog, step);
    }
    let unmet: Vec<Unmet> = goals
        .iter()
        .enumerate()
        .filter(|(_, goal)| !after.satisfies(goal))
        .map(|(index, goal)| Unmet {
            index,
            requirement: goal.clone(),
            reason: problem.impossible[index].unwrap_or(UnmetReason::Limits),
        })
        .collect();
    Recommendation {
        met: goals.len() - unmet.len(),
        unmet,
        total_cost: steps.iter().map(|&c| catalog.credential(c).cost).sum(),
        total_hours: steps.iter().map(|&c| catalog.credential(c).hours).sum(),
        steps,
        optimal,
        gap,
    }
}

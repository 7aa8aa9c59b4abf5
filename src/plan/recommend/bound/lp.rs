//! Bounds from a linear relaxation that sees both limits at once and, through each item's
//! chain, order (see [`model`]): per subset `M` of the bounded goals, a lower bound on the
//! primary weight of any valid set within the budget and the hour limit that meets every
//! goal of `M`. The cover bounds ignore order, and the problem without its limits
//! (`relaxed`) ignores the limits; this one sees both, fractionally. Its value is computed
//! from multipliers the LP solver proposes (see [`dual`]), so it is a lower bound whatever
//! the solver's rounding.
//!
//! As in `relaxed`, the subsets of as many goals as the best set found, `W`, are solved over
//! the items that may be in a set as light (an item weighs at least its
//! `with_prerequisites` in any valid set), the bound being the lesser of `W` and the LP's;
//! larger subsets over every item. A subset holding another weighs at least as much.
//!
//! From the same multipliers, when a better set must meet every goal (the best found does),
//! each item's bound with it in the set rules out the items that no better set can hold
//! (reduced-cost fixing, see [`Lp::out`]).

use std::time::{Duration, Instant};

use crate::plan::recommend::chains::NEVER;
use crate::plan::recommend::reduce::{Problem, Weight};

mod dual;
mod model;
#[cfg(test)]
mod tests;

use model::{Measures, model};

/// Each LP stops after this long when no deadline gives it less.
const MOST_TIME: Duration = Duration::from_secs(10);

/// Per subset of bounded goals, a lower bound on the weight of any valid set within the
/// limits meeting every goal of it.
#[derive(Debug, Clone)]
pub(in crate::plan::recommend) struct Lp {
    table: Vec<Weight>,
    /// The items that no set better than the best found can hold (see [`Lp::out`]).
    out: Vec<bool>,
}

impl Lp {
    /// Solves the subsets of the first `goals` goals with at least `least_goals` goals,
    /// largest first, until `deadline`. `below` is the weight of the best set found within
    /// the limits, which meets `least_goals` goals.
    pub(super) fn new(
        problem: &Problem,
        goals: usize,
        (least_goals, below): (usize, Weight),
        deadline: Option<Instant>,
    ) -> Lp {
        let measures = Measures::new(problem);
        let size = 1usize << goals;
        let mut table = vec![Weight::default(); size];
        let mut masks: Vec<u32> = (1..size as u32)
            .filter(|m| m.count_ones() as usize >= least_goals.max(1))
            .collect();
        masks.sort_by_key(|&m| (std::cmp::Reverse(m.count_ones()), m));
        let light = kept(problem, below, &measures);
        let mut every: Option<Vec<bool>> = None;
        let mut out = vec![false; problem.items.len()];
        // Only when a better set must meet every goal: one that meets fewer never beats it,
        // and none meets more.
        let every_goal = (size - 1) as u32;
        let fixing = goals == problem.open.len() && least_goals == goals;
        for (done, &mask) in masks.iter().enumerate() {
            let time = match deadline {
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    left / (masks.len() - done) as u32
                }
                None => MOST_TIME,
            };
            let (kept, below) = if mask.count_ones() as usize > least_goals {
                let every = every.get_or_insert_with(|| kept(problem, Weight::INFINITE, &measures));
                (&*every, Weight::INFINITE)
            } else {
                (&light, below)
            };
            let fix = (fixing && mask == every_goal).then_some((below, &mut out));
            table[mask as usize] = least(problem, kept, mask, &measures, time, fix).min(below);
        }
        // A subset holding another weighs at least as much.
        for g in 0..goals {
            for mask in 0..size {
                if mask & (1 << g) != 0 {
                    table[mask] = table[mask].max(table[mask & !(1 << g)]);
                }
            }
        }
        Lp { table, out }
    }

    /// Whether no set better than the best found (then) can hold `item`: a better set meets
    /// every goal, and with `item` the LP's bound is above the best found.
    pub fn out(&self, item: usize) -> bool {
        self.out[item]
    }

    /// A lower bound on the weight of any valid set within the limits that meets every goal
    /// of `mask`.
    pub fn least(&self, mask: u32) -> Weight {
        self.table[mask as usize]
    }
}

/// The LP's bound for the goals of `mask` over the items `kept` (`INFINITE`: no set of them
/// meets the goals within the limits; nothing: the solver proposed nothing in `time`). With
/// `fix`, marks out each item whose bound with it is above `below`: no set meeting the goals
/// and holding it weighs `below` or less.
fn least(
    problem: &Problem,
    kept: &[bool],
    mask: u32,
    measures: &Measures,
    time: Duration,
    fix: Option<(Weight, &mut Vec<bool>)>,
) -> Weight {
    let Some(model) = model(problem, kept, mask, measures) else {
        return Weight::INFINITE;
    };
    let Some(bound) = dual::bounds(&model, time) else {
        return Weight::default();
    };
    if let Some((below, out)) = fix {
        for (i, out) in out.iter_mut().enumerate() {
            // An item not kept weighs more than `below` with what it needs first.
            *out = model.var[i] == usize::MAX || bound.with[model.var[i]] > below.primary;
        }
    }
    if bound.least == i64::MAX {
        return Weight::INFINITE;
    }
    Weight {
        primary: bound.least,
        ..Weight::default()
    }
}

/// Which items may be in a valid set within the limits of weight `below` at most: those
/// whose chains (the least total with what they need first) fit, and whose every
/// requirement such items can meet.
fn kept(problem: &Problem, below: Weight, measures: &Measures) -> Vec<bool> {
    let within =
        |chain: i64, limit: Option<i64>| chain != NEVER && limit.is_none_or(|l| chain <= l);
    let mut keep: Vec<bool> = (0..problem.items.len())
        .map(|i| {
            problem.items[i].with_prerequisites <= below
                && within(measures.primary.item[i], None)
                && within(measures.cost.item[i], problem.budget)
                && within(measures.hours.item[i], problem.max_hours)
        })
        .collect();
    loop {
        let mut changed = false;
        for e in 0..keep.len() {
            if keep[e]
                && !problem
                    .supporters(e as u32)
                    .all(|supporters| supporters.iter().any(|&s| keep[s as usize]))
            {
                keep[e] = false;
                changed = true;
            }
        }
        if !changed {
            return keep;
        }
    }
}

/// The LP's bound at the root of a search of `problem`, for a set meeting `least_goals` of
/// the bounded goals and weighing at most `below`, and how long the LPs took.
pub(in crate::plan::recommend) fn at_root(
    problem: &Problem,
    (least_goals, below): (usize, Weight),
    deadline: Option<Instant>,
) -> (Weight, Duration) {
    let started = Instant::now();
    let goals = problem.open.len().min(super::MAX_GOALS);
    let least_goals = least_goals.saturating_sub(problem.open.len() - goals);
    let lp = Lp::new(problem, goals, (least_goals, below), deadline);
    let bound = (1..1u32 << goals)
        .filter(|m| m.count_ones() as usize >= least_goals)
        .map(|m| lp.least(m))
        .min()
        .unwrap_or_default();
    (bound, started.elapsed())
}

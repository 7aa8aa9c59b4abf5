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
//! From the same multipliers, each item's bound with it in the set rules out the items that
//! no set better than the best found can hold, whether the best meets every goal or fewer
//! (reduced-cost fixing, see [`Fixing`] and [`Lp::out`]). Solved again once the best is
//! better, the stronger of the two solves is kept ([`Lp::keep_stronger`]).

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
    /// Every subset asked for was solved (see [`Lp::whole`]).
    whole: bool,
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
        // Items are ruled out only when every goal is bounded, so that the subsets solved
        // are every set of goals a better set may meet (see [`Fixing`]).
        let mut fixing = (goals == problem.open.len() && least_goals > 0)
            .then(|| Fixing(vec![true; problem.items.len()]));
        let mut whole = true;
        for (done, &mask) in masks.iter().enumerate() {
            let time = match deadline {
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        whole = false;
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
            // A better set meeting more goals than the best may weigh anything within the
            // limits: only a subset it cannot meet with the item rules the item out.
            let above = if below == Weight::INFINITE {
                i64::MAX - 1
            } else {
                below.primary
            };
            let fix = fixing.as_mut().map(|fixing| (above, fixing));
            match least(problem, kept, mask, &measures, time, fix) {
                Some(bound) => table[mask as usize] = bound.min(below),
                None => whole = false,
            }
        }
        let out = match fixing {
            Some(Fixing(out)) if whole => out,
            _ => vec![false; problem.items.len()],
        };
        // A subset holding another weighs at least as much.
        for g in 0..goals {
            for mask in 0..size {
                if mask & (1 << g) != 0 {
                    table[mask] = table[mask].max(table[mask & !(1 << g)]);
                }
            }
        }
        Lp { table, out, whole }
    }

    /// Keeps the stronger of this and `later`, solved when the best set found was at least as
    /// good: each bound holds for any set meeting its goals, and an item ruled out beside
    /// the best of then is out beside a better one too.
    pub fn keep_stronger(&mut self, later: Lp) {
        for (bound, later) in self.table.iter_mut().zip(later.table) {
            *bound = (*bound).max(later);
        }
        for (out, later) in self.out.iter_mut().zip(later.out) {
            *out |= later;
        }
        self.whole |= later.whole;
    }

    /// Whether every subset of the goals bounded that a better set than the best found (at
    /// a solve) may meet has a bound from the LP: none was cut short by the deadline or left
    /// without an answer by the solver.
    pub fn whole(&self) -> bool {
        self.whole
    }

    /// Whether no set better than the best found (then) can hold `item` (see [`Fixing`]).
    pub fn out(&self, item: usize) -> bool {
        self.out[item]
    }

    /// A lower bound on the weight of any valid set within the limits that meets every goal
    /// of `mask`.
    pub fn least(&self, mask: u32) -> Weight {
        self.table[mask as usize]
    }
}

/// Items ruled out of every set better than the best found, `W`, which meets `least_goals`
/// goals. A better set meets some set `G` of at least that many goals (all bounded): with
/// exactly that many, it weighs less than `W` and is a solution of the LP of `G` over the
/// items that may be in a set as light; with more, it is one of the LP of `G` over every
/// item. So an item is ruled out when, for every such `G`, the LP's bound with the item at
/// 1 is above `W` (exactly as many goals) or proves no solution (more), or the item is not
/// in `G`'s model at all. Each subset solved clears `out` where it cannot rule an item out.
/// Unless every such subset is solved, no item is ruled out.
#[derive(Debug)]
struct Fixing(Vec<bool>);

/// The LP's bound for the goals of `mask` over the items `kept` (`INFINITE`: no set of them
/// meets the goals within the limits; `None`: the solver proposed nothing in `time`). With
/// `fix`, keeps an item ruled out only when its bound with it is above the weight given (see
/// [`Fixing`]).
fn least(
    problem: &Problem,
    kept: &[bool],
    mask: u32,
    measures: &Measures,
    time: Duration,
    fix: Option<(i64, &mut Fixing)>,
) -> Option<Weight> {
    let Some(model) = model(problem, kept, mask, measures) else {
        // No set of these items meets the goals: every item stays ruled out here.
        return Some(Weight::INFINITE);
    };
    let bound = dual::bounds(&model, time)?;
    if let Some((above, fixing)) = fix {
        for (i, out) in fixing.0.iter_mut().enumerate() {
            // An item not kept is in no solution of this subset's model.
            *out &= model.var[i] == usize::MAX || bound.with[model.var[i]] > above;
        }
    }
    if bound.least == i64::MAX {
        return Some(Weight::INFINITE);
    }
    Some(Weight {
        primary: bound.least,
        ..Weight::default()
    })
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

//! The budget and the hour limit, checked with what each item needs first.

use std::time::Instant;

use super::{Search, Stop};
use crate::plan::recommend::chains::Chains;
use crate::plan::recommend::reduce::{Problem, Weight};

/// The searches without limits get at most this share of the time left...
const RELAXED_SHARE: u32 = 3;

/// ...and each of them stops after this many nodes.
const RELAXED_NODES: u64 = 100_000;

/// After this many nodes (most easy searches end before it) a search with limits bounds the
/// rest by the linear relaxation with both limits (see `bound::lp`), given at most this share
/// of the time left.
const LP_AFTER: u64 = 1024;
const LP_SHARE: u32 = 4;

/// Once the best set is better than when the LP was last solved, it is solved again after
/// as many nodes as then, or this many, whichever comes first.
const LP_AGAIN_AFTER: u64 = 2_048;

/// What the budget and the hour limit allow, with what each item needs first.
pub(super) struct Limits {
    cost: Option<(i64, Chains)>,
    hours: Option<(i64, Chains)>,
    /// How many goals the best set met when the problem without the limits was last solved.
    relaxed_met: Option<usize>,
    /// The node at which the linear relaxation was last solved, and the best set's goals
    /// met and weight then.
    lp_at: Option<(u64, usize, Weight)>,
}

impl Limits {
    pub(super) fn new(problem: &Problem) -> Limits {
        let items = &problem.items;
        Limits {
            cost: problem
                .budget
                .map(|b| (b, Chains::new(problem, |i| items[i].cost))),
            hours: problem
                .max_hours
                .map(|h| (h, Chains::new(problem, |i| items[i].hours))),
            relaxed_met: None,
            lp_at: None,
        }
    }

    /// The chains of the cost and of the hours, for the measures that have a limit.
    pub(super) fn chains(&self) -> (Option<&Chains>, Option<&Chains>) {
        (
            self.cost.as_ref().map(|(_, chains)| chains),
            self.hours.as_ref().map(|(_, chains)| chains),
        )
    }
}

impl Search<'_> {
    /// With a budget or an hour limit, at their nodes, bounds the rest of the search by the
    /// linear relaxation and by the problem without its limits (see [`Search::relaxed_due`]);
    /// the unit tests solve both at the first node, so that they check them too.
    pub(super) fn add_relaxations(&mut self) {
        if self.problem.budget.is_none() && self.problem.max_hours.is_none() {
            return;
        }
        let (lp_now, relaxed_now) = if cfg!(test) {
            (1, 1)
        } else {
            (LP_AFTER, super::RELAXED_AFTER)
        };
        if self.nodes == lp_now || self.lp_due() {
            self.add_lp();
        }
        if self.relaxed_due(relaxed_now) {
            self.add_relaxed();
        }
    }

    /// Whether to solve the linear relaxation again: the best set is better than when it
    /// was last solved (so it may rule out more), and the search has gone on as long again
    /// since, or `LP_AGAIN_AFTER` nodes, so that the solves take a bounded share of it.
    fn lp_due(&self) -> bool {
        (self.limits.lp_at).is_some_and(|(nodes, met, weight)| {
            self.nodes >= nodes + nodes.min(LP_AGAIN_AFTER)
                && super::better((self.best_met, self.best_weight), (met, weight))
        })
    }

    /// A deadline `share` of the time left from now (none without one).
    fn share_of_time_left(&self, share: u32) -> Option<Instant> {
        let now = Instant::now();
        (self.stop.deadline).map(|d| now + d.saturating_duration_since(now) / share)
    }

    /// Bounds the rest of the search by the linear relaxation with both limits.
    fn add_lp(&mut self) {
        self.limits.lp_at = Some((self.nodes, self.best_met, self.best_weight));
        let deadline = self.share_of_time_left(LP_SHARE);
        self.bound
            .add_lp(self.problem, (self.best_met, self.best_weight), deadline);
    }

    /// Whether to solve the problem without the limits at this node: at node `first`, and
    /// again whenever the best set meets more goals than when it last was (the subsets of
    /// as many goals as it meets were then searched without a price on the limits, if at all).
    /// Not once the linear relaxation has bounded every subset a better set may meet: on the
    /// trap catalogs it then took a third of the time left and proved nothing more (see
    /// docs/performance.md); it stays for a search whose LP was cut short or too large to
    /// solve. The unit tests solve it all the same, so that they check it with the LP.
    fn relaxed_due(&self, first: u64) -> bool {
        let lp_whole = matches!(&self.bound.lp, Some(lp) if lp.whole());
        (!lp_whole || cfg!(test))
            && (self.nodes == first
                || (self.limits.relaxed_met).is_some_and(|met| met < self.best_met))
    }

    /// Bounds the rest of the search by the problem without its limits (again, when the best
    /// set meets more goals than when it last did), and takes the best
    /// set found there that fits them when it beats the best so far (as the first answer
    /// does: a set as good found by the search replaces it).
    fn add_relaxed(&mut self) {
        self.limits.relaxed_met = Some(self.best_met);
        let stop = Stop {
            deadline: self.share_of_time_left(RELAXED_SHARE),
            nodes: Some(self.stop.nodes.unwrap_or(RELAXED_NODES).min(RELAXED_NODES)),
        };
        for (items, weight) in
            self.bound
                .add_relaxed(self.problem, (self.best_met, self.best_weight), stop)
        {
            let met = self.problem.open.iter().filter(|(_, supporters)| {
                supporters.iter().any(|s| items.binary_search(s).is_ok())
            });
            let met = met.count();
            if self.beats_best(met, weight) {
                self.seeded = true;
                self.best_met = met;
                self.best_weight = weight;
                self.best_items = items;
            }
        }
    }

    /// Whether an item could still join the set: not in it, not excluded, not ruled out by
    /// the linear relaxation (see `bound::lp`), and within the
    /// limits together with the set and the least that each of its requirements the set
    /// does not meet adds, and together with the least it needs first.
    pub(super) fn available(&self, item: u32) -> bool {
        let i = item as usize;
        if self.in_set[i] || self.excluded[i] || self.bound.lp.as_ref().is_some_and(|lp| lp.out(i))
        {
            return false;
        }
        let it = &self.problem.items[i];
        let fits = |limit: &Option<(i64, Chains)>, so_far: i64, own: i64| {
            let Some((most, chains)) = limit else {
                return true;
            };
            if chains.item[i] > *most || so_far + own > *most {
                return false;
            }
            let mut needed = 0;
            for slot in it.requirements.clone() {
                let least = chains.least_own[slot];
                if least > needed && !self.has_member(&self.problem.requirements[slot], |_| true) {
                    needed = least;
                }
            }
            so_far + own + needed <= *most
        };
        fits(&self.limits.cost, self.cost, it.cost)
            && fits(&self.limits.hours, self.hours, it.hours)
            && self.bound.priced.as_ref().is_none_or(|priced| {
                priced.admits(
                    i,
                    (it.cost, it.hours),
                    (self.cost, self.hours),
                    it.requirements.clone(),
                    |slot| !self.has_member(&self.problem.requirements[slot], |_| true),
                )
            })
    }
}

//! Bounds from the same problem without its limits. A set within a budget and an hour limit
//! is also a set of the problem without them, so the least weight of a valid set meeting
//! every goal of `M` there, which the search itself finds (and on these problems proves far
//! faster, as nothing decides which goals to give up), bounds the weight of any set within
//! the limits that meets them. Where the cover bounds count each credential without what it
//! needs first, this is exact up to the limits: when the best set without limits fits them,
//! it is the best set with them too.
//!
//! Each subset's search is set up as a search without limits is (see [`restrict`]): only the
//! items that can help meet its goals, of them only those that may be in a set lighter than
//! the best found with the limits, `W` (an item weighs at least its `with_prerequisites` in
//! any valid set), and then only those that may be in a set as light as the first answer
//! without limits, counting what the goals they do not meet add. A set meeting the goals is
//! either at least that cutoff or within those items, so the lesser of the cutoff and what
//! the search proves bounds it; over a few hundred items instead of over every item light
//! enough for `W`, these searches prove in milliseconds what took them seconds.
//!
//! Solved per subset of the bounded goals, every goal first, then the subsets one goal
//! smaller, down to as many goals as the best set found meets (a set meeting fewer never
//! ties it), as far as the time and node limits given allow (the larger subsets, which are
//! there to find sets meeting more goals within the limits, at most half the time left each);
//! a subset not solved bounds nothing, a subset solved only in part bounds by what its
//! search proved. A subset holding another weighs at least as much, so each subset then
//! takes the largest of its subsets'.

use std::time::Instant;

use crate::plan::recommend::reduce::{Problem, Weight};
use crate::plan::recommend::search::{Stop, solve};
use priced::{Other, priced};
use restrict::{cut_down, restrict};

/// The most subsets solved, each a search of its own.
const MOST_SOLVES: usize = 64;

/// Per subset of bounded goals, a lower bound on the weight of any valid set within the
/// limits meeting every goal of it.
#[derive(Debug, Clone)]
pub(in crate::plan::recommend) struct Relaxed {
    table: Vec<Weight>,
    /// Sets found on the way that fit both limits: (sorted items, their weight).
    pub found: Vec<(Vec<u32>, Weight)>,
}

impl Relaxed {
    /// Solves the subsets of the first `goals` goals with at least `least_goals` goals,
    /// largest first, each search stopped by `stop` (and the whole after [`MOST_SOLVES`]).
    /// `below` is the weight of the best set found within the limits, which meets
    /// `least_goals` goals: the subsets of that many are searched over the items that may be
    /// in a set as light, the larger ones (which no set found meets) over every item.
    pub(super) fn new(
        problem: &Problem,
        goals: usize,
        (least_goals, below): (usize, Weight),
        stop: Stop,
    ) -> Relaxed {
        let size = 1usize << goals;
        let mut table = vec![Weight::default(); size];
        let mut found = Vec::new();
        let mut masks: Vec<u32> = (1..size as u32)
            .filter(|m| m.count_ones() as usize >= least_goals.max(1))
            .collect();
        masks.sort_by_key(|&m| (std::cmp::Reverse(m.count_ones()), m));
        for mask in masks.into_iter().take(MOST_SOLVES) {
            if stop.deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
            let more = mask.count_ones() as usize > least_goals;
            let (below, stop) = if more {
                // There to find sets that meet more goals: it leaves the subsets of as many
                // goals as the best set, whose bounds the search needs, half the time left.
                let now = Instant::now();
                let half = stop
                    .deadline
                    .map(|d| now + d.saturating_duration_since(now) / 2);
                (
                    Weight::INFINITE,
                    Stop {
                        deadline: half,
                        ..stop
                    },
                )
            } else {
                (below, stop)
            };
            let (bound, fits) = solve_subset(problem, (mask, below), stop);
            table[mask as usize] = bound.min(below);
            found.extend(fits);
        }
        // A subset holding another weighs at least as much.
        for g in 0..goals {
            for mask in 0..size {
                if mask & (1 << g) != 0 {
                    table[mask] = table[mask].max(table[mask & !(1 << g)]);
                }
            }
        }
        Relaxed { table, found }
    }

    /// A lower bound on the weight of any valid set within the limits that meets every goal
    /// of `mask`.
    pub fn least(&self, mask: u32) -> Weight {
        self.table[mask as usize]
    }
}

/// The bound for the goals of `mask` of any set lighter than `below`, from searches without
/// limits, and the sets found that meet them all within the limits of `problem`, as sorted
/// items of `problem` with their weights.
///
/// The items are cut down as the set-up of a search without limits cuts them (see
/// [`restrict`]): first to those that may be in a set as light as `below`; then a first
/// answer without limits (the search's own, before its first node) gives a cutoff, the
/// lesser of it and `below`, and the search proper runs over the items that may be in a set
/// as light as that, counting for each what the goals it does not meet add (see
/// [`others_share`]). When the least set without limits breaks the limit on the measure that
/// is not the weight, the searches go on with that measure priced into the weight (see
/// [`priced`]), over the items that may be in a set as light as `below`.
fn solve_subset(
    problem: &Problem,
    (mask, below): (u32, Weight),
    stop: Stop,
) -> (Weight, Vec<(Vec<u32>, Weight)>) {
    let (light, kept) = restrict(problem, mask, |e| {
        problem.items[e].with_prerequisites <= below
    });
    if light
        .open
        .iter()
        .any(|(_, supporters)| supporters.is_empty())
    {
        // No item light enough meets one of them.
        return (Weight::INFINITE, Vec::new());
    }
    let (least, within_light, cutoff) = cut_down(&light, below, stop);
    let to_problem = |items: &[u32], numbers: &[u32]| {
        let mut items: Vec<u32> = items
            .iter()
            .map(|&i| kept[numbers[i as usize] as usize])
            .collect();
        items.sort_unstable();
        items
    };
    let every: Vec<u32> = (0..light.items.len() as u32).collect();
    let first = search(&least, stop);
    let mut found = Vec::new();
    if first.meets_all && fits(problem, first.cost, first.hours) {
        found.push((to_problem(&first.items, &within_light), first.weight));
    }
    let mut bound = first.bound.min(cutoff);
    if let Some(other) = Other::of(problem)
        && first.meets_all
        && bound < below
        && below != Weight::INFINITE
        && other.measure(first.cost, first.hours) > other.limit
    {
        let line = (first.weight.primary, other.measure(first.cost, first.hours));
        let (least, more) = priced(&light, problem, (other, below.primary, line), stop);
        bound = bound.max(Weight {
            primary: least,
            ..Weight::default()
        });
        found.extend(
            more.into_iter()
                .map(|(items, weight)| (to_problem(&items, &every), weight)),
        );
    }
    (bound, found)
}

/// What one search without limits found.
pub(super) struct Searched {
    /// A lower bound on the weight of any set meeting every goal (`INFINITE`: none does).
    pub bound: Weight,
    pub items: Vec<u32>,
    pub weight: Weight,
    pub meets_all: bool,
    pub cost: i64,
    pub hours: i64,
}

/// Searches `relaxed` (no limits) for the least set meeting every goal.
pub(super) fn search(relaxed: &Problem, stop: Stop) -> Searched {
    let solution = solve(relaxed, stop);
    let meets_all = relaxed.open.iter().all(|(_, supporters)| {
        supporters
            .iter()
            .any(|s| solution.items.binary_search(s).is_ok())
    });
    let bound = if !meets_all {
        // Proven: no set meets them all. Not proven: nothing is known.
        if solution.optimal {
            Weight::INFINITE
        } else {
            Weight::default()
        }
    } else if solution.optimal {
        solution.weight
    } else {
        solution.lower.unwrap_or_default()
    };
    let (cost, hours) = solution.items.iter().fold((0i64, 0i64), |(c, h), &i| {
        let item = &relaxed.items[i as usize];
        (c.saturating_add(item.cost), h.saturating_add(item.hours))
    });
    Searched {
        bound,
        items: solution.items,
        weight: solution.weight,
        meets_all,
        cost,
        hours,
    }
}

/// Whether a set of this cost and these hours fits the limits of `problem`.
pub(super) fn fits(problem: &Problem, cost: i64, hours: i64) -> bool {
    problem.budget.is_none_or(|b| cost <= b) && problem.max_hours.is_none_or(|h| hours <= h)
}

mod priced;
mod restrict;
#[cfg(test)]
mod tests;

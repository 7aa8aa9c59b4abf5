//! Bounds from the same problem without its limits. A set within a budget and an hour limit
//! is also a set of the problem without them, so the least weight of a valid set meeting
//! every goal of `M` there, which the search itself finds (and on these problems proves far
//! faster, as nothing decides which goals to give up), bounds the weight of any set within
//! the limits that meets them. Where the cover bounds count each credential without what it
//! needs first, this is exact up to the limits: when the best set without limits fits them,
//! it is the best set with them too.
//!
//! Each search sees only the items that may be in a set lighter than the best found with the
//! limits, `W` (an item weighs at least its `with_prerequisites` in any valid set): a set
//! meeting the goals is either at least `W` or within those items, so the lesser of `W` and
//! what the search proves bounds it, and the searches stay as small as the ones without
//! limits, which the set-up cuts the same way.
//!
//! Solved per subset of the bounded goals, every goal first, then the subsets one goal
//! smaller, down to as many goals as the best set found meets (a set meeting fewer never
//! ties it), as far as the time and node limits given allow; a subset not solved bounds
//! nothing, a subset solved only in part bounds by what its search proved. A subset holding
//! another weighs at least as much, so each subset then takes the largest of its subsets'.

use std::time::Instant;

use crate::plan::recommend::lists::Lists;
use crate::plan::recommend::reduce::{Problem, Weight};
use crate::plan::recommend::search::{Stop, solve};
use priced::{Other, priced};

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
        let light = lighter(problem, below);
        let mut every: Option<(Problem, Vec<u32>)> = None;
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
            let ((light, kept), below) = if mask.count_ones() as usize > least_goals {
                let every = every.get_or_insert_with(|| lighter(problem, Weight::INFINITE));
                (&*every, Weight::INFINITE)
            } else {
                (&light, below)
            };
            let (bound, fits) = solve_subset(light, problem, (mask, below), stop);
            table[mask as usize] = bound.min(below);
            found.extend(fits.into_iter().map(|(items, weight)| {
                let mut items: Vec<u32> = items.iter().map(|&i| kept[i as usize]).collect();
                items.sort_unstable();
                (items, weight)
            }));
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

/// The problem without its limits and with only the items whose `with_prerequisites` is at
/// most `below` and whose every requirement such items can meet; and, per item kept, its
/// number in `problem`. A goal none of them supports keeps no supporters.
fn lighter(problem: &Problem, below: Weight) -> (Problem, Vec<u32>) {
    let n = problem.items.len();
    let mut keep: Vec<bool> = problem
        .items
        .iter()
        .map(|item| item.with_prerequisites <= below)
        .collect();
    // An item with a requirement that no kept item meets can never be had.
    loop {
        let mut changed = false;
        for e in 0..n {
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
            break;
        }
    }
    let kept: Vec<u32> = (0..n as u32).filter(|&e| keep[e as usize]).collect();
    let mut renumbered = vec![u32::MAX; n];
    for (new, &old) in kept.iter().enumerate() {
        renumbered[old as usize] = new as u32;
    }
    let within = |supporters: &[u32]| -> Vec<u32> {
        supporters
            .iter()
            .filter(|&&s| keep[s as usize])
            .map(|&s| renumbered[s as usize])
            .collect()
    };
    let mut requirements = Lists::default();
    let mut items = Vec::with_capacity(kept.len());
    for &old in &kept {
        let mut item = problem.items[old as usize].clone();
        let start = requirements.len();
        for supporters in problem.supporters(old) {
            requirements.push(&within(supporters));
        }
        item.requirements = start..requirements.len();
        items.push(item);
    }
    let open = problem
        .open
        .iter()
        .map(|(goal, supporters)| (*goal, within(supporters)))
        .collect();
    let light = Problem {
        items,
        requirements,
        open,
        impossible: problem.impossible.clone(),
        budget: None,
        max_hours: None,
        left_out_from: problem.left_out_from,
    };
    (light, kept)
}

/// The bound for the goals of `mask` from searches of `light` (see [`lighter`]), and the
/// sets found that meet them all within the limits of `problem`. When the least set without
/// limits breaks the limit on the measure that is not the weight, the searches go on with
/// that measure priced into the weight (see [`priced`]).
fn solve_subset(
    light: &Problem,
    problem: &Problem,
    (mask, below): (u32, Weight),
    stop: Stop,
) -> (Weight, Vec<(Vec<u32>, Weight)>) {
    let wanted: Vec<(usize, Vec<u32>)> = light
        .open
        .iter()
        .enumerate()
        .filter(|&(g, _)| mask & (1 << g) != 0)
        .map(|(_, goal)| goal.clone())
        .collect();
    if wanted.iter().any(|(_, supporters)| supporters.is_empty()) {
        // No item light enough meets one of them.
        return (Weight::INFINITE, Vec::new());
    }
    let relaxed = Problem {
        open: wanted,
        ..light.clone()
    };
    let first = search(&relaxed, stop);
    let mut found = Vec::new();
    if first.meets_all && fits(problem, first.cost, first.hours) {
        found.push((first.items.clone(), first.weight));
    }
    let mut bound = first.bound;
    if let Some(other) = Other::of(problem)
        && first.meets_all
        && bound < below
        && below != Weight::INFINITE
        && other.measure(first.cost, first.hours) > other.limit
    {
        let line = (first.weight.primary, other.measure(first.cost, first.hours));
        let (least, more) = priced(&relaxed, problem, (other, below.primary, line), stop);
        bound = bound.max(Weight {
            primary: least,
            ..Weight::default()
        });
        found.extend(more);
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
#[cfg(test)]
mod tests;

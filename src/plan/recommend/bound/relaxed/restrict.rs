//! The problem of one subset of goals without its limits, cut down as the set-up of a search
//! without limits cuts it (see `reduce` and `cover`): only the items that can help meet
//! those goals, and of them only those that may be in a set lighter than a cutoff. A search
//! over what is left proves in milliseconds what a search over every item light enough for
//! the limits' best set takes seconds to prove, or does not prove at all.

use crate::plan::recommend::lists::Lists;
use crate::plan::recommend::reduce::{Problem, Weight};
use crate::plan::recommend::search::{Stop, solve};

/// `light` (without limits, every item of it in some set as light as `limit`) cut down to
/// the items that may be in a set as light as a cutoff, with that cutoff: the lesser of
/// `limit` and the first answer of a search of `light` (the search's own, before its first
/// node). The least set of `light` meeting every goal is either at least the cutoff or in
/// what is left, so the lesser of the cutoff and what a search of it proves bounds it.
/// Each item kept may also be in such a set with what the goals it does not meet add (see
/// [`others_share`]). With, per item kept, its number in `light`.
pub(super) fn cut_down(light: &Problem, limit: Weight, stop: Stop) -> (Problem, Vec<u32>, Weight) {
    let first = solve(
        light,
        Stop {
            nodes: Some(0),
            ..stop
        },
    );
    let meets_all = light.open.iter().all(|(_, supporters)| {
        supporters
            .iter()
            .any(|s| first.items.binary_search(s).is_ok())
    });
    let cutoff = if meets_all {
        first.weight.min(limit)
    } else {
        limit
    };
    let shares = others_share(light);
    let (least, numbers) = restrict(light, u32::MAX, |e| {
        let item = &light.items[e];
        item.with_prerequisites <= cutoff
            && item.weight.primary.saturating_add(shares[e]) <= cutoff.primary
    });
    (least, numbers, cutoff)
}

/// `problem` without its limits, with only the goals of `mask` (bit `g` for open goal `g`)
/// and the items that `keep` admits, that every requirement of can be met by such items and
/// that support one of those goals or, in turn, a requirement of such an item; and, per item
/// kept, its number in `problem`. An item that supports neither is in no least set: taking
/// it out of a valid set leaves a valid set meeting the same goals. A goal none of them
/// supports keeps no supporters.
pub(super) fn restrict(
    problem: &Problem,
    mask: u32,
    keep: impl Fn(usize) -> bool,
) -> (Problem, Vec<u32>) {
    let n = problem.items.len();
    let mut kept: Vec<bool> = (0..n).map(&keep).collect();
    // An item with a requirement that no kept item meets can never be had.
    loop {
        let mut changed = false;
        for e in 0..n {
            if kept[e]
                && !problem
                    .supporters(e as u32)
                    .all(|supporters| supporters.iter().any(|&s| kept[s as usize]))
            {
                kept[e] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // What can help: the goals' supporters, then what they need, and on.
    let mut helps = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    for (_, supporters) in goals_of(problem, mask) {
        stack.extend(supporters.iter().filter(|&&s| kept[s as usize]));
    }
    while let Some(e) = stack.pop() {
        if std::mem::replace(&mut helps[e as usize], true) {
            continue;
        }
        for supporters in problem.supporters(e) {
            stack.extend(
                supporters
                    .iter()
                    .filter(|&&s| kept[s as usize] && !helps[s as usize]),
            );
        }
    }
    let numbers: Vec<u32> = (0..n as u32).filter(|&e| helps[e as usize]).collect();
    let mut renumbered = vec![u32::MAX; n];
    for (new, &old) in numbers.iter().enumerate() {
        renumbered[old as usize] = new as u32;
    }
    let within = |supporters: &[u32]| -> Vec<u32> {
        supporters
            .iter()
            .filter(|&&s| helps[s as usize])
            .map(|&s| renumbered[s as usize])
            .collect()
    };
    let mut requirements = Lists::default();
    let mut items = Vec::with_capacity(numbers.len());
    for &old in &numbers {
        let mut item = problem.items[old as usize].clone();
        let start = requirements.len();
        for supporters in problem.supporters(old) {
            requirements.push(&within(supporters));
        }
        item.requirements = start..requirements.len();
        items.push(item);
    }
    let open = goals_of(problem, mask)
        .map(|(goal, supporters)| (*goal, within(supporters)))
        .collect();
    let restricted = Problem {
        items,
        requirements,
        open,
        impossible: problem.impossible.clone(),
        budget: None,
        max_hours: None,
        left_out_from: problem.left_out_from,
    };
    (restricted, numbers)
}

/// The open goals of `mask`.
fn goals_of(problem: &Problem, mask: u32) -> impl Iterator<Item = &(usize, Vec<u32>)> + '_ {
    problem
        .open
        .iter()
        .enumerate()
        .filter(move |&(g, _)| g < 32 && mask & (1 << g) != 0)
        .map(|(_, goal)| goal)
}

/// Per item of `problem` (whose open goals are all wanted), the least that the goals it does
/// not support add to the primary weight of any set holding it that meets them all (see
/// `cover`): each such goal has a supporter in the set, whose weight, shared out evenly among
/// the goals it supports, is at least the goal's share, the least over its supporters.
fn others_share(problem: &Problem) -> Vec<i64> {
    let goals = problem.open.len().min(32);
    let mut meets = vec![0u32; problem.items.len()];
    for (g, (_, supporters)) in problem.open.iter().take(goals).enumerate() {
        for &s in supporters {
            meets[s as usize] |= 1 << g;
        }
    }
    let share: Vec<i64> = problem
        .open
        .iter()
        .take(goals)
        .map(|(_, supporters)| {
            supporters
                .iter()
                .map(|&s| {
                    let item = s as usize;
                    problem.items[item].weight.primary / i64::from(meets[item].count_ones())
                })
                .min()
                .unwrap_or(0)
        })
        .collect();
    let total: i64 = share.iter().sum();
    meets
        .iter()
        .map(|&m| {
            let own: i64 = (0..goals)
                .filter(|&g| m & (1 << g) != 0)
                .map(|g| share[g])
                .sum();
            total - own
        })
        .collect()
}

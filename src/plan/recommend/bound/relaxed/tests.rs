//! The bounds of the problem without its limits against brute force on small generated
//! problems with both limits.

use super::Relaxed;
use super::restrict::{cut_down, restrict};
use crate::plan::recommend::bound::priced::tests::{limited, valid_sets};
use crate::plan::recommend::reduce::{Problem, Weight};
use crate::plan::recommend::search::Stop;

/// A set's weight, its members given as bits.
fn weight_of(problem: &Problem, set: u32) -> Weight {
    (0..problem.items.len())
        .filter(|&e| set & (1 << e) != 0)
        .fold(Weight::default(), |w, e| w + problem.items[e].weight)
}

#[test]
fn no_subset_is_bounded_above_the_least_set_within_the_limits_that_meets_it() {
    let mut counts = (0, 0, 0);
    for seed in 0..80 {
        let problem = limited(seed);
        let goals = problem.open.len();
        let sets = valid_sets(&problem);
        // Every item, then only those that may be in a set of half the weight of the least
        // set meeting every goal.
        let every = (1u32 << goals) - 1;
        let half = sets
            .iter()
            .filter(|&&(_, _, _, met, _)| met & every == every)
            .map(|&(_, _, primary, _, _)| Weight {
                primary: primary / 2,
                ..Weight::default()
            })
            .min()
            .unwrap_or(Weight::INFINITE);
        // And those that may be in a set as light as the best within the limits, which the
        // search would have found: the searches with a limit priced in start from it.
        let best_within = sets
            .iter()
            .filter(|&&(c, h, _, _, _)| c <= 12_000 && h <= 9_000)
            .filter(|&&(_, _, _, met, _)| met & every == every)
            .map(|&(_, _, _, _, set)| weight_of(&problem, set))
            .min()
            .unwrap_or(Weight::INFINITE);
        for below in [Weight::INFINITE, half, best_within] {
            check(&problem, &sets, below, seed, &mut counts);
        }
    }
    // The bound is not vacuous, some sets found fit the limits, and pricing a limit in
    // raises some bounds above the least set without limits.
    assert!(counts.0 > 0 && counts.1 > 0 && counts.2 > 0, "{counts:?}");
}

/// The bounds of `problem` over the items that may be in a set of weight `below` at most:
/// never above the least set within the limits, and at least the lesser of `below` and the
/// least set anywhere, as the searches without limits are exact. Counts the bounds above
/// nothing, the sets found within the limits, and the bounds above the least set anywhere
/// (from the searches with a limit priced in).
fn check(
    problem: &Problem,
    sets: &[(i64, i64, i64, u32, u32)],
    below: Weight,
    seed: u64,
    counts: &mut (usize, usize, usize),
) {
    let (budget, max_hours) = (12_000, 9_000);
    let goals = problem.open.len();
    // Every subset over every item, then only every goal over the items below.
    let every = (1u32 << goals) - 1;
    let all_subsets = Relaxed::new(problem, goals, (0, below), Stop::default());
    let only_every = Relaxed::new(problem, goals, (goals, below), Stop::default());
    for (relaxed, mask, below) in (1..every)
        .map(|mask| (&all_subsets, mask, Weight::INFINITE))
        .chain([
            (&all_subsets, every, Weight::INFINITE),
            (&only_every, every, below),
        ])
    {
        let least_within = sets
            .iter()
            .filter(|&&(c, h, _, met, _)| met & mask == mask && c <= budget && h <= max_hours)
            .map(|&(_, _, _, _, set)| weight_of(problem, set))
            .min();
        let least_anywhere = sets
            .iter()
            .filter(|&&(_, _, _, met, _)| met & mask == mask)
            .map(|&(_, _, _, _, set)| weight_of(problem, set))
            .min();
        let bound = relaxed.least(mask);
        if let Some(least) = least_within {
            assert!(bound <= least, "seed {seed}: goals {mask:b}");
        }
        // The searches without limits are exact: at least the least set anywhere.
        let anywhere = least_anywhere.unwrap_or(Weight::INFINITE).min(below);
        assert!(
            bound >= anywhere,
            "seed {seed}: goals {mask:b}, below {below:?}"
        );
        counts.0 += usize::from(bound > Weight::default());
        counts.2 += usize::from(bound.primary > anywhere.primary);
    }
    for (items, weight) in all_subsets.found.iter().chain(&only_every.found) {
        let set = items.iter().fold(0u32, |set, &e| set | 1 << e);
        let &(cost, hours, _, _, _) = sets
            .iter()
            .find(|&&(_, _, _, _, valid)| valid == set)
            .expect("a set found is valid");
        assert!(cost <= budget && hours <= max_hours, "seed {seed}");
        assert_eq!(*weight, weight_of(problem, set), "seed {seed}");
        counts.1 += 1;
    }
}

#[test]
fn only_subsets_of_as_many_goals_as_asked_are_solved() {
    let problem = limited(3);
    let goals = problem.open.len();
    assert!(goals >= 2, "{goals} goals");
    let relaxed = Relaxed::new(&problem, goals, (goals, Weight::INFINITE), Stop::default());
    let every = (1u32 << goals) - 1;
    assert!(relaxed.least(every) > Weight::default());
    // Smaller subsets were not solved: a single goal bounds nothing.
    for g in 0..goals {
        assert_eq!(relaxed.least(1 << g), Weight::default());
    }
}

#[test]
fn what_the_cut_down_problem_leaves_out_is_in_no_set_as_light_as_its_cutoff() {
    let mut cut = 0;
    for seed in 0..80 {
        let problem = limited(seed);
        let goals = problem.open.len();
        let sets = valid_sets(&problem);
        for mask in 1u32..1 << goals {
            let (light, numbers) = restrict(&problem, mask, |_| true);
            if light
                .open
                .iter()
                .any(|(_, supporters)| supporters.is_empty())
            {
                continue;
            }
            let (least, within, cutoff) = cut_down(&light, Weight::INFINITE, Stop::default());
            assert_eq!(least.open.len(), mask.count_ones() as usize);
            let kept = within
                .iter()
                .fold(0u32, |bits, &i| bits | 1 << numbers[i as usize]);
            // Every valid set meeting the goals of the mask and no heavier than the cutoff,
            // with only the items kept, is still valid and meets them: the least is there.
            for &(_, _, _, _, set) in sets.iter().filter(|&&(_, _, _, met, _)| met & mask == mask) {
                if weight_of(&problem, set) <= cutoff {
                    assert!(
                        sets.iter()
                            .any(|&(_, _, _, met, valid)| valid == set & kept && met & mask == mask),
                        "seed {seed}: goals {mask:b}, set {set:b}, kept {kept:b}"
                    );
                }
            }
            cut += light.items.len() - least.items.len();
        }
    }
    // The cutoff cuts something beyond what helps no goal.
    assert!(cut > 0);
}

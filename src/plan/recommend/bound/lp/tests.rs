//! The LP bounds against brute force on small generated problems with both limits, and the
//! bound from multipliers against a model's known optimum.

use super::Lp;
use super::dual::evaluate;
use super::model::{Model, Row};
use crate::plan::recommend::bound::priced::tests::{limited, valid_sets};
use crate::plan::recommend::reduce::Weight;

#[test]
fn no_subset_is_bounded_above_the_least_set_within_the_limits_that_meets_it() {
    let (budget, max_hours) = (12_000, 9_000);
    // Bounds above nothing, above the least set meeting the goals without limits, and
    // subsets proven out of reach, and items ruled out.
    let mut counts = (0, 0, 0, 0);
    for seed in 0..80 {
        let problem = limited(seed);
        let goals = problem.open.len();
        let sets = valid_sets(&problem);
        let every = (1u32 << goals) - 1;
        let least = |mask: u32, limited: bool| {
            sets.iter()
                .filter(|&&(c, h, _, met, _)| {
                    met & mask == mask && (!limited || c <= budget && h <= max_hours)
                })
                .map(|&(_, _, primary, _, _)| primary)
                .min()
        };
        // Every subset over every item, then every goal over the items that may be in a
        // set as light as the best within the limits (a bound at most that weight).
        let all = Lp::new(&problem, goals, (0, Weight::INFINITE), None);
        let weight_of = |set: u32| {
            (0..problem.items.len())
                .filter(|&e| set & (1 << e) != 0)
                .fold(Weight::default(), |w, e| w + problem.items[e].weight)
        };
        let best = sets
            .iter()
            .filter(|&&(c, h, _, met, _)| met & every == every && c <= budget && h <= max_hours)
            .map(|&(_, _, _, _, set)| weight_of(set))
            .min()
            .unwrap_or(Weight::INFINITE);
        let light = Lp::new(&problem, goals, (goals, best), None);
        for mask in 1..=every {
            let bound = all.least(mask);
            match least(mask, true) {
                Some(within) => assert!(bound.primary <= within, "seed {seed}: goals {mask:b}"),
                None => counts.2 += usize::from(bound == Weight::INFINITE),
            }
            counts.0 += usize::from(bound > Weight::default());
            let anywhere = least(mask, false).unwrap_or(i64::MAX);
            counts.1 += usize::from(bound.primary > anywhere);
        }
        if let Some(within) = least(every, true) {
            assert!(light.least(every).primary <= within, "seed {seed}");
            // An item ruled out is in no set within the limits meeting every goal that
            // weighs as little as the best.
            for item in (0..problem.items.len()).filter(|&i| light.out(i)) {
                let in_one = sets.iter().any(|&(c, h, _, met, set)| {
                    set & (1 << item) != 0
                        && met & every == every
                        && c <= budget
                        && h <= max_hours
                        && weight_of(set) <= best
                });
                assert!(!in_one, "seed {seed}: item {item}");
                counts.3 += 1;
            }
        }
        // With no set meeting every goal within the limits there is no best set of every
        // goal to rule items out beside; a best set meeting fewer goals is the next test's.
    }
    assert!(
        counts.0 > 0 && counts.1 > 0 && counts.2 > 0 && counts.3 > 0,
        "{counts:?}"
    );
}

#[test]
fn an_item_ruled_out_beside_a_best_set_meeting_fewer_goals_is_in_no_better_set() {
    let (budget, max_hours) = (12_000, 9_000);
    // Items ruled out, and best sets meeting fewer goals than the problem has.
    let mut counts = (0, 0);
    for seed in 0..80 {
        let problem = limited(seed);
        let goals = problem.open.len();
        let sets = valid_sets(&problem);
        let weight_of = |set: u32| {
            (0..problem.items.len())
                .filter(|&e| set & (1 << e) != 0)
                .fold(Weight::default(), |w, e| w + problem.items[e].weight)
        };
        let within: Vec<(u32, u32, Weight)> = (sets.iter())
            .filter(|&&(c, h, ..)| c <= budget && h <= max_hours)
            .map(|&(_, _, _, met, set)| (met.count_ones(), set, weight_of(set)))
            .collect();
        // As a search may have it: a best set of each size met, each one found within the
        // limits (whether or not a better one exists).
        for &(met, _, weight) in &within {
            if met == 0 || met as usize == goals {
                continue;
            }
            let lp = Lp::new(&problem, goals, (met as usize, weight), None);
            for item in (0..problem.items.len()).filter(|&i| lp.out(i)) {
                let in_better = within.iter().any(|&(other, set, w)| {
                    set & (1 << item) != 0 && (other > met || other == met && w <= weight)
                });
                assert!(
                    !in_better,
                    "seed {seed}: item {item}, best {met} goals {weight:?}"
                );
                counts.0 += 1;
            }
            counts.1 += 1;
        }
    }
    assert!(counts.0 > 0 && counts.1 > 0, "{counts:?}");
}

#[test]
fn an_lp_cut_short_by_its_deadline_says_so_and_rules_nothing_out() {
    let mut ruled_out = 0;
    for seed in 0..40 {
        let problem = limited(seed);
        let goals = problem.open.len();
        if goals == 0 {
            continue;
        }
        let best = (1, Weight::INFINITE);
        let whole = Lp::new(&problem, goals, best, None);
        assert!(whole.whole(), "seed {seed}");
        ruled_out += (0..problem.items.len()).filter(|&i| whole.out(i)).count();
        let cut = Lp::new(&problem, goals, best, Some(std::time::Instant::now()));
        assert!(!cut.whole(), "seed {seed}");
        assert!((0..problem.items.len()).all(|i| !cut.out(i)), "seed {seed}");
        // A later solve that was whole makes the pair whole, keeping what it ruled out.
        let mut both = cut.clone();
        both.keep_stronger(whole.clone());
        assert!(both.whole(), "seed {seed}");
        assert!((0..problem.items.len()).all(|i| both.out(i) == whole.out(i)));
    }
    assert!(ruled_out > 0);
}

/// `min x0 + 2 x1` with `x0 + x1 >= 1`, `x1 - x0 >= 0`, both in [0, 1]: the optimum is 3
/// at `x1 = 1`, `x0 = 0`... or `x0 = x1 = 1/2`, 1.5, fractionally.
fn small() -> Model {
    Model {
        cost: vec![1, 2],
        upper: vec![1, 1],
        rows: vec![
            Row {
                terms: vec![(0, 1), (1, 1)],
                rhs: 1,
            },
            Row {
                terms: vec![(0, -1), (1, 1)],
                rhs: 0,
            },
        ],
        heaviest: 3,
        var: Vec::new(),
    }
}

#[test]
fn any_multipliers_bound_the_optimum_from_below() {
    let model = small();
    // The LP's optimum is 1.5: a bound rounds up to 2 at best.
    let mut best = 0;
    for a in 0..=20 {
        for b in 0..=20 {
            let y = [f64::from(a) * 0.25, f64::from(b) * 0.25 - 1.0];
            let bound = evaluate(&model, &y).least;
            assert!(bound <= 2, "{y:?}: {bound}");
            best = best.max(bound);
        }
    }
    assert_eq!(best, 2);
    assert_eq!(
        super::dual::bounds(&model, std::time::Duration::from_secs(1)).map(|b| b.least),
        Some(2)
    );
}

#[test]
fn a_model_without_a_solution_is_bounded_past_its_heaviest_set() {
    // x0 >= 1 and -x0 >= 0.
    let model = Model {
        cost: vec![1],
        upper: vec![1],
        rows: vec![
            Row {
                terms: vec![(0, 1)],
                rhs: 1,
            },
            Row {
                terms: vec![(0, -1)],
                rhs: 0,
            },
        ],
        heaviest: 1,
        var: Vec::new(),
    };
    assert_eq!(
        super::dual::bounds(&model, std::time::Duration::from_secs(1)).map(|b| b.least),
        Some(i64::MAX)
    );
}

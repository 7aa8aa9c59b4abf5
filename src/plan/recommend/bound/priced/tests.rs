//! The priced bounds against brute force on small generated problems.

use std::cmp::Reverse;
use std::fmt::Write as _;

use crate::catalog::Amount;
use crate::plan::Holdings;
use crate::plan::fixture::catalog;
use crate::plan::recommend::bound::CoverBound;
use crate::plan::recommend::reduce::{Problem, Weight, reduce};
use crate::plan::recommend::search::{Stop, solve};
use crate::plan::recommend::{Objective, Options};

/// A small catalog with traps, `any` requirements and independent costs and hours.
fn generated(seed: u64) -> String {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut below = |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut yaml = String::from("provider: {id: p, name: P}\ncredentials:\n");
    for c in 0..9 {
        let skill = below(5);
        let requires = match below(4) {
            0 => format!(", requires: [{{skill: s{}}}]", below(5)),
            1 if c > 1 => format!(", requires: [{{any: [c{}, c{}]}}]", below(c), below(c)),
            _ => String::new(),
        };
        let _ = writeln!(
            yaml,
            "  - {{id: c{c}, title: C{c}, kind: course, hours: {}.25, cost: {}.5, skills: [s{skill}]{requires}}}",
            1 + below(60),
            below(90),
        );
    }
    yaml.push_str("roles:\n  - {id: r, title: R, skills: [s0, s1, s2, s3, s4]}\n");
    yaml
}

/// Every valid set of the problem's items: its cost, hours, primary weight and the open
/// goals it meets.
pub(in crate::plan::recommend::bound) fn valid_sets(
    problem: &Problem,
) -> Vec<(i64, i64, i64, u32, u32)> {
    let n = problem.items.len();
    assert!(n <= 16, "{n} items");
    let mut sets = Vec::new();
    for set in 0u32..1 << n {
        let mut derived = 0u32;
        loop {
            let next = (0..n as u32)
                .filter(|&e| set & (1 << e) != 0)
                .filter(|&e| {
                    problem
                        .supporters(e)
                        .all(|s| s.iter().any(|&x| derived & (1 << x) != 0))
                })
                .fold(0, |acc, e| acc | 1 << e);
            if next == derived {
                break;
            }
            derived = next;
        }
        if derived != set {
            continue;
        }
        let (cost, hours, primary, met) = measures(problem, set);
        sets.push((cost, hours, primary, met, set));
    }
    sets
}

/// A set's cost, hours, primary weight and the open goals it meets.
fn measures(problem: &Problem, set: u32) -> (i64, i64, i64, u32) {
    let members = (0..problem.items.len()).filter(|&e| set & (1 << e) != 0);
    let cost = members.clone().map(|e| problem.items[e].cost).sum();
    let hours = members.clone().map(|e| problem.items[e].hours).sum();
    let primary = members.map(|e| problem.items[e].weight.primary).sum();
    let mut met = 0;
    for (g, (_, supporters)) in problem.open.iter().enumerate() {
        if supporters.iter().any(|&e| set & (1 << e) != 0) {
            met |= 1 << g;
        }
    }
    (cost, hours, primary, met)
}

/// The generated problem of `seed` under a budget of 120 and 90 hours (12,000 and 9,000 in
/// hundredths), by cost for even seeds and by hours for odd ones.
pub(in crate::plan::recommend::bound) fn limited(seed: u64) -> Problem {
    let catalog = catalog(&generated(seed));
    let role = catalog.find_role("r").expect("role");
    let options = Options {
        budget: Some(Amount::from_f64(120.0)),
        max_hours: Some(Amount::from_f64(90.0)),
        objective: if seed.is_multiple_of(2) {
            Objective::Cost
        } else {
            Objective::Hours
        },
        ..Options::default()
    };
    let goals = &catalog.role(role).requirements;
    reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options)
}

#[test]
fn no_price_rules_out_goals_that_a_set_within_both_limits_meets() {
    let mut ruled_out = 0;
    for seed in 0..80 {
        let problem = limited(seed);
        let bound = CoverBound::new(&problem, None, None);
        let priced = bound.priced.as_ref().expect("both limits are set");
        let (budget, max_hours) = (12_000, 9_000);
        let sets = valid_sets(&problem);
        assert!(priced.primary.is_some());
        for mask in 0..1u32 << problem.open.len() {
            let within = sets
                .iter()
                .filter(|&&(c, h, _, met, _)| met & mask == mask && c <= budget && h <= max_hours)
                .inspect(|&&(_, _, whole, _, set)| {
                    // Every part of it that meets none of the goals, as a node's set.
                    let mut part = set;
                    loop {
                        let (c, h, p, met) = measures(&problem, part);
                        if met & mask == 0 {
                            assert!(priced.fits(mask, c, h, None), "seed {seed}: {part:b}");
                            assert!(priced.least_primary(mask, (p, c, h), None) <= whole);
                        }
                        if part == 0 {
                            break;
                        }
                        part = (part - 1) & set;
                    }
                })
                .map(|&(_, _, primary, _, _)| primary)
                .min();
            if let Some(least) = within {
                assert!(
                    priced.least_primary(mask, (0, 0, 0), None) <= least,
                    "seed {seed}"
                );
            }
            let within = within.is_some();
            let fits = priced.fits(mask, 0, 0, None);
            assert!(
                fits || !within,
                "seed {seed}: goals {mask:b} fit but are ruled out"
            );
            ruled_out += usize::from(!fits);
            for price in &priced.prices {
                let priced_least = sets
                    .iter()
                    .filter(|&&(_, _, _, met, _)| met & mask == mask)
                    .map(|&(c, h, _, _, _)| price.per_cost * c + price.per_hour * h)
                    .min();
                if let Some(least) = priced_least {
                    assert!(price.whole[mask as usize] <= least, "seed {seed}");
                    assert!(price.plain[mask as usize] <= least, "seed {seed}");
                }
            }
        }
    }
    // The bound is not vacuous: some subsets of goals do not fit.
    assert!(ruled_out > 0);
}

#[test]
fn goals_whose_cheap_covers_are_long_and_short_covers_dear_do_not_fit() {
    // Each skill: 10 for 80 hours, or 100 for 10 hours. Both skills cost at least 20 and
    // take at least 20 hours, within 100 and 85 on their own; but every pair breaks one.
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: a1, title: A1, kind: course, hours: 80, cost: 10, skills: [a]}
  - {id: a2, title: A2, kind: course, hours: 10, cost: 100, skills: [a]}
  - {id: b1, title: B1, kind: course, hours: 80, cost: 10, skills: [b]}
  - {id: b2, title: B2, kind: course, hours: 10, cost: 100, skills: [b]}
roles:
  - {id: r, title: R, skills: [a, b]}
",
    );
    let role = catalog.find_role("r").expect("role");
    let goals = &catalog.role(role).requirements;
    let options = Options {
        budget: Some(Amount::from_f64(100.0)),
        max_hours: Some(Amount::from_f64(85.0)),
        ..Options::default()
    };
    let problem = reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options);
    let bound = CoverBound::new(&problem, None, None);
    let priced = bound.priced.as_ref().expect("both limits are set");
    assert!(priced.fits(0b01, 0, 0, None) && priced.fits(0b10, 0, 0, None));
    assert!(!priced.fits(0b11, 0, 0, None));
}

#[test]
fn the_search_with_both_limits_finds_what_brute_force_finds() {
    // Unit tests settle each node (`bound::near`, this bound's price included) from the
    // first node on, so this checks the priced settle too.
    for seed in 0..80 {
        let problem = limited(seed);
        let solution = solve(&problem, Stop::default());
        assert!(solution.optimal);
        let best = valid_sets(&problem)
            .into_iter()
            .filter(|&(c, h, _, _, _)| c <= 12_000 && h <= 9_000)
            .map(|(_, _, _, met, set)| {
                let weight = (0..problem.items.len())
                    .filter(|&e| set & (1 << e) != 0)
                    .fold(Weight::default(), |w, e| w + problem.items[e].weight);
                (Reverse(met.count_ones()), weight)
            })
            .min()
            .expect("the empty set is valid");
        let met = problem
            .open
            .iter()
            .filter(|(_, s)| s.iter().any(|e| solution.items.contains(e)))
            .count() as u32;
        assert_eq!((Reverse(met), solution.weight), best, "seed {seed}");
    }
}

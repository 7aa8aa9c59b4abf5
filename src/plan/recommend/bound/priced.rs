//! Lagrangian bounds on the two limits together. A set within a budget `B` and an hour limit
//! `H` has, for any prices `p, q >= 0`, `p·cost + q·hours <= p·B + q·H`; so a lower bound on
//! that priced measure over the sets meeting some goals, above `p·B + q·H`, says that no set
//! within both limits meets them, where each limit on its own may still look reachable (the
//! cheap covers of the goals take many hours and the short ones cost much). The bounds on the
//! priced measure are those of the single measures, for a measure that adds up per item:
//! the plain cover of [`super::CoverBound`] for the items a node adds, and the chained bound
//! of [`super::chained`] for the whole set. A few prices around the ratio of the two limits
//! are kept, and a subset of goals fits only if it fits under every one.

use std::collections::BTreeMap;
use std::ops::Range;

use super::chained::table;
use crate::plan::recommend::chains::{Chains, NEVER};
use crate::plan::recommend::reduce::Problem;

/// The prices, as `(p, q)` multiples of `(H, B)`: a price of the cost and of the hours
/// scaled so that both limits weigh the same, then one of them weighed more.
const PRICES: [(i64, i64); 5] = [(1, 4), (1, 2), (1, 1), (2, 1), (4, 1)];

/// The priced bounds per subset of bounded goals, with a budget and an hour limit both set.
#[derive(Debug, Clone)]
pub(in crate::plan::recommend) struct Priced {
    prices: Vec<Price>,
    budget: i64,
    max_hours: i64,
    /// Which measure every item's primary weight is, if one is: then a bound on the priced
    /// measure, less what the other limit allows, bounds the weight too.
    primary: Option<Primary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Primary {
    Cost,
    Hours,
}

#[derive(Debug, Clone)]
struct Price {
    /// The price of a hundredth of cost and of an hour's hundredth.
    per_cost: i64,
    per_hour: i64,
    /// `per_cost·B + per_hour·H`.
    limit: i64,
    /// Per subset: the least priced measure of items covering it (prerequisites free)...
    plain: Vec<i64>,
    /// ...and of a valid set meeting it, with what its supporters need first.
    whole: Vec<i64>,
    /// Per item, the least priced measure with what it needs first; per requirement, the
    /// least of its supporters' own.
    chains: Chains,
}

impl Priced {
    /// `None` unless both limits are set. `cover` and `reach` are per item, as in
    /// [`super::CoverBound`] and [`super::chained::Chained`].
    pub(super) fn new(
        problem: &Problem,
        goals: usize,
        cover: &[u32],
        reach: &[u32],
    ) -> Option<Priced> {
        let (budget, max_hours) = (problem.budget?, problem.max_hours?);
        let supporters: Vec<&[u32]> = problem
            .open
            .iter()
            .take(goals)
            .map(|(_, s)| &s[..])
            .collect();
        let prices = PRICES
            .iter()
            .map(|&(p, q)| {
                let per_cost = p.saturating_mul(max_hours.max(1));
                let per_hour = q.saturating_mul(budget.max(1));
                let priced = |i: usize| {
                    let item = &problem.items[i];
                    per_cost
                        .saturating_mul(item.cost)
                        .saturating_add(per_hour.saturating_mul(item.hours))
                };
                let plain = cover_table(goals, cover, priced);
                let chains = Chains::new(problem, priced);
                let whole = table(
                    &supporters,
                    reach,
                    |e| Some(chains.item[e as usize]).filter(|&v| v != NEVER),
                    &plain,
                    i64::saturating_add,
                );
                Price {
                    per_cost,
                    per_hour,
                    limit: per_cost
                        .saturating_mul(budget)
                        .saturating_add(per_hour.saturating_mul(max_hours)),
                    plain,
                    whole,
                    chains,
                }
            })
            .collect();
        let items = &problem.items;
        let primary = if items.iter().all(|it| it.weight.primary == it.cost) {
            Some(Primary::Cost)
        } else if items.iter().all(|it| it.weight.primary == it.hours) {
            Some(Primary::Hours)
        } else {
            None
        };
        Some(Priced {
            prices,
            budget,
            max_hours,
            primary,
        })
    }

    /// Whether an item of this own cost and hours could join a set of this cost and hours
    /// within both limits under every price: with what it needs first, and with the set
    /// and the least that each of its requirements that `unmet` says the set does not meet
    /// adds (the largest of them, as one supporter may meet several).
    pub fn admits(
        &self,
        item: usize,
        own: (i64, i64),
        so_far: (i64, i64),
        requirements: Range<usize>,
        unmet: impl Fn(usize) -> bool,
    ) -> bool {
        let priced = |price: &Price, (cost, hours): (i64, i64)| {
            price
                .per_cost
                .saturating_mul(cost)
                .saturating_add(price.per_hour.saturating_mul(hours))
        };
        let base = |price: &Price| priced(price, own).saturating_add(priced(price, so_far));
        if !self
            .prices
            .iter()
            .all(|price| price.chains.item[item] <= price.limit && base(price) <= price.limit)
        {
            return false;
        }
        let mut needed = [0i64; PRICES.len()];
        for slot in requirements {
            if unmet(slot) {
                for (need, price) in needed.iter_mut().zip(&self.prices) {
                    *need = (*need).max(price.chains.least_own[slot]);
                }
            }
        }
        self.prices
            .iter()
            .zip(needed)
            .all(|(price, need)| base(price).saturating_add(need) <= price.limit)
    }

    /// A lower bound on the primary weight of a set within both limits that meets the goals
    /// of `mask`, holding a set of this primary weight, cost and hours that does not meet
    /// them: `p·cost + q·hours >= P` and `hours <= H` give `cost >= (P - q·H) / p`, for the
    /// whole set and for the items added; 0 when the primary weight is neither measure.
    pub fn least_primary(&self, mask: u32, primary: i64, cost: i64, hours: i64) -> i64 {
        let m = mask as usize;
        let Some(measure) = self.primary else {
            return 0;
        };
        let mut least = 0;
        for price in &self.prices {
            // Per unit of the primary measure, and the other one's price and room.
            let (per_unit, per_other, other_limit, other_so_far) = match measure {
                Primary::Cost => (price.per_cost, price.per_hour, self.max_hours, hours),
                Primary::Hours => (price.per_hour, price.per_cost, self.budget, cost),
            };
            let floor = |value: i64, other_room: i64| {
                value
                    .saturating_sub(per_other.saturating_mul(other_room))
                    .max(0)
                    / per_unit.max(1)
            };
            least = least
                .max(floor(price.whole[m], other_limit))
                .max(primary.saturating_add(floor(price.plain[m], other_limit - other_so_far)));
        }
        least
    }

    /// Whether meeting the goals of `mask` with new items, on top of a set of this cost and
    /// these hours, can fit both limits under every price.
    pub fn fits(&self, mask: u32, cost: i64, hours: i64) -> bool {
        let m = mask as usize;
        self.prices.iter().all(|price| {
            let so_far = price
                .per_cost
                .saturating_mul(cost)
                .saturating_add(price.per_hour.saturating_mul(hours));
            price.whole[m] <= price.limit && price.plain[m].saturating_add(so_far) <= price.limit
        })
    }
}

/// Per subset of the first `goals` goals: the least total of `measure` over items covering
/// it, each item covering the goals of its `cover` bits.
pub(super) fn cover_table(goals: usize, cover: &[u32], measure: impl Fn(usize) -> i64) -> Vec<i64> {
    let mut best: BTreeMap<u32, i64> = BTreeMap::new();
    for (item, &mask) in cover.iter().enumerate() {
        if mask != 0 {
            let value = measure(item);
            let entry = best.entry(mask).or_insert(value);
            *entry = (*entry).min(value);
        }
    }
    let covers: Vec<(u32, i64)> = best.into_iter().collect();
    let size = 1usize << goals;
    let mut table = vec![NEVER; size];
    table[0] = 0;
    for mask in 1..size {
        let lowest = mask & mask.wrapping_neg();
        for &(covered, value) in &covers {
            if covered as usize & lowest != 0 {
                let rest = mask & !(covered as usize);
                table[mask] = table[mask].min(value.saturating_add(table[rest]));
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::catalog::Amount;
    use crate::plan::Holdings;
    use crate::plan::fixture::catalog;
    use crate::plan::recommend::bound::CoverBound;
    use crate::plan::recommend::reduce::{Problem, reduce};
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
    fn valid_sets(problem: &Problem) -> Vec<(i64, i64, i64, u32, u32)> {
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
                            .iter()
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

    #[test]
    fn no_price_rules_out_goals_that_a_set_within_both_limits_meets() {
        let mut ruled_out = 0;
        for seed in 0..80 {
            let objective = if seed % 2 == 0 {
                Objective::Cost
            } else {
                Objective::Hours
            };
            let catalog = catalog(&generated(seed));
            let role = catalog.find_role("r").expect("role");
            let goals = &catalog.role(role).requirements;
            let options = Options {
                budget: Some(Amount::from_f64(120.0)),
                max_hours: Some(Amount::from_f64(90.0)),
                objective,
                ..Options::default()
            };
            let problem = reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options);
            let bound = CoverBound::new(&problem, None, None);
            let priced = bound.priced.as_ref().expect("both limits are set");
            let (budget, max_hours) = (12_000, 9_000);
            let sets = valid_sets(&problem);
            assert!(priced.primary.is_some());
            for mask in 0..1u32 << problem.open.len() {
                let within = sets
                    .iter()
                    .filter(|&&(c, h, _, met, _)| {
                        met & mask == mask && c <= budget && h <= max_hours
                    })
                    .inspect(|&&(_, _, whole, _, set)| {
                        // Every part of it that meets none of the goals, as a node's set.
                        let mut part = set;
                        loop {
                            let (c, h, p, met) = measures(&problem, part);
                            if met & mask == 0 {
                                assert!(priced.fits(mask, c, h), "seed {seed}: {part:b}");
                                assert!(priced.least_primary(mask, p, c, h) <= whole);
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
                    assert!(priced.least_primary(mask, 0, 0, 0) <= least, "seed {seed}");
                }
                let within = within.is_some();
                let fits = priced.fits(mask, 0, 0);
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
        assert!(priced.fits(0b01, 0, 0) && priced.fits(0b10, 0, 0));
        assert!(!priced.fits(0b11, 0, 0));
    }
}

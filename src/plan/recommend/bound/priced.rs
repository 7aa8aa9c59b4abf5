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
use super::near::Beyond;
use crate::plan::recommend::chains::{Chains, NEVER};
use crate::plan::recommend::reduce::Problem;

/// The prices, as `(p, q)` multiples of `(H, B)`: a price of the cost and of the hours
/// scaled so that both limits weigh the same, then one of them weighed more.
const PRICES: [(i64, i64); 5] = [(1, 4), (1, 2), (1, 1), (2, 1), (4, 1)];

/// The price that a node's settle (see `super::near`) follows, as each costs a walk over
/// the whole problem: the one that weighs both limits the same.
const NEAR_PRICE: usize = 2;

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
        let base = |price: &Price| {
            price
                .of(own.0, own.1)
                .saturating_add(price.of(so_far.0, so_far.1))
        };
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
    /// With `near`, the same for what a node's settle says the rest adds at least.
    pub fn least_primary(
        &self,
        mask: u32,
        (primary, cost, hours): (i64, i64, i64),
        near: Option<&Beyond<i64>>,
    ) -> i64 {
        let m = mask as usize;
        let Some(measure) = self.primary else {
            return 0;
        };
        let mut least = 0;
        for (k, price) in self.prices.iter().enumerate() {
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
            let other_room = other_limit - other_so_far;
            least = least
                .max(floor(price.whole[m], other_limit))
                .max(primary.saturating_add(floor(price.plain[m], other_room)));
            if let Some(adds) = near
                .filter(|_| k == NEAR_PRICE)
                .and_then(|near| near.adds(mask, &price.plain, i64::saturating_add))
            {
                least = least.max(primary.saturating_add(floor(adds, other_room)));
            }
        }
        least
    }

    /// Whether meeting the goals of `mask` with new items, on top of a set of this cost and
    /// these hours, can fit both limits under every price; with `near`, what a node's settle
    /// says the rest adds at least under [`NEAR_PRICE`].
    pub fn fits(&self, mask: u32, cost: i64, hours: i64, near: Option<&Beyond<i64>>) -> bool {
        let m = mask as usize;
        let fits_near = near.is_none_or(|near| {
            let price = &self.prices[NEAR_PRICE];
            near.adds(mask, &price.plain, i64::saturating_add)
                .is_some_and(|adds| adds.saturating_add(price.of(cost, hours)) <= price.limit)
        });
        fits_near
            && self.prices.iter().all(|price| {
                price.whole[m] <= price.limit
                    && price.plain[m].saturating_add(price.of(cost, hours)) <= price.limit
            })
    }

    /// An item's own measure under [`NEAR_PRICE`], for a node's settle.
    pub fn near_measure(&self, cost: i64, hours: i64) -> i64 {
        self.prices[NEAR_PRICE].of(cost, hours)
    }
}

impl Price {
    /// `per_cost·cost + per_hour·hours`.
    fn of(&self, cost: i64, hours: i64) -> i64 {
        self.per_cost
            .saturating_mul(cost)
            .saturating_add(self.per_hour.saturating_mul(hours))
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
pub(super) mod tests;

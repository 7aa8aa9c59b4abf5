//! Lower bounds for the search: the cheapest way to cover a set of goals if prerequisites
//! were free, by dynamic programming over subsets of (up to [`MAX_GOALS`]) goals. Covering
//! goals needs at least one credential per goal and a credential covers the goals it
//! supports, so this weighted set cover is a valid lower bound on any completion; it is
//! exact when the best plan needs no prerequisites, which makes the search stop at once.

use std::collections::BTreeMap;

use super::reduce::{Problem, Weight};

/// Goals beyond this many are left out of the bound (which stays valid, only weaker).
pub(super) const MAX_GOALS: usize = 10;

const UNREACHABLE: i64 = i64::MAX;

#[derive(Debug, Clone)]
pub(super) struct CoverBound {
    /// Which bounded goals each item supports, bit `g` for open goal `g`.
    pub cover: Vec<u32>,
    /// Per subset of bounded goals: the least weight, cost and hours (each on its own)
    /// of credentials covering it.
    weight: Vec<Weight>,
    cost: Vec<i64>,
    hours: Vec<i64>,
}

impl CoverBound {
    pub fn new(problem: &Problem) -> CoverBound {
        let goals = problem.open.len().min(MAX_GOALS);
        let mut cover = vec![0u32; problem.items.len()];
        for (g, (_, supporters)) in problem.open.iter().take(goals).enumerate() {
            for &item in supporters {
                cover[item as usize] |= 1 << g;
            }
        }
        // The cheapest item for each distinct cover, per measure.
        let mut best: BTreeMap<u32, (Weight, i64, i64)> = BTreeMap::new();
        for (item, &mask) in problem.items.iter().zip(&cover) {
            if mask == 0 {
                continue;
            }
            let entry = best
                .entry(mask)
                .or_insert((Weight::INFINITE, UNREACHABLE, UNREACHABLE));
            entry.0 = entry.0.min(item.weight);
            entry.1 = entry.1.min(item.cost);
            entry.2 = entry.2.min(item.hours);
        }
        let covers: Vec<(u32, (Weight, i64, i64))> = best.into_iter().collect();
        let size = 1usize << goals;
        let mut weight = vec![Weight::INFINITE; size];
        let mut cost = vec![UNREACHABLE; size];
        let mut hours = vec![UNREACHABLE; size];
        weight[0] = Weight::default();
        cost[0] = 0;
        hours[0] = 0;
        for mask in 1..size {
            let lowest = mask & mask.wrapping_neg();
            for &(covered, (w, c, h)) in &covers {
                if covered as usize & lowest == 0 {
                    continue;
                }
                let rest = mask & !(covered as usize);
                weight[mask] = weight[mask].min(w + weight[rest]);
                cost[mask] = cost[mask].min(c.saturating_add(cost[rest]));
                hours[mask] = hours[mask].min(h.saturating_add(hours[rest]));
            }
        }
        CoverBound {
            cover,
            weight,
            cost,
            hours,
        }
    }

    /// The least weight of covering every goal of `mask`.
    pub fn weight(&self, mask: u32) -> Weight {
        self.weight[mask as usize]
    }

    /// The most goals of `mask` whose covering fits in the remaining cost and hours.
    pub fn most_coverable(
        &self,
        mask: u32,
        cost_left: Option<i64>,
        hours_left: Option<i64>,
    ) -> u32 {
        let fits = |m: u32| {
            cost_left.is_none_or(|left| self.cost[m as usize] <= left)
                && hours_left.is_none_or(|left| self.hours[m as usize] <= left)
        };
        if fits(mask) {
            return mask.count_ones();
        }
        submasks(mask)
            .filter(|&m| fits(m))
            .map(u32::count_ones)
            .max()
            .unwrap_or(0)
    }

    /// The least weight of covering at least `need` goals of `mask` within the remaining
    /// cost and hours.
    pub fn weight_of_at_least(
        &self,
        mask: u32,
        need: u32,
        cost_left: Option<i64>,
        hours_left: Option<i64>,
    ) -> Weight {
        if need == 0 {
            return Weight::default();
        }
        if need >= mask.count_ones() {
            return self.weight(mask);
        }
        submasks(mask)
            .filter(|&m| m.count_ones() >= need)
            .filter(|&m| {
                cost_left.is_none_or(|left| self.cost[m as usize] <= left)
                    && hours_left.is_none_or(|left| self.hours[m as usize] <= left)
            })
            .map(|m| self.weight(m))
            .min()
            .unwrap_or(Weight::INFINITE)
    }
}

/// Every subset of `mask`, itself included, the empty set left out.
fn submasks(mask: u32) -> impl Iterator<Item = u32> {
    let mut next = Some(mask);
    std::iter::from_fn(move || {
        let current = next.filter(|&m| m != 0)?;
        next = Some((current - 1) & mask);
        Some(current)
    })
}

#[cfg(test)]
mod tests {
    use super::submasks;

    #[test]
    fn submasks_are_every_nonempty_subset() {
        let mut all: Vec<u32> = submasks(0b101).collect();
        all.sort_unstable();
        assert_eq!(all, vec![0b001, 0b100, 0b101]);
        assert_eq!(submasks(0).count(), 0);
    }
}

//! Lower bounds for the search: the cheapest way to cover a set of goals if prerequisites
//! were free, by dynamic programming over subsets of (up to [`MAX_GOALS`]) goals. Covering
//! goals needs at least one credential per goal and a credential covers the goals it
//! supports, so this weighted set cover is a valid lower bound on any completion; it is
//! exact when the best plan needs no prerequisites, which makes the search stop at once.
//! Where it needs prerequisites, [`chained`] adds what the chains under the goals weigh.

use std::collections::BTreeMap;

use super::chains::Chains;
use super::reduce::{Problem, Weight};
use super::search;

mod chained;
pub(super) mod lp;
mod near;
mod paths;
mod priced;
mod relaxed;

use chained::{Chained, Plain};
use lp::Lp;
pub(super) use near::{Beyond, Near};
use paths::Paths;
use priced::Priced;
use relaxed::Relaxed;

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
    /// The same, seeing what the goals' supporters need first: totals of whole sets.
    pub chained: Chained,
    /// Per item and subset, following one chain at a time; `None` on large problems.
    pub paths: Option<Paths>,
    /// The two limits priced together; `None` unless both are set.
    pub priced: Option<Priced>,
    /// The problem solved without its limits, per subset of goals; `None` until a search
    /// with limits runs long (see [`relaxed`]).
    pub relaxed: Option<Relaxed>,
    /// The linear relaxation with both limits, per subset of goals; `None` until a search
    /// with limits runs long (see [`lp`]).
    pub lp: Option<Lp>,
}

/// A node's set so far and the limits on the whole set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Room<'a> {
    pub weight: Weight,
    pub cost: i64,
    pub hours: i64,
    pub budget: Option<i64>,
    pub max_hours: Option<i64>,
    /// The bounded goals the set so far meets.
    pub met: u32,
    /// What the rest needs beyond the set so far, when the node is worth settling it.
    pub near: Option<&'a Near>,
}

impl CoverBound {
    /// The chains are those of the measures that have a limit.
    pub fn new(
        problem: &Problem,
        cost_chains: Option<&Chains>,
        hours_chains: Option<&Chains>,
    ) -> CoverBound {
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
        let chained = Chained::new(
            problem,
            goals,
            &Plain {
                cover: &cover,
                weight: &weight,
                cost: &cost,
                hours: &hours,
                cost_chains,
                hours_chains,
            },
        );
        let priced = Priced::new(problem, goals, &cover, &chained.reach);
        CoverBound {
            cover,
            weight,
            cost,
            hours,
            chained,
            paths: None,
            priced,
            relaxed: None,
            lp: None,
        }
    }

    /// Adds the bounds of the linear relaxation with both limits ([`lp`]), for subsets of at
    /// least `least_goals` goals, over the items that may be in a set of weight `below` at
    /// most, solved until `deadline`.
    pub fn add_lp(
        &mut self,
        problem: &Problem,
        (least_goals, below): (usize, Weight),
        deadline: Option<std::time::Instant>,
    ) {
        let goals = problem.open.len().min(MAX_GOALS);
        let least_goals = least_goals.saturating_sub(problem.open.len() - goals);
        let lp = Lp::new(problem, goals, (least_goals, below), deadline);
        match &mut self.lp {
            Some(earlier) => earlier.keep_stronger(lp),
            None => self.lp = Some(lp),
        }
    }

    /// The least weight of a set meeting the goals of `mask` by the problem without its
    /// limits and by the linear relaxation (nothing: neither is built).
    fn solved(&self, mask: u32) -> Weight {
        let relaxed = self
            .relaxed
            .as_ref()
            .map_or(Weight::default(), |relaxed| relaxed.least(mask));
        let lp = self
            .lp
            .as_ref()
            .map_or(Weight::default(), |lp| lp.least(mask));
        relaxed.max(lp)
    }

    /// Adds the bounds of the problem solved without its limits ([`relaxed`]), for subsets
    /// of at least `least_goals` goals, over the items that may be in a set of weight
    /// `below` at most, each search stopped by `stop`; returns the sets found on the way
    /// that fit the limits, with their weights.
    pub fn add_relaxed(
        &mut self,
        problem: &Problem,
        (least_goals, below): (usize, Weight),
        stop: search::Stop,
    ) -> Vec<(Vec<u32>, Weight)> {
        let goals = problem.open.len().min(MAX_GOALS);
        // A set meeting `least_goals` goals meets that many less the goals left unbounded.
        let least_goals = least_goals.saturating_sub(problem.open.len() - goals);
        let mut relaxed = Relaxed::new(problem, goals, (least_goals, below), stop);
        let found = std::mem::take(&mut relaxed.found);
        self.relaxed = Some(relaxed);
        found
    }

    /// Adds the bound that follows one chain at a time ([`paths`]), when the problem is
    /// small enough for its table: built only for searches that run long, as it costs more
    /// than the easy ones take.
    pub fn add_paths(&mut self, problem: &Problem) {
        let goals = problem.open.len().min(MAX_GOALS);
        let Some(paths) = Paths::new(problem, goals, &self.cover, &self.weight) else {
            return;
        };
        // A set meeting every goal of a subset holds a supporter of each, with its chain.
        for (mask, best) in self.chained.weight.iter_mut().enumerate().skip(1) {
            for (g, (_, supporters)) in problem.open.iter().take(goals).enumerate() {
                if mask & (1 << g) != 0 {
                    let least = supporters
                        .iter()
                        .map(|&e| paths.get(mask as u32, e))
                        .min()
                        .unwrap_or(Weight::INFINITE);
                    *best = (*best).max(least);
                }
            }
        }
        self.paths = Some(paths);
    }

    /// The least weight of covering every goal of `mask`.
    pub fn weight(&self, mask: u32) -> Weight {
        self.weight[mask as usize]
    }

    /// Whether covering the goals of `m` with new items can fit the limits: the new items'
    /// least total and, with what the goals' supporters need first, the whole set's.
    fn fits(&self, m: u32, room: &Room) -> bool {
        let m = m as usize;
        let within = |limit: Option<i64>, so_far: i64, new: &[i64], whole: &[i64]| {
            limit.is_none_or(|most| {
                new[m] <= most - so_far && whole.get(m).is_none_or(|&w| w <= most)
            })
        };
        let beyond = |limit: Option<i64>, so_far: i64, near: Option<&Beyond<i64>>, own| match (
            limit, near,
        ) {
            (Some(most), Some(near)) => near
                .adds(m as u32, own, i64::saturating_add)
                .is_some_and(|adds| adds <= most - so_far),
            _ => true,
        };
        let near = room.near;
        self.solved(room.met | m as u32) != Weight::INFINITE
            && within(room.budget, room.cost, &self.cost, &self.chained.cost)
            && self.priced.as_ref().is_none_or(|priced| {
                let near = room.near.and_then(|near| near.priced.as_ref());
                priced.fits(m as u32, room.cost, room.hours, near)
            })
            && within(room.max_hours, room.hours, &self.hours, &self.chained.hours)
            && beyond(
                room.budget,
                room.cost,
                near.and_then(|n| n.cost.as_ref()),
                &self.cost,
            )
            && beyond(
                room.max_hours,
                room.hours,
                near.and_then(|n| n.hours.as_ref()),
                &self.hours,
            )
    }

    /// The most goals of `mask` whose covering fits the limits.
    pub fn most_coverable(&self, mask: u32, room: &Room) -> u32 {
        if self.fits(mask, room) {
            return mask.count_ones();
        }
        // Only a subset larger than the best so far needs checking.
        submasks(mask).fold(0, |most, m| {
            if m.count_ones() > most && self.fits(m, room) {
                m.count_ones()
            } else {
                most
            }
        })
    }

    /// The least total weight of a set that adds to the set so far at least `floor` and
    /// covers at least `need` goals of `mask` within the limits.
    pub fn total_of_at_least(&self, mask: u32, need: u32, floor: Weight, room: &Room) -> Weight {
        let total = |m: u32| {
            let new = self.weight(m).max(floor);
            let beyond = room.near.map_or(Some(Weight::default()), |near| {
                near.weight.adds(m, &self.weight, |a, b| a + b)
            });
            let priced = self.priced.as_ref().map_or(0, |priced| {
                let near = room.near.and_then(|near| near.priced.as_ref());
                let so_far = (room.weight.primary, room.cost, room.hours);
                priced.least_primary(m, so_far, near)
            });
            let priced = Weight {
                primary: priced,
                ..Weight::default()
            };
            let relaxed = self.solved(room.met | m);
            beyond.map_or(Weight::INFINITE, |beyond| {
                (room.weight + new.max(beyond))
                    .max(self.chained.weight[m as usize])
                    .max(priced)
                    .max(relaxed)
            })
        };
        if need == 0 {
            return (room.weight + floor).max(self.solved(room.met));
        }
        if need >= mask.count_ones() {
            return total(mask);
        }
        submasks(mask)
            .filter(|&m| m.count_ones() >= need && self.fits(m, room))
            .map(total)
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

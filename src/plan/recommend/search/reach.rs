//! What a set below a node can still reach: how many goals, and at least what weight.

use super::Search;
use super::blocked::Blocked;
use crate::plan::recommend::bound::{MAX_GOALS, Near, Room};
use crate::plan::recommend::reduce::Weight;

impl Search<'_> {
    /// True when no set below this node can beat the best found.
    pub(super) fn cannot_beat_best(
        &self,
        met: usize,
        reachable: &[(usize, Vec<u32>)],
        blocked: &Blocked,
        near: Option<&Near>,
    ) -> bool {
        let (most, lower) = self.reach(met, reachable, blocked, near);
        if most != self.best_met {
            return most < self.best_met;
        }
        lower > self.best_weight || !self.seeded && lower == self.best_weight
    }

    /// What a set below this node can reach: at most this many goals, and, meeting as many
    /// as the best found, at least this weight (the current set's included). `near`, when
    /// settled, sharpens both.
    pub(super) fn reach(
        &self,
        met: usize,
        reachable: &[(usize, Vec<u32>)],
        blocked: &Blocked,
        near: Option<&Near>,
    ) -> (usize, Weight) {
        let mut mask = 0u32;
        let mut unbounded = 0;
        for &(g, _) in reachable {
            if g < MAX_GOALS {
                mask |= 1 << g;
            } else {
                unbounded += 1;
            }
        }
        let room = Room {
            weight: self.weight,
            cost: self.cost,
            hours: self.hours,
            budget: self.problem.budget,
            max_hours: self.problem.max_hours,
            met: self.met_mask(),
            near,
        };
        let most = met + unbounded + self.bound.most_coverable(mask, &room) as usize;
        // More goals than the best: any weight beats it. Fewer: none does.
        if most > self.best_met {
            return (most, Weight::default());
        }
        if most < self.best_met {
            return (most, Weight::INFINITE);
        }
        // Only a tie on goals is possible, so the weight decides.
        let need = (self.best_met - met).saturating_sub(unbounded) as u32;
        let floor = match blocked {
            Blocked::Branch(_, blocked_lower) => *blocked_lower,
            _ => Weight::default(),
        };
        let mut whole = self.bound.total_of_at_least(mask, need, floor, &room);
        // Every goal left must be met: each needs a supporter with its chain, and the goals
        // beyond that chain's reach need items outside it (see `bound::chained`). The chain
        // may overlap the set so far, hence a max and not a sum.
        if need as usize + unbounded >= reachable.len() {
            for (g, supporters) in reachable {
                let through = |e: u32| {
                    let item = &self.problem.items[e as usize];
                    let beyond = if *g < MAX_GOALS {
                        mask & !self.bound.chained.reach[e as usize]
                    } else {
                        0
                    };
                    let chain = item.with_prerequisites + self.bound.weight(beyond);
                    self.bound
                        .paths
                        .as_ref()
                        .map_or(chain, |paths| chain.max(paths.get(mask, e)))
                };
                let least = supporters
                    .iter()
                    .map(|&e| through(e))
                    .min()
                    .unwrap_or(Weight::INFINITE);
                whole = whole.max(least);
            }
        }
        for &item in &self.chosen {
            whole = whole.max(self.problem.items[item as usize].with_prerequisites);
        }
        (most, whole)
    }

    /// The bounded goals the set meets, when a bound asks for them (see `bound::relaxed` and
    /// `bound::lp`).
    fn met_mask(&self) -> u32 {
        if self.bound.relaxed.is_none() && self.bound.lp.is_none() {
            return 0;
        }
        let bounded = self.problem.open.iter().take(MAX_GOALS).enumerate();
        bounded
            .filter(|(_, (_, supporters))| self.has_member(supporters, |_| true))
            .fold(0, |mask, (g, _)| mask | 1 << g)
    }
}

//! What a stopped search leaves unexplored, and how far from the best that lets its answer be.

use super::Search;
use super::blocked::Blocked;
use crate::plan::recommend::reduce::Weight;

impl Search<'_> {
    /// Records a part of the search left unexplored that can reach at most `most` goals,
    /// and, meeting as many as the best found, weighs at least `lower`.
    pub(super) fn leave(&mut self, most: usize, lower: Weight) {
        if most > self.best_met {
            self.frontier_more = true;
        } else if most == self.best_met {
            self.frontier_weight = self.frontier_weight.min(lower);
        }
    }

    /// Leaves what is below the current node unexplored.
    pub(super) fn leave_here(&mut self) {
        self.derive();
        let blocked = self.blocked();
        if matches!(blocked, Blocked::Dead) {
            return;
        }
        let (met, reachable) = self.goals();
        self.leave_node(met, &reachable, &blocked);
    }

    /// Leaves the current node unexplored, bounded as well as it can be.
    pub(super) fn leave_node(
        &mut self,
        met: usize,
        reachable: &[(usize, Vec<u32>)],
        blocked: &Blocked,
    ) {
        let near = if self.near_pays() {
            // No valid set below it: nothing is left there.
            let Some(near) = self.near(reachable) else {
                return;
            };
            Some(near)
        } else {
            None
        };
        let (most, lower) = self.reach(met, reachable, blocked, near.as_ref());
        self.leave(most, lower);
    }
}

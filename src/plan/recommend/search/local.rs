//! Better answers while a hard search runs (once it passes `NEAR_AFTER` nodes, and whenever
//! it finds a better set after), so that one stopped at its deadline answers close to the
//! best: from the best set found, each item in turn (heaviest first) is taken out with
//! whatever can no longer be ordered without it, the goals left unmet are met again as the
//! first answer meets them (see `greedy`: each by the supporter that adds the least with what
//! it needs first, within the limits), and what the set can do without is dropped. A set that
//! meets more goals, or as many for less, replaces the best and the moves start again. This
//! swaps a credential for a cheaper or shorter one with its own prerequisites, and repairs a
//! cover that has no valid order by pulling in what one of its items needs.

use std::time::Instant;

use super::Search;
use crate::plan::recommend::reduce::Weight;

/// Rounds of moves at most per call: each round that improves starts the moves again.
const ROUNDS: usize = 8;

impl Search<'_> {
    /// Improves the best set found by the moves above, outside the node the search is at
    /// (its set, exclusions and goals given up are put back after).
    pub(super) fn improve_best(&mut self) {
        if self.stop.deadline.is_some_and(|d| Instant::now() >= d) || self.best_items.is_empty() {
            return;
        }
        let at_node = self.chosen.clone();
        self.truncate(0);
        let excluded = std::mem::take(&mut self.excluded);
        self.excluded = std::mem::take(&mut self.spare_excluded);
        let given_up = std::mem::replace(&mut self.given_up, vec![false; self.problem.open.len()]);
        for item in self.best_items.clone() {
            self.add(item);
        }
        let (mut met, mut weight) = (self.best_met, self.best_weight);
        let mut improved = false;
        for _ in 0..ROUNDS {
            let Some((better_met, better_weight)) = self.one_better(met, weight) else {
                break;
            };
            (met, weight) = (better_met, better_weight);
            improved = true;
        }
        if improved && self.beats_best(met, weight) {
            self.best_met = met;
            self.best_weight = weight;
            self.best_items.clone_from(&self.chosen);
            // As for the first answer: a set as good that the search finds replaces it.
            self.seeded = true;
        }
        self.truncate(0);
        self.spare_excluded = std::mem::replace(&mut self.excluded, excluded);
        self.given_up = given_up;
        for item in at_node {
            self.add(item);
        }
        self.derive();
    }

    /// The first move that beats a set meeting `met` goals at `weight` (the set held now),
    /// leaving its set held; `None`, with the set as it was, when none does.
    fn one_better(&mut self, met: usize, weight: Weight) -> Option<(usize, Weight)> {
        let problem = self.problem;
        let mut order = self.chosen.clone();
        order.sort_by_key(|&e| std::cmp::Reverse((problem.items[e as usize].weight, e)));
        let kept = self.chosen.clone();
        for out in order {
            self.truncate(0);
            for &item in &kept {
                if item != out {
                    self.add(item);
                }
            }
            self.drop_unordered();
            self.meet_goals();
            self.drop_unneeded();
            self.derive();
            let valid = self.chosen.iter().all(|&c| self.derived[c as usize]);
            let (now_met, _) = self.goals();
            if valid && (now_met > met || now_met == met && self.weight < weight) {
                return Some((now_met, self.weight));
            }
        }
        self.truncate(0);
        for &item in &kept {
            self.add(item);
        }
        None
    }

    /// Takes out every item that cannot be put in order with the rest.
    fn drop_unordered(&mut self) {
        self.derive();
        let ordered: Vec<u32> = self
            .chosen
            .iter()
            .copied()
            .filter(|&c| self.derived[c as usize])
            .collect();
        if ordered.len() < self.chosen.len() {
            self.truncate(0);
            for item in ordered {
                self.add(item);
            }
        }
    }
}

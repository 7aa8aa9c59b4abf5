//! Better answers while a hard search runs (once it passes `NEAR_AFTER` nodes, and whenever
//! it finds a better set after), so that one stopped at its deadline answers close to the
//! best. From the best set found, three kinds of move, each followed by a repair: the goals
//! left unmet are met again as the first answer meets them (see `greedy`: each by the
//! supporter that adds the least with what it needs first, within the limits), and what the
//! set can do without is dropped.
//!
//! - Each item in turn (heaviest first) is taken out with whatever can no longer be ordered
//!   without it, and the repair may take it again: a goal met again in the light of the rest.
//! - The same, with the item kept out of the repair: one credential swapped for another
//!   with its own prerequisites (one for two, or more).
//! - Each pair of items taken out and kept out: two swapped for one, where a single
//!   credential (with what it needs) meets what both did.
//!
//! A set that meets more goals, or as many for less, replaces the best and the moves start
//! again. This also repairs a cover that has no valid order by pulling in what one of its
//! items needs. Besides the best set, the search dives now and then from the node it is at
//! (see `dive`): the node's set completed the same way, so that the moves start from other
//! parts of the search too.

use std::time::Instant;

use super::Search;
use crate::plan::recommend::reduce::Weight;

/// Rounds of moves at most per call: each round that improves starts the moves again.
const ROUNDS: usize = 8;

/// Pairs of items are taken out together only from sets of at most this many items.
const PAIRS_UP_TO: usize = 16;

impl Search<'_> {
    fn past_deadline(&self) -> bool {
        self.stop.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// Improves the best set found by the moves above, outside the node the search is at
    /// (its set, exclusions and goals given up are put back after).
    pub(super) fn improve_best(&mut self) {
        if self.past_deadline() || self.best_items.is_empty() {
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
            self.keep_as_best(met);
        }
        self.truncate(0);
        self.spare_excluded = std::mem::replace(&mut self.excluded, excluded);
        self.given_up = given_up;
        for item in at_node {
            self.add(item);
        }
        self.derive();
    }

    /// The set held becomes the best, meeting `met` goals; as for the first answer, a set
    /// as good that the search finds replaces it.
    fn keep_as_best(&mut self, met: usize) {
        self.best_met = met;
        self.best_weight = self.weight;
        self.best_items.clone_from(&self.chosen);
        self.seeded = true;
    }

    /// The first move that beats a set meeting `met` goals at `weight` (the set held now),
    /// leaving its set held; `None`, with the set as it was, when none does.
    fn one_better(&mut self, met: usize, weight: Weight) -> Option<(usize, Weight)> {
        let problem = self.problem;
        let mut order = self.chosen.clone();
        order.sort_by_key(|&e| std::cmp::Reverse((problem.items[e as usize].weight, e)));
        let kept = self.chosen.clone();
        let mut moves: Vec<(u32, Option<u32>, bool)> = Vec::new();
        moves.extend(order.iter().map(|&out| (out, None, false)));
        moves.extend(order.iter().map(|&out| (out, None, true)));
        if order.len() <= PAIRS_UP_TO {
            for (at, &first) in order.iter().enumerate() {
                moves.extend(
                    order[at + 1..]
                        .iter()
                        .map(|&second| (first, Some(second), true)),
                );
            }
        }
        for (first, second, keep_out) in moves {
            if self.past_deadline() {
                break;
            }
            self.truncate(0);
            for &item in &kept {
                if item != first && Some(item) != second {
                    self.add(item);
                }
            }
            let outs = [Some(first), second];
            if keep_out {
                for out in outs.into_iter().flatten() {
                    self.excluded[out as usize] = true;
                }
            }
            self.drop_unordered();
            self.meet_goals();
            self.drop_unneeded();
            for out in outs.into_iter().flatten() {
                self.excluded[out as usize] = false;
            }
            if let Some(now_met) = self.valid_met()
                && super::better((now_met, self.weight), (met, weight))
            {
                return Some((now_met, self.weight));
            }
        }
        self.truncate(0);
        for &item in &kept {
            self.add(item);
        }
        None
    }

    /// How many goals the set held meets, when it has a valid order.
    fn valid_met(&mut self) -> Option<usize> {
        self.derive();
        let valid = self.chosen.iter().all(|&c| self.derived[c as usize]);
        valid.then(|| self.goals().0)
    }

    /// Completes the node's set as the first answer is built (what its items need first,
    /// then the goals left, then without what it can do without), avoiding what the node
    /// excludes; a set that beats the best replaces it and is improved by the moves above.
    /// The node is put back after.
    pub(super) fn dive(&mut self) {
        if self.past_deadline() {
            return;
        }
        let at_node = self.chosen.clone();
        self.derive();
        let (ordered, blocked): (Vec<u32>, Vec<u32>) =
            at_node.iter().partition(|&&c| self.derived[c as usize]);
        let given_up = std::mem::replace(&mut self.given_up, vec![false; self.problem.open.len()]);
        self.truncate(0);
        for &item in &ordered {
            self.add(item);
        }
        for item in blocked {
            let mark = self.chosen.len();
            if !self.pull_in(item) {
                self.truncate(mark);
            }
        }
        self.drop_unordered();
        self.meet_goals();
        self.drop_unneeded();
        let better = self
            .valid_met()
            .filter(|&met| self.beats_best(met, self.weight));
        if let Some(met) = better {
            self.keep_as_best(met);
        }
        self.truncate(0);
        self.given_up = given_up;
        for item in at_node {
            self.add(item);
        }
        self.derive();
        if better.is_some() {
            self.improve_best();
        }
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

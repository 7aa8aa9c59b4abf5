//! A good first answer before the search starts, so that its bounds cut from the first node
//! and a search stopped early still answers with something close: goals are met one at a
//! time, each by the supporter that adds the least together with what it needs first
//! (pulled in before it, so the set keeps a valid order: a supporter that would need itself
//! in a circle is never taken), within the limits; then items the set can do without are
//! dropped, heaviest first.

use std::time::Instant;

use super::Search;
use crate::plan::recommend::reduce::Weight;

/// Supporters tried per goal, lightest (with what they need first) first.
const TRIED_PER_GOAL: usize = 16;
/// Supporters tried per requirement of an item being pulled in.
const TRIED_PER_REQUIREMENT: usize = 3;
/// Items pulled in, at most, while trying one supporter of a goal.
const STEPS_PER_TRY: u32 = 200;

/// What pulling items in has done for one try, and each requirement's lightest supporters
/// (computed when first needed, as popular skills have thousands).
struct Steps {
    taken: u32,
    lightest: Vec<Vec<u32>>,
}

impl Search<'_> {
    /// Builds the first answer and keeps it as the best found; the set is empty again after.
    pub(super) fn seed(&mut self) {
        self.meet_goals();
        self.drop_unneeded();
        self.derive();
        let valid = self.chosen.iter().all(|&c| self.derived[c as usize]);
        let (met, _) = self.goals();
        if valid && self.beats_best(met, self.weight) {
            self.best_met = met;
            self.best_weight = self.weight;
            self.best_items.clone_from(&self.chosen);
            self.seeded = true;
        }
        self.truncate(0);
    }

    /// Meets the goals the set does not meet, lightest first, each by the supporter that
    /// adds the least with what it needs first (of the lightest few), where one can be
    /// pulled in within the limits.
    pub(super) fn meet_goals(&mut self) {
        let problem = self.problem;
        let least = |supporters: &[u32]| {
            supporters
                .iter()
                .map(|&e| problem.items[e as usize].with_prerequisites)
                .min()
                .unwrap_or(Weight::INFINITE)
        };
        let mut steps = Steps {
            taken: 0,
            lightest: vec![Vec::new(); problem.requirements.len()],
        };
        let mut goals: Vec<usize> = (0..problem.open.len()).collect();
        goals.sort_by_key(|&g| (least(&problem.open[g].1), g));
        for g in goals {
            let supporters = &problem.open[g].1;
            if self.has_member(supporters, |_| true) {
                continue;
            }
            let mut candidates: Vec<u32> = supporters
                .iter()
                .copied()
                .filter(|&e| self.available(e))
                .collect();
            candidates.sort_by_key(|&e| (problem.items[e as usize].with_prerequisites, e));
            candidates.truncate(TRIED_PER_GOAL);
            let mut best: Option<(Weight, Vec<u32>)> = None;
            for (tried, e) in candidates.into_iter().enumerate() {
                // The lightest is always tried, so a search stopped before it starts (a
                // huge catalog, a busy machine) still answers with a plan.
                if tried > 0 && self.stop.deadline.is_some_and(|d| Instant::now() >= d) {
                    break;
                }
                let mark = self.chosen.len();
                let before = self.weight;
                steps.taken = 0;
                if self.pull(e, &mut Vec::new(), &mut steps) {
                    let added = self.weight - before;
                    if best.as_ref().is_none_or(|(weight, _)| added < *weight) {
                        best = Some((added, self.chosen[mark..].to_vec()));
                    }
                }
                self.truncate(mark);
            }
            if let Some((_, items)) = best {
                for item in items {
                    self.add(item);
                }
            }
        }
    }

    /// Adds `item` after what it needs first, as `pull` does; false when it cannot be (with
    /// the set as it was, up to items already pulled in).
    pub(super) fn pull_in(&mut self, item: u32) -> bool {
        let mut steps = Steps {
            taken: 0,
            lightest: vec![Vec::new(); self.problem.requirements.len()],
        };
        self.pull(item, &mut Vec::new(), &mut steps)
    }

    /// Adds `item` after what it needs first, choosing for each requirement the set does
    /// not meet the lightest supporter that can be pulled in; false (with the set as it
    /// was, up to items already pulled in) when that fails or breaks a limit.
    fn pull(&mut self, item: u32, visiting: &mut Vec<u32>, steps: &mut Steps) -> bool {
        if self.in_set[item as usize] {
            return true;
        }
        if visiting.contains(&item) || steps.taken >= STEPS_PER_TRY || !self.available(item) {
            return false;
        }
        steps.taken += 1;
        visiting.push(item);
        let problem = self.problem;
        for slot in problem.items[item as usize].requirements.clone() {
            let supporters = &problem.requirements[slot];
            if self.has_member(supporters, |_| true) {
                continue;
            }
            if steps.lightest[slot].is_empty() {
                // Enough to leave out what is being pulled in above (at most the depth).
                let mut lightest = supporters.to_vec();
                let keep = (TRIED_PER_REQUIREMENT + 8).min(lightest.len());
                let key = |&s: &u32| (problem.items[s as usize].with_prerequisites, s);
                if keep < lightest.len() {
                    lightest.select_nth_unstable_by_key(keep, key);
                    lightest.truncate(keep);
                }
                lightest.sort_by_key(key);
                steps.lightest[slot] = lightest;
            }
            let options: Vec<u32> = steps.lightest[slot]
                .iter()
                .copied()
                .filter(|s| !visiting.contains(s))
                .take(TRIED_PER_REQUIREMENT)
                .collect();
            let mut met = false;
            for s in options {
                let mark = self.chosen.len();
                if self.pull(s, visiting, steps) {
                    met = true;
                    break;
                }
                self.truncate(mark);
            }
            if !met {
                visiting.pop();
                return false;
            }
        }
        visiting.pop();
        if !self.available(item) {
            return false;
        }
        self.add(item);
        true
    }

    /// Removes the items added after the first `len`.
    pub(super) fn truncate(&mut self, len: usize) {
        while self.chosen.len() > len {
            let last = self.chosen[self.chosen.len() - 1];
            self.remove(last);
        }
    }

    /// Drops, heaviest first, each item without which the set still has a valid order and
    /// meets as many goals.
    pub(super) fn drop_unneeded(&mut self) {
        let (met, _) = self.goals();
        let mut heaviest: Vec<u32> = self.chosen.clone();
        let problem = self.problem;
        heaviest.sort_by_key(|&e| std::cmp::Reverse((problem.items[e as usize].weight, e)));
        for item in heaviest {
            let at = self
                .chosen
                .iter()
                .position(|&c| c == item)
                .expect("a chosen item");
            let kept = self.chosen.clone();
            self.chosen.remove(at);
            self.in_set[item as usize] = false;
            self.derive();
            let valid = self.chosen.iter().all(|&c| self.derived[c as usize]);
            if valid && self.goals().0 >= met {
                let it = &problem.items[item as usize];
                self.cost -= it.cost;
                self.hours -= it.hours;
                self.weight = self.weight - it.weight;
            } else {
                self.chosen = kept;
                self.in_set[item as usize] = true;
            }
        }
    }
}

//! The exact search: branch and bound over sets of items.
//!
//! A node is a chosen set `S` and a set `X` of items excluded from it. `D(S)`, the
//! derivable part of `S`, is the fixpoint of taking items of `S` whose every requirement
//! is satisfied by items already taken; `S` has a valid order exactly when `D(S) = S`.
//! Checking requirements against all of `S` instead would accept sets that only satisfy
//! themselves in a circle, which is why everything here goes through `D(S)`.
//!
//! Branching (each rule covers every valid superset of `S` that avoids `X`, and its
//! children, "include `e_i`, exclude `e_1..e_(i-1)`", are disjoint):
//!
//! - Blocked items `B = S \ D(S)`: if some requirement of a blocked item is unsatisfied by
//!   `D(S)` and no item of `B` supports it, a new item must support it: branch over its
//!   new supporters. Otherwise the first item of `B` in any valid order has a requirement
//!   that only a new item can have satisfied before it: branch over the new supporters of
//!   all unsatisfied requirements of blocked items.
//! - No blocked items (`S` is valid and a candidate answer): pick an open goal and branch
//!   over its supporters, plus one last branch where the goal stays unmet and all its
//!   supporters are excluded.
//!
//! Following the branches that agree with an optimal set `S*` reaches a valid leaf inside
//! `S*` that meets the same goals, so no optimum is lost; the bounds (goals still
//! reachable, and the cover bound on the weight still to pay) only cut nodes that cannot
//! beat the best set found.

use std::time::{Duration, Instant};

use super::bound::CoverBound;

mod blocked;
mod frontier;
mod greedy;
mod incremental;
#[cfg(test)]
mod incremental_tests;
mod limits;
mod local;
mod near;
mod needs;
mod order;
mod reach;

use super::reduce::{Problem, Weight};
use blocked::Blocked;
use limits::Limits;
use near::{NearState, Step};

/// Once stopped, the nodes left are bounded one by one up to this many (a tighter gap);
/// after that, each node's bound covers all of its branches left at once.
const SWEPT_AFTER_STOP: u64 = 1024;

/// ...or for this long past the deadline, as each node's bound settles chains again (see
/// `near`).
const SWEPT_FOR: Duration = Duration::from_millis(100);

/// After this many nodes the search is a hard one: it builds the bound that follows one
/// chain at a time (see `bound`), which costs more than an easy search takes in all.
const PATHS_AFTER: u64 = 20_000;

/// After this many nodes, each node that the bounds so far do not cut settles what the rest
/// of the set needs beyond it (see `bound::near`): the first settle walks the whole problem,
/// each after it only what changed since (see `near`), so only the easy searches, which
/// end before it, are spared the first.
const NEAR_AFTER: u64 = 256;

/// Past `NEAR_AFTER`, a node not cut dives (see `local`) this many nodes after the last dive.
const DIVE_EVERY: u64 = if cfg!(test) { 8 } else { 1024 };

/// After this many nodes a search with limits solves the problem without them (see
/// `bound::relaxed` and `limits`).
const RELAXED_AFTER: u64 = 4_096;

/// Whether a set meeting `met` goals at `weight` is better than one meeting `than_met` at
/// `than_weight`: it meets more goals, or as many for less.
fn better((met, weight): (usize, Weight), (than_met, than_weight): (usize, Weight)) -> bool {
    met > than_met || (met == than_met && weight < than_weight)
}

#[derive(Debug, Clone)]
pub(super) struct Solution {
    pub items: Vec<u32>,
    /// Its weight.
    pub weight: Weight,
    pub optimal: bool,
    /// Stopped early: a lower bound on the weight of any set that meets as many goals,
    /// from every part of the search left unexplored; `None` when a set meeting more goals
    /// may exist there (or the answer is optimal).
    pub lower: Option<Weight>,
}

/// When to stop searching and answer with the best set found so far.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stop {
    pub deadline: Option<Instant>,
    /// After this many nodes: the same stop on every machine, for tests and benchmarks.
    pub nodes: Option<u64>,
}

pub(super) fn solve(problem: &Problem, stop: Stop) -> Solution {
    let n = problem.items.len();
    let limits = Limits::new(problem);
    let (cost_chains, hours_chains) = limits.chains();
    let bound = CoverBound::new(problem, cost_chains, hours_chains);
    let mut search = Search {
        problem,
        bound,
        limits,
        in_set: vec![false; n],
        chosen: Vec::new(),
        derived: vec![false; n],
        excluded: vec![false; n],
        given_up: vec![false; problem.open.len()],
        cost: 0,
        hours: 0,
        weight: Weight::default(),
        best_met: 0,
        best_weight: Weight::default(),
        best_items: Vec::new(),
        seeded: false,
        nodes: 0,
        swept: 0,
        stop,
        stopped: false,
        frontier_more: false,
        frontier_weight: Weight::INFINITE,
        steps: Vec::new(),
        steps_kept: 0,
        near_state: None,
        root_takeable: Vec::new(),
        spare_excluded: vec![false; n],
        next_dive: if cfg!(test) { 1 } else { NEAR_AFTER },
    };
    search.root_takeable = (0..n as u32).map(|i| search.available(i)).collect();
    search.seed();
    search.explore();
    let mut items = search.best_items;
    items.sort_unstable();
    // Stopped where nothing left could meet more goals or weigh less: proven all the same.
    let proven =
        !search.stopped || (!search.frontier_more && search.frontier_weight >= search.best_weight);
    let lower = (!proven && !search.frontier_more).then_some(search.frontier_weight);
    Solution {
        items,
        weight: search.best_weight,
        optimal: proven,
        lower,
    }
}

struct Search<'p> {
    problem: &'p Problem,
    bound: CoverBound,
    limits: Limits,
    in_set: Vec<bool>,
    chosen: Vec<u32>,
    /// Scratch: which chosen items are derivable.
    derived: Vec<bool>,
    excluded: Vec<bool>,
    /// Goals decided unmet on this branch.
    given_up: Vec<bool>,
    cost: i64,
    hours: i64,
    weight: Weight,
    best_met: usize,
    best_weight: Weight,
    best_items: Vec<u32>,
    /// The best is still the first answer (see `greedy`), which a set as good replaces.
    seeded: bool,
    nodes: u64,
    /// Nodes bounded one by one after the stop.
    swept: u64,
    stop: Stop,
    stopped: bool,
    /// Once stopped: some unexplored node may lead to a set that meets more goals than the
    /// best found...
    frontier_more: bool,
    /// ...or else the least weight any of them could reach while meeting as many.
    frontier_weight: Weight,
    /// The path from the root: what joined the set and what was excluded, in order...
    steps: Vec<Step>,
    /// ...how many of them the node settle has applied and still agree with the path...
    steps_kept: usize,
    /// ...and the node settle itself, once a node asks for it (see `near`).
    near_state: Option<NearState>,
    /// Which items could join the empty set: no others can join any set.
    root_takeable: Vec<bool>,
    /// No item excluded: what `excluded` is while the best set is improved away from the
    /// node (see `local`).
    spare_excluded: Vec<bool>,
    /// The node count from which the next node not cut dives (see `local`).
    next_dive: u64,
}

impl Search<'_> {
    fn explore(&mut self) {
        self.nodes += 1;
        // The first node checks too, so a deadline already passed stops at once.
        // Past `NEAR_AFTER` a node costs far more than a look at the clock.
        let look = self.nodes % 1024 == 1 || self.nodes > NEAR_AFTER;
        if look && self.stop.deadline.is_some_and(|d| Instant::now() >= d)
            || self.stop.nodes.is_some_and(|most| self.nodes > most)
        {
            self.stopped = true;
        }
        if self.nodes == NEAR_AFTER {
            // A hard search: the best so far (the first answer, or what the easy part of the
            // search found) is worth improving from now on (see `local`).
            self.improve_best();
        }
        if self.nodes == PATHS_AFTER {
            self.bound.add_paths(self.problem);
        }
        if !self.stopped {
            self.add_relaxations();
        }
        self.derive();
        let blocked = self.blocked();
        if matches!(blocked, Blocked::Dead) {
            return;
        }
        let (met, reachable) = self.goals();
        if self.stopped {
            // Left unexplored: what it could still reach bounds how far the answer may be
            // from the best.
            self.leave_node(met, &reachable, &blocked);
            self.swept += 1;
            return;
        }
        // A set as good as the first answer replaces it, so that ties are broken as the
        // search alone would break them: by its own order.
        let ties_first = self.seeded && met == self.best_met && self.weight == self.best_weight;
        if matches!(blocked, Blocked::None) && (self.beats_best(met, self.weight) || ties_first) {
            let improved = self.beats_best(met, self.weight);
            self.seeded = false;
            self.best_met = met;
            self.best_weight = self.weight;
            self.best_items.clone_from(&self.chosen);
            if improved && self.near_pays() {
                self.improve_best();
            }
        }
        if self.cannot_beat_best(met, &reachable, &blocked, None) {
            return;
        }
        // The unit tests settle it from the first node, so that they check it too.
        if self.near_pays() {
            let near = self.near(&reachable);
            if near.is_none_or(|near| self.cannot_beat_best(met, &reachable, &blocked, Some(&near)))
            {
                return;
            }
            if self.nodes >= self.next_dive {
                self.next_dive = self.nodes + DIVE_EVERY;
                self.dive();
            }
        }
        match blocked {
            Blocked::Branch(items, _) => self.branch(&items, None),
            Blocked::Dead => {}
            Blocked::None => {
                // Most constrained goal first: the fewest supporters left to try.
                if let Some((goal, supporters)) =
                    reachable.into_iter().min_by_key(|(g, s)| (s.len(), *g))
                {
                    let supporters = self.order_for_goal(supporters);
                    self.branch(&supporters, Some(goal));
                }
            }
        }
    }

    /// Whether the search has run long enough for the node settle (see `NEAR_AFTER`); the
    /// unit tests settle it from the first node, so that they check it too.
    pub(super) fn near_pays(&self) -> bool {
        cfg!(test) || self.nodes >= NEAR_AFTER
    }

    /// Whether the nodes left are no longer bounded one by one.
    fn swept_enough(&self) -> bool {
        self.swept >= SWEPT_AFTER_STOP
            || self
                .stop
                .deadline
                .is_some_and(|d| Instant::now() >= d + SWEPT_FOR)
    }

    fn beats_best(&self, met: usize, weight: Weight) -> bool {
        better((met, weight), (self.best_met, self.best_weight))
    }

    /// Tries each item in turn, excluding it from the branches after it; with a goal, last
    /// tries leaving that goal unmet.
    fn branch(&mut self, items: &[u32], goal: Option<usize>) {
        let mut left_here = false;
        let path = self.steps.len();
        for (i, &item) in items.iter().enumerate() {
            let before = self.steps.len();
            self.add(item);
            self.step(Step::Join(item));
            self.explore();
            self.unstep(before);
            self.remove(item);
            self.excluded[item as usize] = true;
            self.step(Step::Exclude(item));
            if self.stopped && self.swept_enough() {
                // The branches left are all below this node: its bound covers them at
                // once, where visiting each (thousands, for a popular skill) would run
                // well past the deadline.
                if i + 1 < items.len() || goal.is_some() {
                    self.leave_here();
                }
                left_here = true;
                break;
            }
        }
        if let Some(goal) = goal.filter(|_| !left_here) {
            self.given_up[goal] = true;
            self.explore();
            self.given_up[goal] = false;
        }
        self.unstep(path);
        for &item in items {
            self.excluded[item as usize] = false;
        }
    }

    fn add(&mut self, item: u32) {
        let it = &self.problem.items[item as usize];
        self.in_set[item as usize] = true;
        self.chosen.push(item);
        self.cost += it.cost;
        self.hours += it.hours;
        self.weight = self.weight + it.weight;
    }

    fn remove(&mut self, item: u32) {
        let it = &self.problem.items[item as usize];
        self.in_set[item as usize] = false;
        self.chosen.pop();
        self.cost -= it.cost;
        self.hours -= it.hours;
        self.weight = self.weight - it.weight;
    }

    /// Computes `D(S)` into `derived`.
    fn derive(&mut self) {
        for &item in &self.chosen {
            self.derived[item as usize] = false;
        }
        loop {
            let mut changed = false;
            for &item in &self.chosen {
                if !self.derived[item as usize] && self.ready(item) {
                    self.derived[item as usize] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Every requirement of `item` has a derivable supporter.
    fn ready(&self, item: u32) -> bool {
        self.problem
            .supporters(item)
            .all(|supporters| self.has_member(supporters, |i| self.derived[i as usize]))
    }

    /// Some chosen item that passes `filter` is among `supporters` (sorted).
    fn has_member(&self, supporters: &[u32], filter: impl Fn(u32) -> bool) -> bool {
        self.chosen
            .iter()
            .any(|&c| filter(c) && supporters.binary_search(&c).is_ok())
    }

    /// How many open goals the set meets, and each goal still to decide with its available
    /// supporters.
    fn goals(&self) -> (usize, Vec<(usize, Vec<u32>)>) {
        let mut met = 0;
        let mut reachable = Vec::new();
        for (g, (_, supporters)) in self.problem.open.iter().enumerate() {
            if self.has_member(supporters, |_| true) {
                met += 1;
            } else if !self.given_up[g] {
                let available: Vec<u32> = supporters
                    .iter()
                    .copied()
                    .filter(|&e| self.available(e))
                    .collect();
                if !available.is_empty() {
                    reachable.push((g, available));
                }
            }
        }
        (met, reachable)
    }
}

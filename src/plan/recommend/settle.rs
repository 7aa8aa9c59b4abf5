//! Which credentials can ever be had, with a lower bound on the weight of each together with
//! what it needs first, and a cutoff above which no credential can be in the best plan.
//!
//! The bound is `own weight + max over open requirements of (min over supporters of
//! bound)`, a superior function in Knuth's sense, so settling credentials cheapest first
//! (Dijkstra) finds it exactly, loops through skills included. A settled credential wakes
//! the requirements that name it or a skill it teaches through the catalog's own indexes,
//! so the work follows the credentials settled, never the length of supporter lists; a
//! skill wakes its requirements once, when its first teacher settles.
//!
//! Once every open goal has a settled supporter, those supporters with the supporters that
//! settled each of their requirements first form a valid plan meeting every open goal; no
//! plan can meet more. When it fits the limits its weight is a cutoff: a credential whose
//! bound is above it cannot be in a best plan, so settling stops there; nor can one whose
//! own weight and the least the goals it does not meet add (see `cover`) are above it, so
//! that one never settles.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Instant;

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::catalog::{Atom, Catalog, CredentialIdx, Edge, Requirement};

use super::cover::{GoalIndex, Shares};
use super::reduce::Weight;
use super::view::View;

const NONE: u32 = u32::MAX;

/// What settling found, per catalog credential.
pub(super) struct Settled {
    /// The bound of each credential settled: obtainable, and not above the cutoff.
    pub bound: Vec<Option<Weight>>,
    /// When the deadline stopped settling before the cutoff (never before every open goal
    /// had a settled supporter): the least bound of those left, which every credential not
    /// settled has at least.
    pub stopped_at: Option<Weight>,
    /// A bound at or under which every open goal has a settled supporter and about
    /// [`EARLY`] credentials settled (`None`: fewer settled): what the set-up keeps when
    /// the deadline finds it late, a problem the search's structures are built for quickly.
    pub early: Option<Weight>,
}

/// How many settled credentials a late set-up keeps, about: at 100,000 credentials the
/// whole recommendation takes a few tens of milliseconds.
pub(super) const EARLY: usize = 1 << 16;

/// Settles the `relevant` candidates (a flag per catalog credential) cheapest first. `goals`
/// are the open goals; `limits` are the budget and hour limit in hundredths; `early`
/// how many settled credentials [`Settled::early`] keeps, about.
pub(super) fn settle(
    view: &View<'_>,
    relevant: &[bool],
    goals: &[&Requirement],
    limits: (Option<i64>, Option<i64>),
    (deadline, early_count): (Option<Instant>, usize),
) -> Settled {
    let catalog = view.catalog;
    let needs = &view.needs;
    let n = catalog.credentials.len();
    let mut satisfied = vec![false; needs.slot_count()];
    let mut witness = vec![NONE; needs.slot_count()];
    let mut waiting = vec![0u32; n];
    let mut worst = vec![Weight::default(); n];
    let mut bound: Vec<Option<Weight>> = vec![None; n];
    let mut queue = start(view, relevant, &mut satisfied, &mut waiting);
    let meeting = GoalIndex::new(goals);
    let mut goal_supporter: Vec<Option<usize>> = vec![None; goals.len()];
    let mut goals_left = goals.len();
    let mut cutoff: Option<Weight> = None;
    let mut shares: Option<Shares> = None;
    let mut owners: Vec<(usize, usize)> = Vec::new();
    let mut skill_woken = vec![false; catalog.skills.len()];
    let mut met = Vec::new();
    let mut stopped_at = None;
    let mut since_goals_met = 0u32;
    let mut settled_count = 0usize;
    let mut early = None;
    while let Some((value, c)) = queue.pop() {
        let c = c as usize;
        if bound[c].is_some() {
            continue;
        }
        if cutoff.is_some_and(|cutoff| value > cutoff) {
            break;
        }
        // Past the deadline, settling stops once there is a plan meeting every goal (looking
        // at the clock then and every 4,096 credentials after): the search answers from
        // what settled, with how far it may be from the best.
        if goals_left == 0 {
            since_goals_met = since_goals_met.wrapping_add(1);
            if since_goals_met % 4096 == 1
                && deadline.is_some_and(|deadline| Instant::now() >= deadline)
            {
                stopped_at = Some(value);
                break;
            }
        }
        let idx = CredentialIdx(c as u32);
        // Past the cutoff, what the goals it does not meet add to it (see `cover`) may show
        // already that no plan holding it is as light as the one found: it never settles.
        if let (Some(cutoff), Some(shares)) = (cutoff, &shares) {
            let own = view.weight(idx).primary;
            // What the goals it meets take off the total is looked up only when it may
            // matter: the lookup reads the credential's skills, scattered in memory.
            if own.saturating_add(shares.total) > cutoff.primary {
                meeting.goals_met_by(catalog, idx, &mut met);
                if own.saturating_add(shares.others(&mut met)) > cutoff.primary {
                    continue;
                }
            }
        }
        bound[c] = Some(value);
        settled_count += 1;
        if goals_left > 0 {
            meeting.goals_met_by(catalog, idx, &mut met);
            for &g in &met {
                if goal_supporter[g].is_none() {
                    goal_supporter[g] = Some(c);
                    goals_left -= 1;
                    if goals_left == 0 {
                        cutoff = full_plan(view, &goal_supporter, &witness, limits);
                        shares = cutoff.map(|_| Shares::new(view, goals, &meeting));
                    }
                }
            }
        }
        if goals_left == 0 && early.is_none() && settled_count >= early_count {
            early = Some(value);
        }
        woken_by(catalog, idx, &mut skill_woken, &mut owners);
        for &(owner, skill) in &owners {
            if !relevant[owner] {
                continue;
            }
            let atom = if skill == NONE as usize {
                Atom::Credential(idx)
            } else {
                Atom::Skill(crate::catalog::SkillIdx(skill as u32))
            };
            for slot in needs.slots(owner) {
                if satisfied[slot] || !needs.atoms(slot).contains(&atom) {
                    continue;
                }
                satisfied[slot] = true;
                witness[slot] = c as u32;
                worst[owner] = worst[owner].max(value);
                waiting[owner] -= 1;
                if waiting[owner] == 0 {
                    let own = view.weight(CredentialIdx(owner as u32));
                    queue.push(own + worst[owner], owner as u32);
                }
            }
        }
    }
    Settled {
        bound,
        stopped_at,
        early,
    }
}

/// The relevant credentials with every requirement held, queued lightest first; marks the
/// held slots satisfied and counts, for each other credential, the slots it waits for.
fn start(view: &View<'_>, relevant: &[bool], satisfied: &mut [bool], waiting: &mut [u32]) -> Queue {
    let needs = &view.needs;
    let mut queue = Queue::default();
    for c in 0..relevant.len() {
        if !relevant[c] {
            continue;
        }
        for slot in needs.slots(c) {
            if needs.held(slot) {
                satisfied[slot] = true;
            } else {
                waiting[c] += 1;
            }
        }
        if waiting[c] == 0 {
            queue
                .ready
                .push((view.weight(CredentialIdx(c as u32)), c as u32));
        }
    }
    queue
}

/// The credentials whose requirements settling `idx` may satisfy, into `owners`: those
/// naming it, and those naming a skill it teaches (with the skill), each skill only for its
/// first teacher to settle, since a later one would find them all satisfied already.
fn woken_by(
    catalog: &Catalog,
    idx: CredentialIdx,
    skill_woken: &mut [bool],
    owners: &mut Vec<(usize, usize)>,
) {
    owners.clear();
    let graph = catalog.graph();
    for edge in graph.edges_directed(NodeIndex::new(idx.index()), Direction::Outgoing) {
        if *edge.weight() != Edge::Recommends {
            owners.push((graph[edge.target()].index(), NONE as usize));
        }
    }
    for &skill in &catalog.credential(idx).skills {
        if std::mem::replace(&mut skill_woken[skill.index()], true) {
            continue;
        }
        owners.extend(
            catalog
                .requiring_skill(skill)
                .iter()
                .map(|owner| (owner.index(), skill.index())),
        );
    }
}

/// Credentials waiting to settle, lightest first (then by index, so the order is the same
/// on every run). Those ready from the start, most of a large catalog, are sorted a run at
/// a time, lightest first, as they are needed (each run twice the one before): settling
/// stops at the cutoff long before the end, so most are never sorted. A heap of a million
/// would pay a cache miss per level at every pop.
#[derive(Default)]
struct Queue {
    ready: Vec<(Weight, u32)>,
    next_ready: usize,
    /// `ready[..sorted]` is sorted, and nothing after it is lighter.
    sorted: usize,
    woken: BinaryHeap<Reverse<(Weight, u32)>>,
}

/// The first run of ready credentials sorted.
const FIRST_RUN: usize = 4096;

impl Queue {
    fn push(&mut self, weight: Weight, c: u32) {
        self.woken.push(Reverse((weight, c)));
    }

    fn pop(&mut self) -> Option<(Weight, u32)> {
        if self.next_ready == self.sorted && self.sorted < self.ready.len() {
            self.sort_next_run();
        }
        let ready = self.ready.get(self.next_ready).copied();
        match (ready, self.woken.peek()) {
            (Some(ready), Some(&Reverse(woken))) if woken < ready => {
                self.woken.pop();
                Some(woken)
            }
            (Some(ready), _) => {
                self.next_ready += 1;
                Some(ready)
            }
            (None, _) => self.woken.pop().map(|Reverse(woken)| woken),
        }
    }

    /// Sorts the lightest of those not sorted yet, into place after the sorted ones.
    fn sort_next_run(&mut self) {
        let rest = &mut self.ready[self.sorted..];
        let run = self.sorted.max(FIRST_RUN);
        if run < rest.len() {
            rest.select_nth_unstable(run);
            rest[..run].sort_unstable();
            self.sorted += run;
        } else {
            rest.sort_unstable();
            self.sorted = self.ready.len();
        }
    }
}

/// The weight of the plan made of each goal's first settled supporter and, recursively,
/// the first settled supporter of each of their open requirements (each settled before the
/// credential needing it, so the plan has a valid order); `None` when it breaks a limit.
fn full_plan(
    view: &View<'_>,
    goal_supporter: &[Option<usize>],
    witness: &[u32],
    (budget, max_hours): (Option<i64>, Option<i64>),
) -> Option<Weight> {
    let catalog = view.catalog;
    let mut chosen: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = goal_supporter.iter().flatten().copied().collect();
    while let Some(c) = stack.pop() {
        if chosen.contains(&c) {
            continue;
        }
        chosen.push(c);
        stack.extend(
            witness[view.needs.slots(c)]
                .iter()
                .filter(|&&w| w != NONE)
                .map(|&w| w as usize),
        );
    }
    let (mut weight, mut cost, mut hours) = (Weight::default(), 0i64, 0i64);
    for &c in &chosen {
        let (own_cost, own_hours) = super::reduce::planned(&catalog.credentials[c]);
        weight = weight + view.weight(CredentialIdx(c as u32));
        cost = cost.saturating_add(own_cost);
        hours = hours.saturating_add(own_hours);
    }
    let fits = budget.is_none_or(|b| cost <= b) && max_hours.is_none_or(|h| hours <= h);
    fits.then_some(weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weight(primary: i64) -> Weight {
        Weight {
            primary,
            secondary: 0,
            steps: 1,
        }
    }

    #[test]
    fn the_queue_pops_ready_and_woken_credentials_lightest_first_then_by_index() {
        let mut queue = Queue {
            ready: vec![(weight(1), 7), (weight(5), 1), (weight(5), 3)],
            ..Queue::default()
        };
        queue.push(weight(5), 2);
        queue.push(weight(0), 9);
        let first_three: Vec<(Weight, u32)> = (0..3).filter_map(|_| queue.pop()).collect();
        assert_eq!(
            first_three,
            vec![(weight(0), 9), (weight(1), 7), (weight(5), 1)]
        );
        queue.push(weight(3), 4);
        let rest: Vec<u32> = std::iter::from_fn(|| queue.pop()).map(|(_, c)| c).collect();
        assert_eq!(rest, vec![4, 2, 3]);
    }

    #[test]
    fn ready_credentials_sorted_a_run_at_a_time_come_out_as_if_sorted_at_once() {
        // More than several runs, with many equal weights.
        let ready: Vec<(Weight, u32)> = (0..5 * FIRST_RUN as u32)
            .map(|c| (weight(i64::from(c.wrapping_mul(2_654_435_761) % 997)), c))
            .collect();
        let mut queue = Queue {
            ready: ready.clone(),
            ..Queue::default()
        };
        queue.push(weight(500), u32::MAX);
        let popped: Vec<(Weight, u32)> = std::iter::from_fn(|| queue.pop()).collect();
        let mut expected = ready;
        expected.push((weight(500), u32::MAX));
        expected.sort_unstable();
        assert_eq!(popped, expected);
    }
}

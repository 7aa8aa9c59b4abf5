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
//! bound is above it cannot be in a best plan, so settling stops there.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::catalog::{Atom, CredentialIdx, Edge, Requirement};

use super::reduce::View;
use super::reduce::Weight;

const NONE: u32 = u32::MAX;

/// What settling found, per catalog credential.
pub(super) struct Settled {
    /// The bound of each credential settled: obtainable, and not above the cutoff.
    pub bound: Vec<Option<Weight>>,
}

/// Settles the `relevant` candidates (a flag per catalog credential) cheapest first. `goals`
/// are the open goals; `limits` are the budget and hour limit in hundredths.
pub(super) fn settle(
    view: &View<'_>,
    relevant: &[bool],
    goals: &[&Requirement],
    limits: (Option<i64>, Option<i64>),
) -> Settled {
    let catalog = view.catalog;
    let n = catalog.credentials.len();
    // Requirement `r` of credential `c` is slot `first[c] + r`.
    let mut first = Vec::with_capacity(n + 1);
    let mut slots = 0;
    for credential in &catalog.credentials {
        first.push(slots);
        slots += credential.requires.len();
    }
    first.push(slots);
    let mut satisfied = vec![false; slots];
    let mut witness = vec![NONE; slots];
    let mut waiting = vec![0u32; n];
    let mut worst = vec![Weight::default(); n];
    let mut bound: Vec<Option<Weight>> = vec![None; n];
    let mut heap = BinaryHeap::new();
    for (c, credential) in catalog.credentials.iter().enumerate() {
        if !relevant[c] {
            continue;
        }
        for (r, requirement) in credential.requires.iter().enumerate() {
            if view.have.satisfies(requirement) {
                satisfied[first[c] + r] = true;
            } else {
                waiting[c] += 1;
            }
        }
        if waiting[c] == 0 {
            heap.push(Reverse((view.weight(CredentialIdx(c as u32)), c)));
        }
    }
    let mut goal_supporter: Vec<Option<usize>> = vec![None; goals.len()];
    let mut goals_left = goals.len();
    let mut cutoff: Option<Weight> = None;
    let mut owners: Vec<(usize, usize)> = Vec::new();
    let mut skill_woken = vec![false; catalog.skills.len()];
    while let Some(Reverse((value, c))) = heap.pop() {
        if bound[c].is_some() {
            continue;
        }
        if cutoff.is_some_and(|cutoff| value > cutoff) {
            break;
        }
        bound[c] = Some(value);
        let idx = CredentialIdx(c as u32);
        for (g, goal) in goals.iter().enumerate() {
            if goal_supporter[g].is_none() && goal.atoms().iter().any(|&a| catalog.meets(idx, a)) {
                goal_supporter[g] = Some(c);
                goals_left -= 1;
                if goals_left == 0 {
                    cutoff = full_plan(view, &goal_supporter, &first, &witness, limits);
                }
            }
        }
        // The requirements this credential satisfies: those naming it, and those naming a
        // skill it teaches.
        owners.clear();
        for (owner, edge) in catalog.dependents(idx) {
            if edge != Edge::Recommends {
                owners.push((owner.index(), NONE as usize));
            }
        }
        for &skill in &catalog.credential(idx).skills {
            // The first teacher of a skill to settle satisfies every requirement naming it;
            // each later one would find them all satisfied already.
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
        for &(owner, skill) in &owners {
            if !relevant[owner] {
                continue;
            }
            let atom = if skill == NONE as usize {
                Atom::Credential(idx)
            } else {
                Atom::Skill(crate::catalog::SkillIdx(skill as u32))
            };
            let requires = &catalog.credentials[owner].requires;
            for (r, requirement) in requires.iter().enumerate() {
                let slot = first[owner] + r;
                if satisfied[slot] || !requirement.atoms().contains(&atom) {
                    continue;
                }
                satisfied[slot] = true;
                witness[slot] = c as u32;
                worst[owner] = worst[owner].max(value);
                waiting[owner] -= 1;
                if waiting[owner] == 0 {
                    let own = view.weight(CredentialIdx(owner as u32));
                    heap.push(Reverse((own + worst[owner], owner)));
                }
            }
        }
    }
    Settled { bound }
}

/// The weight of the plan made of each goal's first settled supporter and, recursively,
/// the first settled supporter of each of their open requirements (each settled before the
/// credential needing it, so the plan has a valid order); `None` when it breaks a limit.
fn full_plan(
    view: &View<'_>,
    goal_supporter: &[Option<usize>],
    first: &[usize],
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
            witness[first[c]..first[c + 1]]
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

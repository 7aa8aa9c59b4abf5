//! The goals of a recommendation as the search sees them: each goal not held is open (with
//! the items that would meet it; a role requirement of several clauses becomes one group
//! item that needs them all) or impossible, with the reason a user is told.

use crate::catalog::{Atom, CredentialIdx, Gate, Requirement};
use crate::plan::Eligibility;

use super::UnmetReason;
use super::lists::Lists;
use super::reduce::{Item, Weight};
use super::settle::Settled;
use super::view::View;

/// Open goals: (goal index, sorted supporters).
pub(super) type OpenGoals = Vec<(usize, Vec<u32>)>;

/// Each goal not held: open, with its supporters (a group of several clauses as one item
/// that needs them all, added to `items`), or impossible, with why.
pub(super) fn goals_of(
    goals: &[Requirement],
    view: &View<'_>,
    settled: &Settled,
    local_supporters: &dyn Fn(&Requirement, &mut Vec<CredentialIdx>) -> Vec<u32>,
    (items, flat): (&mut Vec<Item>, &mut Lists),
) -> (OpenGoals, Vec<Option<UnmetReason>>) {
    let have = view.have;
    let mut scratch = Vec::new();
    let mut open = Vec::new();
    let mut impossible = vec![None; goals.len()];
    for (index, goal) in goals.iter().enumerate() {
        if have.satisfies(goal) {
            continue;
        }
        // Each clause not held, with its supporters; the first that has none makes the
        // goal impossible.
        let mut clauses: Vec<Vec<u32>> = Vec::new();
        for clause in goal.clauses().iter().filter(|c| !have.satisfies(c)) {
            let local_ids = local_supporters(clause, &mut scratch);
            if local_ids.is_empty() {
                let obtainable = scratch
                    .iter()
                    .any(|idx| settled.bound[idx.index()].is_some());
                impossible[index] = Some(if obtainable {
                    UnmetReason::Limits
                } else {
                    why_impossible(view, clause, &scratch)
                });
                break;
            }
            clauses.push(local_ids);
        }
        if impossible[index].is_some() {
            continue;
        }
        if let [only] = clauses.as_slice()
            && goal.clauses().len() == 1
        {
            open.push((index, only.clone()));
            continue;
        }
        open.push((index, vec![add_group(items, flat, clauses)]));
    }
    (open, impossible)
}

/// A group: one item, weighing nothing, that needs every clause first. Returns its index.
fn add_group(items: &mut Vec<Item>, flat: &mut Lists, clauses: Vec<Vec<u32>>) -> u32 {
    let group = items.len() as u32;
    let start = flat.len();
    let mut with_prerequisites = Weight::default();
    for supporters in clauses {
        let least = supporters
            .iter()
            .map(|&i| items[i as usize].with_prerequisites)
            .min()
            .unwrap_or(Weight::INFINITE);
        with_prerequisites = with_prerequisites.max(least);
        flat.push(&supporters);
    }
    items.push(Item {
        credential: None,
        weight: Weight::default(),
        cost: 0,
        hours: 0,
        requirements: start..flat.len(),
        with_prerequisites,
    });
    group
}

/// Why no obtainable credential meets a goal's clause. `supporters` are its candidate
/// supporters.
fn why_impossible(
    view: &View<'_>,
    goal: &Requirement,
    supporters: &[CredentialIdx],
) -> UnmetReason {
    if !supporters.is_empty() {
        return blocking_gate(view, supporters).map_or(UnmetReason::Unobtainable, |gate| {
            UnmetReason::Experience {
                gate,
                months: held_months(view, gate),
            }
        });
    }
    let catalog = view.catalog;
    let mut reason = UnmetReason::NotTaught;
    for &atom in goal.atoms() {
        let (retired, taught) = match atom {
            Atom::Credential(idx) => (catalog.credential(idx).retired, true),
            Atom::Skill(skill) => {
                let teachers = catalog.teachers(skill);
                let retired =
                    !teachers.is_empty() && teachers.iter().all(|&t| catalog.credential(t).retired);
                (retired, !teachers.is_empty())
            }
            Atom::Experience(gate) => {
                return UnmetReason::Experience {
                    gate,
                    months: held_months(view, gate),
                };
            }
        };
        if retired {
            reason = UnmetReason::Retired;
        } else if taught {
            // A forbidden credential or a teacher that is held-excluded: it cannot be had.
            return UnmetReason::Unobtainable;
        }
    }
    reason
}

/// An experience gate the learner cannot meet that keeps the first of `supporters` out of
/// reach, when that is what does: in a requirement of theirs with no other way to meet it.
fn blocking_gate(view: &View<'_>, supporters: &[CredentialIdx]) -> Option<Gate> {
    supporters.iter().find_map(|&idx| {
        view.open_requirements(idx).find_map(|clause| {
            let gates = clause.atoms().iter().filter_map(|&atom| match atom {
                Atom::Experience(gate) => Some(gate),
                _ => None,
            });
            let only_gates = clause
                .atoms()
                .iter()
                .all(|atom| matches!(atom, Atom::Experience(_)));
            if only_gates {
                gates.min_by_key(|gate| gate.months)
            } else {
                None
            }
        })
    })
}

fn held_months(view: &View<'_>, gate: Gate) -> u32 {
    match view.have.eligibility(gate) {
        Eligibility::Never { months } => months,
        Eligibility::Met | Eligibility::From(_) => gate.months,
    }
}

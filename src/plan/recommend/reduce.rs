//! Turns a catalog question into the abstract problem the search solves: only the
//! credentials that can contribute (recursively) and can ever be had, each requirement as the
//! sorted list of those credentials that would satisfy it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use crate::catalog::{Amount, Atom, Catalog, CredentialIdx, Requirement};
use crate::plan::Holdings;

use super::{Objective, Options, UnmetReason};

/// The lexicographic cost of a set after "requirements met": primary, secondary, steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) struct Weight {
    pub primary: i64,
    pub secondary: i64,
    pub steps: i64,
}

impl Weight {
    pub const INFINITE: Weight = Weight {
        primary: i64::MAX,
        secondary: i64::MAX,
        steps: i64::MAX,
    };
}

impl std::ops::Add for Weight {
    type Output = Weight;
    fn add(self, other: Weight) -> Weight {
        Weight {
            primary: self.primary.saturating_add(other.primary),
            secondary: self.secondary.saturating_add(other.secondary),
            steps: self.steps.saturating_add(other.steps),
        }
    }
}

impl std::ops::Sub for Weight {
    type Output = Weight;
    fn sub(self, other: Weight) -> Weight {
        Weight {
            primary: self.primary - other.primary,
            secondary: self.secondary - other.secondary,
            steps: self.steps - other.steps,
        }
    }
}

/// A credential that may be chosen.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub credential: CredentialIdx,
    pub weight: Weight,
    /// In hundredths.
    pub cost: i64,
    pub hours: i64,
    /// Its requirements not already satisfied by what is held, in [`Problem::requirements`].
    pub requirements: Range<usize>,
    /// A lower bound on the weight of the item with whatever it needs first.
    pub with_prerequisites: Weight,
}

#[derive(Debug, Clone)]
pub(super) struct Problem {
    pub items: Vec<Item>,
    /// Each requirement as the sorted items that would satisfy it (never empty).
    pub requirements: Vec<Vec<u32>>,
    /// The goals that are neither held nor impossible: (goal index, sorted supporters).
    pub open: Vec<(usize, Vec<u32>)>,
    /// For each goal, why it can never be met (`None`: held or open).
    pub impossible: Vec<Option<UnmetReason>>,
    pub budget: Option<i64>,
    pub max_hours: Option<i64>,
}

impl Problem {
    pub fn supporters(&self, item: u32) -> &[Vec<u32>] {
        &self.requirements[self.items[item as usize].requirements.clone()]
    }
}

/// What the catalog question looks like from one credential: may it be chosen, and what
/// would satisfy each of its open requirements.
struct View<'a> {
    catalog: &'a Catalog,
    have: &'a Holdings,
    forbidden: Vec<bool>,
}

impl View<'_> {
    fn candidate(&self, idx: CredentialIdx) -> bool {
        !self.have.has_credential(idx)
            && !self.catalog.credential(idx).retired
            && !self.forbidden[idx.index()]
    }

    /// The candidates that would satisfy a requirement not satisfied by what is held.
    fn supporters(&self, requirement: &Requirement, into: &mut Vec<CredentialIdx>) {
        into.clear();
        for &atom in requirement.atoms() {
            match atom {
                Atom::Credential(idx) => into.push(idx),
                Atom::Skill(skill) => into.extend_from_slice(self.catalog.teachers(skill)),
            }
        }
        into.retain(|&idx| self.candidate(idx));
        into.sort_unstable();
        into.dedup();
    }

    fn open_requirements(&self, idx: CredentialIdx) -> impl Iterator<Item = &Requirement> {
        self.catalog
            .credential(idx)
            .requires
            .iter()
            .filter(|requirement| !self.have.satisfies(requirement))
    }

    /// The candidates reachable backwards from the open goals, through the requirements of
    /// each, keeping only those `allowed`.
    fn relevant(&self, goals: &[&Requirement], allowed: &[bool]) -> Vec<CredentialIdx> {
        let mut seen = vec![false; self.catalog.credentials.len()];
        let mut queue: Vec<CredentialIdx> = Vec::new();
        let mut found = Vec::new();
        let mut visit = |supporters: &[CredentialIdx], queue: &mut Vec<CredentialIdx>| {
            for &idx in supporters {
                if allowed[idx.index()] && !seen[idx.index()] {
                    seen[idx.index()] = true;
                    queue.push(idx);
                }
            }
        };
        let mut supporters = Vec::new();
        for goal in goals {
            self.supporters(goal, &mut supporters);
            visit(&supporters, &mut queue);
        }
        while let Some(idx) = queue.pop() {
            found.push(idx);
            for requirement in self.open_requirements(idx) {
                self.supporters(requirement, &mut supporters);
                visit(&supporters, &mut queue);
            }
        }
        found.sort_unstable();
        found
    }
}

fn weight_of(catalog: &Catalog, idx: CredentialIdx, objective: Objective) -> Weight {
    let credential = catalog.credential(idx);
    let (cost, hours) = (credential.cost.hundredths(), credential.hours.hundredths());
    let (primary, secondary) = match objective {
        Objective::Cost => (cost, hours),
        Objective::Hours => (hours, cost),
    };
    Weight {
        primary,
        secondary,
        steps: 1,
    }
}

pub(super) fn reduce(
    catalog: &Catalog,
    goals: &[Requirement],
    have: &Holdings,
    forbidden: &[CredentialIdx],
    options: &Options,
) -> Problem {
    let mut view = View {
        catalog,
        have,
        forbidden: vec![false; catalog.credentials.len()],
    };
    for &idx in forbidden {
        view.forbidden[idx.index()] = true;
    }
    let open_goals: Vec<&Requirement> = goals.iter().filter(|g| !have.satisfies(g)).collect();
    let everything = vec![true; catalog.credentials.len()];
    let relevant = view.relevant(&open_goals, &everything);
    let (build_bounds, _) = buildable(&view, &relevant, options.objective);
    let mut obtainable = vec![false; catalog.credentials.len()];
    for (&idx, bound) in relevant.iter().zip(&build_bounds) {
        obtainable[idx.index()] = bound.is_some();
    }
    let local = view.relevant(&open_goals, &obtainable);
    let (bounds, requirements) = buildable(&view, &local, options.objective);
    let mut items = Vec::with_capacity(local.len());
    let mut flat = Vec::new();
    for ((&idx, bound), item_requirements) in local.iter().zip(bounds).zip(requirements) {
        let credential = catalog.credential(idx);
        let start = flat.len();
        flat.extend(item_requirements);
        items.push(Item {
            credential: idx,
            weight: weight_of(catalog, idx, options.objective),
            cost: credential.cost.hundredths(),
            hours: credential.hours.hundredths(),
            requirements: start..flat.len(),
            with_prerequisites: bound.expect("only obtainable credentials are local"),
        });
    }
    let mut open = Vec::new();
    let mut impossible = vec![None; goals.len()];
    let mut supporters = Vec::new();
    for (index, goal) in goals.iter().enumerate() {
        if have.satisfies(goal) {
            continue;
        }
        view.supporters(goal, &mut supporters);
        let local_ids: Vec<u32> = supporters
            .iter()
            .filter_map(|idx| local.binary_search(idx).ok().map(|i| i as u32))
            .collect();
        if local_ids.is_empty() {
            impossible[index] = Some(why_impossible(&view, goal, &supporters));
        } else {
            open.push((index, local_ids));
        }
    }
    Problem {
        items,
        requirements: flat,
        open,
        impossible,
        budget: options.budget.map(Amount::hundredths),
        max_hours: options.max_hours.map(Amount::hundredths),
    }
}

/// Which of `items` can ever be had, with a lower bound on the weight of each together with
/// its prerequisites (`None`: never), and each item's requirements as sorted positions in
/// `items` (only meaningful when every item is obtainable).
///
/// The bound is `own weight + max over requirements of (min over supporters of bound)`, a
/// superior function in Knuth's sense, so a Dijkstra-like sweep in increasing order finds
/// it exactly, loops through skills included.
fn buildable(
    view: &View<'_>,
    items: &[CredentialIdx],
    objective: Objective,
) -> (Vec<Option<Weight>>, Vec<Vec<Vec<u32>>>) {
    let mut supporters = Vec::new();
    let mut requirements: Vec<Vec<Vec<u32>>> = Vec::with_capacity(items.len());
    // For each item, the (owner, requirement) pairs it would satisfy.
    let mut watchers: Vec<Vec<(u32, u32)>> = vec![Vec::new(); items.len()];
    for (owner, &idx) in items.iter().enumerate() {
        let mut own = Vec::new();
        for requirement in view.open_requirements(idx) {
            view.supporters(requirement, &mut supporters);
            let local: Vec<u32> = supporters
                .iter()
                .filter_map(|s| items.binary_search(s).ok().map(|i| i as u32))
                .collect();
            for &supporter in &local {
                watchers[supporter as usize].push((owner as u32, own.len() as u32));
            }
            own.push(local);
        }
        requirements.push(own);
    }
    let mut waiting: Vec<usize> = requirements.iter().map(Vec::len).collect();
    let mut settled_requirement: Vec<Vec<bool>> = requirements
        .iter()
        .map(|own| vec![false; own.len()])
        .collect();
    let mut worst_requirement = vec![Weight::default(); items.len()];
    let mut bounds: Vec<Option<Weight>> = vec![None; items.len()];
    let mut heap = BinaryHeap::new();
    for (i, &idx) in items.iter().enumerate() {
        if waiting[i] == 0 {
            heap.push(Reverse((weight_of(view.catalog, idx, objective), i)));
        }
    }
    while let Some(Reverse((value, i))) = heap.pop() {
        if bounds[i].is_some() {
            continue;
        }
        bounds[i] = Some(value);
        for &(owner, requirement) in &watchers[i] {
            let (owner, requirement) = (owner as usize, requirement as usize);
            if settled_requirement[owner][requirement] {
                continue;
            }
            settled_requirement[owner][requirement] = true;
            worst_requirement[owner] = worst_requirement[owner].max(value);
            waiting[owner] -= 1;
            if waiting[owner] == 0 {
                let own = weight_of(view.catalog, items[owner], objective);
                heap.push(Reverse((own + worst_requirement[owner], owner)));
            }
        }
    }
    (bounds, requirements)
}

/// Why no obtainable credential meets a goal. `supporters` are its candidate supporters.
fn why_impossible(
    view: &View<'_>,
    goal: &Requirement,
    supporters: &[CredentialIdx],
) -> UnmetReason {
    if !supporters.is_empty() {
        return UnmetReason::Unobtainable;
    }
    let catalog = view.catalog;
    let mut reason = UnmetReason::NotTaught;
    for &atom in goal.atoms() {
        let retired = match atom {
            Atom::Credential(idx) => catalog.credential(idx).retired,
            Atom::Skill(skill) => {
                let teachers = catalog.teachers(skill);
                !teachers.is_empty() && teachers.iter().all(|&t| catalog.credential(t).retired)
            }
        };
        let taught = match atom {
            Atom::Credential(_) => true,
            Atom::Skill(skill) => !catalog.teachers(skill).is_empty(),
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

//! Turns a catalog question into the abstract problem the search solves: only the
//! credentials that can contribute (recursively), can ever be had, and are not heavier than a
//! plan already known to meet every goal (see `settle`), each requirement as the sorted list
//! of those credentials that would satisfy it.

use std::ops::Range;

use crate::catalog::{Amount, Atom, Catalog, Credential, CredentialIdx, Requirement};
use crate::plan::Holdings;

use super::goals::goals_of;
use super::local::LocalTeachers;
use super::needs::Needs;
use super::{Objective, Options, UnmetReason, settle};

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

/// A credential that may be chosen, or a group: a role requirement of several clauses, met
/// when its requirements (the clauses) are, weighing nothing.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// `None` for a group.
    pub credential: Option<CredentialIdx>,
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
    /// When the deadline stopped the set-up short of every credential that may be in the
    /// best plan: the least weight, with what it needs first, of each one left out.
    pub left_out_from: Option<Weight>,
}

impl Problem {
    pub fn supporters(&self, item: u32) -> &[Vec<u32>] {
        &self.requirements[self.items[item as usize].requirements.clone()]
    }

    /// The requirement slots the other way round: for each item, the slots it supports, and
    /// for each slot, the item that owns it.
    pub fn slots(&self) -> (Vec<Vec<u32>>, Vec<u32>) {
        let mut supports: Vec<Vec<u32>> = vec![Vec::new(); self.items.len()];
        let mut owner = vec![0u32; self.requirements.len()];
        for (item, it) in self.items.iter().enumerate() {
            for slot in it.requirements.clone() {
                owner[slot] = item as u32;
                for &s in &self.requirements[slot] {
                    supports[s as usize].push(slot as u32);
                }
            }
        }
        (supports, owner)
    }
}

/// What the catalog question looks like from one credential: may it be chosen, and what
/// would satisfy each of its open requirements.
pub(super) struct View<'a> {
    pub catalog: &'a Catalog,
    pub have: &'a Holdings,
    /// Per catalog credential: held, retired or forbidden, so never a candidate. Read once
    /// in catalog order, so the walks below look at a flag instead of a `Credential`.
    excluded: Vec<bool>,
    /// Every credential's requirements, read once.
    pub needs: Needs,
    objective: Objective,
    /// The value of an hour of study, in hundredths, when the cost objective counts it.
    time_value: i64,
}

impl View<'_> {
    fn candidate(&self, idx: CredentialIdx) -> bool {
        !self.excluded[idx.index()]
    }

    pub fn weight(&self, idx: CredentialIdx) -> Weight {
        weight_of(self.catalog, idx, self.objective, self.time_value)
    }

    /// The candidates that would satisfy a requirement not satisfied by what is held.
    fn supporters(&self, requirement: &Requirement, into: &mut Vec<CredentialIdx>) {
        into.clear();
        for &atom in requirement.atoms() {
            match atom {
                Atom::Credential(idx) => into.push(idx),
                Atom::Skill(skill) => into.extend_from_slice(self.catalog.teachers(skill)),
                // Met by what is held, or never: no credential gives experience.
                Atom::Experience(_) => {}
            }
        }
        into.retain(|&idx| self.candidate(idx));
        into.sort_unstable();
        into.dedup();
    }

    pub(super) fn open_requirements(
        &self,
        idx: CredentialIdx,
    ) -> impl Iterator<Item = &Requirement> {
        self.catalog
            .credential(idx)
            .requires
            .iter()
            .filter(|requirement| !self.have.satisfies(requirement))
    }

    /// The candidates reachable backwards from the open goals, through the requirements of
    /// each, keeping only those `allowed`: a flag per catalog credential. Each skill's
    /// teachers are walked once, so this is linear in the catalog.
    fn relevant(
        &self,
        goals: &[&Requirement],
        allowed: impl Fn(CredentialIdx) -> bool,
    ) -> Vec<bool> {
        let mut seen = vec![false; self.catalog.credentials.len()];
        let mut skill_seen = vec![false; self.catalog.skills.len()];
        let mut queue: Vec<CredentialIdx> = Vec::new();
        // Goals come as clauses (see `reduce`), as credentials' requirements always are.
        let mut visit = |atoms: &[Atom], queue: &mut Vec<CredentialIdx>| {
            for atom in atoms {
                let supporters = match atom {
                    Atom::Credential(idx) => std::slice::from_ref(idx),
                    Atom::Skill(skill) if !skill_seen[skill.index()] => {
                        skill_seen[skill.index()] = true;
                        self.catalog.teachers(*skill)
                    }
                    Atom::Skill(_) | Atom::Experience(_) => continue,
                };
                for &idx in supporters {
                    if !seen[idx.index()] && self.candidate(idx) && allowed(idx) {
                        seen[idx.index()] = true;
                        queue.push(idx);
                    }
                }
            }
        };
        for goal in goals {
            visit(goal.atoms(), &mut queue);
        }
        while let Some(idx) = queue.pop() {
            for slot in self.needs.open_slots(idx.index()) {
                visit(self.needs.atoms(slot), &mut queue);
            }
        }
        seen
    }
}

/// What the planner counts for a cost or hours written `unknown`, in hundredths: a hundred
/// times the most a credential may cost or take, so a plan takes an unknown one only when no
/// plan of known ones meets as many requirements, and never within a budget or an hours
/// limit. An unknown is never read as free or quick.
const UNKNOWN: i64 = 100 * 100 * crate::catalog::format::MAX_COST as i64;

/// A credential's cost and hours as the planner weighs them, in hundredths.
pub(super) fn planned(credential: &Credential) -> (i64, i64) {
    let measure = |amount: Amount, unknown: bool| {
        if unknown {
            UNKNOWN
        } else {
            amount.hundredths()
        }
    };
    (
        measure(credential.cost, credential.unknown.cost),
        measure(credential.hours, credential.unknown.hours),
    )
}

/// A stack weighs nothing: it is awarded, never taken. With a value of time the cost
/// objective's primary measure is `cost + hours x value`, in ten-thousandths so it stays
/// exact.
fn weight_of(
    catalog: &Catalog,
    idx: CredentialIdx,
    objective: Objective,
    time_value: i64,
) -> Weight {
    let credential = catalog.credential(idx);
    if credential.stack {
        return Weight::default();
    }
    let (cost, hours) = planned(credential);
    let (primary, secondary) = match objective {
        Objective::Cost if time_value > 0 => (
            cost.saturating_mul(100)
                .saturating_add(hours.saturating_mul(time_value)),
            hours,
        ),
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
        excluded: catalog
            .credential_indices()
            .map(|idx| have.has_credential(idx) || catalog.credential(idx).retired)
            .collect(),
        needs: Needs::new(catalog, have),
        objective: options.objective,
        time_value: options.time_value.map_or(0, Amount::hundredths),
    };
    for &idx in forbidden {
        view.excluded[idx.index()] = true;
    }
    let budget = options.budget.map(Amount::hundredths);
    let max_hours = options.max_hours.map(Amount::hundredths);
    // Every clause still to meet, a group's one by one: a plan meeting them all meets
    // every goal.
    let open_goals: Vec<&Requirement> = goals
        .iter()
        .flat_map(Requirement::clauses)
        .filter(|clause| !have.satisfies(clause))
        .collect();
    let relevant = view.relevant(&open_goals, |_| true);
    let settled = settle::settle(
        &view,
        &relevant,
        &open_goals,
        (budget, max_hours),
        options.deadline,
    );
    // A credential can be in a plan within the limits only if it and (for the measure the
    // bound sums first) the least it needs first fit them.
    let primary_limit = match options.objective {
        Objective::Cost if view.time_value > 0 => None,
        Objective::Cost => budget,
        Objective::Hours => max_hours,
    };
    let fits = |idx: CredentialIdx| {
        let (cost, hours) = planned(catalog.credential(idx));
        settled.bound[idx.index()].is_some_and(|bound| {
            primary_limit.is_none_or(|limit| bound.primary <= limit)
                && budget.is_none_or(|b| cost <= b)
                && max_hours.is_none_or(|h| hours <= h)
        })
    };
    let kept = view.relevant(&open_goals, fits);
    let local: Vec<CredentialIdx> = catalog
        .credential_indices()
        .filter(|idx| kept[idx.index()])
        .collect();
    // Each catalog credential's position in `local`.
    let mut position = vec![u32::MAX; catalog.credentials.len()];
    for (i, idx) in local.iter().enumerate() {
        position[idx.index()] = i as u32;
    }
    let local_supporters = |requirement: &Requirement, scratch: &mut Vec<CredentialIdx>| {
        view.supporters(requirement, scratch);
        scratch
            .iter()
            .map(|idx| position[idx.index()])
            .filter(|&i| i != u32::MAX)
            .collect::<Vec<u32>>()
    };
    let mut teachers = LocalTeachers::new(catalog, &position);
    let mut items = Vec::with_capacity(local.len());
    let mut flat = Vec::new();
    for &idx in &local {
        let (cost, hours) = planned(catalog.credential(idx));
        let start = flat.len();
        for slot in view.needs.open_slots(idx.index()) {
            flat.push(teachers.supporters(view.needs.atoms(slot)));
        }
        items.push(Item {
            credential: Some(idx),
            weight: view.weight(idx),
            cost,
            hours,
            requirements: start..flat.len(),
            with_prerequisites: settled.bound[idx.index()]
                .expect("only settled credentials are kept"),
        });
    }
    let (open, impossible) = goals_of(
        goals,
        &view,
        &settled,
        &local_supporters,
        (&mut items, &mut flat),
    );
    Problem {
        items,
        requirements: flat,
        open,
        impossible,
        budget,
        max_hours,
        left_out_from: settled.stopped_at,
    }
}

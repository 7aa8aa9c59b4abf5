//! What the catalog question looks like from one credential: may it be chosen, what it
//! weighs, what would satisfy each of its open requirements, and which credentials the open
//! goals reach backwards through requirements.

use std::time::Instant;

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement};
use crate::plan::Holdings;

use super::Objective;
use super::needs::Needs;
use super::reduce::{Weight, planned};

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
    pub time_value: i64,
}

impl<'a> View<'a> {
    /// Never choosing what is held, retired or `forbidden`.
    pub fn new(
        catalog: &'a Catalog,
        have: &'a Holdings,
        forbidden: &[CredentialIdx],
        objective: Objective,
        time_value: i64,
    ) -> View<'a> {
        let mut excluded: Vec<bool> = catalog
            .credential_indices()
            .map(|idx| have.has_credential(idx) || catalog.credential(idx).retired)
            .collect();
        for &idx in forbidden {
            excluded[idx.index()] = true;
        }
        View {
            catalog,
            have,
            excluded,
            needs: Needs::new(catalog, have),
            objective,
            time_value,
        }
    }

    fn candidate(&self, idx: CredentialIdx) -> bool {
        !self.excluded[idx.index()]
    }

    pub fn weight(&self, idx: CredentialIdx) -> Weight {
        weight_of(self.catalog, idx, self.objective, self.time_value)
    }

    /// The candidates that would satisfy a requirement not satisfied by what is held.
    pub fn supporters(&self, requirement: &Requirement, into: &mut Vec<CredentialIdx>) {
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
    /// teachers are walked once, so this is linear in the catalog. `None` when `deadline`
    /// passes first (the clock is read every 4,096 credentials).
    pub fn relevant(
        &self,
        goals: &[&Requirement],
        allowed: impl Fn(CredentialIdx) -> bool,
        deadline: Option<Instant>,
    ) -> Option<Vec<bool>> {
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
        let mut walked = 0u32;
        while let Some(idx) = queue.pop() {
            walked = walked.wrapping_add(1);
            if walked.is_multiple_of(4096) && past(deadline) {
                return None;
            }
            for slot in self.needs.open_slots(idx.index()) {
                visit(self.needs.atoms(slot), &mut queue);
            }
        }
        Some(seen)
    }
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

/// The deadline has passed.
pub(super) fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|deadline| Instant::now() >= deadline)
}

//! What a learner has at one point of a plan (SPEC §2 "Satisfied"): held credentials and
//! skills plus the steps before that point, and which requirements that satisfies.

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement, SkillIdx};

use super::Have;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holdings {
    credentials: Vec<bool>,
    /// Held skills and every skill a had credential teaches.
    skills: Vec<bool>,
}

impl Holdings {
    /// Nothing held.
    pub fn new(catalog: &Catalog) -> Holdings {
        Holdings {
            credentials: vec![false; catalog.credentials.len()],
            skills: vec![false; catalog.skills.len()],
        }
    }

    /// The credentials and skills of a plan's `have`; ids the catalog does not know are
    /// left out (the checks report them).
    pub fn of_have(catalog: &Catalog, have: &Have) -> Holdings {
        let mut holdings = Holdings::new(catalog);
        for id in &have.credentials {
            if let Some(idx) = catalog.find_credential(id) {
                holdings.add_credential(catalog, idx);
            }
        }
        for id in &have.skills {
            if let Some(idx) = catalog.find_skill(id) {
                holdings.add_skill(idx);
            }
        }
        holdings
    }

    /// Had from now on: the credential and the skills it teaches.
    pub fn add_credential(&mut self, catalog: &Catalog, idx: CredentialIdx) {
        self.credentials[idx.index()] = true;
        for &skill in &catalog.credential(idx).skills {
            self.skills[skill.index()] = true;
        }
    }

    pub fn add_skill(&mut self, idx: SkillIdx) {
        self.skills[idx.index()] = true;
    }

    pub fn has_credential(&self, idx: CredentialIdx) -> bool {
        self.credentials[idx.index()]
    }

    /// Held, or taught by a had credential.
    pub fn has_skill(&self, idx: SkillIdx) -> bool {
        self.skills[idx.index()]
    }

    pub fn satisfies_atom(&self, atom: Atom) -> bool {
        match atom {
            Atom::Credential(idx) => self.has_credential(idx),
            Atom::Skill(idx) => self.has_skill(idx),
        }
    }

    pub fn satisfies(&self, requirement: &Requirement) -> bool {
        requirement
            .atoms()
            .iter()
            .any(|&atom| self.satisfies_atom(atom))
    }

    /// Whether every requirement of the credential is satisfied.
    pub fn can_take(&self, catalog: &Catalog, idx: CredentialIdx) -> bool {
        catalog
            .credential(idx)
            .requires
            .iter()
            .all(|requirement| self.satisfies(requirement))
    }

    /// The had credentials, in catalog order.
    pub fn credentials(&self) -> impl Iterator<Item = CredentialIdx> + '_ {
        self.credentials
            .iter()
            .enumerate()
            .filter(|(_, had)| **had)
            .map(|(i, _)| CredentialIdx(i as u32))
    }
}

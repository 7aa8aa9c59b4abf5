//! What a credential or role requires: credentials, skills and work experience, alone or as
//! alternatives; and how one credential leads to another in the graph.

use serde::{Deserialize, Serialize};

use super::model::{CredentialIdx, SkillIdx};

/// Months of work experience in a field (a skill): a requirement only the learner can meet,
/// never a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Gate {
    pub field: SkillIdx,
    pub months: u32,
}

/// One alternative of a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Atom {
    Credential(CredentialIdx),
    Skill(SkillIdx),
    Experience(Gate),
}

/// A requirement: one credential, skill or experience, or any one of several (a clause).
/// However an author nests `any` and `all`, a credential's `requires` is kept as clauses
/// that must all hold. A role requirement written as a group that is more than one clause
/// is `All` of them: met when every one is, and counted as one requirement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Requirement {
    One(Atom),
    Any(Vec<Atom>),
    /// Only ever a role requirement, of `One` and `Any` clauses.
    All(Vec<Requirement>),
}

impl Requirement {
    /// The alternatives of a clause, one of which satisfies it; an `All` group has none of
    /// its own (see [`Requirement::clauses`]).
    pub fn atoms(&self) -> &[Atom] {
        match self {
            Requirement::One(atom) => std::slice::from_ref(atom),
            Requirement::Any(atoms) => atoms,
            Requirement::All(_) => &[],
        }
    }

    /// Every atom it names, in every clause.
    pub fn every_atom(&self) -> impl Iterator<Item = &Atom> {
        self.clauses().iter().flat_map(Requirement::atoms)
    }

    /// The clauses that must all hold: the requirement itself, or an `All` group's parts.
    pub fn clauses(&self) -> &[Requirement] {
        match self {
            Requirement::All(clauses) => clauses,
            clause => std::slice::from_ref(clause),
        }
    }
}

/// How one credential leads to another in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Edge {
    /// A plain `requires` item.
    Requires,
    /// One alternative of a `requires: {any: ...}` item.
    OneOf,
    /// A `recommends` item: shown, never enforced.
    Recommends,
}

//! The merged, validated catalog: providers, credentials, roles and skills with their ids
//! resolved to indices, and the prerequisite graph.

use std::collections::HashMap;
use std::sync::Arc;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

pub use super::amount::{Amount, Unknowns};
pub use super::format::{Kind, Level};
pub use super::requirement::{Atom, Edge, Gate, Requirement};
pub use credential::{Credential, Occupation, Rare};
pub use ids::{CredentialIds, IdHash};

mod credential;
mod ids;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// A credential's position in [`Catalog::credentials`] (and its node in the graph).
    CredentialIdx
);
index_type!(
    /// A skill's position in [`Catalog::skills`].
    SkillIdx
);
index_type!(
    /// A provider's position in [`Catalog::providers`].
    ProviderIdx
);
index_type!(
    /// A role's position in [`Catalog::roles`].
    RoleIdx
);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    /// Its official domains (`comptia.org`): a host equal to one, or under one, is its own site.
    pub domains: Vec<String>,
    /// The file that defines it, as shown in messages.
    pub file: Arc<str>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Each of the role's skills, then each item of its `requires`: one requirement each.
    pub requirements: Vec<Requirement>,
    /// Skills that help in the role but that it does not need (`recommended`): shown, never
    /// planned for.
    pub recommended: Vec<SkillIdx>,
    pub file: Arc<str>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Skill {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub aliases: Vec<String>,
    /// Concept URIs of skill frameworks (ESCO, ...) naming the same skill (`same_as`).
    pub same_as: Vec<String>,
    /// False for a skill only ever used, never declared in a `skills:` list.
    pub declared: bool,
}

impl Skill {
    /// The declared name, or the id.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// Ids to what they name. The hasher is foldhash's, several times faster than the standard
/// `SipHash` on short ids: a million credentials look up three million skills as they are
/// declared. The stored bytes are a map's, whatever the hasher.
pub(super) type Ids<V> = HashMap<String, V, hashbrown::DefaultHashBuilder>;

/// The catalog every command and the app work on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalog {
    pub currency: String,
    pub providers: Vec<Provider>,
    pub credentials: Vec<Credential>,
    pub roles: Vec<Role>,
    pub skills: Vec<Skill>,
    /// Not stored: made again from the credentials when a catalog is read from the cache.
    #[serde(skip)]
    pub(super) credential_ids: CredentialIds,
    #[serde(with = "super::cache::sized_map")]
    pub(super) role_ids: Ids<RoleIdx>,
    /// Skill ids and aliases.
    #[serde(with = "super::cache::sized_map")]
    pub(super) skill_ids: Ids<SkillIdx>,
    pub(super) taught_by: Vec<Vec<CredentialIdx>>,
    pub(super) required_by_skill: Vec<Vec<CredentialIdx>>,
    /// The stacks, in catalog order.
    pub(super) stacks: Vec<CredentialIdx>,
    /// Node `i` is credential `i`; an edge runs from a prerequisite to what needs it.
    pub(super) graph: DiGraph<CredentialIdx, Edge>,
}

impl Catalog {
    pub fn credential(&self, idx: CredentialIdx) -> &Credential {
        &self.credentials[idx.index()]
    }

    pub fn skill(&self, idx: SkillIdx) -> &Skill {
        &self.skills[idx.index()]
    }

    pub fn role(&self, idx: RoleIdx) -> &Role {
        &self.roles[idx.index()]
    }

    pub fn provider(&self, idx: ProviderIdx) -> &Provider {
        &self.providers[idx.index()]
    }

    /// A credential by global id (`provider/id`).
    pub fn find_credential(&self, id: &str) -> Option<CredentialIdx> {
        self.credential_ids.get(&self.credentials, id)
    }

    pub fn find_role(&self, id: &str) -> Option<RoleIdx> {
        self.role_ids.get(id).copied()
    }

    /// A skill by id or alias.
    pub fn find_skill(&self, id: &str) -> Option<SkillIdx> {
        self.skill_ids.get(id).copied()
    }

    pub fn find_provider(&self, id: &str) -> Option<ProviderIdx> {
        self.providers
            .iter()
            .position(|provider| provider.id == id)
            .map(|i| ProviderIdx(i as u32))
    }

    pub fn credential_indices(&self) -> impl ExactSizeIterator<Item = CredentialIdx> + '_ {
        (0..self.credentials.len() as u32).map(CredentialIdx)
    }

    pub fn role_indices(&self) -> impl ExactSizeIterator<Item = RoleIdx> + '_ {
        (0..self.roles.len() as u32).map(RoleIdx)
    }

    /// Every skill, declared or only used, in catalog order.
    pub fn skill_indices(&self) -> impl ExactSizeIterator<Item = SkillIdx> + '_ {
        (0..self.skills.len() as u32).map(SkillIdx)
    }

    /// Every global credential id, for suggestions.
    pub fn credential_id_strs(&self) -> impl Iterator<Item = &str> {
        self.credentials.iter().map(|credential| &*credential.id)
    }

    /// The credentials that teach a skill, in catalog order.
    pub fn teachers(&self, skill: SkillIdx) -> &[CredentialIdx] {
        &self.taught_by[skill.index()]
    }

    /// What replaces a retired credential: the end of its chain of `replaced_by`, which the
    /// catalog checks make a credential still offered. `None` when it is not retired or
    /// names no successor.
    pub fn successor(&self, idx: CredentialIdx) -> Option<CredentialIdx> {
        let mut next = idx;
        // The bound keeps a catalog with errors (a circle) from looping.
        for _ in 0..self.credentials.len() {
            match self.credential(next).replaced_by() {
                Some(successor) if self.credential(next).retired => next = successor,
                _ => break,
            }
        }
        (next != idx).then_some(next)
    }

    /// Every skill id and alias, for suggestions.
    pub fn skill_names(&self) -> impl Iterator<Item = &str> {
        self.skills
            .iter()
            .flat_map(|skill| std::iter::once(&skill.id).chain(&skill.aliases))
            .map(String::as_str)
    }

    /// The stacks: credentials awarded when their parts are held.
    pub fn stacks(&self) -> &[CredentialIdx] {
        &self.stacks
    }

    /// The credentials whose `requires` names a skill.
    pub fn requiring_skill(&self, skill: SkillIdx) -> &[CredentialIdx] {
        &self.required_by_skill[skill.index()]
    }

    /// The credentials a credential names in `requires` (plain or in an `any`).
    pub fn prerequisites(
        &self,
        idx: CredentialIdx,
    ) -> impl Iterator<Item = (CredentialIdx, Edge)> + '_ {
        self.neighbours(idx, Direction::Incoming)
    }

    /// The credentials that name this one in `requires` or `recommends`.
    pub fn dependents(
        &self,
        idx: CredentialIdx,
    ) -> impl Iterator<Item = (CredentialIdx, Edge)> + '_ {
        self.neighbours(idx, Direction::Outgoing)
    }

    /// The credentials that require a skill this one teaches, with the skill.
    pub fn dependents_via_skills(
        &self,
        idx: CredentialIdx,
    ) -> impl Iterator<Item = (CredentialIdx, SkillIdx)> + '_ {
        self.credential(idx)
            .skills
            .iter()
            .flat_map(move |&skill| {
                self.requiring_skill(skill)
                    .iter()
                    .map(move |&other| (other, skill))
            })
            .filter(move |&(other, _)| other != idx)
    }

    fn neighbours(
        &self,
        idx: CredentialIdx,
        direction: Direction,
    ) -> impl Iterator<Item = (CredentialIdx, Edge)> + '_ {
        let mut found: Vec<(CredentialIdx, Edge)> = self
            .graph
            .edges_directed(NodeIndex::new(idx.index()), direction)
            .map(move |edge| {
                let other = if direction == Direction::Incoming {
                    edge.source()
                } else {
                    edge.target()
                };
                (self.graph[other], *edge.weight())
            })
            .collect();
        found.sort_by_key(|&(other, _)| other);
        found.dedup();
        found.into_iter()
    }

    /// The prerequisite graph: node `i` is credential `i`, edges run from a prerequisite to
    /// the credential that names it.
    pub fn graph(&self) -> &DiGraph<CredentialIdx, Edge> {
        &self.graph
    }

    /// A requirement item as an author would write it: `provider/id`, `skill` or
    /// `any: [a, b]`.
    pub fn describe(&self, requirement: &Requirement) -> String {
        match requirement {
            Requirement::One(atom) => self.describe_atom(*atom),
            Requirement::Any(atoms) => {
                let items: Vec<String> =
                    atoms.iter().map(|&atom| self.describe_atom(atom)).collect();
                format!("any of [{}]", items.join(", "))
            }
            Requirement::All(clauses) => {
                let items: Vec<String> = clauses.iter().map(|c| self.describe(c)).collect();
                format!("all of [{}]", items.join(", "))
            }
        }
    }

    pub fn describe_atom(&self, atom: Atom) -> String {
        match atom {
            Atom::Credential(idx) => self.credential(idx).id.to_string(),
            Atom::Skill(idx) => format!("skill {}", self.skill(idx).id),
            Atom::Experience(gate) => self.describe_gate(gate),
        }
    }

    /// `60 months of security experience`.
    pub fn describe_gate(&self, gate: Gate) -> String {
        format!(
            "{} {} of {} experience",
            gate.months,
            if gate.months == 1 { "month" } else { "months" },
            self.skill(gate.field).id
        )
    }
}

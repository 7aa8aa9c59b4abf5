//! The prerequisite graph, cycles, and the warnings that need the whole catalog.

use petgraph::graph::{DiGraph, NodeIndex};

use super::Merge;
use crate::catalog::cycles;
use crate::catalog::model::{Atom, Credential, CredentialIdx, Edge, Requirement, SkillIdx};
use crate::yaml::Segment::{Index, Key};

/// The credentials teaching each skill, in catalog order.
fn taught_by(credentials: &[Credential], skills: usize) -> Vec<Vec<CredentialIdx>> {
    let mut taught_by = vec![Vec::new(); skills];
    for (i, credential) in credentials.iter().enumerate() {
        for &skill in &credential.skills {
            taught_by[skill.index()].push(CredentialIdx(i as u32));
        }
    }
    taught_by
}

/// The credentials whose `requires` name each skill, in catalog order.
fn required_by_skill(credentials: &[Credential], skills: usize) -> Vec<Vec<CredentialIdx>> {
    let mut required_by_skill = vec![Vec::new(); skills];
    let mut needed: Vec<SkillIdx> = Vec::new();
    for (i, credential) in credentials.iter().enumerate() {
        needed.clear();
        needed.extend(
            (credential.requires.iter())
                .flat_map(Requirement::atoms)
                .filter_map(|atom| match atom {
                    Atom::Skill(skill) => Some(*skill),
                    Atom::Credential(_) | Atom::Experience(_) => None,
                }),
        );
        needed.sort_unstable();
        needed.dedup();
        for &skill in &needed {
            required_by_skill[skill.index()].push(CredentialIdx(i as u32));
        }
    }
    required_by_skill
}

/// The stacks, in catalog order.
fn stacks(credentials: &[Credential]) -> Vec<CredentialIdx> {
    (credentials.iter().enumerate())
        .filter(|(_, credential)| credential.stack)
        .map(|(i, _)| CredentialIdx(i as u32))
        .collect()
}

/// Node `i` is credential `i`; an edge runs from a prerequisite to what names it.
fn prerequisite_graph(credentials: &[Credential]) -> DiGraph<CredentialIdx, Edge> {
    let mut graph: DiGraph<CredentialIdx, Edge> = DiGraph::with_capacity(credentials.len(), 0);
    for i in 0..credentials.len() {
        graph.add_node(CredentialIdx(i as u32));
    }
    for (i, credential) in credentials.iter().enumerate() {
        let node = NodeIndex::new(i);
        for requirement in &credential.requires {
            let kind = if matches!(requirement, Requirement::Any(_)) {
                Edge::OneOf
            } else {
                Edge::Requires
            };
            for atom in requirement.atoms() {
                if let Atom::Credential(prerequisite) = atom {
                    graph.add_edge(NodeIndex::new(prerequisite.index()), node, kind);
                }
            }
        }
        for requirement in credential.recommends() {
            for atom in requirement.atoms() {
                if let Atom::Credential(recommended) = atom {
                    graph.add_edge(NodeIndex::new(recommended.index()), node, Edge::Recommends);
                }
            }
        }
    }
    graph
}

impl Merge {
    /// Indexes skills, builds the prerequisite graph and checks the `requires` for cycles, on
    /// as many threads as there are (none needs another), then reports every cycle.
    pub(super) fn index_and_link(&mut self) {
        let credentials = &self.catalog.credentials;
        let skills = self.catalog.skills.len();
        let (graph, (((taught_by, required_by_skill), stacks), circular)) = rayon::join(
            || prerequisite_graph(credentials),
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || {
                                rayon::join(
                                    || taught_by(credentials, skills),
                                    || required_by_skill(credentials, skills),
                                )
                            },
                            || stacks(credentials),
                        )
                    },
                    || !cycles::requires_nothing_circular(credentials),
                )
            },
        );
        self.catalog.taught_by = taught_by;
        self.catalog.required_by_skill = required_by_skill;
        self.catalog.graph = graph;
        self.catalog.stacks = stacks;
        let found = if circular {
            cycles::find(&self.catalog)
        } else {
            Vec::new()
        };
        for cycle in found {
            let names: Vec<&str> = cycle
                .iter()
                .map(|&idx| self.catalog.credential(idx).id.as_ref())
                .collect();
            // At the first requirement of the cycle's first credential that names the next.
            let item = self.credential_place(cycle[0]);
            let place = self
                .catalog
                .credential(cycle[0])
                .requires
                .iter()
                .position(|requirement| requirement.atoms().contains(&Atom::Credential(cycle[1])))
                .map_or(item.clone(), |n| item.at(&[Key("requires"), Index(n)]));
            let message = if cycle.len() == 2 {
                format!(
                    "credential `{}` requires itself; remove it from its own `requires`",
                    names[0]
                )
            } else {
                format!(
                    "requirement cycle: {}; remove one of these requirements",
                    names.join(" -> ")
                )
            };
            self.error(place, message);
        }
    }

    pub(super) fn warn_untaught_role_skills(&mut self) {
        let mut warnings = Vec::new();
        for (r, role) in self.catalog.roles.iter().enumerate() {
            for (n, requirement) in role.requirements.iter().enumerate() {
                let Requirement::One(Atom::Skill(skill)) = requirement else {
                    continue;
                };
                let teachers = self.catalog.teachers(*skill);
                let id = &self.catalog.skill(*skill).id;
                let message = if teachers.is_empty() {
                    format!(
                        "no credential teaches skill `{id}`, so no plan can meet it unless the learner already has it; add a credential that teaches it, or check the spelling"
                    )
                } else if teachers.iter().all(|&c| self.catalog.credential(c).retired) {
                    format!(
                        "only retired credentials teach skill `{id}`, so no plan can meet it unless the learner already has it"
                    )
                } else {
                    continue;
                };
                warnings.push((self.role_places[r].at(&[Key("skills"), Index(n)]), message));
            }
        }
        for (place, message) in warnings {
            self.warning(place, message);
        }
    }

    /// An undeclared skill one typo away from a declared one is probably that one.
    pub(super) fn warn_skill_typos(&mut self) {
        let declared: Vec<&str> = self
            .catalog
            .skill_ids
            .iter()
            .filter(|(_, idx)| self.catalog.skill(**idx).declared)
            .map(|(name, _)| name.as_str())
            .collect();
        let mut warnings = Vec::new();
        for (i, skill) in self.catalog.skills.iter().enumerate() {
            if skill.declared {
                continue;
            }
            let Some(found) = crate::text::closest(&skill.id, declared.iter().copied()) else {
                continue;
            };
            if let Some(Some(place)) = self.skill_first_use.get(i) {
                warnings.push((
                    place.clone(),
                    format!(
                        "skill `{}` is not declared in any `skills:` list; did you mean `{found}`?",
                        skill.id
                    ),
                ));
            }
        }
        warnings.sort_by_key(|(place, _)| place.file);
        for (place, message) in warnings {
            self.warning(place, message);
        }
    }
}

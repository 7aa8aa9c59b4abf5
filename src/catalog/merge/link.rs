//! The skill index, the stacks and the prerequisite graph, made as credentials are declared,
//! while later files are still being parsed, so that little is left for when every file is
//! merged. They come out as if made from the whole catalog at the end: node `i` is credential
//! `i`, and edges and index entries are added credential by credential in catalog order, each
//! credential's once its lists are resolved and those of every credential before it are.

use petgraph::graph::{DiGraph, NodeIndex};

use super::Merge;
use crate::catalog::model::{Atom, Credential, CredentialIdx, Edge, Requirement, SkillIdx};

impl Merge {
    /// Adds each credential declared from position `from` on as a node of the graph, to the
    /// credentials teaching its skills, and to the stacks if it is one.
    pub(super) fn index_declared(&mut self, from: usize) {
        let catalog = &mut self.catalog;
        for (i, credential) in catalog.credentials.iter().enumerate().skip(from) {
            let idx = CredentialIdx(i as u32);
            catalog.graph.add_node(idx);
            for &skill in &credential.skills {
                entry(&mut catalog.taught_by, skill).push(idx);
            }
            if credential.stack {
                catalog.stacks.push(idx);
            }
        }
    }

    /// Links every credential before position `to` not linked yet, whose lists must all be
    /// resolved: an edge from each credential it names, and an entry under each skill its
    /// `requires` names. With `parallel`, the edges and the entries are added on two threads.
    pub(super) fn link(&mut self, to: usize, parallel: bool) {
        let from = self.linked;
        if to <= from {
            return;
        }
        let credentials = &self.catalog.credentials[from..to];
        let graph = &mut self.catalog.graph;
        let required_by_skill = &mut self.catalog.required_by_skill;
        let backwards = if parallel {
            rayon::join(
                || add_edges(graph, credentials, from),
                || index_required(required_by_skill, credentials, from),
            )
            .0
        } else {
            index_required(required_by_skill, credentials, from);
            add_edges(graph, credentials, from)
        };
        self.maybe_circular |= !backwards;
        self.linked = to;
    }
}

/// The list of `skill` in `lists`, which grows to have one.
fn entry(lists: &mut Vec<Vec<CredentialIdx>>, skill: SkillIdx) -> &mut Vec<CredentialIdx> {
    if lists.len() <= skill.index() {
        lists.resize_with(skill.index() + 1, Vec::new);
    }
    &mut lists[skill.index()]
}

/// Adds the edges into `credentials`, the credentials from position `from` on: from each
/// credential their `requires` and `recommends` name. True when every `requires` names only
/// credentials before the one naming it: then none of these is part of a cycle of `requires`
/// with the credentials before them (a cycle's first credential requires one after it, or
/// itself).
fn add_edges(
    graph: &mut DiGraph<CredentialIdx, Edge>,
    credentials: &[Credential],
    from: usize,
) -> bool {
    let mut backwards = true;
    for (i, credential) in (from..).zip(credentials) {
        let node = NodeIndex::new(i);
        for requirement in &credential.requires {
            let kind = if matches!(requirement, Requirement::Any(_)) {
                Edge::OneOf
            } else {
                Edge::Requires
            };
            for atom in requirement.atoms() {
                if let Atom::Credential(prerequisite) = atom {
                    backwards &= prerequisite.index() < i;
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
    backwards
}

/// Adds `credentials`, the credentials from position `from` on, under each skill their
/// `requires` name.
fn index_required(
    required_by_skill: &mut Vec<Vec<CredentialIdx>>,
    credentials: &[Credential],
    from: usize,
) {
    let mut needed: Vec<SkillIdx> = Vec::new();
    for (i, credential) in (from..).zip(credentials) {
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
            entry(required_by_skill, skill).push(CredentialIdx(i as u32));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::Loaded;
    use crate::catalog::source::{Bytes, SourceFile};

    const FIRST: &str = "format: 1
provider: {id: first, name: First}
credentials:
  - {id: a, title: A, kind: course, hours: 1, cost: 0, skills: [x], requires: [later/b, {skill: y}]}
  - {id: c, title: C, kind: course, hours: 1, cost: 0, skills: [y, z], requires: [a, {skill: x}], recommends: [later/d]}
  - {id: s, title: S, kind: course, awarded_when: [a, c], skills: [z]}
";

    /// The second file, whose `b` names `b_requires`.
    fn load(b_requires: &str) -> Loaded {
        let later = format!(
            "format: 1
provider: {{id: later, name: Later}}
credentials:
  - {{id: b, title: B, kind: course, hours: 1, cost: 0, skills: [y], requires: [{b_requires}]}}
  - {{id: d, title: D, kind: course, hours: 1, cost: 0, skills: [x], requires: [b, {{any: [first/c, b]}}]}}
"
        );
        let file = |name: &str, text: String| SourceFile {
            name: Arc::from(name),
            path: None,
            content: Ok(Bytes::Owned(text.into_bytes())),
        };
        crate::catalog::load_files(&[file("first.yaml", FIRST.into()), file("later.yaml", later)])
    }

    /// The graph's edges as the whole catalog gives them, credential by credential.
    fn edges_made_at_the_end(credentials: &[Credential]) -> Vec<(usize, usize, Edge)> {
        let mut edges = Vec::new();
        for (i, credential) in credentials.iter().enumerate() {
            for requirement in &credential.requires {
                let kind = if matches!(requirement, Requirement::Any(_)) {
                    Edge::OneOf
                } else {
                    Edge::Requires
                };
                for atom in requirement.atoms() {
                    if let Atom::Credential(p) = atom {
                        edges.push((p.index(), i, kind));
                    }
                }
            }
            for requirement in credential.recommends() {
                for atom in requirement.atoms() {
                    if let Atom::Credential(p) = atom {
                        edges.push((p.index(), i, Edge::Recommends));
                    }
                }
            }
        }
        edges
    }

    #[test]
    fn references_into_later_files_are_linked_as_if_linked_at_the_end() {
        let loaded = load("{skill: z}");
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        let catalog = &loaded.catalog;
        let graph = catalog.graph();
        let edges: Vec<(usize, usize, Edge)> = (graph.raw_edges().iter())
            .map(|edge| (edge.source().index(), edge.target().index(), edge.weight))
            .collect();
        assert_eq!(edges, edges_made_at_the_end(&catalog.credentials));
        // `a` waited for `later/b`; what follows it in the first file was linked after it.
        let b = catalog.find_credential("later/b").expect("b");
        let a = catalog.find_credential("first/a").expect("a");
        assert!(edges.contains(&(b.index(), a.index(), Edge::Requires)));
        assert_eq!(graph.node_count(), 5);
        for skill in catalog.skill_indices() {
            let teaches = |c: &Credential| c.skills.contains(&skill);
            let requires = |c: &Credential| {
                (c.requires.iter().flat_map(Requirement::atoms)).any(|a| *a == Atom::Skill(skill))
            };
            let all = |keep: &dyn Fn(&Credential) -> bool| -> Vec<CredentialIdx> {
                (0..catalog.credentials.len())
                    .filter(|&i| keep(&catalog.credentials[i]))
                    .map(|i| CredentialIdx(i as u32))
                    .collect()
            };
            assert_eq!(catalog.teachers(skill), all(&teaches));
            assert_eq!(catalog.requiring_skill(skill), all(&requires));
        }
        let s = catalog.find_credential("first/s").expect("s");
        assert_eq!(catalog.stacks(), [s]);
    }

    #[test]
    fn a_cycle_closed_by_a_later_file_is_reported() {
        let loaded = load("first/c");
        let messages: Vec<&str> = (loaded.problems.iter())
            .map(|problem| problem.message.as_str())
            .filter(|message| message.contains("cycle"))
            .collect();
        assert_eq!(
            messages,
            [
                "requirement cycle: first/a -> later/b -> first/c -> first/a; remove one of these requirements"
            ]
        );
    }
}

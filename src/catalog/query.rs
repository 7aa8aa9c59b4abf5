//! Questions about a catalog that several views ask: which credentials meet a requirement,
//! which can contribute to a role, which roles a credential or skill helps.

use std::collections::BTreeSet;

use super::model::{Amount, Atom, Catalog, CredentialIdx, Requirement, RoleIdx, SkillIdx};

/// The key [`Catalog::cheapest_first`] sorts by.
pub type CheapestFirst<'a> = (bool, (bool, Amount), (bool, Amount), &'a str);

impl Catalog {
    /// Whether having this one credential satisfies `atom`.
    pub fn meets(&self, idx: CredentialIdx, atom: Atom) -> bool {
        match atom {
            Atom::Credential(other) => other == idx,
            Atom::Skill(skill) => self.credential(idx).skills.contains(&skill),
            Atom::Experience(_) => false,
        }
    }

    /// The credentials that satisfy `requirement` on their own: those it names and those
    /// teaching a skill it names, cheapest first (then fewest hours, then id), retired ones
    /// last. None meet experience, or a group of several clauses on their own.
    pub fn meeting(&self, requirement: &Requirement) -> Vec<CredentialIdx> {
        let mut found: Vec<CredentialIdx> = Vec::new();
        for &atom in requirement.atoms() {
            match atom {
                Atom::Credential(idx) => found.push(idx),
                Atom::Skill(skill) => found.extend_from_slice(self.teachers(skill)),
                Atom::Experience(_) => {}
            }
        }
        found.sort_by_key(|&idx| self.cheapest_first(idx));
        found.dedup();
        found
    }

    /// A sort key: not retired before retired, then cost and hours (an unknown one after
    /// every known one: it is never taken for free or quick) and id.
    pub fn cheapest_first(&self, idx: CredentialIdx) -> CheapestFirst<'_> {
        let credential = self.credential(idx);
        (
            credential.retired,
            (credential.unknown.cost, credential.cost),
            (credential.unknown.hours, credential.hours),
            credential.id.as_ref(),
        )
    }

    /// The credentials that can contribute to a role: those meeting one of its requirements
    /// (retired teachers of a skill left out), and everything that can satisfy what they
    /// require, recursively. In catalog order.
    pub fn contributors(&self, role: RoleIdx) -> Vec<CredentialIdx> {
        let mut kept: BTreeSet<CredentialIdx> = BTreeSet::new();
        let mut queue: Vec<CredentialIdx> = Vec::new();
        let mut add_all = |requirements: &[Requirement], queue: &mut Vec<CredentialIdx>| {
            for atom in requirements.iter().flat_map(Requirement::every_atom) {
                let candidates: Vec<CredentialIdx> = match *atom {
                    Atom::Experience(_) => Vec::new(),
                    Atom::Credential(idx) => vec![idx],
                    Atom::Skill(skill) => self
                        .teachers(skill)
                        .iter()
                        .copied()
                        .filter(|&idx| !self.credential(idx).retired)
                        .collect(),
                };
                for idx in candidates {
                    if kept.insert(idx) {
                        queue.push(idx);
                    }
                }
            }
        };
        add_all(&self.role(role).requirements, &mut queue);
        while let Some(idx) = queue.pop() {
            add_all(&self.credential(idx).requires, &mut queue);
        }
        kept.into_iter().collect()
    }

    /// For each role that this credential helps, the indices of the role's requirements it
    /// meets on its own.
    pub fn roles_helped(&self, idx: CredentialIdx) -> Vec<(RoleIdx, Vec<usize>)> {
        self.role_indices()
            .filter_map(|role| {
                let met: Vec<usize> =
                    self.role(role)
                        .requirements
                        .iter()
                        .enumerate()
                        .filter(|(_, requirement)| {
                            requirement.clauses().iter().any(|clause| {
                                clause.atoms().iter().any(|&atom| self.meets(idx, atom))
                            })
                        })
                        .map(|(n, _)| n)
                        .collect();
                (!met.is_empty()).then_some((role, met))
            })
            .collect()
    }

    /// The roles with a requirement that names this skill.
    pub fn roles_needing(&self, skill: SkillIdx) -> Vec<RoleIdx> {
        self.role_indices()
            .filter(|&role| {
                self.role(role).requirements.iter().any(|requirement| {
                    requirement
                        .every_atom()
                        .any(|&atom| atom == Atom::Skill(skill))
                })
            })
            .collect()
    }

    /// The skills a role names, as plain skill requirements, in order.
    pub fn role_skills(&self, role: RoleIdx) -> impl Iterator<Item = SkillIdx> + '_ {
        self.role(role)
            .requirements
            .iter()
            .filter_map(|requirement| match requirement {
                Requirement::One(Atom::Skill(skill)) => Some(*skill),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::source::{Bytes, SourceFile};

    /// `p/a` teaches `x` and `y`; `p/b` requires `p/a`; `p/c` teaches `y`, requires skill
    /// `z`, taught by `p/d` and by the retired `p/e`; `p/f` teaches `unrelated`. The role
    /// needs `y`, and one of `p/b` or skill `q`.
    const TEXT: &str = "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: course, hours: 5, cost: 10, skills: [x, y]}
  - {id: b, title: B, kind: course, hours: 1, cost: 1, skills: [x], requires: [a]}
  - {id: c, title: C, kind: course, hours: 1, cost: 1, skills: [y], requires: [{skill: z}]}
  - {id: d, title: D, kind: course, hours: 1, cost: 0, skills: [z]}
  - {id: e, title: E, kind: course, hours: 1, cost: 0, skills: [z], retired: true}
  - {id: f, title: F, kind: course, hours: 1, cost: 0, skills: [unrelated]}
roles:
  - {id: r, title: R, skills: [y], requires: [{any: [b, {skill: q}]}]}
";

    fn catalog() -> Catalog {
        let loaded = crate::catalog::load_files(&[SourceFile {
            name: Arc::from("t.yaml"),
            path: None,
            content: Ok(Bytes::Static(TEXT)),
        }]);
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        loaded.catalog
    }

    fn ids(catalog: &Catalog, list: &[CredentialIdx]) -> Vec<String> {
        list.iter()
            .map(|&idx| catalog.credential(idx).local_id().to_owned())
            .collect()
    }

    #[test]
    fn a_requirement_is_met_cheapest_first() {
        let catalog = catalog();
        let role = catalog.find_role("r").expect("the role");
        let skill_y = &catalog.role(role).requirements[0];
        assert_eq!(ids(&catalog, &catalog.meeting(skill_y)), ["c", "a"]);
    }

    #[test]
    fn retired_credentials_come_last() {
        let catalog = catalog();
        let z = catalog.find_skill("z").expect("skill z");
        let requirement = Requirement::One(Atom::Skill(z));
        assert_eq!(ids(&catalog, &catalog.meeting(&requirement)), ["d", "e"]);
    }

    #[test]
    fn contributors_follow_requirements_but_not_retired_teachers() {
        let catalog = catalog();
        let role = catalog.find_role("r").expect("the role");
        assert_eq!(
            ids(&catalog, &catalog.contributors(role)),
            ["a", "b", "c", "d"]
        );
    }

    #[test]
    fn a_credential_helps_the_roles_whose_requirements_it_meets() {
        let catalog = catalog();
        let role = catalog.find_role("r").expect("the role");
        let b = catalog.find_credential("p/b").expect("p/b");
        let a = catalog.find_credential("p/a").expect("p/a");
        let f = catalog.find_credential("p/f").expect("p/f");
        assert_eq!(catalog.roles_helped(b), [(role, vec![1])]);
        assert_eq!(catalog.roles_helped(a), [(role, vec![0])]);
        assert!(catalog.roles_helped(f).is_empty());
    }
}

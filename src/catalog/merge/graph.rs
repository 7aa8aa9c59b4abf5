//! Cycles, and the warnings that need the whole catalog.

use super::Merge;
use crate::catalog::cycles;
use crate::catalog::model::{Atom, Requirement};
use crate::yaml::Segment::{Index, Key};

impl Merge {
    /// Links the credentials left unlinked (from the first whose lists waited for every
    /// file), then reports every cycle among `requires` references.
    pub(super) fn index_and_link(&mut self) {
        self.link(self.catalog.credentials.len(), true);
        let skills = self.catalog.skills.len();
        self.catalog.taught_by.resize_with(skills, Vec::new);
        self.catalog.required_by_skill.resize_with(skills, Vec::new);
        // Only a credential that requires itself or one after it can close a cycle; the
        // depth-first check is cheap beside the search that names each cycle.
        let circular =
            self.maybe_circular && !cycles::requires_nothing_circular(&self.catalog.credentials);
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

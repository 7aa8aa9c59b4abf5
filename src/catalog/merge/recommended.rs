//! A role's `recommended` skills: shown with the role, never planned for.

use super::Merge;
use crate::catalog::format::RoleSpec;
use crate::catalog::model::{Atom, Requirement, SkillIdx};
use crate::catalog::place::Place;
use crate::yaml::Segment::{Index, Key};

impl Merge {
    /// A role's `recommended` skills; one listed twice, or also among its `skills`, is
    /// reported and kept once.
    pub(super) fn recommended(
        &mut self,
        spec: &RoleSpec,
        place: &Place,
        requirements: &[Requirement],
    ) -> Vec<SkillIdx> {
        let mut recommended: Vec<SkillIdx> = Vec::new();
        for (n, skill) in spec.recommended.iter().enumerate() {
            let skill_place = || place.at(&[Key("recommended"), Index(n)]);
            let Some(idx) = self.use_skill(skill.as_str(), skill_place) else {
                continue;
            };
            let id = skill.as_str();
            if requirements.contains(&Requirement::One(Atom::Skill(idx))) {
                self.warning(
                    skill_place(),
                    format!("skill `{id}` is one of the role's `skills` already, which a plan must meet; list it in `skills` or in `recommended`, not both"),
                );
            } else if recommended.contains(&idx) {
                self.warning(
                    skill_place(),
                    format!("skill `{id}` is listed twice; list it once"),
                );
            } else {
                recommended.push(idx);
            }
        }
        recommended
    }
}

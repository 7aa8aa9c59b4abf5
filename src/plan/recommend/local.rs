//! The supporters of each kept credential's requirements, as the search's items see them.

use std::ops::Range;

use crate::catalog::{Atom, Catalog, SkillIdx};

/// The kept credentials that would satisfy a credential's requirement, as positions among
/// them. Each skill's teachers are looked up once per recommendation: at a million
/// credentials a skill has a hundred or more teachers and is named by thousands of
/// requirements. Only kept credentials have a position, and every kept one is a candidate,
/// so nothing else needs checking.
pub(super) struct LocalTeachers<'a> {
    catalog: &'a Catalog,
    position: &'a [u32],
    /// Each skill's kept teachers, once looked up: a range of `flat`.
    by_skill: Vec<Option<Range<usize>>>,
    flat: Vec<u32>,
}

impl<'a> LocalTeachers<'a> {
    pub(super) fn new(catalog: &'a Catalog, position: &'a [u32]) -> LocalTeachers<'a> {
        LocalTeachers {
            catalog,
            position,
            by_skill: vec![None; catalog.skills.len()],
            flat: Vec::new(),
        }
    }

    /// Sorted and without repeats, as [`super::reduce::Problem::requirements`] holds them.
    pub(super) fn supporters(&mut self, atoms: &[Atom]) -> Vec<u32> {
        if let [Atom::Skill(skill)] = atoms {
            let range = self.skill(*skill);
            return self.flat[range].to_vec();
        }
        let mut found = Vec::new();
        for &atom in atoms {
            match atom {
                Atom::Credential(idx) => found.push(self.position[idx.index()]),
                Atom::Skill(skill) => {
                    let range = self.skill(skill);
                    found.extend_from_slice(&self.flat[range]);
                }
                Atom::Experience(_) => {}
            }
        }
        found.retain(|&i| i != u32::MAX);
        found.sort_unstable();
        found.dedup();
        found
    }

    fn skill(&mut self, skill: SkillIdx) -> Range<usize> {
        if let Some(range) = &self.by_skill[skill.index()] {
            return range.clone();
        }
        let mut kept: Vec<u32> = self
            .catalog
            .teachers(skill)
            .iter()
            .map(|idx| self.position[idx.index()])
            .filter(|&i| i != u32::MAX)
            .collect();
        // Teachers come in catalog order, which positions follow: already sorted.
        kept.sort_unstable();
        kept.dedup();
        let start = self.flat.len();
        self.flat.extend_from_slice(&kept);
        let range = start..self.flat.len();
        self.by_skill[skill.index()] = Some(range.clone());
        range
    }
}

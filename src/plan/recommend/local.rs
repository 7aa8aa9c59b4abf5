//! The supporters of each kept credential's requirements, as the search's items see them.

use std::ops::Range;

use crate::catalog::{Atom, Catalog, SkillIdx};

use super::lists::Lists;

/// The kept credentials that would satisfy a credential's requirement, as positions among
/// them. Each skill's teachers are looked up once per recommendation and stored once in the
/// problem's lists: at a million credentials a skill has a hundred or more teachers and is
/// named by thousands of requirements, which share them. Only kept credentials have a
/// position, and every kept one is a candidate, so nothing else needs checking.
pub(super) struct LocalTeachers<'a> {
    catalog: &'a Catalog,
    position: &'a [u32],
    /// Each skill's kept teachers, once looked up: where they are stored in the lists.
    by_skill: Vec<Option<Range<u32>>>,
    scratch: Vec<u32>,
}

impl<'a> LocalTeachers<'a> {
    pub(super) fn new(catalog: &'a Catalog, position: &'a [u32]) -> LocalTeachers<'a> {
        LocalTeachers {
            catalog,
            position,
            by_skill: vec![None; catalog.skills.len()],
            scratch: Vec::new(),
        }
    }

    /// Appends to `lists` the supporters of a requirement with these atoms, sorted and
    /// without repeats, as [`super::reduce::Problem::requirements`] holds them.
    pub(super) fn push_supporters(&mut self, atoms: &[Atom], lists: &mut Lists) {
        if let [Atom::Skill(skill)] = atoms {
            let stored = self.skill(*skill, lists);
            lists.push_stored(stored);
            return;
        }
        let mut found = std::mem::take(&mut self.scratch);
        found.clear();
        for &atom in atoms {
            match atom {
                Atom::Credential(idx) => found.push(self.position[idx.index()]),
                Atom::Skill(skill) => {
                    let stored = self.skill(skill, lists);
                    found.extend_from_slice(lists.stored(stored));
                }
                Atom::Experience(_) => {}
            }
        }
        found.retain(|&i| i != u32::MAX);
        found.sort_unstable();
        found.dedup();
        lists.push(&found);
        self.scratch = found;
    }

    fn skill(&mut self, skill: SkillIdx, lists: &mut Lists) -> Range<u32> {
        if let Some(stored) = &self.by_skill[skill.index()] {
            return stored.clone();
        }
        let mut kept = std::mem::take(&mut self.scratch);
        kept.clear();
        kept.extend(
            self.catalog
                .teachers(skill)
                .iter()
                .map(|idx| self.position[idx.index()])
                .filter(|&i| i != u32::MAX),
        );
        // Teachers come in catalog order, which positions follow: already sorted.
        kept.sort_unstable();
        kept.dedup();
        let stored = lists.store(&kept);
        self.scratch = kept;
        self.by_skill[skill.index()] = Some(stored.clone());
        stored
    }
}

//! The mapping rules from an ESCO skill to a catalog skill: the skill whose `same_as` lists
//! the ESCO URI; else the one skill whose name is the ESCO preferred label (letter case and
//! runs of spaces aside); else none.

use std::collections::HashMap;

use crate::catalog::{Catalog, SkillIdx};

/// The catalog skill an ESCO skill maps to, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mapped {
    /// The catalog skill (its id) whose `same_as` lists the ESCO URI.
    SameAs(String),
    /// The one catalog skill whose name is the ESCO preferred label.
    Label(String),
    /// Several catalog skills have the label as their name, and none lists the URI: a
    /// `same_as` on one of them decides.
    Ambiguous(Vec<String>),
    Unmapped,
}

impl Mapped {
    /// The catalog skill id, when it maps to one.
    pub fn skill(&self) -> Option<&str> {
        match self {
            Mapped::SameAs(id) | Mapped::Label(id) => Some(id),
            Mapped::Ambiguous(_) | Mapped::Unmapped => None,
        }
    }
}

/// The catalog's skills by `same_as` URI and by name, made once for all of an occupation's
/// skills.
pub struct Labels<'a> {
    same_as: HashMap<&'a str, SkillIdx>,
    names: HashMap<String, Vec<SkillIdx>>,
}

impl<'a> Labels<'a> {
    pub fn of(catalog: &'a Catalog) -> Labels<'a> {
        let mut same_as = HashMap::new();
        let mut names: HashMap<String, Vec<SkillIdx>> = HashMap::new();
        for idx in catalog.skill_indices() {
            let skill = catalog.skill(idx);
            for uri in &skill.same_as {
                same_as.entry(uri.as_str()).or_insert(idx);
            }
            names.entry(normal(skill.label())).or_default().push(idx);
        }
        Labels { same_as, names }
    }
}

/// Labels compared as people read them: letter case and runs of white space aside.
fn normal(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The catalog skill the ESCO skill `uri`, labelled `label`, maps to.
pub fn map_skill(catalog: &Catalog, labels: &Labels<'_>, uri: &str, label: &str) -> Mapped {
    let id = |idx: SkillIdx| catalog.skill(idx).id.clone();
    if let Some(&idx) = labels.same_as.get(uri) {
        return Mapped::SameAs(id(idx));
    }
    match labels.names.get(&normal(label)).map(Vec::as_slice) {
        Some([one]) => Mapped::Label(id(*one)),
        Some(several @ [_, _, ..]) => {
            Mapped::Ambiguous(several.iter().map(|&idx| id(idx)).collect())
        }
        _ => Mapped::Unmapped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixture::catalog;

    const SKILLS: &str = "
skills:
  - {id: sql, name: SQL}
  - {id: queries, name: Database queries, same_as: ['http://data.europa.eu/esco/skill/q']}
  - {id: security, name: ICT security}
  - {id: infosec, name: ict  security}
";

    fn mapped(uri: &str, label: &str) -> Mapped {
        let catalog = catalog(SKILLS);
        let labels = Labels::of(&catalog);
        map_skill(&catalog, &labels, uri, label)
    }

    #[test]
    fn same_as_comes_before_a_label_another_skill_has() {
        // The label is `sql`'s name, but `queries` lists the URI.
        assert_eq!(
            mapped("http://data.europa.eu/esco/skill/q", "SQL"),
            Mapped::SameAs("queries".into())
        );
    }

    #[test]
    fn a_label_matches_a_name_whatever_its_case_and_spacing() {
        assert_eq!(
            mapped("http://data.europa.eu/esco/skill/other", "  sql "),
            Mapped::Label("sql".into())
        );
    }

    #[test]
    fn a_label_two_skills_have_is_ambiguous_and_one_no_skill_has_is_unmapped() {
        assert_eq!(
            mapped("http://data.europa.eu/esco/skill/x", "ICT Security"),
            Mapped::Ambiguous(vec!["security".into(), "infosec".into()])
        );
        assert_eq!(
            mapped("http://data.europa.eu/esco/skill/y", "cloud computing"),
            Mapped::Unmapped
        );
    }

    #[test]
    fn a_skill_without_a_name_matches_by_its_id() {
        let catalog = catalog("skills:\n  - {id: linux}\n");
        let labels = Labels::of(&catalog);
        assert_eq!(
            map_skill(&catalog, &labels, "u", "Linux"),
            Mapped::Label("linux".into())
        );
    }
}

//! `upskill show SKILL`: who teaches a skill, cheapest first, and what needs it.

use super::{credential_line, credential_rows};
use crate::catalog::{Catalog, SkillIdx};
use crate::commands::page::Page;

pub fn render(catalog: &Catalog, idx: SkillIdx, width: usize) -> String {
    let skill = catalog.skill(idx);
    let mut page = Page::new(width);
    page.title(skill.label());
    page.field("id", &skill.id);
    if !skill.aliases.is_empty() {
        page.field("aliases", &skill.aliases.join(", "));
    }
    if !skill.same_as.is_empty() {
        let same_as: Vec<&str> = skill.same_as.iter().map(String::as_str).collect();
        page.field_lines("same as", &same_as);
    }
    if !skill.declared {
        page.field(
            "declared",
            "no: used in catalogs but defined in no `skills:` list",
        );
    }
    if let Some(description) = &skill.description {
        page.blank();
        page.paragraphs(2, description);
    }
    let mut teachers = catalog.teachers(idx).to_vec();
    teachers.sort_by_key(|&teacher| catalog.cheapest_first(teacher));
    page.heading("Taught by, cheapest first");
    if teachers.is_empty() {
        page.entry("no credential teaches it");
    }
    credential_rows(&mut page, catalog, 2, &teachers);
    let requiring = catalog.requiring_skill(idx);
    if !requiring.is_empty() {
        page.heading("Required by");
        for &other in requiring {
            page.entry(&credential_line(catalog, other));
        }
    }
    page.heading("Needed by roles");
    let roles = catalog.roles_needing(idx);
    if roles.is_empty() {
        page.entry("none");
    }
    for role in roles {
        let role = catalog.role(role);
        page.entry(&format!("{}  {}", role.id, role.title));
    }
    page.finish()
}

//! `upskill show ROLE`: a role's requirements, each with every credential that meets it,
//! cheapest first.

use super::{credential_rows, skill_line};
use crate::catalog::{Atom, Catalog, Requirement, RoleIdx};
use crate::commands::page::Page;

pub fn render(catalog: &Catalog, idx: RoleIdx, width: usize) -> String {
    let role = catalog.role(idx);
    let mut page = Page::new(width);
    page.title(&role.title);
    page.field("id", &role.id);
    let skills = catalog.role_skills(idx).count();
    let others = role.requirements.len() - skills;
    let extra = match others {
        0 => String::new(),
        1 => " and 1 more requirement".to_owned(),
        n => format!(" and {n} more requirements"),
    };
    page.field(
        "needs",
        &format!("{skills} skills{extra}; a plan for the role meets each"),
    );
    if let Some(description) = &role.description {
        page.blank();
        page.paragraphs(2, description);
    }
    page.heading("Requirements, each with the credentials that meet it, cheapest first");
    for requirement in &role.requirements {
        page.blank();
        let meeting = catalog.meeting(requirement);
        let retired = meeting
            .iter()
            .filter(|&&idx| catalog.credential(idx).retired)
            .count();
        let count = match (meeting.len() - retired, retired) {
            (0, 0) if matches!(requirement, Requirement::All(_)) => {
                "met when each of its parts is; plan them one by one".to_owned()
            }
            (0, 0)
                if requirement
                    .every_atom()
                    .any(|atom| matches!(atom, Atom::Experience(_))) =>
            {
                "only the learner's work experience meets it".to_owned()
            }
            (0, 0) => "no credential meets it; only a learner who has it already can".to_owned(),
            (1, 0) => "1 credential".to_owned(),
            (n, 0) => format!("{n} credentials"),
            (1, r) => format!("1 credential, and {r} retired"),
            (n, r) => format!("{n} credentials, and {r} retired"),
        };
        page.entry(&format!(
            "{}: {count}",
            requirement_line(catalog, requirement)
        ));
        credential_rows(&mut page, catalog, 4, &meeting);
    }
    if !role.recommended.is_empty() {
        page.heading("Recommended skills: they help in the role, and plans do not aim at them");
        for &skill in &role.recommended {
            let teachers = catalog.teachers(skill).len();
            let taught = match teachers {
                0 => "no credential teaches it".to_owned(),
                1 => "1 credential teaches it".to_owned(),
                n => format!("{n} credentials teach it"),
            };
            page.entry(&format!("{}: {taught}", skill_line(catalog, skill)));
        }
    }
    page.finish()
}

fn requirement_line(catalog: &Catalog, requirement: &Requirement) -> String {
    match requirement {
        Requirement::One(Atom::Skill(skill)) => skill_line(catalog, *skill),
        Requirement::One(Atom::Credential(idx)) => {
            format!("credential {}", catalog.credential(*idx).id)
        }
        Requirement::One(Atom::Experience(_)) | Requirement::Any(_) | Requirement::All(_) => {
            catalog.describe(requirement)
        }
    }
}

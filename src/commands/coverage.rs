//! `upskill coverage [--role ID] [--format text|json]`: which of a role's skills the loaded
//! credentials teach, and the ones none does, which is what a catalog author adds next.
//! Retired credentials teach nothing here: no plan can take them.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::table::{aligned, text_of};
use crate::catalog::{Catalog, CredentialIdx, RoleIdx, SkillIdx};
use crate::cli::{CatalogArgs, ListFormat};
use crate::text::sanitize_line;

/// How many credential ids a text row names before `…`.
const SHOWN_TEACHERS: usize = 3;

pub fn run(
    out: &mut impl Write,
    args: &CatalogArgs,
    role: Option<&str>,
    format: ListFormat,
) -> io::Result<ExitCode> {
    let loaded = match super::load_valid(args) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let roles: Vec<RoleIdx> = match role {
        Some(id) => match catalog.find_role(id) {
            Some(idx) => vec![idx],
            None => return super::usage(&super::graph::unknown_role(catalog, id)),
        },
        None => catalog.role_indices().collect(),
    };
    let coverages: Vec<RoleCoverage<'_>> = roles
        .iter()
        .map(|&idx| RoleCoverage::of(catalog, idx))
        .collect();
    let text = match (format, role) {
        (ListFormat::Json, _) => {
            let mut text = serde_json::to_string_pretty(&coverages)?;
            text.push('\n');
            text
        }
        (ListFormat::Text, Some(_)) => coverages.iter().map(detail).collect(),
        (ListFormat::Text, None) => summary(&coverages),
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// One role's skills and recommended skills, each with the credentials that teach it.
#[derive(Serialize)]
struct RoleCoverage<'a> {
    id: &'a str,
    title: String,
    skills: Vec<SkillCoverage<'a>>,
    /// The role's skills no credential teaches.
    untaught: Vec<&'a str>,
    recommended: Vec<SkillCoverage<'a>>,
    /// The recommended skills no credential teaches.
    recommended_untaught: Vec<&'a str>,
}

#[derive(Serialize)]
struct SkillCoverage<'a> {
    id: &'a str,
    name: String,
    /// The credentials (not retired) that teach it, by id.
    taught_by: Vec<&'a str>,
}

impl<'a> RoleCoverage<'a> {
    fn of(catalog: &'a Catalog, idx: RoleIdx) -> RoleCoverage<'a> {
        let role = catalog.role(idx);
        let skills: Vec<SkillCoverage<'a>> = catalog
            .role_skills(idx)
            .map(|skill| SkillCoverage::of(catalog, skill))
            .collect();
        let recommended: Vec<SkillCoverage<'a>> = role
            .recommended
            .iter()
            .map(|&skill| SkillCoverage::of(catalog, skill))
            .collect();
        RoleCoverage {
            id: &role.id,
            title: sanitize_line(&role.title).into_owned(),
            untaught: untaught(&skills),
            recommended_untaught: untaught(&recommended),
            skills,
            recommended,
        }
    }
}

impl<'a> SkillCoverage<'a> {
    fn of(catalog: &'a Catalog, idx: SkillIdx) -> SkillCoverage<'a> {
        let skill = catalog.skill(idx);
        let offered = |teacher: &&CredentialIdx| !catalog.credential(**teacher).retired;
        SkillCoverage {
            id: &skill.id,
            name: sanitize_line(skill.label()).into_owned(),
            taught_by: catalog
                .teachers(idx)
                .iter()
                .filter(offered)
                .map(|&teacher| catalog.credential(teacher).id.as_ref())
                .collect(),
        }
    }
}

fn untaught<'a>(skills: &[SkillCoverage<'a>]) -> Vec<&'a str> {
    skills
        .iter()
        .filter(|skill| skill.taught_by.is_empty())
        .map(|skill| skill.id)
        .collect()
}

/// Every role on a line: how many of its skills are taught, and the ones that are not.
fn summary(coverages: &[RoleCoverage<'_>]) -> String {
    if coverages.is_empty() {
        return "No roles in the loaded catalogs.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = coverages
        .iter()
        .map(|coverage| {
            vec![
                coverage.id.to_owned(),
                format!(
                    "{}/{}",
                    coverage.skills.len() - coverage.untaught.len(),
                    coverage.skills.len()
                ),
                coverage.untaught.join(", "),
            ]
        })
        .collect();
    let mut lines = aligned(
        &["ROLE", "TAUGHT", "NOT TAUGHT BY ANY CREDENTIAL"],
        &rows,
        &[1],
    );
    let gaps: usize = coverages
        .iter()
        .map(|coverage| coverage.untaught.len())
        .sum();
    lines.push(String::new());
    lines.push(if gaps == 0 {
        "Every role skill is taught by a credential.".to_owned()
    } else {
        "Add a credential that teaches a skill listed, so plans for its role can meet it; `upskill coverage --role ID` shows one role in full.".to_owned()
    });
    text_of(&lines)
}

/// One role in full: each skill with its teachers, the untaught ones, then the recommended.
fn detail(coverage: &RoleCoverage<'_>) -> String {
    let mut lines = vec![format!(
        "{} ({}): {} of {} skills taught by the loaded credentials",
        coverage.title,
        coverage.id,
        coverage.skills.len() - coverage.untaught.len(),
        coverage.skills.len()
    )];
    lines.push(String::new());
    lines.extend(skill_table(&coverage.skills));
    lines.push(String::new());
    lines.push(if coverage.untaught.is_empty() {
        "Every skill of the role is taught.".to_owned()
    } else {
        format!(
            "Taught by no credential (add one that teaches each, so plans can meet it): {}",
            coverage.untaught.join(", ")
        )
    });
    if !coverage.recommended.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "Recommended skills (plans do not aim at them): {} of {} taught",
            coverage.recommended.len() - coverage.recommended_untaught.len(),
            coverage.recommended.len()
        ));
        lines.push(String::new());
        lines.extend(skill_table(&coverage.recommended));
    }
    text_of(&lines)
}

fn skill_table(skills: &[SkillCoverage<'_>]) -> Vec<String> {
    let rows: Vec<Vec<String>> = skills
        .iter()
        .map(|skill| {
            let mut shown: Vec<&str> = skill
                .taught_by
                .iter()
                .copied()
                .take(SHOWN_TEACHERS)
                .collect();
            if skill.taught_by.len() > SHOWN_TEACHERS {
                shown.push("…");
            }
            vec![
                skill.id.to_owned(),
                skill.name.clone(),
                skill.taught_by.len().to_string(),
                shown.join(", "),
            ]
        })
        .collect();
    aligned(&["SKILL", "NAME", "CREDENTIALS", "E.G."], &rows, &[2])
}

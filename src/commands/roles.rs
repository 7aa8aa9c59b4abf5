//! `upskill roles [--format text|json]`: the roles and the skills each needs.

use std::borrow::Cow;
use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::page::Page;
use crate::catalog::{Atom, Catalog, Requirement};
use crate::cli::{CatalogArgs, ListFormat};
use crate::text::{self, pad, sanitize, sanitize_line, truncate};

/// Titles longer than this are cut in the table.
const TITLE_WIDTH: usize = 40;

pub fn run(out: &mut impl Write, args: &CatalogArgs, format: ListFormat) -> io::Result<ExitCode> {
    let loaded = match super::load_valid(args) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let text = match format {
        ListFormat::Text => table(&loaded.catalog, super::output_width()),
        ListFormat::Json => json(&loaded.catalog)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// An aligned table: id, title, number of skills, and as many skill ids as fit.
pub fn table(catalog: &Catalog, width: usize) -> String {
    let mut page = Page::new(width);
    if catalog.roles.is_empty() {
        page.title("No roles in the loaded catalogs.");
        return page.finish();
    }
    let titles: Vec<Cow<'_, str>> = catalog
        .roles
        .iter()
        .map(|role| {
            truncate(&sanitize_line(&role.title), TITLE_WIDTH)
                .into_owned()
                .into()
        })
        .collect();
    let id_width = catalog
        .roles
        .iter()
        .map(|role| text::width(&role.id))
        .chain([2])
        .max()
        .unwrap_or(2);
    let title_width = titles
        .iter()
        .map(|title| text::width(title))
        .chain([5])
        .max()
        .unwrap_or(5);
    page.row(&format!(
        "{:<id_width$}  {:<title_width$}  SKILLS",
        "ID", "TITLE"
    ));
    for (role_idx, title) in catalog.role_indices().zip(&titles) {
        let role = catalog.role(role_idx);
        let skills: Vec<&str> = catalog
            .role_skills(role_idx)
            .map(|skill| catalog.skill(skill).id.as_str())
            .collect();
        page.row(&format!(
            "{:<id_width$}  {}  {:>2}  {}",
            role.id,
            pad(title, title_width),
            skills.len(),
            skills.join(", ")
        ));
    }
    page.finish()
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    title: Cow<'a, str>,
    /// The role's skill ids.
    skills: Vec<&'a str>,
    /// Its other requirements, as written.
    requires: Vec<String>,
    /// Skill ids that help in the role but that plans do not aim at.
    recommended: Vec<&'a str>,
    description: Option<Cow<'a, str>>,
}

/// `[{"id": ..., "title": ..., "skills": [...], ...}]`, pretty, with a final newline.
pub fn json(catalog: &Catalog) -> serde_json::Result<String> {
    let roles: Vec<RoleJson<'_>> = catalog
        .role_indices()
        .map(|idx| {
            let role = catalog.role(idx);
            RoleJson {
                id: &role.id,
                title: sanitize_line(&role.title),
                skills: catalog
                    .role_skills(idx)
                    .map(|skill| catalog.skill(skill).id.as_str())
                    .collect(),
                requires: role
                    .requirements
                    .iter()
                    .filter(|requirement| !matches!(requirement, Requirement::One(Atom::Skill(_))))
                    .map(|requirement| sanitize_line(&catalog.describe(requirement)).into_owned())
                    .collect(),
                recommended: role
                    .recommended
                    .iter()
                    .map(|&skill| catalog.skill(skill).id.as_str())
                    .collect(),
                description: role.description.as_deref().map(sanitize),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&roles)?;
    text.push('\n');
    Ok(text)
}

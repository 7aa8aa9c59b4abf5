//! `upskill show ID`: a credential, role or skill in full, with what it requires and what
//! requires it.

mod credential;
mod role;
mod skill;

use std::io::{self, Write};
use std::process::ExitCode;

use super::page::Page;
use crate::catalog::{Atom, Catalog, Credential, CredentialIdx, RoleIdx, SkillIdx};
use crate::cli::{CatalogArgs, EXIT_USAGE};
use crate::text::{closest, sanitize_line};

pub fn run(out: &mut impl Write, args: &CatalogArgs, id: &str) -> io::Result<ExitCode> {
    let loaded = match super::load_valid(args) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let width = super::output_width();
    let text = match find(catalog, id) {
        Ok(Found::Credential(idx)) => {
            credential::render(catalog, idx, crate::clock::today(), width)
        }
        Ok(Found::Role(idx)) => role::render(catalog, idx, width),
        Ok(Found::Skill(idx)) => skill::render(catalog, idx, width),
        Err(message) => {
            writeln!(io::stderr().lock(), "upskill: {message}")?;
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Credential(CredentialIdx),
    Role(RoleIdx),
    Skill(SkillIdx),
}

/// Finds what `wanted` names: a credential (`provider/id`, or a bare id only one provider
/// uses), a role, or a skill or alias, in that order; `role:`, `skill:` or `credential:`
/// before the id picks one kind. An unknown id gives the message to show, with the closest
/// id of any kind.
pub fn find(catalog: &Catalog, wanted: &str) -> Result<Found, String> {
    let (kind, id) = match wanted.split_once(':') {
        Some((kind @ ("role" | "skill" | "credential"), id)) => (Some(kind), id),
        _ => (None, wanted),
    };
    let any = kind.is_none();
    if any || kind == Some("credential") {
        if let Some(idx) = catalog.find_credential(id) {
            return Ok(Found::Credential(idx));
        }
        let same_local: Vec<CredentialIdx> = catalog
            .credential_indices()
            .filter(|&idx| catalog.credential(idx).local_id() == id)
            .collect();
        match same_local.as_slice() {
            [] => {}
            [one] => return Ok(Found::Credential(*one)),
            several => {
                let ids: Vec<&str> = several
                    .iter()
                    .map(|&idx| catalog.credential(idx).id.as_ref())
                    .collect();
                return Err(format!(
                    "`{}` is the id of several credentials: `{}`; give one as provider/id",
                    sanitize_line(id),
                    ids.join("`, `")
                ));
            }
        }
    }
    if (any || kind == Some("role"))
        && let Some(idx) = catalog.find_role(id)
    {
        return Ok(Found::Role(idx));
    }
    if (any || kind == Some("skill"))
        && let Some(idx) = catalog.find_skill(id)
    {
        return Ok(Found::Skill(idx));
    }
    Err(unknown(catalog, kind, id))
}

fn unknown(catalog: &Catalog, kind: Option<&str>, id: &str) -> String {
    let what = kind.unwrap_or("credential, role or skill");
    let mut candidates: Vec<&str> = Vec::new();
    if kind.is_none_or(|kind| kind == "credential") {
        candidates.extend(catalog.credential_id_strs());
    }
    if kind.is_none_or(|kind| kind == "role") {
        candidates.extend(catalog.roles.iter().map(|role| role.id.as_str()));
    }
    if kind.is_none_or(|kind| kind == "skill") {
        for skill in &catalog.skills {
            candidates.push(&skill.id);
            candidates.extend(skill.aliases.iter().map(String::as_str));
        }
    }
    let mut suggestion = closest(id, candidates.iter().copied());
    if suggestion.is_none() && !id.contains('/') && kind.is_none_or(|kind| kind == "credential") {
        let local = closest(id, catalog.credentials.iter().map(Credential::local_id));
        suggestion = local.and_then(|local| {
            catalog
                .credentials
                .iter()
                .find(|credential| credential.local_id() == local)
                .map(|credential| credential.id.as_ref())
        });
    }
    let hint = match suggestion {
        Some(found) => format!("; did you mean `{found}`?"),
        None => {
            "; `upskill roles` lists the roles, and `upskill graph` every credential".to_owned()
        }
    };
    format!("no {what} has the id `{}`{hint}", sanitize_line(id))
}

/// `id  title`, marked when retired.
fn credential_line(catalog: &Catalog, idx: CredentialIdx) -> String {
    let credential = catalog.credential(idx);
    let retired = match catalog.successor(idx) {
        Some(next) => format!(" (retired; successor {})", catalog.credential(next).id),
        None if credential.retired => " (retired)".to_owned(),
        None => String::new(),
    };
    format!("{}  {}{retired}", credential.id, credential.title)
}

/// `skill Name (id)`, or `skill id` when it has no name.
fn skill_line(catalog: &Catalog, idx: SkillIdx) -> String {
    let skill = catalog.skill(idx);
    match &skill.name {
        Some(name) if name != &skill.id => format!("skill {name} ({})", skill.id),
        _ => format!("skill {}", skill.id),
    }
}

fn atom_line(catalog: &Catalog, atom: Atom) -> String {
    match atom {
        Atom::Credential(idx) => credential_line(catalog, idx),
        Atom::Skill(idx) => skill_line(catalog, idx),
        Atom::Experience(gate) => catalog.describe_gate(gate),
    }
}

/// `358 USD`, `free` or `cost unknown`.
fn cost(catalog: &Catalog, idx: CredentialIdx) -> String {
    let credential = catalog.credential(idx);
    let cost = credential.cost;
    if credential.unknown.cost {
        "cost unknown".to_owned()
    } else if cost.hundredths() == 0 {
        "free".to_owned()
    } else {
        format!("{} {}", cost.money(), catalog.currency)
    }
}

/// `40 h` or `hours unknown`.
fn hours(catalog: &Catalog, idx: CredentialIdx) -> String {
    let credential = catalog.credential(idx);
    if credential.unknown.hours {
        "hours unknown".to_owned()
    } else {
        format!("{} h", credential.hours)
    }
}

/// One table row per credential, cheapest first: cost, hours, id and title, aligned.
fn credential_rows(page: &mut Page, catalog: &Catalog, indent: usize, list: &[CredentialIdx]) {
    let costs: Vec<String> = list.iter().map(|&idx| cost(catalog, idx)).collect();
    let hours: Vec<String> = list.iter().map(|&idx| hours(catalog, idx)).collect();
    let cost_width = costs.iter().map(String::len).max().unwrap_or(0);
    let hours_width = hours.iter().map(String::len).max().unwrap_or(0);
    let id_width = list
        .iter()
        .map(|&idx| catalog.credential(idx).id.len())
        .max()
        .unwrap_or(0);
    for ((&idx, cost), hours) in list.iter().zip(&costs).zip(&hours) {
        let credential = catalog.credential(idx);
        let retired = if credential.retired { "RETIRED " } else { "" };
        page.row(&format!(
            "{:indent$}{cost:>cost_width$}  {hours:>hours_width$}  {:<id_width$}  {retired}{}",
            "", credential.id, credential.title
        ));
        if let Some(line) = with_prerequisites(catalog, idx) {
            page.row(&format!("{:indent$}{:cost_width$}  {line}", "", ""));
        }
    }
}

/// What a credential costs with the cheapest prerequisites it needs, starting from nothing:
/// the order above is by its own cost, which a costly prerequisite can make misleading.
fn with_prerequisites(catalog: &Catalog, idx: CredentialIdx) -> Option<String> {
    let credential = catalog.credential(idx);
    if credential.requires.is_empty() || credential.retired {
        return None;
    }
    let path = crate::plan::cheapest_path(
        catalog,
        &credential.requires,
        &crate::plan::Holdings::new(catalog),
        &[idx],
        &crate::plan::Options::default(),
    );
    if !path.is_complete() {
        return Some("↳ its prerequisites cannot all be met from the catalogs".to_owned());
    }
    if path.steps.is_empty() {
        return None;
    }
    let unknown = |credential: &Credential| credential.unknown.cost || credential.unknown.hours;
    if unknown(credential)
        || path
            .steps
            .iter()
            .any(|&step| unknown(catalog.credential(step)))
    {
        return Some(format!(
            "↳ from nothing, with {}: the total is unknown (a cost or hours unknown)",
            crate::text::plural(path.steps.len(), "prerequisite"),
        ));
    }
    Some(format!(
        "↳ from nothing, with {}: {} {}, {} h in all",
        crate::text::plural(path.steps.len(), "prerequisite"),
        (path.total_cost + credential.cost).money(),
        catalog.currency,
        path.total_hours + credential.hours
    ))
}

//! `upskill show PROVIDER/ID`: every field of a credential, its requirements as a tree, what
//! builds on it and which roles it helps.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{atom_line, cost, credential_line, skill_line};
use crate::catalog::{Atom, Catalog, CredentialIdx, Edge, Requirement, SkillIdx};
use crate::commands::page::Page;

pub fn render(catalog: &Catalog, idx: CredentialIdx, today: Date, width: usize) -> String {
    let credential = catalog.credential(idx);
    let provider = catalog.provider(credential.provider);
    let mut page = Page::new(width);
    page.title(&credential.title);
    page.field("id", &credential.id);
    let provider_url = provider
        .url
        .as_deref()
        .map_or_else(String::new, |url| format!(", {url}"));
    page.field(
        "provider",
        &format!("{} ({}){provider_url}", provider.name, provider.id),
    );
    let level = credential
        .level
        .map_or_else(String::new, |level| format!(", {level} level"));
    page.field("kind", &format!("{}{level}", credential.kind));
    if credential.stack {
        page.field(
            "stack",
            "awarded free, with no exam, as soon as its parts (below) are held",
        );
    } else {
        let hours = if credential.unknown.hours {
            "hours unknown: no source gives them".to_owned()
        } else {
            format!("{} estimated learning hours", credential.hours)
        };
        page.field("hours", &hours);
        page.field("cost", &cost(catalog, idx));
    }
    let skills: Vec<String> = credential
        .skills
        .iter()
        .map(|&skill| skill_name(catalog, skill))
        .collect();
    if !skills.is_empty() {
        page.field("skills", &skills.join(", "));
    }
    if let Some(delivery) = &credential.delivery {
        page.field("delivery", delivery);
    }
    let validity = match credential.valid_for_months {
        _ if credential.while_parts_valid => {
            "expires when the first of its parts expires".to_owned()
        }
        Some(months) => format!("expires {months} months after it is earned"),
        None => "never expires".to_owned(),
    };
    page.field("validity", &validity);
    if credential.retired {
        page.field(
            "status",
            "RETIRED: no longer offered; never recommended, kept in plans that hold it",
        );
    }
    if let Some(next) = catalog.successor(idx) {
        page.field(
            "successor",
            &format!(
                "{}  {}",
                catalog.credential(next).id,
                catalog.credential(next).title
            ),
        );
    }
    if let Some(url) = &credential.url() {
        page.field("url", url);
    }
    if !credential.same_as().is_empty() {
        let same_as: Vec<&str> = credential.same_as().iter().map(String::as_str).collect();
        page.field_lines("same as", &same_as);
    }
    occupations(&mut page, credential);
    if !credential.sources.is_empty() {
        let sources: Vec<&str> = credential.sources.iter().map(AsRef::as_ref).collect();
        page.field_lines("sources", &sources);
    }
    page.field("verified", &verified(credential.verified, today));
    if let Some(description) = &credential.description {
        page.blank();
        page.paragraphs(2, description);
    }
    page.heading(if credential.stack {
        "Awarded when"
    } else {
        "Requires"
    });
    if credential.requires.is_empty() {
        page.entry("nothing: it can be taken first");
    } else {
        requirement_tree(&mut page, catalog, &credential.requires);
    }
    if !credential.recommends().is_empty() {
        page.heading("Recommends (suggested, not enforced)");
        requirement_tree(&mut page, catalog, credential.recommends());
    }
    dependents(&mut page, catalog, idx);
    roles_helped(&mut page, catalog, idx);
    page.finish()
}

/// `Networking (networking)`, or the id alone when the skill has no other name.
fn skill_name(catalog: &Catalog, idx: SkillIdx) -> String {
    let skill = catalog.skill(idx);
    match &skill.name {
        Some(name) if name != &skill.id => format!("{name} ({})", skill.id),
        _ => skill.id.clone(),
    }
}

/// The date and its age, flagged when it is older than facts should be.
fn verified(date: Option<Date>, today: Date) -> String {
    use crate::catalog::freshness::{DEFAULT_MAX_AGE_MONTHS, age, is_stale};
    let Some(date) = date else {
        return "not stated: check the facts with the issuer".to_owned();
    };
    let age = age(date, today);
    if is_stale(date, today, DEFAULT_MAX_AGE_MONTHS) {
        format!("{date} ({age}): possibly out of date; check with the issuer")
    } else {
        format!("{date} ({age})")
    }
}

/// Requirement items as a tree: each `any` group is a branch of alternatives.
fn requirement_tree(page: &mut Page, catalog: &Catalog, requirements: &[Requirement]) {
    for (n, requirement) in requirements.iter().enumerate() {
        let (branch, stem) = if n + 1 == requirements.len() {
            ("  └─ ", "     ")
        } else {
            ("  ├─ ", "  │  ")
        };
        match requirement {
            Requirement::One(atom) => page.item(branch, stem, &requirement_atom(catalog, *atom)),
            Requirement::Any(atoms) => {
                page.item(branch, stem, "one of");
                for (a, atom) in atoms.iter().enumerate() {
                    let (twig, rest) = if a + 1 == atoms.len() {
                        ("└─ ", "   ")
                    } else {
                        ("├─ ", "│  ")
                    };
                    page.item(
                        &format!("{stem}{twig}"),
                        &format!("{stem}{rest}"),
                        &requirement_atom(catalog, *atom),
                    );
                }
            }
            Requirement::All(clauses) => {
                page.item(branch, stem, "all of");
                requirement_tree(page, catalog, clauses);
            }
        }
    }
}

/// An alternative, with how a skill can be had.
fn requirement_atom(catalog: &Catalog, atom: Atom) -> String {
    match atom {
        Atom::Credential(_) => atom_line(catalog, atom),
        Atom::Skill(skill) => {
            let teachers = catalog.teachers(skill).len();
            let taught = match teachers {
                0 => "held already (no credential teaches it)".to_owned(),
                1 => "held already, or taught by 1 credential".to_owned(),
                n => format!("held already, or taught by {n} credentials"),
            };
            format!("{}: {taught}", skill_line(catalog, skill))
        }
        Atom::Experience(gate) => format!(
            "{}: only work experience meets it",
            catalog.describe_gate(gate)
        ),
    }
}

/// What names this credential directly, and what needs a skill it teaches.
fn dependents(page: &mut Page, catalog: &Catalog, idx: CredentialIdx) {
    let mut required: BTreeMap<CredentialIdx, Edge> = BTreeMap::new();
    let mut recommended: Vec<CredentialIdx> = Vec::new();
    for (other, edge) in catalog.dependents(idx) {
        match edge {
            Edge::Recommends => recommended.push(other),
            Edge::Requires => {
                required.insert(other, Edge::Requires);
            }
            Edge::OneOf => {
                required.entry(other).or_insert(Edge::OneOf);
            }
        }
    }
    recommended.dedup();
    page.heading("Required by");
    if required.is_empty() {
        page.entry("nothing requires it directly");
    }
    for (&other, &edge) in &required {
        let how = if edge == Edge::OneOf {
            " (as one of its alternatives)"
        } else {
            ""
        };
        page.entry(&format!("{}{how}", credential_line(catalog, other)));
    }
    if !recommended.is_empty() {
        page.heading("Recommended before");
        for other in recommended {
            page.entry(&credential_line(catalog, other));
        }
    }
    let mut through_skills: BTreeMap<CredentialIdx, Vec<SkillIdx>> = BTreeMap::new();
    for (other, skill) in catalog.dependents_via_skills(idx) {
        through_skills.entry(other).or_default().push(skill);
    }
    if !through_skills.is_empty() {
        page.heading("Builds on this through skills");
        for (other, skills) in through_skills {
            let ids: Vec<&str> = skills
                .iter()
                .map(|&skill| catalog.skill(skill).id.as_str())
                .collect();
            page.entry(&format!(
                "{}: needs skill {}",
                credential_line(catalog, other),
                ids.join(", ")
            ));
        }
    }
}

/// The roles with a requirement this credential meets, and which.
fn roles_helped(page: &mut Page, catalog: &Catalog, idx: CredentialIdx) {
    let helped = catalog.roles_helped(idx);
    page.heading("Helps with roles");
    if helped.is_empty() {
        page.entry("none: no role needs what it teaches");
    }
    for (role, met) in helped {
        let role = catalog.role(role);
        let items: Vec<String> = met
            .iter()
            .map(|&n| match &role.requirements[n] {
                Requirement::One(Atom::Skill(skill)) => catalog.skill(*skill).id.clone(),
                other => catalog.describe(other),
            })
            .collect();
        page.entry(&format!(
            "{}  {}: meets {} of {} ({})",
            role.id,
            role.title,
            met.len(),
            role.requirements.len(),
            items.join(", ")
        ));
    }
}

/// The occupations it prepares for, one a line.
fn occupations(page: &mut Page, credential: &crate::catalog::Credential) {
    if credential.occupations().is_empty() {
        return;
    }
    let described: Vec<String> = credential
        .occupations()
        .iter()
        .map(crate::catalog::Occupation::describe)
        .collect();
    let lines: Vec<&str> = described.iter().map(String::as_str).collect();
    page.field_lines("occupations", &lines);
}

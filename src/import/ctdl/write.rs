//! Writing the catalog files: YAML with every text double-quoted (JSON string syntax, which
//! YAML reads the same), keys in `upskill fmt`'s order, nothing that depends on the clock.

use std::fmt::Write as _;

use super::Organisation;
use crate::catalog::format::{AtomSpec, Kind, RequirementSpec};
use crate::import::quoted;

/// The first line of every file the importer writes; a later import may replace such files.
pub const MARKER: &str = "# Written by `upskill import-ctdl` from Credential Registry data; importing again replaces this file.";

pub(super) struct Entry {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// `None` is written `unknown`.
    pub hours: Option<f64>,
    /// `None` is written `unknown`.
    pub cost: Option<f64>,
    pub skills: Vec<String>,
    pub requires: Vec<RequirementSpec>,
    pub recommends: Vec<RequirementSpec>,
    pub valid_for_months: Option<u32>,
    pub url: Option<String>,
    pub same_as: Vec<String>,
    pub occupations: Vec<crate::catalog::Occupation>,
    pub description: Option<String>,
}

/// A measure as the catalog format writes it: a number, or `unknown`.
fn measure(value: Option<f64>) -> String {
    value.map_or_else(|| "unknown".to_owned(), number)
}

/// A number with at most two decimals, as the catalog writes hours and costs.
pub(super) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let mut text = format!("{rounded:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    text.trim_end_matches('.').to_owned()
}

fn requirement(item: &RequirementSpec) -> String {
    let list =
        |items: &[RequirementSpec]| items.iter().map(requirement).collect::<Vec<_>>().join(", ");
    match item {
        RequirementSpec::One(AtomSpec::Credential(id)) => id.clone(),
        RequirementSpec::One(AtomSpec::Skill(id)) => format!("{{skill: {id}}}"),
        RequirementSpec::One(AtomSpec::Experience { field, months }) => {
            format!("{{experience: {{field: {field}, months: {months}}}}}")
        }
        RequirementSpec::Any(items) => format!("{{any: [{}]}}", list(items)),
        RequirementSpec::All(items) => format!("{{all: [{}]}}", list(items)),
    }
}

/// The start of a provider's file, up to its first credential.
pub(super) fn header(provider: &str, organisation: &Organisation, currency: &str) -> String {
    let name = organisation
        .name
        .clone()
        .or(organisation.ctid.clone())
        .unwrap_or_else(|| provider.to_owned());
    let mut out = format!(
        "{MARKER}\nformat: 1\ncurrency: {currency}\n\nprovider:\n  id: {provider}\n  name: {}\n",
        quoted(&name)
    );
    if let Some(url) = &organisation.url {
        let _ = writeln!(out, "  url: {}", quoted(url));
    }
    out.push_str("\ncredentials:\n");
    out
}

/// One credential's lines of its provider's file.
pub(super) fn entry_text(entry: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  - id: {}", entry.id);
    let _ = writeln!(out, "    title: {}", quoted(&entry.title));
    let _ = writeln!(out, "    kind: {}", entry.kind);
    let _ = writeln!(out, "    hours: {}", measure(entry.hours));
    let _ = writeln!(out, "    cost: {}", measure(entry.cost));
    let _ = writeln!(out, "    skills: [{}]", entry.skills.join(", "));
    for (key, items) in [
        ("requires", &entry.requires),
        ("recommends", &entry.recommends),
    ] {
        if !items.is_empty() {
            let _ = writeln!(
                out,
                "    {key}: [{}]",
                items.iter().map(requirement).collect::<Vec<_>>().join(", ")
            );
        }
    }
    if let Some(months) = entry.valid_for_months {
        let _ = writeln!(out, "    valid_for_months: {months}");
    }
    if let Some(url) = &entry.url {
        let _ = writeln!(out, "    url: {}", quoted(url));
    }
    if !entry.same_as.is_empty() {
        let _ = writeln!(
            out,
            "    same_as: [{}]",
            entry
                .same_as
                .iter()
                .map(|s| quoted(s))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !entry.occupations.is_empty() {
        out.push_str("    occupations:\n");
        for occupation in &entry.occupations {
            let fields: Vec<String> = [
                ("code", &occupation.code),
                ("framework", &occupation.framework),
                ("name", &occupation.name),
            ]
            .into_iter()
            .filter_map(|(key, value)| Some(format!("{key}: {}", quoted(value.as_ref()?))))
            .collect();
            let _ = writeln!(out, "      - {{{}}}", fields.join(", "));
        }
    }
    if let Some(description) = &entry.description {
        let _ = writeln!(out, "    description: {}", quoted(description));
    }
    out
}

//! The role an import makes, as a catalog file: the role's id, title, skills and
//! recommended skills from the mapping, and comments naming the occupation, ESCO's
//! attribution and the essential skills left out.

use std::fmt::Write as _;

use super::{EscoSkill, Imported};
use crate::import::{quoted, slug};
use crate::text::sanitize_line;

/// The acknowledgement ESCO asks of every service that uses its classification.
pub const ATTRIBUTION: &str =
    "This service uses the ESCO classification of the European Commission.";

impl Imported {
    /// The role id the occupation's preferred label gives (`data scientist` ->
    /// `data-scientist`), or one from its URI when the label has no ASCII letter or digit.
    pub fn role_id(&self) -> String {
        let from_label = slug(&self.occupation.label);
        if !from_label.is_empty() {
            return from_label;
        }
        let tail = self.occupation.uri.rsplit('/').next().unwrap_or_default();
        let short: String = slug(tail).chars().take(8).collect();
        format!("esco-occupation-{}", short.trim_end_matches('-'))
            .trim_end_matches('-')
            .to_owned()
    }

    /// The role's skills: the catalog skills the essential ESCO skills map to, by id, each
    /// once.
    pub fn role_skills(&self) -> Vec<&str> {
        mapped_ids(self.skills.iter().filter(|skill| skill.essential))
    }

    /// The role's recommended skills: those the optional ESCO skills map to, less the role's
    /// skills.
    pub fn recommended(&self) -> Vec<&str> {
        let required = self.role_skills();
        let mut optional = mapped_ids(self.skills.iter().filter(|skill| !skill.essential));
        optional.retain(|id| !required.contains(id));
        optional
    }

    /// The essential ESCO skills no catalog skill maps to.
    pub fn unmapped_essential(&self) -> impl Iterator<Item = &EscoSkill> {
        self.skills
            .iter()
            .filter(|skill| skill.essential && skill.mapped.skill().is_none())
    }
}

fn mapped_ids<'a>(skills: impl Iterator<Item = &'a EscoSkill>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = skills.filter_map(|skill| skill.mapped.skill()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The title: the preferred label with its first letter capitalised (ESCO writes labels in
/// lower case: `data scientist`).
fn title(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The catalog file holding the role, with the id `id`. Only the role's skills mapped are
/// in it; the comments above it name the essential skills left out.
pub fn role_yaml(imported: &Imported, id: &str) -> String {
    let occupation = &imported.occupation;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Written by `upskill roles import-esco` from ESCO occupation {}",
        sanitize_line(&occupation.uri)
    );
    let _ = writeln!(out, "# {ATTRIBUTION}");
    let unmapped: Vec<&EscoSkill> = imported.unmapped_essential().collect();
    if !unmapped.is_empty() {
        let _ = writeln!(
            out,
            "#\n# Essential ESCO skills no catalog skill matched, so not in `skills` (add\n# `same_as: [URI]` to a catalog skill, or a skill with that name, and import again):"
        );
        for skill in unmapped {
            let _ = writeln!(
                out,
                "#   - {}: {}",
                sanitize_line(&skill.label),
                sanitize_line(&skill.uri)
            );
        }
    }
    let _ = writeln!(out, "\nformat: 1\n\nroles:");
    let _ = writeln!(out, "  - id: {id}");
    let _ = writeln!(out, "    title: {}", quoted(&title(&occupation.label)));
    let mut description = occupation.description.clone().unwrap_or_default();
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    let _ = write!(description, "ESCO occupation: {}", occupation.uri);
    let _ = writeln!(out, "    description: {}", quoted(&description));
    let _ = writeln!(out, "    skills: [{}]", imported.role_skills().join(", "));
    let recommended = imported.recommended();
    if !recommended.is_empty() {
        let _ = writeln!(out, "    recommended: [{}]", recommended.join(", "));
    }
    out
}

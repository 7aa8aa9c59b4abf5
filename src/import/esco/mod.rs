//! ESCO (the European Commission's classification of occupations and skills) to a role: one
//! occupation's essential skills become the role's skills and its optional ones the role's
//! recommended skills, each mapped to a catalog skill by `same_as`, then by its label. The
//! three CSV files are streamed (the relations file has some 120,000 rows); only the rows
//! of the one occupation are kept.

mod map;
mod table;
mod write;

use std::collections::{HashMap, HashSet};
use std::path::Path;

pub use map::{Mapped, map_skill};
use table::{Kind, Table};
pub use write::{ATTRIBUTION, role_yaml};

use crate::catalog::Catalog;

/// The three ESCO files an import reads, as ESCO's CSV download names them in English:
/// `occupations_en.csv`, `occupationSkillRelations_en.csv` and `skills_en.csv`.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    pub occupations: &'a Path,
    pub relations: &'a Path,
    pub skills: &'a Path,
}

/// The occupation imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    pub uri: String,
    pub label: String,
    pub description: Option<String>,
}

/// One of the occupation's ESCO skills, and the catalog skill it maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscoSkill {
    pub uri: String,
    /// Its preferred label; its URI when the skills file lacks it.
    pub label: String,
    /// `essential` in the relations file; otherwise `optional`.
    pub essential: bool,
    pub mapped: Mapped,
}

/// What an import found: the occupation, its skills mapped, and rows it skipped.
#[derive(Debug, Clone)]
pub struct Imported {
    pub occupation: Occupation,
    /// Essential skills first, then optional ones; each by its label, letter case aside.
    pub skills: Vec<EscoSkill>,
    /// Rows left out, each located, with why.
    pub warnings: Vec<String>,
}

/// Why an import stopped. Each message names the file (and line) and the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EscoError {
    #[error("{file}: cannot be read: {message}")]
    Read { file: String, message: String },
    #[error("{file}:1: {message}")]
    Header { file: String, message: String },
    #[error("{file}:{line}: {message}")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: no occupation has the URI `{uri}`{suggestions}")]
    NoOccupation {
        file: String,
        uri: String,
        suggestions: String,
    },
    #[error(
        "{file}: occupation `{uri}` has no skills in this file; give the relations file of the same ESCO version as the occupations file"
    )]
    NoRelations { file: String, uri: String },
}

/// Reads the occupation `uri` and its skills from `files`, and maps each skill to the
/// catalog's.
pub fn import(files: Files<'_>, uri: &str, catalog: &Catalog) -> Result<Imported, EscoError> {
    let uri = uri.trim();
    // All three opened and their headers checked first, so a wrong file is said at once.
    let occupations = Table::open(
        files.occupations,
        Kind::Occupations,
        &["conceptUri", "preferredLabel", "description"],
    )?;
    let relations = Table::open(files.relations, Kind::Relations, Kind::Relations.required())?;
    let skills = Table::open(files.skills, Kind::Skills, Kind::Skills.required())?;
    let occupation = find_occupation(occupations, uri)?;
    let mut warnings = Vec::new();
    let relations = relations_of(relations, uri, &mut warnings)?;
    let wanted: HashSet<&str> = relations.iter().map(|(uri, _)| uri.as_str()).collect();
    let labels = skill_labels(skills, &wanted)?;
    let mapping = map::Labels::of(catalog);
    let mut skills: Vec<EscoSkill> = relations
        .iter()
        .map(|(uri, essential)| {
            let label = labels.get(uri.as_str()).cloned().unwrap_or_else(|| {
                warnings.push(format!(
                    "{}: skill `{uri}` of the occupation is not in this file, so it is matched by its URI only; give the skills file of the same ESCO version",
                    crate::text::sanitize_line(&files.skills.display().to_string())
                ));
                uri.clone()
            });
            let mapped = map_skill(catalog, &mapping, uri, &label);
            EscoSkill {
                uri: uri.clone(),
                label,
                essential: *essential,
                mapped,
            }
        })
        .collect();
    skills.sort_by_cached_key(|skill| {
        (
            !skill.essential,
            skill.label.to_lowercase(),
            skill.uri.clone(),
        )
    });
    Ok(Imported {
        occupation,
        skills,
        warnings,
    })
}

/// The occupation with `uri`; when there is none, an error suggesting the closest URIs and
/// the occupations whose label holds what was given.
fn find_occupation(mut table: Table, uri: &str) -> Result<Occupation, EscoError> {
    let mut seen: Vec<(String, String)> = Vec::new();
    while let Some((_, row)) = table.next_row()? {
        if row[0] == uri {
            return Ok(Occupation {
                uri: uri.to_owned(),
                label: row[1].to_owned(),
                description: Some(row[2].to_owned()).filter(|text| !text.is_empty()),
            });
        }
        seen.push((row[0].to_owned(), row[1].to_owned()));
    }
    Err(EscoError::NoOccupation {
        file: table.name().to_owned(),
        uri: crate::text::sanitize_line(uri).into_owned(),
        suggestions: suggestions(uri, &seen),
    })
}

/// `; did you mean ...` with the closest URI, or the occupations whose label holds `given`
/// (at most five), or nothing.
fn suggestions(given: &str, seen: &[(String, String)]) -> String {
    let shown = |(uri, label): &(String, String)| {
        format!("`{uri}` ({})", crate::text::sanitize_line(label))
    };
    if let Some(closest) = crate::text::closest(given, seen.iter().map(|(uri, _)| uri.as_str()))
        && let Some(found) = seen.iter().find(|(uri, _)| uri == closest)
    {
        return format!("; did you mean {}?", shown(found));
    }
    let words = given.to_lowercase();
    let words = words.rsplit('/').next().unwrap_or(&words).trim();
    if words.is_empty() {
        return String::new();
    }
    let mut matching: Vec<&(String, String)> = seen
        .iter()
        .filter(|(_, label)| label.to_lowercase().contains(words))
        .collect();
    matching.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.1.cmp(&b.1)));
    if matching.is_empty() {
        return "; copy the occupation's `conceptUri` from the occupations file or ESCO's portal"
            .to_owned();
    }
    let list: Vec<String> = matching.into_iter().take(5).map(shown).collect();
    format!("; occupations whose label holds it: {}", list.join(", "))
}

/// The skill URIs related to the occupation, in file order, each once, and whether it is
/// essential (essential wins over optional when a skill is listed both ways).
fn relations_of(
    mut table: Table,
    occupation: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, bool)>, EscoError> {
    let name = table.name().to_owned();
    let mut found: Vec<(String, bool)> = Vec::new();
    let mut positions: HashMap<String, usize> = HashMap::new();
    while let Some((line, row)) = table.next_row()? {
        if row[0] != occupation {
            continue;
        }
        let essential = match row[1] {
            "essential" => true,
            "optional" => false,
            other => {
                warnings.push(format!(
                    "{name}:{line}: relationType `{}` is neither `essential` nor `optional`; the row is left out",
                    crate::text::sanitize_line(other)
                ));
                continue;
            }
        };
        let skill = row[3];
        if skill.is_empty() {
            warnings.push(format!(
                "{name}:{line}: the row has no `skillUri`; it is left out"
            ));
            continue;
        }
        if let Some(&at) = positions.get(skill) {
            found[at].1 |= essential;
        } else {
            positions.insert(skill.to_owned(), found.len());
            found.push((skill.to_owned(), essential));
        }
    }
    if found.is_empty() {
        return Err(EscoError::NoRelations {
            file: name,
            uri: crate::text::sanitize_line(occupation).into_owned(),
        });
    }
    Ok(found)
}

/// The preferred label of each skill in `wanted` that the skills file has.
fn skill_labels(
    mut table: Table,
    wanted: &HashSet<&str>,
) -> Result<HashMap<String, String>, EscoError> {
    let mut labels = HashMap::new();
    while let Some((_, row)) = table.next_row()? {
        if wanted.contains(row[0]) && !row[1].is_empty() {
            labels.insert(row[0].to_owned(), row[1].to_owned());
        }
    }
    Ok(labels)
}

//! A requirement as a catalog author writes it, with its ids sanitized: what reports show
//! for requirements left unmet.

use crate::catalog::{Atom, Catalog, Requirement};
use crate::text::sanitize_line;

/// A requirement as a catalog author writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Credential(String),
    Skill(String),
    /// Months of work experience in a field.
    Experience {
        field: String,
        months: u32,
    },
    Any(Vec<Written>),
    All(Vec<Written>),
}

impl Written {
    pub fn of(catalog: &Catalog, requirement: &Requirement) -> Written {
        let atom = |atom: Atom| match atom {
            Atom::Credential(c) => Written::Credential(line(&catalog.credential(c).id)),
            Atom::Skill(s) => Written::Skill(line(&catalog.skill(s).id)),
            Atom::Experience(gate) => Written::Experience {
                field: line(&catalog.skill(gate.field).id),
                months: gate.months,
            },
        };
        match requirement {
            Requirement::One(one) => atom(*one),
            Requirement::Any(atoms) => Written::Any(atoms.iter().map(|&a| atom(a)).collect()),
            Requirement::All(clauses) => {
                Written::All(clauses.iter().map(|c| Written::of(catalog, c)).collect())
            }
        }
    }
}

/// As `Catalog::describe` words it: `p/id`, `skill x`, `any of [p/id, skill x]`.
impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Written::Credential(id) => f.write_str(id),
            Written::Skill(id) => write!(f, "skill {id}"),
            Written::Experience { field, months } => {
                let unit = if *months == 1 { "month" } else { "months" };
                write!(f, "{months} {unit} of {field} experience")
            }
            Written::Any(items) | Written::All(items) => {
                let items: Vec<String> = items.iter().map(ToString::to_string).collect();
                let word = if matches!(self, Written::Any(_)) {
                    "any"
                } else {
                    "all"
                };
                write!(f, "{word} of [{}]", items.join(", "))
            }
        }
    }
}

fn line(text: &str) -> String {
    sanitize_line(text).into_owned()
}

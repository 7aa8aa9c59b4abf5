//! A credential's requirements in the detail pane, each marked met or not for this learner,
//! experience with the day it is met or the months the learner has.

use ratatui::text::{Line, Span};

use super::super::Theme;
use crate::catalog::{Atom, Catalog, Requirement};
use crate::plan::{Eligibility, Holdings};

fn atom_line(
    catalog: &Catalog,
    theme: &Theme,
    holdings: &Holdings,
    atom: Atom,
    indent: &'static str,
) -> Line<'static> {
    let met = holdings.satisfies_atom(atom);
    let (mark, style) = if met {
        ("✓", theme.good)
    } else {
        ("✗", theme.bad)
    };
    let text = match atom {
        Atom::Credential(idx) => format!(
            "{}  {}",
            catalog.credential(idx).id,
            catalog.credential(idx).title
        ),
        Atom::Skill(idx) => format!("skill {}", catalog.skill(idx).label()),
        Atom::Experience(gate) => {
            let gate_text = catalog.describe_gate(gate);
            match holdings.eligibility(gate) {
                Eligibility::Met => gate_text,
                Eligibility::From(date) => format!("{gate_text} (met from {date})"),
                Eligibility::Never { months } => format!("{gate_text} (the learner has {months})"),
            }
        }
    };
    Line::from(vec![
        Span::raw(indent),
        Span::styled(mark, style),
        Span::raw(format!(" {text}")),
    ])
}

pub(super) fn requirement_lines(
    catalog: &Catalog,
    theme: &Theme,
    holdings: &Holdings,
    requirement: &Requirement,
    lines: &mut Vec<Line<'static>>,
) {
    match requirement {
        Requirement::One(atom) => lines.push(atom_line(catalog, theme, holdings, *atom, "  ")),
        Requirement::Any(atoms) => {
            let met = holdings.satisfies(requirement);
            let (mark, style) = if met {
                ("✓", theme.good)
            } else {
                ("✗", theme.bad)
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(mark, style),
                Span::raw(" one of"),
            ]));
            for &atom in atoms {
                lines.push(atom_line(catalog, theme, holdings, atom, "    "));
            }
        }
        Requirement::All(clauses) => {
            for clause in clauses {
                requirement_lines(catalog, theme, holdings, clause, lines);
            }
        }
    }
}

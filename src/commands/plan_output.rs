//! How `upskill plan` prints a plan on a terminal: an aligned table with totals, the finish
//! date, renewals and unmet requirements. JSON and Markdown come from `crate::export`, the
//! same renderers `upskill export` uses.

use std::io::{self, Write};

use super::table::aligned;
use crate::export::report::{CredentialView, Report, date_or_dash, not_proven};
use crate::plan::Objective;
use crate::text::{sanitize_line, truncate};

/// Titles longer than this are shortened in the text table (Markdown keeps them whole).
const MAX_TITLE: usize = 48;

pub fn text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let steps = report.steps.len();
    let role = report.role.as_ref();
    let path = match (
        report.recommendation.map(|r| r.objective),
        report.time_value,
    ) {
        (Some(Objective::Hours), _) => "fastest path".to_owned(),
        (Some(Objective::Cost), Some(value)) if value.hundredths() > 0 => format!(
            "cheapest path, with an hour of study worth {} {}",
            value.money(),
            sanitize_line(&report.currency)
        ),
        (Some(Objective::Cost), _) => "cheapest path".to_owned(),
        (None, _) => "plan".to_owned(),
    };
    writeln!(
        out,
        "{} ({}): {path}, {} {}",
        sanitize_line(report.role_label().unwrap_or("no role")),
        sanitize_line(role.map_or("-", |r| r.id.as_str())),
        steps,
        if steps == 1 { "step" } else { "steps" }
    )?;
    if steps > 0 {
        writeln!(out)?;
        let rows: Vec<Vec<String>> = report
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let known = step.credential.as_ref();
                vec![
                    (i + 1).to_string(),
                    step.id.clone(),
                    truncate(step.title(), MAX_TITLE).into_owned(),
                    known.map_or_else(|| "-".to_owned(), CredentialView::hours_cell),
                    known.map_or_else(|| "-".to_owned(), CredentialView::cost_cell),
                    date_or_dash(step.start),
                    date_or_dash(step.end),
                ]
            })
            .collect();
        let header = ["#", "credential", "title", "hours", "cost", "start", "end"];
        for line in aligned(&header, &rows, &[0, 3, 4]) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "total: {}",
        report.total_words(&sanitize_line(&report.currency))
    )?;
    writeln!(
        out,
        "finish: {} (from {} at {} hours/week)",
        report.finish_words(),
        report.start,
        report.hours_per_week
    )?;
    step_notes(out, report)?;
    let renew: Vec<String> = report
        .steps
        .iter()
        .filter_map(|step| Some(format!("{} by {}", sanitize_line(&step.id), step.renews?)))
        .collect();
    if !renew.is_empty() {
        writeln!(out, "renew: {}", renew.join(", "))?;
    }
    match &report.coverage {
        Some(coverage) if coverage.unmet.is_empty() => {
            writeln!(out, "complete: every requirement of the role is met")?;
        }
        Some(coverage) => {
            writeln!(out, "unmet:")?;
            for unmet in &coverage.unmet {
                writeln!(
                    out,
                    "  - {}: {}",
                    sanitize_line(&unmet.requirement.to_string()),
                    sanitize_line(&unmet.reason)
                )?;
            }
        }
        None => {}
    }
    if let Some(recommended) = report.recommendation.filter(|r| !r.optimal) {
        writeln!(out, "{}", not_proven(recommended.gap))?;
    }
    Ok(())
}

/// What the table cannot show: steps waiting for experience, stacks awarded, successors of
/// retired credentials.
fn step_notes(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for (i, step) in report.steps.iter().enumerate() {
        let id = sanitize_line(&step.id);
        if let Some(date) = step.eligible {
            writeln!(
                out,
                "wait: step {} ({id}) is eligible from {date}, when your experience meets its requirement",
                i + 1
            )?;
        }
        for stack in &step.awarded {
            writeln!(
                out,
                "awarded: {} ({}) after step {}, free and without an exam",
                sanitize_line(&stack.title),
                sanitize_line(&stack.id),
                i + 1
            )?;
        }
        if let Some(next) = &step.successor {
            writeln!(
                out,
                "retired: step {} ({id}) is retired; its successor is {}",
                i + 1,
                sanitize_line(next)
            )?;
        }
    }
    Ok(())
}

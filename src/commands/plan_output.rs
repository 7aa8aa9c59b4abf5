//! How `upskill plan` prints a plan: an aligned table, the JSON object of SPEC §3, or
//! Markdown for a client. Every catalog string goes through `sanitize_line`.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::{Amount, Atom, Catalog, Requirement, RoleIdx};
use crate::plan::{Options, Plan, Recommendation, Schedule};
use crate::text::sanitize_line;

/// Everything a renderer needs.
pub struct Planned<'a> {
    pub catalog: &'a Catalog,
    pub role: RoleIdx,
    pub recommendation: Recommendation,
    pub plan: Plan,
    pub schedule: Schedule,
    pub options: Options,
}

const NOT_PROVEN: &str =
    "not proven optimal (time limit reached): a better plan may exist; raise --time-limit";

#[derive(Serialize)]
struct JsonPlan<'a> {
    role: &'a str,
    objective: &'static str,
    complete: bool,
    unmet: Vec<serde_json::Value>,
    steps: Vec<JsonStep<'a>>,
    total_cost: Amount,
    total_hours: Amount,
    currency: &'a str,
    finish: String,
    optimal: bool,
    start: String,
    hours_per_week: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_hours: Option<Amount>,
    unmet_reasons: Vec<JsonUnmet>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    id: &'a str,
    title: &'a str,
    provider: &'a str,
    hours: Amount,
    cost: Amount,
    skills: Vec<&'a str>,
    start: Option<String>,
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    renew_by: Option<String>,
}

#[derive(Serialize)]
struct JsonUnmet {
    requirement: String,
    reason: &'static str,
}

/// A requirement as written in a catalog: a skill id, a credential id, or `{any: [...]}`.
fn as_written(catalog: &Catalog, requirement: &Requirement) -> serde_json::Value {
    let atom = |atom: Atom, nested: bool| match atom {
        Atom::Credential(c) => serde_json::Value::from(catalog.credential(c).id.as_str()),
        Atom::Skill(s) if nested => serde_json::json!({ "skill": catalog.skill(s).id }),
        Atom::Skill(s) => serde_json::Value::from(catalog.skill(s).id.as_str()),
    };
    match requirement {
        Requirement::One(one) => atom(*one, false),
        Requirement::Any(atoms) => {
            let items: Vec<serde_json::Value> = atoms.iter().map(|&a| atom(a, true)).collect();
            serde_json::json!({ "any": items })
        }
    }
}

pub fn json(out: &mut impl Write, planned: &Planned<'_>) -> io::Result<()> {
    let catalog = planned.catalog;
    let rec = &planned.recommendation;
    let steps = rec
        .steps
        .iter()
        .zip(&planned.schedule.steps)
        .map(|(&idx, dates)| {
            let credential = catalog.credential(idx);
            JsonStep {
                id: &credential.id,
                title: &credential.title,
                provider: &catalog.provider(credential.provider).id,
                hours: credential.hours,
                cost: credential.cost,
                skills: credential
                    .skills
                    .iter()
                    .map(|&s| catalog.skill(s).id.as_str())
                    .collect(),
                start: dates.start.map(|d| d.to_string()),
                end: dates.end.map(|d| d.to_string()),
                renew_by: dates.renews.map(|d| d.to_string()),
            }
        })
        .collect();
    let object = JsonPlan {
        role: &catalog.role(planned.role).id,
        objective: planned.options.objective.as_str(),
        complete: rec.is_complete(),
        unmet: rec
            .unmet
            .iter()
            .map(|u| as_written(catalog, &u.requirement))
            .collect(),
        steps,
        total_cost: rec.total_cost,
        total_hours: rec.total_hours,
        currency: &catalog.currency,
        finish: planned.schedule.finish.to_string(),
        optimal: rec.optimal,
        start: planned.plan.start.to_string(),
        hours_per_week: planned.plan.hours_per_week,
        budget: planned.options.budget,
        max_hours: planned.options.max_hours,
        unmet_reasons: rec
            .unmet
            .iter()
            .map(|u| JsonUnmet {
                requirement: catalog.describe(&u.requirement),
                reason: u.reason.explain(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &object).map_err(io::Error::other)?;
    writeln!(out)
}

/// The table rows: number, id, title, hours, cost, start, end.
fn rows(planned: &Planned<'_>) -> Vec<[String; 7]> {
    let catalog = planned.catalog;
    let date = |d: Option<jiff::civil::Date>| d.map_or_else(|| "-".to_owned(), |d| d.to_string());
    planned
        .recommendation
        .steps
        .iter()
        .zip(&planned.schedule.steps)
        .enumerate()
        .map(|(i, (&idx, dates))| {
            let credential = catalog.credential(idx);
            [
                (i + 1).to_string(),
                sanitize_line(&credential.id).into_owned(),
                sanitize_line(&credential.title).into_owned(),
                credential.hours.to_string(),
                credential.cost.to_string(),
                date(dates.start),
                date(dates.end),
            ]
        })
        .collect()
}

fn unmet_lines(planned: &Planned<'_>) -> Vec<String> {
    let catalog = planned.catalog;
    planned
        .recommendation
        .unmet
        .iter()
        .map(|u| {
            format!(
                "{}: {}",
                sanitize_line(&catalog.describe(&u.requirement)),
                u.reason.explain()
            )
        })
        .collect()
}

fn renewals(planned: &Planned<'_>) -> Vec<String> {
    let catalog = planned.catalog;
    planned
        .recommendation
        .steps
        .iter()
        .zip(&planned.schedule.steps)
        .filter_map(|(&idx, dates)| {
            dates
                .renews
                .map(|d| format!("{} by {d}", sanitize_line(&catalog.credential(idx).id)))
        })
        .collect()
}

pub fn text(out: &mut impl Write, planned: &Planned<'_>) -> io::Result<()> {
    let catalog = planned.catalog;
    let rec = &planned.recommendation;
    let role = catalog.role(planned.role);
    let steps = rec.steps.len();
    writeln!(
        out,
        "{} ({}): {} path, {} {}",
        sanitize_line(&role.title),
        sanitize_line(&role.id),
        if planned.options.objective.as_str() == "cost" {
            "cheapest"
        } else {
            "fastest"
        },
        steps,
        if steps == 1 { "step" } else { "steps" }
    )?;
    if steps > 0 {
        writeln!(out)?;
        let header =
            ["#", "credential", "title", "hours", "cost", "start", "end"].map(str::to_owned);
        let mut body = rows(planned);
        for row in &mut body {
            row[2] = shorten(&row[2], MAX_TITLE);
        }
        let mut widths = [0usize; 7];
        for row in std::iter::once(&header).chain(&body) {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        for row in std::iter::once(&header).chain(&body) {
            let mut line = String::new();
            for (col, (cell, width)) in row.iter().zip(widths).enumerate() {
                let pad = width - cell.chars().count();
                // Numbers line up on the right.
                if matches!(col, 0 | 3 | 4) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                }
                line.push_str("  ");
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "total: {} hours, {} {}",
        rec.total_hours,
        rec.total_cost,
        sanitize_line(&catalog.currency)
    )?;
    writeln!(
        out,
        "finish: {} (from {} at {} hours/week)",
        planned.schedule.finish, planned.plan.start, planned.plan.hours_per_week
    )?;
    let renew = renewals(planned);
    if !renew.is_empty() {
        writeln!(out, "renew: {}", renew.join(", "))?;
    }
    let unmet = unmet_lines(planned);
    if unmet.is_empty() {
        writeln!(out, "complete: every requirement of the role is met")?;
    } else {
        writeln!(out, "unmet:")?;
        for line in unmet {
            writeln!(out, "  - {line}")?;
        }
    }
    if !rec.optimal {
        writeln!(out, "{NOT_PROVEN}")?;
    }
    Ok(())
}

/// Titles longer than this are shortened in the text table (Markdown keeps them whole).
const MAX_TITLE: usize = 48;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

/// Markdown table cells must not contain a bare `|`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn markdown(out: &mut impl Write, planned: &Planned<'_>) -> io::Result<()> {
    let catalog = planned.catalog;
    let rec = &planned.recommendation;
    let role = catalog.role(planned.role);
    let currency = sanitize_line(&catalog.currency);
    writeln!(
        out,
        "# Learning plan: {}\n",
        cell(&sanitize_line(&role.title))
    )?;
    writeln!(
        out,
        "Target role `{}`, optimised for {}, at {} hours/week from {}.\n",
        sanitize_line(&role.id),
        planned.options.objective.as_str(),
        planned.plan.hours_per_week,
        planned.plan.start
    )?;
    if !rec.steps.is_empty() {
        writeln!(
            out,
            "| # | Credential | Title | Hours | Cost ({currency}) | Start | End |"
        )?;
        writeln!(out, "|---:|---|---|---:|---:|---|---|")?;
        for row in rows(planned) {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "**Total:** {} hours, {} {currency}. **Finish:** {}.",
        rec.total_hours, rec.total_cost, planned.schedule.finish
    )?;
    let renew = renewals(planned);
    if !renew.is_empty() {
        writeln!(out, "\n**Renewals:** {}.", cell(&renew.join(", ")))?;
    }
    let unmet = unmet_lines(planned);
    if unmet.is_empty() {
        writeln!(out, "\nEvery requirement of the role is met.")?;
    } else {
        writeln!(out, "\n## Unmet requirements\n")?;
        for line in unmet {
            writeln!(out, "- {line}")?;
        }
    }
    if !rec.optimal {
        writeln!(out, "\n_{NOT_PROVEN}._")?;
    }
    Ok(())
}

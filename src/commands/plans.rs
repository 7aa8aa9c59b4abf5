//! `upskill plans`: every saved plan with its role, progress, next step, finish date and
//! whether the learner is on track, as of today. A file that cannot be read is listed with
//! its errors, never touched, and makes the command exit 1 after listing the rest.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::table::{aligned, text_of};
use super::{load_valid, saved};
use crate::cli::{CatalogArgs, EXIT_INVALID, ListFormat};
use crate::export::Report;
use crate::plan::Tracking;
use crate::store::LoadError;

/// One saved plan, read or not.
enum Listed {
    Read(Box<Report>),
    Unreadable { name: String, error: LoadError },
}

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    format: ListFormat,
) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let entries = match saved::entries(&store) {
        Ok(entries) => entries,
        Err(code) => return Ok(code),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let now = crate::clock::now();
    let listed: Vec<Listed> = entries
        .into_iter()
        .map(|entry| match store.load_entry(&entry, now.date()) {
            Ok(opened) => {
                if let Some(note) = opened.name_note() {
                    let _ = writeln!(io::stderr(), "upskill: {note}");
                }
                Listed::Read(Box::new(Report::build(&loaded.catalog, &opened.plan, &now)))
            }
            Err(error) => Listed::Unreadable {
                name: entry.stem,
                error,
            },
        })
        .collect();
    let text = match format {
        ListFormat::Text => table(&listed),
        ListFormat::Json => json(&listed),
    };
    out.write_all(text.as_bytes())?;
    if listed
        .iter()
        .any(|l| matches!(l, Listed::Unreadable { .. }))
    {
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    Ok(ExitCode::SUCCESS)
}

fn table(listed: &[Listed]) -> String {
    if listed.is_empty() {
        return "No saved plans yet: save one with `upskill plan --role ID --save NAME`, or `upskill import FILE`.\n".to_owned();
    }
    let mut problems = Vec::new();
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|listed| match listed {
            Listed::Read(report) => {
                let progress = report.progress;
                let next = progress.next.map(|i| &report.steps[i]);
                vec![
                    report.name.clone(),
                    report
                        .role
                        .as_ref()
                        .map_or("-", |r| r.id.as_str())
                        .to_owned(),
                    format!("{}/{}", progress.done, progress.total),
                    next.map_or_else(|| "-".to_owned(), |step| step.id.clone()),
                    finish(report).map_or_else(|| "-".to_owned(), |d| d.to_string()),
                    progress.tracking.describe(),
                ]
            }
            Listed::Unreadable { name, error } => {
                problems.extend(saved::describe(error));
                let dash = || "-".to_owned();
                vec![
                    name.clone(),
                    dash(),
                    dash(),
                    dash(),
                    dash(),
                    "unreadable (see below)".to_owned(),
                ]
            }
        })
        .collect();
    let header = ["NAME", "ROLE", "DONE", "NEXT STEP", "FINISH", "STATUS"];
    let mut lines = aligned(&header, &rows, &[2]);
    if !problems.is_empty() {
        lines.push(String::new());
        lines.extend(problems);
    }
    text_of(&lines)
}

/// The scheduled finish, while steps are left to do.
fn finish(report: &Report) -> Option<jiff::civil::Date> {
    matches!(
        report.progress.tracking,
        Tracking::OnTrack | Tracking::Behind { .. }
    )
    .then_some(report.finish)
}

fn json(listed: &[Listed]) -> String {
    let items: Vec<Value> = listed
        .iter()
        .map(|listed| match listed {
            Listed::Read(report) => {
                let progress = report.progress;
                let next = progress.next.map(|i| &report.steps[i]);
                let behind = match progress.tracking {
                    Tracking::Behind { days, .. } => Some(days),
                    _ => None,
                };
                json!({
                    "name": report.name,
                    "role": report.role.as_ref().map(|r| &r.id),
                    "done": progress.done,
                    "total": progress.total,
                    "next_step": next.map(|s| json!({"id": s.id, "title": s.title()})),
                    "finish": finish(report).map(|d| d.to_string()),
                    "tracking": progress.tracking.describe(),
                    "behind_days": behind,
                    "today": report.today.to_string(),
                })
            }
            Listed::Unreadable { name, error } => json!({
                "name": name,
                "errors": match error {
                    LoadError::Invalid { errors, .. } => errors
                        .iter()
                        .map(|e| json!({
                            "line": e.position.line,
                            "column": e.position.column,
                            "message": crate::text::sanitize_line(&e.message),
                        }))
                        .collect(),
                    other => vec![json!({ "message": crate::text::sanitize_line(&other.to_string()) })],
                },
            }),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).expect("JSON values always serialize");
    text.push('\n');
    text
}

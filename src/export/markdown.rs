//! A plan as a Markdown document for a client (GitHub-flavoured: it renders on GitHub): the
//! role, the schedule, totals, finish date, progress, coverage, a table of the steps,
//! renewals, unmet requirements and notes. `upskill plan --format markdown` prints the same.
//! Catalog and plan text is escaped so it reads as text, never as markup: no `|` breaks a
//! table, no `<script>` or link is made, no line becomes a heading or a list.

use std::fmt::Write as _;

use super::report::{CredentialView, Report, date_or_dash, not_proven};
use crate::plan::Objective;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let heading = report
        .role_label()
        .or((!report.name.is_empty()).then_some(report.name.as_str()))
        .unwrap_or("untitled");
    let _ = writeln!(out, "# Learning plan: {}\n", inline(heading));
    let _ = writeln!(out, "{}\n", introduction(report));
    if !report.steps.is_empty() {
        steps_table(&mut out, report);
    }
    let _ = writeln!(
        out,
        "**Total:** {}. **Finish:** {}.",
        report.total_words(&inline(&report.currency)),
        report.finish_words()
    );
    summary(&mut out, report);
    renewals(&mut out, report);
    unmet(&mut out, report);
    if let Some(notes) = &report.notes {
        let _ = writeln!(out, "\n## Notes\n\n{}", block(notes));
    }
    if let Some(recommended) = report.recommendation.filter(|r| !r.optimal) {
        let _ = writeln!(out, "\n_{}._", not_proven(recommended.gap));
    }
    out
}

fn introduction(report: &Report) -> String {
    let mut text = String::new();
    if !report.name.is_empty() {
        let _ = write!(text, "Plan **{}**", inline(&report.name));
    }
    if let Some(role) = &report.role {
        let _ = write!(
            text,
            "{}arget role {}",
            if text.is_empty() { "T" } else { " for the t" },
            inline(&role.id)
        );
        if role.title.is_none() {
            text.push_str(" (not in the catalogs)");
        }
    }
    if let Some(recommended) = report.recommendation {
        let _ = write!(text, ", optimised for {}", recommended.objective.as_str());
        if let (Objective::Cost, Some(value)) = (recommended.objective, report.time_value)
            && value.hundredths() > 0
        {
            let _ = write!(
                text,
                " with an hour of study worth {} {}",
                value.money(),
                inline(&report.currency)
            );
        }
    }
    let _ = write!(
        text,
        "{}t {} hours/week from {}.",
        if text.is_empty() { "A" } else { ", a" },
        report.hours_per_week,
        report.start
    );
    if let Some(budget) = report.budget {
        let currency = inline(&report.currency);
        let _ = write!(text, " Budget: {} {currency}", budget.money());
        if let Some(over) = report.over_budget() {
            let _ = write!(text, ", **{} {currency} over**", over.money());
        }
        text.push('.');
    }
    text
}

fn steps_table(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "| # | Credential | Title | Hours | Cost ({}) | Start | End | Status | Note |",
        inline(&report.currency)
    );
    let _ = writeln!(out, "|---:|---|---|---:|---:|---|---|---|---|");
    for (i, step) in report.steps.iter().enumerate() {
        let known = step.credential.as_ref();
        let title = match known {
            Some(c) if c.retired => match &step.successor {
                Some(next) => format!(
                    "{} _(retired; replaced by {})_",
                    inline(&c.title),
                    inline(next)
                ),
                None => format!("{} _(retired)_", inline(&c.title)),
            },
            Some(c) => inline(&c.title),
            None => "_missing from the catalogs_".to_owned(),
        };
        let cells = [
            (i + 1).to_string(),
            inline(&step.id),
            title,
            known.map_or_else(|| "-".to_owned(), CredentialView::hours_cell),
            known.map_or_else(|| "-".to_owned(), CredentialView::cost_cell),
            date_or_dash(step.start),
            date_or_dash(step.end),
            step.status.as_str().to_owned(),
            step.note
                .as_deref()
                .map(|n| inline(n).replace('\n', "<br>"))
                .unwrap_or_default(),
        ];
        let _ = writeln!(out, "| {} |", cells.join(" | ").trim_end());
    }
    out.push('\n');
    let mut notes = String::new();
    for (i, step) in report.steps.iter().enumerate() {
        if let Some(date) = step.eligible {
            let _ = writeln!(
                notes,
                "- Step {} ({}) is eligible from {date}, when the learner's experience meets its requirement.",
                i + 1,
                inline(&step.id)
            );
        }
        for stack in &step.awarded {
            let _ = writeln!(
                notes,
                "- Awarded after step {}: {} ({}), free and without an exam.",
                i + 1,
                inline(&stack.title),
                inline(&stack.id)
            );
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "{notes}");
    }
}

fn summary(out: &mut String, report: &Report) {
    let progress = report.progress;
    if progress.done > 0 {
        let _ = writeln!(
            out,
            "\n**To go:** {}.",
            report.remaining_words(&inline(&report.currency))
        );
    }
    if report.recommendation.is_none() {
        let _ = writeln!(
            out,
            "\n**Progress on {}:** {} of {} steps done; {}.",
            report.today,
            progress.done,
            progress.total,
            progress.tracking.describe()
        );
    }
    if let Some(coverage) = &report.coverage {
        let _ = writeln!(
            out,
            "\n**Coverage:** {} of {} role requirements met.",
            coverage.met, coverage.total
        );
    }
}

fn renewals(out: &mut String, report: &Report) {
    let lines: Vec<String> = report
        .renewals()
        .iter()
        .map(|renewal| match renewal.by {
            Some(date) => format!(
                "- {} ({}): renew by {date}",
                inline(renewal.title),
                inline(renewal.id)
            ),
            None => format!(
                "- {} (held): valid for {} months; the plan has no date it was earned",
                inline(renewal.title),
                renewal.valid_for_months
            ),
        })
        .collect();
    if !lines.is_empty() {
        let _ = writeln!(out, "\n## Renewals\n\n{}", lines.join("\n"));
    }
}

fn unmet(out: &mut String, report: &Report) {
    let Some(coverage) = &report.coverage else {
        return;
    };
    if coverage.unmet.is_empty() {
        let _ = writeln!(out, "\nEvery requirement of the role is met.");
        return;
    }
    let _ = writeln!(out, "\n## Unmet requirements\n");
    for unmet in &coverage.unmet {
        let _ = writeln!(
            out,
            "- {}: {}",
            inline(&unmet.requirement.to_string()),
            inline(&unmet.reason)
        );
    }
}

/// Text inside a line: every character Markdown (or the HTML GitHub allows in it) could
/// read as markup is backslash-escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Free text as paragraphs: each line escaped, a line that would start a heading, list,
/// quote or code block made plain, and line breaks kept.
fn block(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = inline(line.trim());
            let ordered = line
                .find(|c: char| !c.is_ascii_digit())
                .filter(|&at| at > 0 && line[at..].starts_with(['.', ')']));
            match ordered {
                Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
                None if line.starts_with(['-', '+', '=']) => format!("\\{line}"),
                None => line,
            }
        })
        .collect();
    // A backslash at the end of a line is a hard line break; a blank line ends a paragraph.
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_blank = lines.get(i + 1).is_some_and(String::is_empty);
        if i + 1 < lines.len() {
            out.push_str(if line.is_empty() || next_blank {
                "\n"
            } else {
                "\\\n"
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::report;

    /// The cells of a table row, split at the `|` no backslash escapes.
    fn cells(row: &str) -> Vec<String> {
        let mut cells = vec![String::new()];
        let mut escaped = false;
        for c in row.trim().trim_matches('|').chars() {
            if c == '|' && !escaped {
                cells.push(String::new());
            } else if let Some(cell) = cells.last_mut() {
                cell.push(c);
            }
            escaped = c == '\\' && !escaped;
        }
        cells.iter().map(|c| c.trim().to_owned()).collect()
    }

    #[test]
    fn every_table_row_has_as_many_cells_as_the_header() {
        let text = render(&report());
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(rows.len(), 2 + 4);
        let width = cells(rows[0]).len();
        assert_eq!(width, 9);
        for row in &rows {
            assert_eq!(cells(row).len(), width, "{row}");
        }
        assert_eq!(
            cells(rows[3])[2],
            "Cloud, \"Pro\" \\<script\\>alert('x')\\</script\\> \\& Café ☁️ 👩\u{200d}💻"
        );
        assert_eq!(cells(rows[4])[2], "=cmd\\|' /C calc'!A0");
        assert_eq!(cells(rows[3])[8], "line one<br>line two, \"quoted\"");
        assert_eq!(cells(rows[5])[2], "_missing from the catalogs_");
    }

    #[test]
    fn a_held_credential_with_its_earned_date_renews_on_a_known_day_in_every_export() {
        let mut report = report();
        report.held[0].expires = Some("2028-01-01".parse().expect("date"));
        let text = render(&report);
        assert!(
            text.contains("- Held cert (t/held): renew by 2028-01-01"),
            "{text}"
        );
        let calendar = crate::export::ics::render(&report);
        assert!(calendar.contains("SUMMARY:Renew: Held cert"), "{calendar}");
        assert!(
            calendar.contains("DTSTART;VALUE=DATE:20280101"),
            "{calendar}"
        );
    }

    #[test]
    fn the_document_gives_role_totals_progress_coverage_renewals_unmet_and_notes() {
        let text = render(&report());
        assert!(text.starts_with("# Learning plan: Data \\& \\<AI\\> \\| \"Ops\"\n\n"));
        for expected in [
            "Plan **alex, \"the client\"** for the target role data-ops, at 10 hours/week from 2027-01-04.",
            "**Total:** 80 hours, 99.99 USD. **Finish:** 2027-02-08.",
            "**To go:** 50 hours, 49.99 USD.",
            "**Progress on 2027-03-01:** 1 of 4 steps done; behind by 28 days.",
            "**Coverage:** 2 of 3 role requirements met.",
            "- Help desk (t/help-desk): renew by 2029-01-20",
            "- Held cert (held): valid for 36 months; the plan has no date it was earned",
            "## Unmet requirements\n\n- skill quantum: no credential in the catalogs meets it",
        ] {
            assert!(text.contains(expected), "{expected}\n---\n{text}");
        }
    }

    #[test]
    fn notes_cannot_make_headings_lists_or_html() {
        let text = render(&report());
        let notes = text.split("## Notes\n\n").nth(1).expect("a notes section");
        assert_eq!(
            notes,
            "Prefers \\<b\\>self-paced\\</b\\> \\| online \\\\u{1b}\\[31m\\\n\\# not a heading\\\n\\- not a list\n"
        );
        assert_eq!(block("1. one\n\n2) two"), "1\\. one\n\n2\\) two");
    }

    /// A recommendation the time limit stopped says how close to the best it was proven
    /// to be, in the document and in the JSON.
    #[test]
    fn an_unproven_recommendation_gives_its_gap() {
        use crate::export::report::RecommendationView;
        use crate::plan::Gap;
        let mut stopped = report();
        stopped.recommendation = Some(RecommendationView {
            objective: Objective::Cost,
            optimal: false,
            gap: Some(Gap(312)),
            max_hours: None,
        });
        assert!(
            render(&stopped).contains(
                "_not proven optimal (time limit reached), but proven within 3.12% of the best plan meeting as many requirements; raise --time-limit to prove it._"
            ),
            "{}",
            render(&stopped)
        );
        let json: serde_json::Value =
            serde_json::from_str(&crate::export::json::render(&stopped)).expect("JSON");
        assert_eq!(json["optimal"], false);
        assert_eq!(json["gap"], 0.0312);
        stopped.recommendation = Some(RecommendationView {
            gap: None,
            ..stopped.recommendation.expect("set above")
        });
        assert!(render(&stopped).contains("a better plan may exist"));
        let json: serde_json::Value =
            serde_json::from_str(&crate::export::json::render(&stopped)).expect("JSON");
        assert!(json.get("gap").is_none(), "no gap without a bound");
    }
}

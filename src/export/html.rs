//! A plan as one self-contained, printable HTML page for a client: a summary, a timeline
//! drawn as inline SVG, the table of steps, renewals, unmet requirements and notes. No
//! script, no external file, and a content security policy that forbids loading any; every
//! piece of catalog and plan text is HTML-escaped, and only http(s) addresses are linked.

#[cfg(test)]
mod tests;
mod timeline;

use std::fmt::Write as _;

use super::report::{CredentialView, Report, StepView, date_or_dash, not_proven};
use super::safe_url;

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d2330;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid #d5d9e0; }
.meta { color: #5a6270; margin: 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #d5d9e0; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f3f5f8; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.date { white-space: nowrap; }
.done { color: #1a7f37; } .in-progress { color: #9a6700; } .late { color: #b3261e; }
.missing { color: #b3261e; font-style: italic; }
.note { white-space: pre-line; color: #3d4452; }
svg { width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: #1d2330; }
svg .grid { stroke: #e3e6eb; } svg .today { stroke: #b3261e; stroke-dasharray: 4 3; }
svg .bar-planned { fill: #4a7bd0; } svg .bar-in-progress { fill: #d79b00; }
svg .bar-done { fill: #1a7f37; } svg .renew { fill: #b3261e; }
footer { margin-top: 2rem; color: #5a6270; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  tr, svg, li { break-inside: avoid; }
}
@page { margin: 14mm; }
";

pub fn render(report: &Report) -> String {
    let title = format!(
        "Learning plan: {}",
        report
            .role_label()
            .or((!report.name.is_empty()).then_some(report.name.as_str()))
            .unwrap_or("untitled")
    );
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"upskill {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        meta_line(report)
    );
    summary(&mut out, report);
    if report.steps.iter().any(|s| s.end.is_some()) {
        let _ = writeln!(out, "<h2>Timeline</h2>\n{}", timeline::svg(report));
    }
    steps_table(&mut out, report);
    lists(&mut out, report);
    if let Some(notes) = &report.notes {
        let _ = writeln!(
            out,
            "<h2>Notes</h2>\n<p class=\"note\">{}</p>",
            escape(notes)
        );
    }
    let _ = writeln!(
        out,
        "<footer>Made with upskill on {}.</footer>\n</body>\n</html>",
        report.today
    );
    out
}

fn meta_line(report: &Report) -> String {
    let mut parts = Vec::new();
    if !report.name.is_empty() {
        parts.push(format!("Plan <strong>{}</strong>", escape(&report.name)));
    }
    if let Some(role) = &report.role {
        let missing = if role.title.is_none() {
            " (not in the catalogs)"
        } else {
            ""
        };
        parts.push(format!("target role {}{missing}", escape(&role.id)));
    }
    parts.push(format!(
        "{} hours/week from {}",
        report.hours_per_week, report.start
    ));
    if let Some(recommended) = report.recommendation {
        let mut objective = format!("optimised for {}", recommended.objective.as_str());
        if let (crate::plan::Objective::Cost, Some(value)) =
            (recommended.objective, report.time_value)
            && value.hundredths() > 0
        {
            let _ = write!(
                objective,
                " with an hour of study worth {} {}",
                value.money(),
                escape(&report.currency)
            );
        }
        parts.push(objective);
    }
    parts.join(" · ")
}

fn summary(out: &mut String, report: &Report) {
    let currency = escape(&report.currency);
    let mut rows = vec![
        ("Total", report.total_words(&currency)),
        ("Finish", escape(&report.finish_words())),
    ];
    let progress = report.progress;
    if progress.done > 0 {
        rows.push(("To go", report.remaining_words(&currency)));
    }
    if report.recommendation.is_none() {
        let class = if matches!(progress.tracking, crate::plan::Tracking::Behind { .. }) {
            " class=\"late\""
        } else {
            ""
        };
        rows.push((
            "Progress",
            format!(
                "{} of {} steps done; <span{class}>{}</span> on {}",
                progress.done,
                progress.total,
                progress.tracking.describe(),
                report.today
            ),
        ));
    }
    if let Some(budget) = report.budget {
        let over = report.over_budget().map_or_else(String::new, |over| {
            format!(
                "; <span class=\"late\">{} {currency} over</span>",
                over.money()
            )
        });
        rows.push(("Budget", format!("{} {currency}{over}", budget.money())));
    }
    if let Some(coverage) = &report.coverage {
        rows.push((
            "Coverage",
            format!(
                "{} of {} role requirements met",
                coverage.met, coverage.total
            ),
        ));
    }
    out.push_str("<dl class=\"summary\">\n");
    for (term, value) in rows {
        let _ = writeln!(out, "<dt>{term}</dt><dd>{value}</dd>");
    }
    out.push_str("</dl>\n");
    if let Some(recommended) = report.recommendation.filter(|r| !r.optimal) {
        let _ = writeln!(
            out,
            "<p><em>{}.</em></p>",
            escape(&not_proven(recommended.gap))
        );
    }
}

fn steps_table(out: &mut String, report: &Report) {
    if report.steps.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2>Steps</h2>\n<table>\n<thead><tr><th class=\"n\">#</th><th>Credential</th><th>Provider</th><th class=\"n\">Hours</th><th class=\"n\">Cost ({})</th><th>Start</th><th>End</th><th>Status</th></tr></thead>\n<tbody>",
        escape(&report.currency)
    );
    for (i, step) in report.steps.iter().enumerate() {
        let _ = writeln!(out, "{}", step_row(i, step));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn step_row(i: usize, step: &StepView) -> String {
    let known = step.credential.as_ref();
    let mut credential = match known.and_then(|c| Some((c, safe_url(c.url.as_deref()?)?))) {
        Some((c, url)) => format!("<a href=\"{}\">{}</a>", escape(&url), escape(&c.title)),
        None => escape(step.title()),
    };
    let _ = write!(credential, "<br><small>{}</small>", escape(&step.id));
    match (known, &step.successor) {
        (None, _) => {
            credential.push_str(" <span class=\"missing\">missing from the catalogs</span>");
        }
        (Some(c), Some(next)) if c.retired => {
            let _ = write!(
                credential,
                " <span class=\"missing\">retired; replaced by {}</span>",
                escape(next)
            );
        }
        (Some(c), None) if c.retired => {
            credential.push_str(" <span class=\"missing\">retired</span>");
        }
        (Some(_), _) => {}
    }
    if let Some(date) = step.eligible {
        let _ = write!(
            credential,
            "<div class=\"note\">Eligible from {date}, when the learner's experience meets its requirement.</div>"
        );
    }
    for stack in &step.awarded {
        let _ = write!(
            credential,
            "<div class=\"note\">Awarded after this step: {} ({}), free and without an exam.</div>",
            escape(&stack.title),
            escape(&stack.id)
        );
    }
    if let Some(note) = &step.note {
        let _ = write!(credential, "<div class=\"note\">{}</div>", escape(note));
    }
    format!(
        "<tr><td class=\"n\">{}</td><td>{credential}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"{}\">{}</td></tr>",
        i + 1,
        escape(known.map_or("-", |c| c.provider_name.as_str())),
        known.map_or_else(|| "-".into(), CredentialView::hours_cell),
        known.map_or_else(|| "-".into(), CredentialView::cost_cell),
        date_or_dash(step.start),
        date_or_dash(step.end),
        step.status.as_str(),
        step.status.as_str()
    )
}

fn lists(out: &mut String, report: &Report) {
    let renewals: Vec<String> = report
        .renewals()
        .iter()
        .map(|renewal| {
            let rule = renewal
                .rule
                .as_deref()
                .map(|rule| format!("<div class=\"note\">{}</div>", escape(rule)))
                .unwrap_or_default();
            match renewal.by {
                Some(date) => format!(
                    "<li>{} ({}): renew by <strong>{date}</strong>{rule}</li>",
                    escape(renewal.title),
                    escape(renewal.id)
                ),
                None => format!(
                    "<li>{} (held): valid for {} months; the plan has no date it was earned</li>",
                    escape(renewal.title),
                    renewal.valid_for_months
                ),
            }
        })
        .collect();
    if !renewals.is_empty() {
        let _ = writeln!(
            out,
            "<h2>Renewals</h2>\n<ul>\n{}\n</ul>",
            renewals.join("\n")
        );
    }
    let Some(coverage) = &report.coverage else {
        return;
    };
    if coverage.unmet.is_empty() {
        out.push_str("<p>Every requirement of the role is met.</p>\n");
        return;
    }
    out.push_str("<h2>Unmet requirements</h2>\n<ul>\n");
    for unmet in &coverage.unmet {
        let _ = writeln!(
            out,
            "<li>{}: {}</li>",
            escape(&unmet.requirement.to_string()),
            escape(&unmet.reason)
        );
    }
    out.push_str("</ul>\n");
}

/// Text and attribute values: `& < > " '` become entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

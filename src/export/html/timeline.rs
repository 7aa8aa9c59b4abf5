//! The timeline of the HTML page, as inline SVG: a row a step with a bar from its start to
//! its end (a done step: a mark on its completion day), a tick on each renewal date, a
//! dashed line for today, and a month or year grid. Scales with the page and prints.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::escape;
use crate::export::report::Report;
use crate::text::truncate;

const WIDTH: i64 = 900;
const LABEL: i64 = 250;
const RIGHT: i64 = 12;
const TOP: i64 = 26;
const ROW: i64 = 22;
const BAR: i64 = 14;
/// The least room between two labelled grid lines.
const MIN_MARK_GAP: i64 = 64;
/// Longest step label, in characters.
const LABEL_CHARS: usize = 36;

pub fn svg(report: &Report) -> String {
    let dates = report.steps.iter().flat_map(|s| [s.start, s.end, s.renews]);
    let all: Vec<Date> = dates.flatten().chain([report.today]).collect();
    let first = all.iter().copied().min().unwrap_or(report.today);
    let last = all
        .iter()
        .copied()
        .max()
        .unwrap_or(report.today)
        .max(first.tomorrow().unwrap_or(first));
    let span = days(first, last).max(1);
    let x = |date: Date| LABEL + days(first, date) * (WIDTH - LABEL - RIGHT) / span;
    let bottom = TOP + ROW * report.steps.len() as i64;
    let height = bottom + 16;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Timeline of the plan from {first} to {last}\">\n"
    );
    grid(&mut out, first, last, bottom, &x);
    for (i, step) in report.steps.iter().enumerate() {
        let y = TOP + ROW * i as i64;
        let label = format!("{}. {}", i + 1, step.title());
        let _ = writeln!(
            out,
            "<text x=\"4\" y=\"{}\">{}</text>",
            y + BAR - 3,
            escape(&truncate(&label, LABEL_CHARS))
        );
        let status = step.status.as_str();
        match (step.start, step.end) {
            (Some(start), Some(end)) => {
                let _ = writeln!(
                    out,
                    "<rect class=\"bar-{status}\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{BAR}\" rx=\"2\"><title>{}: {start} to {end} ({status})</title></rect>",
                    x(start),
                    (x(end) - x(start)).max(2),
                    escape(step.title())
                );
            }
            (None, Some(done)) => {
                let (cx, cy) = (x(done), y + BAR / 2);
                let _ = writeln!(
                    out,
                    "<path class=\"bar-done\" d=\"M{} {cy} L{cx} {} L{} {cy} L{cx} {} Z\"><title>{}: done {done}</title></path>",
                    cx - 6,
                    cy - 6,
                    cx + 6,
                    cy + 6,
                    escape(step.title())
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "<text x=\"{LABEL}\" y=\"{}\" font-style=\"italic\">no dates: the catalogs lack this credential</text>",
                    y + BAR - 3
                );
            }
        }
        if let Some(renews) = step.renews {
            let rx = x(renews);
            let _ = writeln!(
                out,
                "<path class=\"renew\" d=\"M{rx} {y} L{} {} L{} {} Z\"><title>Renew {} by {renews}</title></path>",
                rx - 5,
                y + BAR,
                rx + 5,
                y + BAR,
                escape(step.title())
            );
        }
    }
    let today = x(report.today);
    let _ = writeln!(
        out,
        "<line class=\"today\" x1=\"{today}\" y1=\"{}\" x2=\"{today}\" y2=\"{bottom}\"/><text x=\"{today}\" y=\"{}\" text-anchor=\"middle\">today</text>",
        TOP - 4,
        height - 3
    );
    out.push_str("</svg>");
    out
}

/// Labelled grid lines on the first of each month, quarter or year, whichever keeps the
/// labels apart.
fn grid(out: &mut String, first: Date, last: Date, bottom: i64, x: &impl Fn(Date) -> i64) {
    // The fewest months between marks that keep their labels apart.
    let pixels_per_month = 30 * (WIDTH - LABEL - RIGHT) / days(first, last).max(1);
    let months: i8 = [1, 3, 6, 12]
        .into_iter()
        .find(|&m| i64::from(m) * pixels_per_month >= MIN_MARK_GAP)
        .unwrap_or(12);
    let start = first.first_of_month();
    let Ok(mut mark) = start
        .with()
        .month(start.month() - (start.month() - 1) % months)
        .build()
    else {
        return;
    };
    while mark <= last {
        if mark >= first {
            let at = x(mark);
            let label = if months == 12 {
                mark.year().to_string()
            } else {
                mark.strftime("%b %Y").to_string()
            };
            let _ = write!(
                out,
                "<line class=\"grid\" x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{bottom}\"/>",
                TOP - 4
            );
            // Labels are centred on their line; one that would run off the edge is left out.
            if at + MIN_MARK_GAP / 2 <= WIDTH {
                let _ = write!(
                    out,
                    "<text x=\"{at}\" y=\"12\" text-anchor=\"middle\">{label}</text>"
                );
            }
            out.push('\n');
        }
        match mark.checked_add(jiff::Span::new().months(months)) {
            Ok(next) => mark = next,
            Err(_) => break,
        }
    }
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).get_days().into()
}

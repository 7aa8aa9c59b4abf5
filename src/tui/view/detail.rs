//! The detail of the selected credential: every field, its requirements as a tree marked
//! met or unmet for the plan, what it unlocks, alternatives teaching the same skills, and
//! when it expires.

mod requirements;
mod standing;

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use crate::catalog::{Amount, Catalog, CredentialIdx, Edge};
use crate::tui::action::Action;
use crate::tui::app::{App, Subject};
use requirements::requirement_lines;
use standing::status;

/// How many alternatives are listed.
const ALTERNATIVES: usize = 5;

/// Draws the detail; returns the area and how far it can scroll.
pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) -> (Rect, u16) {
    let lines = match app.detail_subject() {
        Subject::Credential(idx) => lines(app, theme, idx),
        Subject::Missing => {
            let id = app
                .plan
                .steps
                .get(app.plan_selected)
                .map_or("", |step| step.id.as_str());
            if let Some(left_out) = app.unavailable(app.plan_selected) {
                let file = crate::text::sanitize_line(&left_out.file).into_owned();
                let why = if left_out.providers.is_empty() {
                    format!(
                        "{file} has errors and could not be read at all, so it may define this credential; it was left out when upskill started."
                    )
                } else {
                    format!(
                        "It is defined in {file}, which has errors and was left out when upskill started."
                    )
                };
                vec![
                    Line::styled(
                        format!("{id}: unavailable, its catalog has errors"),
                        theme.warn,
                    ),
                    Line::raw(why),
                    Line::raw(format!(
                        "The step is kept as it is. Fix the file ({} shows its problems) and the step comes back as soon as the file is saved.",
                        app.keymap.name(Action::ShowProblems)
                    )),
                ]
            } else {
                vec![
                    Line::styled(format!("{id}: missing from the catalogs"), theme.bad),
                    Line::raw(
                        "The step is kept as written: a catalog that defines it may not be loaded, or the id changed.",
                    ),
                    Line::raw("Remove it with d, or load the catalog that defines it."),
                ]
            }
        }
        Subject::Nothing => vec![Line::styled(
            "Select a credential to see its details",
            theme.dim,
        )],
    };
    let max_scroll = super::max_scroll(&lines, area.width, area.height);
    Widget::render(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.info_scroll.min(max_scroll), 0)),
        area,
        buf,
    );
    (area, max_scroll)
}

fn lines(app: &App, theme: &Theme, idx: CredentialIdx) -> Vec<Line<'static>> {
    let catalog = &*app.catalog;
    let credential = catalog.credential(idx);
    let provider = catalog.provider(credential.provider);
    let currency = &catalog.currency;
    let step = app.derived.step_of(idx);
    let mut lines = vec![Line::from(vec![
        Span::styled(credential.title.to_string(), theme.title),
        Span::styled(format!("  {}", credential.id), theme.dim),
    ])];
    let mut facts = vec![provider.name.clone(), credential.kind.to_string()];
    facts.extend(credential.level.map(|level| level.to_string()));
    if credential.stack {
        facts.push("awarded free when its parts are held".to_owned());
    } else {
        facts.push(if credential.unknown.hours {
            "hours unknown".to_owned()
        } else {
            format!("{} h", credential.hours)
        });
        facts.push(if credential.unknown.cost {
            "cost unknown".to_owned()
        } else if credential.cost == Amount::ZERO {
            "free".to_owned()
        } else {
            format!("{} {currency}", credential.cost.money())
        });
    }
    facts.extend(credential.delivery.as_deref().map(str::to_owned));
    lines.push(Line::raw(facts.join(" · ")));
    let status = status(app, theme, idx, step);
    if let Some((text, style)) = status {
        lines.push(Line::styled(text, style));
    }
    if let Some(note) = step.and_then(|step| app.plan.steps[step].note.clone()) {
        lines.push(labelled(theme, "Note", note));
    }
    let skills: Vec<String> = credential
        .skills
        .iter()
        .map(|&skill| catalog.skill(skill).label().to_owned())
        .collect();
    lines.push(labelled(theme, "Skills", skills.join(", ")));
    if !credential.occupations().is_empty() {
        let occupations: Vec<String> = credential
            .occupations()
            .iter()
            .map(crate::catalog::Occupation::describe)
            .collect();
        lines.push(labelled(theme, "Occupations", occupations.join("; ")));
    }
    // Requirements are judged where the credential stands: before its step, or after the
    // whole plan for one that would be added at the end.
    let holdings = app.holdings_before(step.unwrap_or(app.plan.steps.len()));
    lines.push(Line::styled("Requires", theme.header));
    if credential.requires.is_empty() {
        lines.push(Line::styled("  nothing", theme.dim));
    }
    for requirement in &credential.requires {
        requirement_lines(catalog, theme, &holdings, requirement, &mut lines);
    }
    if !credential.recommends().is_empty() {
        let recommended: Vec<String> = credential
            .recommends()
            .iter()
            .map(|requirement| catalog.describe(requirement))
            .collect();
        lines.push(labelled(theme, "Recommends", recommended.join(", ")));
    }
    unlocks(catalog, theme, idx, &mut lines);
    alternatives(app, theme, idx, &mut lines);
    validity(app, theme, idx, step, &mut lines);
    if let Some(description) = &credential.description {
        lines.push(Line::raw(""));
        lines.extend(description.lines().map(|line| Line::raw(line.to_owned())));
    }
    let mut source = Vec::new();
    if let Some(url) = credential.url() {
        source.push(url.to_owned());
    }
    source.extend(credential.sources.iter().take(2).map(ToString::to_string));
    if let Some(verified) = credential.verified {
        use crate::catalog::freshness::{DEFAULT_MAX_AGE_MONTHS, age, is_stale};
        let stale = is_stale(verified, app.today, DEFAULT_MAX_AGE_MONTHS);
        source.push(format!(
            "verified {verified}, {}{}",
            age(verified, app.today),
            if stale {
                ": check before relying on it"
            } else {
                ""
            }
        ));
    }
    if !source.is_empty() {
        lines.push(Line::styled(source.join(" · "), theme.dim));
    }
    lines
}

fn labelled(theme: &Theme, label: &'static str, text: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.header),
        Span::raw(text),
    ])
}

/// What needs this credential, directly or through a skill it teaches.
fn unlocks(catalog: &Catalog, theme: &Theme, idx: CredentialIdx, lines: &mut Vec<Line<'static>>) {
    let direct: Vec<String> = catalog
        .dependents(idx)
        .filter(|(_, edge)| *edge != Edge::Recommends)
        .map(|(other, _)| catalog.credential(other).id.to_string())
        .collect();
    let mut via: Vec<String> = catalog
        .dependents_via_skills(idx)
        .map(|(other, _)| catalog.credential(other).id.to_string())
        .filter(|id| !direct.contains(id))
        .collect();
    via.sort();
    via.dedup();
    if direct.is_empty() && via.is_empty() {
        return;
    }
    let mut text = direct;
    text.extend(via.into_iter().map(|id| format!("{id} (through a skill)")));
    let shown = text.len().min(8);
    let more = text.len() - shown;
    let mut joined = text[..shown].join(", ");
    if more > 0 {
        let _ = write!(joined, " and {more} more");
    }
    lines.push(labelled(theme, "Unlocks", joined));
}

/// Other credentials teaching the same skills, cheapest first, with the differences.
fn alternatives(app: &App, theme: &Theme, idx: CredentialIdx, lines: &mut Vec<Line<'static>>) {
    let catalog = &*app.catalog;
    let credential = catalog.credential(idx);
    let mut overlap: std::collections::HashMap<CredentialIdx, usize> =
        std::collections::HashMap::new();
    // What it needs or what needs it is not an alternative to it.
    let related: Vec<CredentialIdx> = catalog
        .prerequisites(idx)
        .chain(catalog.dependents(idx))
        .map(|(other, _)| other)
        .collect();
    for &skill in &credential.skills {
        for &other in catalog.teachers(skill) {
            if other != idx && !catalog.credential(other).retired && !related.contains(&other) {
                *overlap.entry(other).or_insert(0) += 1;
            }
        }
    }
    let best = overlap.values().copied().max().unwrap_or(0);
    if best == 0 {
        return;
    }
    let mut found: Vec<CredentialIdx> = overlap
        .into_iter()
        .filter(|&(_, n)| n == best)
        .map(|(other, _)| other)
        .collect();
    found.sort_by_key(|&other| {
        let other_credential = catalog.credential(other);
        (
            (other_credential.unknown.cost, other_credential.cost),
            (other_credential.unknown.hours, other_credential.hours),
            other,
        )
    });
    let all = best == credential.skills.len();
    lines.push(Line::styled(
        if all {
            "Alternatives teaching the same skills".to_owned()
        } else {
            format!(
                "Alternatives teaching {best} of its {} skills",
                credential.skills.len()
            )
        },
        theme.header,
    ));
    for &other in found.iter().take(ALTERNATIVES) {
        let candidate = catalog.credential(other);
        let cost_known = !candidate.unknown.cost && !credential.unknown.cost;
        let cost = if cost_known {
            difference(
                candidate.cost,
                credential.cost,
                &catalog.currency,
                Amount::money,
            )
        } else {
            "cost unknown".to_owned()
        };
        let hours = if candidate.unknown.hours || credential.unknown.hours {
            "hours unknown".to_owned()
        } else {
            difference(candidate.hours, credential.hours, "h", |hours| {
                hours.to_string()
            })
        };
        let style = if cost_known && candidate.cost < credential.cost {
            theme.good
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  {}  ", candidate.id)),
            Span::styled(format!("{cost}, {hours}"), style),
        ]));
    }
    if found.len() > ALTERNATIVES {
        lines.push(Line::styled(
            format!("  and {} more", found.len() - ALTERNATIVES),
            theme.dim,
        ));
    }
}

fn difference(other: Amount, this: Amount, unit: &str, show: fn(Amount) -> String) -> String {
    match other.cmp(&this) {
        std::cmp::Ordering::Equal => format!("same {unit}"),
        std::cmp::Ordering::Less => format!("−{} {unit}", show(this - other)),
        std::cmp::Ordering::Greater => format!("+{} {unit}", show(other - this)),
    }
}

fn validity(
    app: &App,
    theme: &Theme,
    idx: CredentialIdx,
    step: Option<usize>,
    lines: &mut Vec<Line<'static>>,
) {
    let credential = app.catalog.credential(idx);
    let Some(months) = credential.valid_for_months else {
        lines.push(labelled(theme, "Validity", "does not expire".to_owned()));
        return;
    };
    let renews = step.and_then(|step| {
        app.derived
            .schedule
            .as_ref()
            .and_then(|schedule| schedule.steps.get(step))
            .and_then(|dates| dates.renews)
    });
    let text = match renews {
        Some(date) => {
            let style = if date <= app.today {
                theme.bad
            } else {
                Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled("Validity: ", theme.header),
                Span::raw(format!("{months} months; renew by ")),
                Span::styled(date.to_string(), style),
            ]));
            return;
        }
        None => format!("{months} months after it is earned"),
    };
    lines.push(labelled(theme, "Validity", text));
}

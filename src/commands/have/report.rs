//! What `upskill have import` prints: one row a badge (matched, ambiguous or unmatched, and
//! what to do about it), the limits of an offline import, and what was or would be written.

use std::io::{self, Write};
use std::path::Path;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::super::table::{aligned, text_of};
use crate::catalog::Catalog;
use crate::import::wallet::{self, Award, Match};
use crate::text::{plural, sanitize_line};

/// What the import did, for the report.
pub struct Outcome<'a> {
    pub plan: &'a str,
    /// What `plan` names: `plan`, or `person` for holdings added to a person's profile.
    pub whose: &'static str,
    pub files: usize,
    pub applied: bool,
    /// The credentials whose holding the badges add or change.
    pub changed: &'a [String],
    /// The plan's steps, by credential id: a badge for one is not held.
    pub steps: &'a [String],
    /// The plan file, when it was written.
    pub written: Option<&'a Path>,
    pub today: Date,
}

impl Outcome<'_> {
    fn against(&self) -> wallet::Against<'_> {
        wallet::Against {
            steps: self.steps,
            changed: self.changed,
            today: self.today,
        }
    }
}

/// The lines after the table: the counts, the limits of the import, and what was written.
fn notes(awards: &[Award], matches: &[Match], outcome: &Outcome) -> Vec<String> {
    let mut lines = wallet::summary(awards, matches, outcome.files);
    let plan = sanitize_line(outcome.plan);
    let whose = outcome.whose;
    let credentials = plural(outcome.changed.len(), "credential");
    lines.push(
        match (outcome.applied, outcome.changed.is_empty(), outcome.written) {
            (_, true, _) => {
                format!("nothing to add: {whose} `{plan}` holds every matched credential already")
            }
            (true, false, Some(path)) => format!(
                "added {credentials} to {whose} `{plan}` ({})",
                sanitize_line(&path.display().to_string())
            ),
            (true, false, None) => format!("{whose} `{plan}` was not written"),
            (false, false, _) => format!(
                "nothing written: run it again with --apply to add {credentials} to {whose} `{plan}`"
            ),
        },
    );
    lines
}

/// The table and the notes.
pub fn text(
    out: &mut impl Write,
    catalog: &Catalog,
    awards: &[Award],
    matches: &[Match],
    outcome: &Outcome,
) -> io::Result<()> {
    let rows: Vec<Vec<String>> = wallet::rows(catalog, awards, matches, outcome.against())
        .into_iter()
        .map(|row| {
            vec![
                row.result.to_owned(),
                row.badge,
                row.issuer,
                row.earned,
                row.expires,
                row.catalog,
            ]
        })
        .collect();
    let header = ["RESULT", "BADGE", "ISSUER", "EARNED", "EXPIRES", "CATALOG"];
    out.write_all(text_of(&aligned(&header, &rows, &[])).as_bytes())?;
    for line in notes(awards, matches, outcome) {
        writeln!(out, "{}", sanitize_line(&line))?;
    }
    Ok(())
}

/// One JSON object: the plan, each badge and its match, the notes and what was written.
pub fn json(
    out: &mut impl Write,
    catalog: &Catalog,
    awards: &[Award],
    matches: &[Match],
    outcome: &Outcome,
) -> io::Result<()> {
    let badges: Vec<Value> = awards
        .iter()
        .zip(matches)
        .map(|(award, found)| {
            let mut entry = json!({
                "source": award.source,
                "standard": award.standard.label(),
                "badge": award.title,
                "achievement": award.achievement,
                "issuer": award.issuer_label(),
                "earned": award.earned.map(|d| d.to_string()),
                "expires": award.expires.map(|d| d.to_string()),
                "expired": award.expires.is_some_and(|d| d <= outcome.today),
                "hashed_recipient": award.hashed_recipient,
                "result": wallet::verdict(found),
            });
            let extra = match found {
                Match::Matched { credential, rule } => json!({
                    "id": catalog.credential(*credential).id,
                    "rule": rule.label(),
                }),
                Match::Ambiguous { candidates, rule } => json!({
                    "candidates": wallet::ids(catalog, candidates),
                    "rule": rule.label(),
                }),
                Match::Unmatched => json!({ "same_as": award.same_as_hint() }),
            };
            if let (Value::Object(entry), Value::Object(extra)) = (&mut entry, extra) {
                entry.extend(extra);
            }
            entry
        })
        .collect();
    let object = json!({
        outcome.whose: outcome.plan,
        "applied": outcome.applied && outcome.written.is_some(),
        "changed": outcome.changed,
        "badges": badges,
        "notes": notes(awards, matches, outcome),
    });
    let mut text = serde_json::to_string_pretty(&object).expect("JSON values always serialize");
    text.push('\n');
    out.write_all(text.as_bytes())
}

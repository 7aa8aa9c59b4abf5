//! What `upskill have import` prints: one row a badge (matched, ambiguous or unmatched, and
//! what to do about it), the limits of an offline import, and what was or would be written.

use std::io::{self, Write};
use std::path::Path;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::super::table::{aligned, text_of};
use crate::catalog::{Catalog, CredentialIdx};
use crate::import::wallet::{Award, Match};
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

/// The note every import ends with: nothing was checked against the issuer.
const OFFLINE: &str = "signatures are not verified and nothing is fetched (upskill never goes on the network): each badge counts as its file says";

fn result(found: &Match) -> &'static str {
    match found {
        Match::Matched { .. } => "matched",
        Match::Ambiguous { .. } => "ambiguous",
        Match::Unmatched => "unmatched",
    }
}

fn ids(catalog: &Catalog, candidates: &[CredentialIdx]) -> Vec<String> {
    candidates
        .iter()
        .map(|&idx| catalog.credential(idx).id.clone())
        .collect()
}

/// What the row says to do, or what the badge became.
fn action(catalog: &Catalog, award: &Award, found: &Match, outcome: &Outcome) -> String {
    match found {
        Match::Matched { credential, rule } => {
            let id = &catalog.credential(*credential).id;
            let by = rule.label();
            if let Some(step) = outcome.steps.iter().position(|step| step == id) {
                return format!(
                    "-> {id} (by {by}), step {} of the plan: mark it done there instead",
                    step + 1
                );
            }
            let held = if outcome.changed.contains(id) {
                ""
            } else {
                ", held already"
            };
            format!("-> {id} (by {by}{held})")
        }
        Match::Ambiguous { candidates, rule } => format!(
            "one of {} (by {}): add the badge's id to the right one's `same_as`",
            ids(catalog, candidates).join(", "),
            rule.label()
        ),
        Match::Unmatched => match award.same_as_hint() {
            Some(id) => format!("add `same_as: [{id}]` to the credential in your catalog"),
            None => "no id to match by: give the credential the badge's title, under the issuer's provider".to_owned(),
        },
    }
}

fn expiry(award: &Award, today: Date) -> String {
    match award.expires {
        Some(date) if date <= today => format!("{date} (expired)"),
        Some(date) => date.to_string(),
        None => "-".to_owned(),
    }
}

fn badge(award: &Award) -> String {
    award
        .title
        .clone()
        .or_else(|| award.achievement.clone())
        .unwrap_or_else(|| "(no name)".to_owned())
}

/// The lines after the table: the counts, the limits of the import, and what was written.
fn notes(awards: &[Award], matches: &[Match], outcome: &Outcome) -> Vec<String> {
    let count = |wanted: &str| matches.iter().filter(|m| result(m) == wanted).count();
    let mut lines = vec![format!(
        "{} from {}: {} matched, {} ambiguous, {} unmatched",
        plural(awards.len(), "badge"),
        plural(outcome.files, "file"),
        count("matched"),
        count("ambiguous"),
        count("unmatched"),
    )];
    lines.push(format!("note: {OFFLINE}"));
    let hashed = awards.iter().filter(|a| a.hashed_recipient).count();
    if hashed > 0 {
        lines.push(format!(
            "note: {} the recipient by a salted hash, which cannot be checked offline: make sure they were issued to this learner",
            if hashed == 1 {
                "1 badge names".to_owned()
            } else {
                format!("{hashed} badges name")
            }
        ));
    }
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
    let rows: Vec<Vec<String>> = awards
        .iter()
        .zip(matches)
        .map(|(award, found)| {
            vec![
                result(found).to_owned(),
                badge(award),
                award.issuer_label().unwrap_or("-").to_owned(),
                award
                    .earned
                    .map_or_else(|| "-".to_owned(), |d| d.to_string()),
                expiry(award, outcome.today),
                action(catalog, award, found, outcome),
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
                "result": result(found),
            });
            let extra = match found {
                Match::Matched { credential, rule } => json!({
                    "id": catalog.credential(*credential).id,
                    "rule": rule.label(),
                }),
                Match::Ambiguous { candidates, rule } => json!({
                    "candidates": ids(catalog, candidates),
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

//! What a wallet's import shows and does, the same for `upskill have import` and the app's
//! import dialog: one row a badge (matched, ambiguous or unmatched, and what to do about it),
//! the notes every import ends with, and the holdings the matched badges add to a plan.

use jiff::civil::Date;

use super::{Award, Match};
use crate::catalog::{Catalog, CredentialIdx};
use crate::plan::{Holding, Plan};
use crate::text::plural;

/// The note every import ends with: nothing was checked against the issuer.
pub const OFFLINE: &str = "signatures are not verified and nothing is fetched (upskill never goes on the network): each badge counts as its file says";

/// What became of a badge, as a row's first column says it.
pub fn verdict(found: &Match) -> &'static str {
    match found {
        Match::Matched { .. } => "matched",
        Match::Ambiguous { .. } => "ambiguous",
        Match::Unmatched => "unmatched",
    }
}

/// The catalog ids of `candidates`.
pub fn ids(catalog: &Catalog, candidates: &[CredentialIdx]) -> Vec<String> {
    candidates
        .iter()
        .map(|&idx| catalog.credential(idx).id.to_string())
        .collect()
}

/// What a plan makes of the badges: its steps, and the credentials the import adds or
/// changes.
#[derive(Debug, Clone, Copy)]
pub struct Against<'a> {
    /// The plan's steps, by credential id: a badge for one is not held.
    pub steps: &'a [String],
    /// The credentials whose holding the badges add or change.
    pub changed: &'a [String],
    pub today: Date,
}

/// One badge's row, every text the issuer's own (sanitize before showing it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `matched`, `ambiguous` or `unmatched`.
    pub result: &'static str,
    pub badge: String,
    pub issuer: String,
    pub earned: String,
    /// The expiry date, `(expired)` after it when it is past; `-` for none.
    pub expires: String,
    pub expired: bool,
    /// Matched to a credential the plan holds already with these dates: nothing to do.
    pub held: bool,
    /// What the badge became, or what to do about it.
    pub catalog: String,
}

/// The rows of the badges, in the order read.
pub fn rows(catalog: &Catalog, awards: &[Award], matches: &[Match], against: Against) -> Vec<Row> {
    awards
        .iter()
        .zip(matches)
        .map(|(award, found)| {
            let (catalog_text, held) = action(catalog, award, found, against);
            let expired = award.expires.is_some_and(|date| date <= against.today);
            Row {
                result: verdict(found),
                badge: badge(award),
                issuer: award.issuer_label().unwrap_or("-").to_owned(),
                earned: award
                    .earned
                    .map_or_else(|| "-".to_owned(), |d| d.to_string()),
                expires: match award.expires {
                    Some(date) if expired => format!("{date} (expired)"),
                    Some(date) => date.to_string(),
                    None => "-".to_owned(),
                },
                expired,
                held,
                catalog: catalog_text,
            }
        })
        .collect()
}

/// What the row says to do, or what the badge became; and whether it is held already.
fn action(catalog: &Catalog, award: &Award, found: &Match, against: Against) -> (String, bool) {
    match found {
        Match::Matched { credential, rule } => {
            let id = &*catalog.credential(*credential).id;
            let by = rule.label();
            if let Some(step) = against.steps.iter().position(|step| step == id) {
                return (
                    format!(
                        "-> {id} (by {by}), step {} of the plan: mark it done there instead",
                        step + 1
                    ),
                    false,
                );
            }
            if against.changed.iter().any(|changed| changed == id) {
                (format!("-> {id} (by {by})"), false)
            } else {
                (format!("-> {id} (by {by}, held already)"), true)
            }
        }
        Match::Ambiguous { candidates, rule } => (
            format!(
                "one of {} (by {}): add the badge's id to the right one's `same_as`",
                ids(catalog, candidates).join(", "),
                rule.label()
            ),
            false,
        ),
        Match::Unmatched => (
            match award.same_as_hint() {
                Some(id) => format!("add `same_as: [{id}]` to the credential in your catalog"),
                None => "no id to match by: give the credential the badge's title, under the issuer's provider".to_owned(),
            },
            false,
        ),
    }
}

fn badge(award: &Award) -> String {
    award
        .title
        .clone()
        .or_else(|| award.achievement.clone())
        .unwrap_or_else(|| "(no name)".to_owned())
}

/// `7 badges from 7 files: 5 matched, 1 ambiguous, 1 unmatched`, the offline note, and the
/// note on recipients named by a hash when any is.
pub fn summary(awards: &[Award], matches: &[Match], files: usize) -> Vec<String> {
    let count = |wanted: &str| matches.iter().filter(|m| verdict(m) == wanted).count();
    let mut lines = vec![format!(
        "{} from {}: {} matched, {} ambiguous, {} unmatched",
        plural(awards.len(), "badge"),
        plural(files, "file"),
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
    lines
}

/// The credentials the matched badges are, with the dates the badges give.
pub fn holdings(catalog: &Catalog, awards: &[Award], matches: &[Match]) -> Vec<Holding> {
    awards
        .iter()
        .zip(matches)
        .filter_map(|(award, found)| match found {
            Match::Matched { credential, .. } => Some(Holding {
                id: catalog.credential(*credential).id.to_string(),
                earned: award.earned,
                expires: award.expires,
            }),
            _ => None,
        })
        .collect()
}

/// Adds `holdings` to what `plan` holds (its person's holdings, for a person's plan), leaving
/// out the credentials that are steps of the plan: a step earned is marked done, not held.
/// Gives the ids added or given new dates; empty when the plan held them all already.
pub fn hold(plan: &mut Plan, holdings: &[Holding]) -> Vec<String> {
    let kept: Vec<Holding> = holdings
        .iter()
        .filter(|holding| plan.position(&holding.id).is_none())
        .cloned()
        .collect();
    plan.have.add_holdings(&kept)
}

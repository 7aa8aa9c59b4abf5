//! Credentials a learner has that expire (SPEC §2: a credential renews `valid_for_months`
//! after its completion). A done step's credential expires that long after its completion
//! date, a held credential (`have`) that long after the date it was earned, or on the date
//! its issuer gave; one without a date has an unknown expiry, said to be, never guessed.

use jiff::Span;
use jiff::civil::Date;

use crate::catalog::{Catalog, CredentialIdx};

use super::holdings::held_expiry;
use super::schedule::expiry;
use super::{Plan, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewal {
    pub credential: CredentialIdx,
    pub basis: Basis,
    /// When it expires; `None` when the plan does not say when it was earned.
    pub expires: Option<Date>,
}

/// Why the learner has the credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A done step (0-based), with its completion date when the plan gives one.
    Done {
        step: usize,
        completed: Option<Date>,
    },
    /// Listed in the plan's `have`.
    Held,
}

/// Every credential the plan holds or has done that expires: known expiry dates first,
/// soonest first, then those whose expiry is unknown, in plan order.
pub fn renewals(catalog: &Catalog, plan: &Plan) -> Vec<Renewal> {
    let expiring = |id: &str| {
        let idx = catalog.find_credential(id)?;
        let months = catalog.credential(idx).valid_for_months?;
        Some((idx, months))
    };
    let done = plan
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| step.status == Status::Done)
        .filter_map(|(i, step)| {
            let (credential, months) = expiring(&step.id)?;
            Some(Renewal {
                credential,
                basis: Basis::Done {
                    step: i,
                    completed: step.completed,
                },
                expires: step.completed.and_then(|date| expiry(date, months)),
            })
        });
    // A held credential whose issuer gave its expiry expires then, whatever the catalog says.
    let held = plan.have.credentials.iter().filter_map(|id| {
        let credential = match expiring(id) {
            Some((credential, _)) => credential,
            None if plan.have.expires.contains_key(id) => catalog.find_credential(id)?,
            None => return None,
        };
        Some(Renewal {
            credential,
            basis: Basis::Held,
            expires: held_expiry(catalog, &plan.have, id),
        })
    });
    let mut found: Vec<Renewal> = done.chain(held).collect();
    // Stable, so unknown expiries keep plan order; `None` sorts after every date.
    found.sort_by_key(|renewal| (renewal.expires.is_none(), renewal.expires));
    found
}

/// Whether a renewal is due within `months` of `today`: already expired, or expiring on or
/// before that day. An unknown expiry is never due.
pub fn due_within(renewal: &Renewal, today: Date, months: u32) -> bool {
    let until = horizon(today, months);
    renewal.expires.is_some_and(|date| date <= until)
}

/// The last day `months` months from `today`.
pub fn horizon(today: Date, months: u32) -> Date {
    today
        .checked_add(Span::new().months(i64::from(months)))
        .unwrap_or(Date::MAX)
}

/// The sentences of a credential's description that say how it renews or how long it is
/// valid (catalogs state renewal rules in words there), or `None` when none does.
pub fn rule_in(description: &str) -> Option<String> {
    let sentences: Vec<&str> = sentences(description)
        .into_iter()
        .filter(|sentence| is_about_renewal(sentence))
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// Text cut after each `.`, `!` or `?` that a blank follows, except in "e.g." and "i.e.".
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_some_and(|(_, next)| next.is_whitespace())
            && !text[..at].to_lowercase().ends_with("e.g")
            && !text[..at].to_lowercase().ends_with("i.e");
        if ends {
            out.push(text[start..=at].trim());
            start = at + 1;
        }
    }
    out.push(text[start..].trim());
    out.retain(|sentence| !sentence.is_empty());
    out
}

/// Whether a sentence speaks of renewing, recertifying, expiry, validity or the credits
/// that keep a certification current.
fn is_about_renewal(sentence: &str) -> bool {
    const WHOLE: [&str; 12] = [
        "valid",
        "validity",
        "lifetime",
        "ceu",
        "ceus",
        "cpe",
        "cpes",
        "pdu",
        "pdus",
        "retake",
        "retakes",
        "recertify",
    ];
    const STARTS: [&str; 3] = ["renew", "recertif", "expir"];
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words
        .iter()
        .any(|word| WHOLE.contains(word) || STARTS.iter().any(|start| word.starts_with(start)))
        || lower.contains("continuing education")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_renewal_rule_is_the_sentences_about_renewing() {
        let aws = "Foundational proctored exam: 65 questions in 90 min, pass 700/1000. \
                   Valid 3 years; renew by passing the latest version (50% voucher). \
                   Hours estimated: midpoint of ~20-40 h.";
        assert_eq!(
            super::rule_in(aws).as_deref(),
            Some("Valid 3 years; renew by passing the latest version (50% voucher).")
        );
        assert_eq!(super::rule_in("A course on Linux. Hours estimated."), None);
        // Whole words: a course that validates input or covers maintenance is no rule.
        assert_eq!(
            super::rule_in("Validates input, e.g. forms. Covers database maintenance."),
            None
        );
        assert_eq!(
            super::rule_in("Security exam.\nEarn 120 CPEs every 3 years! Or retake it?"),
            Some("Earn 120 CPEs every 3 years! Or retake it?".to_owned())
        );
        assert_eq!(
            super::rule_in("Does not expire, e.g. no fee. Lifetime."),
            Some("Does not expire, e.g. no fee. Lifetime.".to_owned())
        );
    }

    use super::*;
    use crate::plan::Step;
    use crate::plan::fixture::{NETWORK, catalog, idx};

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn done(id: &str, completed: Option<&str>) -> Step {
        Step {
            status: Status::Done,
            completed: completed.map(date),
            ..Step::planned(id)
        }
    }

    #[test]
    fn a_done_step_expires_its_validity_after_completion_and_held_ones_are_unknown() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", date("2027-01-04"));
        plan.have.credentials = vec!["t/help-desk".into(), "t/linux".into()];
        plan.steps = vec![
            done("t/linux", Some("2027-01-10")),
            done("t/help-desk", Some("2027-02-28")),
            Step::planned("t/ccna"),
        ];
        let found = renewals(&catalog, &plan);
        assert_eq!(
            found,
            [
                Renewal {
                    credential: idx(&catalog, "t/help-desk"),
                    basis: Basis::Done {
                        step: 1,
                        completed: Some(date("2027-02-28"))
                    },
                    expires: Some(date("2029-02-28")),
                },
                Renewal {
                    credential: idx(&catalog, "t/help-desk"),
                    basis: Basis::Held,
                    expires: None,
                },
            ]
        );
    }

    #[test]
    fn a_held_credential_with_its_earned_date_renews_from_then_and_counts_until_it_expires() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", date("2027-01-04"));
        plan.have.credentials = vec!["t/help-desk".into()];
        plan.have
            .earned
            .insert("t/help-desk".into(), date("2025-03-01"));
        let found = renewals(&catalog, &plan);
        assert_eq!(found[0].expires, Some(date("2027-03-01")));
        let help_desk = idx(&catalog, "t/help-desk");
        assert!(crate::plan::Holdings::of_plan(&catalog, &plan).has_credential(help_desk));
        // A plan starting after it expired does not count it, and check says so.
        plan.start = date("2027-03-01");
        assert!(!crate::plan::Holdings::of_plan(&catalog, &plan).has_credential(help_desk));
        let problems: Vec<String> = crate::plan::check(&catalog, &plan)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems[0].starts_with(
                "held credential `t/help-desk` expired on 2027-03-01, so it no longer counts"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn a_held_credential_expires_on_the_date_its_issuer_gave_even_when_the_catalog_gives_none() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", date("2027-01-04"));
        plan.have.credentials = vec!["t/linux".into(), "t/help-desk".into()];
        plan.have
            .expires
            .insert("t/linux".into(), date("2026-06-30"));
        plan.have
            .expires
            .insert("t/help-desk".into(), date("2028-01-01"));
        let found = renewals(&catalog, &plan);
        let expiries: Vec<(CredentialIdx, Option<Date>)> =
            found.iter().map(|r| (r.credential, r.expires)).collect();
        assert_eq!(
            expiries,
            vec![
                (idx(&catalog, "t/linux"), Some(date("2026-06-30"))),
                (idx(&catalog, "t/help-desk"), Some(date("2028-01-01"))),
            ]
        );
    }

    #[test]
    fn due_means_expired_or_expiring_within_the_months() {
        let renewal = |expires: Option<&str>| Renewal {
            credential: CredentialIdx(0),
            basis: Basis::Held,
            expires: expires.map(date),
        };
        let today = date("2027-01-15");
        assert!(due_within(&renewal(Some("2026-12-01")), today, 6));
        assert!(due_within(&renewal(Some("2027-07-15")), today, 6));
        assert!(!due_within(&renewal(Some("2027-07-16")), today, 6));
        assert!(!due_within(&renewal(None), today, 600));
    }
}

//! The renewals a plan implies, for the renderers that list them.

use jiff::civil::Date;

use super::Report;

/// A credential of the plan that expires: a step's (its renewal date counted from its
/// completion, or from its scheduled end while not done) or a held one's (counted from the
/// day it was earned, when the plan says).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalLine<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `None` for a held credential whose earned date the plan does not give.
    pub by: Option<Date>,
    pub valid_for_months: u32,
    /// What the catalog's description says about renewing.
    pub rule: Option<String>,
}

impl Report {
    /// Every renewal the plan implies, steps first in plan order, then held credentials.
    pub fn renewals(&self) -> Vec<RenewalLine<'_>> {
        let steps = self.steps.iter().filter_map(|step| {
            let credential = step.credential.as_ref()?;
            Some(RenewalLine {
                id: &step.id,
                title: &credential.title,
                by: Some(step.renews?),
                valid_for_months: credential.valid_for_months?,
                rule: credential
                    .description
                    .as_deref()
                    .and_then(crate::plan::renewal_rule),
            })
        });
        let held = self.held.iter().filter_map(|held| {
            Some(RenewalLine {
                id: &held.id,
                title: held.title.as_deref().unwrap_or(&held.id),
                by: held.expires,
                valid_for_months: held.valid_for_months?,
                rule: None,
            })
        });
        steps.chain(held).collect()
    }
}

//! A report's totals in words, "at least" wherever a step of unknown cost or hours is left
//! out of the sum, and a step's hours and cost as cells (`unknown`, never 0), for every
//! renderer that writes them.

use super::{CredentialView, Report};
use crate::plan::{at_least, not_before};

impl Report {
    /// The finish date; `not before ...` when steps left are of unknown hours, which the
    /// schedule counts as no time.
    pub fn finish_words(&self) -> String {
        not_before(&self.finish.to_string(), self.unknown.remaining_hours)
    }

    /// `120 hours, 499 USD`; a sum leaving out steps of unknown hours or cost reads `at least
    /// 120 hours (1 step of unknown hours)`. `currency` as the renderer escapes it.
    pub fn total_words(&self, currency: &str) -> String {
        format!(
            "{}, {}",
            at_least(
                &format!("{} hours", self.total_hours),
                self.unknown.hours,
                "hours"
            ),
            at_least(
                &format!("{} {currency}", self.total_cost.money()),
                self.unknown.cost,
                "cost"
            )
        )
    }

    /// [`Report::total_words`] for the steps not done yet.
    pub fn remaining_words(&self, currency: &str) -> String {
        format!(
            "{}, {}",
            at_least(
                &format!("{} hours", self.remaining_hours),
                self.unknown.remaining_hours,
                "hours"
            ),
            at_least(
                &format!("{} {currency}", self.remaining_cost.money()),
                self.unknown.remaining_cost,
                "cost"
            )
        )
    }
}

impl CredentialView {
    /// The hours as a table's cell shows them: `unknown` when the catalogs give none.
    pub fn hours_cell(&self) -> String {
        if self.unknown.hours {
            "unknown".to_owned()
        } else {
            self.hours.to_string()
        }
    }

    /// The cost as a table's cell shows it: `unknown` when the catalogs give none.
    pub fn cost_cell(&self) -> String {
        if self.unknown.cost {
            "unknown".to_owned()
        } else {
            self.cost.money()
        }
    }
}

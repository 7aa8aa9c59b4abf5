//! A report's totals in words, "at least" wherever a step of unknown cost or hours is left
//! out of the sum, for every renderer that writes them.

use super::Report;
use crate::plan::at_least;

impl Report {
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

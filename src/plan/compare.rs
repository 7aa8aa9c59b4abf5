//! Two saved plans side by side (`upskill compare A B`, and the app's comparison): the
//! steps only in one, the steps in both, and each plan's totals, finish date, requirements
//! met and where it stands.

use jiff::civil::Date;

use super::{Plan, Standing, Totals, coverage, schedule, totals};
use crate::catalog::Catalog;

/// The rows of the side-by-side table.
const LABELS: [&str; 9] = [
    "plan",
    "role",
    "steps",
    "cost",
    "cost left",
    "hours",
    "finish",
    "requirements met",
    "status",
];

/// One plan's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub name: String,
    pub role: Option<String>,
    pub totals: Totals,
    /// The scheduled end of the last step not done; `None` when none is left.
    pub finish: Option<Date>,
    /// Requirements of its role met, of how many; `None` without a role the catalogs have.
    pub met: Option<(usize, usize)>,
    pub standing: Standing,
}

impl Side {
    fn of(catalog: &Catalog, plan: &Plan, today: Date) -> Side {
        let schedule = schedule(catalog, plan);
        let totals = totals(catalog, plan);
        Side {
            name: plan.name.clone(),
            role: plan.role.clone(),
            finish: (totals.done < totals.steps).then_some(schedule.finish),
            met: coverage(catalog, plan).map(|coverage| (coverage.met, coverage.met_by.len())),
            standing: Standing::of(plan, &schedule, &totals, today),
            totals,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanComparison {
    pub a: Side,
    pub b: Side,
    /// Step ids only in the first plan, only in the second, and in both, each in its plan's
    /// order.
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
    pub shared: Vec<String>,
}

/// Plans `a` and `b` side by side on `today`.
pub fn compare_plans(catalog: &Catalog, a: &Plan, b: &Plan, today: Date) -> PlanComparison {
    let ids = |plan: &Plan| -> Vec<String> { plan.steps.iter().map(|s| s.id.clone()).collect() };
    let (in_a, in_b) = (ids(a), ids(b));
    PlanComparison {
        only_a: in_a
            .iter()
            .filter(|id| !in_b.contains(id))
            .cloned()
            .collect(),
        only_b: in_b
            .iter()
            .filter(|id| !in_a.contains(id))
            .cloned()
            .collect(),
        shared: in_a
            .iter()
            .filter(|id| in_b.contains(id))
            .cloned()
            .collect(),
        a: Side::of(catalog, a, today),
        b: Side::of(catalog, b, today),
    }
}

impl PlanComparison {
    /// The comparison as lines of text: a table of the two sides, then the steps. Titles
    /// come from the catalogs (already sanitized when read); ids the catalogs lack are
    /// shown as written, sanitized here.
    pub fn lines(&self, catalog: &Catalog) -> Vec<String> {
        let (a, b) = (&self.a, &self.b);
        let currency = &catalog.currency;
        let cell = |side: &Side, row: usize| -> String {
            match row {
                0 => crate::text::sanitize_line(&side.name).into_owned(),
                1 => side.role.as_deref().map_or_else(
                    || "-".to_owned(),
                    |r| crate::text::sanitize_line(r).into_owned(),
                ),
                2 => format!("{} ({} done)", side.totals.steps, side.totals.done),
                3 => super::at_least_short(
                    &format!("{} {currency}", side.totals.cost.money()),
                    side.totals.unknown.cost,
                ),
                4 => super::at_least_short(
                    &format!("{} {currency}", side.totals.remaining_cost.money()),
                    side.totals.unknown.remaining_cost,
                ),
                5 => super::at_least_short(
                    &format!("{} h", side.totals.hours),
                    side.totals.unknown.hours,
                ),
                6 => side.finish.map_or_else(
                    || "-".to_owned(),
                    |d| {
                        super::not_before_short(&d.to_string(), side.totals.unknown.remaining_hours)
                    },
                ),
                7 => side
                    .met
                    .map_or_else(|| "-".to_owned(), |(met, of)| format!("{met} of {of}")),
                _ => side.standing.describe(),
            }
        };
        let width = |side: &Side| (0..9).map(|row| crate::text::width(&cell(side, row))).max();
        let wide = width(a).unwrap_or(0);
        let mut lines: Vec<String> = (0..9)
            .map(|row| {
                let first = cell(a, row);
                let pad = " ".repeat(wide.saturating_sub(crate::text::width(&first)));
                format!("{:<17} {first}{pad}  {}", LABELS[row], cell(b, row))
                    .trim_end()
                    .to_owned()
            })
            .collect();
        let title = |id: &String| match catalog.find_credential(id) {
            Some(idx) => format!("{id} ({})", catalog.credential(idx).title),
            None => format!("{} (not in the catalogs)", crate::text::sanitize_line(id)),
        };
        let mut list = |heading: String, ids: &[String]| {
            lines.push(String::new());
            if ids.is_empty() {
                lines.push(format!("{heading}: none"));
            } else {
                lines.push(format!("{heading}:"));
                lines.extend(ids.iter().map(|id| format!("- {}", title(id))));
            }
        };
        let name = |side: &Side| crate::text::sanitize_line(&side.name).into_owned();
        list(format!("Only in {}", name(a)), &self.only_a);
        list(format!("Only in {}", name(b)), &self.only_b);
        list("In both".to_owned(), &self.shared);
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Step;
    use crate::plan::fixture::{NETWORK, catalog};

    #[test]
    fn steps_only_in_one_plan_and_in_both_are_told_apart() {
        let catalog = catalog(NETWORK);
        let today = "2027-01-04".parse().expect("a date");
        let mut a = Plan::new("alex", today);
        a.role = Some("netadmin".into());
        a.steps = ["t/help-desk", "t/linux"]
            .into_iter()
            .map(Step::planned)
            .collect();
        let mut b = Plan::new("alex-ccna", today);
        b.steps = ["t/linux", "t/ccna", "t/gone"]
            .into_iter()
            .map(Step::planned)
            .collect();
        let compared = compare_plans(&catalog, &a, &b, today);
        assert_eq!(compared.only_a, ["t/help-desk"]);
        assert_eq!(compared.only_b, ["t/ccna", "t/gone"]);
        assert_eq!(compared.shared, ["t/linux"]);
        assert_eq!(
            compared.a.met,
            Some((1, 2)),
            "linux of networking and linux"
        );
        assert_eq!(compared.b.met, None, "no role");
        let lines = compared.lines(&catalog);
        assert!(
            lines[0].contains("alex") && lines[0].contains("alex-ccna"),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|line| line == "- t/gone (not in the catalogs)")
        );
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with("cost ") && line.contains("50 "))
        );
    }
}

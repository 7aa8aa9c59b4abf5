//! The clients list: one row a person, with their plans, each plan's role, progress, cost
//! left, finish date and where it stands. `upskill people` prints it and the app's clients
//! view shows it; both sort it the same ways.

use jiff::civil::Date;

use super::{Plan, Standing, schedule, totals};
use crate::catalog::{Amount, Catalog};

/// One plan, as the clients list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub name: String,
    pub role: Option<String>,
    pub done: usize,
    pub total: usize,
    pub cost_left: Amount,
    /// Steps left of unknown cost, which `cost_left` counts as 0.
    pub cost_left_unknown: usize,
    /// Steps left of unknown hours, which the schedule counts as no time: then `finish` is
    /// the earliest the plan can end.
    pub hours_left_unknown: usize,
    /// The scheduled end of the last step not done; `None` when none is left.
    pub finish: Option<Date>,
    pub finish_by: Option<Date>,
    pub standing: Standing,
}

impl PlanRow {
    pub fn of(catalog: &Catalog, plan: &Plan, today: Date) -> PlanRow {
        let schedule = schedule(catalog, plan);
        let totals = totals(catalog, plan);
        PlanRow {
            name: plan.name.clone(),
            role: plan.role.clone(),
            done: totals.done,
            total: totals.steps,
            cost_left: totals.remaining_cost,
            cost_left_unknown: totals.unknown.remaining_cost,
            hours_left_unknown: totals.unknown.remaining_hours,
            finish: (totals.done < totals.steps).then_some(schedule.finish),
            finish_by: plan.finish_by,
            standing: Standing::of(plan, &schedule, &totals, today),
        }
    }
}

/// A person and their plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub name: String,
    pub plans: Vec<PlanRow>,
    /// Plans of theirs whose files cannot be read: the name and why.
    pub unreadable: Vec<(String, String)>,
}

impl PersonRow {
    /// Their plan needing the most attention: the most days behind, then over budget.
    pub fn worst(&self) -> Option<&PlanRow> {
        self.plans.iter().max_by_key(|plan| plan.standing.urgency())
    }

    pub fn cost_left(&self) -> Amount {
        self.plans.iter().map(|plan| plan.cost_left).sum()
    }

    /// Steps left of unknown cost in all their plans, which [`PersonRow::cost_left`] counts
    /// as 0.
    pub fn cost_left_unknown(&self) -> usize {
        self.plans.iter().map(|plan| plan.cost_left_unknown).sum()
    }

    /// Steps left of unknown hours in all their plans: [`PersonRow::finish`] is then the
    /// earliest.
    pub fn hours_left_unknown(&self) -> usize {
        self.plans.iter().map(|plan| plan.hours_left_unknown).sum()
    }

    /// The latest finish of their plans with steps left.
    pub fn finish(&self) -> Option<Date> {
        self.plans.iter().filter_map(|plan| plan.finish).max()
    }

    /// `on track`, or the worst plan's standing.
    pub fn describe(&self) -> String {
        if !self.unreadable.is_empty() && self.plans.is_empty() {
            return "unreadable".to_owned();
        }
        self.worst()
            .map_or_else(|| "no plans".to_owned(), |plan| plan.standing.describe())
    }

    pub fn needs_attention(&self) -> bool {
        self.plans
            .iter()
            .any(|plan| plan.standing.needs_attention())
    }
}

/// How the clients list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By name.
    #[default]
    Name,
    /// The people needing the most attention first.
    Status,
    /// The soonest finish first.
    Finish,
    /// The most cost left first.
    CostLeft,
}

impl SortBy {
    /// The next way to sort, for a key that cycles through them.
    #[must_use]
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Name => SortBy::Status,
            SortBy::Status => SortBy::Finish,
            SortBy::Finish => SortBy::CostLeft,
            SortBy::CostLeft => SortBy::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Status => "status",
            SortBy::Finish => "finish",
            SortBy::CostLeft => "cost left",
        }
    }
}

/// Sorts the people `by`, ties by name.
pub fn sort_people(people: &mut [PersonRow], by: SortBy) {
    people.sort_by(|a, b| {
        let first = match by {
            SortBy::Name => std::cmp::Ordering::Equal,
            SortBy::Status => {
                let urgency = |row: &PersonRow| row.worst().map(|plan| plan.standing.urgency());
                urgency(b).cmp(&urgency(a))
            }
            // No finish (nothing left) last.
            SortBy::Finish => match (a.finish(), b.finish()) {
                (Some(x), Some(y)) => x.cmp(&y),
                (x, y) => y.is_some().cmp(&x.is_some()).reverse(),
            },
            SortBy::CostLeft => b.cost_left().cmp(&a.cost_left()),
        };
        first.then_with(|| a.name.cmp(&b.name))
    });
}

/// The people of `plans`, each plan under its person (a plan of no person under its own
/// name), with the people in `names` who have no plan yet; sorted by name.
pub fn people(catalog: &Catalog, plans: &[Plan], names: &[String], today: Date) -> Vec<PersonRow> {
    let mut rows: Vec<PersonRow> = Vec::new();
    let row_of = |name: &str, rows: &mut Vec<PersonRow>| -> usize {
        if let Some(at) = rows.iter().position(|row| row.name == name) {
            return at;
        }
        rows.push(PersonRow {
            name: name.to_owned(),
            plans: Vec::new(),
            unreadable: Vec::new(),
        });
        rows.len() - 1
    };
    for name in names {
        row_of(name, &mut rows);
    }
    for plan in plans {
        let person = plan
            .person
            .as_ref()
            .map_or(plan.name.as_str(), |person| person.name.as_str());
        let at = row_of(person, &mut rows);
        rows[at].plans.push(PlanRow::of(catalog, plan, today));
    }
    sort_people(&mut rows, SortBy::Name);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fixture::{NETWORK, catalog};
    use crate::plan::{Person, Step};

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn plan(name: &str, person: &str, start: &str) -> Plan {
        let mut plan = Plan::new(name, date(start));
        plan.person = Some(Person::named(person));
        plan.steps = vec![Step::planned("t/help-desk"), Step::planned("t/linux")];
        plan
    }

    #[test]
    fn each_plan_is_listed_under_its_person() {
        let catalog = catalog(NETWORK);
        let plans = [
            plan("sam", "sam", "2027-01-04"),
            plan("alex", "alex", "2027-01-04"),
            plan("alex-2028", "alex", "2028-01-03"),
        ];
        let rows = people(&catalog, &plans, &["kim".to_owned()], date("2027-01-05"));
        let names: Vec<&str> = rows.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["alex", "kim", "sam"]);
        assert_eq!(rows[0].plans.len(), 2);
        assert_eq!(rows[1].describe(), "no plans");
        // Help desk (50) and Linux (free) in each of two plans.
        assert_eq!(rows[0].cost_left(), Amount(10_000));
    }

    #[test]
    fn sorting_by_status_puts_the_people_behind_first() {
        let catalog = catalog(NETWORK);
        // Alex started a year earlier and has done nothing: behind.
        let plans = [
            plan("sam", "sam", "2027-06-01"),
            plan("alex", "alex", "2026-01-05"),
        ];
        let mut rows = people(&catalog, &plans, &[], date("2027-01-05"));
        sort_people(&mut rows, SortBy::Status);
        assert_eq!(rows[0].name, "alex");
        assert!(
            rows[0].describe().starts_with("behind by"),
            "{}",
            rows[0].describe()
        );
        assert_eq!(rows[1].describe(), "on track");
        sort_people(&mut rows, SortBy::Finish);
        assert_eq!(rows[0].name, "alex", "the earlier finish first");
    }
}

//! A learner's plan as data: ids are kept as written, so a plan naming a credential that is
//! gone keeps it (the checks mark it missing) and nothing a user wrote is dropped.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::catalog::format::MAX_MONTHS;
use crate::catalog::{Amount, Catalog, CredentialIdx, RoleIdx};

/// The most an hour of study may be worth (currency units), so that cost plus hours times
/// this value stays exact in 64-bit hundredths over any catalog.
pub const MAX_TIME_VALUE: f64 = 10_000.0;

/// Checks a value of an hour of study: 0 or more, at most [`MAX_TIME_VALUE`].
pub fn time_value(value: f64) -> Result<Amount, String> {
    if (0.0..=MAX_TIME_VALUE).contains(&value) {
        Ok(Amount::from_f64(value))
    } else {
        Err(format!(
            "the value of an hour of study must be from 0 to {MAX_TIME_VALUE}, not {value}"
        ))
    }
}

/// SPEC §3: `--hours-per-week` defaults to 10.
pub const DEFAULT_HOURS_PER_WEEK: Amount = Amount(1000);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub name: String,
    /// The target role's id, when one is chosen.
    pub role: Option<String>,
    pub have: Have,
    pub hours_per_week: Amount,
    pub start: Date,
    pub budget: Option<Amount>,
    /// The value of an hour of study, counted in the cost objective (`None`: free).
    pub time_value: Option<Amount>,
    pub steps: Vec<Step>,
    pub notes: Option<String>,
    /// The date the plan should be finished by: the recommender keeps its hours within what
    /// the hours a week allow until then.
    pub finish_by: Option<Date>,
    /// The most hours the plan's steps left may take (a limit on the recommender).
    pub max_hours: Option<Amount>,
    /// The person the plan belongs to, whose holdings and settings it uses; `None` for a plan
    /// that keeps its own (a plan file from before people, or one read from anywhere).
    pub person: Option<Person>,
}

/// The person a plan belongs to: the plan's `have`, hours a week, budget and time value are
/// theirs, except the settings the plan overrides for itself (a "what if" copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub overrides: Overrides,
    /// Holdings written in the plan file itself besides the person's: kept as written, never
    /// planned with (`upskill check` reports them when they differ from the person's).
    pub own_have: Option<Have>,
    /// The person's profile as this process last read or wrote it: a save merges the plan's
    /// changes into the file against it, keeping changes made meanwhile by another plan.
    /// `None` until the profile is read.
    pub base: Option<super::Profile>,
}

impl Person {
    /// A plan's link to person `name`, before their profile is read.
    pub fn named(name: impl Into<String>) -> Person {
        Person {
            name: name.into(),
            overrides: Overrides::default(),
            own_have: None,
            base: None,
        }
    }
}

/// The settings a plan sets for itself instead of taking its person's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    pub hours_per_week: bool,
    pub budget: bool,
    pub time_value: bool,
}

/// What the learner already holds: credential ids and skill ids, as written, and their
/// work experience.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Have {
    pub credentials: Vec<String>,
    /// When a held credential was earned, by id, where the learner said: its validity runs
    /// from then, and one that expired before the plan starts no longer counts.
    pub earned: BTreeMap<String, Date>,
    /// When a held credential expires, by id, where its issuer said (a badge's `expires`):
    /// this date, rather than `earned + valid_for_months`, is when it stops counting.
    pub expires: BTreeMap<String, Date>,
    pub skills: Vec<String>,
    pub experience: Vec<Experience>,
}

/// A credential the learner holds, as an import finds it: its catalog id, and the dates
/// its issuer gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    pub id: String,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
}

impl Have {
    /// Adds `holdings` to what is held and gives the ids that changed. A credential not held
    /// yet is added with its dates; one held already takes the dates of a later award (a
    /// renewal), or fills in dates it lacks, and is otherwise left as it is, so adding the
    /// same holdings twice changes nothing the second time.
    pub fn add_holdings(&mut self, holdings: &[Holding]) -> Vec<String> {
        let mut changed = Vec::new();
        for holding in holdings {
            let before = (self.earned.get(&holding.id), self.expires.get(&holding.id));
            let held = self.credentials.contains(&holding.id);
            let later = match (before.0, holding.earned) {
                (Some(had), Some(new)) => new > *had,
                (None, Some(_)) => true,
                (_, None) => !held,
            };
            let fills_expiry = before.1.is_none()
                && holding.expires.is_some()
                && before.0.copied() == holding.earned;
            if held && !later && !fills_expiry {
                continue;
            }
            if !held {
                self.credentials.push(holding.id.clone());
            }
            if later {
                set(&mut self.earned, &holding.id, holding.earned);
            }
            set(&mut self.expires, &holding.id, holding.expires);
            if !changed.contains(&holding.id) {
                changed.push(holding.id.clone());
            }
        }
        changed
    }
}

fn set(map: &mut BTreeMap<String, Date>, id: &str, date: Option<Date>) {
    match date {
        Some(date) => map.insert(id.to_owned(), date),
        None => map.remove(id),
    };
}

/// Work experience in a field (a skill id, as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Experience {
    pub field: String,
    pub tenure: Tenure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tenure {
    /// A fixed number of months (past work).
    Months(u32),
    /// Work since a date, still going on: the months keep accruing.
    Since(Date),
}

impl std::fmt::Display for Experience {
    /// As the command line takes it: `security=24`, `networking:since=2021-06-01`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.tenure {
            Tenure::Months(months) => write!(f, "{}={months}", self.field),
            Tenure::Since(date) => write!(f, "{}:since={date}", self.field),
        }
    }
}

impl std::str::FromStr for Experience {
    type Err = String;

    /// `security=24` or `networking:since=2021-06-01`.
    fn from_str(text: &str) -> Result<Experience, String> {
        let fix = "write it as FIELD=MONTHS (security=24) or FIELD:since=YYYY-MM-DD \
                   (networking:since=2021-06-01)";
        let Some((field, value)) = text.split_once('=') else {
            return Err(format!("`{text}` has no `=`: {fix}"));
        };
        let (field, since) = match field.split_once(':') {
            Some((field, "since")) => (field, true),
            Some((_, other)) => {
                return Err(format!(
                    "unknown `{other}` in `{text}`: the only one is `since`; {fix}"
                ));
            }
            None => (field, false),
        };
        if field.is_empty() {
            return Err(format!("`{text}` names no field: {fix}"));
        }
        let tenure = if since {
            let date: Date = value
                .parse()
                .map_err(|_| format!("`{value}` is not a date: {fix}"))?;
            Tenure::Since(date)
        } else {
            match value.parse::<u32>() {
                Ok(months) if (1..=MAX_MONTHS).contains(&months) => Tenure::Months(months),
                _ => {
                    return Err(format!(
                        "`{value}` is not a whole number of months from 1 to {MAX_MONTHS}: {fix}"
                    ));
                }
            }
        };
        Ok(Experience {
            field: field.to_owned(),
            tenure,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// A global credential id (`provider/id`), possibly one the catalogs no longer have.
    pub id: String,
    pub status: Status,
    /// When a done step was completed.
    pub completed: Option<Date>,
    pub note: Option<String>,
}

impl Step {
    pub fn planned(id: impl Into<String>) -> Step {
        Step {
            id: id.into(),
            status: Status::Planned,
            completed: None,
            note: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    #[default]
    Planned,
    InProgress,
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Plan {
    /// An empty plan with the SPEC defaults.
    pub fn new(name: impl Into<String>, start: Date) -> Plan {
        Plan {
            name: name.into(),
            role: None,
            have: Have::default(),
            hours_per_week: DEFAULT_HOURS_PER_WEEK,
            start,
            budget: None,
            time_value: None,
            steps: Vec::new(),
            notes: None,
            finish_by: None,
            max_hours: None,
            person: None,
        }
    }

    /// Takes `other`'s record of its person's profile as last read or written: undo brings
    /// back the plan of an earlier moment, but not what the profile file held then, which
    /// the next save merges against.
    pub fn keep_person_base(&mut self, other: &Plan) {
        if let (Some(person), Some(theirs)) = (self.person.as_mut(), other.person.as_ref())
            && person.name == theirs.name
        {
            person.base.clone_from(&theirs.base);
        }
    }

    /// The most hours the steps left may take: the plan's hour limit, and what its finish-by
    /// date leaves from its start or `today`, whichever is later; `None` when it has neither.
    pub fn hours_limit(&self, today: Date) -> Option<Amount> {
        let until = self
            .finish_by
            .map(|by| super::deadline::hours_until(self.start.max(today), by, self.hours_per_week));
        match (self.max_hours, until) {
            (Some(most), Some(until)) => Some(most.min(until)),
            (most, until) => most.or(until),
        }
    }

    /// The target role, when it names one the catalog has.
    pub fn role_in(&self, catalog: &Catalog) -> Option<RoleIdx> {
        self.role.as_deref().and_then(|id| catalog.find_role(id))
    }

    /// Each step's credential, `None` for ids the catalog does not have.
    pub fn step_credentials(&self, catalog: &Catalog) -> Vec<Option<CredentialIdx>> {
        self.steps
            .iter()
            .map(|step| catalog.find_credential(&step.id))
            .collect()
    }

    /// The position of the step for a credential id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|step| step.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn holding(id: &str, earned: Option<&str>, expires: Option<&str>) -> Holding {
        Holding {
            id: id.to_owned(),
            earned: earned.map(date),
            expires: expires.map(date),
        }
    }

    #[test]
    fn holdings_are_added_with_their_dates_and_adding_them_again_changes_nothing() {
        let mut have = Have::default();
        let holdings = [
            holding("p/a", Some("2024-01-01"), Some("2026-01-01")),
            holding("p/b", None, None),
        ];
        assert_eq!(have.add_holdings(&holdings), vec!["p/a", "p/b"]);
        assert_eq!(have.credentials, vec!["p/a", "p/b"]);
        assert_eq!(have.earned.get("p/a"), Some(&date("2024-01-01")));
        assert_eq!(have.expires.get("p/a"), Some(&date("2026-01-01")));
        let before = have.clone();
        assert!(have.add_holdings(&holdings).is_empty());
        assert_eq!(have, before);
    }

    #[test]
    fn a_later_award_replaces_the_dates_and_an_earlier_one_does_not() {
        let mut have = Have::default();
        have.add_holdings(&[holding("p/a", Some("2024-01-01"), Some("2025-01-01"))]);
        assert!(
            have.add_holdings(&[holding("p/a", Some("2023-01-01"), None)])
                .is_empty()
        );
        assert_eq!(
            have.add_holdings(&[holding("p/a", Some("2025-02-01"), None)]),
            vec!["p/a"]
        );
        assert_eq!(have.earned.get("p/a"), Some(&date("2025-02-01")));
        assert_eq!(have.expires.get("p/a"), None);
        assert_eq!(have.credentials, vec!["p/a"]);
    }

    #[test]
    fn two_awards_of_one_credential_hold_it_once_with_the_later_dates() {
        let mut have = Have::default();
        let changed = have.add_holdings(&[
            holding("p/a", Some("2024-01-01"), None),
            holding("p/a", Some("2025-01-01"), Some("2027-01-01")),
        ]);
        assert_eq!(changed, vec!["p/a"]);
        assert_eq!(have.credentials, vec!["p/a"]);
        assert_eq!(have.earned.get("p/a"), Some(&date("2025-01-01")));
        assert_eq!(have.expires.get("p/a"), Some(&date("2027-01-01")));
    }
}

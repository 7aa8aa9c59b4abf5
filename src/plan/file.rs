//! The plan file of SPEC §2 (`format: 1`), read and written through `crate::yaml`. Every
//! step is kept as written, even one naming a credential no catalog has (the checks mark
//! it missing), and unknown fields are errors, located at their line and column.

mod have;
mod held;
mod profile;

use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::catalog::Amount;
use crate::catalog::format::{Number, Text};
use crate::yaml;

use super::{DEFAULT_HOURS_PER_WEEK, Overrides, Person, Plan, Status, Step};
use have::{HaveFile, HaveOut};
pub use profile::{parse_profile, profile_to_yaml};

/// The only plan file format there is.
pub const FORMAT: u32 = 1;

/// Reads a plan file. `today` is the start date when the file gives none. On failure,
/// every error found, each with its line and column.
pub fn parse(text: &str, today: Date) -> Result<Plan, Vec<yaml::Error>> {
    let text = yaml::decode(text.as_bytes()).map_err(|error| vec![error])?;
    if yaml::is_blank(text) {
        return Err(vec![yaml::Error {
            position: yaml::Position::START,
            message: "the plan file is empty".to_owned(),
        }]);
    }
    let file: PlanFile = yaml::from_str(text).map_err(|failure| failure.errors)?;
    let own_have = (!file.have.is_empty()).then(|| file.have.into_have());
    let person = file.person.map(|name| Person {
        name: name.as_str().to_owned(),
        overrides: Overrides {
            hours_per_week: file.hours_per_week.is_some(),
            budget: file.budget.is_some(),
            time_value: file.time_value.is_some(),
        },
        own_have: own_have.clone(),
        base: None,
    });
    Ok(Plan {
        name: file.name.map(|n| n.as_str().to_owned()).unwrap_or_default(),
        role: file.role.map(|r| r.as_str().to_owned()),
        // A person's plan plans with the person's holdings once their profile is read.
        have: own_have.unwrap_or_default(),
        hours_per_week: file.hours_per_week.map_or(DEFAULT_HOURS_PER_WEEK, |h| h.0),
        start: file.start.map_or(today, |d| d.0),
        budget: file.budget.map(|b| b.0),
        time_value: file.time_value.map(|v| v.0),
        steps: file
            .steps
            .into_iter()
            .map(|step| Step {
                id: step.id.as_str().to_owned(),
                status: step.status.unwrap_or_default().0,
                completed: step.completed.map(|d| d.0),
                note: step.note.map(|n| n.as_str().to_owned()),
            })
            .collect(),
        notes: file.notes.map(|n| n.as_str().to_owned()),
        finish_by: file.finish_by.map(|d| d.0),
        max_hours: file.max_hours.map(|h| h.0),
        person,
    })
}

/// Writes a plan file. A person's plan writes only what is the plan's: its steps and
/// settings, and of the person's holdings and settings only those it overrides (the
/// profile file holds the rest, see [`profile_to_yaml`]).
pub fn to_yaml(plan: &Plan) -> Result<String, yaml::Error> {
    let own = |overridden: fn(&Overrides) -> bool| {
        plan.person
            .as_ref()
            .is_none_or(|person| overridden(&person.overrides))
    };
    let have = match &plan.person {
        None => Some(HaveOut::of(&plan.have)),
        Some(person) => person.own_have.as_ref().map(HaveOut::of),
    };
    let file = PlanOut {
        format: FORMAT,
        name: &plan.name,
        person: plan.person.as_ref().map(|person| person.name.as_str()),
        role: plan.role.as_deref(),
        have,
        hours_per_week: own(|o| o.hours_per_week).then_some(plan.hours_per_week),
        start: plan.start.to_string(),
        finish_by: plan.finish_by.map(|date| date.to_string()),
        max_hours: plan.max_hours,
        budget: plan.budget.filter(|_| own(|o| o.budget)),
        time_value: plan.time_value.filter(|_| own(|o| o.time_value)),
        steps: plan
            .steps
            .iter()
            .map(|step| StepOut {
                id: &step.id,
                status: step.status.as_str(),
                completed: step.completed.map(|d| d.to_string()),
                note: step.note.as_deref(),
            })
            .collect(),
        notes: plan.notes.as_deref(),
    };
    yaml::to_string(&file)
}

/// A plan file that stands alone, for another machine: a person's plan with their holdings
/// and settings written in as the plan's own (`upskill import` makes the person from them).
pub fn portable_yaml(plan: &Plan) -> Result<String, yaml::Error> {
    let mut copy = plan.clone();
    if let Some(person) = copy.person.as_mut() {
        person.own_have = Some(plan.have.clone());
        person.overrides = Overrides {
            hours_per_week: true,
            budget: true,
            time_value: true,
        };
        person.base = None;
    }
    to_yaml(&copy)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    #[serde(default, rename = "format")]
    _format: Option<FormatNumber>,
    name: Option<Text>,
    /// The person the plan belongs to (their profile file holds their holdings).
    person: Option<Text>,
    role: Option<Text>,
    #[serde(default)]
    have: HaveFile,
    hours_per_week: Option<PositiveAmount>,
    start: Option<DateText>,
    budget: Option<NonNegativeAmount>,
    time_value: Option<TimeValue>,
    finish_by: Option<DateText>,
    max_hours: Option<HourLimit>,
    #[serde(default)]
    steps: Vec<StepFile>,
    notes: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    id: Text,
    status: Option<StatusText>,
    completed: Option<DateText>,
    note: Option<Text>,
}

#[derive(Serialize)]
struct PlanOut<'a> {
    format: u32,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    have: Option<HaveOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours_per_week: Option<Amount>,
    start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    finish_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_hours: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_value: Option<Amount>,
    steps: Vec<StepOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
}

#[derive(Serialize)]
struct StepOut<'a> {
    id: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

struct FormatNumber;
struct PositiveAmount(Amount);
struct NonNegativeAmount(Amount);
struct HourLimit(Amount);
struct TimeValue(Amount);

impl<'de> Deserialize<'de> for TimeValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Number(n) = Number::deserialize(deserializer)?;
        super::time_value(n)
            .map(TimeValue)
            .map_err(de::Error::custom)
    }
}
struct DateText(Date);
#[derive(Default)]
struct StatusText(Status);

impl<'de> Deserialize<'de> for FormatNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Number(n) = Number::deserialize(deserializer)?;
        if (n - f64::from(FORMAT)).abs() < f64::EPSILON {
            Ok(FormatNumber)
        } else {
            Err(de::Error::custom(format_args!(
                "this plan file is format {n}; this version of upskill reads format {FORMAT} only"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for PositiveAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Number(n) = Number::deserialize(deserializer)?;
        if n.is_finite() && n > 0.0 && n <= 168.0 {
            Ok(PositiveAmount(Amount::from_f64(n)))
        } else {
            Err(de::Error::custom(format_args!(
                "hours per week must be more than 0 and at most 168, not {n}"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for HourLimit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Number(n) = Number::deserialize(deserializer)?;
        if (0.0..1e9).contains(&n) {
            Ok(HourLimit(Amount::from_f64(n)))
        } else {
            Err(de::Error::custom(format_args!(
                "max_hours is the most hours the plan may take: 0 or more, like 200, not {n}"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for NonNegativeAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Number(n) = Number::deserialize(deserializer)?;
        if (0.0..1e12).contains(&n) {
            Ok(NonNegativeAmount(Amount::from_f64(n)))
        } else {
            Err(de::Error::custom(format_args!(
                "the budget must be 0 or more, not {n}"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, like 2027-01-04")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<DateText, E> {
                crate::dates::parse(value, "2027-01-04")
                    .map(DateText)
                    .map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for StatusText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        match text.as_str() {
            "planned" => Ok(StatusText(Status::Planned)),
            "in-progress" => Ok(StatusText(Status::InProgress)),
            "done" => Ok(StatusText(Status::Done)),
            other => Err(de::Error::custom(format_args!(
                "unknown status `{other}`: expected `planned`, `in-progress` or `done`"
            ))),
        }
    }
}

#[cfg(test)]
mod tests;

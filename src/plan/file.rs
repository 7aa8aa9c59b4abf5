//! The plan file of SPEC §2 (`format: 1`), read and written through `crate::yaml`. Every
//! step is kept as written, even one naming a credential no catalog has (the checks mark
//! it missing), and unknown fields are errors, located at their line and column.

use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::catalog::Amount;
use crate::catalog::format::{MAX_MONTHS, Number, Text};
use crate::yaml;

use super::{DEFAULT_HOURS_PER_WEEK, Experience, Have, Plan, Status, Step, Tenure};
use held::{HeldFile, HeldOut};

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
    Ok(Plan {
        name: file.name.map(|n| n.as_str().to_owned()).unwrap_or_default(),
        role: file.role.map(|r| r.as_str().to_owned()),
        have: Have {
            earned: held::dates(&file.have.credentials, |held| held.earned.as_ref()),
            expires: held::dates(&file.have.credentials, |held| held.expires.as_ref()),
            credentials: file
                .have
                .credentials
                .into_iter()
                .map(|held| held.id.as_str().to_owned())
                .collect(),
            skills: texts(file.have.skills),
            experience: file.have.experience.into_iter().map(|e| e.0).collect(),
        },
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
    })
}

/// Writes a plan file.
pub fn to_yaml(plan: &Plan) -> Result<String, yaml::Error> {
    let file = PlanOut {
        format: FORMAT,
        name: &plan.name,
        role: plan.role.as_deref(),
        have: HaveOut {
            credentials: plan
                .have
                .credentials
                .iter()
                .map(|id| HeldOut::of(&plan.have, id))
                .collect(),
            skills: &plan.have.skills,
            experience: plan
                .have
                .experience
                .iter()
                .map(|entry| ExperienceOut {
                    field: &entry.field,
                    months: match entry.tenure {
                        Tenure::Months(months) => Some(months),
                        Tenure::Since(_) => None,
                    },
                    since: match entry.tenure {
                        Tenure::Since(date) => Some(date.to_string()),
                        Tenure::Months(_) => None,
                    },
                })
                .collect(),
        },
        hours_per_week: plan.hours_per_week,
        start: plan.start.to_string(),
        budget: plan.budget,
        time_value: plan.time_value,
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

fn texts(list: Vec<Text>) -> Vec<String> {
    list.into_iter().map(|t| t.as_str().to_owned()).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    #[serde(default, rename = "format")]
    _format: Option<FormatNumber>,
    name: Option<Text>,
    role: Option<Text>,
    #[serde(default)]
    have: HaveFile,
    hours_per_week: Option<PositiveAmount>,
    start: Option<DateText>,
    budget: Option<NonNegativeAmount>,
    time_value: Option<TimeValue>,
    #[serde(default)]
    steps: Vec<StepFile>,
    notes: Option<Text>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct HaveFile {
    #[serde(default)]
    credentials: Vec<HeldFile>,
    #[serde(default)]
    skills: Vec<Text>,
    #[serde(default)]
    experience: Vec<ExperienceFile>,
}

/// `{field: security, months: 24}` or `{field: networking, since: 2021-06-01}`.
struct ExperienceFile(Experience);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExperienceFields {
    field: Text,
    months: Option<Number>,
    since: Option<DateText>,
}

impl<'de> Deserialize<'de> for ExperienceFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = ExperienceFields::deserialize(deserializer)?;
        let field = fields.field.as_str().to_owned();
        let tenure = match (fields.months, fields.since) {
            (Some(_), Some(_)) => {
                return Err(de::Error::custom(format_args!(
                    "experience in `{field}` has both `months` and `since`: keep `months` for \
                     past work, `since` for work still going on"
                )));
            }
            (None, None) => {
                return Err(de::Error::custom(format_args!(
                    "experience in `{field}` needs `months: N` (past work) or \
                     `since: YYYY-MM-DD` (work still going on)"
                )));
            }
            (Some(Number(n)), None) => {
                if n.fract() != 0.0 || !(1.0..=f64::from(MAX_MONTHS)).contains(&n) {
                    return Err(de::Error::custom(format_args!(
                        "experience in `{field}`: months must be a whole number from 1 to \
                         {MAX_MONTHS}, not {n}"
                    )));
                }
                Tenure::Months(n as u32)
            }
            (None, Some(DateText(date))) => Tenure::Since(date),
        };
        Ok(ExperienceFile(Experience { field, tenure }))
    }
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
    role: Option<&'a str>,
    have: HaveOut<'a>,
    hours_per_week: Amount,
    start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_value: Option<Amount>,
    steps: Vec<StepOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
}

#[derive(Serialize)]
struct HaveOut<'a> {
    credentials: Vec<HeldOut<'a>>,
    skills: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    experience: Vec<ExperienceOut<'a>>,
}

#[derive(Serialize)]
struct ExperienceOut<'a> {
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<String>,
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

mod held;
#[cfg(test)]
mod tests;
